/**
 * `npm run import` (src/editors/importer.ts, scripts/import.ts) on the two pages saved from the old
 * website (tests/fixtures/import/, copied from ../shared/seeds/) and on variants of them.
 * The hand-made sample releases content/releases/1402/149840.md and 149841.md are the
 * expected result.
 */
import { test, describe, after } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { cp, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { load } from "cheerio";
import { DateTime } from "luxon";
import { loadArchive } from "../../../src/content/load.js";
import { parseFrontMatter } from "../../../src/content/front-matter.js";
import { DATE_ASSUMED, escapeMarkdown, ImportError, importFiles, joinParagraphs, parseOldPage, releaseBody, type OldPage } from "../../../src/editors/importer.js";
import type { Message } from "../../../src/messages/messages.js";
import { lintArchive } from "../../../src/editors/lint.js";
import { createMarkdown } from "../../../src/render/markdown.js";
import { textFingerprint } from "../../../src/persian/typography.js";
import { pageWithSampleHalfSpaces, withSampleHalfSpaces } from "../../support/sample-compounds.js";
import { repoRoot } from "../../support/run.js";

const FIXTURES = path.join(repoRoot, "tests", "fixtures", "import");
const NOW = DateTime.fromISO("2024-06-01T12:00:00+03:30", { setZone: true });
const created: string[] = [];
after(async () => {
  await Promise.all(created.map((dir) => rm(dir, { recursive: true, force: true })));
});

async function temporary(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), "akhbar-unit-import-"));
  created.push(dir);
  return dir;
}

const fixture = (name: string) => readFile(path.join(FIXTURES, name), "utf8");

interface HandMade {
  title: string;
  lead: string;
  source?: string;
  body: string;
}

async function handMade(id: number): Promise<HandMade> {
  const parsed = parseFrontMatter(await readFile(path.join(repoRoot, "content", "releases", "1402", `${id}.md`), "utf8"));
  return { title: parsed.data.title as string, lead: parsed.data.lead as string, source: parsed.data.source as string | undefined, body: parsed.body.trim() };
}

function imported(page: OldPage): HandMade {
  return { title: page.title, lead: page.lead!, source: page.source, body: releaseBody(page) };
}

/** The page's text without what the importer must remove, exactly as the old website gives it. */
const REMOVED_LINES = ["انتهای پیام/", "0 صفحه 1 | ITShams.ir - قدرت گرفته از پرتال شمس", "https://ostan-th.ir/News/149840/"].flatMap((line) => [line, line.replaceAll("ی", "ي").replaceAll("ک", "ك")]);
function expectedWords(input: string): string {
  const kept = input
    .split(/\r?\n/)
    .filter((line) => !REMOVED_LINES.includes(line.trim()))
    .join("\n");
  // The «/» between the title and the quote is the one character the importer drops.
  return textFingerprint(kept.replace(/\/\s/, " "));
}

/** What readers will see: title, lead and the body rendered by the site's Markdown renderer. */
function shownWords(page: OldPage): string {
  const body = load(createMarkdown().render(releaseBody(page))).text();
  return textFingerprint([page.title, page.lead ?? "", body].join("\n"));
}

const withoutAddress = (text: string) => text.replace(/^https:\/\/ostan-th\.ir\/News\/149840\/\n/gm, "");
const arabicLetters = (text: string) => text.replaceAll("ی", "ي").replaceAll("ک", "ك");
const windowsLines = (text: string) => text.replace(/\n/g, "\r\n");

/** The warning of a page saved as a draft: it carries no date. */
const NO_DATE: Message = {
  fa: 'صفحه تاریخ ندارد: خبر به صورت پیش‌نویس با تاریخ اکنون ذخیره شد؛ برای انتشار، تاریخ آن را بنویسید و draft: true را بردارید، یا دوباره با تاریخ وارد کنید: npm run import -- --date "1402/09/19 11:00" <page.txt>',
  en: "the page has no date: the release was saved as a draft dated now; write its date and remove `draft: true` to publish it",
};

const CASES: Array<{ name: string; file: string; transform?: (text: string) => string; id: number; address: boolean }> = [
  { name: "kahrizak seed, as saved", file: "kahrizak-council.txt", id: 149840, address: true },
  { name: "malard seed, as saved (no footer, no address)", file: "malard-assembly.txt", id: 149841, address: false },
  { name: "kahrizak with Windows line endings", file: "kahrizak-council.txt", transform: windowsLines, id: 149840, address: true },
  { name: "malard with Windows line endings", file: "malard-assembly.txt", transform: windowsLines, id: 149841, address: false },
  { name: "kahrizak with Arabic letters", file: "kahrizak-council.txt", transform: arabicLetters, id: 149840, address: true },
  { name: "malard with Arabic letters and Windows line endings", file: "malard-assembly.txt", transform: (text) => windowsLines(arabicLetters(text)), id: 149841, address: false },
  { name: "kahrizak without the page address", file: "kahrizak-council.txt", transform: withoutAddress, id: 149840, address: false },
  { name: "kahrizak wrapped at 70 columns", file: "kahrizak-rewrapped.txt", id: 149840, address: true },
  { name: "malard wrapped at 60 columns, paragraphs separated by blank lines", file: "malard-paragraphs.txt", id: 149841, address: false },
];

describe("parseOldPage: each seed and variant gives the hand-made release's text", () => {
  for (const testCase of CASES) {
    test(testCase.name, async () => {
      const input = (testCase.transform ?? ((text: string) => text))(await fixture(testCase.file));
      const page = parseOldPage(input);
      const expected = await handMade(testCase.id);
      // As the import writes it into the sample archive, whose compounds give it half-spaces.
      assert.deepEqual(imported(await pageWithSampleHalfSpaces(page)), testCase.address ? expected : { ...expected, source: undefined });
      assert.equal(page.id, testCase.address ? testCase.id : undefined);
      // Not a word dropped or changed: input and output agree after normalization.
      assert.equal(shownWords(page), expectedWords(input));
    });
  }

  test("the title block, the quote as lead, the county named in the text", async () => {
    const malard = parseOldPage(await fixture("malard-assembly.txt"));
    assert.equal(malard.county, "ملارد");
    assert.equal(malard.paragraphs.length, 6);
    const kahrizak = parseOldPage(await fixture("kahrizak-council.txt"));
    assert.equal(kahrizak.county, undefined, "کهریزک is a district of Rey, but no «شهرستان …» names a county");
    assert.equal(kahrizak.paragraphs.length, 7);
    assert.deepEqual(kahrizak.warnings, []);
  });

  test("the word check would catch a lost word", async () => {
    const input = await fixture("kahrizak-council.txt");
    const page = parseOldPage(input);
    assert.notEqual(shownWords({ ...page, paragraphs: page.paragraphs.slice(1) }), expectedWords(input));
  });

  test("a title without a quote stays whole; two news codes give a warning", () => {
    const page = parseOldPage("بازدید از پروژه‌ها\n\nمتن خبر.\n\nhttps://ostan-th.ir/News/12/\nhttps://ostan-th.ir/News/13/\n");
    assert.equal(page.title, "بازدید از پروژه‌ها");
    assert.equal(page.lead, undefined);
    assert.equal(page.id, 12);
    assert.deepEqual(page.warnings, [{ fa: "صفحه چند کد خبر دارد (۱۲، ۱۳)؛ ۱۲ به کار رفت", en: "the page names several news codes (12, 13); 12 was used" }]);
  });

  test("an empty file is refused with a message", () => {
    assert.throws(
      () => parseOldPage("\n \n"),
      (error: unknown) => {
        assert.ok(error instanceof ImportError);
        assert.deepEqual(error.problem, {
          fa: "فایل متنی ندارد: آیا صفحه‌ای است که از پایگاه پیشین ذخیره شده است؟",
          en: "the file has no text: is it a page saved from the old website?",
        });
        return true;
      },
    );
  });
});

describe("joinParagraphs", () => {
  const rows: Array<{ name: string; lines: string[]; expected: string[] }> = [
    { name: "printed page: a sentence end closes the paragraph", lines: ["الف ب", "", "ج.", "", "د"], expected: ["الف ب ج.", "د"] },
    { name: "printed page: a much shorter line closes it", lines: ["یک دو سه چهار پنج شش", "", "هفت", "", "هشت نه ده یازده دوازده"], expected: ["یک دو سه چهار پنج شش هفت", "هشت نه ده یازده دوازده"] },
    { name: "printed page: «به گزارش» opens a paragraph", lines: ["یک دو سه چهار پنج شش", "", "به گزارش خبرنگار"], expected: ["یک دو سه چهار پنج شش", "به گزارش خبرنگار"] },
    { name: "ordinary text: blank lines separate paragraphs", lines: ["الف.", "ب", "", "ج"], expected: ["الف. ب", "ج"] },
    { name: "nothing", lines: ["", ""], expected: [] },
  ];
  for (const row of rows) {
    test(row.name, () => {
      assert.deepEqual(joinParagraphs(row.lines), row.expected);
    });
  }
});

describe("escapeMarkdown: imported text is shown as it was, never as markup", () => {
  const rows: Array<{ input: string; escaped: string }> = [
    { input: "متن ساده.", escaped: "متن ساده." },
    { input: "- فهرست نیست", escaped: "\\- فهرست نیست" },
    { input: "# عنوان نیست", escaped: "\\# عنوان نیست" },
    { input: "> نقل نیست", escaped: "\\> نقل نیست" },
    { input: "1. شمارهٔ یک", escaped: "1\\. شمارهٔ یک" },
    { input: "*تأکید* و _زیرخط_ و `کد`", escaped: "\\*تأکید\\* و \\_زیرخط\\_ و \\`کد\\`" },
    { input: "[پیوند](x) و <b> و &amp; و a\\b و ~~خط~~", escaped: "\\[پیوند\\](x) و \\<b> و \\&amp; و a\\\\b و \\~\\~خط\\~\\~" },
    { input: "---", escaped: "\\---" },
  ];
  for (const row of rows) {
    test(row.input, () => {
      assert.equal(escapeMarkdown(row.input), row.escaped);
      const $ = load(createMarkdown().render(row.escaped));
      assert.equal($.root().text().trim(), row.input);
      assert.equal($("body > *").length, 1);
      assert.equal($("body > p").length, 1, `rendered as ${$("body").html()}`);
    });
  }
});

async function releaseFiles(dir: string): Promise<string[]> {
  return (await readdir(dir, { recursive: true })).filter((file) => file.endsWith(".md")).sort();
}

describe("importFiles: writing releases", () => {
  test("into an empty archive: new files, the next free id for a page without address, typography the linter accepts", async () => {
    const content = await temporary();
    const results = await importFiles([path.join(FIXTURES, "kahrizak-council.txt"), path.join(FIXTURES, "malard-assembly.txt")], {
      contentDir: content,
      date: "1402/09/19 11:00",
      now: NOW,
    });
    assert.deepEqual(
      results.map(({ file, id, action, warnings }) => ({ file: path.relative(content, path.resolve(file)), id, action, warnings })),
      [
        { file: path.join("releases", "1402", "149840.md"), id: 149840, action: "created", warnings: [] },
        {
          file: path.join("releases", "1402", "149841.md"),
          id: 149841,
          action: "created",
          warnings: [
            {
              fa: "صفحه نشانی https://ostan-th.ir/News/<id>/ ندارد: کد آزاد بعدی، ۱۴۹۸۴۱، به آن داده شد؛ اگر پایگاه پیشین کد خبر را نشان می‌داد، آن را در سطر id بنویسید (مثلاً id: 149840) و npm run check -- --fix را اجرا کنید تا نام فایل هم درست شود",
              en: "the page has no address https://ostan-th.ir/News/<id>/: it got the next free id, 149841; if the old site showed a news code (کد خبر), write it as id: and rename the file (npm run check -- --fix renames it)",
            },
          ],
        },
      ],
    );
    const archive = await loadArchive(content, { includeDrafts: false, now: NOW });
    // The same date: the higher id comes first.
    assert.deepEqual(archive.releases.map((release) => [release.id, release.county?.name, release.date.toISO()]), [
      [149841, "ملارد", "2023-12-10T11:00:00.000+03:30"],
      [149840, undefined, "2023-12-10T11:00:00.000+03:30"],
    ]);
    for (const id of [149840, 149841]) {
      const parsed = parseFrontMatter(await readFile(path.join(content, "releases", "1402", `${id}.md`), "utf8"));
      const expected = await handMade(id);
      // An empty archive knows no compound: the text is the hand-made one but for the half-spaces the sample archive gives it.
      const repair = withSampleHalfSpaces;
      assert.deepEqual({ title: await repair(parsed.data.title as string), lead: await repair(parsed.data.lead as string), source: parsed.data.source, body: await repair(parsed.body.trim()) }, expected);
    }
    assert.deepEqual((await lintArchive(content, NOW)).problems, []);
  });

  test("without --date: a draft dated now, with a comment and a warning", async () => {
    const content = await temporary();
    const [result] = await importFiles([path.join(FIXTURES, "kahrizak-council.txt")], { contentDir: content, now: NOW });
    assert.equal(path.relative(content, path.resolve(result!.file)), path.join("releases", "1403", "149840.md"));
    assert.deepEqual(result!.warnings, [NO_DATE]);
    const text = await readFile(result!.file, "utf8");
    assert.ok(text.startsWith(`---\n# ${DATE_ASSUMED}\nid: 149840\n`), text);
    const parsed = parseFrontMatter(text);
    assert.equal(parsed.data.date, "1403/03/12 12:00");
    assert.equal(parsed.data.draft, true);
    assert.deepEqual((await loadArchive(content, { includeDrafts: false, now: NOW })).releases, []);
  });

  test("re-importing the seeds into the sample archive updates 149840 and 149841 and changes nothing", async () => {
    const content = await temporary();
    await cp(path.join(repoRoot, "content"), content, { recursive: true });
    const before = await releaseFiles(content);
    const results = await importFiles([path.join(FIXTURES, "kahrizak-council.txt"), path.join(FIXTURES, "malard-assembly.txt")], { contentDir: content, now: NOW });
    assert.deepEqual(results.map(({ id, action }) => [id, action]), [
      [149840, "updated"],
      [149841, "updated"],
    ]);
    assert.deepEqual(results[1]!.warnings[0], { fa: "صفحه نشانی ندارد؛ عنوانش عنوان خبر ۱۴۹۸۴۱ است و همان خبر به‌روز شد", en: "the page has no address; its title is that of release 149841, which was updated" });
    // And each says it wrote the compounds' half-spaces the archive writes, which the hand-made releases have.
    assert.deepEqual(
      results.map((result) => result.warnings.at(-1)!.en.replace(/ \(.*$/, "")),
      results.map((result) => `wrote the half-space of ${result.id === 149840 ? 22 : 21} compounds in ${result.file}`),
    );
    assert.deepEqual(await releaseFiles(content), before);
    for (const file of before) {
      assert.equal(await readFile(path.join(content, file), "utf8"), await readFile(path.join(repoRoot, "content", file), "utf8"), file);
    }
  });

  test("re-importing a changed page updates title, lead, text and source, and keeps what the editor added", async () => {
    // The saved page beside the content folder: a .txt file is not something the content folder may hold.
    const root = await temporary();
    const content = path.join(root, "content");
    await mkdir(content);
    const page = path.join(root, "page.txt");
    await writeFile(page, "عنوان اول/ گوینده: نقل اول\n\nمتن اول.\n\nhttps://ostan-th.ir/News/500/\n");
    const [first] = await importFiles([page], { contentDir: content, date: "1403/02/23 10:30", now: NOW });
    const file = path.resolve(first!.file);
    const edited = (await readFile(file, "utf8")).replace("# county: \"\"", "county: ری").replace("# tags:", "tags:\n  - نشست\n# old tags:");
    await writeFile(file, edited);
    await writeFile(page, "عنوان دوم/ گوینده: نقل دوم\n\nمتن دوم می شود.\n\nhttps://ostan-th.ir/News/500/\n");
    const [second] = await importFiles([page], { contentDir: content, now: NOW });
    assert.deepEqual([path.resolve(second!.file), second!.action], [file, "updated"]);
    assert.deepEqual(await releaseFiles(content), [path.join("releases", "1403", "500.md")]);
    const archive = await loadArchive(content, { includeDrafts: false, now: NOW });
    const [release] = archive.releases;
    assert.deepEqual(
      { title: release!.title, lead: release!.lead, county: release!.county?.name, tags: release!.tags, date: release!.date.toISO(), source: release!.source },
      { title: "عنوان دوم", lead: "گوینده: نقل دوم", county: "ری", tags: ["نشست"], date: "2024-05-12T10:30:00.000+03:30", source: "https://ostan-th.ir/News/500/" },
    );
    assert.equal(parseFrontMatter(await readFile(file, "utf8")).body, "\nمتن دوم می\u200Cشود.\n");
  });

  test("re-importing with --date publishes the release: the date written, draft: true and the «date assumed» comment removed, the file in its year's folder", async () => {
    const content = await temporary();
    const [first] = await importFiles([path.join(FIXTURES, "kahrizak-council.txt")], { contentDir: content, now: NOW });
    const draft = path.resolve(first!.file);
    assert.equal(path.relative(content, draft), path.join("releases", "1403", "149840.md"));
    assert.match(await readFile(draft, "utf8"), /^draft: true$/m);
    assert.deepEqual((await loadArchive(content, { includeDrafts: false, now: NOW })).releases, []);

    const [second] = await importFiles([path.join(FIXTURES, "kahrizak-council.txt")], { contentDir: content, date: "1402/09/19 11:00", now: NOW });
    const file = path.join(content, "releases", "1402", "149840.md");
    assert.deepEqual([path.resolve(second!.file), second!.action], [file, "updated"]);
    const [from, to] = [first!.file, path.relative(process.cwd(), file).split(path.sep).join("/")];
    assert.deepEqual(second!.warnings, [
      {
        fa: "خبر با تاریخ ۱۴۰۲/۰۹/۱۹ ۱۱:۰۰ منتشر می‌شود: draft: true و یادداشت «تاریخ فرضی» برداشته شد",
        en: 'the release is published, dated 1402/09/19 11:00: draft: true and the "date assumed" comment were removed',
      },
      { fa: `خبر به پوشهٔ سال تاریخش جابه‌جا شد: از ${from} به ${to}`, en: `the release was moved to its year's folder: from ${from} to ${to}` },
    ]);
    assert.deepEqual(await releaseFiles(content), [path.join("releases", "1402", "149840.md")]);
    assert.deepEqual((await lintArchive(content, NOW)).problems, [], "npm run check finds nothing to say");
    const text = await readFile(file, "utf8");
    assert.equal(text.includes(DATE_ASSUMED), false, text);
    assert.doesNotMatch(text, /^draft:/m);
    // As a new file has it: commented out, with what it is for.
    assert.match(text, /^# draft: true {3}# پیش‌نویس: در سایت منتشر نمی‌شود$/m);
    assert.equal(parseFrontMatter(text).data.date, "1402/09/19 11:00");
    const archive = await loadArchive(content, { includeDrafts: false, now: NOW });
    assert.deepEqual(archive.releases.map((release) => [release.id, release.draft, release.date.toISO()]), [[149840, false, "2023-12-10T11:00:00.000+03:30"]]);
    // Imported again with the date: nothing more to say, and the file stays as it is.
    const [third] = await importFiles([path.join(FIXTURES, "kahrizak-council.txt")], { contentDir: content, date: "1402/09/19 11:00", now: NOW });
    assert.deepEqual(third!.warnings, []);
    assert.equal(await readFile(file, "utf8"), text);
  });

  test("an impossible --date stops the import before anything is written", async () => {
    const content = await temporary();
    await assert.rejects(importFiles([path.join(FIXTURES, "kahrizak-council.txt")], { contentDir: content, date: "1403/07/31", now: NOW }), (error: unknown) => {
      assert.ok(error instanceof ImportError);
      assert.equal(error.problem.en, "--date 1403/7/31 is not a day of the Jalali calendar");
      assert.match(error.problem.fa, /^--date: ۱۴۰۳\/۷\/۳۱ روزی از تقویم شمسی نیست/);
      return true;
    });
    assert.deepEqual(await releaseFiles(content), []);
  });

  test("a page file that does not exist stops the import, naming it", async () => {
    const content = await temporary();
    const missing = path.join(content, "no-such-page.txt");
    await assert.rejects(importFiles([missing], { contentDir: content, now: NOW }), (error: unknown) => {
      assert.ok(error instanceof ImportError);
      assert.deepEqual(error.problem, { fa: `${missing}: این فایل پیدا نشد: نام و پوشهٔ آن را بررسی کنید`, en: `${missing}: the file does not exist: check its name and folder` });
      return true;
    });
  });
});

describe("npm run import (the command): Persian by default, English under AKHBAR_LANG=en", () => {
  test("imports the files given, prints what it did, exits 0; without files it exits 2", async () => {
    const content = await temporary();
    await mkdir(path.join(content, "releases"), { recursive: true });
    const page = path.join(FIXTURES, "malard-assembly.txt");
    const run = await runImport(["--input", content, "--date", "1402/09/19 11:00", page]);
    assert.equal(run.code, 0, run.out);
    const file = path.relative(repoRoot, path.join(content, "releases", "1402", "1.md"));
    const lines = run.out.trim().split("\n");
    assert.equal(lines[0], `ساخته شد: ${file} (شناسهٔ ۱، از ${page})`);
    assert.match(lines[1]!, /^ {2}هشدار: صفحه نشانی https:\/\/ostan-th\.ir\/News\/<id>\/ ندارد/);
    assert.equal(lines.at(-1), "نتیجه را با npm run check بررسی کنید و با npm start پیش‌نمایش آن را ببینید.");
    const english = await runImport(["--input", content, "--date", "1402/09/19 11:00", page], "en");
    assert.equal(english.code, 0, english.out);
    assert.match(english.out, new RegExp(`^updated ${file.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")} \\(id 1\\) from `, "m"));
    assert.match(english.out, /^ {2}warning: the page has no address/m);
    assert.match(english.out, /^Check the result with `npm run check` and preview it with `npm start`\.$/m);
    const missing = await runImport(["--input", content]);
    assert.equal(missing.code, 2, missing.out);
    assert.equal(missing.out.trim(), 'نام فایل‌هایی را که باید وارد شوند بنویسید، مثلاً npm run import -- page.txt\nنحوهٔ اجرا: npm run import -- [--date "1403/02/23 10:30"] <page.txt>…');
    const missingEnglish = await runImport(["--input", content], "en");
    assert.match(missingEnglish.out, /^Name the files to import, e\.g\. npm run import -- page\.txt$/m);
  });

  test("--help says what import does, exit 0", async () => {
    const help = await runImport(["--help"]);
    assert.equal(help.code, 0, help.out);
    assert.equal(help.out.split("\n")[0], 'نحوهٔ اجرا: npm run import -- [--date "1403/02/23 10:30"] <page.txt>…');
    assert.match(help.out, /^ {2}--date {5}تاریخ خبرها/m);
    const english = await runImport(["-h"], "en");
    assert.match(english.out, /^ {2}--date {5}the releases' date/m);
  });

  test("a wrong --date stops the import with exit 1, in Persian or English", async () => {
    const content = await temporary();
    const page = path.join(FIXTURES, "malard-assembly.txt");
    const run = await runImport(["--input", content, "--date", "1403/07/31", page]);
    assert.equal(run.code, 1, run.out);
    assert.match(run.out, /^وارد کردن متوقف شد: --date: ۱۴۰۳\/۷\/۳۱ روزی از تقویم شمسی نیست/m);
    const english = await runImport(["--input", content, "--date", "1403/07/31", page], "en");
    assert.equal(english.code, 1, english.out);
    assert.match(english.out, /^Import stopped: --date 1403\/7\/31 is not a day of the Jalali calendar$/m);
    const option = await runImport(["--input", content, "--dtae", "1403/02/23", page]);
    assert.equal(option.code, 2, option.out);
    assert.match(option.out, /^گزینهٔ --dtae شناخته نیست/m);
    assert.match(option.out, /^نحوهٔ اجرا: npm run import --/m);
  });
});

/** `language`: AKHBAR_LANG, Persian ("") unless said. */
function runImport(args: string[], language = ""): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve, reject) => {
    const env = { ...process.env, AKHBAR_LANG: language };
    const child = spawn(process.execPath, ["--import", "tsx", "scripts/import.ts", ...args], { cwd: repoRoot, stdio: ["ignore", "pipe", "pipe"], env });
    let out = "";
    child.stdout.on("data", (chunk) => (out += chunk));
    child.stderr.on("data", (chunk) => (out += chunk));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, out }));
  });
}
