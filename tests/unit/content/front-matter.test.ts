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

describe("parseFrontMatter: errors", () => {
  const rows: Array<{ name: string; source: string; line: number; message: string }> = [
    { name: "no opening ---", source: "id: 1\ntitle: x\n", line: 1, message: "the file must start with a front-matter block" },
    { name: "an empty file", source: "", line: 1, message: "the file must start with a front-matter block" },
    { name: "text before the opening ---", source: "\n---\nid: 1\n---\n", line: 1, message: "the file must start with a front-matter block" },
    { name: "an opening `----`", source: "----\nid: 1\n---\n", line: 1, message: "the file must start with a front-matter block" },
    { name: "a tab-indented field on line 4", source: "---\nid: 1\ntitle: x\n\tdate: y\n---\n", line: 4, message: "the front matter is not valid YAML: tab characters must not be used in indentation" },
    { name: "a duplicated key on line 3", source: "---\nid: 1\nid: 2\ntitle: x\n---\n", line: 3, message: "the front matter is not valid YAML: duplicated mapping key" },
    { name: "an unquoted colon on line 3", source: "---\nid: 1\ntitle: خبر: مهم\ndate: 2024-05-12\n---\nbody\n", line: 3, message: "the front matter is not valid YAML: bad indentation of a mapping entry" },
    { name: "a bad mapping on line 2", source: "---\nbad: : :\nid: 1\n---\n", line: 2, message: "the front matter is not valid YAML" },
    { name: "a tab-indented field on line 3, CRLF", source: "---\r\nid: 1\r\n\ttitle: x\r\n---\r\n", line: 3, message: "the front matter is not valid YAML: tab characters must not be used in indentation" },
    { name: "a scalar front matter", source: "---\njust a sentence\n---\n", line: 2, message: "the front matter is not valid YAML: the front matter must be a list of `field: value` lines" },
    { name: "a list front matter", source: "---\n- a\n- b\n---\n", line: 2, message: "the front matter is not valid YAML: the front matter must be a list of `field: value` lines" },
  ];
  for (const row of rows) {
    test(row.name, () => {
      const error = syntaxError(row.source);
      assert.equal(error.line, row.line);
      assert.ok(error.message.startsWith(row.message), error.message);
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
    assert.throws(() => parseYaml("hello"), { reason: "the front matter must be a list of `field: value` lines" });
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
