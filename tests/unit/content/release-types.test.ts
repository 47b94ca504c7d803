/**
 * Unit tests for release types (src/content/release-types.ts) and the fields of issue 24 in the
 * schema (src/content/schema.ts): `type`, `updated` and `correction`, and a date written without a time.
 */
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { DEFAULT_RELEASE_TYPE, findReleaseType, RELEASE_TYPES, releaseType } from "../../../src/content/release-types.js";
import { PROSE_FIELDS, validateFrontMatter, writtenWithTime, type FieldProblem, type ReleaseFrontMatter } from "../../../src/content/schema.js";
import { toIsoString } from "../../../src/persian/dates.js";

const MINIMAL = { id: 149840, title: "نشست شورای اداری استان", date: "1403/02/23 10:30" } as const;

function valid(data: unknown): ReleaseFrontMatter {
  const result = validateFrontMatter(data);
  if (!result.ok) assert.fail(`expected valid front matter, got ${JSON.stringify(result.problems)}`);
  return result.value;
}

function problemsOf(data: unknown): FieldProblem[] {
  const result = validateFrontMatter(data);
  if (result.ok) assert.fail(`expected problems for ${JSON.stringify(data)}`);
  return result.problems;
}

describe("the table of release types", () => {
  test("news is the default and the first; keys are unique Latin slugs, names unique", () => {
    assert.equal(DEFAULT_RELEASE_TYPE, "news");
    assert.equal(RELEASE_TYPES[0].key, "news");
    const keys = RELEASE_TYPES.map((type) => type.key);
    assert.equal(new Set(keys).size, keys.length);
    assert.equal(new Set(RELEASE_TYPES.map((type) => type.fa)).size, keys.length);
    for (const key of keys) assert.match(key, /^[a-z]+(?:-[a-z]+)*$/, key);
  });

  test("schema.org's ReportageNewsArticle for reports from the scene, NewsArticle for the others", () => {
    const types = Object.fromEntries(RELEASE_TYPES.map((type) => [type.key, type.schemaType]));
    assert.deepEqual(types, {
      news: "NewsArticle",
      notice: "NewsArticle",
      statement: "NewsArticle",
      interview: "NewsArticle",
      report: "ReportageNewsArticle",
      "photo-report": "ReportageNewsArticle",
      "video-report": "ReportageNewsArticle",
    });
  });

  const written: Array<[string, string | undefined]> = [
    ["خبر", "news"],
    ["اطلاعیه", "notice"],
    ["گزارش تصویری", "photo-report"],
    // Arabic yeh and kaf, as some keyboards type them; a half-space or doubled space.
    ["گزارش تصويري", "photo-report"],
    ["گزارش\u200cتصویری", "photo-report"],
    ["  گزارش   ویدیویی ", "video-report"],
    ["مصاحبه", "interview"],
    ["بیانیه", "statement"],
    ["گزارش", "report"],
    // The key, in any letter case.
    ["notice", "notice"],
    ["Photo-Report", "photo-report"],
    ["خبرنامه", undefined],
    ["", undefined],
  ];
  for (const [text, key] of written) {
    test(`«${text}» is ${key ?? "no type"}`, () => assert.equal(findReleaseType(text), key));
  }

  test("releaseType gives a key's names", () => {
    assert.deepEqual(releaseType("photo-report"), { key: "photo-report", fa: "گزارش تصویری", en: "Photo report", plural: { fa: "گزارش‌های تصویری", en: "Photo reports" }, schemaType: "ReportageNewsArticle" });
  });
});

describe("type in front matter", () => {
  test("without it, news; the Persian name or the key gives the type's key", () => {
    assert.equal(valid(MINIMAL).type, "news");
    assert.equal(valid({ ...MINIMAL, type: "اطلاعیه" }).type, "notice");
    assert.equal(valid({ ...MINIMAL, type: "interview" }).type, "interview");
  });

  const refused: Array<[string, unknown]> = [
    ["an unknown name", "خبرنامه"],
    ["a misspelt key", "photo_report"],
  ];
  for (const [name, value] of refused) {
    test(`${name} is refused, with the allowed names`, () => {
      const problems = problemsOf({ ...MINIMAL, type: value });
      assert.deepEqual(problems.map((problem) => problem.field), ["type"]);
      const { fa, en } = problems[0]!.message;
      assert.match(fa, /^نوع خبر «.*» شناخته نیست: یکی از خبر، اطلاعیه، بیانیه، مصاحبه، گزارش، گزارش تصویری، گزارش ویدیویی را بنویسید، مثلاً `type: اطلاعیه` \(بی این خط، خبر\)\.$/);
      assert.match(en, /^type ".*" is not a release type: write one of خبر, اطلاعیه, .* \(or news, notice, statement, interview, report, photo-report, video-report\); without the line, a release is news$/);
    });
  }

  test("a number or a list is not a type's name: it must be text", () => {
    for (const value of [12, ["خبر"], true]) {
      const problems = problemsOf({ ...MINIMAL, type: value });
      assert.deepEqual(problems.map((problem) => problem.field), ["type"]);
      assert.equal(problems[0]!.message.fa, "نوع خبر (type) باید متن باشد (نه عدد، فهرست یا true/false): مثلاً `type: اطلاعیه`.");
    }
  });

  test("an empty `type:` line is said to be empty", () => {
    const problems = problemsOf({ ...MINIMAL, type: null });
    assert.deepEqual(problems.map((problem) => problem.field), ["type"]);
    assert.equal(problems[0]!.message.fa, "نوع خبر (type) خالی است: آن را بنویسید، مثلاً `type: اطلاعیه`، یا آن خط را بردارید.");
  });

  test("the unknown name is quoted as written", () => {
    assert.match(problemsOf({ ...MINIMAL, type: "خبرنامه" })[0]!.message.fa, /^نوع خبر «خبرنامه» شناخته نیست/);
  });
});

describe("updated and correction", () => {
  test("updated is read as date is, in Tehran; correction is trimmed prose", () => {
    const value = valid({ ...MINIMAL, updated: "1403/02/24 09:15", correction: "  نام شهرستان اصلاح شد.  " });
    assert.equal(toIsoString(value.updated!), "2024-05-13T09:15:00+03:30");
    assert.equal(value.correction, "نام شهرستان اصلاح شد.");
    assert.ok(PROSE_FIELDS.includes("correction"));
  });

  test("both are optional", () => {
    const value = valid(MINIMAL);
    assert.equal(value.updated, undefined);
    assert.equal(value.correction, undefined);
  });

  test("updated at the very minute of the date is accepted", () => {
    assert.equal(toIsoString(valid({ ...MINIMAL, updated: "2024-05-12T10:30:00+03:30" }).updated!), "2024-05-12T10:30:00+03:30");
  });

  test("updated before the date is refused, naming both", () => {
    const problems = problemsOf({ ...MINIMAL, updated: "1403/02/22 10:00" });
    assert.deepEqual(problems.map((problem) => problem.field), ["updated"]);
    assert.equal(problems[0]!.message.fa, "تاریخ به‌روزرسانی (۱۴۰۳/۰۲/۲۲ ۱۰:۰۰) پیش از تاریخ خود خبر (۱۴۰۳/۰۲/۲۳ ۱۰:۳۰) است: تاریخ و ساعت ویرایش را بنویسید، مثلاً `updated: 1403/02/24 09:00`.");
    assert.equal(problems[0]!.message.en, "updated (1403/02/22 10:00) is before the release's date (1403/02/23 10:30): write when it was changed, e.g. `updated: 1403/02/24 09:00`");
  });

  test("updated before the date is reported with the file's other problems", () => {
    const problems = problemsOf({ ...MINIMAL, title: "", updated: "1403/02/22" });
    assert.deepEqual(problems.map((problem) => problem.field), ["title", "updated"]);
  });

  const badUpdates: Array<[string, unknown, RegExp, RegExp]> = [
    ["not a date", "دیروز", /^«دیروز» تاریخ نیست/, /^updated "دیروز" is not a date/],
    ["a day the Jalali calendar does not have", "1403/07/31", /روزی از تقویم شمسی نیست.*`updated: 1403\/07\/30 10:30`/, /^updated 1403\/7\/31 is not a day of the Jalali calendar$/],
    ["an empty `updated:` line", null, /^باید تاریخی باشد/, /^updated must be a date/],
  ];
  for (const [name, value, fa, en] of badUpdates) {
    test(`updated ${name} is refused`, () => {
      const problems = problemsOf({ ...MINIMAL, updated: value });
      assert.deepEqual(problems.map((problem) => problem.field), ["updated"]);
      assert.match(problems[0]!.message.fa, fa);
      assert.match(problems[0]!.message.en, en);
    });
  }

  test("an empty correction is refused", () => {
    assert.deepEqual(problemsOf({ ...MINIMAL, correction: " " }).map((problem) => problem.field), ["correction"]);
  });
});

describe("writtenWithTime: whether a date gives a time of day", () => {
  const rows: Array<[unknown, boolean]> = [
    ["1402/05/12", false],
    ["۱۴۰۲/۰۵/۱۲", false],
    ["2023-08-03", false],
    ["1402/05/12 00:00", true],
    ["1402-05-12 10:30", true],
    ["2023-08-03T00:00", true],
    ["2023-08-03T10:30:00+03:30", true],
    ["2023-08-03t10:30", true],
    // An instant (a JavaScript Date) has its time; what cannot be read is left to the schema's message.
    [new Date(Date.UTC(2023, 7, 3)), true],
    ["not a date", true],
  ];
  for (const [input, expected] of rows) {
    test(`${input instanceof Date ? "a Date" : String(input)} → ${expected}`, () => assert.equal(writtenWithTime(input), expected));
  }
});
