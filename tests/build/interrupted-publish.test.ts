/**
 * A build killed while it moves its files into the site (src/output/publish.ts), as a crash or
 * `kill -9` would stop it: tests/support/stop-publishing.ts kills the real build command after a
 * few moves, then kills the next build while it finishes that publish, and so on. After every
 * kill, no page a reader can reach links to a file that is not there, and once the new files
 * are all in, no page at all does; the build after the last kill takes over the killed build's
 * lock and leaves the site a clean build makes.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { cp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { exists, findBrokenLinks, findReachableBrokenLinks, hashTree, listFiles } from "../support/html.js";
import { repoRoot, runBuild, runNode, temporaryDirectory } from "../support/run.js";
import { SEAL_FILE, type Journal } from "../../src/output/publish.js";

const STOPPER = "./tests/support/stop-publishing.ts";
/** A release in a month the sample has no release in, with a tag of its own: new list pages besides its own. */
const ADDED = "releases/1403/990001.md";
const ADDED_TEXT = `---
id: 990001
title: "خبر افزوده برای آزمون انتشار ناتمام"
date: "1403/11/05 10:00"
county: ری
tags:
  - "برچسب آزمون انتشار"
---

متن خبر افزوده.
`;

test("a build killed while it publishes, and again while the next ones finish it, never leaves a reachable page linking to a missing file; the next build completes the site", { timeout: 600_000 }, async (t) => {
  const root = await temporaryDirectory("akhbar-interrupted-publish-");
  try {
    const content = path.join(root, "content");
    const site = path.join(root, "site");
    const cache = path.join(root, "cache");
    await cp(path.join(repoRoot, "content"), content, { recursive: true });
    const env = { SOURCE_DATE_EPOCH: "1735000000", AKHBAR_CACHE_DIR: cache };
    const build = (extra: NodeJS.ProcessEnv = {}) =>
      runNode([...(extra.STOP_PUBLISHING_AFTER ? ["--import", STOPPER] : []), "scripts/build.ts", "--input", content, "--output", site], { ...env, ...extra });

    const first = await build();
    assert.equal(first.code, 0, first.log);
    const before = await listFiles(site);
    const pagesBefore = before.filter((file) => file.endsWith(".html"));
    await writeFile(path.join(content, ...ADDED.split("/")), ADDED_TEXT);

    let moved = 0;
    let kills = 0;
    let additions: number | undefined;
    for (const limit of [1, 2, 4, 8, 16, 32]) {
      const run = await build({ STOP_PUBLISHING_SITE: site, STOP_PUBLISHING_AFTER: String(limit) });
      if (run.code === 0) break; // what was left of the publish took fewer moves
      assert.match(run.log, /\[stop-publishing\] killed after \d+ moves/, run.log);
      if (kills > 0) assert.match(run.log, /قفل .*site\.lock که ساختی دیگر \(فرایند \d+ .*\) به جا گذاشته بود گرفته شد: فرایند \d+ دیگر در کار نیست/, run.log);
      kills++;
      moved += limit;
      if (additions === undefined) {
        const manifests = path.join(cache, "akhbar-site");
        const journalFile = (await readdir(manifests)).find((file) => file.endsWith(".journal"));
        assert.ok(journalFile, "the killed commit left its journal");
        const journal = JSON.parse(await readFile(path.join(manifests, journalFile), "utf8")) as Journal;
        const isNew = (file: string) => !before.some((existing) => (file.endsWith("/") ? existing.startsWith(file.slice(1)) : existing === file.slice(1)));
        additions = journal.moves.filter(isNew).length;
        assert.ok(additions >= 3, `the release, its redirect, its tag's and month's pages are new: ${journal.moves.join(" ")}`);
        assert.ok(journal.moves.slice(0, additions).every(isNew), `the new files move first: ${journal.moves.join(" ")}`);
      }
      assert.equal(await exists(path.join(site, SEAL_FILE)), false, "a site being changed has no seal");
      const reachable = await findReachableBrokenLinks(site, pagesBefore);
      assert.deepEqual(reachable.broken, [], `killed after ${moved} moves`);
      if (moved >= additions) assert.deepEqual((await findBrokenLinks(site)).broken, [], `killed after ${moved} moves, the new files all in`);
    }
    assert.ok(kills >= 3, `the publish was stopped ${kills} times`);
    t.diagnostic(`killed ${kills} times, after ${moved} moves in all; ${additions} new files`);

    const last = await build();
    assert.equal(last.code, 0, last.log);
    assert.match(last.log, /^سایت .*site\/ در [۰-۹٫]+ ثانیه ساخته شد: [۰-۹٬]+ خبر، [۰-۹٬]+ فایل، [۰-۹٫]+ (?:بایت|کیلوبایت|مگابایت)؛ ۰ فایل تغییر کرد\.$/m);
    assert.equal(await exists(`${site}.lock`), false, "the lock was left behind");
    assert.equal(await exists(`${site}.staging`), false, "the staging folder was left behind");

    const clean = path.join(root, "clean", "site");
    const cleanRun = await runBuild(content, clean, { SOURCE_DATE_EPOCH: env.SOURCE_DATE_EPOCH });
    assert.equal(cleanRun.code, 0, cleanRun.log);
    assert.deepEqual(await hashTree(site), await hashTree(clean));
  } finally {
    await rm(root, { recursive: true, force: true });
  }
});
