/**
 * Unit tests for `translation:` (issue 24): the schema's field, and the archive's pairs checked
 * once it is loaded (src/content/load.ts `translationPairs`): each problem names the file, the
 * line of `translation:` and the field, in Persian and English.
 */
import { describe, test, after } from "node:test";
import assert from "node:assert/strict";
import { rm } from "node:fs/promises";
import path from "node:path";
import { editArchiveInPlace, loadArchive } from "../../../src/content/load.js";
import { ContentError, type Archive } from "../../../src/content/release.js";
import { validateFrontMatter } from "../../../src/content/schema.js";
import { folderWith } from "../../support/run.js";
import { writeFile } from "node:fs/promises";

const created: string[] = [];
after(async () => {
  await Promise.all(created.map((dir) => rm(dir, { recursive: true, force: true })));
});

/** A release file; `translation` and `lang` on lines 5 and 6 when given. */
const file = (id: number, extra: { lang?: string; translation?: number | string; draft?: boolean } = {}) =>
  `---\nid: ${id}\ntitle: "خبر ${id}"\ndate: 1403/02/${String(id % 28 + 1).padStart(2, "0")} 10:00\n${extra.translation === undefined ? "" : `translation: ${extra.translation}\n`}${extra.lang ? `lang: ${extra.lang}\n` : ""}${extra.draft ? "draft: true\n" : ""}---\n\nمتن.\n`;

async function load(files: Record<string, string>, includeDrafts = false): Promise<Archive> {
  const dir = await folderWith(files, "akhbar-unit-translations-");
  created.push(dir);
  return loadArchive(dir, { includeDrafts });
}

/** The problems loading `files` stops with, as `file:line [field] english`. */
async function problems(files: Record<string, string>): Promise<string[]> {
  try {
    await load(files);
  } catch (error) {
    assert.ok(error instanceof ContentError, String(error));
    return error.problems.map((problem) => {
      assert.match(problem.message.fa, /[\u0600-\u06FF]/);
      return `${path.basename(problem.file)}:${problem.line} [${problem.field}] ${problem.message.en}`;
    });
  }
  return [];
}

const pairsOf = (archive: Archive) => [...(archive.translations ?? new Map())].map(([release, other]) => `${release.id}→${other.id}`).sort();

describe("translation: the schema's field", () => {
  const base = { id: 1, title: "t", date: "1403/02/23 10:00" };
  for (const [name, value, ok] of [
    ["an id", 133120, true],
    ["an id in quotes", "133120", false],
    ["a fraction", 1.5, false],
    ["zero", 0, false],
    ["a list", [1, 2], false],
  ] as const) {
    test(`${name}: ${ok ? "accepted" : "refused, naming the field"}`, () => {
      const result = validateFrontMatter({ ...base, translation: value });
      assert.equal(result.ok, ok);
      if (result.ok) assert.equal(result.value.translation, value);
      else assert.deepEqual(result.problems.map((problem) => problem.field), ["translation"]);
    });
  }
});

describe("translation: the archive's pairs", () => {
  test("one file names the other: the pair goes both ways", async () => {
    const archive = await load({ "1.md": file(1, { translation: 2 }), "2.md": file(2, { lang: "en" }), "3.md": file(3) });
    assert.deepEqual(pairsOf(archive), ["1→2", "2→1"]);
  });

  test("both files name each other: one pair", async () => {
    const archive = await load({ "1.md": file(1, { translation: 2 }), "2.md": file(2, { lang: "en", translation: 1 }) });
    assert.deepEqual(pairsOf(archive), ["1→2", "2→1"]);
  });

  test("a draft translation is paired (its page exists in preview); the build decides what to show", async () => {
    const archive = await load({ "1.md": file(1, { translation: 2 }), "2.md": file(2, { lang: "en", draft: true }) });
    assert.deepEqual(pairsOf(archive), ["1→2", "2→1"]);
    assert.deepEqual(archive.releases.map((release) => release.id), [1]);
  });

  const cases: Array<[string, Record<string, string>, string[]]> = [
    ["an id no release has", { "1.md": file(1, { translation: 9 }) }, ["1.md:5 [translation] no release has id 9: write the id of the same release in the other language, or remove the translation line"]],
    [
      "a release of the same language",
      { "1.md": file(1, { translation: 2 }), "2.md": file(2) },
      [`1.md:5 [translation] release 2 (${"2.md"}) is in Persian too: a translation is a release in the other language (\`lang: en\`)`],
    ],
    ["itself", { "1.md": file(1, { translation: 1 }) }, ["1.md:5 [translation] release 1 (1.md) is in Persian too: a translation is a release in the other language (`lang: en`)"]],
    [
      "a release that names another as its translation",
      { "1.md": file(1, { translation: 2 }), "2.md": file(2, { lang: "en", translation: 3 }), "3.md": file(3) },
      ["1.md:5 [translation] release 2 (2.md) is already paired with release 3; a release has one translation: correct the id or remove one of the translation lines"],
    ],
    [
      "a release another release already names",
      { "1.md": file(1, { translation: 3 }), "2.md": file(2, { translation: 3 }), "3.md": file(3, { lang: "en" }) },
      ["2.md:5 [translation] release 3 (3.md) is already paired with release 1; a release has one translation: correct the id or remove one of the translation lines"],
    ],
  ];
  for (const [name, files, expected] of cases) {
    test(`refused: ${name}`, async () => {
      const found = await problems(files);
      // The other release's place is its path as the build reports it: compared by file name.
      assert.deepEqual(found.map((line) => line.replace(/\(([^)]*\/)?([^/)]+\.md)\)/, "($2)")), expected);
    });
  }

  test("a changed translation is not an edit in place: the archive is read again", async () => {
    const dir = await folderWith({ "1.md": file(1, { translation: 2 }), "2.md": file(2, { lang: "en" }), "3.md": file(3, { lang: "en" }) }, "akhbar-unit-translations-");
    created.push(dir);
    const options = { includeDrafts: true };
    const archive = await loadArchive(dir, options);
    await writeFile(path.join(dir, "1.md"), file(1, { translation: 3 }));
    assert.equal(await editArchiveInPlace(archive, [path.join(dir, "1.md")], options), undefined);
  });
});
