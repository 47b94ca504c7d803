/** Unit tests for the build steps' timings (src/build/step-timings.ts) and their line in the catalogue. */
import { test } from "node:test";
import assert from "node:assert/strict";
import { setTimeout as sleep } from "node:timers/promises";
import { between, timeStep, timingsWanted, TIMINGS_VARIABLE } from "../../../src/build/step-timings.js";
import { stepTimed } from "../../../src/messages/build.js";

test("timings are printed only when AKHBAR_TIMINGS=1", () => {
  for (const [value, wanted] of [["1", true], [undefined, false], ["0", false], ["", false], ["yes", false]] as const) {
    assert.equal(timingsWanted(value === undefined ? {} : { [TIMINGS_VARIABLE]: value }), wanted, String(value));
  }
});

test("a step's wall time counts its waiting; its CPU time counts its work, not the waiting", async () => {
  const waiting = await timeStep("waits", () => sleep(120));
  assert.equal(waiting.step, "waits");
  assert.ok(waiting.wallMs >= 110, `${waiting.wallMs} ms`);
  assert.ok(waiting.cpuMs < waiting.wallMs / 2, `${waiting.cpuMs} ms of CPU while waiting`);
  // Works until the process has used 120 ms of CPU (however busy the machine), or 20 s have passed.
  const working = await timeStep("works", () => {
    const start = process.cpuUsage();
    const until = performance.now() + 20_000;
    while (performance.now() < until) {
      for (let i = 0; i < 10_000; i++) Math.sqrt(Math.random());
      const used = process.cpuUsage(start);
      if ((used.user + used.system) / 1000 >= 120) break;
    }
  });
  assert.ok(working.cpuMs >= 80, `${working.cpuMs} ms of CPU while working`);
  assert.ok(working.rssBytes > 0);
});

test("the timing line, in Persian and English", () => {
  const line = stepTimed({ step: "write the release pages", wallMs: 12_345, cpuMs: 11_960, rssBytes: 1_500_000_000 });
  assert.equal(line.fa, "[akhbar] زمان «write the release pages»: ۱۲٫۳ ثانیه، پردازنده ۱۲٫۰ ثانیه، حافظه ۱٫۵ گیگابایت");
  assert.equal(line.en, '[akhbar] time of "write the release pages": 12.3 s, CPU 12.0 s, memory 1.5 GB');
  const gap = between("Eleventy's own pages", 1_000, 3_500, 2_000);
  assert.deepEqual({ ...gap, rssBytes: 0 }, { step: "Eleventy's own pages", wallMs: 2_500, cpuMs: 2_000, rssBytes: 0 });
});
