/**
 * Unit tests for src/search/shards.ts (the index in shards of consecutive half-months of one
 * Jalali year: how half-months are grouped, which releases each shard holds, what the search page
 * is told, which shards hold a search's results, how the shards' results are combined).
 */
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { indexArchive } from "../../../src/browse/archive-index.js";
import { SECOND_HALF } from "../../../src/persian/calendar.js";
import {
  candidateShards,
  combineShardResults,
  groupPeriods,
  searchShards,
  shardFolder,
  shardId,
  shardListing,
  shardStart,
  SHARD_CAP,
  yearShards,
  type CandidateShard,
  type ShardListing,
} from "../../../src/search/shards.js";
import { makeRelease } from "../../support/release-factory.js";

describe("groupPeriods: a year's half-months, oldest first, in shards of at most the cap", () => {
  const rows: Array<{ name: string; counts: number[]; cap: number; groups: number[][] }> = [
    { name: "a small year is one shard", counts: [300, 400, 200], cap: 1_500, groups: [[0, 1, 2]] },
    { name: "exactly the cap is one shard", counts: [500, 500, 500], cap: 1_500, groups: [[0, 1, 2]] },
    { name: "one release over the cap starts a new shard", counts: [500, 500, 501], cap: 1_500, groups: [[0, 1], [2]] },
    {
      name: "greedy from the first month",
      counts: [1_200, 1_100, 300, 900, 700, 800, 1_300, 100, 100, 1_000, 1_200, 1_250],
      cap: 1_500,
      groups: [[0], [1, 2], [3], [4, 5], [6, 7, 8], [9], [10], [11]],
    },
    { name: "a month over the cap stands alone", counts: [400, 1_800, 300], cap: 1_500, groups: [[0], [1], [2]] },
    { name: "a first month over the cap stands alone", counts: [2_000, 300, 400], cap: 1_500, groups: [[0], [1, 2]] },
    { name: "empty months join the shard they fall in", counts: [0, 700, 0, 0, 800, 0, 900], cap: 1_500, groups: [[0, 1, 2, 3, 4, 5], [6]] },
    { name: "a year of empty months is one shard", counts: [0, 0], cap: 1_500, groups: [[0, 1]] },
    { name: "no months, no shards", counts: [], cap: 1_500, groups: [] },
    { name: "a small cap", counts: [1, 2, 1, 1, 3], cap: 3, groups: [[0, 1], [2, 3], [4]] },
  ];
  for (const row of rows) test(row.name, () => assert.deepEqual(groupPeriods(row.counts, row.cap), row.groups));

  test("the production cap is 750 releases, a half-month is cut from the 16th", () => {
    assert.equal(SHARD_CAP, 750);
    assert.equal(SECOND_HALF, 16);
    assert.deepEqual(groupPeriods([500, 250, 1]), [[0, 1], [2]]);
  });

  // The archive grows in its newest month: release by release, every earlier shard must stay as
  // it was, and only the year's last one or two may change (the last takes the release, or the
  // newest month no longer fits and leaves it for a shard of its own).
  const years: Array<{ name: string; counts: number[] }> = [
    { name: "a year of average months", counts: [1_200, 1_100, 300, 900, 700, 800, 1_300, 100, 100, 1_000, 1_200, 0] },
    { name: "the newest month after a month over the cap", counts: [400, 1_800, 300, 0] },
    { name: "the first month of a year", counts: [0] },
    { name: "small months", counts: [200, 200, 200, 200, 200, 200, 0] },
  ];
  for (const year of years)
    test(`growing the newest month only changes the last one or two shards: ${year.name}`, () => {
      const last = year.counts.length - 1;
      let before = groupPeriods(year.counts);
      for (let added = 1; added <= 2_000; added++) {
        const counts = [...year.counts];
        counts[last] = counts[last]! + added;
        const after = groupPeriods(counts);
        const kept = after.length === before.length || after.length === before.length + 1 ? before.length - 1 : -1;
        assert.ok(kept >= 0, `${added} added: from ${before.length} to ${after.length} shards`);
        assert.deepEqual(after.slice(0, kept), before.slice(0, kept), `${added} added: an earlier shard changed`);
        assert.deepEqual(after.flat(), counts.map((_, position) => position), "every month in one shard, in order");
        before = after;
      }
    });
});

describe("searchShards and shardListing", () => {
  // Newest first, as the archive keeps them. Nowruz 1403 fell on 2024-03-20 (Tehran time).
  const releases = [
    makeRelease(9, "2024-03-20T10:00:00+03:30"), // 1 Farvardin 1403
    makeRelease(8, "2024-03-19T23:00:00+03:30", { lang: "en" }), // 29 Esfand 1402, late evening
    makeRelease(7, "2023-12-01T10:00:00+03:30"), // 10 Azar 1402
    makeRelease(6, "2023-11-20T10:00:00+03:30"), // 29 Aban 1402
    makeRelease(5, "2023-11-01T10:00:00+03:30", { lang: "en" }), // 10 Aban 1402
    makeRelease(4, "2023-06-01T10:00:00+03:30"), // 11 Khordad 1402
    makeRelease(3, "2023-03-20T12:00:00+03:30", { lang: "en" }), // 29 Esfand 1401
    makeRelease(2, "2022-01-01T10:00:00+03:30"), // 1400
  ];
  const index = indexArchive(releases);

  test("with the production cap, one shard per year, named after its first half-month, newest first, releases newest first", () => {
    assert.deepEqual(
      searchShards(index).map((shard) => ({ id: shard.id, year: shard.year, month: shard.month, day: shard.day, ids: shard.releases.map((release) => release.id) })),
      [
        { id: "1403-01", year: 1403, month: 1, day: 1, ids: [9] },
        { id: "1402-03", year: 1402, month: 3, day: 1, ids: [8, 7, 6, 5, 4] },
        { id: "1401-12-16", year: 1401, month: 12, day: 16, ids: [3] },
        { id: "1400-10", year: 1400, month: 10, day: 1, ids: [2] },
      ],
    );
  });

  test("with a cap of 2, a year is cut at half-months (a month at its 16th), never inside one", () => {
    assert.deepEqual(
      searchShards(index, 2).map((shard) => ({ id: shard.id, ids: shard.releases.map((release) => release.id) })),
      [
        { id: "1403-01", ids: [9] },
        // Oldest first: Khordad 1–15 (1) + Aban 1–15 (1); Aban 16– (1) + Azar 1–15 (1); Esfand 16– (1).
        { id: "1402-12-16", ids: [8] },
        { id: "1402-08-16", ids: [7, 6] },
        { id: "1402-03", ids: [5, 4] },
        { id: "1401-12-16", ids: [3] },
        { id: "1400-10", ids: [2] },
      ],
    );
  });

  const shards = searchShards(index, 2);
  const rows: Array<{ lang: "fa" | "en"; listing: ShardListing[] }> = [
    {
      lang: "fa",
      listing: [
        { id: "1403-01", year: 1403, pages: 1 },
        { id: "1402-12-16", year: 1402, pages: 1 },
        { id: "1402-08-16", year: 1402, pages: 2 },
        { id: "1402-03", year: 1402, pages: 2 },
        { id: "1401-12-16", year: 1401, pages: 1 },
        { id: "1400-10", year: 1400, pages: 1 },
      ],
    },
    // The English page lists only the shards with English releases (the others have no English index).
    {
      lang: "en",
      listing: [
        { id: "1402-12-16", year: 1402, pages: 1 },
        { id: "1402-03", year: 1402, pages: 1 },
        { id: "1401-12-16", year: 1401, pages: 1 },
      ],
    },
  ];
  for (const { lang, listing } of rows) test(`the ${lang} search page's list of shards`, () => assert.deepEqual(shardListing(shards, lang), listing));

  test("a shard's id and folder: year, first month and (from a month's 16th) day, Latin digits; read back", () => {
    assert.equal(shardId(1403, 7), "1403-07");
    assert.equal(shardId(1403, 12, 1), "1403-12");
    assert.equal(shardId(1403, 12, 16), "1403-12-16");
    assert.equal(shardFolder("1403-07"), "1403-07/");
    assert.equal(shardFolder("1403-07-16"), "1403-07-16/");
    assert.deepEqual(["1403-07", "1403-12-16", "1403-01"].map(shardStart), [
      { month: 7, day: 1 },
      { month: 12, day: 16 },
      { month: 1, day: 1 },
    ]);
  });

  test("yearShards: the shards of one year, newest first; none for a year the site does not have", () => {
    const listing = shardListing(shards, "fa");
    assert.deepEqual(yearShards(listing, "1402").map((shard) => shard.id), ["1402-12-16", "1402-08-16", "1402-03"]);
    assert.deepEqual(yearShards(listing, "1399"), []);
    assert.deepEqual(yearShards(listing, ""), []);
  });
});

describe("candidateShards: the shards a search has results in, newest first, with how many", () => {
  const listing: ShardListing[] = [
    { id: "1404-07", year: 1404, pages: 12 },
    { id: "1404-01", year: 1404, pages: 20 },
    { id: "1403-01", year: 1403, pages: 9 },
  ];
  const bits = (...pages: number[]) => {
    const set = new Uint8Array(3);
    for (const page of pages) set[page >> 3]! |= 1 << (page & 7);
    return set;
  };
  const rows: Array<{ name: string; listing: ShardListing[]; pages: Map<string, Uint8Array> | undefined; candidates: CandidateShard[] }> = [
    {
      name: "the shards with matching pages, in the listing's order, counted",
      listing,
      pages: new Map([
        ["1403-01", bits(0, 8)],
        ["1404-07", bits(1, 2, 11)],
      ]),
      candidates: [
        { id: "1404-07", count: 3 },
        { id: "1403-01", count: 2 },
      ],
    },
    { name: "a shard with an empty page set is no candidate", listing, pages: new Map([["1404-01", bits()]]), candidates: [] },
    {
      name: "a shard outside the listing (another year's) is left out",
      listing: listing.filter((shard) => shard.year === 1403),
      pages: new Map([
        ["1404-07", bits(1)],
        ["1403-01", bits(3)],
      ]),
      candidates: [{ id: "1403-01", count: 1 }],
    },
    {
      name: "nothing the directory keys (a year alone): every page of every shard",
      listing,
      pages: undefined,
      candidates: [
        { id: "1404-07", count: 12 },
        { id: "1404-01", count: 20 },
        { id: "1403-01", count: 9 },
      ],
    },
  ];
  for (const row of rows) test(row.name, () => assert.deepEqual(candidateShards(row.listing, row.pages), row.candidates));
});

describe("combineShardResults", () => {
  const newer = [
    { id: "a", score: 0.2 },
    { id: "b", score: 0.1 },
  ];
  const older = [
    { id: "c", score: 0.5 },
    { id: "d", score: 0.1 },
  ];
  const rows: Array<{ name: string; byDate: boolean; ids: string[] }> = [
    { name: "by date: the shards one after the other, newest first", byDate: true, ids: ["a", "b", "c", "d"] },
    { name: "by relevance: by score; on a tie the newer shard first", byDate: false, ids: ["c", "a", "b", "d"] },
  ];
  for (const row of rows)
    test(row.name, () =>
      assert.deepEqual(
        combineShardResults([newer, older], row.byDate).map((result) => result.id),
        row.ids,
      ),
    );
});
