/**
 * Unit tests for the English section's list (src/browse/english-list.ts, layouts/english-list.ts):
 * every English release, paged from the oldest, and keys that stay the same for a numbered page
 * while newer releases are added.
 */
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { DateTime } from "luxon";
import { englishListPages, englishPageReleases, englishReleases } from "../../../src/browse/english-list.js";
import { englishListPageInputs } from "../../../layouts/english-list.js";
import { makeRelease } from "../../support/release-factory.js";
import type { Release } from "../../../src/content/release.js";

/** `count` English releases, newest first, hour after hour. */
function englishArchive(count: number): Release[] {
  const start = DateTime.fromISO("2023-01-01T10:00:00+03:30", { setZone: true });
  return Array.from({ length: count }, (_, index) => makeRelease(1000 + index, start.plus({ hours: index }).toISO()!, { lang: "en", fileHash: String(index).padStart(40, "0") })).reverse();
}

describe("the English list", () => {
  for (const [count, numbered, front] of [[0, 0, 0], [1, 0, 1], [39, 0, 39], [40, 1, 20], [221, 10, 21], [5000, 249, 20]] as const) {
    test(`${count} releases: ${numbered} numbered pages, the front page shows ${front}; no release left out, none twice`, () => {
      const english = englishArchive(count);
      const pages = englishListPages(english.length);
      assert.equal(pages.length, numbered + 1);
      assert.deepEqual(pages.map((page) => page.url).slice(0, 3), ["/en/news/", "/en/news/page/1/", "/en/news/page/2/"].slice(0, numbered + 1));
      assert.equal(englishPageReleases(english, pages[0]!).length, front);
      const shown = pages.flatMap((page) => englishPageReleases(english, page));
      assert.equal(new Set(shown).size, count);
      if (numbered > 0) assert.equal(englishPageReleases(english, pages[1]!).at(-1), english.at(-1), "page 1 ends with the oldest");
    });
  }

  test("only English releases, in the archive's order", () => {
    const mixed = [makeRelease(3, "2024-01-03T10:00:00+03:30", { lang: "en" }), makeRelease(2, "2024-01-02T10:00:00+03:30"), makeRelease(1, "2024-01-01T10:00:00+03:30", { lang: "en" })];
    assert.deepEqual(englishReleases(mixed).map((release) => release.id), [3, 1]);
  });

  test("keys: a numbered page's stay while newer releases are added; the front page's change", () => {
    const before = englishArchive(230);
    const after = englishArchive(235);
    const key = (english: Release[], page: number) => englishListPageInputs({ page: englishListPages(english.length).find((one) => one.page === page)!, english });
    for (let page = 1; page <= 9; page++) assert.equal(key(after, page), key(before, page), `page ${page}`);
    assert.notEqual(key(after, 0), key(before, 0));
    // An embargoed release on a page changes its key (the preview marks it).
    const marked = before.map((release, index) => (index === before.length - 1 ? { ...release, embargoed: true } : release));
    assert.notEqual(key(marked, 1), key(before, 1));
  });
});
