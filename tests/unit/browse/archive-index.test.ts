/** Unit tests for src/browse/archive-index.ts: one pass over the archive gives every index. */
import { test } from "node:test";
import assert from "node:assert/strict";
import { indexArchive } from "../../../src/browse/archive-index.js";
import { findCounty } from "../../../src/content/counties.js";
import { newestFirst, type Release } from "../../../src/content/release.js";
import { makeRelease } from "../../support/release-factory.js";

const release = makeRelease;

const releases = [
  // 1 Farvardin 1403 begins at 2024-03-20T00:00+03:30; 1403 is a leap year, its Esfand has 30 days.
  release(1, "2024-03-19T23:59:00+03:30", { tags: ["روابط‌عمومی"], county: findCounty("ری") }),
  release(2, "2024-03-20T00:00:00+03:30", { tags: ["روابط عمومی", "نوروز"], county: findCounty("ری"), organization: "استانداري تهران" }),
  release(3, "2025-03-20T10:00:00+03:30", { tags: ["نوروز"], organization: "استانداری تهران" }),
  release(4, "2025-03-21T10:00:00+03:30", { tags: ["روابط عمومي"], county: findCounty("ملارد") }),
].sort(newestFirst);

const index = indexArchive(releases);
const ids = (list: readonly Release[]) => list.map((item) => item.id);

test("Jalali years and months, latest first, at the calendar's boundaries", () => {
  assert.deepEqual(
    index.years.map((year) => [year.year, year.count, year.months.map((month) => [month.month, ids(month.releases)])]),
    [
      [1404, 1, [[1, [4]]]],
      [1403, 2, [[12, [3]], [1, [2]]]],
      [1402, 1, [[12, [1]]]],
    ],
  );
});

test("tags written with a half-space, a space or Arabic letters are one tag", () => {
  assert.deepEqual(
    index.tags.map((tag) => [tag.slug, tag.name, ids(tag.releases)]),
    [
      ["روابط-عمومی", "روابط عمومی", [4, 2, 1]],
      ["نوروز", "نوروز", [3, 2]],
    ],
  );
});

test("counties and organizations", () => {
  assert.deepEqual(index.counties.map((county) => [county.slug, ids(county.releases)]), [["ری", [2, 1]], ["ملارد", [4]]]);
  assert.deepEqual(index.organizations.map((organization) => [organization.slug, organization.name, ids(organization.releases)]), [
    ["استانداری-تهران", "استانداری تهران", [3, 2]],
  ]);
});

test("neighbours in time", () => {
  const byId = new Map(releases.map((item) => [item.id, item]));
  assert.equal(index.neighbours.get(byId.get(4)!)?.newer, undefined);
  assert.equal(index.neighbours.get(byId.get(4)!)?.older?.id, 3);
  assert.equal(index.neighbours.get(byId.get(2)!)?.newer?.id, 3);
  assert.equal(index.neighbours.get(byId.get(2)!)?.older?.id, 1);
  assert.equal(index.neighbours.get(byId.get(1)!)?.older, undefined);
});

test("release types: those the archive has, in the table's order (news first), named in Persian, slugged by their key", () => {
  const typed = [
    release(10, "2024-05-01T10:00:00+03:30", { type: "photo-report" }),
    release(11, "2024-05-02T10:00:00+03:30", { type: "notice" }),
    release(12, "2024-05-03T10:00:00+03:30"),
    release(13, "2024-05-04T10:00:00+03:30", { type: "notice" }),
  ].sort(newestFirst);
  assert.deepEqual(indexArchive(typed).types.map((type) => [type.slug, type.name, ids(type.releases)]), [
    ["news", "خبر", [12]],
    ["notice", "اطلاعیه", [13, 11]],
    ["photo-report", "گزارش تصویری", [10]],
  ]);
  assert.deepEqual(indexArchive([]).types, []);
});
