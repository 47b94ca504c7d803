/** Tests for src/bench/floors.ts: the floors of a clean build, measured over the sample archive's releases, and their table. */
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { measureFloors, renderFloorsTable, type FloorResult } from "../../../src/bench/floors.js";
import { findReleaseFiles } from "../../../src/content/load.js";

test("renderFloorsTable gives each piece of work per release and at scale, and each owner's sum", () => {
  const result: FloorResult = {
    releases: 1000,
    heapBytes: 4 * 1024 * 1000,
    steps: [
      { name: "read", owner: "library", by: "node:fs", cpuSeconds: 0.5, wallSeconds: 0.6 },
      { name: "markdown", owner: "library", by: "markdown-it", cpuSeconds: 1.5, wallSeconds: 1.5 },
      { name: "documents", owner: "ours", by: "src/search/text.ts", cpuSeconds: 3, wallSeconds: 3 },
      { name: "index", owner: "Pagefind", by: "Pagefind's service", cpuSeconds: 7, wallSeconds: 4 },
    ],
  };
  const lines = renderFloorsTable(result, 150_000).split("\n");
  const rows: Array<[string, string]> = [
    ["| read | node:fs (library) | 0.50 ms | 75 s |", "a library's step"],
    ["| documents | src/search/text.ts (ours) | 3.00 ms | 450 s |", "our step"],
    ["| **all of the libraries' work** | | **2.00 ms** | **300 s** |", "the libraries' sum"],
    ["| **all of our work** | | **3.00 ms** | **450 s** |", "our sum"],
    ["| **all of Pagefind's work** | | **7.00 ms** | **1,050 s** |", "Pagefind's sum"],
    ["| heap the loaded releases hold | src/content/load.ts | 4.0 KB | 0.57 GB |", "the heap"],
  ];
  for (const [row, name] of rows) assert.ok(lines.includes(row), `${name}: ${row}\n${lines.join("\n")}`);
});

test("measureFloors measures every piece of work over real releases, Pagefind's process included, and leaves no scratch files", async () => {
  const files = (await findReleaseFiles("content")).map((file) => path.resolve(file));
  assert.ok(files.length >= 10, `the sample archive's releases: ${files.length}`);
  const folder = mkdtempSync(path.join(os.tmpdir(), "akhbar-floors-"));
  try {
    const scratch = path.join(folder, "scratch");
    const result = await measureFloors(files, scratch);
    assert.equal(result.releases, files.length);
    assert.deepEqual(
      result.steps.map((step) => step.owner),
      ["library", "library", "library", "library", "ours", "ours", "ours", "Pagefind"],
    );
    // Pagefind's CPU is its own process's, read from /proc: indexing any release takes some.
    const pagefind = result.steps.find((step) => step.owner === "Pagefind")!;
    assert.ok(pagefind.cpuSeconds > 0, `Pagefind's CPU: ${pagefind.cpuSeconds}`);
    for (const step of result.steps.filter((step) => step.owner !== "ours" || !step.name.startsWith("check"))) assert.ok(step.cpuSeconds >= 0 && step.wallSeconds > 0, step.name);
    assert.ok(result.heapBytes > 0, `heap: ${result.heapBytes}`);
    assert.equal(existsSync(scratch), false);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});
