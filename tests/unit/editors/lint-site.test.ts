/**
 * `npm run check` (src/editors/lint.ts) over the site's settings and pages besides releases
 * (content/site.yml, content/pages/): their problems are errors, as in the build; the logo and
 * the files pages show are used; a release's link to a page is not broken.
 */
import { after, describe, test } from "node:test";
import assert from "node:assert/strict";
import { copyFile, mkdir, rm } from "node:fs/promises";
import path from "node:path";
import { DateTime } from "luxon";
import { lintArchive } from "../../../src/editors/lint.js";
import { folderWith, repoRoot } from "../../support/run.js";

const NOW = DateTime.fromISO("2024-06-01T12:00:00+03:30", { setZone: true });
const created: string[] = [];
after(async () => {
  for (const dir of created) await rm(dir, { recursive: true, force: true });
});

const RELEASE = `---\nid: 1\ntitle: "نشست"\ndate: 1403/02/01 10:00\n---\n\nنشانی ما در [درباره ما](/about/) و [تماس](/تماس/) است.\n`;

async function content(files: Record<string, string>): Promise<string> {
  const dir = await folderWith({ "releases/1403/1.md": RELEASE, ...files }, "akhbar-unit-lint-site-");
  created.push(dir);
  await mkdir(path.join(dir, "images"), { recursive: true });
  for (const name of ["logo.png", "tehran-council.svg"]) await copyFile(path.join(repoRoot, "content", "images", name), path.join(dir, "images", name));
  return dir;
}

describe("check reads the site's settings and pages as the build does", () => {
  test("a valid site: no problem; the logo and a page's picture are used; links to pages are not broken", async () => {
    const dir = await content({
      "site.yml": "logo: /images/logo.png\n",
      "pages/about.md": "---\ntitle: درباره ما\n---\n\n![نشست](/images/tehran-council.svg)\n",
      "pages/contact.md": "---\ntitle: تماس\nslug: تماس\n---\n\nمتن.\n",
    });
    assert.deepEqual((await lintArchive(dir, NOW)).problems, []);
  });

  test("without them, the logo is a file no release uses and the links to pages are broken", async () => {
    const dir = await content({});
    const problems = (await lintArchive(dir, NOW)).problems.map(({ file, field, severity }) => [path.relative(dir, path.resolve(file)), field, severity]);
    assert.deepEqual(problems, [
      [path.join("images", "logo.png"), "file", "warning"],
      [path.join("images", "tehran-council.svg"), "file", "warning"],
      [path.join("releases", "1403", "1.md"), "text", "error"],
      [path.join("releases", "1403", "1.md"), "text", "error"],
    ]);
  });

  test("the problems of site.yml and of a page are errors naming file, line and field", async () => {
    const dir = await content({
      "site.yml": "logo: /images/missing.png\nsocial:\n  telegram: t.me/x\n",
      "pages/about.md": "---\nmenu: 1\n---\n\n![نقشه](/images/map.png)\n",
    });
    const problems = (await lintArchive(dir, NOW)).problems.filter((problem) => problem.severity === "error");
    assert.deepEqual(
      problems.map(({ file, line, field }) => [path.relative(dir, path.resolve(file)), line, field]),
      [
        [path.join("pages", "about.md"), 1, "title"],
        // An invalid page has no address: the links to it (and to the page there is none of) are broken.
        [path.join("releases", "1403", "1.md"), 7, "text"],
        [path.join("releases", "1403", "1.md"), 7, "text"],
        [path.join("site.yml"), 1, "logo"],
        [path.join("site.yml"), 3, "social.telegram"],
      ],
    );
    assert.match(problems[0]!.message.fa, /^«عنوان صفحه \(title\)» نوشته نشده است/);
    assert.match(problems[3]!.message.en, /^the logo \/images\/missing\.png is missing/);
  });
});
