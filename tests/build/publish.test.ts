/**
 * Publishing over the published site (src/output/publish.ts): a build over a site its manifest
 * describes writes only what changed, and the result is byte for byte the site a clean
 * build makes; a failed build leaves the site untouched; a site the manifest does not
 * describe is built in full; files of the site deleted or changed since are written again; a
 * commit stopped halfway never leaves a reachable page linking to a file not there, and is
 * finished by the next build in the same order.
 */
import { test, describe, before, after } from "node:test";
import assert from "node:assert/strict";
import { cp, readFile, rename, rm, truncate, writeFile } from "node:fs/promises";
import * as fsPromises from "node:fs/promises";
import { createRequire, syncBuiltinESMExports } from "node:module";
import path from "node:path";
import { hashTree, exists, findBrokenLinks, findReachableBrokenLinks } from "../support/html.js";
import { repoRoot, runBuild, temporaryDirectory } from "../support/run.js";
import { mkdir } from "node:fs/promises";
import { OutputLedger, Publication, SEAL_FILE } from "../../src/output/publish.js";
import { publishRank } from "../../src/build/publish-order.js";
import { overlayEntries, type DirectoryEntry } from "../../src/build/host-headers.js";
import { addedReleaseFile } from "../support/release-factory.js";

const ADDED = "releases/1403/990001.md";
const ADDED_TEXT = addedReleaseFile(990001, "خبر افزوده برای آزمون انتشار", "1403/12/20 10:00");

describe("publishing over the published site", () => {
  let root: string;
  let content: string;
  // The build's lines in English (AKHBAR_LANG=en): the summary says what publishing changed.
  const env = { SOURCE_DATE_EPOCH: "1735000000", AKHBAR_LANG: "en" };
  /** What the summary says publishing changed: files moved into the site and removed from it; undefined when the whole site was written. */
  const changedIn = (log: string) => {
    const summary = /^Built .+ in \d+\.\d s: \d+ releases?, \d+ files?, [\d.]+ (?:bytes|KB|MB|GB); (?:(\d+) files? changed, (\d+) removed|(the whole site was written))\.$/m.exec(log);
    assert.ok(summary, log);
    return summary[3] ? undefined : { moved: Number(summary[1]), removed: Number(summary[2]) };
  };
  const site = () => path.join(root, "site");
  /** A clean build of the content as it is now, in a folder (and caches) of its own. */
  const cleanBuild = async (name: string) => {
    const folder = path.join(root, name);
    const run = await runBuild(content, path.join(folder, "site"), env);
    assert.equal(run.code, 0, run.log);
    return hashTree(path.join(folder, "site"));
  };

  before(async () => {
    root = await temporaryDirectory("akhbar-publish-");
    content = path.join(root, "content");
    await cp(path.join(repoRoot, "content"), content, { recursive: true });
    const first = await runBuild(content, site(), env);
    assert.equal(first.code, 0, first.log);
  });
  after(() => rm(root, { recursive: true, force: true }));

  test("a release added: only the files it changes are written, and the site is the one a clean build makes", async () => {
    await writeFile(path.join(content, ...ADDED.split("/")), ADDED_TEXT);
    const run = await runBuild(content, site(), env);
    assert.equal(run.code, 0, run.log);
    const published = changedIn(run.log);
    assert.ok(published, run.log);
    const total = (await hashTree(site())).size;
    // The new page, its redirect, its neighbours, a few lists, feeds and sitemaps, its year's search shard:
    // far fewer than the site's files.
    assert.ok(published.moved > 5 && published.moved < total / 3, `${published.moved} of ${total} files changed`);
    assert.equal(published.removed, 0);
    assert.equal(await exists(`${site()}.staging`), false, "the staging folder was left behind");
    assert.deepEqual(await hashTree(site()), await cleanBuild("clean-added"));
  });

  test("a failed build leaves the published site as it was, byte for byte", async () => {
    const before = await hashTree(site());
    const broken = path.join(content, "releases", "1403", "990002.md");
    await writeFile(broken, "---\nid: 990002\ntitle: \"بی‌تاریخ\"\n---\n\nمتن.\n");
    try {
      const run = await runBuild(content, site(), env);
      assert.notEqual(run.code, 0, run.log);
      assert.match(run.log, /990002\.md:1 +\[date\] date is required/);
      assert.match(run.log, /^Build failed: .*site\/ was left as it was\.$/m);
    } finally {
      await rm(broken);
    }
    assert.deepEqual(await hashTree(site()), before);
    assert.equal(await exists(`${site()}.staging`), false, "the staging folder was left behind");
  });

  test("a release taken out: its pages leave the site, which is again the one a clean build makes", async () => {
    await rm(path.join(content, ...ADDED.split("/")));
    const run = await runBuild(content, site(), env);
    assert.equal(run.code, 0, run.log);
    assert.ok((changedIn(run.log)?.removed ?? 0) > 0, run.log);
    assert.equal(await exists(path.join(site(), "news", "990001")), false, "the release's folder is still there");
    assert.deepEqual(await hashTree(site()), await cleanBuild("clean-removed"));
  });

  test("a site its manifest does not describe (the seal changed, as after `npm start`) is built in full", async () => {
    await writeFile(path.join(site(), ".akhbar-build"), "not this manifest\n");
    await writeFile(path.join(site(), "stray.html"), "a file no build made");
    const run = await runBuild(content, site(), env);
    assert.equal(run.code, 0, run.log);
    assert.equal(changedIn(run.log), undefined, "the whole site is written");
    assert.equal(await exists(path.join(site(), "stray.html")), false, "a full build keeps nothing of the old folder");
    assert.equal((await readFile(path.join(site(), ".akhbar-build"), "utf8")).length, 41);
  });

  test("files of the published site deleted or changed since (404.html removed, a page cut short, a search shard gone) are written again by the next build", async () => {
    await rm(path.join(site(), "404.html"));
    await truncate(path.join(site(), "index.html"), 100);
    const shard = [...(await hashTree(site())).keys()].find((file) => file.startsWith("pagefind/"))!.split("/")[1]!;
    await rm(path.join(site(), "pagefind", shard), { recursive: true });
    const run = await runBuild(content, site(), env);
    assert.equal(run.code, 0, run.log);
    assert.match(run.log, /^\[akhbar\] the published site differs from its manifest: 3 missing or changed/m);
    assert.deepEqual(changedIn(run.log), { moved: 3, removed: 0 });
    // The content is what the last clean build was made of.
    assert.deepEqual(await hashTree(site()), await hashTree(path.join(root, "clean-removed", "site")));
  });
});

test("the ledger: what a build records, and whether the published site already has it", () => {
  const ledger = new OutputLedger(new Map([["/news/1/index.html", "a"], ["/pagefind/1403/", "k"]]));
  const rows: [string, string, boolean][] = [
    ["/news/1/index.html", "a", true],
    ["/news/2/index.html", "b", false],
    ["/pagefind/1403/", "other", false],
  ];
  for (const [file, version, published] of rows) assert.equal(ledger.record(file, version), published, file);
  const holds: [string, boolean][] = [
    ["/news", true],
    ["/news/2", true],
    ["/news/2/index.html", true],
    ["/pagefind/1403", true],
    ["/pagefind", true],
    ["/news/3", false],
    ["/archive", false],
  ];
  for (const [url, expected] of holds) assert.equal(ledger.holds(url), expected, url);
});

test("the _headers listing of a build over a published site: what was written, and what the site keeps", () => {
  const file = (name: string): DirectoryEntry => ({ name, directory: false });
  const folder = (name: string, children?: DirectoryEntry[]): DirectoryEntry => ({ name, directory: true, ...(children ? { children } : {}) });
  const staged = [file("index.html"), folder("pagefind", [folder("1404", [file("new.pf_meta")])])];
  const published = [file("index.html"), folder("news"), folder("gone"), folder("pagefind", [folder("1403", [file("a.pf_meta")]), folder("1404", [file("old.pf_meta")]), folder("1390")])];
  const kept = new Set(["/news", "/pagefind/1403", "/pagefind/1404"]);
  const names = (entries: DirectoryEntry[]): unknown => entries.map((entry) => (entry.children ? [entry.name, names(entry.children)] : entry.name)).sort();
  assert.deepEqual(
    names(overlayEntries(staged, published, (url) => kept.has(url))),
    names([file("index.html"), folder("news"), folder("pagefind", [folder("1404", [file("new.pf_meta")]), folder("1403", [file("a.pf_meta")])])]),
  );
});

test("a commit stopped after its journal is finished by the next build, before it reads the site", async () => {
  const root = await temporaryDirectory("akhbar-publish-journal-");
  try {
    const target = path.join(root, "site");
    const staging = `${target}.staging`;
    const manifests = path.join(root, "manifests");
    const stage = async (publication: Publication, files: Record<string, string>) => {
      for (const [file, content] of Object.entries(files)) {
        if (publication.ledger.record(file, content)) continue;
        await mkdir(path.dirname(path.join(staging, file)), { recursive: true });
        await writeFile(path.join(staging, file), content);
      }
    };
    const first = new Publication(target, staging, manifests);
    await first.prepare();
    await stage(first, { "/a.html": "A", "/b.html": "B" });
    await first.commit();

    const second = new Publication(target, staging, manifests);
    await second.prepare();
    assert.equal(second.incremental, true);
    await stage(second, { "/a.html": "A2", "/c/index.html": "C" });
    await second.stage(); // the process stops here: journal written, nothing moved yet
    assert.equal(await exists(path.join(target, SEAL_FILE)), false, "a site being changed keeps its seal");
    assert.equal(await readFile(path.join(target, "a.html"), "utf8"), "A");

    // The next build's staging folder starts empty, but only once the journal has moved the files out of it.
    const third = new Publication(target, staging, manifests);
    await third.prepare();
    assert.equal(third.incremental, true, "the finished site is described by the new manifest");
    assert.equal(await readFile(path.join(target, "a.html"), "utf8"), "A2");
    assert.equal(await readFile(path.join(target, "c", "index.html"), "utf8"), "C");
    assert.equal(await exists(path.join(target, "b.html")), false);
    assert.equal(await exists(staging), false);
  } finally {
    await rm(root, { recursive: true, force: true });
  }
});

/**
 * Records the moves from `staging` into `target` (renames) made while `run` runs, as root-relative
 * paths: node:fs/promises' `rename` (folders) and node:fs's `renameSync` (files), wrapped on their
 * modules' objects and handed to the modules that import them by name.
 */
async function recordMoves(staging: string, target: string, run: () => Promise<void>): Promise<string[]> {
  const require = createRequire(import.meta.url);
  const promises = require("node:fs/promises") as typeof fsPromises;
  const fs = require("node:fs") as typeof import("node:fs");
  const [original, originalSync] = [promises.rename, fs.renameSync];
  const moves: string[] = [];
  const record = (from: unknown, to: unknown) => {
    const [source, destination] = [String(from), String(to)];
    if (source.startsWith(`${staging}${path.sep}`) && destination.startsWith(`${target}${path.sep}`)) moves.push(source.slice(staging.length).split(path.sep).join("/"));
  };
  promises.rename = async (from, to) => (record(from, to), original(from, to));
  fs.renameSync = (from, to) => (record(from, to), originalSync(from, to));
  syncBuiltinESMExports();
  try {
    await run();
  } finally {
    promises.rename = original;
    fs.renameSync = originalSync;
    syncBuiltinESMExports();
  }
  return moves;
}

test("a commit moves the new files first, then the changed ones, each by kind; stopped after each of its first moves, no page a reader can reach links to a missing file; the next build moves the rest in the same order", async () => {
  const root = await temporaryDirectory("akhbar-publish-order-");
  try {
    const target = path.join(root, "site");
    const staging = `${target}.staging`;
    const manifests = path.join(root, "manifests");
    const page = (...links: string[]) => `<!doctype html><title>t</title>${links.map((link) => (link.endsWith(".css") ? `<link rel="stylesheet" href="${link}">` : `<a href="${link}">x</a>`)).join("")}`;
    const build = async (publication: Publication, files: Record<string, string>) => {
      await publication.prepare();
      for (const [file, content] of Object.entries(files)) {
        if (publication.ledger.record(file, content)) continue;
        const written = file.endsWith("/") ? `${file}pagefind-entry.json` : file;
        await mkdir(path.dirname(path.join(staging, written)), { recursive: true });
        await writeFile(path.join(staging, written), content);
      }
    };
    const first = new Publication(target, staging, manifests, { rank: publishRank });
    await build(first, {
      "/index.html": page("/assets/site.1.css", "/news/1/", "/search/"),
      "/news/1/index.html": page("/assets/site.1.css", "/tags/t/"),
      "/tags/t/index.html": page("/assets/site.1.css", "/news/1/"),
      "/search/index.html": page("/assets/site.1.css"),
      "/assets/site.1.css": "body{}",
      "/pagefind/1403/": "one",
    });
    await first.commit();
    const readerPages = ["index.html", "news/1/index.html", "tags/t/index.html", "search/index.html"];

    // A release added, with a tag of its own and a new stylesheet; its neighbour and the home page name it.
    const second = new Publication(target, staging, manifests, { rank: publishRank });
    await build(second, {
      "/index.html": page("/assets/site.2.css", "/news/1/", "/news/2/", "/search/"),
      "/news/1/index.html": page("/assets/site.2.css", "/tags/t/", "/news/2/"),
      "/news/2/index.html": page("/assets/site.2.css", "/tags/u/", "/news/1/"),
      "/tags/t/index.html": page("/assets/site.2.css", "/news/1/"),
      "/tags/u/index.html": page("/assets/site.2.css", "/news/2/"),
      "/search/index.html": page("/assets/site.2.css"),
      "/assets/site.2.css": "body{color:red}",
      "/pagefind/1403/": "one and two",
    });
    const journal = await second.stage(); // the process stops here: journal written, nothing moved yet
    assert.ok(journal);
    assert.deepEqual(journal.moves, [
      // New files: the stylesheet, the release page, the tag page that names it.
      "/assets/site.2.css",
      "/news/2/index.html",
      "/tags/u/index.html",
      // Changed files: the neighbour, the search index, then the pages that name them.
      "/news/1/index.html",
      "/pagefind/1403/",
      "/index.html",
      "/search/index.html",
      "/tags/t/index.html",
    ]);
    assert.deepEqual(journal.removals, ["/assets/site.1.css"]);
    assert.equal(await exists(path.join(target, SEAL_FILE)), false, "a site being changed keeps its seal");

    // Moved one by one as the commit would, stopping after each: the pages a reader has, and all
    // they lead to, link to files that are there; once the new files are in, every page does.
    const additions = 3;
    for (const [index, file] of journal.moves.slice(0, 4).entries()) {
      const to = path.join(target, ...file.split("/").filter(Boolean));
      await mkdir(path.dirname(to), { recursive: true });
      await rename(path.join(staging, ...file.split("/").filter(Boolean)), to);
      assert.deepEqual((await findReachableBrokenLinks(target, readerPages)).broken, [], `stopped after ${file}`);
      if (index + 1 >= additions) assert.deepEqual((await findBrokenLinks(target)).broken, [], `stopped after ${file}`);
    }

    const third = new Publication(target, staging, manifests, { rank: publishRank });
    const resumed = await recordMoves(staging, target, () => third.prepare());
    assert.deepEqual(resumed, ["/pagefind/1403", "/index.html", "/search/index.html", "/tags/t/index.html"], "the rest of the journal, in its order");
    assert.equal(third.incremental, true);
    assert.equal(await readFile(path.join(target, "pagefind", "1403", "pagefind-entry.json"), "utf8"), "one and two");
    assert.equal(await exists(path.join(target, "assets", "site.1.css")), false, "removals come last");
    assert.deepEqual((await findBrokenLinks(target)).broken, []);
    assert.equal(await exists(staging), false);
  } finally {
    await rm(root, { recursive: true, force: true });
  }
});
