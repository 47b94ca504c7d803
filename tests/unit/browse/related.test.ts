/** Unit tests for src/browse/related.ts: related releases from bounded windows of each term's list. */
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { DateTime } from "luxon";
import { newestFirst, releaseUrl, type Release } from "../../../src/content/release.js";
import { RELATED_COUNT, RELATED_WINDOW, nearestInTime, newestFirstPosition, relatedReleases } from "../../../src/browse/related.js";

/** A release on day `day` of a fixed month (later day = newer), with related-release keys. */
function release(id: number, day: number, hour = 10): Release {
  return {
    id,
    title: `خبر ${id}`,
    date: DateTime.fromISO(`2024-05-${String(day).padStart(2, "0")}T${String(hour).padStart(2, "0")}:00:00+03:30`, { setZone: true }),
    tags: [],
    draft: false,
    type: "news",
    lang: "fa",
    inputPath: `content/releases/${id}.md`,
    fileHash: "0".repeat(40),
    hasPictures: false,
    url: releaseUrl(id),
  };
}

const ids = (list: readonly Release[]) => list.map((item) => item.id);
/** Releases 1…n on days 1…n, newest first (id n first). */
const timeline = (n: number) => Array.from({ length: n }, (_, index) => release(index + 1, index + 1)).sort(newestFirst);

test("the documented bounds", () => {
  assert.equal(RELATED_COUNT, 5);
  assert.equal(RELATED_WINDOW, 10);
});

describe("newestFirstPosition", () => {
  const list = timeline(5); // ids 5 4 3 2 1
  const rows: Array<[name: string, probe: Release, position: number]> = [
    ["a member: its own position", list[2]!, 2],
    ["the newest member", list[0]!, 0],
    ["the oldest member", list[4]!, 4],
    ["newer than all", release(9, 9), 0],
    ["older than all", release(9, 1, 9), 5],
    ["between days 3 and 4", release(9, 3, 12), 2],
    // Same instant as release 3: the higher id comes first.
    ["same instant, higher id", release(9, 3), 2],
    ["same instant, lower id", release(0, 3), 3],
  ];
  for (const [name, probe, position] of rows) test(name, () => assert.equal(newestFirstPosition(list, probe), position));
  test("an empty list", () => assert.equal(newestFirstPosition([], release(1, 1)), 0));
});

describe("nearestInTime", () => {
  const list = timeline(30); // ids 30 … 1
  const rows: Array<[name: string, probe: Release, window: number, expected: number[]]> = [
    ["the middle: window on either side", list[15]!, 2, [17, 16, 14, 13]],
    ["the newest: all from the older side", list[0]!, 2, [29, 28, 27, 26]],
    ["the second newest: one newer, three older", list[1]!, 2, [30, 28, 27, 26]],
    ["the oldest: all from the newer side", list[29]!, 2, [5, 4, 3, 2]],
    ["not a member: its neighbours in time", release(99, 10, 12), 2, [12, 11, 10, 9]],
    ["a list shorter than the window", list[15]!, 20, ids(list).filter((id) => id !== 15)],
  ];
  for (const [name, probe, window, expected] of rows) test(name, () => assert.deepEqual(ids(nearestInTime(list, probe, window)), expected));
  test("a list of the release alone", () => assert.deepEqual(nearestInTime([list[0]!], list[0]!, 10), []));
});

describe("relatedReleases", () => {
  // Terms per release id; release 100 is the one whose related releases are asked for.
  const terms: Record<number, string[]> = {
    100: ["tag:a", "tag:b", "county:x"],
    1: ["tag:a", "tag:b", "county:x"], // 3 shared
    2: ["tag:a", "county:x"], // 2
    3: ["tag:b", "county:y"], // 1
    4: ["tag:a"], // 1
    5: ["county:x"], // 1
    6: ["tag:b"], // 1
    7: ["tag:c"], // 0: never in a bucket of 100's terms
  };
  const days: Record<number, number> = { 100: 10, 1: 1, 2: 20, 3: 15, 4: 5, 5: 25, 6: 2, 7: 11 };
  const releases = new Map(Object.keys(terms).map((id) => [Number(id), release(Number(id), days[Number(id)]!)]));
  const termsOf = (item: Release) => terms[item.id] ?? [];
  const bucket = (key: string) => [...releases.values()].filter((item) => termsOf(item).includes(key)).sort(newestFirst);
  const target = releases.get(100)!;
  const buckets = termsOf(target).map(bucket);

  test("most shared terms first, then the more recent; at most RELATED_COUNT", () => {
    // Score 1 ties: 5 (day 25), 3 (day 15), 4 (day 5), 6 (day 2): the oldest is left out.
    assert.deepEqual(ids(relatedReleases(target, buckets, termsOf)), [1, 2, 5, 3, 4]);
  });

  test("count and window are options", () => {
    assert.deepEqual(ids(relatedReleases(target, buckets, termsOf, { count: 2 })), [1, 2]);
    // Window 1: from each bucket only the nearest release on either side of day 10.
    // tag:a = 2(20) 100 4(5) 1(1) → 2, 4; tag:b = 3(15) 100 6(2) 1(1) → 3, 6; county:x = 5(25) 2(20) 100 1(1) → 2, 1.
    assert.deepEqual(ids(relatedReleases(target, buckets, termsOf, { window: 1 })), [1, 2, 3, 4, 6]);
  });

  test("a release without terms, or alone in its terms, has none", () => {
    assert.deepEqual(relatedReleases(release(200, 3), [], termsOf), []);
    assert.deepEqual(relatedReleases(releases.get(7)!, [bucket("tag:c")], termsOf), []);
  });

  test("a release never lists itself, nor a candidate twice", () => {
    const related = relatedReleases(target, [...buckets, ...buckets], termsOf, { count: 10 });
    assert.deepEqual(ids(related), [1, 2, 5, 3, 4, 6]);
  });

  test("the window bounds the candidates: a long term list is not scanned", () => {
    // 1,000 releases share tag:big with the target on day 15; only the 2·window nearest are scored.
    const big = Array.from({ length: 1000 }, (_, index) => release(1000 + index, 1 + (index % 28), index % 24));
    const probe = release(5000, 15, 12);
    const scored: number[] = [];
    const counting = (item: Release) => {
      if (item !== probe) scored.push(item.id);
      return ["tag:big"];
    };
    const related = relatedReleases(probe, [[...big, probe].sort(newestFirst)], counting, { window: 10 });
    assert.equal(scored.length, 20);
    assert.equal(related.length, RELATED_COUNT);
  });
});
