/** Unit tests for src/persian/dates.ts: reading front-matter dates and showing them in Tehran. */
import { test, describe } from "node:test";
import assert from "node:assert/strict";
import { DateTime, IANAZone } from "luxon";
import {
  TEHRAN,
  TEHRAN_ZONE,
  formatEnglishDateTime,
  formatJalaliInput,
  formatGregorianDate,
  formatJalaliDateTime,
  formatJalaliDate,
  formatShownDate,
  jalaliMonthName,
  jalaliParts,
  parseReleaseDate,
  toIsoString,
  type DateProblem,
} from "../../../src/persian/dates.js";
import { dateProblemMessage } from "../../../src/messages/content.js";

const USAGE: DateProblem = { kind: "not text" };

/** Parses a date that must be valid, failing the test with the problem otherwise. */
function parsed(input: unknown): DateTime {
  const result = parseReleaseDate(input);
  if (!result.ok) assert.fail(`expected ${JSON.stringify(input)} to parse, got: ${JSON.stringify(result.problem)}`);
  return result.date;
}

/** An instant given in ISO 8601 with its own offset, independent of the module under test. */
function instant(iso: string): DateTime {
  const date = DateTime.fromISO(iso, { setZone: true });
  assert.ok(date.isValid, `bad fixture ${iso}`);
  return date;
}

describe("parseReleaseDate: accepted forms", () => {
  const rows: Array<{ name: string; input: string; iso: string }> = [
    { name: "ISO with Tehran offset", input: "2024-05-12T10:30:00+03:30", iso: "2024-05-12T10:30:00+03:30" },
    { name: "ISO in UTC (Z) is shown in Tehran", input: "2024-05-12T07:00:00Z", iso: "2024-05-12T10:30:00+03:30" },
    { name: "ISO with a foreign offset", input: "2024-05-12T09:00:00+02:00", iso: "2024-05-12T10:30:00+03:30" },
    { name: "ISO with compact offset", input: "2024-05-12T07:00:00+0000", iso: "2024-05-12T10:30:00+03:30" },
    { name: "ISO date only: Tehran midnight", input: "2024-05-12", iso: "2024-05-12T00:00:00+03:30" },
    { name: "ISO local time: read in Tehran", input: "2024-05-12T10:30", iso: "2024-05-12T10:30:00+03:30" },
    { name: "ISO local time with seconds", input: "2024-05-12T10:30:45", iso: "2024-05-12T10:30:45+03:30" },
    { name: "surrounding whitespace is ignored", input: "  2024-05-12T10:30  ", iso: "2024-05-12T10:30:00+03:30" },
    { name: "Jalali, Latin digits, slashes, time", input: "1403/02/23 10:30", iso: "2024-05-12T10:30:00+03:30" },
    { name: "Jalali, Latin digits, slashes, no time", input: "1403/02/23", iso: "2024-05-12T00:00:00+03:30" },
    { name: "Jalali, Latin digits, dashes, no time", input: "1403-02-23", iso: "2024-05-12T00:00:00+03:30" },
    { name: "Jalali, Latin digits, dashes, T and seconds", input: "1403-02-23T10:30:15", iso: "2024-05-12T10:30:15+03:30" },
    { name: "Jalali, single-digit month and day", input: "1403/2/3", iso: "2024-04-22T00:00:00+03:30" },
    { name: "Jalali, Persian digits, no time", input: "۱۴۰۳/۰۲/۲۳", iso: "2024-05-12T00:00:00+03:30" },
    { name: "Jalali, Persian digits, with time", input: "۱۴۰۳/۰۲/۲۳ ۱۰:۳۰", iso: "2024-05-12T10:30:00+03:30" },
    { name: "Jalali, Persian digits, dashes", input: "۱۴۰۳-۰۲-۲۳", iso: "2024-05-12T00:00:00+03:30" },
    { name: "Jalali, Arabic-Indic digits, with time", input: "١٤٠٣/٠٢/٢٣ ١٠:٣٠", iso: "2024-05-12T10:30:00+03:30" },
    { name: "Jalali, Arabic-Indic digits, dashes", input: "١٤٠٣-٠٢-٢٣", iso: "2024-05-12T00:00:00+03:30" },
    { name: "Jalali, mixed Persian and Latin digits", input: "۱۴۰۳/02/۲۳", iso: "2024-05-12T00:00:00+03:30" },
    { name: "Jalali leap day 1403/12/30 (1403 is leap)", input: "1403/12/30", iso: "2025-03-20T00:00:00+03:30" },
    { name: "Jalali 1403/12/30 23:59:59", input: "1403/12/30 23:59:59", iso: "2025-03-20T23:59:59+03:30" },
    { name: "Jalali 1 Farvardin 1403", input: "1403/01/01", iso: "2024-03-20T00:00:00+03:30" },
    { name: "Jalali 30 Mehr (Mehr has 30 days)", input: "1403/07/30", iso: "2024-10-21T00:00:00+03:30" },
    { name: "Jalali 31 Shahrivar (first six months have 31)", input: "1403/06/31", iso: "2024-09-21T00:00:00+03:30" },
    { name: "Jalali date in a DST summer gets +04:30", input: "1399/04/11 12:00", iso: "2020-07-01T12:00:00+04:30" },
  ];
  for (const row of rows) {
    test(`${row.name}: ${row.input}`, () => {
      const date = parsed(row.input);
      assert.equal(toIsoString(date), row.iso);
      assert.equal(date.zoneName, TEHRAN_ZONE);
    });
  }

  test("a JavaScript Date is read as its instant, in Tehran", () => {
    const date = parsed(new Date("2024-05-12T07:00:00Z"));
    assert.equal(toIsoString(date), "2024-05-12T10:30:00+03:30");
    assert.equal(date.zoneName, TEHRAN_ZONE);
  });

  test("every accepted form of the same instant gives the same milliseconds", () => {
    const expected = Date.UTC(2024, 4, 12, 7, 0, 0);
    for (const input of ["2024-05-12T10:30:00+03:30", "2024-05-12T10:30", "1403/02/23 10:30", "۱۴۰۳/۰۲/۲۳ ۱۰:۳۰", "١٤٠٣-٠٢-٢٣ ١٠:٣٠"]) {
      assert.equal(parsed(input).toMillis(), expected, input);
    }
  });
});

describe("parseReleaseDate: rejected input", () => {
  const notDate = (input: string): DateProblem => ({ kind: "not a date", input });
  const notDay = (year: number, month: number, day: number): DateProblem => ({ kind: "not a Jalali day", year, month, day });
  const rows: Array<{ name: string; input: unknown; problem: DateProblem }> = [
    { name: "1403/07/31: Mehr has 30 days", input: "1403/07/31", problem: notDay(1403, 7, 31) },
    { name: "1402/12/30: 1402 is not leap", input: "1402/12/30", problem: notDay(1402, 12, 30) },
    { name: "Persian digits, invalid day", input: "۱۴۰۳/۰۷/۳۱", problem: notDay(1403, 7, 31) },
    { name: "Arabic-Indic digits, invalid day", input: "١٤٠٣/٠٧/٣١", problem: notDay(1403, 7, 31) },
    { name: "Jalali month 13", input: "1403/13/01", problem: notDay(1403, 13, 1) },
    { name: "Jalali day 0", input: "1403/01/00", problem: notDay(1403, 1, 0) },
    { name: "Jalali hour 25", input: "1403/02/23 25:00", problem: { kind: "impossible time", explanation: "you specified 25 (of type number) as a hour, which is invalid" } },
    { name: "words", input: "hello", problem: notDate("hello") },
    { name: "Gregorian month 13", input: "2024-13-01", problem: notDate("2024-13-01") },
    { name: "Gregorian 30 February", input: "2024-02-30", problem: notDate("2024-02-30") },
    { name: "Gregorian year with slashes", input: "2024/05/12", problem: notDate("2024/05/12") },
    { name: "day-first date", input: "12/05/2024", problem: notDate("12/05/2024") },
    { name: "Jalali with trailing text", input: "1403/02/23 ساعت 10", problem: notDate("1403/02/23 ساعت 10") },
    { name: "empty string", input: "", problem: USAGE },
    { name: "only spaces", input: "   ", problem: USAGE },
    { name: "a number", input: 1403, problem: USAGE },
    { name: "null", input: null, problem: USAGE },
    { name: "undefined", input: undefined, problem: USAGE },
    { name: "an object", input: { year: 1403 }, problem: USAGE },
    { name: "an invalid Date", input: new Date("not a date"), problem: { kind: "invalid" } },
  ];
  for (const row of rows) {
    test(row.name, () => {
      assert.deepEqual(parseReleaseDate(row.input), { ok: false, problem: row.problem });
    });
  }

  // The problems in the editor's words (src/messages/content.ts), in Persian and English.
  const messages: Array<{ problem: DateProblem; fa: string; en: string }> = [
    {
      problem: notDay(1403, 7, 31),
      fa: "۱۴۰۳/۷/۳۱ روزی از تقویم شمسی نیست: فروردین تا شهریور ۳۱ روز دارند، مهر تا بهمن ۳۰ روز و اسفند ۲۹ روز (در سال کبیسه ۳۰)؛ ماه و روز را درست کنید، مثلاً `date: 1403/07/30 10:30`.",
      en: "date 1403/7/31 is not a day of the Jalali calendar",
    },
    {
      problem: { kind: "impossible time", explanation: "you specified 25 (of type number) as a hour, which is invalid" },
      fa: "ساعتِ آن ممکن نیست (ساعت از ۰ تا ۲۳ و دقیقه از ۰ تا ۵۹): مثلاً `date: 1403/02/23 10:30`.",
      en: "date has an impossible time (you specified 25 (of type number) as a hour, which is invalid)",
    },
    {
      problem: notDate("12/05/2024"),
      fa: "«12/05/2024» تاریخ نیست: آن را به شکل `1403/02/23 10:30` (شمسی، به وقت تهران) یا `2024-05-12T10:30:00+03:30` بنویسید.",
      en: `date "12/05/2024" is not a date: write it as 2024-05-12T10:30:00+03:30 or 1403/02/23 10:30`,
    },
    {
      problem: USAGE,
      fa: "باید تاریخی باشد به شکل `1403/02/23 10:30` (شمسی، به وقت تهران) یا `2024-05-12T10:30:00+03:30`.",
      en: "date must be a date such as 2024-05-12T10:30:00+03:30 or 1403/02/23 10:30",
    },
    { problem: { kind: "invalid" }, fa: "تاریخ درستی نیست: آن را به شکل `1403/02/23 10:30` (شمسی، به وقت تهران) یا `2024-05-12T10:30:00+03:30` بنویسید.", en: "date is not a valid date" },
  ];
  for (const { problem, fa, en } of messages) {
    test(`the message of ${JSON.stringify(problem)}`, () => {
      assert.deepEqual(dateProblemMessage(problem), { fa, en });
    });
  }

  test("a problem of a date given elsewhere names where (`--date`, AKHBAR_NOW), in both languages", () => {
    assert.deepEqual(dateProblemMessage(notDate("tomorrow"), "--date"), {
      fa: "--date: «tomorrow» تاریخ نیست: آن را به شکل `1403/02/23 10:30` (شمسی، به وقت تهران) یا `2024-05-12T10:30:00+03:30` بنویسید.",
      en: `--date "tomorrow" is not a date: write it as 2024-05-12T10:30:00+03:30 or 1403/02/23 10:30`,
    });
  });
});

describe("Tehran offset across years (DST until 2022, none after)", () => {
  const rows: Array<{ name: string; input: string; iso: string }> = [
    { name: "summer 2020 (DST)", input: "2020-07-01T12:00", iso: "2020-07-01T12:00:00+04:30" },
    { name: "winter 2020", input: "2020-01-15T12:00", iso: "2020-01-15T12:00:00+03:30" },
    { name: "summer 2021 (DST)", input: "2021-07-01T12:00", iso: "2021-07-01T12:00:00+04:30" },
    { name: "winter 2021", input: "2021-12-01T12:00", iso: "2021-12-01T12:00:00+03:30" },
    { name: "summer 2022 (DST, the last year)", input: "2022-07-01T12:00", iso: "2022-07-01T12:00:00+04:30" },
    { name: "winter 2022", input: "2022-12-01T12:00", iso: "2022-12-01T12:00:00+03:30" },
    { name: "summer 2023 (DST abolished)", input: "2023-07-01T12:00", iso: "2023-07-01T12:00:00+03:30" },
    { name: "summer 2024 (DST abolished)", input: "2024-07-01T12:00", iso: "2024-07-01T12:00:00+03:30" },
    { name: "UTC instant in summer 2021 is shown at +04:30", input: "2021-07-01T08:00:00Z", iso: "2021-07-01T12:30:00+04:30" },
    { name: "UTC instant in summer 2024 is shown at +03:30", input: "2024-07-01T08:00:00Z", iso: "2024-07-01T11:30:00+03:30" },
  ];
  for (const row of rows) {
    test(`${row.name}: ${row.input}`, () => {
      assert.equal(toIsoString(parsed(row.input)), row.iso);
    });
  }

  test("toIsoString moves any zone to Tehran and drops milliseconds", () => {
    assert.equal(toIsoString(DateTime.fromISO("2024-05-12T07:00:00.000Z", { zone: "utc" })), "2024-05-12T10:30:00+03:30");
    assert.equal(toIsoString(DateTime.fromISO("2021-06-01T00:00:00.250Z", { zone: "utc" })), "2021-06-01T04:30:00.250+04:30");
  });
});

describe("formatJalaliDateTime", () => {
  const rows: Array<{ name: string; input: string; expected: string }> = [
    { name: "the documented example", input: "2024-05-12T10:30:00+03:30", expected: "۲۳ اردیبهشت ۱۴۰۳، ساعت ۱۰:۳۰" },
    { name: "last minute of 1402 (29 Esfand)", input: "2024-03-19T23:59:00+03:30", expected: "۲۹ اسفند ۱۴۰۲، ساعت ۲۳:۵۹" },
    { name: "first minute of 1403 (1 Farvardin)", input: "2024-03-20T00:00:00+03:30", expected: "۱ فروردین ۱۴۰۳، ساعت ۰۰:۰۰" },
    { name: "leap day 30 Esfand 1403", input: "2025-03-20T12:00:00+03:30", expected: "۳۰ اسفند ۱۴۰۳، ساعت ۱۲:۰۰" },
    { name: "the day after 30 Esfand 1403 is 1 Farvardin 1404", input: "2025-03-21T00:00:00+03:30", expected: "۱ فروردین ۱۴۰۴، ساعت ۰۰:۰۰" },
    { name: "UTC evening that is already the next day in Tehran", input: "2024-03-19T21:00:00Z", expected: "۱ فروردین ۱۴۰۳، ساعت ۰۰:۳۰" },
    { name: "DST summer 2021, shown at local clock time", input: "2021-07-01T08:00:00Z", expected: "۱۰ تیر ۱۴۰۰، ساعت ۱۲:۳۰" },
  ];
  for (const row of rows) {
    test(`${row.name}: ${row.input}`, () => {
      assert.equal(formatJalaliDateTime(instant(row.input)), row.expected);
    });
  }

  test("the comma before «ساعت» is the Arabic comma U+060C", () => {
    const text = formatJalaliDateTime(instant("2024-05-12T10:30:00+03:30"));
    assert.equal(text.indexOf("\u060C ساعت "), "۲۳ اردیبهشت ۱۴۰۳".length);
    assert.doesNotMatch(text, /[0-9]/);
  });
});

describe("parseReleaseDate: whether a time of day was written", () => {
  const rows: Array<[input: unknown, timeGiven: boolean]> = [
    ["1402/05/12", false],
    ["1402-05-12", false],
    ["۱۴۰۲/۰۵/۱۲", false],
    ["2023-08-03", false],
    ["1402/05/12 00:00", true],
    ["1402/05/12 10:30", true],
    ["1402-05-12T10:30:15", true],
    ["2023-08-03T00:00", true],
    ["2023-08-03T10:30:00+03:30", true],
    ["2023-08-03T07:00:00Z", true],
    [new Date("2023-08-03T00:00:00Z"), true],
  ];
  for (const [input, timeGiven] of rows) {
    test(`${input instanceof Date ? "a JavaScript Date" : String(input)}: ${timeGiven ? "a time" : "a day alone"}`, () => {
      const result = parseReleaseDate(input);
      assert.ok(result.ok);
      assert.equal(result.timeGiven, timeGiven);
    });
  }
});

describe("formatShownDate: a day alone is shown without «ساعت ۰۰:۰۰»", () => {
  const midnight = instant("2023-08-03T00:00:00+03:30");
  const rows: Array<[lang: "fa" | "en", withTime: boolean, expected: string]> = [
    ["fa", true, "۱۲ مرداد ۱۴۰۲، ساعت ۰۰:۰۰"],
    ["fa", false, "۱۲ مرداد ۱۴۰۲"],
    ["en", true, "3 August 2023 at 00:00"],
    ["en", false, "3 August 2023"],
  ];
  for (const [lang, withTime, expected] of rows) {
    test(`${lang}, ${withTime ? "with" : "without"} the time: ${expected}`, () => assert.equal(formatShownDate(midnight, lang, withTime), expected));
  }

  test("the time is shown unless told otherwise, as formatJalaliDateTime and formatEnglishDateTime show it", () => {
    assert.equal(formatShownDate(midnight, "fa"), formatJalaliDateTime(midnight));
    assert.equal(formatShownDate(midnight, "en"), formatEnglishDateTime(midnight));
  });

  test("formatJalaliDate: the Jalali day in Tehran, whatever the instant's zone", () => {
    assert.equal(formatJalaliDate(instant("2024-03-19T21:00:00Z")), "۱ فروردین ۱۴۰۳");
    assert.doesNotMatch(formatJalaliDate(midnight), /ساعت|[0-9]/);
  });
});

describe("jalaliParts", () => {
  const rows: Array<{ name: string; input: string; parts: { year: number; month: number; day: number } }> = [
    { name: "23 Ordibehesht 1403", input: "2024-05-12T10:30:00+03:30", parts: { year: 1403, month: 2, day: 23 } },
    { name: "29 Esfand 1402, 23:59 Tehran", input: "2024-03-19T23:59:00+03:30", parts: { year: 1402, month: 12, day: 29 } },
    { name: "1 Farvardin 1403, 00:00 Tehran", input: "2024-03-20T00:00:00+03:30", parts: { year: 1403, month: 1, day: 1 } },
    { name: "30 Esfand 1403 (leap)", input: "2025-03-20T00:00:00+03:30", parts: { year: 1403, month: 12, day: 30 } },
    { name: "1 Farvardin 1404", input: "2025-03-21T00:00:00+03:30", parts: { year: 1404, month: 1, day: 1 } },
    { name: "UTC 21:00 on 19 March is 1 Farvardin in Tehran", input: "2024-03-19T21:00:00Z", parts: { year: 1403, month: 1, day: 1 } },
    { name: "UTC 20:29 on 19 March is still 29 Esfand in Tehran", input: "2024-03-19T20:29:00Z", parts: { year: 1402, month: 12, day: 29 } },
    { name: "a date given in another zone is read in Tehran", input: "2024-05-11T23:00:00-05:00", parts: { year: 1403, month: 2, day: 23 } },
  ];
  for (const row of rows) {
    test(`${row.name}: ${row.input}`, () => {
      assert.deepEqual(jalaliParts(instant(row.input)), row.parts);
    });
  }

  test("agrees with the parsed Jalali date it came from", () => {
    assert.deepEqual(jalaliParts(parsed("۱۴۰۳/۱۲/۳۰ ۲۳:۰۰")), { year: 1403, month: 12, day: 30 });
  });
});

describe("formatGregorianDate and formatEnglishDateTime", () => {
  const rows: Array<{ name: string; input: string; fa: string; en: string; enDateTime: string }> = [
    { name: "12 May 2024", input: "2024-05-12T10:30:00+03:30", fa: "۱۲ مهٔ ۲۰۲۴", en: "12 May 2024", enDateTime: "12 May 2024 at 10:30" },
    { name: "UTC evening already 20 March in Tehran", input: "2024-03-19T21:00:00Z", fa: "۲۰ مارس ۲۰۲۴", en: "20 March 2024", enDateTime: "20 March 2024 at 00:30" },
    { name: "leap day 30 Esfand 1403", input: "2025-03-20T12:00:00+03:30", fa: "۲۰ مارس ۲۰۲۵", en: "20 March 2025", enDateTime: "20 March 2025 at 12:00" },
    { name: "DST summer 2020", input: "2020-07-01T08:00:00Z", fa: "۱ ژوئیهٔ ۲۰۲۰", en: "1 July 2020", enDateTime: "1 July 2020 at 12:30" },
    { name: "winter midnight", input: "2020-01-15T00:00:00+03:30", fa: "۱۵ ژانویهٔ ۲۰۲۰", en: "15 January 2020", enDateTime: "15 January 2020 at 00:00" },
  ];
  for (const row of rows) {
    test(`${row.name}: ${row.input}`, () => {
      const date = instant(row.input);
      assert.equal(formatGregorianDate(date, "fa"), row.fa);
      assert.equal(formatGregorianDate(date, "en"), row.en);
      assert.equal(formatEnglishDateTime(date), row.enDateTime);
    });
  }

  test("formatGregorianDate defaults to Persian", () => {
    assert.equal(formatGregorianDate(instant("2024-05-12T10:30:00+03:30")), "۱۲ مهٔ ۲۰۲۴");
  });
});

describe("Jalali dates in the years Iran kept daylight saving time (2008–2022)", () => {
  // Iran kept DST from 2008 to 2022, from 2 Farvardin to 30 Shahrivar, and not in 2006–2007.
  const rows: Array<{ name: string; input: string; iso: string }> = [
    { name: "1 Tir 1399 (summer 2020): +04:30", input: "1399/04/01 10:00", iso: "2020-06-21T10:00:00+04:30" },
    { name: "the same in Persian digits", input: "۱۳۹۹/۰۴/۰۱ ۱۰:۰۰", iso: "2020-06-21T10:00:00+04:30" },
    { name: "1 Mehr 1401 (23 Sept 2022), after the last DST ended: +03:30", input: "1401/07/01 10:00", iso: "2022-09-23T10:00:00+03:30" },
    { name: "30 Shahrivar 1401 noon, the last day of DST", input: "1401/06/30 12:00", iso: "2022-09-21T12:00:00+04:30" },
    { name: "31 Shahrivar 1401 noon, the day after", input: "1401/06/31 12:00", iso: "2022-09-22T12:00:00+03:30" },
    { name: "1 Farvardin 1399, before DST began that night", input: "1399/01/01 23:30", iso: "2020-03-20T23:30:00+03:30" },
    { name: "2 Farvardin 1399 01:30, DST", input: "1399/01/02 01:30", iso: "2020-03-21T01:30:00+04:30" },
    { name: "1 Tir 1385 (2006, no DST)", input: "1385/04/01 10:00", iso: "2006-06-22T10:00:00+03:30" },
    { name: "1 Tir 1386 (2007, no DST)", input: "1386/04/01 10:00", iso: "2007-06-22T10:00:00+03:30" },
    { name: "1 Tir 1387 (2008, DST again)", input: "1387/04/01 10:00", iso: "2008-06-21T10:00:00+04:30" },
    { name: "1 Tir 1402 (2023, DST abolished)", input: "1402/04/01 10:00", iso: "2023-06-22T10:00:00+03:30" },
    // 00:00–00:59 on 2 Farvardin 1399 never happened: clocks went from 00:00 to 01:00. The
    // time is read one hour later, as the clocks showed it, not refused.
    { name: "a time inside the spring-forward gap moves forward an hour", input: "1399/01/02 00:30", iso: "2020-03-21T01:30:00+04:30" },
  ];
  for (const row of rows) {
    test(`${row.name}: ${row.input}`, () => {
      assert.equal(toIsoString(parsed(row.input)), row.iso);
    });
  }
});

describe("formatJalaliInput: a date as `npm run new` and `npm run import` write it", () => {
  const rows: Array<{ iso: string; expected: string }> = [
    { iso: "2024-05-12T10:30:00+03:30", expected: "1403/02/23 10:30" },
    { iso: "2020-06-21T06:30:00Z", expected: "1399/04/01 11:00" },
    { iso: "2024-03-19T21:00:00Z", expected: "1403/01/01 00:30" },
    { iso: "2025-03-20T23:59:00+03:30", expected: "1403/12/30 23:59" },
  ];
  for (const row of rows) {
    test(`${row.iso} → ${row.expected}, read back to the same minute`, () => {
      const date = instant(row.iso);
      assert.equal(formatJalaliInput(date), row.expected);
      assert.equal(parsed(formatJalaliInput(date)).toMillis(), date.startOf("minute").toMillis());
    });
  }
});

describe("jalaliMonthName", () => {
  const fa = ["فروردین", "اردیبهشت", "خرداد", "تیر", "مرداد", "شهریور", "مهر", "آبان", "آذر", "دی", "بهمن", "اسفند"];
  const en = ["Farvardin", "Ordibehesht", "Khordad", "Tir", "Mordad", "Shahrivar", "Mehr", "Aban", "Azar", "Dey", "Bahman", "Esfand"];
  for (let month = 1; month <= 12; month++) {
    test(`month ${month}`, () => {
      assert.equal(jalaliMonthName(month), fa[month - 1]);
      assert.equal(jalaliMonthName(month, "en"), en[month - 1]);
    });
  }
  for (const month of [0, 13, 1.5]) test(`${month} is not a month`, () => assert.throws(() => jalaliMonthName(month), RangeError));
});

test("TEHRAN gives luxon's own Asia/Tehran offset at every half hour across the years Iran kept daylight saving time and after", () => {
  const tz = new IANAZone("Asia/Tehran");
  const step = 30 * 60 * 1000;
  // From 2019 (daylight saving still kept) to 2024 (abolished in 2022), each half hour and the
  // milliseconds either side of it, so every change of offset and the days around it are met.
  for (let ts = Date.UTC(2019, 0, 1); ts < Date.UTC(2024, 0, 1); ts += step) {
    for (const instant of [ts - 1, ts, ts + 1]) {
      if (TEHRAN.offset(instant) !== tz.offset(instant)) assert.fail(`${new Date(instant).toISOString()}: ${TEHRAN.offset(instant)} ≠ ${tz.offset(instant)}`);
    }
  }
  assert.equal(TEHRAN.offset(Date.UTC(2021, 5, 1)), 270, "+04:30 in the summer of 2021");
  assert.equal(TEHRAN.offset(Date.UTC(2023, 5, 1)), 210, "+03:30 in the summer of 2023");
  assert.ok(TEHRAN.equals(tz), "the same zone to luxon");
  assert.ok(DateTime.fromMillis(Date.UTC(2021, 5, 1), { zone: TEHRAN }).equals(DateTime.fromMillis(Date.UTC(2021, 5, 1), { zone: "Asia/Tehran" })));
});
