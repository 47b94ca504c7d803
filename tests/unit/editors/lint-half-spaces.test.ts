/**
 * `npm run check` and `check --fix` (src/editors/lint.ts) on compounds that lost their half-space
 * (issue 23): a small archive where two releases write «روابط‌عمومی» and «تجربه‌نگاری» with a
 * half-space and a third writes them joined and with a space. The rules themselves are
 * tests/unit/persian/half-space-repair.test.ts's.
 */
import { after, describe, test } from "node:test";
import assert from "node:assert/strict";
import { readFile, rm } from "node:fs/promises";
import path from "node:path";
import { DateTime } from "luxon";
import { parseFrontMatter } from "../../../src/content/front-matter.js";
import { fixArchive, lintArchive } from "../../../src/editors/lint.js";
import { halfSpacesWritten } from "../../../src/messages/editors.js";
import { textFingerprint } from "../../../src/persian/typography.js";
import { folderWith, runNode } from "../../support/run.js";

const Z = "\u200C";
const NOW = DateTime.fromISO("2024-06-01T12:00:00+03:30", { setZone: true });
const FIX_FA = "(دستور npm run check -- --fix آن را درست می‌کند)";
const FIX_EN = "(npm run check -- --fix corrects it)";

const created: string[] = [];
after(async () => {
  await Promise.all(created.map((dir) => rm(dir, { recursive: true, force: true })));
});

/** The two releases that write the compounds with a half-space; «به‌روز» only once. */
const TEACHERS = {
  "releases/1403/1.md": `---\nid: 1\ntitle: نشست روابط${Z}عمومی استان\ndate: 1403/02/01 10:00\n---\n\nمدیرکل روابط${Z}عمومی گفت: تجربه${Z}نگاری در بخشداری${Z}ها پیگیری می${Z}شود.\n`,
  "releases/1403/2.md": `---\nid: 2\ntitle: تجربه${Z}نگاری در روابط${Z}عمومی${Z}ها\ndate: 1403/02/02 10:00\n---\n\nسامانه به${Z}روز شد.\n`,
};

/** The release that lost them: joined in the title and the text, spaced in the lead and the text. */
const LOST = [
  "---",
  "id: 3",
  `title: نشست روابطعمومی بخشداری${Z}ها`,
  "date: 1403/02/03 10:00",
  "lead: مدیرکل روابط عمومی استانداری",
  "organization: روابط عمومی استانداری تهران",
  "tags:",
  "  - روابط عمومی",
  "---",
  "",
  `تجربهنگاری در روابط عمومی${Z}ها پیگیری شد.`,
  "",
  "سامانه بهروز شد و `روابط عمومی` در کد و [پیوند](/news/1/?q=روابطعمومی) ماند.",
  "",
].join("\n");
const LOST_FILE = "releases/1403/3.md";

async function archive(files: Record<string, string> = {}): Promise<string> {
  const dir = await folderWith({ ...TEACHERS, [LOST_FILE]: LOST, ...files }, "akhbar-unit-lint-half-spaces-");
  created.push(dir);
  return dir;
}

const reported = (dir: string, name: string) => path.relative(process.cwd(), path.join(dir, ...name.split("/"))).split(path.sep).join("/");
const words = (source: string) => {
  const parsed = parseFrontMatter(source);
  return textFingerprint(JSON.stringify({ ...parsed.data, date: String(parsed.data.date) }) + parsed.body);
};

describe("npm run check warns of compounds the archive writes with a half-space elsewhere", () => {
  test("each compound written joined or with a space: its file, line and field, as written and as it should be", async () => {
    const dir = await archive();
    const report = await lintArchive(dir, NOW);
    const file = reported(dir, LOST_FILE);
    assert.deepEqual(
      report.problems.map(({ file, line, field, severity, fixable, message }) => ({ file, line, field, severity, fixable, message: message.fa })),
      [
        {
          file,
          line: 3,
          field: "title",
          severity: "warning",
          fixable: true,
          message: `«روابطعمومی» چسبیده نوشته شده است، اما خبرهای آرشیو این ترکیب را با نیم‌فاصله می‌نویسند: «روابط${Z}عمومی» بنویسید ${FIX_FA}`,
        },
        {
          file,
          line: 5,
          field: "lead",
          severity: "warning",
          fixable: true,
          message: `«روابط عمومی» با فاصله نوشته شده است، اما خبرهای آرشیو این ترکیب را با نیم‌فاصله می‌نویسند: «روابط${Z}عمومی» بنویسید ${FIX_FA}`,
        },
        {
          file,
          line: 11,
          field: "text",
          severity: "warning",
          fixable: true,
          message: `«تجربهنگاری» چسبیده نوشته شده است، اما خبرهای آرشیو این ترکیب را با نیم‌فاصله می‌نویسند: «تجربه${Z}نگاری» بنویسید ${FIX_FA}`,
        },
        {
          file,
          line: 11,
          field: "text",
          severity: "warning",
          fixable: true,
          message: `«روابط عمومی${Z}ها» با فاصله نوشته شده است، اما خبرهای آرشیو این ترکیب را با نیم‌فاصله می‌نویسند: «روابط${Z}عمومی${Z}ها» بنویسید ${FIX_FA}`,
        },
      ],
    );
    // English under AKHBAR_LANG=en, naming the same words.
    assert.equal(
      report.problems[0]!.message.en,
      `«روابطعمومی» is written joined, but the archive's releases write this compound with a half-space (نیم‌فاصله): write «روابط${Z}عمومی» ${FIX_EN}`,
    );
  });

  test("the command prints each warning with file:line and the field in the editor's words", async () => {
    const dir = await archive();
    const file = reported(dir, LOST_FILE);
    const { code, log } = await runNode(["scripts/check.ts", "--input", dir], { AKHBAR_LANG: "" });
    assert.equal(code, 0, log);
    assert.ok(log.includes(`  ${file}:3  هشدار [عنوان (title)] «روابطعمومی» چسبیده نوشته شده است`), log);
    assert.ok(log.includes(`  ${file}:11  هشدار [متن خبر] «تجربهنگاری» چسبیده نوشته شده است`), log);
    assert.match(log, /^۳ خبر بررسی شد: ۰ خطا، ۴ هشدار \(۴ مورد را npm run check -- --fix درست می‌کند\)\.$/m);
  });
});

describe("npm run check -- --fix writes the half-spaces the archive knows, and only those", () => {
  test("the compounds get their half-space in the title, the lead and the text; names, tags, code and links stay as written", async () => {
    const dir = await archive();
    const report = await fixArchive(dir, NOW);
    const file = reported(dir, LOST_FILE);
    assert.deepEqual(report.changed, [file]);
    assert.deepEqual(report.refused, []);
    assert.deepEqual(
      report.halfSpaces.map(({ file, repairs }) => ({ file, repairs: repairs.map(({ from, to }) => ({ from, to })) })),
      [
        {
          file,
          repairs: [
            { from: "روابطعمومی", to: `روابط${Z}عمومی` },
            { from: "روابط عمومی", to: `روابط${Z}عمومی` },
            { from: "تجربهنگاری", to: `تجربه${Z}نگاری` },
            { from: `روابط عمومی${Z}ها`, to: `روابط${Z}عمومی${Z}ها` },
          ],
        },
      ],
    );
    const fixed = await readFile(path.join(dir, ...LOST_FILE.split("/")), "utf8");
    assert.equal(
      fixed,
      LOST.replace(`title: نشست روابطعمومی بخشداری${Z}ها`, `title: "نشست روابط${Z}عمومی بخشداری${Z}ها"`)
        .replace("lead: مدیرکل روابط عمومی استانداری", `lead: "مدیرکل روابط${Z}عمومی استانداری"`)
        .replace(`تجربهنگاری در روابط عمومی${Z}ها`, `تجربه${Z}نگاری در روابط${Z}عمومی${Z}ها`),
    );
    assert.equal(words(fixed), words(LOST), "every word kept");
    // The releases that taught the compounds are as they were.
    for (const [name, source] of Object.entries(TEACHERS)) assert.equal(await readFile(path.join(dir, ...name.split("/")), "utf8"), source);
    assert.deepEqual((await lintArchive(dir, NOW)).problems, []);
    assert.deepEqual(await fixArchive(dir, NOW), { changed: [], converted: [], refused: [], moved: [], notMoved: [], halfSpaces: [] });
  });

  test("a word the archive does not know as a compound is untouched: «بهروز», written «به‌روز» once", async () => {
    const once = await archive();
    await fixArchive(once, NOW);
    assert.ok((await readFile(path.join(once, ...LOST_FILE.split("/")), "utf8")).includes("سامانه بهروز شد"));
    // Written with the half-space a second time, the archive knows it.
    const twice = await archive({ "releases/1403/4.md": `---\nid: 4\ntitle: سامانه\ndate: 1403/02/04 10:00\n---\n\nسامانه به${Z}روز است.\n` });
    const report = await fixArchive(twice, NOW);
    assert.ok(report.halfSpaces[0]!.repairs.some(({ from, to }) => from === "بهروز" && to === `به${Z}روز`), JSON.stringify(report.halfSpaces));
    assert.ok((await readFile(path.join(twice, ...LOST_FILE.split("/")), "utf8")).includes(`سامانه به${Z}روز شد`));
  });

  test("a compound written with a half-space once in the whole archive is left to the editor; twice, even in one release, it is known", async () => {
    const dir = await folderWith(
      {
        "releases/1403/1.md": TEACHERS["releases/1403/1.md"],
        "releases/1403/3.md": `---\nid: 3\ntitle: نشست\ndate: 1403/02/03 10:00\n---\n\nروابطعمومی و آتش نشانی و آتشنشانی.\n`,
        "releases/1403/5.md": `---\nid: 5\ntitle: آتش${Z}نشانی\ndate: 1403/02/05 10:00\n---\n\nمتن.\n`,
      },
      "akhbar-unit-lint-half-spaces-",
    );
    created.push(dir);
    // «روابط‌عمومی» twice (title and text of one release) is known; «آتش‌نشانی» once is not.
    const report = await fixArchive(dir, NOW);
    assert.deepEqual(report.halfSpaces.flatMap(({ repairs }) => repairs.map(({ from }) => from)), ["روابطعمومی"]);
    assert.ok((await readFile(path.join(dir, "releases", "1403", "3.md"), "utf8")).includes(`روابط${Z}عمومی و آتش نشانی و آتشنشانی.`));
  });

  test("the fix report says how many compounds of which file got their half-space, and which", async () => {
    const dir = await archive();
    const report = await fixArchive(dir, NOW);
    const [entry] = report.halfSpaces;
    const file = reported(dir, LOST_FILE);
    assert.deepEqual(halfSpacesWritten(entry!.file, entry!.repairs), {
      fa: `نیم‌فاصلهٔ ۴ ترکیب نوشته شد: ${file} («روابطعمومی» ← «روابط${Z}عمومی»، «روابط عمومی» ← «روابط${Z}عمومی»، «تجربهنگاری» ← «تجربه${Z}نگاری»، …)`,
      en: `wrote the half-space of 4 compounds in ${file} («روابطعمومی» → «روابط${Z}عمومی», «روابط عمومی» → «روابط${Z}عمومی», «تجربهنگاری» → «تجربه${Z}نگاری», …)`,
    });
    // The same compound written the same way twice is named once, and counted twice.
    assert.deepEqual(halfSpacesWritten("a.md", [{ from: "روابطعمومی", to: `روابط${Z}عمومی` }, { from: "روابطعمومی", to: `روابط${Z}عمومی` }]), {
      fa: `نیم‌فاصلهٔ ۲ ترکیب نوشته شد: a.md («روابطعمومی» ← «روابط${Z}عمومی»)`,
      en: `wrote the half-space of 2 compounds in a.md («روابطعمومی» → «روابط${Z}عمومی»)`,
    });
  });

  test("a file --fix changes keeps every word: the compounds' half-spaces pass the fingerprint guard", async () => {
    const dir = await archive();
    const report = await fixArchive(dir, NOW);
    assert.deepEqual(report.refused, []);
    const after = await readFile(path.join(dir, ...LOST_FILE.split("/")), "utf8");
    assert.notEqual(after, LOST);
    assert.equal(after.replace(/[\s\u200C"]+/g, ""), LOST.replace(/[\s\u200C"]+/g, ""), "only spaces, half-spaces and a value's quotes changed");
  });
});
