/** Unit tests for src/content/schema.ts: front-matter validation and its messages for editors. */
import { test, describe } from "node:test";
import assert from "node:assert/strict";
import { DateTime } from "luxon";
import { RELEASE_FIELDS, validateFrontMatter, type FieldProblem, type ReleaseFrontMatter } from "../../../src/content/schema.js";

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

describe("valid front matter", () => {
  test("minimal release: defaults filled in", () => {
    const value = valid(MINIMAL);
    assert.equal(value.id, 149840);
    assert.equal(value.title, "نشست شورای اداری استان");
    assert.ok(value.date instanceof DateTime);
    assert.equal(value.date.toMillis(), Date.UTC(2024, 4, 12, 7, 0, 0));
    assert.equal(value.date.toISO({ suppressMilliseconds: true }), "2024-05-12T10:30:00+03:30");
    assert.deepEqual(value.tags, []);
    assert.equal(value.draft, false);
    assert.equal(value.lang, "fa");
    assert.equal(value.lead, undefined);
    assert.equal(value.source, undefined);
    assert.equal(value.image, undefined);
    assert.equal(value.type, "news");
    assert.deepEqual(Object.keys(value).sort(), ["date", "draft", "id", "lang", "tags", "title", "type"]);
  });

  test("full release: every field, tags deduplicated, text trimmed", () => {
    const value = valid({
      id: 7,
      title: "  Governor meets county heads  ",
      date: "2021-07-01T08:00:00Z",
      lead: " لید خبر ",
      county: "شهریار",
      organization: "روابط‌عمومی",
      tags: ["استانداری", "شورا", "استانداری", " شورا ", "بودجه"],
      source: "https://ostan-th.ir/News/149840/",
      image: "/images/1403/meeting.jpg",
      image_alt: "استاندار در نشست",
      draft: true,
      lang: "en",
      type: "مصاحبه",
    });
    const { date, ...rest } = value;
    assert.deepEqual(rest, {
      id: 7,
      title: "Governor meets county heads",
      lead: "لید خبر",
      county: "شهریار",
      organization: "روابط‌عمومی",
      tags: ["استانداری", "شورا", "بودجه"],
      source: "https://ostan-th.ir/News/149840/",
      image: "/images/1403/meeting.jpg",
      image_alt: "استاندار در نشست",
      draft: true,
      lang: "en",
      type: "interview",
    });
    assert.ok(date instanceof DateTime);
    assert.equal(date.toMillis(), Date.UTC(2021, 6, 1, 8, 0, 0));
    assert.equal(date.toISO({ suppressMilliseconds: true }), "2021-07-01T12:30:00+04:30");
  });

  const accepted: Array<{ name: string; extra: Record<string, unknown> }> = [
    { name: "an https image address", extra: { image: "https://cdn.example.org/a.jpg", image_alt: "a" } },
    { name: "an http source", extra: { source: "http://ostan-th.ir/News/1/" } },
    { name: "draft false", extra: { draft: false } },
    { name: "lang fa", extra: { lang: "fa" } },
    { name: "an empty tag list", extra: { tags: [] } },
    { name: "an ISO date only", extra: { date: "2024-05-12" } },
    { name: "a Persian-digit Jalali date", extra: { date: "۱۴۰۳/۱۲/۳۰" } },
  ];
  for (const row of accepted) {
    test(`accepts ${row.name}`, () => {
      const value = valid({ ...MINIMAL, ...row.extra });
      for (const [key, expected] of Object.entries(row.extra)) {
        if (key === "date") continue;
        assert.deepEqual(value[key as keyof ReleaseFrontMatter], expected, key);
      }
    });
  }

  test("the date field is read with the date module (Jalali leap day)", () => {
    assert.equal(valid({ ...MINIMAL, date: "۱۴۰۳/۱۲/۳۰" }).date.toISO({ suppressMilliseconds: true }), "2025-03-20T00:00:00+03:30");
  });
});

describe("one problem per invalid field", () => {
  const { id: _id, ...withoutId } = MINIMAL;
  const { title: _title, ...withoutTitle } = MINIMAL;
  const { date: _date, ...withoutDate } = MINIMAL;

  /** Each problem's field, and a part of its message in English (`message`) and in Persian (`fa`). */
  const rows: Array<{ name: string; data: Record<string, unknown>; field: string; message: string; fa: string }> = [
    { name: "missing id", data: withoutId, field: "id", message: "id is required: the release's news code (کد خبر)", fa: "شناسه (کد خبر) نوشته نشده است و لازم است: خطی مانند `id: 149840`" },
    { name: "missing title", data: withoutTitle, field: "title", message: "title is required: add a line `title: …`", fa: "عنوان (title) نوشته نشده است و لازم است: خطی مانند `title: نشست شورای هماهنگی برگزار شد`" },
    { name: "missing date", data: withoutDate, field: "date", message: "date is required: add a line such as `date: 2024-05-12T10:30:00+03:30`", fa: "تاریخ (date) نوشته نشده است و لازم است: خطی مانند `date: 1403/02/23 10:30`" },
    { name: "date null (an empty `date:` line)", data: { ...MINIMAL, date: null }, field: "date", message: "date is required", fa: "تاریخ (date) نوشته نشده است" },
    { name: "id as a quoted string", data: { ...MINIMAL, id: "149840" }, field: "id", message: "id must be a whole number without quotes, e.g. `id: 149840`", fa: "شناسه باید عددی بی‌گیومه باشد، مثلاً `id: 149840`" },
    { name: "id 0", data: { ...MINIMAL, id: 0 }, field: "id", message: "id must be a positive number", fa: "شناسه باید عددی بزرگ‌تر از صفر باشد" },
    { name: "negative id", data: { ...MINIMAL, id: -5 }, field: "id", message: "id must be a positive number", fa: "شناسه باید عددی بزرگ‌تر از صفر باشد" },
    { name: "fractional id", data: { ...MINIMAL, id: 1.5 }, field: "id", message: "id must be a whole number, e.g. `id: 149840`", fa: "شناسه باید عدد صحیح باشد" },
    { name: "empty title", data: { ...MINIMAL, title: "" }, field: "title", message: "title is empty: write it, or remove the line", fa: "عنوان (title) خالی است: آن را بنویسید، مثلاً `title: نشست شورای هماهنگی برگزار شد`، یا آن خط را بردارید." },
    { name: "blank title", data: { ...MINIMAL, title: "   " }, field: "title", message: "title is empty: write it, or remove the line", fa: "عنوان (title) خالی است" },
    { name: "title as a number", data: { ...MINIMAL, title: 1403 }, field: "title", message: "title must be text", fa: "عنوان (title) باید متن باشد" },
    { name: "empty lead", data: { ...MINIMAL, lead: "" }, field: "lead", message: "lead is empty: write it, or remove the line", fa: "لید (lead) خالی است" },
    { name: "bad date", data: { ...MINIMAL, date: "yesterday" }, field: "date", message: `date "yesterday" is not a date: write it as 2024-05-12T10:30:00+03:30 or 1403/02/23 10:30`, fa: "«yesterday» تاریخ نیست: آن را به شکل `1403/02/23 10:30` (شمسی، به وقت تهران) یا `2024-05-12T10:30:00+03:30` بنویسید." },
    { name: "impossible Jalali date (31 Mehr)", data: { ...MINIMAL, date: "1403/07/31" }, field: "date", message: "date 1403/7/31 is not a day of the Jalali calendar", fa: "۱۴۰۳/۷/۳۱ روزی از تقویم شمسی نیست" },
    { name: "impossible Jalali date (30 Esfand 1402)", data: { ...MINIMAL, date: "1402/12/30" }, field: "date", message: "date 1402/12/30 is not a day of the Jalali calendar", fa: "۱۴۰۲/۱۲/۳۰ روزی از تقویم شمسی نیست" },
    { name: "unknown field titel", data: { ...MINIMAL, titel: "x" }, field: "titel", message: `unknown field "titel": did you mean "title"?`, fa: "فیلد `titel` شناخته نیست: آیا منظورتان `title` بود؟" },
    { name: "unknown field imag_alt", data: { ...MINIMAL, imag_alt: "x" }, field: "imag_alt", message: `unknown field "imag_alt": did you mean "image_alt"?`, fa: "فیلد `imag_alt` شناخته نیست: آیا منظورتان `image_alt` بود؟" },
    { name: "unknown field tag", data: { ...MINIMAL, tag: ["x"] }, field: "tag", message: `unknown field "tag": did you mean "tags"?`, fa: "فیلد `tag` شناخته نیست: آیا منظورتان `tags` بود؟" },
    { name: "tags as one string", data: { ...MINIMAL, tags: "استانداری" }, field: "tags", message: "tags must be a list, one `- tag` line each under `tags:`", fa: "برچسب‌ها باید فهرست باشند: زیر خط `tags:` هر برچسب در خطی جدا" },
    { name: "tags as an empty value", data: { ...MINIMAL, tags: null }, field: "tags", message: "tags must be a list", fa: "برچسب‌ها باید فهرست باشند" },
    { name: "an empty tag", data: { ...MINIMAL, tags: ["a", ""] }, field: "tags", message: "each item of tags must be written: write it, or remove the empty `-` line", fa: "یکی از موردهای برچسب‌ها (tags) خالی است" },
    { name: "a numeric tag", data: { ...MINIMAL, tags: [1403] }, field: "tags", message: "each item of tags must be text", fa: "هر مورد برچسب‌ها (tags) باید متن باشد" },
    { name: "ftp source", data: { ...MINIMAL, source: "ftp://ostan-th.ir/a" }, field: "source", message: "source must be a web address starting with https://", fa: "نشانی منبع باید نشانی وبی باشد که با https:// آغاز می‌شود" },
    { name: "source without scheme", data: { ...MINIMAL, source: "ostan-th.ir/News/1/" }, field: "source", message: "source must be a web address starting with https://", fa: "نشانی منبع باید نشانی وبی باشد که با https:// آغاز می‌شود" },
    { name: "javascript: source", data: { ...MINIMAL, source: "javascript:alert(1)" }, field: "source", message: "source must be a web address starting with https://", fa: "نشانی منبع باید نشانی وبی باشد که با https:// آغاز می‌شود" },
    { name: "source as a number", data: { ...MINIMAL, source: 5 }, field: "source", message: "source must be a web address such as https://ostan-th.ir/News/149840/", fa: "نشانی منبع باید نشانی وب باشد، مثلاً `source: https://ostan-th.ir/News/149840/`" },
    { name: "image without image_alt", data: { ...MINIMAL, image: "/images/a.jpg" }, field: "image_alt", message: "image_alt is required with an image: describe the picture", fa: "با تصویر، متن جایگزین آن هم لازم است" },
    { name: "image with a javascript: URL", data: { ...MINIMAL, image: "javascript:alert(1)", image_alt: "x" }, field: "image", message: "image must be a path on this site such as /images/photo.jpg, or an https:// address", fa: "تصویر باید نشانی‌ای در همین سایت باشد، مثلاً `image: /images/photo.jpg`" },
    { name: "image over plain http", data: { ...MINIMAL, image: "http://example.com/a.jpg", image_alt: "x" }, field: "image", message: "image must be a path on this site", fa: "تصویر باید نشانی‌ای در همین سایت باشد" },
    { name: "image as a relative path", data: { ...MINIMAL, image: "images/a.jpg", image_alt: "x" }, field: "image", message: "image must be a path on this site", fa: "تصویر باید نشانی‌ای در همین سایت باشد" },
    { name: "draft as the word yes", data: { ...MINIMAL, draft: "yes" }, field: "draft", message: "draft must be true or false", fa: "پیش‌نویس فقط می‌تواند true یا false باشد" },
    { name: "draft as 1", data: { ...MINIMAL, draft: 1 }, field: "draft", message: "draft must be true or false", fa: "پیش‌نویس فقط می‌تواند true یا false باشد" },
    { name: "lang de", data: { ...MINIMAL, lang: "de" }, field: "lang", message: "lang must be one of: fa, en", fa: "زبان فقط می‌تواند یکی از fa، en باشد" },
    { name: "lang in capitals", data: { ...MINIMAL, lang: "FA" }, field: "lang", message: "lang must be one of: fa, en", fa: "زبان فقط می‌تواند یکی از fa، en باشد" },
  ];
  for (const row of rows) {
    test(row.name, () => {
      const problems = problemsOf(row.data);
      assert.equal(problems.length, 1, JSON.stringify(problems));
      const [problem] = problems;
      assert.equal(problem!.field, row.field);
      assert.ok(problem!.message.en.includes(row.message), `message ${JSON.stringify(problem!.message.en)} should include ${JSON.stringify(row.message)}`);
      assert.ok(problem!.message.fa.includes(row.fa), `message ${JSON.stringify(problem!.message.fa)} should include ${JSON.stringify(row.fa)}`);
    });
  }

  test("an unknown field's message lists every allowed field", () => {
    const [problem] = problemsOf({ ...MINIMAL, titel: "x" });
    assert.deepEqual(problem!.message, {
      fa: "فیلد `titel` شناخته نیست: آیا منظورتان `title` بود؟ فیلدهای مجاز: id، title، date، type، lead، county، organization، tags، source، image، image_alt، draft، lang، updated، correction، translation.",
      en: `unknown field "titel": did you mean "title"? Allowed fields: id, title, date, type, lead, county, organization, tags, source, image, image_alt, draft, lang, updated, correction, translation`,
    });
    assert.deepEqual(RELEASE_FIELDS, ["id", "title", "date", "type", "lead", "county", "organization", "tags", "source", "image", "image_alt", "draft", "lang", "updated", "correction", "translation"]);
  });
});

describe("several problems and non-objects", () => {
  test("every invalid field is reported at once, in field order", () => {
    const problems = problemsOf({ id: "12", title: "", date: "1402/12/30", lang: "de", titel: "x" });
    assert.deepEqual(
      problems.map((problem) => problem.field),
      ["id", "title", "date", "lang", "titel"],
    );
  });

  test("two unknown fields give two problems", () => {
    const problems = problemsOf({ ...MINIMAL, titel: "x", dat: "y" });
    assert.deepEqual(problems.map((problem) => problem.field), ["titel", "dat"]);
    assert.ok(problems[1]!.message.en.startsWith(`unknown field "dat": did you mean "date"?`), problems[1]!.message.en);
  });

  const rows: Array<{ name: string; data: unknown }> = [
    { name: "a string", data: "title: x" },
    { name: "null", data: null },
    { name: "a list", data: [MINIMAL] },
    { name: "a number", data: 149840 },
  ];
  for (const row of rows) {
    test(`front matter that is ${row.name}`, () => {
      assert.deepEqual(problemsOf(row.data), [
        {
          field: "front matter",
          message: {
            fa: "سرآغاز فایل باید فهرستی از خط‌های `نام: مقدار` باشد، هر فیلد در خطی جدا، مثلاً `title: …`.",
            en: "the front matter must be a list of `field: value` lines",
          },
        },
      ]);
    });
  }
});

describe("validateFrontMatter: messages that help an editor", () => {
  test("an empty title line (YAML null) says the title is empty", () => {
    const problems = problemsOf({ ...MINIMAL, title: null });
    assert.deepEqual(problems, [
      {
        field: "title",
        message: { fa: "عنوان (title) خالی است: آن را بنویسید، مثلاً `title: نشست شورای هماهنگی برگزار شد`، یا آن خط را بردارید.", en: "title is empty: write it, or remove the line" },
      },
    ]);
  });

  test("an unknown field far from every allowed one gets no suggestion", () => {
    const [problem] = problemsOf({ ...MINIMAL, xyzzy: 1 });
    assert.equal(problem?.field, "xyzzy");
    assert.ok(problem && !problem.message.en.includes("did you mean") && !problem.message.fa.includes("آیا منظورتان"), problem?.message.en);
  });

  test("a missing image_alt is reported together with other problems", () => {
    const problems = problemsOf({ id: 5, date: "2024-05-12", image: "/images/a.jpg" });
    assert.deepEqual(problems.map((problem) => problem.field).sort(), ["image_alt", "title"]);
  });
});
