/** Unit tests for src/browse/pagination.ts: the arithmetic of every paged list. */
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import {
  archivedPageCount,
  archivePageBounds,
  archivePageLinks,
  archivePageOfPosition,
  archivePageUrl,
  FRONT_PAGE,
  LATEST_PAGE_LIMIT,
  PAGE_SIZE,
  pageBounds,
  pageCount,
  pageItems,
  pageLinks,
  pagedUrl,
  type PageLink,
} from "../../../src/browse/pagination.js";

test("the site's page size and the latest-news limit", () => {
  assert.equal(PAGE_SIZE, 20);
  assert.equal(LATEST_PAGE_LIMIT, 50);
});

describe("pageCount", () => {
  const rows: Array<[total: number, size: number, pages: number]> = [
    [0, 20, 1],
    [1, 20, 1],
    [19, 20, 1],
    [20, 20, 1],
    [21, 20, 2],
    [40, 20, 2],
    [41, 20, 3],
    [1000, 20, 50],
    [1001, 20, 51],
    [7, 1, 7],
  ];
  for (const [total, size, pages] of rows) {
    test(`${total} items, ${size} a page → ${pages} pages`, () => assert.equal(pageCount(total, size), pages));
  }
  test("the default size is PAGE_SIZE", () => assert.equal(pageCount(21), 2));
  for (const [total, size] of [[-1, 20], [1.5, 20], [10, 0], [10, 2.5]] as const) {
    test(`rejects total ${total}, size ${size}`, () => assert.throws(() => pageCount(total, size), RangeError));
  }
});

describe("pageBounds and pageItems", () => {
  const items = Array.from({ length: 45 }, (_, index) => index);
  const rows: Array<[page: number, total: number, start: number, end: number]> = [
    [1, 45, 0, 20],
    [2, 45, 20, 40],
    [3, 45, 40, 45],
    [1, 20, 0, 20],
    [1, 21, 0, 20],
    [2, 21, 20, 21],
    [1, 0, 0, 0],
  ];
  for (const [page, total, start, end] of rows) {
    test(`page ${page} of ${total} items is [${start}, ${end})`, () => {
      assert.deepEqual(pageBounds(page, total), { start, end });
      assert.deepEqual(pageItems(items.slice(0, total), page), items.slice(start, end));
    });
  }
  for (const [page, total] of [[0, 45], [4, 45], [2, 20], [2, 0], [1.5, 45]] as const) {
    test(`page ${page} of ${total} items is out of range`, () => assert.throws(() => pageBounds(page, total), RangeError));
  }
});

describe("pagedUrl", () => {
  const rows: Array<[base: string, page: number, url: string]> = [
    ["/news/", 1, "/news/"],
    ["/news/", 2, "/news/page/2/"],
    ["/archive/1403/02/", 12, "/archive/1403/02/page/12/"],
    ["/tags/روابط-عمومی/", 3, "/tags/روابط-عمومی/page/3/"],
  ];
  for (const [base, page, url] of rows) test(`${base} page ${page} → ${url}`, () => assert.equal(pagedUrl(base, page), url));
  test("a base without its trailing slash is an error", () => assert.throws(() => pagedUrl("/news", 2), /ends with/));
});

describe("pageLinks", () => {
  const rows: Array<[current: number, count: number, links: PageLink[]]> = [
    [1, 1, [1]],
    [1, 2, [1, 2]],
    [2, 2, [1, 2]],
    [1, 5, [1, 2, 3, 4, 5]],
    [3, 7, [1, 2, 3, 4, 5, 6, 7]],
    [1, 50, [1, 2, 3, "gap", 50]],
    [4, 50, [1, 2, 3, 4, 5, 6, "gap", 50]],
    // A gap of one page shows that page instead.
    [5, 50, [1, 2, 3, 4, 5, 6, 7, "gap", 50]],
    [25, 50, [1, "gap", 23, 24, 25, 26, 27, "gap", 50]],
    [47, 50, [1, "gap", 45, 46, 47, 48, 49, 50]],
    [50, 50, [1, "gap", 48, 49, 50]],
  ];
  for (const [current, count, links] of rows) {
    test(`page ${current} of ${count}`, () => assert.deepEqual(pageLinks(current, count), links));
  }
  test("a wider window", () => assert.deepEqual(pageLinks(10, 20, 3), [1, "gap", 7, 8, 9, 10, 11, 12, 13, "gap", 20]));
  for (const [current, count] of [[0, 5], [6, 5], [1, 0]] as const) {
    test(`page ${current} of ${count} is an error`, () => assert.throws(() => pageLinks(current, count), RangeError));
  }
});

describe("archive paging: numbered pages counted from the oldest", () => {
  const counts: Array<[total: number, archived: number]> = [
    [0, 0],
    [1, 0],
    [39, 0],
    [40, 1],
    [59, 1],
    [60, 2],
    [14_600, 729],
  ];
  for (const [total, archived] of counts) test(`${total} releases → ${archived} numbered pages`, () => assert.equal(archivedPageCount(total), archived));

  // Newest-first positions [start, end): page 1 is the oldest 20, the front page what is left.
  const bounds: Array<[page: number, total: number, start: number, end: number]> = [
    [FRONT_PAGE, 0, 0, 0],
    [FRONT_PAGE, 39, 0, 39],
    [FRONT_PAGE, 40, 0, 20],
    [1, 40, 20, 40],
    [FRONT_PAGE, 61, 0, 21],
    [2, 61, 21, 41],
    [1, 61, 41, 61],
  ];
  for (const [page, total, start, end] of bounds) {
    test(`page ${page} of ${total}: positions ${start}–${end}`, () => assert.deepEqual(archivePageBounds(page, total), { start, end }));
  }
  for (const [page, total] of [[1, 39], [-1, 50], [3, 61], [1.5, 61]] as const) {
    test(`page ${page} of ${total} is an error`, () => assert.throws(() => archivePageBounds(page, total), RangeError));
  }

  test("every position is on the page that shows it", () => {
    for (const total of [1, 20, 39, 40, 41, 99, 100, 101]) {
      for (let position = 0; position < total; position++) {
        const { start, end } = archivePageBounds(archivePageOfPosition(position, total), total);
        assert.ok(start <= position && position < end, `position ${position} of ${total}`);
      }
    }
  });

  test("addresses: the front page is the list's own", () => {
    assert.equal(archivePageUrl("/tags/آب/", FRONT_PAGE), "/tags/آب/");
    assert.equal(archivePageUrl("/tags/آب/", 1), "/tags/آب/page/1/");
  });

  const links: Array<[current: number, archived: number, expected: PageLink[]]> = [
    [FRONT_PAGE, 1, [FRONT_PAGE, 1]],
    [FRONT_PAGE, 10, [FRONT_PAGE, 10, 9, "gap", 1]],
    [10, 10, [FRONT_PAGE, 10, 9, 8, "gap", 1]],
    [5, 10, [FRONT_PAGE, "gap", 7, 6, 5, 4, 3, 2, 1]],
    [1, 10, [FRONT_PAGE, "gap", 3, 2, 1]],
  ];
  for (const [current, archived, expected] of links) {
    test(`navigation of page ${current} with ${archived} numbered pages`, () => assert.deepEqual(archivePageLinks(current, archived), expected));
  }

  test("a page's navigation does not change as pages are added far above it", () => {
    for (let archived = 10; archived < 40; archived++) assert.deepEqual(archivePageLinks(5, archived), [FRONT_PAGE, "gap", 7, 6, 5, 4, 3, 2, 1]);
  });
});
