/**
 * Persian typography linting: the rules below find and fix spacing, half-space and letter-form
 * mistakes in editors' text; `textFingerprint` proves a fix changed no word.
 */
import { fixPersianLetters, toLatinDigits, toPersianDigits } from "./letters.js";
import { PLURAL_SUFFIXES, SPACED_SUFFIXES, ZWNJ } from "./words.js";

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
export const FUNCTION_WORDS: ReadonlySet<string> = new Set(["و", "که", "چه", "نه", "به", "از", "با", "در", "را", "تا", "یا", "این", "آن", "هم", "بر", "پس", "اگر"]);

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
export const ADDRESS = /(?:[a-z][a-z0-9+.-]*:\/\/|www\.)[^\s<>()«»]+|[^\s@<>()]+@[^\s@<>()]+\.[a-z]{2,}/gi;

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
