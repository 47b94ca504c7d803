/**
 * Persian text helpers. This is the one place where Persian text rules live:
 * the importer, the linter, tag slugs and the search index all call into it.
 */

const PERSIAN_DIGITS = "۰۱۲۳۴۵۶۷۸۹";
const ARABIC_INDIC_DIGITS = "٠١٢٣٤٥٦٧٨٩";

/** Latin (and Arabic-Indic) digits → Persian digits, for display. */
export function toPersianDigits(value: string | number): string {
  return String(value).replace(/[0-9٠-٩]/g, (digit) => {
    const latin = ARABIC_INDIC_DIGITS.indexOf(digit);
    return PERSIAN_DIGITS[latin >= 0 ? latin : Number(digit)]!;
  });
}

/** Persian and Arabic-Indic digits → Latin digits, for parsing. */
export function toLatinDigits(value: string): string {
  return value.replace(/[۰-۹٠-٩]/g, (digit) => {
    const persian = PERSIAN_DIGITS.indexOf(digit);
    return String(persian >= 0 ? persian : ARABIC_INDIC_DIGITS.indexOf(digit));
  });
}

/** A number formatted for Persian readers: Persian digits and the Persian thousands separator. */
const persianNumberFormat = new Intl.NumberFormat("fa-IR", { useGrouping: true });
export function formatPersianNumber(value: number): string {
  return persianNumberFormat.format(value);
}

/*
 * Normalization. Two levels, because editors' text and search keys need different things:
 *
 * - `fixPersianLetters` is safe for text readers see: it only replaces Arabic code points
 *   that have a Persian counterpart looking the same (ي ى → ی, ك → ک) and Arabic-Indic
 *   digits (٠-٩ → ۰-۹). The importer and `check --fix` use it.
 * - `foldForSearch` maps every spelling variant of a word to one key; it is applied to the
 *   indexed text and to the reader's query alike, and to tag and county slugs:
 *
 *   | what                                  | becomes            | why                                       |
 *   |---------------------------------------|--------------------|-------------------------------------------|
 *   | ي ى ئ (Arabic yeh, alef maksura, yeh with hamza) | ی       | the same letter to a Persian reader        |
 *   | ك                                     | ک                  | the same letter                            |
 *   | ة ۀ ۀ (teh marbuta, heh with yeh, heh + hamza above) | ه | «مدرسة»/«مدرسهٔ»/«مدرسه» are one word     |
 *   | أ إ ٱ آ                              | ا                  | readers often type the bare alef           |
 *   | ؤ                                     | و                  |                                            |
 *   | ء (lone hamza)                        | removed            | «اجزاء» and «اجزا» are one word            |
 *   | harakat, tanwin, superscript alef, tatweel ـ | removed     | decoration, not spelling                   |
 *   | ۰-۹ ٠-٩                              | 0-9                | one digit script for search keys           |
 *   | ، ؛ ؟ ٪ ٫ ٬                          | , ; ? % . ,        |                                            |
 *   | zero-width space, soft hyphen, BOM, ZWJ, bidi marks | removed |                                        |
 *   | presentation forms (ﻙ ﯼ …)           | their base letters | NFKC                                       |
 *   | upper case Latin                      | lower case         |                                            |
 *
 *   The half-space (ZWNJ, U+200C) is kept by `foldForSearch`: how compounds are split or
 *   joined is the search module's decision, made on the folded text.
 */

const LETTER_FIXES: Record<string, string> = { "ي": "ی", "ى": "ی", "ك": "ک" };

/** Arabic letters and digits that look the same in Persian → their Persian code points. */
export function fixPersianLetters(text: string): string {
  return text.replace(/[يىك]/g, (letter) => LETTER_FIXES[letter]!).replace(/[٠-٩]/g, (digit) => toPersianDigits(digit));
}

const SEARCH_FOLDS: Record<string, string> = {
  "ي": "ی", "ى": "ی", "ئ": "ی",
  "ك": "ک",
  "ة": "ه", "ۀ": "ه",
  "أ": "ا", "إ": "ا", "ٱ": "ا", "آ": "ا",
  "ؤ": "و",
  "ء": "",
  "،": ",", "؛": ";", "؟": "?", "٪": "%", "٫": ".", "٬": ",",
};
const SEARCH_FOLD_PATTERN = new RegExp(`[${Object.keys(SEARCH_FOLDS).join("")}]`, "g");
/** Harakat and tanwin (U+064B–U+065F), superscript alef (U+0670), tatweel (U+0640). */
const DECORATION_PATTERN = /[\u064B-\u065F\u0670\u0640]/g;
/** Zero-width space, ZWJ, bidi marks and embeddings, soft hyphen, BOM. ZWNJ (U+200C) is not among them. */
const INVISIBLE_PATTERN = /[\u200B\u200D\u200E\u200F\u202A-\u202E\u2066-\u2069\u00AD\uFEFF]/g;

export function foldForSearch(text: string): string {
  return toLatinDigits(
    text
      .normalize("NFKC")
      .replace(DECORATION_PATTERN, "")
      .replace(INVISIBLE_PATTERN, "")
      .replace(SEARCH_FOLD_PATTERN, (character) => SEARCH_FOLDS[character]!),
  ).toLowerCase();
}

/**
 * A URL slug that keeps Persian letters: Arabic letter forms made Persian, decoration
 * dropped, digits Latin (as in every other URL), and every run of spaces, half-spaces and
 * punctuation turned into one hyphen. «روابط‌عمومی», «روابط عمومی» and «روابط عمومي» all
 * give «روابط-عمومی». Unlike the search key it keeps آ and ة, which readers see in the URL.
 */
export function slugify(text: string): string {
  return toLatinDigits(fixPersianLetters(text.normalize("NFKC").replace(DECORATION_PATTERN, "").replace(INVISIBLE_PATTERN, "")))
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, "-")
    .replace(/^-+|-+$/g, "");
}

/*
 * Typography: the rules the importer applies and `npm run check` reports (and `--fix`
 * applies). Each rule only changes spacing, the half-space, or a character for its Persian
 * twin, so a fix can never change a word; `textFingerprint` proves it (see below).
 *
 * | rule                     | what it finds                                      | fix                          |
 * |--------------------------|----------------------------------------------------|------------------------------|
 * | arabic-letter            | ي ى ك and Arabic-Indic digits                      | ی ک and Persian digits        |
 * | half-space               | «می شود», «میشود», «نمی توان», «بخشداری ها»,     | a half-space (U+200C)         |
 * |                          | «بخشداریها», «مهم ترین», «بیش تر», «جلسه ای»      |                              |
 * | space-before-punctuation | «برگزار شد .», «گفت :»                             | the space removed             |
 * | mixed-digits             | Latin digits in a Persian line that has Persian ones | Persian digits              |
 *
 * Joined forms are ambiguous, so only the unambiguous ones are split: «ها/های» after a word
 * ending in «ی» or «ه» (never «تنها»), and «می/نمی» before a known verb stem with a person
 * ending (never «میدان», «میزبان», «میز»). Joined «تر/ترین» («بهترین», «دختر») and joined
 * «ای» («نامهای» is «نامه‌ای» or «نام‌های») are left alone.
 */

const ZWNJ = "\u200C";
/** Persian and Arabic letters and their diacritics: what a Persian word is made of. */
const LETTERS = "\\u0621-\\u063A\\u0641-\\u065F\\u0670\\u067E\\u0686\\u0698\\u06A9\\u06AF\\u06C0\\u06CC";
const WORD_CHARS = `${LETTERS}\\u200C`;
const PERSIAN_LETTER = new RegExp(`[${LETTERS}]`);

export type TypographyRule = "arabic-letter" | "half-space" | "space-before-punctuation" | "mixed-digits";

export interface TypographyIssue {
  rule: TypographyRule;
  /** Offset of `found` in the text (UTF-16 code units). */
  index: number;
  found: string;
  replacement: string;
}

/** Words after which «ای», «ها» or «تر» is a word of its own, not a suffix («چه ای»). */
const FUNCTION_WORDS = new Set(["و", "که", "چه", "نه", "به", "از", "با", "در", "را", "تا", "یا", "این", "آن", "هم", "بر", "پس", "اگر"]);

const PLURAL_SUFFIXES = ["هایشان", "هایتان", "هایمان", "هایش", "هایت", "هایم", "هایی", "های", "ها"];
const SPACED_SUFFIXES = [...PLURAL_SUFFIXES, "ترین", "تر"];
/** Present stems take a person ending («می‌شود»); past stems may stand alone («می‌شد»). */
const PRESENT_STEMS = [
  "شو", "کن", "گیر", "گرد", "باش", "ده", "توان", "رو", "آی", "گوی", "رس", "یاب", "ساز", "بین", "دان", "خواه", "پرداز",
  "نمای", "افزای", "دار", "آور", "کوش", "بر", "گذار", "مان", "خور", "پذیر", "بخش", "شناس", "فرمای", "سپار", "نویس",
  "خوان", "آموز", "زن", "کاه", "اندیش", "پوش", "جوی", "نشین", "ریز", "فروش", "بند", "کش", "گرای", "رسان", "چرخ",
];
const PAST_STEMS = [
  "شد", "کرد", "گرفت", "گردید", "داد", "توانست", "رفت", "آمد", "گفت", "رسید", "یافت", "ساخت", "دید", "دانست", "خواست",
  "پرداخت", "نمود", "افزود", "داشت", "آورد", "کوشید", "برد", "گذاشت", "ماند", "خورد", "پذیرفت", "بخشید", "شناخت", "زد",
  "نوشت", "خواند", "بود", "کاست", "اندیشید", "بایست", "رساند",
];
const PERSON_ENDINGS = ["یم", "ید", "ند", "م", "ی", "د"];
/** Present stems used without an ending: the impersonal «می‌توان», «نمی‌شود» is covered by the endings. */
const BARE_STEMS = ["توان"];
/** Words that look like «می» + verb but are not verbs: «میدانی» (of the field, as in «بازدید میدانی»). */
const NOT_VERBS = new Set(["میدانی"]);

const alternation = (words: readonly string[]) => [...words].sort((a, b) => b.length - a.length).join("|");
const notAfterWord = `(?<![${WORD_CHARS}])`;
const notBeforeWord = `(?![${WORD_CHARS}])`;

const SPACED_PREFIX = new RegExp(`${notAfterWord}(ن?می)[ \\t]+(?=([${LETTERS}][${WORD_CHARS}]*))`, "g");
const JOINED_PREFIX = new RegExp(
  `${notAfterWord}(ن?می)((?:${alternation(PRESENT_STEMS)})(?:${alternation(PERSON_ENDINGS)})|(?:${alternation([...PAST_STEMS, ...BARE_STEMS])})(?:${alternation(PERSON_ENDINGS)})?)${notBeforeWord}`,
  "g",
);
const SPACED_SUFFIX = new RegExp(`${notAfterWord}([${LETTERS}][${WORD_CHARS}]*)[ \\t]+(${alternation(SPACED_SUFFIXES)})${notBeforeWord}`, "g");
const JOINED_PLURAL = new RegExp(`${notAfterWord}([${LETTERS}][${WORD_CHARS}]*[یه])(${alternation(PLURAL_SUFFIXES)})${notBeforeWord}`, "g");
const SPACED_INDEFINITE = new RegExp(`${notAfterWord}([${LETTERS}][${WORD_CHARS}]*ه)[ \\t]+(ای)${notBeforeWord}`, "g");

/** Where a half-space belongs and is missing: the prefixes «می/نمی» and the suffixes «ها، های، تر، ترین، ای». */
function halfSpaceIssues(text: string): TypographyIssue[] {
  const issues: TypographyIssue[] = [];
  const add = (index: number, found: string, replacement: string) => issues.push({ rule: "half-space", index, found, replacement });

  // Each pattern runs only on text that has what it looks for: the linter reads 150,000 files.
  const matches = (pattern: RegExp, ...needles: string[]) => (needles.some((needle) => text.includes(needle)) ? text.matchAll(pattern) : []);
  for (const match of matches(SPACED_PREFIX, "می")) {
    const next = match[2]!;
    if (FUNCTION_WORDS.has(next)) continue;
    add(match.index, `${match[0]}${next}`, `${match[1]}${ZWNJ}${next}`);
  }
  for (const match of matches(JOINED_PREFIX, "می")) {
    if (NOT_VERBS.has(match[0])) continue;
    add(match.index, match[0], `${match[1]}${ZWNJ}${match[2]}`);
  }
  for (const match of matches(SPACED_SUFFIX, "ها", "تر")) {
    const word = match[1]!;
    if (FUNCTION_WORDS.has(word)) continue;
    add(match.index, match[0], `${word}${ZWNJ}${match[2]}`);
  }
  for (const match of matches(JOINED_PLURAL, "ها")) {
    // «ی» or «ه» alone before «ها» is a word of its own («یها» is not a stem).
    if (match[1]!.length < 2) continue;
    add(match.index, match[0], `${match[1]}${ZWNJ}${match[2]}`);
  }
  for (const match of matches(SPACED_INDEFINITE, "ای")) {
    if (FUNCTION_WORDS.has(match[1]!)) continue;
    add(match.index, match[0], `${match[1]}${ZWNJ}${match[2]}`);
  }
  return issues;
}

const ARABIC_IN_WORD = new RegExp(`[${WORD_CHARS}٠-٩]*[يىك٠-٩][${WORD_CHARS}٠-٩]*`, "g");

function arabicLetterIssues(text: string): TypographyIssue[] {
  if (!/[يىك٠-٩]/.test(text)) return [];
  return [...text.matchAll(ARABIC_IN_WORD)].map((match) => ({
    rule: "arabic-letter" as const,
    index: match.index,
    found: match[0],
    replacement: fixPersianLetters(match[0]),
  }));
}

/** A space before «. ، , ؛ ; : ! ؟ ?» or a closing bracket or quote that ends a word. */
const SPACE_BEFORE_PUNCTUATION = /(?<=[^\s])[ \t]+([.،,؛;:!؟?)\]»]+)(?=\s|$)/g;

function punctuationIssues(text: string): TypographyIssue[] {
  return [...text.matchAll(SPACE_BEFORE_PUNCTUATION)].map((match) => ({
    rule: "space-before-punctuation" as const,
    index: match.index,
    found: match[0],
    replacement: match[1]!,
  }));
}

/** A number in Latin digits, not part of a Latin word or code («COVID-19», «H2O» stay). */
const LATIN_NUMBER = /(?<![A-Za-z0-9_\-])[0-9]+(?:[.,/:٫][0-9]+)*(?![A-Za-z0-9_])/g;

/** Latin digits in a line of Persian text that uses Persian digits elsewhere: one script per line. */
function mixedDigitIssues(text: string): TypographyIssue[] {
  const issues: TypographyIssue[] = [];
  let offset = 0;
  for (const line of text.split("\n")) {
    if (PERSIAN_LETTER.test(line) && /[۰-۹]/.test(line) && /[0-9]/.test(line)) {
      for (const match of line.matchAll(LATIN_NUMBER)) {
        issues.push({ rule: "mixed-digits", index: offset + match.index, found: match[0], replacement: toPersianDigits(match[0]) });
      }
    }
    offset += line.length + 1;
  }
  return issues;
}

/** Web addresses and e-mail addresses: never retouched. */
const ADDRESS = /(?:[a-z][a-z0-9+.-]*:\/\/|www\.)[^\s<>()«»]+|[^\s@<>()]+@[^\s@<>()]+\.[a-z]{2,}/gi;

/**
 * Every typography issue in `text`, in text order, none overlapping. `protectedRanges`
 * (start, end offsets) are left alone: the linter passes Markdown code and link targets.
 */
export function typographyIssues(text: string, protectedRanges: ReadonlyArray<readonly [number, number]> = []): TypographyIssue[] {
  const shielded: Array<readonly [number, number]> = [...protectedRanges];
  if (text.includes("://") || text.includes("www.") || text.includes("@")) {
    for (const match of text.matchAll(ADDRESS)) shielded.push([match.index, match.index + match[0].length]);
  }
  // A space right after an address is kept too: it keeps the punctuation out of the link.
  const isShielded = (issue: TypographyIssue) =>
    shielded.some(([start, end]) => (issue.rule === "space-before-punctuation" ? issue.index <= end : issue.index < end) && issue.index + issue.found.length > start);

  // Letter fixes keep every offset (one code unit for one), so the other rules run on the
  // fixed text and their offsets still point into the original.
  const letters = arabicLetterIssues(text);
  const fixed = letters.length > 0 ? fixPersianLetters(text) : text;
  const candidates = [...letters, ...halfSpaceIssues(fixed), ...punctuationIssues(fixed), ...mixedDigitIssues(fixed)]
    .filter((issue) => !isShielded(issue))
    .map((issue) => (issue.rule === "arabic-letter" ? issue : { ...issue, found: text.slice(issue.index, issue.index + issue.found.length) }))
    .sort((a, b) => a.index - b.index || b.found.length - a.found.length);

  const issues: TypographyIssue[] = [];
  let end = 0;
  for (const issue of candidates) {
    if (issue.index < end) continue;
    issues.push(issue);
    end = issue.index + issue.found.length;
  }
  return issues;
}

/** Applies `issues` (from `typographyIssues` on the same text) to the text. */
export function applyTypographyIssues(text: string, issues: readonly TypographyIssue[]): string {
  let result = "";
  let position = 0;
  for (const issue of issues) {
    result += text.slice(position, issue.index) + issue.replacement;
    position = issue.index + issue.found.length;
  }
  return result + text.slice(position);
}

/**
 * Fixes every typography issue, repeatedly until nothing changes (a fix can reveal another:
 * «ميشود ها»), so that fixing twice gives the same text as fixing once.
 */
export function fixTypography(text: string, protectedRanges: (text: string) => ReadonlyArray<readonly [number, number]> = () => []): string {
  let current = text;
  for (let round = 0; round < 5; round++) {
    const issues = typographyIssues(current, protectedRanges(current));
    if (issues.length === 0) return current;
    current = applyTypographyIssues(current, issues);
  }
  return current;
}

/**
 * The text with every difference a typography fix may make taken out: whitespace and
 * half-spaces removed, letters and digits in one script. Two texts with the same
 * fingerprint have the same words in the same order, whatever their spacing; the importer
 * and `check --fix` refuse to write a file whose fingerprint they would change.
 */
export function textFingerprint(text: string): string {
  return toLatinDigits(fixPersianLetters(text.normalize("NFC"))).replace(/[\s\u200C]+/g, "");
}
