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
import { parseFrontMatter } from "../../../src/content/front-matter.js";
import { existsSync } from "node:fs";
import { findReleaseFiles, loadArchive } from "../../../src/content/load.js";
import { fixArchive, fixSource, isSitePage, lintArchive, unsafeFix } from "../../../src/editors/lint.js";
import { ARCHIVE_URL, LATEST_NEWS_URL, monthUrl, TERM_SECTION_URLS, termUrl, yearUrl } from "../../../src/browse/urls.js";
import { releaseUrl } from "../../../src/content/release.js";
import { RELEASE_FIELDS } from "../../../src/content/schema.js";
import { TYPOGRAPHY_WARNINGS, typographyWarning, UNSAFE_FIX } from "../../../src/messages/editors.js";
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
/** Where GOOD belongs: releases/<Jalali year>/<id>.md. */
const GOOD_FILE = "releases/1403/10.md";

describe("lintArchive: every problem with file, line, field and a suggestion", () => {
  test("a clean archive has no problems", async () => {
    const dir = await folder({ [GOOD_FILE]: GOOD, "images/.gitkeep": "" });
    assert.deepEqual(await lintArchive(dir, NOW), { files: 1, problems: [] });
  });

  test("errors and warnings of each kind", async () => {
    const dir = await folder({
      "images/photo.jpg": "not really a picture, but present",
      [GOOD_FILE]: GOOD,
      "releases/schema.md": "---\nid: 11\ntitel: غلط\ndate: 1403/07/31\n---\nمتن\n",
      "releases/duplicate.md": "---\nid: 10\ntitle: تکراری\ndate: 1403/02/23\n---\nمتن\n",
      "releases/1403/12.md": "---\nid: 12\ntitle: شهرستان\ndate: 1403/02/23\ncounty: تهرا\n---\nمتن\n",
      "releases/1403/13.md": "---\nid: 13\ntitle: پیش‌نویس\ndate: 1403/02/23\ndraft: true\n---\nمتن\n",
      "releases/1404/14.md": "---\nid: 14\ntitle: آینده\ndate: 1404/01/01\n---\nمتن\n",
      "releases/1403/15.md": [
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
        "[پرونده](/files/x.pdf) و [سند](/docs/x.pdf) و [درباره](/about) و [خانه](/) و [بایگانی](/archive/1403/02/) و [برچسب](/tags/نشست/) و [خوراک](/feed.xml) و [انگلیسی](/en/news/10/)",
        "",
      ].join("\n"),
      "releases/1403/16.md": [
        "---",
        "id: 16",
        'title: "نشست روابط عمومی ها"',
        "date: 1403/02/23",
        'lead: "مديريت گفت :"',
        "county: ري",
        "organization: استانداري تهران",
        "tags:",
        "  - نشست ها",
        "  - روابط عمومي",
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
    // The English texts (AKHBAR_LANG=en); the Persian ones of check's own messages are asserted below.
    const shown = report.problems.map(({ file, line, severity, field, fixable, message }) => ({ file, line, severity, field, fixable, message: message.en }));
    const error = (file: string, line: number, field: string, message: string) => ({ file: name(file), line, severity: "error", field, fixable: false, message });
    const warning = (file: string, line: number, field: string, message: string, fixable = true) => ({ file: name(file), line, severity: "warning", field, fixable, message });
    const fixHint = "(npm run check -- --fix corrects it)";
    const images = path.join(dir, "images");
    const taken = "(another file is there already, so npm run check -- --fix does not move it: check the ids of both files)";
    assert.deepEqual(shown, [
      error("1403/12.md", 5, "county", `"تهرا" is not a county of the province: did you mean "تهران"? The counties are listed in src/data/counties.json`),
      error("1403/15.md", 5, "image", `the picture /images/missing.jpg is missing: put it in ${images}/ or correct the name`),
      error("1403/15.md", 9, "text", "the link /news/99/ goes to release 99, which does not exist: check the news code (the highest is 16)"),
      warning("1403/15.md", 9, "text", "the link /news/13/ goes to release 13, which is a draft: the link is broken until it is published", false),
      warning("1403/15.md", 11, "text", "the link /news/14 goes to release 14, which is embargoed until 2025-03-21 00:00: the link is broken until it is published", false),
      error("1403/15.md", 11, "text", `the file /images/doc.pdf is missing: put it in ${images}/ or correct the name`),
      // As the build reads it: a file named .jpg that is not a picture stops the build.
      error("1403/15.md", 13, "text", "/images/photo.jpg is not a picture this site can show: use JPEG, PNG, WebP, AVIF, GIF or SVG"),
      error("1403/15.md", 13, "text", `the picture /images/عکس نو.jpg is missing: put it in ${images}/ or correct the name`),
      error("1403/15.md", 13, "text", `the picture /assets/x.png is not under /images/: put it in ${images}/ and write /images/<name>`),
      // A site-relative link to neither a file of content/ nor a page of the site; the home, archive, tag, feed and release links are pages.
      // A missing attachment of content/files/, as the build reads it.
      error("1403/15.md", 15, "text", `the file /files/x.pdf is missing: put it in ${path.join(dir, "files")}/ or correct the name`),
      error("1403/15.md", 15, "text", `the link /docs/x.pdf goes to neither a file of the content folder nor a page of this site: readers would find nothing there. If it is a file, put it in ${path.join(dir, "files")}/ and link it under /files/, e.g. [link text](/files/x.pdf); if it is a page of the site, correct the address`),
      error("1403/15.md", 15, "text", `the link /about goes to neither a file of the content folder nor a page of this site: readers would find nothing there. If it is a file, put it in ${path.join(dir, "files")}/ and link it under /files/, e.g. [link text](/files/file.pdf); if it is a page of the site, correct the address`),
      warning("1403/16.md", 3, "title", `«عمومی ها» needs a half-space (نیم‌فاصله) between «عمومی» and «ها», not a space or nothing ${fixHint}`),
      warning("1403/16.md", 5, "lead", `Arabic letters in «مديريت»: write «مدیریت» with the Persian ی and ک ${fixHint}`),
      warning("1403/16.md", 5, "lead", `a space before «:» after «گفت»: remove the space ${fixHint}`),
      // The names and tags get the text's rules: each has a page, and «استانداري تهران» would be a second organization.
      warning("1403/16.md", 6, "county", `Arabic letters in «ري»: write «ری» with the Persian ی and ک ${fixHint}`),
      warning("1403/16.md", 7, "organization", `Arabic letters in «استانداري»: write «استانداری» with the Persian ی and ک ${fixHint}`),
      warning("1403/16.md", 9, "tags", `«نشست ها» needs a half-space (نیم‌فاصله) between «نشست» and «ها», not a space or nothing ${fixHint}`),
      warning("1403/16.md", 10, "tags", `Arabic letters in «عمومي»: write «عمومی» with the Persian ی and ک ${fixHint}`),
      warning("1403/16.md", 13, "text", `«جلسه ای» needs a half-space (نیم‌فاصله) between «جلسه» and «ای», not a space or nothing ${fixHint}`),
      warning("1403/16.md", 13, "text", `a space before «.» after «شد»: remove the space ${fixHint}`),
      warning("1403/16.md", 15, "text", `Latin digits «15» in a line written with Persian digits: write «۱۵» ${fixHint}`),
      // Link text is prose; the code span, the fenced block and the list number «1.» are not.
      warning("1403/16.md", 17, "text", `«می شود» needs a half-space (نیم‌فاصله) between «می» and «شود», not a space or nothing ${fixHint}`),
      // A second file with id 10 cannot be renamed 10.md: that one is taken.
      warning("duplicate.md", 2, "id", `the file is named duplicate.md but the release's id is 10: a release file is named after its id, so this one belongs at ${name(GOOD_FILE.slice("releases/".length))} ${taken}`, false),
      error("duplicate.md", 2, "id", `id 10 is already used by ${name("1403/10.md")}:2; every release needs its own id (the next free one is 17)`),
      warning("duplicate.md", 4, "date", `the file is in ${path.dirname(name("duplicate.md"))} but the release is dated in 1403: a release file is kept in the folder of its Jalali year, so this one belongs at ${name("1403/10.md")} ${taken}`, false),
      error("schema.md", 1, "title", "title is required: add a line `title: …`"),
      error("schema.md", 3, "titel", `unknown field "titel": did you mean "title"? Allowed fields: ${RELEASE_FIELDS.join(", ")}`),
      error("schema.md", 4, "date", "date 1403/7/31 is not a day of the Jalali calendar"),
    ]);
    assert.equal(report.files, 8);

    // The Persian of check's own messages (the build's, such as the county's, are src/messages/content.ts's).
    const persian = (file: string, line: number) => report.problems.filter((problem) => problem.file === name(file) && problem.line === line).map((problem) => problem.message.fa);
    const fixFa = "(دستور npm run check -- --fix آن را درست می‌کند)";
    assert.deepEqual(persian("1403/15.md", 9), [
      "پیوند /news/99/ به خبر ۹۹ می‌رود، که در آرشیو نیست: کد خبر را بررسی کنید (بزرگ‌ترین کد آرشیو ۱۶ است)؛ پیوند به خبر این‌گونه نوشته می‌شود: [عنوان خبر](/news/16/)",
      "پیوند /news/13/ به خبر ۱۳ می‌رود، که پیش‌نویس است (draft: true): تا آن خبر منتشر نشود، این پیوند برای خواننده خراب است",
    ]);
    assert.equal(persian("1403/15.md", 11)[0], "پیوند /news/14 به خبر ۱۴ می‌رود، که تا ۱۴۰۴/۰۱/۰۱ ۰۰:۰۰ زمان‌بندی شده است: تا آن خبر منتشر نشود، این پیوند برای خواننده خراب است");
    assert.equal(
      persian("1403/15.md", 15)[1],
      `پیوند /docs/x.pdf به چیزی می‌رود که نه فایلی در پوشهٔ content است و نه صفحه‌ای از این سایت: خواننده پیوند خراب می‌بیند. اگر فایل است، آن را در ${path.join(dir, "files")}/ بگذارید و با /files/ به آن پیوند دهید، مثلاً [متن پیوند](/files/x.pdf)؛ اگر صفحه‌ای از سایت است، نشانی را درست بنویسید`,
    );
    assert.deepEqual(persian("1403/16.md", 5), [
      `«مديريت» با حروف یا رقم‌های عربی نوشته شده است: آن را «مدیریت» بنویسید، با «ی» و «ک» و رقم‌های فارسی ${fixFa}`,
      `پیش از «:» و پس از «گفت» فاصله آمده است: فاصله را بردارید و «گفت:» بنویسید ${fixFa}`,
    ]);
    assert.deepEqual(persian("1403/16.md", 9), [`«نشست ها» نیم‌فاصله می‌خواهد: «نشست» و «ها» را با نیم‌فاصله بنویسید، نه با فاصله و نه چسبیده: «نشست${Z}ها» ${fixFa}`]);
    assert.deepEqual(persian("1403/16.md", 15), [`رقم‌های لاتین «15» در سطری که رقم‌هایش فارسی است: «۱۵» بنویسید ${fixFa}`]);
    const takenFa = "(فایل دیگری آنجا هست، پس npm run check -- --fix آن را جابه‌جا نمی‌کند: شناسهٔ دو فایل را بررسی کنید)";
    assert.equal(
      persian("duplicate.md", 2)[0],
      `نام فایل «duplicate.md» با شناسهٔ خبر (id: 10) نمی‌خواند: نام فایل هر خبر شناسهٔ آن است، پس این فایل باید ${name("1403/10.md")} باشد ${takenFa}`,
    );
    assert.equal(
      persian("duplicate.md", 4)[0],
      `فایل در پوشهٔ ${path.dirname(name("duplicate.md"))} است اما تاریخ خبر در سال ۱۴۰۳ است: هر خبر در پوشهٔ سال تاریخ خودش است، پس این فایل باید ${name("1403/10.md")} باشد ${takenFa}`,
    );
  });

  test("every typography rule has its warning in both languages", () => {
    const text = "مديريت گفت : جلسه ای در ۱۲ و 15";
    const issues = typographyIssues(text);
    assert.deepEqual(issues.map((issue) => issue.rule).sort(), Object.keys(TYPOGRAPHY_WARNINGS).sort(), "the sample has an issue of every rule");
    const fixFa = "(دستور npm run check -- --fix آن را درست می‌کند)";
    assert.deepEqual(
      issues.map((issue) => typographyWarning(issue, text).fa),
      [
        `«مديريت» با حروف یا رقم‌های عربی نوشته شده است: آن را «مدیریت» بنویسید، با «ی» و «ک» و رقم‌های فارسی ${fixFa}`,
        `پیش از «:» و پس از «گفت» فاصله آمده است: فاصله را بردارید و «گفت:» بنویسید ${fixFa}`,
        `«جلسه ای» نیم‌فاصله می‌خواهد: «جلسه» و «ای» را با نیم‌فاصله بنویسید، نه با فاصله و نه چسبیده: «جلسه${Z}ای» ${fixFa}`,
        `رقم‌های لاتین «15» در سطری که رقم‌هایش فارسی است: «۱۵» بنویسید ${fixFa}`,
      ],
    );
    for (const issue of issues) assert.notEqual(typographyWarning(issue, text).en, typographyWarning(issue, text).fa);
  });
});

describe("what a reader would see as broken, which check did not report", () => {
  test("Arabic letters in organization, county and tags are warnings (0 before), and --fix repairs them without losing a word", async () => {
    const source = [
      "---",
      "id: 30",
      "title: نشست",
      "date: 1403/02/23",
      "county: ري # شهرستان ری",
      "organization: استانداري تهران",
      "tags: [روابط عمومي، نشست ها]",
      "---",
      "",
      "متن.",
      "",
    ].join("\n");
    const dir = await folder({ "releases/1403/30.md": source });
    const warned = (await lintArchive(dir, NOW)).problems.map(({ line, field, severity, fixable }) => ({ line, field, severity, fixable }));
    assert.deepEqual(warned, [
      { line: 5, field: "county", severity: "warning", fixable: true },
      { line: 6, field: "organization", severity: "warning", fixable: true },
      { line: 7, field: "tags", severity: "warning", fixable: true },
      { line: 7, field: "tags", severity: "warning", fixable: true },
    ]);
    const report = await fixArchive(dir, NOW);
    assert.deepEqual(report, { changed: [reported(dir, "releases/1403/30.md")], converted: [], refused: [], moved: [], notMoved: [], halfSpaces: [] });
    const fixed = await readFile(path.join(dir, "releases", "1403", "30.md"), "utf8");
    assert.equal(
      fixed,
      source
        .replace("county: ري # شهرستان ری", 'county: "ری" # شهرستان ری')
        .replace("organization: استانداري تهران", 'organization: "استانداری تهران"')
        .replace("tags: [روابط عمومي، نشست ها]", `tags: ["روابط عمومی، نشست${Z}ها"]`),
    );
    // The fingerprint of every word is the original's: only letter forms and spacing changed.
    const words = (text: string) => { const parsed = parseFrontMatter(text); return textFingerprint(JSON.stringify(parsed.data) + parsed.body); };
    assert.equal(words(fixed), words(source));
    assert.deepEqual((await lintArchive(dir, NOW)).problems, []);
    const archive = await loadArchive(dir, { includeDrafts: true, now: NOW });
    const [release] = archive.releases;
    assert.deepEqual([release!.organization, release!.county?.name, release!.tags], ["استانداری تهران", "ری", ["روابط عمومی", `نشست${Z}ها`]]);
  });

  test("a file whose name is not its id is a warning; --fix renames it", async () => {
    const dir = await folder({ "releases/1403/notes.md": GOOD });
    const report = await lintArchive(dir, NOW);
    assert.deepEqual(
      report.problems.map(({ file, line, field, severity, fixable, message }) => ({ file, line, field, severity, fixable, message })),
      [
        {
          file: reported(dir, "releases/1403/notes.md"),
          line: 2,
          field: "id",
          severity: "warning",
          fixable: true,
          message: {
            fa: `نام فایل «notes.md» با شناسهٔ خبر (id: 10) نمی‌خواند: نام فایل هر خبر شناسهٔ آن است، پس این فایل باید ${reported(dir, GOOD_FILE)} باشد (دستور npm run check -- --fix آن را درست می‌کند)`,
            en: `the file is named notes.md but the release's id is 10: a release file is named after its id, so this one belongs at ${reported(dir, GOOD_FILE)} (npm run check -- --fix renames it)`,
          },
        },
      ],
    );
    const fixed = await fixArchive(dir, NOW);
    assert.deepEqual(fixed.moved, [{ from: reported(dir, "releases/1403/notes.md"), to: reported(dir, GOOD_FILE) }]);
    assert.equal(await readFile(path.join(dir, ...GOOD_FILE.split("/")), "utf8"), GOOD);
    assert.equal(existsSync(path.join(dir, "releases", "1403", "notes.md")), false);
    assert.deepEqual((await lintArchive(dir, NOW)).problems, []);
  });

  test("a file in another year's folder is a warning; --fix moves it, creating the year's folder", async () => {
    const dir = await folder({ "releases/1402/10.md": GOOD });
    const [problem, ...others] = (await lintArchive(dir, NOW)).problems;
    assert.deepEqual(others, []);
    assert.deepEqual({ line: problem!.line, field: problem!.field, severity: problem!.severity, fixable: problem!.fixable }, { line: 4, field: "date", severity: "warning", fixable: true });
    assert.equal(
      problem!.message.en,
      `the file is in ${reported(dir, "releases/1402")} but the release is dated in 1403: a release file is kept in the folder of its Jalali year, so this one belongs at ${reported(dir, GOOD_FILE)} (npm run check -- --fix moves it)`,
    );
    assert.equal(
      problem!.message.fa,
      `فایل در پوشهٔ ${reported(dir, "releases/1402")} است اما تاریخ خبر در سال ۱۴۰۳ است: هر خبر در پوشهٔ سال تاریخ خودش است، پس این فایل باید ${reported(dir, GOOD_FILE)} باشد (دستور npm run check -- --fix آن را درست می‌کند)`,
    );
    const fixed = await fixArchive(dir, NOW);
    assert.deepEqual(fixed.moved, [{ from: reported(dir, "releases/1402/10.md"), to: reported(dir, GOOD_FILE) }]);
    assert.deepEqual((await lintArchive(dir, NOW)).problems, []);
  });

  test("--fix never moves a file over another", async () => {
    const other = GOOD.replace("خبر درست", "خبر دیگر");
    const dir = await folder({ [GOOD_FILE]: GOOD, "releases/1403/copy.md": other });
    const fixed = await fixArchive(dir, NOW);
    assert.deepEqual(fixed.moved, []);
    assert.deepEqual(fixed.notMoved, [{ from: reported(dir, "releases/1403/copy.md"), to: reported(dir, GOOD_FILE) }]);
    assert.equal(await readFile(path.join(dir, ...GOOD_FILE.split("/")), "utf8"), GOOD);
    assert.equal(await readFile(path.join(dir, "releases", "1403", "copy.md"), "utf8"), other);
  });

  test("a link to a file that is not in content/ is an error (a reader would find nothing there)", async () => {
    const dir = await folder({ [GOOD_FILE]: GOOD.replace("متن خبر درست است.", "[پیوست](/docs/x.pdf)") });
    const problems = (await lintArchive(dir, NOW)).problems;
    assert.deepEqual(problems.map(({ line, field, severity }) => ({ line, field, severity })), [{ line: 7, field: "text", severity: "error" }]);
    assert.match(problems[0]!.message.en, /^the link \/docs\/x\.pdf goes to neither a file of the content folder nor a page of this site/);
    assert.match(problems[0]!.message.fa, /^پیوند \/docs\/x\.pdf به چیزی می‌رود که نه فایلی در پوشهٔ content است و نه صفحه‌ای از این سایت/);
  });

  test("a link to a missing attachment of content/files/ is an error naming its line and field; one that is there, of its type, is not", async () => {
    const dir = await folder({
      [GOOD_FILE]: GOOD.replace("متن خبر درست است.", "[بخشنامه](/files/1403/bakhshname.pdf) و [جدول](/files/jadval.xlsx) و [بسته](/files/baste.zip)"),
      "files/1403/bakhshname.pdf": "%PDF-1.4\n",
      "files/baste.zip": "PK\x03\x04rest",
    });
    const problems = (await lintArchive(dir, NOW)).problems;
    assert.deepEqual(
      problems.map(({ line, field, severity, message }) => ({ line, field, severity, en: message.en })),
      [{ line: 7, field: "text", severity: "error", en: `the file /files/jadval.xlsx is missing: put it in ${path.join(dir, "files")}/ or correct the name` }],
    );
    assert.equal(problems[0]!.message.fa, `فایل /files/jadval.xlsx پیدا نمی‌شود: آن را در ${path.join(dir, "files")}/ بگذارید یا نامش را درست کنید.`);
  });

  test("isSitePage: every address the site makes is a page; anything else is not", () => {
    const pages = [
      "/",
      "/index.html",
      LATEST_NEWS_URL,
      `${LATEST_NEWS_URL}page/2/`,
      ARCHIVE_URL,
      yearUrl(1403),
      monthUrl(1403, 2),
      `${monthUrl(1403, 2)}page/3/`,
      ...Object.values(TERM_SECTION_URLS),
      termUrl("tag", "روابط-عمومی"),
      `${termUrl("county", "ری")}page/2/`,
      `${termUrl("county", "ری")}feed.xml`,
      `${termUrl("tag", "نشست")}feed.json`,
      termUrl("organization", "استانداری-تهران"),
      `${termUrl("organization", "استانداری-تهران")}feed.xml`,
      termUrl("type", "notice"),
      `${termUrl("type", "photo-report")}page/2/`,
      `${termUrl("type", "notice")}feed.json`,
      releaseUrl(149840),
      releaseUrl(149840, "en"),
      "/News/149840/",
      "/search/",
      "/search/?q=نشست",
      "/en/",
      "/en/search/",
      "/en/feed.xml",
      "/feed.xml",
      "/feed.json",
      "/sitemap.xml",
      "/sitemap-news.xml",
      "/robots.txt",
      "/archive/1403",
      "/tags/نشست#list",
    ];
    for (const page of pages) assert.equal(isSitePage(page), true, page);
    for (const address of ["/files/x.pdf", "/about/", "/about", "/img/x.jpeg", "/news/abc/", "/archive/97/", "/organizations/x/feed.txt", "/en/news/"]) {
      assert.equal(isSitePage(address), false, address);
    }
  });
});

describe("bad text in npm run check: errors the build shares, warnings it prints", () => {
  /** Persian text that Windows-1256 can hold and that has nothing for the typography fixes. */
  const WINDOWS_TEXT = "---\nid: 20\ntitle: نشست شورا\ndate: 1403/02/23 10:30\n---\n\nاستاندار گفت: کار به پاسخ رسد.\n";
  /** `file`: where the release belongs (releases/<year>/<id>.md), GOOD's unless said; `message`: the English text. */
  const rows: Array<{ name: string; file?: string; source: string | Uint8Array; problem: { line: number; severity: string; field: string; fixable: boolean; message: RegExp } }> = [
    {
      name: "a Windows-1256 file is an error that --fix corrects",
      file: "releases/1403/20.md",
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
      file: "releases/1583/10.md",
      source: GOOD.replace("date: 1403/02/23 10:30", "date: 2204-05-12"),
      problem: { line: 4, severity: "warning", field: "date", fixable: false, message: /^the date is more than a year after this build \(1403\/03\/12 12:00\): the release is embargoed until 1583\/02\/22 00:00; if the year is a typo, correct it$/ },
    },
    {
      name: "a date before the archive's first year is a warning",
      file: "releases/1303/10.md",
      source: GOOD.replace("date: 1403/02/23 10:30", "date: 1303/02/23"),
      problem: { line: 4, severity: "warning", field: "date", fixable: false, message: /^the date 1303\/02\/23 00:00 is before 1370, the archive's first year \(AKHBAR_FIRST_YEAR\)/ },
    },
  ];
  for (const row of rows) {
    test(row.name, async () => {
      const dir = await folder({});
      const name = row.file ?? GOOD_FILE;
      await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
      await writeFile(path.join(dir, name), row.source);
      const report = await lintArchive(dir, NOW, 1370);
      assert.equal(report.problems.length, 1, JSON.stringify(report.problems));
      const { file, message, ...rest } = report.problems[0]!;
      assert.equal(file, reported(dir, name));
      const { message: expected, ...expectedRest } = row.problem;
      assert.deepEqual(rest, expectedRest);
      assert.match(message.en, expected);
      assert.notEqual(message.fa, message.en, "the message has a Persian text");
    });
  }

  test("--fix converts a Windows-1256 file to UTF-8 losing nothing, once", async () => {
    const dir = await folder({ [GOOD_FILE]: GOOD });
    const bytes = encodeWindows1256(WINDOWS_TEXT)!;
    await writeFile(path.join(dir, "releases", "1403", "20.md"), bytes);
    const first = await fixArchive(dir, NOW);
    assert.deepEqual(first, { changed: [], converted: [{ file: reported(dir, "releases/1403/20.md"), from: "Windows-1256" }], refused: [], moved: [], notMoved: [], halfSpaces: [] });
    const written = await readFile(path.join(dir, "releases", "1403", "20.md"));
    assert.deepEqual(written, Buffer.from(WINDOWS_TEXT), "the file is the same text in UTF-8");
    assert.deepEqual(encodeWindows1256(written.toString("utf8")), bytes, "every character gives back its byte");
    assert.deepEqual(await fixArchive(dir, NOW), { changed: [], converted: [], refused: [], moved: [], notMoved: [], halfSpaces: [] });
    assert.deepEqual((await lintArchive(dir, NOW)).problems, []);
  });

  test("--fix converts a Windows-1256 file and then fixes its Arabic letters, words unchanged", async () => {
    const text = "---\nid: 21\ntitle: نشست شوراي اداري\ndate: 1403/02/23 10:30\n---\n\nآيا کار پيش مي‌رود؟\n";
    const dir = await folder({});
    await mkdir(path.join(dir, "releases", "1403"), { recursive: true });
    await writeFile(path.join(dir, "releases", "1403", "21.md"), encodeWindows1256(text)!);
    const report = await fixArchive(dir, NOW);
    assert.deepEqual(report.converted.map(({ from }) => from), ["Windows-1256"]);
    assert.deepEqual(report.changed, [reported(dir, "releases/1403/21.md")]);
    const written = await readFile(path.join(dir, "releases", "1403", "21.md"), "utf8");
    assert.equal(written, text.replaceAll("ي", "ی").replace("title: نشست شورای اداری", 'title: "نشست شورای اداری"'));
    const words = (source: string) => { const parsed = parseFrontMatter(source); return textFingerprint(JSON.stringify(parsed.data) + parsed.body); };
    assert.equal(words(written), words(text));
    assert.deepEqual((await lintArchive(dir, NOW)).problems, []);
  });

  test("--fix leaves control characters and unconvertible bytes to the editor", async () => {
    const dir = await folder({ [GOOD_FILE]: GOOD.replace("متن", "متن\u0007") });
    const bytes = Buffer.concat([Buffer.from(GOOD), Buffer.from([0xff])]);
    await writeFile(path.join(dir, "releases", "1403", "2.md"), bytes);
    assert.deepEqual(await fixArchive(dir, NOW), { changed: [], converted: [], refused: [], moved: [], notMoved: [], halfSpaces: [] });
    assert.equal(await readFile(path.join(dir, ...GOOD_FILE.split("/")), "utf8"), GOOD.replace("متن", "متن\u0007"));
    assert.deepEqual(await readFile(path.join(dir, "releases", "1403", "2.md")), bytes);
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
    {
      name: "organization and county: letters fixed and quoted, a comment after the value kept",
      source: "---\nid: 1\ntitle: خبر\ndate: 1403/02/23\ncounty: ري # از فهرست\norganization: استانداري تهران\n---\nمتن\n",
      fixed: '---\nid: 1\ntitle: خبر\ndate: 1403/02/23\ncounty: "ری" # از فهرست\norganization: "استانداری تهران"\n---\nمتن\n',
    },
    {
      name: "tags one per line: each item fixed on its line, its indentation kept",
      source: '---\nid: 1\ntitle: خبر\ndate: 1403/02/23\ntags:\n  - نشست ها\n  - درست\n  -   "روابط عمومي"\n---\nمتن\n',
      fixed: `---\nid: 1\ntitle: خبر\ndate: 1403/02/23\ntags:\n  - "نشست${Z}ها"\n  - درست\n  - "روابط عمومی"\n---\nمتن\n`,
    },
    {
      name: "tags on the tags: line: written again whole",
      source: "---\nid: 1\ntitle: خبر\ndate: 1403/02/23\ntags: [نشست ها, روابط عمومي] # دو برچسب\n---\nمتن\n",
      fixed: `---\nid: 1\ntitle: خبر\ndate: 1403/02/23\ntags: ["نشست${Z}ها", "روابط عمومی"] # دو برچسب\n---\nمتن\n`,
    },
    {
      name: "a list over several lines is left to the editor",
      source: "---\nid: 1\ntitle: خبر\ndate: 1403/02/23\ntags: [نشست,\n  روابط عمومي]\n---\nمتن\n",
      fixed: "---\nid: 1\ntitle: خبر\ndate: 1403/02/23\ntags: [نشست,\n  روابط عمومي]\n---\nمتن\n",
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
      // Never a word lost: the fingerprint (words without spacing, in one script of letters and digits) is the original's.
      const words = (text: string) => { try { const parsed = parseFrontMatter(text); return textFingerprint(JSON.stringify(parsed.data) + parsed.body); } catch { return textFingerprint(text); } };
      assert.equal(words(fixed), words(row.source));
    });
  }

  test("unsafeFix refuses a change of words or a file made invalid, saying so in both languages", () => {
    assert.deepEqual(unsafeFix("x.md", GOOD, GOOD.replace("درست است", "درست"), NOW), { fa: "درست کردن، واژه‌ها را تغییر می‌داد", en: "the fix would change words" });
    assert.deepEqual(unsafeFix("x.md", GOOD, GOOD.replace("title: خبر درست", "title: خبر : درست"), NOW), { fa: "فایل درست‌شده معتبر نمی‌شد", en: "the fixed file would not be valid" });
    assert.equal(UNSAFE_FIX.words.en, "the fix would change words");
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
    // Give the copy the typography of the old website: every half-space lost, Arabic letters (in the
    // text, the organization, the county and the tags too), stray spaces.
    const arabic = (text: string) => text.replaceAll("ی", "ي").replaceAll("ک", "ك");
    const files = await findReleaseFiles(dir);
    for (const [position, file] of files.entries()) {
      const text = await readFile(file, "utf8");
      const parsed = parseFrontMatter(text);
      const head = text
        .slice(0, text.length - parsed.body.length)
        .split("\n")
        .map((line) => (/^(?:organization|county):|^\s+- /.test(line) ? arabic(line) : line))
        .join("\n");
      // Half the releases also lose the half-space of «روابط‌عمومی», which the others keep.
      const compounds = position % 2 === 0 ? parsed.body.replaceAll(`روابط${Z}عمومی`, "روابط عمومی") : parsed.body;
      const messy = compounds.replaceAll("ی", "ي").replaceAll("ک", "ك").replaceAll(`${Z}ها`, " ها").replaceAll(`می${Z}`, "می ").replaceAll(".\n", " .\n");
      await writeFile(file, head + messy);
    }
    const before = await fingerprints(dir);
    const messyReport = await lintArchive(dir, NOW);
    assert.ok(messyReport.problems.filter((problem) => problem.fixable).length >= 50, "the messy copy should have many typography warnings");

    const first = await fixArchive(dir, NOW);
    assert.equal(first.refused.length, 0, JSON.stringify(first.refused));
    assert.ok(first.changed.length >= 10, `${first.changed.length} files changed`);
    // Compounds too: half the copy writes «روابط عمومی» where the other half writes «روابط‌عمومی».
    assert.ok(first.halfSpaces.some(({ repairs }) => repairs.some(({ to }) => to === `روابط${Z}عمومی`)), JSON.stringify(first.halfSpaces.length));
    const once = await snapshot(dir);
    const second = await fixArchive(dir, NOW);
    assert.deepEqual(second, { changed: [], converted: [], refused: [], moved: [], notMoved: [], halfSpaces: [] });
    assert.deepEqual(await snapshot(dir), once);
    assert.deepEqual(await fingerprints(dir), before);

    const report = await lintArchive(dir, NOW);
    assert.deepEqual(report.problems.filter((problem) => problem.fixable), []);
    assert.deepEqual(report.problems.filter((problem) => problem.severity === "error"), []);
    for (const [file, text] of once) assert.deepEqual(typographyIssues(parseFrontMatter(text).body).filter((issue) => issue.rule === "arabic-letter"), [], file);
  });
});

describe("npm run check (the command): Persian by default, English under AKHBAR_LANG=en", () => {
  const PERSIAN = { AKHBAR_LANG: "" };
  const ENGLISH = { AKHBAR_LANG: "en" };
  const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

  test("the sample content/ passes: exit 0, no error, no warning", async () => {
    const run = await runScript("check.ts", [], PERSIAN);
    assert.equal(run.code, 0, run.out);
    assert.match(run.out, /^۱۶ خبر بررسی شد: ۰ خطا، ۰ هشدار\.$/m);
    const english = await runScript("check.ts", [], ENGLISH);
    assert.equal(english.code, 0, english.out);
    assert.match(english.out, /^Checked 16 releases: 0 errors, 0 warnings\.$/m);
  });

  test("errors exit 1 with file:line lines; --fix corrects the warnings and reports what it changed", async () => {
    const dir = await folder({
      "releases/1403/1.md": "---\nid: 1\ntitle: خبر\ndate: 1403/02/23\n---\n\nجلسه ای [پیوند](/news/5/)\n",
    });
    const file = reported(dir, "releases/1403/1.md");
    const check = await runScript("check.ts", ["--input", dir], PERSIAN);
    assert.equal(check.code, 1, check.out);
    assert.ok(check.out.includes(`  ${file}:7  خطا [متن خبر] پیوند /news/5/ به خبر ۵ می‌رود، که در آرشیو نیست`), check.out);
    assert.ok(check.out.includes(`  ${file}:7  هشدار [متن خبر] «جلسه ای» نیم‌فاصله می‌خواهد`), check.out);
    assert.match(check.out, /^۱ خبر بررسی شد: ۱ خطا، ۱ هشدار \(۱ مورد را npm run check -- --fix درست می‌کند\)\.$/m);
    const english = await runScript("check.ts", ["--input", dir], ENGLISH);
    assert.ok(english.out.includes(`  ${file}:7  error [text] the link /news/5/ goes to release 5, which does not exist`), english.out);
    assert.ok(english.out.includes(`  ${file}:7  warning [text] «جلسه ای» needs a half-space`), english.out);
    assert.match(english.out, /^Checked 1 release: 1 error, 1 warning \(1 fixed by `npm run check -- --fix`\)\.$/m);

    const fix = await runScript("check.ts", ["--input", dir, "--fix"], PERSIAN);
    assert.equal(fix.code, 1, fix.out);
    assert.match(fix.out, new RegExp(`^درست شد: ${escape(file)}$`, "m"));
    assert.match(fix.out, /^۱ خبر بررسی شد: ۱ خطا، ۰ هشدار\.$/m);
    assert.equal(await readFile(path.join(dir, "releases", "1403", "1.md"), "utf8"), `---\nid: 1\ntitle: خبر\ndate: 1403/02/23\n---\n\nجلسه${Z}ای [پیوند](/news/5/)\n`);
  });

  test("--fix says which file it converted, fixed and moved", async () => {
    const dir = await folder({ "releases/1402/x.md": "---\nid: 2\ntitle: خبر\ndate: 1403/02/23\n---\n\nجلسه ای.\n" });
    await writeFile(path.join(dir, "releases", "1402", "1.md"), encodeWindows1256("---\nid: 1\ntitle: نشست\ndate: 1403/02/23\n---\n\nمتن.\n")!);
    const [one, two] = [reported(dir, "releases/1402/1.md"), reported(dir, "releases/1402/x.md")];
    const [movedOne, movedTwo] = [reported(dir, "releases/1403/1.md"), reported(dir, "releases/1403/2.md")];
    const check = await runScript("check.ts", ["--input", dir], ENGLISH);
    assert.equal(check.code, 1, check.out);
    assert.ok(check.out.includes(`  ${one}:3  error [encoding] the file is not saved as UTF-8: it is Windows-1256`), check.out);
    assert.ok(check.out.includes(`  ${two}:2  warning [id] the file is named x.md but the release's id is 2`), check.out);
    assert.match(check.out, /^Checked 2 releases: 1 error, 3 warnings \(4 fixed by `npm run check -- --fix`\)\.$/m);
    const fix = await runScript("check.ts", ["--input", dir, "--fix"], PERSIAN);
    assert.equal(fix.code, 0, fix.out);
    const lines = fix.out.split("\n");
    assert.ok(lines.includes(`به UTF-8 تبدیل شد (از Windows-1256): ${one}`), fix.out);
    assert.ok(lines.includes(`درست شد: ${two}`), fix.out);
    assert.ok(lines.includes(`جابه‌جا شد: از ${one} به ${movedOne}`), fix.out);
    assert.ok(lines.includes(`جابه‌جا شد: از ${two} به ${movedTwo}`), fix.out);
    assert.match(fix.out, /^۲ خبر بررسی شد: ۰ خطا، ۰ هشدار\.$/m);
    assert.equal(await readFile(path.join(dir, "releases", "1403", "2.md"), "utf8"), `---\nid: 2\ntitle: خبر\ndate: 1403/02/23\n---\n\nجلسه${Z}ای.\n`);
  });

  test("--fix in English says what it did", async () => {
    const dir = await folder({ "releases/x.md": GOOD });
    const fix = await runScript("check.ts", ["--input", dir, "--fix"], ENGLISH);
    assert.equal(fix.code, 0, fix.out);
    assert.ok(fix.out.includes(`moved ${reported(dir, "releases/x.md")} to ${reported(dir, GOOD_FILE)}`), fix.out);
  });

  test("an AKHBAR_FIRST_YEAR that is not a Jalali year exits 2 with a message", async () => {
    const run = await runScript("check.ts", [], { ...ENGLISH, AKHBAR_FIRST_YEAR: "1990" });
    assert.equal(run.code, 2, run.out);
    assert.match(run.out, /AKHBAR_FIRST_YEAR must be a Jalali year such as 1370/);
  });

  test("a content folder that does not exist exits 2 with a message", async () => {
    const missing = path.join(tmpdir(), "akhbar-no-such-folder");
    const run = await runScript("check.ts", ["--input", missing], PERSIAN);
    assert.equal(run.code, 2, run.out);
    assert.equal(run.out.trim(), `پوشهٔ محتوا ${missing} پیدا نشد: نام پوشه را درست بنویسید، مثلاً npm run check -- --input content`);
    const english = await runScript("check.ts", ["--input", missing], ENGLISH);
    assert.equal(english.out.trim(), `the content folder ${missing} does not exist (no such file or directory): correct its name, e.g. npm run check -- --input content`);
  });

  test("--help prints what check does and its options, exit 0", async () => {
    const help = await runScript("check.ts", ["--help"], PERSIAN);
    assert.equal(help.code, 0, help.out);
    assert.equal(help.out.split("\n")[0], "نحوهٔ اجرا: npm run check [-- --fix] [-- --input <پوشهٔ محتوا>]");
    assert.match(help.out, /^ {2}--fix {6}پیش از بررسی، آنچه بی‌خطر درست‌شدنی است درست می‌کند/m);
    const english = await runScript("check.ts", ["-h"], ENGLISH);
    assert.equal(english.code, 0, english.out);
    assert.match(english.out, /^ {2}--fix {6}first applies the safe fixes/m);
  });

  test("a mistyped option exits 2, naming it, with the usage", async () => {
    const run = await runScript("check.ts", ["--fxi"], PERSIAN);
    assert.equal(run.code, 2, run.out);
    assert.equal(run.out.trim(), "گزینهٔ --fxi شناخته نیست: املای آن را بررسی کنید (گزینه‌های درست در سطر زیر آمده‌اند)\nنحوهٔ اجرا: npm run check [-- --fix] [-- --input <پوشهٔ محتوا>]");
    const english = await runScript("check.ts", ["--input"], ENGLISH);
    assert.equal(english.code, 2, english.out);
    assert.equal(english.out.trim(), 'the option --input needs a value: write it after the option, e.g. --input "…"\nUsage: npm run check [-- --fix] [-- --input <content folder>]');
  });
});
