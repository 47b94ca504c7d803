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
const SPACED_SUFFIXES: readonly string[] = ["ها", "های", "هایی", "تر", "ترین"];
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

/** «ها», «های», «هایی», «تر» or «ترین», written as a word of its own after its word. */
export function isSpacedSuffix(word: string): boolean {
  return word.length <= 4 && SPACED_SUFFIXES.includes(foldIndexedForSearch(word));
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
