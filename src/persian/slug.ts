/** URL slugs that keep Persian letters: the addresses of county, tag and organization pages, and the search index's filters. */
import { DECORATION_PATTERN, fixPersianLetters, INVISIBLE_PATTERN, toLatinDigits } from "./letters.js";

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
