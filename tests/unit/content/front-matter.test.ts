/** Unit tests for src/content/front-matter.ts: reading the YAML block and locating fields by line. */
import { test, describe } from "node:test";
import assert from "node:assert/strict";
import { FrontMatterSyntaxError, lineOfField, parseFrontMatter, parseYaml } from "../../../src/content/front-matter.js";

/** Runs parseFrontMatter on a source that must fail, and returns the error. */
function syntaxError(source: string): FrontMatterSyntaxError {
  try {
    parseFrontMatter(source);
  } catch (error) {
    assert.ok(error instanceof FrontMatterSyntaxError, `expected FrontMatterSyntaxError, got ${String(error)}`);
    return error;
  }
  return assert.fail(`expected ${JSON.stringify(source)} to be rejected`);
}

describe("parseFrontMatter: values", () => {
  const rows: Array<{ name: string; source: string; data: Record<string, unknown>; body: string }> = [
    {
      name: "ISO date stays the string the editor wrote",
      source: "---\nid: 149840\ntitle: خبر\ndate: 2024-05-12\n---\nمتن خبر\n",
      data: { id: 149840, title: "خبر", date: "2024-05-12" },
      body: "متن خبر\n",
    },
    {
      name: "ISO date-time with offset stays a string",
      source: "---\ndate: 2024-05-12T10:30:00+03:30\n---\n",
      data: { date: "2024-05-12T10:30:00+03:30" },
      body: "",
    },
    {
      name: "Jalali date with time stays a string",
      source: "---\ndate: 1403/02/23 10:30\n---\nbody",
      data: { date: "1403/02/23 10:30" },
      body: "body",
    },
    {
      name: "Persian-digit date stays a string",
      source: "---\ndate: ۱۴۰۳/۰۲/۲۳\n---\n",
      data: { date: "۱۴۰۳/۰۲/۲۳" },
      body: "",
    },
    {
      name: "numbers, booleans, lists and quoted numbers keep their YAML types",
      source: "---\nid: 7\ndraft: true\ntags:\n  - الف\n  - ب\nquoted: \"149840\"\nempty:\n---\n",
      data: { id: 7, draft: true, tags: ["الف", "ب"], quoted: "149840", empty: null },
      body: "",
    },
    {
      name: "the core schema does not read yes/no as booleans",
      source: "---\ndraft: yes\n---\n",
      data: { draft: "yes" },
      body: "",
    },
    {
      name: "CRLF line endings",
      source: "---\r\nid: 1\r\ntitle: x\r\n---\r\nbody\r\n",
      data: { id: 1, title: "x" },
      body: "body\r\n",
    },
    {
      name: "an empty front matter gives no fields",
      source: "---\n---\nbody",
      data: {},
      body: "body",
    },
  ];
  for (const row of rows) {
    test(row.name, () => {
      const parsed = parseFrontMatter(row.source);
      assert.deepEqual(parsed.data, row.data);
      assert.equal(parsed.body, row.body);
    });
  }

  test("frontMatter is the raw block, starting with the newline after `---`", () => {
    assert.equal(parseFrontMatter("---\nid: 1\ntitle: x\n---\nbody").frontMatter, "\nid: 1\ntitle: x");
  });
});

describe("parseFrontMatter: errors, with the line to fix and the fix, in Persian and English", () => {
  /** Each error's line, and the start of its message in English (`en`) and in Persian (`fa`). */
  const rows: Array<{ name: string; source: string; line: number; en: string; fa: string }> = [
    { name: "no opening ---", source: "id: 1\ntitle: x\n", line: 1, en: "the file must start with a front-matter block", fa: "فایل باید با سرآغاز شروع شود: خطی با `---`" },
    { name: "an empty file", source: "", line: 1, en: "the file must start with a front-matter block", fa: "فایل باید با سرآغاز شروع شود" },
    { name: "text before the opening ---", source: "\n---\nid: 1\n---\n", line: 1, en: "the file must start with a front-matter block", fa: "فایل باید با سرآغاز شروع شود" },
    { name: "an opening `----`", source: "----\nid: 1\n---\n", line: 1, en: "the file must start with a front-matter block", fa: "فایل باید با سرآغاز شروع شود" },
    {
      name: "an unquoted colon in a value: put the value in quotes (the mistake of `title: خبر: افتتاح`)",
      source: "---\nid: 1\ntitle: خبر: افتتاح مدرسه\ndate: 2024-05-12\n---\nbody\n",
      line: 3,
      en: 'the value of title has a colon, which cannot be read without quotes: put the value in quotes: `title: "خبر: افتتاح مدرسه"`',
      fa: 'مقدار عنوان (title) دونقطه (:) دارد و برای همین خوانده نمی‌شود: مقدار را در گیومه بگذارید: `title: "خبر: افتتاح مدرسه"`',
    },
    {
      name: "a colon in a value that has a double quote: single quotes",
      source: '---\nid: 1\nlead: او گفت: «آری» و "نه"\n---\n',
      line: 3,
      en: "the value of lead has a colon",
      fa: "مقدار لید (lead) دونقطه (:) دارد و برای همین خوانده نمی‌شود: مقدار را در گیومه بگذارید: `lead: 'او گفت: «آری» و \"نه\"'`",
    },
    {
      name: "a list item indented less than the one before: each tag on its own line starting with `  - `",
      source: "---\nid: 1\ntitle: x\ntags:\n  - a\n - b\ndraft: false\n---\nbody\n",
      line: 6,
      en: "the list tags is not written evenly: under `tags:`, put each item on its own line starting with `  - `",
      fa: "فهرست برچسب‌ها (tags) درست نوشته نشده است: زیر خط `tags:` هر مورد در خطی جدا که با `  - ` (دو فاصله، خط تیره و یک فاصله) آغاز می‌شود",
    },
    { name: "a list written on the field's line (`tags: - a`)", source: "---\nid: 1\ntags: - a\n---\n", line: 3, en: "the list tags is not written evenly", fa: "فهرست برچسب‌ها (tags) درست نوشته نشده است" },
    { name: "a field indented", source: "---\nid: 1\n  title: x\n---\n", line: 3, en: "the line starts with spaces: write each field from the start of its line, e.g. `title: …`", fa: "این خط با فاصله آغاز شده است" },
    { name: "a tab-indented field on line 4", source: "---\nid: 1\ntitle: x\n\tdate: y\n---\n", line: 4, en: "the line is indented with a tab: replace the tab with spaces", fa: "در آغاز این خط نویسهٔ Tab هست" },
    { name: "a tab-indented field on line 3, CRLF", source: "---\r\nid: 1\r\n\ttitle: x\r\n---\r\n", line: 3, en: "the line is indented with a tab", fa: "در آغاز این خط نویسهٔ Tab هست" },
    { name: "a duplicated key on line 3", source: "---\nid: 1\nid: 2\ntitle: x\n---\n", line: 3, en: "id is written twice: keep one and remove the other", fa: "شناسه (id) دو بار نوشته شده است" },
    {
      name: "a quote left open: the line that opens it, not the line where YAML noticed",
      source: '---\nid: 1\ntitle: "عنوانی که بسته نشده\ndate: "2024-05-12T10:30:00+03:30"\n---\nمتن\n',
      line: 3,
      en: 'the quote (") that opens the value of title is not closed: close it at the end of the value',
      fa: 'گیومه‌ای (") که مقدار عنوان (title) با آن آغاز شده بسته نشده است',
    },
    {
      name: "a quoted value continued over two lines is no open quote: the mistake is the colon below it",
      source: '---\nid: 1\nlead: "خلاصه‌ای بلند\n  که ادامه دارد"\ntitle: خبر: مهم\n---\n',
      line: 5,
      en: 'the value of title has a colon, which cannot be read without quotes: put the value in quotes: `title: "خبر: مهم"`',
      fa: "مقدار عنوان (title) دونقطه (:) دارد",
    },
    { name: "text after the closing quote", source: '---\nid: 1\ntitle: "نشست" برگزار شد\n---\n', line: 3, en: "the value of title starts with a quote (\") and goes on after the closing one", fa: "مقدار عنوان (title) با گیومه (\") آغاز شده و پس از گیومهٔ بسته هنوز ادامه دارد" },
    { name: "a value starting with @", source: "---\nid: 1\ntitle: @استانداری\n---\n", line: 3, en: 'the value of title starts with "@", which has a meaning of its own: put the value in quotes: `title: "@استانداری"`', fa: "مقدار عنوان (title) با نویسهٔ «@» آغاز می‌شود" },
    { name: "no space after the colon", source: "---\nid: 1\ntitle:نشست\ndate: 2024-05-12\n---\n", line: 3, en: "put a space after the field's colon: `title: نشست`", fa: "پس از دونقطهٔ نام فیلد یک فاصله بگذارید: `title: نشست`" },
    { name: "a bracket left open", source: "---\nid: 1\ntags: [نشست, خبر\n---\n", line: 3, en: "the bracket that opens the value of tags is not closed", fa: "کروشه یا آکولادی که مقدار برچسب‌ها (tags) با آن آغاز شده بسته نشده است" },
    { name: "a colon at the start of a value: quoted too", source: "---\nbad: : :\nid: 1\n---\n", line: 2, en: 'the value of bad has a colon, which cannot be read without quotes: put the value in quotes: `bad: ": :"`', fa: "مقدار bad دونقطه (:) دارد" },
    {
      name: "any other mistake: YAML's reason, and the common fixes",
      source: "---\nid: 1\n: x\n---\n",
      line: 3,
      en: "the front matter is not valid YAML: incomplete explicit mapping pair",
      fa: "این خط سرآغاز خوانده نمی‌شود (incomplete explicit mapping pair; a key node is missed; or followed by a non-tabulated empty line): هر فیلد در خطی جدا به شکل `نام: مقدار` نوشته می‌شود؛ مقداری را که دونقطه",
    },
    { name: "a scalar front matter", source: "---\njust a sentence\n---\n", line: 2, en: "the front matter must be a list of `field: value` lines", fa: "سرآغاز فایل باید فهرستی از خط‌های `نام: مقدار` باشد" },
    { name: "a list front matter", source: "---\n- a\n- b\n---\n", line: 2, en: "the front matter must be a list of `field: value` lines", fa: "سرآغاز فایل باید فهرستی از خط‌های `نام: مقدار` باشد" },
  ];
  for (const row of rows) {
    test(row.name, () => {
      const error = syntaxError(row.source);
      assert.equal(error.line, row.line);
      assert.ok(error.problem.en.startsWith(row.en), error.problem.en);
      assert.ok(error.problem.fa.startsWith(row.fa), error.problem.fa);
    });
  }

  test("a YAML error's line is inside the front matter (between the two ---)", () => {
    const source = "---\nid: 1\ntitle: x\ntags:\n  - a\n - b\ndraft: false\n---\nbody\n";
    const closing = source.split("\n").indexOf("---", 1) + 1;
    const error = syntaxError(source);
    assert.equal(error.line, 6);
    assert.ok(error.line > 1 && error.line < closing, `line ${error.line} should be between 1 and ${closing}`);
  });
});

describe("parseYaml", () => {
  test("an empty document is no fields", () => {
    assert.deepEqual(parseYaml(""), {});
    assert.deepEqual(parseYaml("# only a comment\n"), {});
  });

  test("a mapping is returned as is, dates as strings", () => {
    assert.deepEqual(parseYaml("id: 5\ndate: 2024-05-12\n"), { id: 5, date: "2024-05-12" });
  });

  test("a scalar is rejected", () => {
    assert.throws(() => parseYaml("hello"), { message: "the front matter must be a list of `field: value` lines" });
  });
});

describe("lineOfField", () => {
  const source = "---\nid: 149840\ntitle: خبر\ndate: 2024-05-12\ntags:\n  - a\nimage: /a.jpg\nimage_alt: x\n---\nbody mentions title: here\n";
  const { frontMatter } = parseFrontMatter(source);
  const rows: Array<{ field: string; line: number }> = [
    { field: "id", line: 2 },
    { field: "title", line: 3 },
    { field: "date", line: 4 },
    { field: "tags", line: 5 },
    { field: "image", line: 7 },
    { field: "image_alt", line: 8 },
    { field: "lead", line: 1 },
    { field: "front matter", line: 1 },
  ];
  for (const row of rows) {
    test(`${row.field} → line ${row.line}`, () => {
      assert.equal(lineOfField(frontMatter, row.field), row.line);
    });
  }

  test("the line matches the file's own lines", () => {
    const lines = source.split("\n");
    for (const field of ["id", "title", "date", "tags", "image", "image_alt"]) {
      assert.ok(lines[lineOfField(frontMatter, field) - 1]!.startsWith(`${field}:`), field);
    }
  });

  test("CRLF files count lines the same way", () => {
    const parsed = parseFrontMatter("---\r\nid: 1\r\ntitle: x\r\ndate: 2024-05-12\r\n---\r\n");
    assert.equal(lineOfField(parsed.frontMatter, "date"), 4);
    assert.equal(lineOfField(parsed.frontMatter, "id"), 2);
  });
});

test("a byte-order mark before the opening --- is accepted (Windows Notepad saves one)", () => {
  const parsed = parseFrontMatter("\uFEFF---\nid: 7\ntitle: x\n---\nbody");
  assert.deepEqual(parsed.data, { id: 7, title: "x" });
});
