/** Unit tests for src/bench/bench-table.ts: the table scripts/bench.ts writes into docs/benchmarks.md. */
import { test, describe } from "node:test";
import assert from "node:assert/strict";
import { firstSearchRange, renderTable, type SizeResult } from "../../../src/bench/bench-table.js";

const figures = { wallSeconds: 12.34, cpuSeconds: 20.5, peakBytes: 2 ** 30, files: 1500, bytes: 30 * 2 ** 20 };

// A row of a run before the restyle and first-search columns existed, as docs/benchmarks.json holds it.
const OLD: SizeResult = {
  releases: 1000,
  runs: 3,
  date: "2026-11-22",
  commit: "1bc1716",
  machine: "2 × test CPU",
  ours: figures,
  baseline: { ...figures, wallSeconds: 6.17 },
  incremental: { ...figures, written: 40 },
  devRebuildSeconds: 1.5,
};

const NEW: SizeResult = {
  releases: 10000,
  runs: 1,
  date: "2026-12-01",
  commit: "c7eda19",
  machine: "2 × test CPU",
  ours: figures,
  restyle: { ...figures, wallSeconds: 30, cpuSeconds: 45, written: 11000, searchFilesWritten: 0 },
  firstSearch: [
    { query: "روابط عمومی", status: "۲۰ نتیجه", pageGzipped: 40 * 1024, searchGzipped: 80 * 1024, totalGzipped: 120 * 1024 },
    { query: "بودجه", status: "۱۰ نتیجه", pageGzipped: 40 * 1024, searchGzipped: 60 * 1024, totalGzipped: 100 * 1024 },
    { query: "زرپخشکوب", status: "نتیجه‌ای نیست", pageGzipped: 40 * 1024, searchGzipped: 20.4 * 1024, totalGzipped: 60.4 * 1024 },
  ],
};

const cells = (line: string) => line.split(" | ").map((cell) => cell.replace(/^\| |\s\|$/g, ""));

describe("the benchmark table", () => {
  const lines = renderTable([NEW, OLD]).split("\n");
  const header = cells(lines[0]!);
  const column = (name: string) => header.indexOf(name);

  test("has a restyle column and a first-search column, and as many cells in every row as in the header", () => {
    assert.notEqual(column("restyle (cache kept)"), -1);
    assert.notEqual(column("first search (page and query)"), -1);
    assert.equal(lines[1]!.split("|").length, lines[0]!.split("|").length);
    for (const row of lines.slice(2, 4)) assert.equal(cells(row).length, header.length, row);
  });

  test("sorts the rows by size and shows '–' for the fields an old row lacks", () => {
    const [old, fresh] = [cells(lines[2]!), cells(lines[3]!)];
    assert.equal(old[0], "1,000");
    assert.equal(fresh[0], "10,000");
    assert.equal(old[column("restyle (cache kept)")], "–");
    assert.equal(old[column("first search (page and query)")], "–");
    assert.equal(old[column("dev server: a saved release rebuilt")], "1.50 s");
    assert.equal(fresh[column("dev server: a saved release rebuilt")], "–");
  });

  test("gives the restyle's figures, files written and the search files among them", () => {
    assert.equal(cells(lines[3]!)[column("restyle (cache kept)")], "30.0 s wall, 45.0 s CPU, 1.00 GB, 11,000 files written, 0 of them search files");
  });

  test("gives the first search as the range of its queries' totals with gzip", () => {
    assert.equal(cells(lines[3]!)[column("first search (page and query)")], "60–120 KB with gzip");
  });

  test("ends with the machines the rows ran on", () => {
    assert.match(renderTable([NEW, OLD]), /\n\nMachine: 2 × test CPU\.\n$/);
  });
});

describe("the first-search range", () => {
  test("is one figure when the queries agree, and '–' when none was measured", () => {
    assert.equal(firstSearchRange([{ query: "بودجه", status: "", pageGzipped: 0, searchGzipped: 0, totalGzipped: 2048 }]), "2 KB with gzip");
    assert.equal(firstSearchRange([]), "–");
    assert.equal(firstSearchRange(undefined), "–");
  });
});
