/** Unit tests for src/output/atomic-write.ts: a file is replaced whole, and a failed write leaves nothing behind. */
import { after, test } from "node:test";
import assert from "node:assert/strict";
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { threadId } from "node:worker_threads";
import { temporaryPathFor, writeFileAtomic } from "../../../src/output/atomic-write.js";

const created: string[] = [];
after(async () => {
  await Promise.all(created.map((dir) => rm(dir, { recursive: true, force: true })));
});
const folder = async () => {
  const dir = await mkdtemp(path.join(tmpdir(), "akhbar-unit-atomic-write-"));
  created.push(dir);
  return dir;
};

test("writeFileAtomic: the file holds exactly the new bytes, and no temporary is left beside it", async () => {
  const rows: Array<{ name: string; before?: string; data: string | Uint8Array; expected: Buffer }> = [
    { name: "a new file, text", data: "سلام\n", expected: Buffer.from("سلام\n", "utf8") },
    { name: "a new file, bytes", data: new Uint8Array([0, 1, 2, 255]), expected: Buffer.from([0, 1, 2, 255]) },
    { name: "an empty file", data: "", expected: Buffer.alloc(0) },
    { name: "over a longer file", before: "a much longer old text", data: "new", expected: Buffer.from("new") },
    { name: "over a shorter file", before: "old", data: "a longer new text", expected: Buffer.from("a longer new text") },
  ];
  for (const row of rows) {
    const dir = await folder();
    const file = path.join(dir, "entry.bin");
    if (row.before !== undefined) await writeFile(file, row.before);
    await writeFileAtomic(file, row.data);
    assert.deepEqual(await readFile(file), row.expected, row.name);
    assert.deepEqual(await readdir(dir), ["entry.bin"], row.name);
  }
});

test("writeFileAtomic: a write that fails leaves the old file as it was and no temporary", async () => {
  const dir = await folder();
  const file = path.join(dir, "entry.txt");
  await writeFile(file, "old");
  // A folder that is not empty where the file is to go: the rename fails after the temporary was written.
  const blocked = path.join(dir, "blocked");
  await mkdir(path.join(blocked, "inside"), { recursive: true });
  await assert.rejects(writeFileAtomic(blocked, "new"));
  // The folder must exist: the temporary cannot be written.
  await assert.rejects(writeFileAtomic(path.join(dir, "missing", "entry.txt"), "new"), { code: "ENOENT" });
  assert.equal(await readFile(file, "utf8"), "old");
  assert.deepEqual((await readdir(dir)).sort(), ["blocked", "entry.txt"]);
  assert.deepEqual(await readdir(blocked), ["inside"]);
});

test("temporaryPathFor: beside the target, named for this process and thread", () => {
  const rows: Array<[target: string, expected: string]> = [
    ["/cache/pages/abc.html", `/cache/pages/abc.html.${process.pid}-${threadId}.tmp`],
    ["relative/entry", `relative/entry.${process.pid}-${threadId}.tmp`],
  ];
  for (const [target, expected] of rows) {
    assert.equal(temporaryPathFor(target), expected, target);
    assert.equal(path.dirname(temporaryPathFor(target)), path.dirname(target), target);
  }
});
