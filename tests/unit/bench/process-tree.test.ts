/** Unit tests for src/bench/process-tree.ts: the measurement of a command and the processes it starts. */
import { test } from "node:test";
import assert from "node:assert/strict";
import { measureCommand, parseTimes } from "../../../src/bench/process-tree.js";

const MB = 2 ** 20;
/** A child process (not the shell itself) that holds `mb` of touched memory for a while. */
const holding = (mb: number) => `${JSON.stringify(process.execPath)} -e "const b = Buffer.alloc(${mb} * 2 ** 20, 1); setTimeout(() => console.log(b.length), 1500)"`;

test("parseTimes reads the children's line of bash's times", () => {
  const rows: Array<[string, number]> = [
    ["0m0.010s 0m0.002s\n0m1.500s 0m0.250s", 1.75],
    ["0m0.000s 0m0.000s\n2m3.000s 0m1.000s\n", 124],
  ];
  for (const [text, seconds] of rows) assert.equal(parseTimes(text), seconds, text);
  assert.throws(() => parseTimes("nothing"), /cannot read/);
});

test("measureCommand: exit code, output and the peak memory of the tree, grandchildren included", async () => {
  const measured = await measureCommand(holding(200), { cwd: process.cwd() });
  assert.equal(measured.exitCode, 0, measured.output);
  assert.equal(measured.output, String(200 * MB));
  assert.ok(measured.peakBytes >= 200 * MB, `peak ${measured.peakBytes}`);
  assert.equal(measured.stoppedOverMemory, undefined);
});

test("measureCommand: a tree that passes the memory limit is stopped and says so", async () => {
  const measured = await measureCommand(holding(300), { cwd: process.cwd(), memoryLimitBytes: 150 * MB });
  assert.equal(measured.stoppedOverMemory, true);
  assert.notEqual(measured.exitCode, 0);
  assert.notEqual(measured.output, String(300 * MB), "the command ran to its end");
});
