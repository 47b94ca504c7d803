/** Unit tests for src/browse/lists.ts and src/browse/urls.ts: which list pages a build makes, and their releases. */
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { DateTime } from "luxon";
import { indexArchive } from "../../../src/browse/archive-index.js";
import { findCounty } from "../../../src/content/counties.js";
import { newestFirst, type Release } from "../../../src/content/release.js";
import { monthUrl, termUrl, yearUrl } from "../../../src/browse/urls.js";
import { makeRelease } from "../../support/release-factory.js";
import { buildBrowseIndex, listPages, listReleases, monthKey, type ListPage } from "../../../src/browse/lists.js";
import { archivePageItems, FRONT_PAGE } from "../../../src/browse/pagination.js";

const release = makeRelease;

const ids = (list: readonly Release[]) => list.map((item) => item.id);
const browseOf = (releases: Release[]) => {
  const sorted = [...releases].sort(newestFirst);
  return buildBrowseIndex(sorted, indexArchive(sorted));
};
const summary = (pages: ListPage[]) => pages.map((page) => `${page.kind} ${page.key} ${page.page}/${page.pageCount} ${page.url}`);

describe("browse URLs", () => {
  const rows: Array<[string, string]> = [
    [yearUrl(1403), "/archive/1403/"],
    [monthUrl(1403, 2), "/archive/1403/02/"],
    [monthUrl(1403, 12), "/archive/1403/12/"],
    [termUrl("county", "رباط-کریم"), "/counties/رباط-کریم/"],
    [termUrl("organization", "استانداری-تهران"), "/organizations/استانداری-تهران/"],
    [termUrl("tag", "روابط-عمومی"), "/tags/روابط-عمومی/"],
  ];
  for (const [actual, expected] of rows) test(expected, () => assert.equal(actual, expected));
});

describe("listPages on a small archive", () => {
  // Esfand 1403 (leap year: 30 days) against Farvardin 1404, around Tehran midnight.
  const releases = [
    release(1, "2025-03-20T23:59:00+03:30", { tags: ["نوروز"], county: findCounty("ری") }), // 30 Esfand 1403
    release(2, "2025-03-21T00:00:00+03:30", { tags: ["نوروز", "روابط عمومی"], organization: "استانداری تهران" }), // 1 Farvardin 1404
    release(3, "2024-03-19T23:59:00+03:30", { tags: ["روابط‌عمومی"] }), // 29 Esfand 1402
  ];
  const browse = browseOf(releases);

  test("news, years and months newest first, then counties, organizations, tags and release types", () => {
    assert.deepEqual(summary(listPages(browse)), [
      "news  1/1 /news/",
      "year 1404 0/0 /archive/1404/",
      "month 1404/1 0/0 /archive/1404/01/",
      "year 1403 0/0 /archive/1403/",
      "month 1403/12 0/0 /archive/1403/12/",
      "year 1402 0/0 /archive/1402/",
      "month 1402/12 0/0 /archive/1402/12/",
      "county ری 0/0 /counties/ری/",
      "organization استانداری-تهران 0/0 /organizations/استانداری-تهران/",
      "tag روابط-عمومی 0/0 /tags/روابط-عمومی/",
      "tag نوروز 0/0 /tags/نوروز/",
      "type news 0/0 /types/news/",
    ]);
  });

  test("each page's releases, newest first", () => {
    const rows: Array<[Pick<ListPage, "kind" | "key">, number[]]> = [
      [{ kind: "news", key: "" }, [2, 1, 3]],
      [{ kind: "year", key: "1403" }, [1]],
      [{ kind: "month", key: monthKey(1404, 1) }, [2]],
      [{ kind: "month", key: monthKey(1403, 12) }, [1]],
      [{ kind: "tag", key: "روابط-عمومی" }, [2, 3]],
      [{ kind: "county", key: "ری" }, [1]],
    ];
    for (const [page, expected] of rows) assert.deepEqual(ids(listReleases(browse, page)), expected, `${page.kind} ${page.key}`);
  });

  test("a page that the build does not have is an internal error", () => {
    assert.throws(() => listReleases(browse, { kind: "month", key: monthKey(1403, 1) }), /no month "1403\/1"/);
    assert.throws(() => listReleases(browse, { kind: "tag", key: "ناموجود" }), /no tag "ناموجود"/);
  });

  test("months with releases before and after each month, across years", () => {
    const adjacent = (key: string) => {
      const { newer, older } = browse.adjacentMonths.get(key) ?? {};
      return [newer && monthKey(newer.year, newer.month), older && monthKey(older.year, older.month)];
    };
    assert.deepEqual(adjacent("1404/1"), [undefined, "1403/12"]);
    assert.deepEqual(adjacent("1403/12"), ["1404/1", "1402/12"]);
    assert.deepEqual(adjacent("1402/12"), ["1403/12", undefined]);
  });

  test("related keys: tags and county, not organization", () => {
    const byId = new Map(releases.map((item) => [item.id, item]));
    assert.deepEqual(browse.relatedKeys.get(byId.get(1)!), ["tag:نوروز", "county:ری"]);
    assert.deepEqual(browse.relatedKeys.get(byId.get(2)!), ["tag:روابط-عمومی", "tag:نوروز"]);
    assert.deepEqual(ids(browse.relatedBuckets.get("tag:روابط-عمومی")!), [2, 3]);
  });

  test("an empty archive still has its first /news/ page", () => {
    assert.deepEqual(summary(listPages(browseOf([]))), ["news  1/1 /news/"]);
  });
});

describe("pagination edges", () => {
  /** `count` releases in Mehr 1401 (from 2022-09-23), one an hour. */
  const month = (count: number, firstId = 1) =>
    Array.from({ length: count }, (_, index) => release(firstId + index, DateTime.fromISO("2022-09-25T08:00:00+03:30").plus({ hours: index }).toISO()!, { tags: ["مهر"] }));
  const pagesOf = (releases: Release[], kind: ListPage["kind"]) => summary(listPages(browseOf(releases)).filter((page) => page.kind === kind));

  // Archive paging (src/browse/pagination.ts): the front page first, then numbered pages from the oldest.
  const rows: Array<[count: number, pages: string[]]> = [
    [20, ["month 1401/7 0/0 /archive/1401/07/"]],
    [39, ["month 1401/7 0/0 /archive/1401/07/"]],
    [40, ["month 1401/7 0/1 /archive/1401/07/", "month 1401/7 1/1 /archive/1401/07/page/1/"]],
    [61, ["month 1401/7 0/2 /archive/1401/07/", "month 1401/7 1/2 /archive/1401/07/page/1/", "month 1401/7 2/2 /archive/1401/07/page/2/"]],
  ];
  for (const [count, pages] of rows) {
    test(`${count} releases in a month`, () => {
      assert.deepEqual(pagesOf(month(count), "month"), pages);
      assert.deepEqual(pagesOf(month(count), "tag"), pages.map((page) => page.replace("month 1401/7", "tag مهر").replace("/archive/1401/07/", "/tags/مهر/")));
    });
  }

  test("a numbered page keeps its releases while releases are added after it; the front page shows the rest", () => {
    for (let count = 40; count <= 100; count++) {
      const all = listReleases(browseOf(month(count)), { kind: "month", key: monthKey(1401, 7) });
      // Ids count up with time: page 1 is always the oldest 20, page 2 the next 20, newest first.
      assert.deepEqual(ids(archivePageItems(all, 1)), Array.from({ length: 20 }, (_, index) => 20 - index), `${count} releases`);
      const front = archivePageItems(all, FRONT_PAGE);
      assert.ok(front.length >= 20 && front.length < 40, `${count} releases: the front page shows ${front.length}`);
      assert.equal(front[0]!.id, count);
    }
  });

  test("/news/ covers the newest 1,000 releases in 50 pages and leads on to the 1,001st", () => {
    const releases = Array.from({ length: 1050 }, (_, index) =>
      release(index + 1, DateTime.fromISO("2020-01-01T10:00:00+03:30").plus({ hours: 7 * index }).toISO()!),
    );
    const browse = browseOf(releases);
    const news = listPages(browse).filter((page) => page.kind === "news");
    assert.equal(news.length, 50);
    assert.deepEqual(news.map((page) => page.page), Array.from({ length: 50 }, (_, index) => index + 1));
    assert.ok(news.every((page) => page.pageCount === 50));
    assert.deepEqual([news[0]!.url, news[1]!.url, news[49]!.url], ["/news/", "/news/page/2/", "/news/page/50/"]);
    assert.equal(browse.latest.length, 1000);
    assert.deepEqual([browse.latest[0]!.id, browse.latest[999]!.id], [1050, 51]);
    assert.equal(browse.afterLatest?.id, 50);
  });

  test("with 1,000 releases or fewer, /news/ lists all and leads nowhere further", () => {
    const releases = Array.from({ length: 1000 }, (_, index) => release(index + 1, DateTime.fromISO("2020-01-01T10:00:00+03:30").plus({ hours: index }).toISO()!));
    const browse = browseOf(releases);
    assert.equal(listPages(browse).filter((page) => page.kind === "news").length, 50);
    assert.equal(browse.afterLatest, undefined);
  });
});
