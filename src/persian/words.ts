/**
 * Persian words: the half-space (ZWNJ), the verb prefixes and the suffixes written with it,
 * a word's compound parts, and the reader's query read as the search index reads text.
 * Plain TypeScript without Node APIs: the search page's script imports it too.
 */
import { foldForSearch, foldIndexedForSearch, toPersianDigits } from "./letters.js";

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
 * for, so the search index keeps the compound and its parts (see src/search/text.ts), and a
 * query reads «روابط عمومی» as its two parts and «روابط‌عمومی» or «روابطعمومی» as the
 * whole. Which space-written or joined words are compounds («روابط عمومی», «روابطعمومی»)
 * the index learns from the half-spaces of the archive itself (`CompoundLexicon`).
 */

export const ZWNJ = "\u200C";
const VERB_PREFIXES: ReadonlySet<string> = new Set(["می", "نمی"]);
/** Plural suffixes (with the possessive endings), longest first. Search and typography share them. */
export const PLURAL_SUFFIXES: readonly string[] = ["هایشان", "هایتان", "هایمان", "هایش", "هایت", "هایم", "هایی", "های", "ها"];
/** The suffixes editors also type after a space, or with nothing between: plurals and comparatives. */
export const SPACED_SUFFIXES: readonly string[] = [...PLURAL_SUFFIXES, "ترین", "تر"];
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
