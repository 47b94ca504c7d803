/**
 * A restyle: the stylesheet changed, nothing else. Every page names the stylesheet by its
 * fingerprinted address, so every page changes; each is made from its published bytes with the
 * assets' addresses replaced (src/output/page-writer.ts, src/render/asset-manifest.ts), not
 * rendered again, and the site is byte for byte the one a clean build of the new code makes.
 *
 * The new code is a copy of the repository's (src/, layouts/, scripts/ and the files the build
 * reads, with the repository's node_modules) whose stylesheet has one rule more: the same
 * rendering code (src/output/code-version.ts leaves the stylesheets out), another stylesheet.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { appendFile, cp, readFile, rm, symlink } from "node:fs/promises";
import { existsSync } from "node:fs";
import path from "node:path";
import { hashTree, listFiles } from "../support/html.js";
import { repoRoot, runBuild, temporaryDirectory } from "../support/run.js";
import { loadArchive } from "../../src/content/load.js";
import { toPersianDigits } from "../../src/persian/letters.js";

const CODE = ["src", "layouts", "scripts", "patches", "package.json", "package-lock.json", "tsconfig.json", ".eleventy.ts"];

test("a restyle rewrites every page from its published bytes with the new stylesheet's address, as a clean build writes it, and renders none", { timeout: 600_000 }, async () => {
  const root = await temporaryDirectory("akhbar-restyle-");
  try {
    const code = path.join(root, "code");
    for (const entry of CODE) if (existsSync(path.join(repoRoot, entry))) await cp(path.join(repoRoot, entry), path.join(code, entry), { recursive: true });
    await symlink(path.join(repoRoot, "node_modules"), path.join(code, "node_modules"), "dir");
    await appendFile(path.join(code, "src", "assets", "site.css"), "\n.restyle-test { outline: 1px solid; }\n");
    const content = path.join(root, "content");
    await cp(path.join(repoRoot, "content"), content, { recursive: true });
    const env = { SOURCE_DATE_EPOCH: "1735000000" };

    const site = path.join(root, "site");
    const first = await runBuild(content, site, env);
    assert.equal(first.code, 0, first.log);
    const stylesheetBefore = (await listFiles(path.join(site, "assets"))).find((file) => /^site\.rtl\.[0-9a-f]{10}\.css$/.test(file));
    assert.ok(stylesheetBefore);

    const restyled = await runBuild(content, site, env, code);
    assert.equal(restyled.code, 0, restyled.log);
    // No release page rendered but those with pictures (rendered on every build, for the picture
    // pipeline): the others came from the published site. The search index was not touched.
    const archive = await loadArchive(content, { includeDrafts: false });
    const withPictures = archive.releases.filter((release) => release.hasPictures).length;
    assert.ok(withPictures < archive.releases.length);
    assert.match(restyled.log, new RegExp(`^\\[akhbar\\] صفحه‌های خبر: ${toPersianDigits(withPictures)} ساخته شد، `, "m"), restyled.log);
    assert.match(restyled.log, /^\[akhbar\] نمایهٔ جست‌وجو: [۰-۹٬]+ بخش، ۰ نمایه شد/m, restyled.log);
    const stylesheetAfter = (await listFiles(path.join(site, "assets"))).find((file) => /^site\.rtl\.[0-9a-f]{10}\.css$/.test(file));
    assert.ok(stylesheetAfter && stylesheetAfter !== stylesheetBefore, `${stylesheetBefore} → ${stylesheetAfter}`);
    const release = await readFile(path.join(site, "news", "149840", "index.html"), "utf8");
    assert.ok(release.includes(`/assets/${stylesheetAfter}"`) && !release.includes(stylesheetBefore), "the release page names the new stylesheet");

    const clean = path.join(root, "clean", "site");
    const cleanRun = await runBuild(content, clean, env, code);
    assert.equal(cleanRun.code, 0, cleanRun.log);
    assert.deepEqual(await hashTree(site), await hashTree(clean));
  } finally {
    await rm(root, { recursive: true, force: true });
  }
});
