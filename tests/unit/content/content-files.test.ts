/**
 * Unit tests for src/content/content-files.ts: what the content folder may hold (everything else is
 * a problem naming the file), and the one reading of an address such as /images/photo.jpg that the
 * build and `npm run check` share.
 */
import { test, describe, after } from "node:test";
import assert from "node:assert/strict";
import { mkdir, rm, symlink, writeFile } from "node:fs/promises";
import path from "node:path";
import {
  ATTACHMENT_EXTENSIONS,
  ATTACHMENT_TYPES,
  CONTENT_FILE_FOLDERS,
  FILES_EXTENSIONS,
  PICTURE_EXTENSIONS,
  attachmentProblem,
  attachmentType,
  contentFileKind,
  isContentAddress,
  isReleaseLocation,
  resolveContentAddress,
  scanContentFolder,
  type AddressUse,
} from "../../../src/content/content-files.js";
import { inputPathKey } from "../../../src/content/release.js";
import { folderWith, repoRoot } from "../../support/run.js";

const created: string[] = [];
after(async () => {
  await Promise.all(created.map((dir) => rm(dir, { recursive: true, force: true })));
});

async function contentFolder(files: Record<string, string>): Promise<string> {
  const dir = await folderWith(files, "akhbar-unit-content-files-");
  created.push(dir);
  return dir;
}

const key = (dir: string, name: string) => inputPathKey(path.join(dir, ...name.split("/")));

/** The problems of a scan, as `name → the start of its message`. */
async function problemsOf(dir: string, skipHidden = false): Promise<Record<string, string>> {
  const scan = await scanContentFolder(dir, { skipHidden });
  for (const problem of scan.problems) {
    assert.equal(problem.line, 0, "a problem with a file is not on a line of it");
    assert.equal(problem.field, "file");
  }
  return Object.fromEntries(scan.problems.map((problem) => [path.relative(dir, problem.file).split(path.sep).join("/"), problem.message.en.split(":")[0]!]));
}

/** The problems of a scan in Persian, as `name → its message`. */
async function persianProblemsOf(dir: string): Promise<Record<string, string>> {
  const scan = await scanContentFolder(dir);
  return Object.fromEntries(scan.problems.map((problem) => [path.relative(dir, problem.file).split(path.sep).join("/"), problem.message.fa]));
}

const NOT_PART = "is not part of the archive (nothing in the content folder is ever run)";
const HIDDEN = "hidden files and folders are not part of the archive";

describe("scanContentFolder: the content folder holds releases and the files they use, nothing else", () => {
  test("code and templates planted anywhere are each named, with the reason; releases and pictures are found", async () => {
    const dir = await contentFolder({
      "releases/1403/1.md": "release",
      "top.md": "a release at the top, as today",
      "images/photo.JPG": "a picture (the extension in capitals, as cameras write it)",
      "images/1403/drawing.svg": "<svg/>",
      "images/statement.pdf": "%PDF-",
      "images/.gitkeep": "",
      ".gitignore": "",
      "releases/zz/evil.11ty.js": "export default {}",
      "releases/zz/evil.11tydata.js": "export default {}",
      "_data/evil.js": "export default {}",
      "_includes/layout.njk": "{{ content }}",
      "releases/page.njk": "{{ 1 }}",
      "releases/raw.html": "<script></script>",
      "images/page.html": "<script></script>",
      "images/notes.md": "not a release: images/ holds pictures and attachments",
      "images/tool.exe": "MZ",
      "README": "no extension",
      ".htaccess": "AddHandler cgi-script .md",
      "releases/.eleventy.js": "export default {}",
      "node_modules/x/index.js": "",
    });
    assert.deepEqual(await problemsOf(dir), {
      "releases/zz/evil.11ty.js": `a .js file ${NOT_PART}`,
      "releases/zz/evil.11tydata.js": `a .js file ${NOT_PART}`,
      "_data/evil.js": `a .js file ${NOT_PART}`,
      "_includes/layout.njk": `a .njk file ${NOT_PART}`,
      "releases/page.njk": `a .njk file ${NOT_PART}`,
      "releases/raw.html": `a .html file ${NOT_PART}`,
      "images/page.html": "a .html file cannot be published",
      "images/notes.md": "a .md file cannot be published",
      "images/tool.exe": "a .exe file cannot be published",
      README: `a file without an extension ${NOT_PART}`,
      ".htaccess": HIDDEN,
      "releases/.eleventy.js": HIDDEN,
      node_modules: "a node_modules folder is not part of the archive",
    });
    const scan = await scanContentFolder(dir);
    assert.deepEqual(scan.releases, [key(dir, "releases/1403/1.md"), key(dir, "top.md")].sort());
    assert.deepEqual(
      [...scan.files].sort(),
      [
        ["/images/1403/drawing.svg", "picture"],
        ["/images/photo.JPG", "picture"],
        ["/images/statement.pdf", "attachment"],
      ],
    );
  });

  test("each problem is said in Persian too: what the file is, why it may not be there, and what to do", async () => {
    const dir = await contentFolder({ "releases/evil.js": "x", "images/page.html": "x", ".htaccess": "x", "node_modules/x/index.js": "" });
    await symlink("nowhere", path.join(dir, "releases", "linked.md"));
    const problems = await persianProblemsOf(dir);
    assert.match(problems["releases/evil.js"]!, /^فایل \.js جزو آرشیو نیست \(هیچ چیز در پوشهٔ محتوا اجرا نمی‌شود؛ .*\): آن را بردارید\.$/);
    assert.match(problems["images/page.html"]!, /^فایل \.html را نمی‌توان منتشر کرد: پوشهٔ images\/ تصویر \(jpg، jpeg، png، webp، avif، gif، svg\) و پیوست \(pdf، docx، xlsx\) نگه می‌دارد/);
    assert.match(problems[".htaccess"]!, /^فایل‌ها و پوشه‌های پنهان .* جزو آرشیو نیستند: آن را بردارید/);
    assert.match(problems["releases/linked.md"]!, /^این یک پیوند نمادین \(symbolic link\) به nowhere است: .*خود فایل را اینجا بگذارید، یا پیوند را بردارید\.$/);
    assert.match(problems.node_modules!, /^پوشهٔ node_modules جزو آرشیو نیست/);
  });

  test("the allowed types, and the files git keeps", async () => {
    const files: Record<string, string> = { ".gitattributes": "", "releases/.gitkeep": "", ".git/config": "[core]" };
    for (const extension of [...PICTURE_EXTENSIONS, ...ATTACHMENT_EXTENSIONS]) files[`images/a.${extension}`] = "";
    const dir = await contentFolder(files);
    assert.deepEqual(await problemsOf(dir), {});
    assert.equal((await scanContentFolder(dir)).files.size, PICTURE_EXTENSIONS.length + ATTACHMENT_EXTENSIONS.length);
  });

  test("a .git folder is passed over only at the top (a content folder that is a checkout of its own)", async () => {
    const dir = await contentFolder({ ".git/HEAD": "ref", "releases/.git/HEAD": "ref" });
    assert.deepEqual(await problemsOf(dir), { "releases/.git": HIDDEN });
  });

  test("the dev server passes over hidden files (editors' swap files), and nothing else", async () => {
    const dir = await contentFolder({ "releases/.1.md.swp": "swap", ".htaccess": "x", "releases/evil.js": "x" });
    await symlink("nowhere", path.join(dir, "releases", ".#1.md"));
    assert.deepEqual(await problemsOf(dir, true), { "releases/evil.js": `a .js file ${NOT_PART}` });
  });

  test("symbolic links are named, whatever they lead to, and never followed", async () => {
    const dir = await contentFolder({ "releases/1402/1.md": "release", "images/a.jpg": "" });
    const outside = await contentFolder({ "secret/config": "[core] token", "secret/x.md": "release" });
    await symlink(path.join(repoRoot, "package.json"), path.join(dir, "images", "cfg.txt"));
    await symlink(path.join(outside, "secret", "config"), path.join(dir, "images", "photo.jpg"));
    await symlink(path.join("..", "1402", "1.md"), path.join(dir, "releases", "linked.md"));
    await symlink(path.join(outside, "secret"), path.join(dir, "images", "shared"));
    await symlink(path.join(outside, "secret"), path.join(dir, "releases", "more"));
    const problems = await problemsOf(dir);
    assert.deepEqual(Object.keys(problems).sort(), ["images/cfg.txt", "images/photo.jpg", "images/shared", "releases/linked.md", "releases/more"]);
    for (const message of Object.values(problems)) assert.match(message, /^is a symbolic link \(to .+\)$/);
    const scan = await scanContentFolder(dir);
    assert.deepEqual(scan.releases, [key(dir, "releases/1402/1.md")], "nothing is read through a link");
    assert.deepEqual([...scan.files.keys()], ["/images/a.jpg"]);
  });

  test("a missing content folder is an error of its own (ENOENT)", async () => {
    const dir = await contentFolder({});
    await assert.rejects(scanContentFolder(path.join(dir, "missing")), { code: "ENOENT" });
  });
});

describe("resolveContentAddress: an address stays inside content/images/, for the build and check alike", () => {
  const rows: Array<[address: string, use: AddressUse, english: string, persian: string]> = [
    ["/images/photo.jpg", "picture", "ok /images/photo.jpg picture", "ok /images/photo.jpg picture"],
    ["/images/photo.jpg?v=2#top", "picture", "ok /images/photo.jpg picture", "ok /images/photo.jpg picture"],
    ["/images/%D8%B9%DA%A9%D8%B3%20%D9%86%D9%88.png", "picture", "ok /images/عکس نو.png picture", "ok /images/عکس نو.png picture"],
    ["/images/عکس نو.png", "picture", "ok /images/عکس نو.png picture", "ok /images/عکس نو.png picture"],
    ["/images/1403/drawing.svg", "picture", "ok /images/1403/drawing.svg picture", "ok /images/1403/drawing.svg picture"],
    ["/images/statement.pdf", "link", "ok /images/statement.pdf attachment", "ok /images/statement.pdf attachment"],
    ["/images/photo.jpg", "link", "ok /images/photo.jpg picture", "ok /images/photo.jpg picture"],
    ["/images/statement.pdf", "picture", "/images/statement.pdf is not a picture this site can show", "/images/statement.pdf تصویری نیست که این سایت بتواند نشان دهد"],
    ["/images/page.html", "link", "the file /images/page.html cannot be published", "فایل /images/page.html را نمی‌توان منتشر کرد"],
    ["/images/missing.jpg", "picture", "the picture /images/missing.jpg is missing", "تصویر /images/missing.jpg پیدا نمی‌شود"],
    ["/images/missing.pdf", "link", "the file /images/missing.pdf is missing", "فایل /images/missing.pdf پیدا نمی‌شود"],
    ["/images/photo.jpg/x.jpg", "picture", "the picture /images/photo.jpg/x.jpg is missing", "تصویر /images/photo.jpg/x.jpg پیدا نمی‌شود"],
    // Traversal, however it is written, never leaves content/images/.
    ["/images/../../node_modules/app-builder-lib/templates/icons/electron-linux/appIcon.png", "picture", "the picture /images/../../node_modules/app-builder-lib/templates/icons/electron-linux/appIcon.png must name a file inside", "تصویر /images/../../node_modules/app-builder-lib/templates/icons/electron-linux/appIcon.png باید فایلی درون"],
    ["/images/%2e%2e/%2e%2e/package.json.png", "picture", "the picture /images/../../package.json.png must name a file inside", "تصویر /images/../../package.json.png باید فایلی درون"],
    ["/images/1403/../photo.jpg", "picture", "the picture /images/1403/../photo.jpg must name a file inside", "تصویر /images/1403/../photo.jpg باید فایلی درون"],
    ["/images/./photo.jpg", "picture", "the picture /images/./photo.jpg must name a file inside", "تصویر /images/./photo.jpg باید فایلی درون"],
    ["/images//photo.jpg", "picture", "the picture /images//photo.jpg must name a file inside", "تصویر /images//photo.jpg باید فایلی درون"],
    ["/images/..\\..\\secret.png", "picture", "the picture /images/..\\..\\secret.png must name a file inside", "تصویر /images/..\\..\\secret.png باید فایلی درون"],
    ["/images/.hidden.png", "picture", "the picture /images/.hidden.png must name a file inside", "تصویر /images/.hidden.png باید فایلی درون"],
    ["/images/../images/photo.jpg", "picture", "the picture /images/../images/photo.jpg must name a file inside", "تصویر /images/../images/photo.jpg باید فایلی درون"],
    ["/images/1403", "link", "the file /images/1403 cannot be published", "فایل /images/1403 را نمی‌توان منتشر کرد"],
    ["/images/", "link", "the file /images/ must name a file inside", "فایل /images/ باید فایلی درون"],
    ["/images/folder.pdf", "link", "the file /images/folder.pdf is a folder, not a file", "فایل /images/folder.pdf پوشه است، نه فایل"],
    ["/releases/1.md", "picture", "the picture /releases/1.md is not under /images/", "تصویر /releases/1.md در /images/ نیست"],
    ["/../package.json.png", "picture", "the picture /../package.json.png is not under /images/", "تصویر /../package.json.png در /images/ نیست"],
    ["/images/linked/secret.png", "picture", "the picture /images/linked/secret.png is reached through a symbolic link (images/linked)", "تصویر /images/linked/secret.png از راه یک پیوند نمادین (images/linked) می‌رسد"],
    ["/images/link.png", "picture", "the picture /images/link.png is reached through a symbolic link (images/link.png)", "تصویر /images/link.png از راه یک پیوند نمادین (images/link.png) می‌رسد"],
  ];

  test("each address, as written, read the same way", async () => {
    const dir = await contentFolder({
      "images/photo.jpg": "",
      "images/عکس نو.png": "",
      "images/1403/drawing.svg": "",
      "images/statement.pdf": "%PDF-1.7",
      "images/page.html": "",
      "outside/secret.png": "",
      "images/folder.pdf/x.pdf": "%PDF-",
    });
    await symlink(path.join(dir, "outside"), path.join(dir, "images", "linked"));
    await symlink(path.join(dir, "outside", "secret.png"), path.join(dir, "images", "link.png"));
    for (const [address, use, english, persian] of rows) {
      const resolved = resolveContentAddress(dir, address, use);
      const shown = resolved.ok ? { en: `ok ${resolved.address} ${resolved.kind}`, fa: `ok ${resolved.address} ${resolved.kind}` } : resolved.message;
      assert.ok(shown.en.startsWith(english), `${address} (${use}): ${shown.en}`);
      assert.ok(shown.fa.startsWith(persian), `${address} (${use}): ${shown.fa}`);
      if (resolved.ok) assert.equal(resolved.file, path.join(dir, ...resolved.address.split("/")));
    }
  });

  test("an attachment must be of its type inside", async () => {
    const dir = await contentFolder({ "a.pdf": "%PDF-1.4", "b.pdf": "<html><script>", "c.docx": "PK\u0003\u0004", "d.xlsx": "MZ" });
    assert.equal(attachmentProblem(path.join(dir, "a.pdf"), "/images/a.pdf"), undefined);
    assert.deepEqual(attachmentProblem(path.join(dir, "b.pdf"), "/images/b.pdf"), {
      fa: "فایل /images/b.pdf در درون، فایل .pdf نیست: آن را دوباره با قالب PDF ذخیره کنید.",
      en: "the file /images/b.pdf is not a .pdf file inside: save it again as PDF",
    });
    assert.equal(attachmentProblem(path.join(dir, "c.docx"), "/images/c.docx"), undefined);
    assert.equal(attachmentProblem(path.join(dir, "d.xlsx"), "/images/d.xlsx")?.en, "the file /images/d.xlsx is not a .xlsx file inside: save it again as XLSX");
  });

  test("which saved files are where releases live", async () => {
    const dir = await contentFolder({});
    await mkdir(path.join(dir, "releases"));
    await writeFile(path.join(dir, "releases", "1.md"), "");
    const rows: Array<[string, boolean]> = [
      ["releases/1.md", true],
      ["1.md", true],
      ["images/1.md", false],
      ["files/1.md", false],
      ["releases/.1.md", false],
      ["node_modules/1.md", false],
      ["releases/1.md.swp", false],
      ["../1.md", false],
    ];
    for (const [file, expected] of rows) assert.equal(isReleaseLocation(dir, path.join(dir, file)), expected, file);
  });
});

describe("content/files/: attachments, each kind checked by its first bytes", () => {
  test("every attachment kind a folder holds has a type (first bytes and media type)", () => {
    for (const [folder, holds] of Object.entries(CONTENT_FILE_FOLDERS)) {
      for (const extension of holds.attachments) assert.ok(ATTACHMENT_TYPES[extension], `${folder}: ${extension}`);
    }
    for (const extension of ["pdf", "docx", "xlsx", "zip"]) assert.ok(FILES_EXTENSIONS.includes(extension), extension);
  });

  test("the kind of a file by its folder and extension", () => {
    const rows: Array<[name: string, folder: string | undefined, kind: string | undefined]> = [
      ["report.pdf", "files", "attachment"],
      ["REPORT.ZIP", "files", "attachment"],
      ["table.xlsx", "files", "attachment"],
      ["photo.jpg", "files", undefined],
      ["setup.exe", "files", undefined],
      ["bundle.zip", "images", undefined],
      ["report.pdf", undefined, "attachment"],
      ["photo.jpg", undefined, "picture"],
      ["x.pdf", "releases", undefined],
    ];
    for (const [name, folder, kind] of rows) assert.equal(folder === undefined ? contentFileKind(name) : contentFileKind(name, folder), kind, `${folder}/${name}`);
  });

  test("the type of an attachment: its media type, for the link", () => {
    assert.deepEqual(attachmentType("/files/a.PDF"), { extension: "pdf", signature: "%PDF-", mediaType: "application/pdf" });
    assert.equal(attachmentType("/files/a.zip")?.mediaType, "application/zip");
    assert.equal(attachmentType("/files/a.jpg"), undefined);
    assert.equal(attachmentType("/files/constructor"), undefined);
    assert.equal(attachmentType("/files/a.constructor"), undefined);
  });

  test("a scan takes the attachments of files/ and names what may not be there", async () => {
    const dir = await contentFolder({
      "files/1403/a.pdf": "%PDF-",
      "files/b.docx": "",
      "files/c.xlsx": "",
      "files/d.zip": "",
      "files/photo.jpg": "",
      "files/run.exe": "",
    });
    const scan = await scanContentFolder(dir);
    assert.deepEqual([...scan.files].sort(), [
      ["/files/1403/a.pdf", "attachment"],
      ["/files/b.docx", "attachment"],
      ["/files/c.xlsx", "attachment"],
      ["/files/d.zip", "attachment"],
    ]);
    assert.deepEqual(
      scan.problems.map((problem) => [problem.file, problem.message.en]),
      [
        [key(dir, "files/photo.jpg"), `a .jpg file cannot be published: files/ holds attachments (${FILES_EXTENSIONS.join(", ")}); remove it, or save it as one of these`],
        [key(dir, "files/run.exe"), `a .exe file cannot be published: files/ holds attachments (${FILES_EXTENSIONS.join(", ")}); remove it, or save it as one of these`],
      ].sort(),
    );
  });

  test("addresses under /files/: links to attachments; never a picture; never outside content/files/", async () => {
    const dir = await contentFolder({ "files/1403/a.pdf": "%PDF-", "files/b.zip": "PK\u0003\u0004", "files/c.jpg": "", "images/d.pdf": "%PDF-" });
    const rows: Array<[address: string, use: AddressUse, english: string]> = [
      ["/files/1403/a.pdf", "link", "ok /files/1403/a.pdf attachment"],
      ["/files/1403/%D8%A8.pdf", "link", "the file /files/1403/ب.pdf is missing: put it in " + path.join(dir, "files") + "/"],
      ["/files/b.zip?download#x", "link", "ok /files/b.zip attachment"],
      ["/images/d.pdf", "link", "ok /images/d.pdf attachment"],
      ["/files/c.jpg", "link", `the file /files/c.jpg cannot be published: under /files/, link to attachments (${FILES_EXTENSIONS.join(", ")}) only`],
      ["/files/1403/a.pdf", "picture", "the picture /files/1403/a.pdf is not under /images/"],
      ["/files/../images/d.pdf", "link", "the file /files/../images/d.pdf must name a file inside " + path.join(dir, "files") + "/"],
      ["/files/", "link", "the file /files/ must name a file inside"],
    ];
    for (const [address, use, english] of rows) {
      const resolved = resolveContentAddress(dir, address, use);
      const shown = resolved.ok ? `ok ${resolved.address} ${resolved.kind}` : resolved.message.en;
      assert.ok(shown.startsWith(english), `${address} (${use}): ${shown}`);
    }
    for (const [address, expected] of [["/files/a.pdf", true], ["/files%2Fa.pdf", false], ["/filesx/a.pdf", false], ["/images/a.pdf", true], ["/news/1/", false]] as const) {
      assert.equal(isContentAddress(address), expected, address);
    }
  });

  test("a ZIP, a DOCX and a PDF of content/files/ must be one inside", async () => {
    const dir = await contentFolder({ "a.zip": "PK\u0003\u0004...", "b.zip": "%PDF-1.4", "c.docx": "<html>", "d.pdf": "%PDF-1.7" });
    assert.equal(attachmentProblem(path.join(dir, "a.zip"), "/files/a.zip"), undefined);
    assert.equal(attachmentProblem(path.join(dir, "b.zip"), "/files/b.zip")?.en, "the file /files/b.zip is not a .zip file inside: save it again as ZIP");
    assert.equal(attachmentProblem(path.join(dir, "c.docx"), "/files/c.docx")?.en, "the file /files/c.docx is not a .docx file inside: save it again as DOCX");
    assert.equal(attachmentProblem(path.join(dir, "d.pdf"), "/files/d.pdf"), undefined);
  });
});
