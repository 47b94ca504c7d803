/**
 * `npm run check` (src/editors/lint.ts, scripts/check.ts): every kind of problem with its file, line
 * and suggestion; `--fix` as a round trip; and the sample content/ must pass.
 */
import { test, describe, after } from "node:test";
import assert from "node:assert/strict";
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { DateTime } from "luxon";
import { findReleaseFiles } from "../../../src/content/load.js";
import { parseFrontMatter } from "../../../src/content/front-matter.js";
import { fixArchive, fixSource, lintArchive, unsafeFix } from "../../../src/editors/lint.js";
import { textFingerprint, typographyIssues } from "../../../src/persian/typography.js";
import { encodeWindows1256 } from "../../../src/content/text.js";
import { folderWith, repoRoot, runNode } from "../../support/run.js";

const Z = "\u200C";
const NOW = DateTime.fromISO("2024-06-01T12:00:00+03:30", { setZone: true });
const created: string[] = [];
after(async () => {
  await Promise.all(created.map((dir) => rm(dir, { recursive: true, force: true })));
});

async function folder(files: Record<string, string>): Promise<string> {
  const dir = await folderWith(files, "akhbar-unit-lint-");
  created.push(dir);
  return dir;
}

const reported = (dir: string, name: string) => path.relative(process.cwd(), path.join(dir, ...name.split("/"))).split(path.sep).join("/");

/** Runs a script of scripts/ as npm does, and returns its exit status and output. */
async function runScript(script: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number | null; out: string }> {
  const { code, log } = await runNode([`scripts/${script}`, ...args], env);
  return { code, out: log };
}

const GOOD = "---\nid: 10\ntitle: خبر درست\ndate: 1403/02/23 10:30\n---\n\nمتن خبر درست است.\n";

describe("lintArchive: every problem with file, line, field and a suggestion", () => {
  test("a clean archive has no problems", async () => {
    const dir = await folder({ "releases/10.md": GOOD, "images/.gitkeep": "" });
    assert.deepEqual(await lintArchive(dir, NOW), { files: 1, problems: [] });
  });

  test("errors and warnings of each kind", async () => {
    const dir = await folder({
      "images/photo.jpg": "not really a picture, but present",
      "releases/10.md": GOOD,
      "releases/schema.md": "---\nid: 11\ntitel: غلط\ndate: 1403/07/31\n---\nمتن\n",
      "releases/duplicate.md": "---\nid: 10\ntitle: تکراری\ndate: 1403/02/23\n---\nمتن\n",
      "releases/county.md": "---\nid: 12\ntitle: شهرستان\ndate: 1403/02/23\ncounty: تهرا\n---\nمتن\n",
      "releases/draft.md": "---\nid: 13\ntitle: پیش‌نویس\ndate: 1403/02/23\ndraft: true\n---\nمتن\n",
      "releases/future.md": "---\nid: 14\ntitle: آینده\ndate: 1404/01/01\n---\nمتن\n",
      "releases/links.md": [
        "---",
        "id: 15",
        "title: پیوندها",
        "date: 1403/02/23",
        "image: /images/missing.jpg",
        "image_alt: عکس",
        "---",
        "",
        "[درست](/news/10/) و [ناموجود](/news/99/) و [پیش‌نویس](/news/13/)",
        "",
        "[آینده](/news/14) و [پرونده](/images/doc.pdf) و [بیرونی](https://example.org/news/1/)",
        "",
        "![هست](/images/photo.jpg) و ![نیست](/images/عکس%20نو.jpg) و ![بیرون](/assets/x.png)",
        "",
      ].join("\n"),
      "releases/typography.md": [
        "---",
        "id: 16",
        'title: "نشست روابط عمومی ها"',
        "date: 1403/02/23",
        'lead: "مديريت گفت :"',
        "---",
        "",
        "جلسه ای برگزار شد .",
        "",
        "در ۱۲ شهرستان و 15 بخش.",
        "",
        "کد `می شود` و [می شود](/news/10/) درست است.",
        "",
        "```",
        "می شود",
        "```",
        "",
        "1. در ۱۲ مورد",
        "",
      ].join("\n"),
    });
    const report = await lintArchive(dir, NOW);
    const name = (file: string) => reported(dir, `releases/${file}`);
    const shown = report.problems.map(({ file, line, severity, field, fixable, message }) => ({ file, line, severity, field, fixable, message }));
    const error = (file: string, line: number, field: string, message: string) => ({ file: name(file), line, severity: "error", field, fixable: false, message });
    const warning = (file: string, line: number, field: string, message: string, fixable = true) => ({ file: name(file), line, severity: "warning", field, fixable, message });
    const fixHint = "(npm run check -- --fix corrects it)";
    assert.deepEqual(shown, [
      error("county.md", 5, "county", `"تهرا" is not a county of the province: did you mean "تهران"? The counties are listed in src/data/counties.json`),
      error("duplicate.md", 2, "id", `id 10 is already used by ${name("10.md")}:2; every release needs its own id (the next free one is 17)`),
      error("links.md", 5, "image", `the picture /images/missing.jpg is missing: put it in ${path.join(dir, "images")}/ or correct the name`),
      error("links.md", 9, "text", "the link /news/99/ goes to release 99, which does not exist: check the news code (the highest is 16)"),
      warning("links.md", 9, "text", "the link /news/13/ goes to release 13, which is a draft: the link is broken until it is published", false),
      warning("links.md", 11, "text", "the link /news/14 goes to release 14, which is embargoed until 2025-03-21 00:00: the link is broken until it is published", false),
      error("links.md", 11, "text", `the file /images/doc.pdf is missing: put it in ${path.join(dir, "images")}/ or correct the name`),
      // As the build reads it: a file named .jpg that is not a picture stops the build.
      error("links.md", 13, "text", "/images/photo.jpg is not a picture this site can show: use JPEG, PNG, WebP, AVIF, GIF or SVG"),
      error("links.md", 13, "text", `the picture /images/عکس نو.jpg is missing: put it in ${path.join(dir, "images")}/ or correct the name`),
      error("links.md", 13, "text", `the picture /assets/x.png is not under /images/: put it in ${path.join(dir, "images")}/ and write /images/<name>`),
      error("schema.md", 1, "title", "title is required: add a line `title: …`"),
      error("schema.md", 3, "titel", `unknown field "titel": did you mean "title"? Allowed fields: id, title, date, lead, county, organization, tags, source, image, image_alt, draft, lang`),
      error("schema.md", 4, "date", "date 1403/7/31 is not a day of the Jalali calendar"),
      warning("typography.md", 3, "title", `«عمومی ها» needs a half-space (نیم‌فاصله) between «عمومی» and «ها», not a space or nothing ${fixHint}`),
      warning("typography.md", 5, "lead", `Arabic letters in «مديريت»: write «مدیریت» with the Persian ی and ک ${fixHint}`),
      warning("typography.md", 5, "lead", `a space before «:» after «گفت»: remove the space ${fixHint}`),
      warning("typography.md", 8, "text", `«جلسه ای» needs a half-space (نیم‌فاصله) between «جلسه» and «ای», not a space or nothing ${fixHint}`),
      warning("typography.md", 8, "text", `a space before «.» after «شد»: remove the space ${fixHint}`),
      warning("typography.md", 10, "text", `Latin digits «15» in a line written with Persian digits: write «۱۵» ${fixHint}`),
      // Link text is prose; the code span, the fenced block and the list number «1.» are not.
      warning("typography.md", 12, "text", `«می شود» needs a half-space (نیم‌فاصله) between «می» and «شود», not a space or nothing ${fixHint}`),
    ]);
    assert.equal(report.files, 8);
  });
});

describe("bad text in npm run check: errors the build shares, warnings it prints", () => {
  /** Persian text that Windows-1256 can hold and that has nothing for the typography fixes. */
  const WINDOWS_TEXT = "---\nid: 20\ntitle: نشست شورا\ndate: 1403/02/23 10:30\n---\n\nاستاندار گفت: کار به پاسخ رسد.\n";
  const rows: Array<{ name: string; source: string | Uint8Array; problem: { line: number; severity: string; field: string; fixable: boolean; message: RegExp } }> = [
    {
      name: "a Windows-1256 file is an error that --fix corrects",
      source: encodeWindows1256(WINDOWS_TEXT)!,
      problem: { line: 3, severity: "error", field: "encoding", fixable: true, message: /^the file is not saved as UTF-8: it is Windows-1256/ },
    },
    {
      name: "a UTF-16 file is an error that --fix corrects",
      source: Buffer.from(`\uFEFF${GOOD}`, "utf16le"),
      problem: { line: 1, severity: "error", field: "encoding", fixable: true, message: /^the file is saved as UTF-16/ },
    },
    {
      name: "bytes that are no encoding's are an error --fix leaves to the editor",
      source: Buffer.concat([Buffer.from(GOOD), Buffer.from([0xc3, 0x28])]),
      problem: { line: 8, severity: "error", field: "encoding", fixable: false, message: /^the file is not saved as UTF-8: its letters would be lost from this line on/ },
    },
    {
      name: "a NUL is an error naming the line and field",
      source: GOOD.replace("title: خبر درست", "title: خبر\u0000 درست"),
      problem: { line: 3, severity: "error", field: "title", fixable: false, message: /^the line has an invisible control character \(U\+0000\) after «title: خبر»: delete it/ },
    },
    {
      name: "an id written 1e3 is an error saying what to write",
      source: GOOD.replace("id: 10", "id: 1e3"),
      problem: { line: 2, severity: "error", field: "id", fixable: false, message: /^id must be written with digits only, such as `id: 149840`/ },
    },
    {
      name: "a tag of punctuation only is an error on its line",
      source: GOOD.replace("date: 1403/02/23 10:30", "date: 1403/02/23 10:30\ntags:\n  - نشست\n  - \"!!!\""),
      problem: { line: 7, severity: "error", field: "tags", fixable: false, message: /^the tag "!!!" has no letter or digit/ },
    },
    {
      name: "a front matter without its closing --- says so plainly",
      source: GOOD.replace("---\n\n", "\n"),
      problem: { line: 5, severity: "error", field: "front matter", fixable: false, message: /^the front matter is not closed: add a line with --- after the last field$/ },
    },
    {
      name: "a date centuries ahead is a warning naming the embargo's end",
      source: GOOD.replace("date: 1403/02/23 10:30", "date: 2204-05-12"),
      problem: { line: 4, severity: "warning", field: "date", fixable: false, message: /^the date is more than a year after this build \(1403\/03\/12 12:00\): the release is embargoed until 1583\/02\/22 00:00; if the year is a typo, correct it$/ },
    },
    {
      name: "a date before the archive's first year is a warning",
      source: GOOD.replace("date: 1403/02/23 10:30", "date: 1303/02/23"),
      problem: { line: 4, severity: "warning", field: "date", fixable: false, message: /^the date 1303\/02\/23 00:00 is before 1370, the archive's first year \(AKHBAR_FIRST_YEAR\)/ },
    },
  ];
  for (const row of rows) {
    test(row.name, async () => {
      const dir = await folder({});
      await mkdir(path.join(dir, "releases"), { recursive: true });
      await writeFile(path.join(dir, "releases", "1.md"), row.source);
      const report = await lintArchive(dir, NOW, 1370);
      assert.equal(report.problems.length, 1, JSON.stringify(report.problems));
      const { file, message, ...rest } = report.problems[0]!;
      assert.equal(file, reported(dir, "releases/1.md"));
      const { message: expected, ...expectedRest } = row.problem;
      assert.deepEqual(rest, expectedRest);
      assert.match(message, expected);
    });
  }

  test("--fix converts a Windows-1256 file to UTF-8 losing nothing, once", async () => {
    const dir = await folder({ "releases/good.md": GOOD });
    const bytes = encodeWindows1256(WINDOWS_TEXT)!;
    await writeFile(path.join(dir, "releases", "1.md"), bytes);
    const first = await fixArchive(dir, NOW);
    assert.deepEqual(first, { changed: [], converted: [{ file: reported(dir, "releases/1.md"), from: "Windows-1256" }], refused: [] });
    const written = await readFile(path.join(dir, "releases", "1.md"));
    assert.deepEqual(written, Buffer.from(WINDOWS_TEXT), "the file is the same text in UTF-8");
    assert.deepEqual(encodeWindows1256(written.toString("utf8")), bytes, "every character gives back its byte");
    assert.deepEqual(await fixArchive(dir, NOW), { changed: [], converted: [], refused: [] });
    assert.deepEqual((await lintArchive(dir, NOW)).problems, []);
  });

  test("--fix converts a Windows-1256 file and then fixes its Arabic letters, words unchanged", async () => {
    const text = "---\nid: 21\ntitle: نشست شوراي اداري\ndate: 1403/02/23 10:30\n---\n\nآيا کار پيش مي‌رود؟\n";
    const dir = await folder({});
    await mkdir(path.join(dir, "releases"), { recursive: true });
    await writeFile(path.join(dir, "releases", "1.md"), encodeWindows1256(text)!);
    const report = await fixArchive(dir, NOW);
    assert.deepEqual(report.converted.map(({ from }) => from), ["Windows-1256"]);
    assert.deepEqual(report.changed, [reported(dir, "releases/1.md")]);
    const written = await readFile(path.join(dir, "releases", "1.md"), "utf8");
    assert.equal(written, text.replaceAll("ي", "ی").replace("title: نشست شورای اداری", 'title: "نشست شورای اداری"'));
    const words = (source: string) => { const parsed = parseFrontMatter(source); return textFingerprint(JSON.stringify(parsed.data) + parsed.body); };
    assert.equal(words(written), words(text));
    assert.deepEqual((await lintArchive(dir, NOW)).problems, []);
  });

  test("--fix leaves control characters and unconvertible bytes to the editor", async () => {
    const dir = await folder({ "releases/1.md": GOOD.replace("متن", "متن\u0007") });
    const bytes = Buffer.concat([Buffer.from(GOOD), Buffer.from([0xff])]);
    await writeFile(path.join(dir, "releases", "2.md"), bytes);
    assert.deepEqual(await fixArchive(dir, NOW), { changed: [], converted: [], refused: [] });
    assert.equal(await readFile(path.join(dir, "releases", "1.md"), "utf8"), GOOD.replace("متن", "متن\u0007"));
    assert.deepEqual(await readFile(path.join(dir, "releases", "2.md")), bytes);
  });
});

describe("fixSource: the safe fixes, in place", () => {
  const rows: Array<{ name: string; source: string; fixed: string }> = [
    {
      name: "body typography; Markdown code, link targets and list numbers untouched",
      source: "---\nid: 1\ntitle: خبر\ndate: 1403/02/23\n---\n\nجلسه ای در ۱۲ شهرستان و 15 بخش .\n\n`می شود` [می شود](/news/1/?q=میشود) <https://x.ir/میشود>\n\n1. مورد ۱ و 2\n",
      fixed: `---\nid: 1\ntitle: خبر\ndate: 1403/02/23\n---\n\nجلسه${Z}ای در ۱۲ شهرستان و ۱۵ بخش.\n\n\`می شود\` [می${Z}شود](/news/1/?q=میشود) <https://x.ir/میشود>\n\n1. مورد ۱ و ۲\n`,
    },
    {
      name: "a fixed front-matter value is rewritten double-quoted (a plain one could change meaning in YAML)",
      source: "---\nid: 1\ntitle: برگزار شد .\ndate: 1403/02/23\nlead: 'مديريت'\n---\nمتن\n",
      fixed: '---\nid: 1\ntitle: "برگزار شد."\ndate: 1403/02/23\nlead: "مدیریت"\n---\nمتن\n',
    },
    {
      name: "Windows line endings are kept",
      source: '---\r\nid: 1\r\ntitle: "مديريت"\r\ndate: 1403/02/23\r\n---\r\n\r\nمی شود .\r\n',
      fixed: `---\r\nid: 1\r\ntitle: "مدیریت"\r\ndate: 1403/02/23\r\n---\r\n\r\nمی${Z}شود.\r\n`,
    },
    {
      name: "a block title is left to the editor; the body is still fixed",
      source: "---\nid: 1\ntitle: >\n  می شود\ndate: 1403/02/23\n---\nمی شود\n",
      fixed: `---\nid: 1\ntitle: >\n  می شود\ndate: 1403/02/23\n---\nمی${Z}شود\n`,
    },
    { name: "nothing to fix", source: GOOD, fixed: GOOD },
    { name: "a file without front matter is not touched", source: "می شود\n", fixed: "می شود\n" },
  ];
  for (const row of rows) {
    test(row.name, () => {
      const fixed = fixSource(row.source);
      assert.equal(fixed, row.fixed);
      assert.equal(fixSource(fixed), fixed, "fixing twice differs from fixing once");
      if (fixed !== row.source) assert.equal(unsafeFix("x.md", row.source, fixed, NOW), undefined);
    });
  }

  test("unsafeFix refuses a change of words or a file made invalid", () => {
    assert.equal(unsafeFix("x.md", GOOD, GOOD.replace("درست است", "درست"), NOW), "the fix would change words");
    assert.equal(unsafeFix("x.md", GOOD, GOOD.replace("title: خبر درست", "title: خبر : درست"), NOW), "the fixed file would not be valid");
  });
});

/** The words of every release of a folder, file by file, after normalization. */
async function fingerprints(dir: string): Promise<Map<string, string>> {
  const result = new Map<string, string>();
  for (const file of await findReleaseFiles(dir)) {
    const parsed = parseFrontMatter(await readFile(file, "utf8"));
    result.set(path.relative(dir, file), textFingerprint(JSON.stringify(parsed.data) + parsed.body));
  }
  return result;
}

async function snapshot(dir: string): Promise<Map<string, string>> {
  const result = new Map<string, string>();
  for (const file of await findReleaseFiles(dir)) result.set(path.relative(dir, file), await readFile(file, "utf8"));
  return result;
}

describe("check --fix on a copy of the content: a round trip", () => {
  test("fix twice = fix once; words unchanged; no fixable problem left", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "akhbar-unit-lint-fix-"));
    created.push(dir);
    await cp(path.join(repoRoot, "content"), dir, { recursive: true });
    // Give the copy the typography of the old website: every half-space lost, Arabic letters, stray spaces.
    for (const file of await findReleaseFiles(dir)) {
      const text = await readFile(file, "utf8");
      const parsed = parseFrontMatter(text);
      const head = text.slice(0, text.length - parsed.body.length);
      const messy = parsed.body.replaceAll("ی", "ي").replaceAll("ک", "ك").replaceAll(`${Z}ها`, " ها").replaceAll(`می${Z}`, "می ").replaceAll(".\n", " .\n");
      await writeFile(file, head + messy);
    }
    const before = await fingerprints(dir);
    const messyReport = await lintArchive(dir, NOW);
    assert.ok(messyReport.problems.filter((problem) => problem.fixable).length >= 50, "the messy copy should have many typography warnings");

    const first = await fixArchive(dir, NOW);
    assert.equal(first.refused.length, 0, JSON.stringify(first.refused));
    assert.ok(first.changed.length >= 10, `${first.changed.length} files changed`);
    const once = await snapshot(dir);
    const second = await fixArchive(dir, NOW);
    assert.deepEqual(second, { changed: [], converted: [], refused: [] });
    assert.deepEqual(await snapshot(dir), once);
    assert.deepEqual(await fingerprints(dir), before);

    const report = await lintArchive(dir, NOW);
    assert.deepEqual(report.problems.filter((problem) => problem.fixable), []);
    assert.deepEqual(report.problems.filter((problem) => problem.severity === "error"), []);
    for (const [file, text] of once) assert.deepEqual(typographyIssues(parseFrontMatter(text).body).filter((issue) => issue.rule === "arabic-letter"), [], file);
  });
});

describe("npm run check (the command)", () => {
  test("the sample content/ passes: exit 0, no error, no warning", async () => {
    const run = await runScript("check.ts", []);
    assert.equal(run.code, 0, run.out);
    assert.match(run.out, /^Checked 14 releases: 0 errors, 0 warnings\.$/m);
  });

  test("errors exit 1 with file:line lines; --fix corrects the warnings and reports what it changed", async () => {
    const dir = await folder({
      "releases/1.md": "---\nid: 1\ntitle: خبر\ndate: 1403/02/23\n---\n\nجلسه ای [پیوند](/news/5/)\n",
    });
    const check = await runScript("check.ts", ["--input", dir]);
    assert.equal(check.code, 1, check.out);
    const file = reported(dir, "releases/1.md");
    assert.ok(check.out.includes(`  ${file}:7  error [text] the link /news/5/ goes to release 5, which does not exist`), check.out);
    assert.ok(check.out.includes(`  ${file}:7  warning [text] «جلسه ای» needs a half-space`), check.out);
    assert.match(check.out, /^Checked 1 release: 1 error, 1 warning \(1 fixed by `npm run check -- --fix`\)\.$/m);

    const fix = await runScript("check.ts", ["--input", dir, "--fix"]);
    assert.equal(fix.code, 1, fix.out);
    assert.match(fix.out, new RegExp(`^fixed ${file.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`, "m"));
    assert.match(fix.out, /^Checked 1 release: 1 error, 0 warnings\.$/m);
    assert.equal(await readFile(path.join(dir, "releases", "1.md"), "utf8"), `---\nid: 1\ntitle: خبر\ndate: 1403/02/23\n---\n\nجلسه${Z}ای [پیوند](/news/5/)\n`);
  });

  test("--fix says which file it converted from Windows-1256, and the error is gone", async () => {
    const dir = await folder({});
    await mkdir(path.join(dir, "releases"), { recursive: true });
    await writeFile(path.join(dir, "releases", "1.md"), encodeWindows1256("---\nid: 1\ntitle: نشست\ndate: 1403/02/23\n---\n\nمتن.\n")!);
    const file = reported(dir, "releases/1.md");
    const check = await runScript("check.ts", ["--input", dir]);
    assert.equal(check.code, 1, check.out);
    assert.ok(check.out.includes(`  ${file}:3  error [encoding] the file is not saved as UTF-8: it is Windows-1256`), check.out);
    assert.match(check.out, /^Checked 1 release: 1 error, 0 warnings \(1 fixed by `npm run check -- --fix`\)\.$/m);
    const fix = await runScript("check.ts", ["--input", dir, "--fix"]);
    assert.equal(fix.code, 0, fix.out);
    assert.ok(fix.out.includes(`converted ${file} from Windows-1256 to UTF-8`), fix.out);
    assert.match(fix.out, /^Checked 1 release: 0 errors, 0 warnings\.$/m);
  });

  test("an AKHBAR_FIRST_YEAR that is not a Jalali year exits 2 with a message", async () => {
    const run = await runScript("check.ts", [], { AKHBAR_FIRST_YEAR: "1990" });
    assert.equal(run.code, 2, run.out);
    assert.match(run.out, /AKHBAR_FIRST_YEAR must be a Jalali year such as 1370/);
  });

  test("a content folder that does not exist exits 2 with a message", async () => {
    const run = await runScript("check.ts", ["--input", path.join(tmpdir(), "akhbar-no-such-folder")]);
    assert.equal(run.code, 2, run.out);
    assert.match(run.out, /no such file or directory/);
  });
});
