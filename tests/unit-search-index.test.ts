/**
 * Unit tests for how a shard's index is made (src/search-index.ts): the allocator settings that
 * Pagefind's backend is started with, decided by `pagefindEnvironment` and seen in the
 * environment of the backend process that indexing really starts (Linux's /proc), and that
 * backend stopped once its index is made.
 */
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { setTimeout as sleep } from "node:timers/promises";
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

/** The environments of this process's children whose program is Pagefind's (read synchronously: from a checkpoint). */
function pagefindChildEnvironments(): string[][] {
  const environments: string[][] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // The fields after the command's closing parenthesis: state, then the parent's id.
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const parent = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      // A process that has ended (and not yet been reaped) has no command line.
      if (parent !== process.pid || !readFileSync(`/proc/${entry}/cmdline`, "utf8").includes("pagefind")) continue;
      environments.push(readFileSync(`/proc/${entry}/environ`, "utf8").split("\0"));
    } catch {
      // A process that ended while it was read.
    }
  }
  return environments;
}

const DOCUMENT = { url: "/fa/news/1/", content: '<!doctype html><html lang="fa"><body><h1>سلام</h1><p>متن خبر</p></body></html>' };

test("the backend that indexing starts has the allocator settings, and is stopped once the index is made", async () => {
  assert.ok(existsSync("/proc/self/environ"), "this test reads the backend's environment from Linux's /proc, which this machine lacks");
  // An operator's setting in the test's own environment would be kept: the test is about the default.
  delete process.env[PAGEFIND_ALLOCATOR_VARIABLE];
  for (const round of [1, 2]) {
    let during: string[][] = [];
    // The checkpoint is called while the index is made, the backend running.
    const files = await indexDocuments([DOCUMENT], () => (during = pagefindChildEnvironments()));
    assert.ok(files.some((file) => file.path.endsWith(".pf_meta")), `round ${round}: an index was made`);
    assert.equal(during.length, 1, `round ${round}: one Pagefind backend runs while the index is made`);
    const settings = during[0]!.filter((line) => line.includes("MALLOC")).join(", ") || "no allocator setting";
    assert.ok(during[0]!.includes(`${PAGEFIND_ALLOCATOR_VARIABLE}=${PAGEFIND_ALLOCATOR_SETTINGS}`), `round ${round}: ${settings}`);
    // Stopped, so that the memory it keeps is one index's: it ends within moments of the kill.
    for (let wait = 0; wait < 40 && pagefindChildEnvironments().length > 0; wait++) await sleep(50);
    assert.equal(pagefindChildEnvironments().length, 0, `round ${round}: the backend still runs after the index was made`);
  }
});
