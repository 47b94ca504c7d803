/**
 * Unit tests for src/search-shards.ts (the index in one shard per Jalali year: which
 * releases each holds, what the search page is told, how far a first search goes, how the
 * years' results are combined) and for `unmatchedTerms` (src/search-text.ts), which tells a
 * year's real answer from Pagefind's best effort.
 */
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { indexArchive } from "../src/collections.js";
import { combineShardResults, searchNextShard, searchShards, shardFolder, shardListing, type ShardListing } from "../src/search-shards.js";
import { unmatchedTerms } from "../src/search-text.js";
import { makeRelease } from "./release-factory.js";

describe("searchShards and shardListing", () => {
  // Newest first, as the archive keeps them. Nowruz 1403 fell on 2024-03-20 (Tehran time).
  const releases = [
    makeRelease(6, "2024-03-20T10:00:00+03:30"), // 1 Farvardin 1403
    makeRelease(5, "2024-03-19T23:00:00+03:30", { lang: "en" }), // 29 Esfand 1402, late evening
    makeRelease(4, "2023-06-01T10:00:00+03:30"), // 1402
    makeRelease(3, "2023-03-20T12:00:00+03:30", { lang: "en" }), // 29 Esfand 1401
    makeRelease(2, "2022-01-01T10:00:00+03:30"), // 1400
  ];
  const shards = searchShards(indexArchive(releases));

  test("one shard per Jalali year of the release dates, newest year first, releases newest first", () => {
    assert.deepEqual(
      shards.map((shard) => ({ year: shard.year, ids: shard.releases.map((release) => release.id) })),
      [
        { year: 1403, ids: [6] },
        { year: 1402, ids: [5, 4] },
        { year: 1401, ids: [3] },
        { year: 1400, ids: [2] },
      ],
    );
  });

  const rows: Array<{ lang: "fa" | "en"; listing: ShardListing[] }> = [
    {
      lang: "fa",
      listing: [
        { year: 1403, pages: 1 },
        { year: 1402, pages: 2 },
        { year: 1401, pages: 1 },
        { year: 1400, pages: 1 },
      ],
    },
    // The English page lists only the years with English releases (the others have no English index).
    {
      lang: "en",
      listing: [
        { year: 1402, pages: 1 },
        { year: 1401, pages: 1 },
      ],
    },
  ];
  for (const { lang, listing } of rows) test(`the ${lang} search page's list of shards`, () => assert.deepEqual(shardListing(shards, lang), listing));

  test("a shard's folder is its year in Latin digits", () => assert.equal(shardFolder(1403), "1403/"));
});

describe("searchNextShard: a search goes on into older years while the page is not full and the years loaded are under the budget", () => {
  const listing: ShardListing[] = [
    { year: 1404, pages: 1_500 },
    { year: 1403, pages: 10_000 },
    { year: 1402, pages: 9_000 },
  ];
  const rows: Array<{ name: string; searched: number; found: number; budget: number; next: boolean }> = [
    { name: "the page is not full, the years loaded are under the budget", searched: 1, found: 3, budget: 12_000, next: true },
    { name: "the page is full", searched: 1, found: 10, budget: 12_000, next: false },
    { name: "under the budget, even if the next year takes the search past it", searched: 2, found: 3, budget: 12_000, next: true },
    { name: "the years loaded reach the budget", searched: 2, found: 3, budget: 11_500, next: false },
    { name: "one page under the budget", searched: 1, found: 0, budget: 1_501, next: true },
    { name: "the year loaded reaches the budget", searched: 1, found: 0, budget: 1_500, next: false },
    { name: "every year searched", searched: 3, found: 0, budget: 1_000_000, next: false },
  ];
  for (const row of rows) test(row.name, () => assert.equal(searchNextShard(listing, row.searched, row.found, 10, row.budget), row.next));

  test("a new year's first releases do not stop a search before the last full year is in", () => {
    const newYear: ShardListing[] = [
      { year: 1405, pages: 3 },
      { year: 1404, pages: 14_630 },
      { year: 1403, pages: 13_797 },
    ];
    assert.deepEqual([1, 2].map((searched) => searchNextShard(newYear, searched, 1, 10)), [true, false]);
  });
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
    { name: "by date: the years one after the other, newest first", byDate: true, ids: ["a", "b", "c", "d"] },
    { name: "by relevance: by score; on a tie the newer year first", byDate: false, ids: ["c", "a", "b", "d"] },
  ];
  for (const row of rows)
    test(row.name, () =>
      assert.deepEqual(
        combineShardResults([newer, older], row.byDate).map((result) => result.id),
        row.ids,
      ),
    );
});

describe("unmatchedTerms: the query terms a result's stored text does not answer to", () => {
  const rows: Array<{ name: string; content: string; terms: string[]; unmatched: string[] }> = [
    { name: "every term matches", content: "مدیر کل ثبت اسناد", terms: ["مدیر", "کل"], unmatched: [] },
    { name: "a term the text lacks (Pagefind dropped it)", content: "مدیر ثبت اسناد", terms: ["مدیر", "کل"], unmatched: ["کل"] },
    { name: "a term read as a shorter word it starts with (Pagefind's fallback)", content: "واحد روابط استانداری", terms: ["روابطعمومی"], unmatched: ["روابطعمومی"] },
    { name: "a compound answers to its whole and its parts", content: "واحد روابط~عمومی استانداری", terms: ["روابطعمومی", "روابط", "عمومی"], unmatched: [] },
    { name: "a term matches the start of a word", content: "روابط~عمومی‌ها", terms: ["روابط"], unmatched: [] },
    { name: "an extra spelling counts for its word", content: "~مسیول مسئول", terms: ["مسیول"], unmatched: [] },
  ];
  for (const row of rows) test(row.name, () => assert.deepEqual(unmatchedTerms(row.content, row.terms), row.unmatched));
});
