/** Unit tests for src/content/load.ts: loading and validating a whole archive folder. */
import { test, describe, after } from "node:test";
import assert from "node:assert/strict";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { execFileSync } from "node:child_process";
import { tmpdir } from "node:os";
import path from "node:path";
import {
  findReleaseFiles,
  isReleaseFile,
  loadArchive,
  readReleaseFile,
  reloadArchive,
  editArchiveInPlace,
} from "../../../src/content/load.js";
import {
  ContentError,
  formatProblems,
  inputPathKey,
  newestFirst,
  nextId,
  releaseUrl,
  type ContentProblem,
  type Release,
} from "../../../src/content/release.js";
import { readReleaseSource } from "../../../src/content/release-source.js";
import { messageLanguage } from "../../../src/messages/messages.js";
import { folderWith } from "../../support/run.js";

const created: string[] = [];
after(async () => {
  await Promise.all(created.map((dir) => rm(dir, { recursive: true, force: true })));
});

/** Writes `files` (relative path → text) into a new temporary folder and returns the folder. */
async function archiveFolder(files: Record<string, string>): Promise<string> {
  const dir = await folderWith(files, "akhbar-unit-content-");
  created.push(dir);
  return dir;
}

/** The path loadArchive reports for a file: relative to the working directory, with `/`. */
function reported(dir: string, name: string): string {
  return path.relative(process.cwd(), path.join(dir, ...name.split("/"))).split(path.sep).join("/");
}

function release(fields: Record<string, string | number | boolean>, body = "متن خبر\n"): string {
  const lines = Object.entries(fields).map(([key, value]) => `${key}: ${value}`);
  return `---\n${lines.join("\n")}\n---\n${body}`;
}

/** Runs loadArchive on a folder that must be rejected, and returns the ContentError. */
async function contentError(dir: string): Promise<ContentError> {
  try {
    await loadArchive(dir, { includeDrafts: true });
  } catch (error) {
    assert.ok(error instanceof ContentError, `expected ContentError, got ${String(error)}`);
    return error;
  }
  return assert.fail("expected loadArchive to reject the archive");
}

describe("loadArchive: a valid archive", () => {
  test("releases are sorted newest first, ties by the higher id", async () => {
    const dir = await archiveFolder({
      "1403/a.md": release({ id: 10, title: "old", date: "2024-05-12T10:30:00+03:30" }),
      "1403/b.md": release({ id: 30, title: "newest", date: "2024-05-13" }),
      "1403/c.md": release({ id: 20, title: "same instant as 10, higher id", date: "1403/02/23 10:30" }),
      "1403/d.md": release({ id: 5, title: "same instant, lower id", date: "2024-05-12T07:00:00Z" }),
      "1402/e.md": release({ id: 40, title: "oldest despite highest id", date: "1402/01/01" }),
    });
    const archive = await loadArchive(dir, { includeDrafts: false });
    assert.deepEqual(archive.releases.map((item) => item.id), [30, 20, 10, 5, 40]);
    assert.deepEqual(archive.releases.map((item) => item.inputPath), ["1403/b.md", "1403/c.md", "1403/a.md", "1403/d.md", "1402/e.md"].map((name) => reported(dir, name)));
  });

  test("a release carries every front-matter field, renamed for templates", async () => {
    const dir = await archiveFolder({
      "149840.md": release({
        id: 149840,
        title: "نشست شورای اداری",
        date: "۱۴۰۳/۰۲/۲۳ ۱۰:۳۰",
        lead: "لید",
        county: "شهریار",
        organization: "استانداری",
        source: "https://ostan-th.ir/News/149840/",
        image: "/images/a.jpg",
        image_alt: "عکس",
        lang: "fa",
        type: "گزارش تصويري",
        updated: "1403/02/24",
        correction: '"نام شهرستان اصلاح شد."',
      }),
    });
    const archive = await loadArchive(dir, { includeDrafts: false });
    assert.equal(archive.releases.length, 1);
    const { date, updated, fileHash, ...rest } = archive.releases[0]!;
    // Git's blob id of the file, as `git hash-object` gives it.
    assert.equal(fileHash, execFileSync("git", ["hash-object", path.join(dir, "149840.md")], { encoding: "utf8" }).trim());
    assert.deepEqual(rest, {
      id: 149840,
      title: "نشست شورای اداری",
      lead: "لید",
      county: { name: "شهریار", english: "Shahriar", slug: "شهریار" },
      organization: "استانداری",
      tags: [],
      source: "https://ostan-th.ir/News/149840/",
      image: "/images/a.jpg",
      imageAlt: "عکس",
      draft: false,
      lang: "fa",
      // The Persian name as a keyboard may spell it (Arabic yeh), held as the type's key.
      type: "photo-report",
      dateOnly: false,
      updatedDateOnly: true,
      correction: "نام شهرستان اصلاح شد.",
      inputPath: reported(dir, "149840.md"),
      hasPictures: true,
      url: "/news/149840/",
    });
    assert.equal(date.toISO({ suppressMilliseconds: true }), "2024-05-12T10:30:00+03:30");
    assert.equal(updated?.toISO({ suppressMilliseconds: true }), "2024-05-13T00:00:00+03:30");
  });

  test("drafts are excluded unless includeDrafts, but always validated and kept in byInputPath", async () => {
    const dir = await archiveFolder({
      "1.md": release({ id: 1, title: "published", date: "2024-05-12" }),
      "2.md": release({ id: 2, title: "draft", date: "2024-05-13", draft: true }),
      "3.md": release({ id: 3, title: "explicitly not a draft", date: "2024-05-11", draft: false }),
    });
    const production = await loadArchive(dir, { includeDrafts: false });
    assert.deepEqual(production.releases.map((item) => item.id), [1, 3]);
    assert.deepEqual([...production.byInputPath.keys()].sort(), ["1.md", "2.md", "3.md"].map((name) => reported(dir, name)));
    assert.equal(production.byInputPath.get(reported(dir, "2.md"))?.draft, true);

    const preview = await loadArchive(dir, { includeDrafts: true });
    assert.deepEqual(preview.releases.map((item) => item.id), [2, 1, 3]);
  });

  test("files in nested sub-folders are found; dot-folders, node_modules and other files are reported, not read", async () => {
    const dir = await archiveFolder({
      "top.md": release({ id: 1, title: "top", date: "2024-05-01" }),
      "1403/02/deep.md": release({ id: 2, title: "deep", date: "2024-05-02" }),
      "a/b/c/d/deeper.md": release({ id: 3, title: "deeper", date: "2024-05-03" }),
      ".git/ignored.md": "not a release at all",
      ".drafts/1403/ignored.md": release({ id: 1, title: "would be a duplicate", date: "2024-05-04" }),
      "1403/.hidden/ignored.md": "---\ntitle: [\n---\n",
      "1403/.hidden-file.md": "no front matter",
      "node_modules/pkg/README.md": "# readme",
      "notes.txt": "not markdown",
      "image.jpg": "binary",
    });
    const expected = ["1403/02/deep.md", "a/b/c/d/deeper.md", "top.md"].map((name) => reported(dir, name));
    assert.deepEqual(await findReleaseFiles(dir), expected);
    // Nothing but releases and the files they use may be in the content folder (src/content/content-files.ts):
    // each other entry is named once (a folder, not its files); a content folder's own .git is passed over.
    const named = (error: ContentError) => error.problems.map((problem) => `${problem.file}:${problem.line} [${problem.field}]`);
    const hidden = [".drafts", "1403/.hidden", "1403/.hidden-file.md"];
    const others = ["image.jpg", "node_modules", "notes.txt"];
    const all = [...hidden, ...others].map((name) => reported(dir, name)).sort((a, b) => a.localeCompare(b));
    assert.deepEqual(named(await contentError(dir)), all.map((file) => `${file}:0 [file]`));
    // The dev server passes over hidden files (editors' swap files), and nothing else.
    const preview = await loadArchive(dir, { includeDrafts: true, skipHidden: true }).catch((error: unknown) => error as ContentError);
    assert.deepEqual(named(preview as ContentError), others.map((name) => `${reported(dir, name)}:0 [file]`));
    await rm(path.join(dir, "image.jpg"));
    await rm(path.join(dir, "notes.txt"));
    await rm(path.join(dir, "node_modules"), { recursive: true });
    const archive = await loadArchive(dir, { includeDrafts: true, skipHidden: true });
    assert.deepEqual(archive.releases.map((item) => item.id), [3, 2, 1]);
  });

  test("reported paths are relative to the working directory (here outside it, through ..)", async () => {
    const dir = await archiveFolder({ "x/1.md": release({ id: 1, title: "t", date: "2024-05-01" }) });
    const [file] = await findReleaseFiles(dir);
    assert.equal(file, reported(dir, "x/1.md"));
    assert.ok(!path.isAbsolute(file!), file);
    assert.ok(!file!.includes("\\"), file);
    assert.equal(path.resolve(process.cwd(), file!), path.join(dir, "x", "1.md"));
  });

  test("an empty folder is an empty archive", async () => {
    const dir = await archiveFolder({});
    const archive = await loadArchive(dir, { includeDrafts: false });
    assert.deepEqual(archive.releases, []);
    assert.equal(archive.byInputPath.size, 0);
  });
});

describe("readReleaseFile: Persian and Arabic-Indic digits in id and date, as a Persian keyboard types them", () => {
  const rows: Array<{ name: string; id: string; date: string; iso: string }> = [
    { name: "Persian digits in both", id: "۱۵۰۰۰۲", date: "۱۴۰۳/۰۲/۲۳ ۱۰:۳۰", iso: "2024-05-12T10:30:00.000+03:30" },
    { name: "Arabic-Indic digits in both", id: "١٥٠٠٠٢", date: "١٤٠٣-٠٢-٢٣ ١٠:٣٠", iso: "2024-05-12T10:30:00.000+03:30" },
    { name: "a Gregorian date in Persian digits", id: "150002", date: "۲۰۲۴-۰۵-۱۲", iso: "2024-05-12T00:00:00.000+03:30" },
    { name: "Persian and Latin digits mixed in the date", id: "۱۵۰۰۰۲", date: "۱۴۰۳/02/۲۳", iso: "2024-05-12T00:00:00.000+03:30" },
  ];
  for (const row of rows) {
    test(`${row.name}: id ${row.id}, date ${row.date}`, () => {
      const result = readReleaseFile("x.md", `---\nid: ${row.id}\ntitle: خبر\ndate: ${row.date}\n---\nمتن\n`);
      assert.deepEqual(result.problems, []);
      assert.equal(result.release?.id, 150002);
      assert.equal(result.release?.date.toISO(), row.iso);
    });
  }

  test("a release that links to an attachment of content/files/ is rendered on every build (the page shows the file's size)", () => {
    const body = (text: string) => readReleaseFile("x.md", `---\nid: 5\ntitle: خبر\ndate: 1403/07/30\n---\n${text}\n`).release!.hasPictures;
    assert.equal(body("[بخشنامه](/files/1403/bakhshname.pdf)"), true);
    assert.equal(body("[گزارش](/images/report.pdf)"), true);
    assert.equal(body("متن بی پیوست"), false);
  });

  test("a day the Jalali calendar does not have, in Persian digits: the problem in both languages", () => {
    const result = readReleaseFile("x.md", "---\nid: ۱۵۰۰۰۲\ntitle: خبر\ndate: ۱۴۰۳/۰۷/۳۱\n---\nمتن\n");
    assert.equal(result.problems.length, 1);
    const [problem] = result.problems;
    assert.equal(problem!.field, "date");
    assert.equal(problem!.line, 4);
    assert.equal(problem!.message.en, "date 1403/7/31 is not a day of the Jalali calendar");
    assert.match(problem!.message.fa, /^۱۴۰۳\/۷\/۳۱ روزی از تقویم شمسی نیست: .*مهر تا بهمن ۳۰ روز.*`date: 1403\/07\/30 10:30`/);
  });
});

describe("loadArchive: problems", () => {
  test("a duplicate id names both files and suggests the next free id", async () => {
    const dir = await archiveFolder({
      "1402/first.md": release({ id: 500, title: "first", date: "2024-01-01" }),
      "1403/second.md": release({ title: "second", id: 500, date: "2024-05-12" }),
      "1403/other.md": release({ id: 733, title: "other", date: "2024-05-12" }),
    });
    const error = await contentError(dir);
    const first = reported(dir, "1402/first.md");
    const second = reported(dir, "1403/second.md");
    assert.deepEqual(error.problems, [
      {
        file: second,
        line: 3,
        field: "id",
        message: {
          fa: `شناسهٔ ۵۰۰ را پیش‌تر ${first}:2 گرفته است؛ هر خبر شناسهٔ خودش را لازم دارد: نخستین شناسهٔ آزاد را بنویسید، \`id: 734\`.`,
          en: `id 500 is already used by ${first}:2; every release needs its own id (the next free one is 734)`,
        },
      },
    ]);
    // Persian by default: the field in the editor's words.
    assert.ok(error.message.includes(`${second}:3  [شناسه (id)] شناسهٔ ۵۰۰ را پیش‌تر ${first}:2 گرفته است`), error.message);
    assert.ok(formatProblems(error.problems, "en").includes(`${second}:3  [id] id 500 is already used by ${first}:2`));
  });

  test("three files with one id: each later file is reported against the first", async () => {
    const dir = await archiveFolder({
      "a.md": release({ id: 7, title: "a", date: "2024-01-01" }),
      "b.md": release({ id: 7, title: "b", date: "2024-01-02" }),
      "c.md": release({ id: 7, title: "c", date: "2024-01-03" }),
    });
    const error = await contentError(dir);
    const first = reported(dir, "a.md");
    assert.deepEqual(
      error.problems.map((problem) => [problem.file, problem.line, problem.field, problem.message.en]),
      ["b.md", "c.md"].map((name) => [reported(dir, name), 2, "id", `id 7 is already used by ${first}:2; every release needs its own id (the next free one is 8)`]),
    );
  });

  test("several broken files: all problems at once, sorted by file then line", async () => {
    const dir = await archiveFolder({
      "z.md": release({ titel: "typo", id: 1, date: "2024-05-12", title: "ok" }),
      "a.md": release({ id: "\"12\"", title: "t", date: "1403/07/31", lang: "de" }),
      "m/bad-yaml.md": "---\nid: 3\ntitle: x\n\tdate: 2024-05-12\n---\n",
      "m/no-front-matter.md": "just text\n",
      "m/valid.md": release({ id: 4, title: "valid", date: "2024-05-12" }),
      "b.md": release({ date: "2024-05-12", image: "javascript:alert(1)", image_alt: "x" }),
    });
    const error = await contentError(dir);
    const rows = error.problems.map((problem) => [problem.file, problem.line, problem.field]);
    const a = reported(dir, "a.md");
    const b = reported(dir, "b.md");
    assert.deepEqual(rows, [
      [a, 2, "id"],
      [a, 4, "date"],
      [a, 5, "lang"],
      [b, 1, "id"],
      [b, 1, "title"],
      [b, 3, "image"],
      [reported(dir, "m/bad-yaml.md"), 4, "front matter"],
      [reported(dir, "m/no-front-matter.md"), 1, "front matter"],
      [reported(dir, "z.md"), 2, "titel"],
    ]);
    assert.ok(error.message.startsWith("در آرشیو ۹ مشکل هست و چیزی منتشر نشد. خط‌های زیر را درست کنید و دوباره بسازید:\n"), error.message);
    assert.ok(formatProblems(error.problems, "en").startsWith("The archive has 9 problems; nothing was published."));
  });

  test("a YAML syntax error is reported with field \"front matter\", its line, and the fix (an unquoted colon: quote the value)", async () => {
    const dir = await archiveFolder({
      "broken.md": "---\nid: 1\ntitle: خبر: مهم\ndate: 2024-05-12\n---\nbody\n",
    });
    const error = await contentError(dir);
    assert.deepEqual(error.problems, [
      {
        file: reported(dir, "broken.md"),
        line: 3,
        field: "front matter",
        message: {
          fa: 'مقدار عنوان (title) دونقطه (:) دارد و برای همین خوانده نمی‌شود: مقدار را در گیومه بگذارید: `title: "خبر: مهم"`',
          en: 'the value of title has a colon, which cannot be read without quotes: put the value in quotes: `title: "خبر: مهم"`',
        },
      },
    ]);
  });

  test("ContentError: name, problems and a message with file:line for every problem", async () => {
    const dir = await archiveFolder({
      "one.md": release({ id: 1, title: "\"\"", date: "2024-05-12" }),
      "two.md": release({ id: 2, title: "t", date: "2024-05-12", draft: "\"yes\"" }),
    });
    const error = await contentError(dir);
    assert.equal(error.name, "ContentError");
    assert.equal(error.skipOriginalStack, true);
    assert.equal(error.problems.length, 2);
    assert.equal(error.message, formatProblems(error.problems));
    assert.ok(error.message.includes(`${reported(dir, "one.md")}:3  [عنوان (title)] عنوان (title) خالی است`), error.message);
    assert.ok(error.message.includes(`${reported(dir, "two.md")}:5  [پیش‌نویس (draft)] پیش‌نویس فقط می‌تواند true یا false باشد`), error.message);
    const english = formatProblems(error.problems, "en");
    assert.ok(english.includes(`${reported(dir, "one.md")}:3  [title] title is empty`), english);
    assert.ok(english.includes(`${reported(dir, "two.md")}:5  [draft] draft must be true or false`), english);
  });

  test("a problem in one file does not hide a duplicate id elsewhere", async () => {
    const dir = await archiveFolder({
      "a.md": release({ id: 3, title: "a", date: "2024-01-01" }),
      "b.md": release({ id: 3, title: "b", date: "2024-01-02" }),
      "c.md": release({ id: 9, title: "", date: "2024-01-03" }),
    });
    const error = await contentError(dir);
    assert.deepEqual(error.problems.map((problem) => [problem.file, problem.field]), [
      [reported(dir, "b.md"), "id"],
      [reported(dir, "c.md"), "title"],
    ]);
    // c.md is invalid, so its id 9 is not counted: the next free id is after 3.
    assert.ok(error.problems[0]!.message.en.endsWith("(the next free one is 4)"), error.problems[0]!.message.en);
    assert.ok(error.problems[0]!.message.fa.endsWith("نخستین شناسهٔ آزاد را بنویسید، `id: 4`."), error.problems[0]!.message.fa);
  });

  test("a folder that does not exist is an error from the file system", async () => {
    const dir = await archiveFolder({});
    await assert.rejects(loadArchive(path.join(dir, "missing"), { includeDrafts: false }), { code: "ENOENT" });
  });
});

describe("formatProblems: a heading, then `file:line  [field] message` each, in Persian (default) or English", () => {
  const problem: ContentProblem = { file: "content/a.md", line: 3, field: "title", message: { fa: "عنوان خالی است", en: "title is empty" } };
  const broken: ContentProblem = { file: "content/b.md", line: 1, field: "front matter", message: { fa: "خراب است", en: "broken" } };
  const file: ContentProblem = { file: "content/x.js", line: 0, field: "file", message: { fa: "بردارید", en: "remove it" } };
  const rows: Array<{ name: string; problems: ContentProblem[]; fa: string; en: string }> = [
    {
      name: "one problem",
      problems: [problem],
      fa: "در آرشیو ۱ مشکل هست و چیزی منتشر نشد. خط‌های زیر را درست کنید و دوباره بسازید:\n  content/a.md:3  [عنوان (title)] عنوان خالی است",
      en: "The archive has 1 problem; nothing was published. Fix the lines below and build again:\n  content/a.md:3  [title] title is empty",
    },
    {
      name: "two problems, in the given order",
      problems: [problem, broken],
      fa: "در آرشیو ۲ مشکل هست و چیزی منتشر نشد. خط‌های زیر را درست کنید و دوباره بسازید:\n  content/a.md:3  [عنوان (title)] عنوان خالی است\n  content/b.md:1  [سرآغاز فایل (بین دو خط ---)] خراب است",
      en: "The archive has 2 problems; nothing was published. Fix the lines below and build again:\n  content/a.md:3  [title] title is empty\n  content/b.md:1  [front matter] broken",
    },
    {
      name: "a problem of a file itself: no line",
      problems: [file],
      fa: "در آرشیو ۱ مشکل هست و چیزی منتشر نشد. خط‌های زیر را درست کنید و دوباره بسازید:\n  content/x.js  [فایل] بردارید",
      en: "The archive has 1 problem; nothing was published. Fix the lines below and build again:\n  content/x.js  [file] remove it",
    },
    {
      name: "no problems",
      problems: [],
      fa: "در آرشیو ۰ مشکل هست و چیزی منتشر نشد. خط‌های زیر را درست کنید و دوباره بسازید:\n",
      en: "The archive has 0 problems; nothing was published. Fix the lines below and build again:\n",
    },
  ];
  for (const row of rows) {
    test(row.name, () => {
      assert.equal(formatProblems(row.problems, "fa"), row.fa);
      assert.equal(formatProblems(row.problems, "en"), row.en);
      assert.equal(formatProblems(row.problems, messageLanguage({ AKHBAR_LANG: "en" })), row.en);
      assert.equal(formatProblems(row.problems, messageLanguage({})), row.fa);
    });
  }
});

describe("nextId", () => {
  const rows: Array<{ name: string; ids: Iterable<number>; expected: number }> = [
    { name: "no ids", ids: [], expected: 1 },
    { name: "one id", ids: [149840], expected: 149841 },
    { name: "unsorted ids", ids: [3, 10, 7], expected: 11 },
    { name: "a set", ids: new Set([5, 2]), expected: 6 },
    { name: "map keys", ids: new Map([[9, "a"], [4, "b"]]).keys(), expected: 10 },
  ];
  for (const row of rows) {
    test(`${row.name} → ${row.expected}`, () => {
      assert.equal(nextId(row.ids), row.expected);
    });
  }
});

describe("releaseUrl and newestFirst", () => {
  const urls: Array<{ id: number; expected: string }> = [
    { id: 1, expected: "/news/1/" },
    { id: 149840, expected: "/news/149840/" },
  ];
  for (const row of urls) {
    test(`releaseUrl(${row.id}) → ${row.expected}`, () => {
      assert.equal(releaseUrl(row.id), row.expected);
    });
  }

  test("newestFirst orders by instant, then by higher id", async () => {
    const dir = await archiveFolder({
      "a.md": release({ id: 1, title: "a", date: "2024-05-12T10:30:00+03:30" }),
      "b.md": release({ id: 2, title: "b", date: "2024-05-12T07:00:00Z" }),
      "c.md": release({ id: 3, title: "c", date: "2024-05-11" }),
    });
    const { byInputPath } = await loadArchive(dir, { includeDrafts: false });
    const get = (name: string): Release => byInputPath.get(reported(dir, name))!;
    assert.ok(newestFirst(get("a.md"), get("b.md")) > 0);
    assert.ok(newestFirst(get("b.md"), get("a.md")) < 0);
    assert.ok(newestFirst(get("c.md"), get("a.md")) > 0);
    assert.equal(newestFirst(get("a.md"), get("a.md")), 0);
  });
});

describe("loadArchive: counties", () => {
  test("a county written with Arabic letters or a space for the half-space is the known county", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "akhbar-unit-county-"));
    try {
      await writeFile(path.join(dir, "1.md"), "---\nid: 1\ntitle: الف\ndate: 2024-05-12\ncounty: رباط کريم\n---\nمتن\n");
      const archive = await loadArchive(dir, { includeDrafts: false });
      assert.deepEqual(archive.releases[0]?.county, { name: "رباط‌کریم", english: "Robat Karim", slug: "رباط-کریم" });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  test("an unknown county is an error naming the file and suggesting the closest county", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "akhbar-unit-county-"));
    try {
      await writeFile(path.join(dir, "2.md"), "---\nid: 2\ntitle: الف\ndate: 2024-05-12\ncounty: شهریارر\n---\nمتن\n");
      await assert.rejects(loadArchive(dir, { includeDrafts: false }), (error: unknown) => {
        assert.ok(error instanceof ContentError);
        assert.equal(error.problems.length, 1);
        assert.equal(error.problems[0]?.field, "county");
        assert.equal(error.problems[0]?.line, 5);
        assert.match(error.problems[0]!.file, /2\.md$/);
        assert.match(error.problems[0]!.message.en, /did you mean "شهریار"\?/);
        assert.match(error.problems[0]!.message.fa, /^«شهریارر» شهرستانی از استان نیست: آیا منظورتان «شهریار» بود؟/);
        return true;
      });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  test("an unknown county is named beside the file's other problems, so the editor fixes it in one round", () => {
    const result = readReleaseFile("3.md", "---\nid: 3\ntitle: الف\ndate: 1403/07/31\ncounty: شهریارر\n---\nمتن\n");
    assert.deepEqual(
      result.problems.map((problem) => [problem.field, problem.line]),
      [["date", 4], ["county", 5]],
    );
  });
});

test("a release file read again must be the text the archive was loaded from", async () => {
  const dir = await folderWith({ "1.md": release({ id: 1, title: "نخست", date: "2024-05-12" }) });
  try {
    const archive = await loadArchive(dir, { includeDrafts: false });
    const loaded = archive.releases[0]!;
    assert.equal(await readReleaseSource(loaded), await readFile(loaded.inputPath, "utf8"));
    // An editor saves while the build runs: what is made from the new text must not be cached under the old hash.
    await writeFile(path.join(dir, "1.md"), release({ id: 1, title: "ویرایش‌شده", date: "2024-05-12" }));
    await assert.rejects(readReleaseSource(loaded), /1\.md changed while the site was being built: build again/);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

describe("reloadArchive: the dev server reads only the files saved since its last rebuild", () => {
  const options = { includeDrafts: true };
  /** What a build sees of an archive: the releases in order, and every valid file. */
  const view = (archive: Awaited<ReturnType<typeof loadArchive>>) => ({
    releases: archive.releases.map((item) => [item.id, item.title, item.inputPath, item.fileHash, item.embargoed ?? false]),
    files: [...archive.byInputPath.keys()],
  });

  test("an edit, a new file and a deleted file give the archive a full read gives", async () => {
    const dir = await archiveFolder({
      "1403/1.md": release({ id: 1, title: "یک", date: "2024-05-12" }),
      "1403/2.md": release({ id: 2, title: "دو", date: "2024-05-13" }),
      "1403/3.md": release({ id: 3, title: "سه", date: "2024-05-14" }),
    });
    const before = await loadArchive(dir, options);
    const file = (name: string) => path.join(dir, ...name.split("/"));
    await writeFile(file("1403/2.md"), release({ id: 2, title: "دو، ویرایش‌شده", date: "2024-05-15" }));
    await mkdir(path.join(dir, "1404"), { recursive: true });
    await writeFile(file("1404/4.md"), release({ id: 4, title: "چهار", date: "2025-04-01" }));
    await rm(file("1403/1.md"));
    const reloaded = await reloadArchive(before, [file("1403/2.md"), file("1404/4.md"), file("1403/1.md")], options);
    assert.deepEqual(view(reloaded), view(await loadArchive(dir, options)));
    assert.deepEqual(reloaded.releases.map((item) => item.id), [4, 2, 3]);
    // The earlier archive's lists are left as they were.
    assert.deepEqual(before.releases.map((item) => item.id), [3, 2, 1]);
  });

  test("a saved file that reuses an id, or breaks, stops the rebuild as a full read would", async () => {
    const dir = await archiveFolder({
      "1403/1.md": release({ id: 1, title: "یک", date: "2024-05-12" }),
      "1403/2.md": release({ id: 2, title: "دو", date: "2024-05-13" }),
    });
    const before = await loadArchive(dir, options);
    const second = path.join(dir, "1403", "2.md");
    await writeFile(second, release({ id: 1, title: "دو", date: "2024-05-13" }));
    const duplicate = await reloadArchive(before, [second], options).catch((error: unknown) => error);
    assert.ok(duplicate instanceof ContentError);
    assert.deepEqual(duplicate.problems, (await contentError(dir)).problems);
    await writeFile(second, release({ id: 2, titel: "دو", date: "2024-05-13" }));
    const unknown = await reloadArchive(before, [second], options).catch((error: unknown) => error);
    assert.ok(unknown instanceof ContentError);
    assert.deepEqual(unknown.problems, (await contentError(dir)).problems);
  });

  test("embargoes are worked out again from the rebuild's now", async () => {
    const dir = await archiveFolder({ "1403/1.md": release({ id: 1, title: "یک", date: "2024-05-12T10:00:00+03:30" }) });
    const { DateTime } = await import("luxon");
    const before = await loadArchive(dir, { includeDrafts: true, now: DateTime.fromISO("2024-05-12T09:00:00+03:30") });
    assert.equal(before.releases[0]?.embargoed, true);
    const later = await reloadArchive(before, [], { includeDrafts: true, now: DateTime.fromISO("2024-05-12T11:00:00+03:30") });
    assert.equal(later.releases[0]?.embargoed, undefined);
  });

  test("which saved files are release files", () => {
    const rows: Array<[string, boolean]> = [
      ["content/releases/1403/1.md", true],
      ["./content/releases/1403/1.md", true],
      ["content/images/photo.jpg", false],
      ["content/images/notes.md", false],
      ["content/.drafts/1.md", false],
      ["content/node_modules/x/1.md", false],
      ["src/content/load.ts", false],
      ["README.md", false],
    ];
    for (const [file, expected] of rows) assert.equal(isReleaseFile("content", file), expected, file);
  });
});

describe("editArchiveInPlace: a save that moves no release updates it where it is", () => {
  const options = { includeDrafts: true };
  const base = { id: 2, title: "دو", date: "2024-05-13", county: "ری", tags: "[روابط عمومی]" };
  const rows: Array<[string, Record<string, string | number | boolean> | undefined, boolean]> = [
    ["a new title and lead", { ...base, title: "دو، ویرایش‌شده", lead: "خلاصه" }, true],
    ["another date", { ...base, date: "2024-05-14" }, false],
    ["another tag", { ...base, tags: "[بودجه]" }, false],
    ["the same tag spelled otherwise (its name on every page may change)", { ...base, tags: "[روابط‌عمومی]" }, false],
    ["another county", { ...base, county: "ورامین" }, false],
    ["made a draft", { ...base, draft: true }, false],
    ["another id", { ...base, id: 9 }, false],
    ["an unknown field", { ...base, titel: "دو" }, false],
    ["the file deleted", undefined, false],
  ];
  for (const [name, fields, inPlace] of rows) {
    test(name, async () => {
      const dir = await archiveFolder({ "1403/1.md": release({ id: 1, title: "یک", date: "2024-05-12" }), "1403/2.md": release(base) });
      const file = path.join(dir, "1403", "2.md");
      const before = await loadArchive(dir, options);
      const saved = before.byInputPath.get(inputPathKey(file))!;
      const order = before.releases.map((item) => item.id);
      if (fields) await writeFile(file, release(fields));
      else await rm(file);
      const edited = await editArchiveInPlace(before, [file], options);
      if (!inPlace) {
        assert.equal(edited, undefined);
        assert.equal(saved.title, "دو", "nothing changed: the archive is read again instead");
        return;
      }
      assert.deepEqual([...edited!], [saved], "the same object, which every index holds");
      assert.deepEqual(before.releases.map((item) => item.id), order);
      const fresh = await loadArchive(dir, options);
      const { date, ...rest } = fresh.byInputPath.get(inputPathKey(file))!;
      const { date: savedDate, ...savedRest } = saved;
      assert.deepEqual(savedRest, rest, "as a full read makes it");
      assert.equal(savedDate.toMillis(), date.toMillis());
    });
  }

  test("a new file, or an embargo that has ended, needs the archive read again", async () => {
    const { DateTime } = await import("luxon");
    const dir = await archiveFolder({ "1403/1.md": release({ id: 1, title: "یک", date: "2024-05-12T10:00:00+03:30" }) });
    const before = await loadArchive(dir, { includeDrafts: true, now: DateTime.fromISO("2024-05-12T09:00:00+03:30") });
    const first = path.join(dir, "1403", "1.md");
    assert.ok(await editArchiveInPlace(before, [first], { includeDrafts: true, now: DateTime.fromISO("2024-05-12T09:30:00+03:30") }), "still embargoed");
    assert.equal(await editArchiveInPlace(before, [first], { includeDrafts: true, now: DateTime.fromISO("2024-05-12T11:00:00+03:30") }), undefined);
    const added = path.join(dir, "1403", "5.md");
    await writeFile(added, release({ id: 5, title: "پنج", date: "2024-05-12" }));
    assert.equal(await editArchiveInPlace(before, [added], options), undefined);
  });
});
