/**
 * Persian digits and letters: digits for display and for parsing, the Arabic letter forms
 * made Persian, and the three normalization levels (displayed text, the search index's text,
 * search keys) that every other Persian rule builds on. Plain TypeScript without Node APIs:
 * the search page's script imports it too.
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
 *   again, see src/search/text.ts).
 * - `foldForSearch` maps every spelling variant of a word to one key: all rows below. It is
 *   applied to the reader's query, to the index's extra spellings and to tag and county slugs.
 *   `foldForSearch(foldForIndex(text)) === foldForSearch(text)`, and both are idempotent.
 *
 *   | what                                  | becomes            | level  | why                                   |
 *   |---------------------------------------|--------------------|--------|---------------------------------------|
 *   | ي ى (Arabic yeh, alef maksura)        | ی                  | index  | the same letter to a Persian reader   |
 *   | ك                                     | ک                  | index  | the same letter                       |
 *   | ۰-۹ ٠-٩                              | 0-9                | index  | one digit script for search keys      |
 *   | tatweel ـ                             | removed            | index  | stretching, not spelling              |
 *   | zero-width space, soft hyphen, BOM, ZWJ, bidi marks | removed | index |                                   |
 *   | presentation forms (ﻙ ﯼ …)           | their base letters | index  | NFKC                                  |
 *   | ، ؛ ؟ ٪ ٫ ٬                          | , ; ? % . ,        | index  | one punctuation for both scripts      |
 *   | « » “ ” „                            | "                  | index  | quotes: Pagefind then splits on them  |
 *   | harakat, tanwin, superscript alef, hamza above (ٔ) | removed | key | decoration, not spelling: kept in the index's text so that excerpts show the editor's «توسعهٔ» |
 *   | ئ, by its seat                        | ی, و or ا          | key    | see "Hamza" below                     |
 *   | ؤ                                     | و                  | key    | «مسؤول» = «مسئول» = «مسوول»           |
 *   | أ إ ٱ آ                               | ا                  | key    | «هیأت» = «هیئت» = «هیات»; readers often type the bare alef |
 *   | ء (lone hamza)                        | removed            | key    | «اجزاء» and «اجزا» are one word       |
 *   | وو                                    | و                  | key    | «مسوول»/«مسول», «سئوال»/«سوال», «طاووس»/«طاوس»: Persian writes a doubled و and a single one for the same word |
 *   | ة before a letter (or a half-space and a letter) | ت       | key    | «آیة‌الله» = «آیت‌الله»: in a compound, Persian writes ة as ت |
 *   | ة at a word's end, ۀ                  | ه                  | key    | «مدرسة»/«مدرسۀ»/«مدرسه» are one word  |
 *   | upper case Latin                      | lower case         | key    |                                       |
 *
 *   Hamza. A reader writes a word with its hamza on one seat, on another, or without it
 *   («مسئول», «مسؤول», «مسوول»; «هیئت», «هیأت», «هیات»; «رئیس», «رییس»). The key writes every
 *   hamza as the letter that stands for it when it is left out, which the letters around it
 *   tell: ئ after ا or و, before ی, before ا and at a word's end is ی («مسائل» = «مسایل»,
 *   «رئیس» = «رییس», «تئاتر» = «تیاتر»); before و it is و («مسئول» = «مسوول»); between
 *   consonants it is ا («هیئت» = «هیات», «مسئله» = «مساله»). ؤ is و and أ is ا wherever they
 *   stand. A word whose hamza-less spelling is something else again is not caught (it would
 *   need a word list).
 *
 *   The half-space (ZWNJ, U+200C) is kept by both folds; `compoundParts`,
 *   `attachSpacedAffixes` and `normalizeQuery` (words.ts) decide how a half-space, a space or
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
  "ة": "ه", "ۀ": "ه",
  "أ": "ا", "إ": "ا", "ٱ": "ا", "آ": "ا",
  "ؤ": "و",
  "ء": "",
};
const INDEX_FOLD_PATTERN = new RegExp(`[${Object.keys(INDEX_FOLDS).join("")}]`, "g");
const KEY_FOLD_PATTERN = new RegExp(`[${Object.keys(KEY_FOLDS).join("")}]`, "g");
/** Whether a text has anything the key folds: most words have none and are only lower-cased. */
const KEY_FOLD_TEST = /[ئةۀأإٱآؤء\u064B-\u065F\u0670]|وو/;
/** Tatweel (U+0640): removed from the index's text. */
const TATWEEL_PATTERN = /\u0640/g;
/** Harakat and tanwin (U+064B–U+065F, with the hamza above), superscript alef (U+0670): removed from keys. */
export const DECORATION_PATTERN = /[\u064B-\u065F\u0670]/g;
/** Zero-width space, ZWJ, bidi marks and embeddings, soft hyphen, BOM. ZWNJ (U+200C) is not among them. */
export const INVISIBLE_PATTERN = /[\u200B\u200D\u200E\u200F\u202A-\u202E\u2066-\u2069\u00AD\uFEFF]/g;

export function foldForIndex(text: string): string {
  return toLatinDigits(
    text
      .normalize("NFKC")
      .replace(TATWEEL_PATTERN, "")
      .replace(INVISIBLE_PATTERN, "")
      .replace(INDEX_FOLD_PATTERN, (character) => INDEX_FOLDS[character]!),
  );
}

export function foldForSearch(text: string): string {
  return foldIndexedForSearch(foldForIndex(text));
}

const LETTER = /\p{L}/u;

/** The letter a ئ stands for when its hamza is left out, read from the letters around it (see "Hamza" above). */
function hamzaSeat(previous: string | undefined, next: string | undefined): string {
  if (previous === "ا" || previous === "آ" || previous === "و") return "ی";
  if (next === "و" || next === "ؤ") return "و";
  if (next === undefined || next === "ی" || next === "ا" || next === "آ" || next === "أ" || !LETTER.test(next)) return "ی";
  return "ا";
}

/**
 * `foldForSearch` of text that has been through `foldForIndex` already: the cheap half,
 * for the index builder, which folds every word of the archive.
 */
export function foldIndexedForSearch(indexed: string): string {
  if (!KEY_FOLD_TEST.test(indexed)) return indexed.toLowerCase();
  return indexed
    .replace(DECORATION_PATTERN, "")
    .replace(/ئ/g, (_hamza, offset: number, text: string) => hamzaSeat(text[offset - 1], text[offset + 1]))
    .replace(/ة(?=\u200C?\p{L})/gu, "ت")
    .replace(KEY_FOLD_PATTERN, (character) => KEY_FOLDS[character]!)
    .replace(/و{2,}/g, "و")
    .toLowerCase();
}
