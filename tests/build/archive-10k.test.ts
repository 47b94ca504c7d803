/**
 * No broken links at scale: a generated archive of 10,000 releases (scripts/generate-corpus.ts)
 * is built as a site under a path prefix, and the crawler follows every address of every
 * page and stylesheet (about 23,000 pages and 460,000 addresses). Nothing may lead to a
 * missing file or outside the prefix.
 *
 * It takes minutes (build and crawl, on a 2-core machine), so it runs on CI (CI=true, as
 * .ci/run sets) and when asked: `npm run test:large` (AKHBAR_LARGE_TESTS=1). The count can
 * be changed with AKHBAR_LARGE_COUNT.
 */
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { rm } from "node:fs/promises";
import path from "node:path";
import { test } from "node:test";
import { findBrokenLinks, listFiles } from "../support/html.js";
import { repoRoot, runBuild, temporaryDirectory } from "../support/run.js";

const COUNT = Number(process.env.AKHBAR_LARGE_COUNT || 10_000);
const PREFIX = "/archive/";
const SITE_URL = "https://akhbar.test/archive";
const wanted = process.env.CI === "true" || process.env.AKHBAR_LARGE_TESTS === "1";
const skip = wanted ? false : "a large archive takes minutes: it runs on CI (CI=true) or with `npm run test:large`";

test(`a generated archive of ${COUNT.toLocaleString("en")} releases, under a path prefix, has no broken link`, { skip, timeout: 60 * 60_000 }, async (t) => {
  const work = await temporaryDirectory("akhbar-large-");
  try {
    const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(0)} s`;
    let started = performance.now();
    await generate(COUNT, path.join(work, "content"));
    t.diagnostic(`generated ${COUNT} releases in ${seconds(started)}`);

    started = performance.now();
    const site = path.join(work, "site");
    const build = await runBuild(path.join(work, "content"), site, { SITE_URL });
    assert.equal(build.code, 0, `the build failed:\n${build.log.slice(-4000)}`);
    t.diagnostic(`built in ${seconds(started)}`);

    started = performance.now();
    const pages = (await listFiles(site)).filter((file) => file.endsWith(".html")).length;
    const { checked, broken } = await findBrokenLinks(site, { pathPrefix: PREFIX, siteUrl: SITE_URL });
    t.diagnostic(`crawled ${pages} pages and ${checked} addresses in ${seconds(started)}`);
    assert.deepEqual(broken.slice(0, 20), [], `${broken.length} broken links`);
    assert.ok(pages > COUNT * 2, `only ${pages} pages`);
    assert.ok(checked > pages * 10, `only ${checked} addresses over ${pages} pages`);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
});

function generate(count: number, output: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", "scripts/generate-corpus.ts", "--count", String(count), "--sample-words", "--output", output], {
      cwd: repoRoot,
      stdio: ["ignore", "ignore", "inherit"],
    });
    child.on("error", reject);
    child.on("close", (code) => (code === 0 ? resolve() : reject(new Error(`generate-corpus exited with ${code}`))));
  });
}
