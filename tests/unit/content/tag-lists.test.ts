/**
 * A tag list written with commas (src/content/schema.ts `splitTagItem`): YAML reads
 * `tags: [نشست، روابط عمومی]` (a Persian comma) and `- نشست، روابط عمومی` as one item, which was
 * silently one tag «نشست-روابط-عمومی». Every comma, Persian or Latin, now separates tags, in the
 * build and in `npm run check` alike; what cannot be a tag is refused on its own line.
 */
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { DateTime } from "luxon";
import { readReleaseFile } from "../../../src/content/load.js";
import { splitTagItem } from "../../../src/content/schema.js";

const NOW = DateTime.fromISO("2024-06-01T12:00:00+03:30", { setZone: true });

/** A release file whose front matter ends with `tagLines`. */
const file = (...tagLines: string[]) => ["---", "id: 1", "title: خبر", "date: 1403/02/23", ...tagLines, "---", "", "متن.", ""].join("\n");

function tagsOf(source: string): string[] {
  const result = readReleaseFile("x.md", source, NOW);
  assert.deepEqual(result.problems, []);
  return result.release!.tags;
}

describe("a comma separates tags, never joins them", () => {
  const rows: Array<{ name: string; lines: string[]; tags: string[] }> = [
    { name: "a flow list with a Persian comma", lines: ["tags: [نشست، روابط عمومی]"], tags: ["نشست", "روابط عمومی"] },
    { name: "a flow list with Latin commas (YAML's own)", lines: ["tags: [نشست, روابط عمومی]"], tags: ["نشست", "روابط عمومی"] },
    { name: "a block item with a Persian comma", lines: ["tags:", "  - نشست، روابط عمومی", "  - بودجه"], tags: ["نشست", "روابط عمومی", "بودجه"] },
    { name: "a quoted item with a Latin comma", lines: ["tags:", '  - "نشست, روابط عمومی"'], tags: ["نشست", "روابط عمومی"] },
    { name: "a comma at the end, and a tag twice", lines: ["tags: [نشست،, نشست]"], tags: ["نشست"] },
    { name: "one tag per line, as before", lines: ["tags:", "  - نشست", "  - روابط‌عمومی"], tags: ["نشست", "روابط‌عمومی"] },
  ];
  for (const row of rows) {
    test(row.name, () => {
      assert.deepEqual(tagsOf(file(...row.lines)), row.tags);
    });
  }

  test("splitTagItem keeps an item of commas whole, so that it is refused as a tag without a letter", () => {
    assert.deepEqual(splitTagItem("،"), ["،"]);
    assert.deepEqual(splitTagItem(" الف ،ب,ج "), ["الف", "ب", "ج"]);
  });
});

describe("what cannot be a tag is refused on its own line", () => {
  test("a part without a letter after a comma names the part and the item's line", () => {
    const result = readReleaseFile("x.md", file("tags:", "  - نشست، !!!"), NOW);
    assert.deepEqual(result.problems.map(({ line, field }) => ({ line, field })), [{ line: 6, field: "tags" }]);
    assert.match(result.problems[0]!.message.en, /^the tag "!!!" has no letter or digit/);
    assert.match(result.problems[0]!.message.fa, /«!!!»/);
  });

  test("an item after one with a comma keeps its line", () => {
    const result = readReleaseFile("x.md", file("tags:", "  - نشست، روابط عمومی", "  - ..."), NOW);
    assert.deepEqual(result.problems.map(({ line, field }) => ({ line, field })), [{ line: 7, field: "tags" }]);
  });

  test("a list written without brackets on the tags: line is refused, not merged into one tag", () => {
    const result = readReleaseFile("x.md", file("tags: نشست، روابط عمومی"), NOW);
    assert.equal(result.release, undefined);
    assert.deepEqual(result.problems.map(({ line, field }) => ({ line, field })), [{ line: 5, field: "tags" }]);
    assert.match(result.problems[0]!.message.en, /^tags must be a list/);
  });
});
