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
 *   | خانه‌ی · خانهٔ · خانۀ · خانه ی               | خانه                          | the ezafe after a final ه is no part of the word's key; a lone «ی» is always a suffix of the word before it |
 *   | ۱۷ می ۲۰۲۳ · می ژوئن · می 5G                 | می (a word of its own)        | «می» and «نمی» are prefixes only before a word of Persian letters that is not a number or a month's name, and not after a number («۱۷ می»: the month May) |
 *   | کووید-۱۹ · کووید ۱۹ · کووید۱۹                | کووید + 19                    | letters and digits are parts of a word of their own (as are the pieces around a hyphen or slash): «کووید۱۹» is indexed with its parts, and a query word mixing them asks for each part |
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
/** The ezafe after a final ه, written after a half-space («خانه‌ی») or a space («خانه ی»): never part of a key. */
const EZAFE = "ی";
/**
 * Months' names: «۱۷ می ۲۰۲۳» is the month May, not a verb prefix. Written out here rather than
 * taken from Intl: the search page's script includes this module, and readers write «می» and
 * «جولای», which Intl does not.
 */
const MONTH_NAMES: ReadonlySet<string> = new Set(
  [
    "فروردین", "اردیبهشت", "خرداد", "تیر", "مرداد", "امرداد", "شهریور", "مهر", "آبان", "آذر", "دی", "بهمن", "اسفند",
    "ژانویه", "فوریه", "مارس", "آوریل", "مه", "می", "ژوئن", "ژوئیه", "جولای", "اوت", "آگوست", "سپتامبر", "اکتبر", "نوامبر", "دسامبر",
  ].map((name) => foldForSearch(name)),
);
/** Longest first, so that «هایی» is taken before «ها». */
const STRIPPABLE_SUFFIXES = [...SPACED_SUFFIXES].sort((a, b) => b.length - a.length);

/*
 * The functions below take words already folded by `foldForIndex` or `foldForSearch`:
 * the index builder folds each text once, not each word again.
 */

/** «می» or «نمی», written as a word of its own (it may be a verb prefix: see `prefixesNext`). */
export function isSpacedPrefix(word: string): boolean {
  return word.length <= 3 && VERB_PREFIXES.has(foldIndexedForSearch(word));
}

/** A word of Persian letters only: a verb stem can be one; a number, a Latin word or a code cannot. */
const PERSIAN_WORD = /^[\u0600-\u06FF\u200C]+$/;

/**
 * Whether «می» or «نمی» written as a word of its own is the prefix of the word after it: that
 * word is Persian letters (not a number, a Latin word or a month's name), and the word before
 * is not a number («۱۷ می ۲۰۲۳», «۱۷ می»: the month May). Words are bare, folded for the index.
 */
export function prefixesNext(previous: string | undefined, next: string): boolean {
  if (previous !== undefined && /^\d/.test(previous)) return false;
  return PERSIAN_WORD.test(next) && !MONTH_NAMES.has(foldIndexedForSearch(next));
}

/** A lone «ی»: the ezafe or a suffix typed after a space, always part of the word before. */
export function isLoneSuffix(word: string): boolean {
  return word === EZAFE;
}

/** The ezafe «ی» after a part ending in ه: dropped from the part's key. */
function isEzafeAfter(part: string, segment: string): boolean {
  return segment === EZAFE && /[هة]$/.test(part);
}

/** «ها», «های», «هایی» (…), «تر» or «ترین», written as a word of its own after its word. */
export function isSpacedSuffix(word: string): boolean {
  return word.length <= LONGEST_SPACED_SUFFIX && SPACED_SUFFIXES.includes(foldIndexedForSearch(word));
}

/**
 * A word's parts between its half-spaces, with prefixes and suffixes joined to their part:
 * «روابط‌عمومی‌ها» → [«روابط», «عمومیها»], «می‌شود» → [«میشود»], «کتاب» → [«کتاب»],
 * «خانه‌ی» → [«خانه»] (the ezafe dropped). With `keepAffixHalfSpaces`, as written for display:
 * [«روابط», «عمومی‌ها»], [«می‌شود»], [«خانه‌ی»].
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
      if (!keepAffixHalfSpaces && isEzafeAfter(parts[parts.length - 1]!, key)) continue;
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
    if (isSpacedPrefix(word) && next !== undefined && !isSpacedSuffix(next) && !isSpacedPrefix(next) && !isLoneSuffix(next) && prefixesNext(words[position - 1], next)) {
      joined.push(word + ZWNJ + next);
      position++;
    } else if ((isSpacedSuffix(word) || isLoneSuffix(word)) && joined.length > 0) {
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

/** Persian letters next to digits: «کووید19», «10ام». */
const PERSIAN_LETTER_THEN_DIGIT = /([\u0620-\u064A\u066E-\u06D3\u06D5\u06FA-\u06FF][\u064B-\u065F\u0670]*)(\d)/g;
const DIGIT_THEN_PERSIAN_LETTER = /(\d)([\u0620-\u064A\u066E-\u06D3\u06D5\u06FA-\u06FF])/g;

/**
 * A word's pieces where Persian letters meet digits («کووید19» → «کووید», «19»). The index
 * holds such a word with these pieces as its parts (src/search/text.ts), as Pagefind holds
 * the pieces of «کووید-19» around its hyphen, so that a query written joined, spaced or with
 * a hyphen finds each way of writing it. Latin words with digits («mp3», «covid19») stay
 * whole: they are names and codes, written one way.
 */
export function digitPieces(word: string): string[] {
  // No lookbehind: Safari before 16.4 cannot parse it (see `showInPersian`).
  return word.replace(PERSIAN_LETTER_THEN_DIGIT, "$1 $2").replace(DIGIT_THEN_PERSIAN_LETTER, "$1 $2").split(" ");
}

/**
 * A query word's pieces: around a hyphen or slash between letters («کووید-19», «covid/19»), and
 * where Persian letters meet digits. A number written with separators («1402/05/12», «12,500»)
 * stays one piece: it is read as one number.
 */
export function queryPieces(word: string): string[] {
  if (/^[\d.,/:-]+$/.test(word)) return [word];
  return word
    .split(/[-/\u2010-\u2015]+/)
    .flatMap(digitPieces)
    .filter((piece) => piece !== "");
}

/** The search keys of a word's compound parts, folded together so that a letter read by the next part's (ة) folds alike. */
export function compoundKeys(word: string): string[] {
  return foldIndexedForSearch(compoundParts(word).join(ZWNJ))
    .split(ZWNJ)
    .filter((key) => key !== "");
}

/**
 * The reader's query as the index reads text: every spelling of a word gives the same
 * query. Compounds and affixes are joined («روابط‌عمومی» → «روابطعمومی», «می شود» →
 * «میشود»); a compound typed with a space stays two words, which the index holds as parts,
 * and so do letters and digits in one word («کووید-۱۹» → «کووید 19»).
 */
export function normalizeQuery(query: string): string {
  return queryCompounds(query)
    .map((parts) => parts.join(""))
    .join(" ");
}

/**
 * The reader's query word by word, each as its compound parts: «روابط‌عمومی اداره» →
 * [[روابط, عمومی], [اداره]]. `normalizeQuery` joins each word's parts.
 */
export function queryCompounds(query: string): string[][] {
  const words = foldForSearch(query)
    .split(/\s+/)
    .map(trimPunctuation)
    .filter((word) => word !== "")
    .flatMap(queryPieces)
    .map(trimPunctuation)
    .filter((word) => word !== "");
  return attachSpacedAffixes(words).map((word) => compoundParts(word));
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
