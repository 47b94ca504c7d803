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
