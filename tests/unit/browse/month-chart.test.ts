/** Unit tests for src/browse/month-chart.ts: bar geometry of the releases-per-month chart. */
import { test } from "node:test";
import assert from "node:assert/strict";
import { CHART_SIZE, MINIMUM_BAR_HEIGHT, monthChartBars } from "../../../src/browse/month-chart.js";

const size = { width: 240, height: 120, top: 10, bottom: 10, gap: 4 };
// Plot area: 100 high, bars end at y = 110; slots 20 wide.
const counts = [10, 0, 5, 1000, 0, 0, 0, 0, 0, 0, 0, 1];

test("heights proportional to the counts; an empty month has no bar; one release still shows", () => {
  const bars = monthChartBars(counts, false, size);
  assert.deepEqual(
    bars.map((bar) => [bar.month, bar.count, bar.height, bar.y]),
    [
      [1, 10, MINIMUM_BAR_HEIGHT, 108],
      [2, 0, 0, 110],
      [3, 5, MINIMUM_BAR_HEIGHT, 108],
      [4, 1000, 100, 10],
      [5, 0, 0, 110],
      [6, 0, 0, 110],
      [7, 0, 0, 110],
      [8, 0, 0, 110],
      [9, 0, 0, 110],
      [10, 0, 0, 110],
      [11, 0, 0, 110],
      [12, 1, MINIMUM_BAR_HEIGHT, 108],
    ],
  );
  const even = monthChartBars([4, 2, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0], false, size);
  assert.deepEqual(even.slice(0, 3).map((bar) => bar.height), [100, 50, 25]);
});

test("left to right, Farvardin is first at the left; right to left, at the right", () => {
  const ltr = monthChartBars(counts, false, size);
  const rtl = monthChartBars(counts, true, size);
  assert.deepEqual(ltr.slice(0, 2).map((bar) => [bar.month, bar.slotX, bar.x, bar.width, bar.centerX]), [
    [1, 0, 2, 16, 10],
    [2, 20, 22, 16, 30],
  ]);
  assert.deepEqual(rtl.slice(0, 2).map((bar) => [bar.month, bar.slotX, bar.x, bar.centerX]), [
    [1, 220, 222, 230],
    [2, 200, 202, 210],
  ]);
  assert.equal(rtl[11]!.slotX, 0);
  assert.ok(rtl.every((bar) => bar.baseY === 110 && bar.slotWidth === 20));
});

test("a year without releases draws no bars; the default size fits 12 slots", () => {
  assert.ok(monthChartBars(new Array(12).fill(0), true).every((bar) => bar.height === 0));
  const bars = monthChartBars(counts, true);
  assert.equal(bars.reduce((sum, bar) => sum + bar.slotWidth, 0), CHART_SIZE.width);
});

test("exactly 12 counts", () => {
  assert.throws(() => monthChartBars([1, 2, 3], true), /12 months/);
});
