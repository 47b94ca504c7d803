/**
 * The one date module. Every release date is an instant; it is shown in the
 * Asia/Tehran zone, in the Solar Hijri (Jalali) calendar with Persian digits,
 * with the Gregorian date beside it. Formatters are created once and reused:
 * the archive renders 150,000 dates per build.
 */
import { DateTime, IANAZone } from "luxon";
import { isValidJalaaliDate, toGregorian } from "jalaali-js";
import { toLatinDigits } from "./letters.js";

export const TEHRAN_ZONE = "Asia/Tehran";

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Asia/Tehran, with its UTC offset remembered per UTC day. Luxon asks Intl for the zone's offset
 * for every DateTime it makes, and a build makes one per release (0.6 s at 150,000 releases).
 * Tehran's offset has changed at most twice a year and never twice in a day, so a day whose
 * first and last milliseconds share an offset has it throughout; a day of change is not remembered.
 */
class TehranZone extends IANAZone {
  private readonly days = new Map<number, number>();

  override offset(ts: number): number {
    const day = Math.floor(ts / DAY_MS);
    const known = this.days.get(day);
    if (known !== undefined) return known;
    const offset = super.offset(day * DAY_MS);
    if (Number.isNaN(offset) || offset !== super.offset(day * DAY_MS + DAY_MS - 1)) return super.offset(ts);
    this.days.set(day, offset);
    return offset;
  }
}

/** The zone every release date is in (equal to luxon's own Asia/Tehran: same type and name). */
export const TEHRAN: IANAZone = new TehranZone(TEHRAN_ZONE);

/** A day and a time of day, in Tehran: the options of every date-and-time format below. */
const DATE_AND_TIME: Intl.DateTimeFormatOptions = {
  timeZone: TEHRAN_ZONE,
  year: "numeric",
  month: "long",
  day: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
};

const jalaliFormat = new Intl.DateTimeFormat("fa-IR-u-ca-persian-nu-arabext", DATE_AND_TIME);

/** The day alone, for a release dated without a time. */
const jalaliDayFormat = new Intl.DateTimeFormat("fa-IR-u-ca-persian-nu-arabext", { timeZone: TEHRAN_ZONE, year: "numeric", month: "long", day: "numeric" });

const jalaliPartsFormat = new Intl.DateTimeFormat("en-US-u-ca-persian-nu-latn", {
  timeZone: TEHRAN_ZONE,
  year: "numeric",
  month: "numeric",
  day: "numeric",
});

const gregorianFormats = {
  fa: new Intl.DateTimeFormat("fa-IR-u-ca-gregory-nu-arabext", {
    timeZone: TEHRAN_ZONE,
    year: "numeric",
    month: "long",
    day: "numeric",
  }),
  en: new Intl.DateTimeFormat("en-GB", {
    timeZone: TEHRAN_ZONE,
    year: "numeric",
    month: "long",
    day: "numeric",
  }),
} as const;

const englishDateTimeFormat = new Intl.DateTimeFormat("en-GB", DATE_AND_TIME);

/**
 * Why a date could not be read. This module holds no messages (it is below src/messages/): the
 * catalogue turns a problem into the editor's words (src/messages/content.ts `dateProblemMessage`).
 */
export type DateProblem =
  /** Not text, or empty: the usage is the message. */
  | { kind: "not text" }
  /** A JavaScript Date that holds no instant. */
  | { kind: "invalid" }
  /** A Jalali day the calendar does not have (1403/07/31: Mehr has 30 days). */
  | { kind: "not a Jalali day"; year: number; month: number; day: number }
  /** A Jalali day with an hour, minute or second out of range (`explanation` is luxon's, in English). */
  | { kind: "impossible time"; explanation: string }
  /** Text that is no date form this module reads. */
  | { kind: "not a date"; input: string };

/**
 * `timeGiven`: whether the editor wrote a time of day. A day alone (`1402/05/12`, `2023-08-03`)
 * is read as midnight in Tehran, and its pages show the day only, never «ساعت ۰۰:۰۰».
 */
export type DateResult = { ok: true; date: DateTime; timeGiven: boolean } | { ok: false; problem: DateProblem };

const JALALI_PATTERN = /^(\d{4})[/-](\d{1,2})[/-](\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
/** Years below this are Gregorian: no release predates 1300 SH (1921), none will reach 1700 CE. */
const LAST_JALALI_YEAR = 1700;

/**
 * Reads a front-matter date. Accepted forms:
 * - ISO 8601 with offset: `2024-05-12T10:30:00+03:30`;
 * - ISO 8601 without offset or time: read in Asia/Tehran (`2024-05-12`, `2024-05-12T10:30`);
 * - Jalali, with Latin or Persian digits: `1403/02/23 10:30`, `1403-02-23`, `۱۴۰۳/۰۲/۲۳`, read in Asia/Tehran.
 * Persian (۰-۹) and Arabic-Indic (٠-٩) digits are read as Latin ones in every form, as a Persian keyboard types them.
 * Luxon resolves the Tehran offset from the tz database, so the years when Iran kept
 * daylight saving time (until 2022) get +04:30 in summer.
 * A JavaScript Date is an instant, so its time counts as given (front matter is read with YAML's
 * core schema, src/content/front-matter.ts, so a release's date always arrives here as text).
 */
export function parseReleaseDate(input: unknown): DateResult {
  if (input instanceof Date) {
    if (Number.isNaN(input.getTime())) return { ok: false, problem: { kind: "invalid" } };
    return { ok: true, date: DateTime.fromJSDate(input, { zone: TEHRAN }), timeGiven: true };
  }
  if (typeof input !== "string" || input.trim() === "") {
    return { ok: false, problem: { kind: "not text" } };
  }
  const text = toLatinDigits(input.trim());
  const jalali = JALALI_PATTERN.exec(text);
  if (jalali && Number(jalali[1]) < LAST_JALALI_YEAR) {
    const [jy, jm, jd, hour = 0, minute = 0, second = 0] = jalali.slice(1).map((part) => Number(part ?? 0));
    if (!isValidJalaaliDate(jy!, jm!, jd!)) {
      return { ok: false, problem: { kind: "not a Jalali day", year: jy!, month: jm!, day: jd! } };
    }
    const { gy, gm, gd } = toGregorian(jy!, jm!, jd!);
    const date = DateTime.fromObject(
      { year: gy, month: gm, day: gd, hour, minute, second },
      { zone: TEHRAN },
    );
    return date.isValid ? { ok: true, date, timeGiven: jalali[4] !== undefined } : { ok: false, problem: { kind: "impossible time", explanation: date.invalidExplanation ?? "" } };
  }
  const hasOffset = /(?:Z|[+-]\d{2}:?\d{2})$/i.test(text) && text.includes("T");
  const date = DateTime.fromISO(text, hasOffset ? { setZone: true } : { zone: TEHRAN });
  if (!date.isValid) {
    return { ok: false, problem: { kind: "not a date", input } };
  }
  // ISO 8601 gives a time of day only after its `T` (a week or ordinal date has none either).
  return { ok: true, date: date.setZone(TEHRAN), timeGiven: /T/i.test(text) };
}

/** «۲۳ اردیبهشت ۱۴۰۳، ساعت ۱۰:۳۰» */
export function formatJalaliDateTime(date: DateTime): string {
  // Intl gives «۲۳ اردیبهشت ۱۴۰۳ ساعت ۱۰:۳۰»; Persian style puts a comma before «ساعت».
  return jalaliFormat.format(date.toJSDate()).replace(" ساعت ", "، ساعت ");
}

/** «۲۳ اردیبهشت ۱۴۰۳»: the Jalali day alone, for a date written without a time. */
export function formatJalaliDate(date: DateTime): string {
  return jalaliDayFormat.format(date.toJSDate());
}

/**
 * A release's date as a page shows it: Jalali in Persian, English otherwise, with the time of day
 * only when the editor wrote one (`withTime`); a day alone is not shown as «ساعت ۰۰:۰۰».
 */
export function formatShownDate(date: DateTime, lang: "fa" | "en", withTime = true): string {
  if (lang === "fa") return withTime ? formatJalaliDateTime(date) : formatJalaliDate(date);
  return withTime ? formatEnglishDateTime(date) : formatGregorianDate(date, "en");
}

/** «12 May 2024» or «۱۲ مهٔ ۲۰۲۴», the Gregorian date in Tehran. */
export function formatGregorianDate(date: DateTime, lang: "fa" | "en" = "fa"): string {
  return gregorianFormats[lang].format(date.toJSDate());
}

/** «12 May 2024 at 10:30», for English pages. */
export function formatEnglishDateTime(date: DateTime): string {
  return englishDateTimeFormat.format(date.toJSDate());
}

/** The Jalali year, month and day of an instant, in Tehran. */
export function jalaliParts(date: DateTime): Readonly<{ year: number; month: number; day: number }> {
  // Intl's calendar (the one every shown date uses) is asked once per Tehran day, not once per
  // call: a build asks for every release's month several times, and formatToParts was ~3 µs.
  const local = date.zoneName === TEHRAN_ZONE ? date : date.setZone(TEHRAN_ZONE);
  const day = local.year * 10_000 + local.month * 100 + local.day;
  let parts = jalaliDays.get(day);
  if (!parts) {
    const formatted = jalaliPartsFormat.formatToParts(date.toJSDate());
    const read = (type: Intl.DateTimeFormatPartTypes) => Number(formatted.find((part) => part.type === type)?.value);
    jalaliDays.set(day, (parts = Object.freeze({ year: read("year"), month: read("month"), day: read("day") })));
  }
  return parts;
}

/** Jalali dates by Tehran Gregorian day (yyyymmdd): a few thousand entries for a whole archive. */
const jalaliDays = new Map<number, Readonly<{ year: number; month: number; day: number }>>();

/** ISO 8601 with the Tehran offset, for `<time datetime>` and feeds. */
export function toIsoString(date: DateTime): string {
  return date.setZone(TEHRAN_ZONE).toISO({ suppressMilliseconds: true }) ?? "";
}

/**
 * «1403/02/23 10:30»: an instant as an editor writes it in front matter (Jalali, Tehran
 * time, Latin digits), for the files that `npm run new` and `npm run import` create.
 * `parseReleaseDate` reads it back to the same minute.
 */
export function formatJalaliInput(date: DateTime): string {
  const { year, month, day } = jalaliParts(date);
  const pad = (value: number) => String(value).padStart(2, "0");
  return `${year}/${pad(month)}/${pad(day)} ${date.setZone(TEHRAN_ZONE).toFormat("HH:mm")}`;
}

/*
 * Jalali month names, from Intl's Persian calendar (the same source as the dates above):
 * each is read once, by formatting a day in the middle of that month of 1403.
 */
function monthNames(locale: string): string[] {
  const format = new Intl.DateTimeFormat(locale, { month: "long", timeZone: "UTC" });
  return Array.from({ length: 12 }, (_, index) => {
    const { gy, gm, gd } = toGregorian(1403, index + 1, 15);
    return format.format(new Date(Date.UTC(gy, gm - 1, gd)));
  });
}
const jalaliMonthNames = { fa: monthNames("fa-IR-u-ca-persian"), en: monthNames("en-u-ca-persian") } as const;

/** «اردیبهشت» (fa) or «Ordibehesht» (en) for month 2. */
export function jalaliMonthName(month: number, lang: "fa" | "en" = "fa"): string {
  const name = jalaliMonthNames[lang][month - 1];
  if (name === undefined) throw new RangeError(`${month} is not a Jalali month (1–12)`);
  return name;
}
