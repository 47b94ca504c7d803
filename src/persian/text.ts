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
 * Normalization. Three levels, because editors' text, the search index's text and search
 * keys need different things:
 *
 * - `fixPersianLetters` is safe for text readers see: it only replaces Arabic code points
 *   that have a Persian counterpart looking the same (ي ى → ی, ك → ک) and Arabic-Indic
 *   digits (٠-٩ → ۰-۹). The importer and `check --fix` use it.
 * - `foldForIndex` is what the search index stores as a release's text. Search excerpts are
 *   cut from that text, so it only folds what reads the same once the excerpt is shown:
 *   the rows marked «index» below (digits and punctuation are shown in their Persian forms
 *   again, see `search-text.ts`).
 * - `foldForSearch` maps every spelling variant of a word to one key: all rows below. It is
 *   applied to the reader's query, to the index's extra spellings and to tag and county slugs.
 *   `foldForSearch(foldForIndex(text)) === foldForSearch(text)`, and both are idempotent.
 *
 *   | what                                  | becomes            | level  | why                                   |
 *   |---------------------------------------|--------------------|--------|---------------------------------------|
 *   | ي ى (Arabic yeh, alef maksura)        | ی                  | index  | the same letter to a Persian reader   |
 *   | ك                                     | ک                  | index  | the same letter                       |
 *   | ۰-۹ ٠-٩                              | 0-9                | index  | one digit script for search keys      |
 *   | harakat, tanwin, superscript alef, tatweel ـ | removed     | index  | decoration, not spelling              |
 *   | zero-width space, soft hyphen, BOM, ZWJ, bidi marks | removed | index |                                   |
 *   | presentation forms (ﻙ ﯼ …)           | their base letters | index  | NFKC                                  |
 *   | ، ؛ ؟ ٪ ٫ ٬                          | , ; ? % . ,        | index  | one punctuation for both scripts      |
 *   | « » “ ” „                            | "                  | index  | quotes: Pagefind then splits on them  |
 *   | ئ (yeh with hamza)                    | ی                  | key    | «مسئول» and «مسیول» are one word      |
 *   | ة ۀ (teh marbuta, heh with yeh; heh + hamza above is harakat) | ه | key | «مدرسة»/«مدرسۀ»/«مدرسه» are one word |
 *   | أ إ ٱ آ                              | ا                  | key    | readers often type the bare alef      |
 *   | ؤ                                     | و                  | key    |                                       |
 *   | ء (lone hamza)                        | removed            | key    | «اجزاء» and «اجزا» are one word       |
 *   | upper case Latin                      | lower case         | key    |                                       |
 *
 *   The half-space (ZWNJ, U+200C) is kept by both folds; `compoundParts`,
 *   `attachSpacedAffixes` and `normalizeQuery` below decide how a half-space, a space or
 *   nothing between two parts of a word is read.
 */

const LETTER_FIXES: Record<string, string> = { "ي": "ی", "ى": "ی", "ك": "ک" };

/** Arabic letters and digits that look the same in Persian → their Persian code points. */
export function fixPersianLetters(text: string): string {
  return text.replace(/[يىك]/g, (letter) => LETTER_FIXES[letter]!).replace(/[٠-٩]/g, (digit) => toPersianDigits(digit));
}

const INDEX_FOLDS: Record<string, string> = {
  "ي": "ی", "ى": "ی",
  "ك": "ک",
  "،": ",", "؛": ";", "؟": "?", "٪": "%", "٫": ".", "٬": ",",
  "«": "\"", "»": "\"", "“": "\"", "”": "\"", "„": "\"",
};
const KEY_FOLDS: Record<string, string> = {
  "ئ": "ی",
  "ة": "ه", "ۀ": "ه",
  "أ": "ا", "إ": "ا", "ٱ": "ا", "آ": "ا",
  "ؤ": "و",
  "ء": "",
};
const INDEX_FOLD_PATTERN = new RegExp(`[${Object.keys(INDEX_FOLDS).join("")}]`, "g");
const KEY_FOLD_PATTERN = new RegExp(`[${Object.keys(KEY_FOLDS).join("")}]`, "g");
const KEY_FOLD_TEST = new RegExp(`[${Object.keys(KEY_FOLDS).join("")}]`);
/** Harakat and tanwin (U+064B–U+065F), superscript alef (U+0670), tatweel (U+0640). */
const DECORATION_PATTERN = /[\u064B-\u065F\u0670\u0640]/g;
/** Zero-width space, ZWJ, bidi marks and embeddings, soft hyphen, BOM. ZWNJ (U+200C) is not among them. */
const INVISIBLE_PATTERN = /[\u200B\u200D\u200E\u200F\u202A-\u202E\u2066-\u2069\u00AD\uFEFF]/g;

export function foldForIndex(text: string): string {
  return toLatinDigits(
    text
      .normalize("NFKC")
      .replace(DECORATION_PATTERN, "")
      .replace(INVISIBLE_PATTERN, "")
      .replace(INDEX_FOLD_PATTERN, (character) => INDEX_FOLDS[character]!),
  );
}

export function foldForSearch(text: string): string {
  return foldIndexedForSearch(foldForIndex(text));
}

/**
 * `foldForSearch` of text that has been through `foldForIndex` already: the cheap half,
 * for the index builder, which folds every word of the archive.
 */
export function foldIndexedForSearch(indexed: string): string {
  const folded = KEY_FOLD_TEST.test(indexed) ? indexed.replace(KEY_FOLD_PATTERN, (character) => KEY_FOLDS[character]!) : indexed;
  return folded.toLowerCase();
}

/*
 * Half-spaces, spaces and joined writing. Persian writes the parts of a word with a
 * half-space (ZWNJ), but editors and readers often type a space or nothing instead:
 * «می‌شود», «می شود» and «میشود» are one word. Search reads them so:
 *
 *   | written                                     | read as                       | rule                                |
 *   |---------------------------------------------|-------------------------------|-------------------------------------|
 *   | می‌شود · می شود · میشود                      | میشود                         | the verb prefixes می and نمی join the verb, after a half-space or a space |
 *   | کتاب‌ها · کتاب ها · کتابها                   | کتابها                        | the suffixes ها, های, هایی, تر, ترین join their word, after a half-space or a space |
 *   | خانه‌ای · نامه‌اش · برنامه‌ی                 | خانهای · نامهاش · برنامهی     | other suffixes (ای ام اش …) join their word after a half-space only: after a space they are words of their own |
 *   | روابط‌عمومی                                 | روابطعمومی, made of روابط + عمومی | any other half-space joins the parts of a compound |
 *
 * Affixes are joined, not split, so that the index never holds «می» or «ها» as words of
 * their own (each would be in every release). A compound's parts are words readers look
 * for, so the search index keeps the compound and its parts (see `search-text.ts`), and a
 * query reads «روابط عمومی» as its two parts and «روابط‌عمومی» or «روابطعمومی» as the
 * whole. Which space-written or joined words are compounds («روابط عمومی», «روابطعمومی»)
 * the index learns from the half-spaces of the archive itself (`CompoundLexicon`).
 */

export const ZWNJ = "\u200C";
const VERB_PREFIXES: ReadonlySet<string> = new Set(["می", "نمی"]);
/** Plural suffixes (with the possessive endings), longest first. Search and typography share them. */
const PLURAL_SUFFIXES: readonly string[] = ["هایشان", "هایتان", "هایمان", "هایش", "هایت", "هایم", "هایی", "های", "ها"];
/** The suffixes editors also type after a space, or with nothing between: plurals and comparatives. */
const SPACED_SUFFIXES: readonly string[] = [...PLURAL_SUFFIXES, "ترین", "تر"];
const LONGEST_SPACED_SUFFIX = Math.max(...SPACED_SUFFIXES.map((suffix) => suffix.length));
const HALF_SPACE_SUFFIXES: ReadonlySet<string> = new Set([
  ...SPACED_SUFFIXES,
  "هایم", "هایت", "هایش", "هایمان", "هایتان", "هایشان", "ترها", "تری",
  "ای", "ام", "ات", "اش", "ایم", "اید", "اند", "ی", "یی", "مان", "تان", "شان",
]);
/** Longest first, so that «هایی» is taken before «ها». */
const STRIPPABLE_SUFFIXES = [...SPACED_SUFFIXES].sort((a, b) => b.length - a.length);

/*
 * The functions below take words already folded by `foldForIndex` or `foldForSearch`:
 * the index builder folds each text once, not each word again.
 */

/** «می» or «نمی», written as a word of its own before a verb. */
export function isSpacedPrefix(word: string): boolean {
  return word.length <= 3 && VERB_PREFIXES.has(foldIndexedForSearch(word));
}

/** «ها», «های», «هایی» (…), «تر» or «ترین», written as a word of its own after its word. */
export function isSpacedSuffix(word: string): boolean {
  return word.length <= LONGEST_SPACED_SUFFIX && SPACED_SUFFIXES.includes(foldIndexedForSearch(word));
}

/**
 * A word's parts between its half-spaces, with prefixes and suffixes joined to their part:
 * «روابط‌عمومی‌ها» → [«روابط», «عمومیها»], «می‌شود» → [«میشود»], «کتاب» → [«کتاب»].
 * With `keepAffixHalfSpaces`, as written for display: [«روابط», «عمومی‌ها»], [«می‌شود»].
 */
export function compoundParts(word: string, keepAffixHalfSpaces = false): string[] {
  if (!word.includes(ZWNJ)) return [word];
  const joiner = keepAffixHalfSpaces ? ZWNJ : "";
  const parts: string[] = [];
  let prefix = "";
  for (const segment of word.split(ZWNJ)) {
    if (segment === "") continue;
    const key = foldIndexedForSearch(segment);
    if (prefix === "" && parts.length > 0 && HALF_SPACE_SUFFIXES.has(key)) {
      parts[parts.length - 1] += joiner + segment;
    } else if (VERB_PREFIXES.has(key)) {
      prefix += segment + joiner;
    } else {
      parts.push(prefix + segment);
      prefix = "";
    }
  }
  if (prefix !== "") parts.push(keepAffixHalfSpaces ? prefix.slice(0, -1) : prefix);
  return parts;
}

/**
 * Joins the prefixes and suffixes that were typed as words of their own to their word,
 * with a half-space: [«می», «شود»] → [«می‌شود»], [«کتاب», «ها»] → [«کتاب‌ها»].
 * Words must be bare (no punctuation around them).
 */
export function attachSpacedAffixes(words: readonly string[]): string[] {
  const joined: string[] = [];
  for (let position = 0; position < words.length; position++) {
    const word = words[position]!;
    const next = words[position + 1];
    if (isSpacedPrefix(word) && next !== undefined && !isSpacedSuffix(next) && !isSpacedPrefix(next)) {
      joined.push(word + ZWNJ + next);
      position++;
    } else if (isSpacedSuffix(word) && joined.length > 0) {
      joined[joined.length - 1] += ZWNJ + word;
    } else {
      joined.push(word);
    }
  }
  return joined;
}

/** A search key without its last suffix («عمومیها» → «عمومی»), or the key itself. */
export function withoutSuffix(key: string): string {
  for (const suffix of STRIPPABLE_SUFFIXES) {
    if (key.endsWith(suffix) && key.length - suffix.length >= 2) return key.slice(0, -suffix.length);
  }
  return key;
}

const EDGE_PUNCTUATION = /^[^\p{L}\p{N}]+|[^\p{L}\p{N}\p{M}]+$/gu;

/** A word without the punctuation around it: «"روابط‌عمومی",» → «روابط‌عمومی». */
export function trimPunctuation(word: string): string {
  return word.replace(EDGE_PUNCTUATION, "");
}

/**
 * The reader's query as the index reads text: every spelling of a word gives the same
 * query. Compounds and affixes are joined («روابط‌عمومی» → «روابطعمومی», «می شود» →
 * «میشود»); a compound typed with a space stays two words, which the index holds as parts.
 */
export function normalizeQuery(query: string): string {
  const words = foldForSearch(query)
    .split(/\s+/)
    .map(trimPunctuation)
    .filter((word) => word !== "");
  return attachSpacedAffixes(words)
    .map((word) => compoundParts(word).join(""))
    .join(" ");
}

const PERSIAN_PUNCTUATION: Record<string, string> = { ",": "،", ";": "؛", "?": "؟", "%": "٪" };

/**
 * One word of Persian text that went through `foldForIndex`, with Persian digits and
 * punctuation again, for display: «"1402,» → «۱۴۰۲،», «12,500» → «۱۲٬۵۰۰», «2.5» → «۲٫۵»,
 * «"آغاز"» → «آغاز». Words with Latin letters (addresses, names) are left as they are.
 */
export function showInPersian(word: string): string {
  if (/[A-Za-z]/.test(word)) return word;
  return toPersianDigits(
    word
      // No lookbehind: Safari before 16.4 cannot parse it, and this runs on readers' phones.
      .replace(/(\d),(?=\d)/g, "$1٬")
      .replace(/(\d)\.(?=\d)/g, "$1٫")
      .replace(/[,;?%]/g, (mark) => PERSIAN_PUNCTUATION[mark]!)
      .replace(/^"/, "«")
      .replace(/"(?=[^\p{L}\p{N}]*$)/u, "»"),
  );
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
