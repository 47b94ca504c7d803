/** Unit tests for src/output/cache-dir.ts: one cache root, each cache's own setting first; pruning a cache to what a build used. */
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdir, mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { cacheFolder, pruneCacheFolder } from "../../../src/output/cache-dir.js";

test("cacheFolder: the cache's own setting, else its folder under AKHBAR_CACHE_DIR, else under .cache", () => {
  const rows: Array<[env: NodeJS.ProcessEnv, expected: string]> = [
    [{}, path.join(".cache", "akhbar-pages")],
    [{ AKHBAR_CACHE_DIR: "/ci/cache" }, path.join("/ci/cache", "akhbar-pages")],
    [{ AKHBAR_CACHE_DIR: "  " }, path.join(".cache", "akhbar-pages")],
    [{ AKHBAR_CACHE_DIR: "/ci/cache", AKHBAR_PAGE_CACHE: "/pages" }, "/pages"],
    [{ AKHBAR_PAGE_CACHE: " " }, path.join(".cache", "akhbar-pages")],
  ];
  for (const [env, expected] of rows) assert.equal(cacheFolder("akhbar-pages", "AKHBAR_PAGE_CACHE", env), expected, JSON.stringify(env));
});

test("pruneCacheFolder: removes every entry, file or folder, the build did not use", async () => {
  const dir = await mkdtemp(path.join(tmpdir(), "akhbar-unit-prune-"));
  try {
    await writeFile(path.join(dir, "kept.html"), "");
    await writeFile(path.join(dir, "stale.html"), "");
    await mkdir(path.join(dir, "kept-shard", "fragment"), { recursive: true });
    await writeFile(path.join(dir, "kept-shard", "fragment", "a.pf_fragment"), "");
    await mkdir(path.join(dir, "stale-shard", "fragment"), { recursive: true });
    await writeFile(path.join(dir, "stale-shard", "fragment", "b.pf_fragment"), "");
    const used = new Set(["kept", "kept-shard"]);
    assert.equal(await pruneCacheFolder(dir, (name) => used.has(name.replace(/\.html$/, ""))), 2);
    assert.deepEqual((await readdir(dir)).sort(), ["kept-shard", "kept.html"]);
    assert.deepEqual(await readdir(path.join(dir, "kept-shard", "fragment")), ["a.pf_fragment"]);
    assert.equal(await pruneCacheFolder(path.join(dir, "none"), () => false), 0, "a cache not made yet");
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
