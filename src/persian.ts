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
