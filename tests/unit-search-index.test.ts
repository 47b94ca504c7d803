/**
 * Unit tests for how a shard's index is made (src/search-index.ts): the allocator settings that
 * Pagefind's backend is started with, decided by `pagefindEnvironment` and seen in the
 * environment of the backend process that indexing really starts (Linux's /proc).
 */
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import { after, test } from "node:test";
import {
  closePagefind,
  indexDocuments,
  PAGEFIND_ALLOCATOR_SETTINGS,
  PAGEFIND_ALLOCATOR_VARIABLE,
  pagefindEnvironment,
} from "../src/search-index.js";

after(closePagefind);

test("pagefindEnvironment: the allocator settings unless the environment has its own", () => {
  const cases: Array<{ given: NodeJS.ProcessEnv; expected: string }> = [
    { given: {}, expected: PAGEFIND_ALLOCATOR_SETTINGS },
    { given: { [PAGEFIND_ALLOCATOR_VARIABLE]: "" }, expected: PAGEFIND_ALLOCATOR_SETTINGS },
    { given: { [PAGEFIND_ALLOCATOR_VARIABLE]: "narenas:1" }, expected: "narenas:1" },
  ];
  for (const { given, expected } of cases) {
    const env: NodeJS.ProcessEnv = { ...given, PATH: "/usr/bin" };
    pagefindEnvironment(env);
    assert.equal(env[PAGEFIND_ALLOCATOR_VARIABLE], expected, JSON.stringify(given));
    assert.equal(env.PATH, "/usr/bin", "other variables stay");
  }
});

/** The environment of this process's children whose program is Pagefind's. */
async function pagefindChildEnvironments(): Promise<string[][]> {
  const environments: string[][] = [];
  for (const entry of await readdir("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // The fields after the command's closing parenthesis: state, then the parent's id.
      const stat = await readFile(`/proc/${entry}/stat`, "utf8");
      const parent = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      const command = await readFile(`/proc/${entry}/cmdline`, "utf8");
      if (parent !== process.pid || !command.includes("pagefind")) continue;
      environments.push((await readFile(`/proc/${entry}/environ`, "utf8")).split("\0"));
    } catch {
      // A process that ended while it was read.
    }
  }
  return environments;
}

test("the backend that indexing starts has the allocator settings", async () => {
  assert.ok(existsSync("/proc/self/environ"), "this test reads the backend's environment from Linux's /proc, which this machine lacks");
  // An operator's setting in the test's own environment would be kept: the test is about the default.
  delete process.env[PAGEFIND_ALLOCATOR_VARIABLE];
  const files = await indexDocuments([{ url: "/fa/news/1/", content: '<!doctype html><html lang="fa"><body><h1>سلام</h1><p>متن خبر</p></body></html>' }]);
  assert.ok(files.some((file) => file.path.endsWith(".pf_meta")), "an index was made");
  const environments = await pagefindChildEnvironments();
  assert.equal(environments.length, 1, "one Pagefind backend was started by this process");
  assert.ok(environments[0]!.includes(`${PAGEFIND_ALLOCATOR_VARIABLE}=${PAGEFIND_ALLOCATOR_SETTINGS}`), environments[0]!.filter((line) => line.includes("MALLOC")).join(", ") || "no allocator setting");
});
