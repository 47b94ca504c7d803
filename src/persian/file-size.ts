/**
 * A file's size as readers read it beside a link to the file: «۲٫۳ مگابایت» in Persian (Persian
 * digits and the Persian decimal separator «٫»), "2.3 MB" in English. Binary units (1,024), as
 * the file managers readers open the file with count. Plain TypeScript without Node APIs.
 */
import { toPersianDigits } from "./letters.js";

export type SizeLanguage = "fa" | "en";

/** The units, smallest first, each 1,024 of the one before, by language. */
export const FILE_SIZE_UNITS: Readonly<Record<SizeLanguage, readonly string[]>> = {
  fa: ["بایت", "کیلوبایت", "مگابایت", "گیگابایت"],
  en: ["bytes", "KB", "MB", "GB"],
};
const STEP = 1024;
/** The Persian decimal separator (U+066B). */
export const PERSIAN_DECIMAL_SEPARATOR = "٫";

/**
 * `bytes` in the largest unit it fills: one decimal under ten of a unit (2.3 MB), whole numbers
 * above (340 KB), bytes as they are. A size that would round to 1,024 of a unit is the next unit.
 */
export function formatFileSize(bytes: number, lang: SizeLanguage): string {
  const units = FILE_SIZE_UNITS[lang];
  let unit = 0;
  let value = Math.max(0, Math.round(bytes));
  while (unit < units.length - 1 && roundedFor(value, unit) >= STEP) {
    value /= STEP;
    unit++;
  }
  const shown = roundedFor(value, unit);
  // "2.0" says nothing "2" does not.
  const text = Number.isInteger(shown) ? String(shown) : shown.toFixed(1);
  const number = lang === "fa" ? toPersianDigits(text.replace(".", PERSIAN_DECIMAL_SEPARATOR)) : text;
  return `${number} ${units[unit]}`;
}

/** The value as shown: bytes whole, other units to one decimal under ten, whole from ten. */
function roundedFor(value: number, unit: number): number {
  if (unit === 0 || value >= 9.95) return Math.round(value);
  return Math.round(value * 10) / 10;
}
