/**
 * Jalali calendar constants that need no date library. They are apart from dates.ts because
 * the search page's script uses them (through src/search/shards.ts), and importing dates.ts
 * would bundle luxon and jalaali-js into that script.
 */

/** The first day of a Jalali month's second half: a half-month is days 1–15 or 16 to the month's end. */
export const SECOND_HALF = 16;
