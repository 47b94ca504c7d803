/** Unit tests for src/output/cache-dir.ts: one cache root, each cache's own setting first. */
import { test } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import { cacheFolder } from "../../../src/output/cache-dir.js";

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
