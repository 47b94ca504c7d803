/** Unit tests for src/feeds/sitemaps.ts: chunking, the index and its children, the news window, robots.txt. */
import { test } from "node:test";
import assert from "node:assert/strict";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { DateTime } from "luxon";
import { newestFirst } from "../../../src/content/release.js";
import { siteMetadata } from "../../../src/content/site.js";
import { SettingError } from "../../../src/content/setting-error.js";
import {
  chunk,
  isNoindex,
  newsSitemapTime,
  planSitemaps,
  recentReleases,
  renderNewsSitemap,
  renderRobotsTxt,
  SITEMAP_URL_LIMIT,
} from "../../../src/feeds/sitemaps.js";
import type { WrittenPage } from "../../../src/output/page-writer.js";
import { makeRelease } from "../../support/release-factory.js";

const site = siteMetadata({ SITE_URL: "https://akhbar.test" });
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@_", parseTagValue: false, isArray: (name) => ["url", "sitemap"].includes(name) });

test("chunk: runs of at most `size`, in order", () => {
  const cases: Array<[number[], number, number[][]]> = [
    [[], 3, []],
    [[1, 2, 3], 3, [[1, 2, 3]]],
    [[1, 2, 3, 4], 3, [[1, 2, 3], [4]]],
    [[1, 2, 3, 4, 5, 6, 7], 2, [[1, 2], [3, 4], [5, 6], [7]]],
    [[1], 1, [[1]]],
  ];
  for (const [items, size, expected] of cases) assert.deepEqual(chunk(items, size), expected, `${items.length} by ${size}`);
  assert.throws(() => chunk([1], 0), RangeError);
  assert.throws(() => chunk([1], 1.5), RangeError);
});

test("chunk at the protocol's limit: 50,000 addresses a file", () => {
  assert.equal(SITEMAP_URL_LIMIT, 50_000);
  const sizes = (count: number) => chunk(Array.from({ length: count }, (_, index) => index), SITEMAP_URL_LIMIT).map((part) => part.length);
  assert.deepEqual(sizes(50_000), [50_000]);
  assert.deepEqual(sizes(50_001), [50_000, 1]);
  assert.deepEqual(sizes(150_000), [50_000, 50_000, 50_000]);
});

const page = (url: string, head = ""): WrittenPage => ({
  url,
  outputPath: `/out${url.endsWith("/") ? `${url}index.html` : url}`,
  content: `<!doctype html><html><head><title>x</title>${head}</head><body><p>noindex</p></body></html>`,
});

test("planSitemaps: an index of children of at most `limit` addresses; releases oldest first with lastmod; noindex pages and other files left out", () => {
  const releases = [1, 2, 3, 4, 5].map((id) => makeRelease(id, `2024-0${id}-01T10:00:00+03:30`, id === 5 ? { lang: "en" } : {})).sort(newestFirst);
  const pages: WrittenPage[] = [
    page("/"),
    ...releases.map((release) => page(release.url, `<meta name="robots" content="index, follow">`)),
    page("/tags/روابط-عمومی/"),
    page("/search/"),
    page("/News/1/", `<meta name="robots" content="noindex">`),
    page("/404.html", `<meta name="robots" content="noindex">`),
    { url: "/feed.xml", outputPath: "/out/feed.xml", content: "<feed/>" },
  ];
  const files = planSitemaps(site, pages, releases, 2);
  assert.deepEqual(files.map((file) => file.url), [
    "/sitemap.xml",
    "/sitemap-pages-1.xml",
    "/sitemap-pages-2.xml",
    "/sitemap-releases-1.xml",
    "/sitemap-releases-2.xml",
    "/sitemap-releases-3.xml",
  ]);
  for (const file of files) assert.equal(XMLValidator.validate(file.content()), true, file.url);

  const index = parser.parse(files[0]!.content()).sitemapindex;
  assert.equal(index["@_xmlns"], "http://www.sitemaps.org/schemas/sitemap/0.9");
  assert.deepEqual(index.sitemap.map((entry: { loc: string; lastmod?: string }) => [entry.loc, entry.lastmod]), [
    ["https://akhbar.test/sitemap-pages-1.xml", undefined],
    ["https://akhbar.test/sitemap-pages-2.xml", undefined],
    ["https://akhbar.test/sitemap-releases-1.xml", "2024-02-01T10:00:00+03:30"],
    ["https://akhbar.test/sitemap-releases-2.xml", "2024-04-01T10:00:00+03:30"],
    ["https://akhbar.test/sitemap-releases-3.xml", "2024-05-01T10:00:00+03:30"],
  ]);
  const urlsOf = (file: number) => {
    const urlset = parser.parse(files[file]!.content()).urlset;
    assert.equal(urlset["@_xmlns"], "http://www.sitemaps.org/schemas/sitemap/0.9");
    return urlset.url.map((entry: { loc: string; lastmod?: string }) => (entry.lastmod ? `${entry.loc} ${entry.lastmod}` : entry.loc));
  };
  assert.deepEqual([...urlsOf(1), ...urlsOf(2)], [
    "https://akhbar.test/",
    "https://akhbar.test/search/",
    "https://akhbar.test/tags/%D8%B1%D9%88%D8%A7%D8%A8%D8%B7-%D8%B9%D9%85%D9%88%D9%85%DB%8C/",
  ]);
  assert.deepEqual([...urlsOf(3), ...urlsOf(4), ...urlsOf(5)], [
    "https://akhbar.test/news/1/ 2024-01-01T10:00:00+03:30",
    "https://akhbar.test/news/2/ 2024-02-01T10:00:00+03:30",
    "https://akhbar.test/news/3/ 2024-03-01T10:00:00+03:30",
    "https://akhbar.test/news/4/ 2024-04-01T10:00:00+03:30",
    "https://akhbar.test/en/news/5/ 2024-05-01T10:00:00+03:30",
  ]);
});

test("planSitemaps: a release page that was not written (a draft left out) is not listed", () => {
  const releases = [makeRelease(1, "2024-01-01T10:00:00+03:30"), makeRelease(2, "2024-01-02T10:00:00+03:30")].sort(newestFirst);
  const files = planSitemaps(site, [page("/news/1/")], releases);
  assert.deepEqual(files.map((file) => file.url), ["/sitemap.xml", "/sitemap-releases-1.xml"]);
  assert.deepEqual(parser.parse(files[1]!.content()).urlset.url.map((entry: { loc: string }) => entry.loc), ["https://akhbar.test/news/1/"]);
});

test("isNoindex reads the robots meta tag of the head only", () => {
  const cases: Array<[string, boolean]> = [
    [`<head><meta name="robots" content="noindex"></head>`, true],
    [`<head><meta name="robots" content="noindex, follow"></head>`, true],
    [`<head><meta name="robots" content="index, follow"></head>`, false],
    [`<head><title>noindex</title></head><body><meta name="robots" content="noindex"></body>`, false],
    [`<head></head><body>noindex</body>`, false],
  ];
  for (const [markup, expected] of cases) assert.equal(isNoindex(markup), expected, markup);
});

test("recentReleases: the two days before now, none from after it, newest first, at most the limit", () => {
  const now = Date.parse("2024-03-21T15:00:00+03:30");
  const releases = [
    makeRelease(1, "2024-03-19T14:59:59+03:30"), // 48 h and a second before: out
    makeRelease(2, "2024-03-19T15:00:00+03:30"), // exactly 48 h before: in
    makeRelease(3, "2024-03-20T14:00:00+03:30"),
    makeRelease(4, "2024-03-21T15:00:00+03:30"), // now: in
    makeRelease(5, "2024-03-21T15:00:01+03:30"), // after now: out
  ].sort(newestFirst);
  assert.deepEqual(recentReleases(releases, now).map((release) => release.id), [4, 3, 2]);
  assert.deepEqual(recentReleases(releases, now, undefined, 2).map((release) => release.id), [4, 3]);
  assert.deepEqual(recentReleases(releases, Date.parse("2025-01-01T00:00:00Z")), []);
  assert.deepEqual(recentReleases([], now), []);
});

test("renderNewsSitemap: Google News namespace, publication, date and title", () => {
  const releases = [makeRelease(7, "2024-03-20T14:00:00+03:30", { title: `<b>"خبر"</b> & more` }), makeRelease(8, "2024-03-20T15:00:00+03:30", { lang: "en", title: "English" })].sort(newestFirst);
  const text = renderNewsSitemap(site, releases);
  assert.equal(XMLValidator.validate(text), true);
  const urlset = parser.parse(text).urlset;
  assert.equal(urlset["@_xmlns"], "http://www.sitemaps.org/schemas/sitemap/0.9");
  assert.equal(urlset["@_xmlns:news"], "http://www.google.com/schemas/sitemap-news/0.9");
  assert.deepEqual(urlset.url, [
    {
      loc: "https://akhbar.test/en/news/8/",
      "news:news": {
        "news:publication": { "news:name": "Tehran Governorate News Archive", "news:language": "en" },
        "news:publication_date": "2024-03-20T15:00:00+03:30",
        "news:title": "English",
      },
    },
    {
      loc: "https://akhbar.test/news/7/",
      "news:news": {
        "news:publication": { "news:name": "آرشیو خبرهای استانداری تهران", "news:language": "fa" },
        "news:publication_date": "2024-03-20T14:00:00+03:30",
        "news:title": `<b>"خبر"</b> & more`,
      },
    },
  ]);
  assert.equal(parser.parse(renderNewsSitemap(site, [])).urlset.url, undefined);
});

test("newsSitemapTime: SOURCE_DATE_EPOCH when set, else the clock; nonsense is an error", () => {
  assert.equal(newsSitemapTime({ SOURCE_DATE_EPOCH: "1711020600" }, () => 5), 1_711_020_600_000);
  assert.equal(newsSitemapTime({}, () => 5), 5);
  assert.equal(newsSitemapTime({ SOURCE_DATE_EPOCH: " " }, () => 5), 5);
  assert.throws(
    () => newsSitemapTime({ SOURCE_DATE_EPOCH: "yesterday" }),
    (error: unknown) =>
      error instanceof SettingError &&
      /^SOURCE_DATE_EPOCH must be a whole number of seconds since 1970, not "yesterday"$/.test(error.text.en) &&
      /^SOURCE_DATE_EPOCH باید شمار ثانیه‌ها از ۱۹۷۰ باشد/.test(error.text.fa),
  );
});

test("robots.txt allows everything but the browser's editor (/admin/) and names both sitemaps on the site's own address", () => {
  assert.equal(
    renderRobotsTxt(site),
    "User-agent: *\nAllow: /\nDisallow: /admin/\n\nSitemap: https://akhbar.test/sitemap.xml\nSitemap: https://akhbar.test/sitemap-news.xml\n",
  );
});

test("planSitemaps: a child's inputs change with a release file in it, and only then", () => {
  const releases = [1, 2, 3, 4].map((id) => makeRelease(id, `2024-0${id}-01T10:00:00+03:30`, { fileHash: `${id}`.repeat(40) })).sort(newestFirst);
  const pages = releases.map((release) => page(release.url, `<meta name="robots" content="index, follow">`));
  const inputs = (list: typeof releases) => planSitemaps(site, pages, list, 2).map((file) => [file.url, file.inputs]);
  const before = inputs(releases);
  assert.deepEqual(inputs(releases), before, "the same archive, the same inputs");
  // Release 4 (in the second child, oldest first) moved a day: its file changed.
  const moved = releases.map((release) => (release.id === 4 ? { ...release, date: release.date.plus({ days: 1 }), fileHash: "f".repeat(40) } : release));
  const after = inputs(moved);
  assert.deepEqual(after.map(([url]) => url), ["/sitemap.xml", "/sitemap-releases-1.xml", "/sitemap-releases-2.xml"]);
  assert.equal(after[1]![1], before[1]![1], "the first child stays");
  assert.notEqual(after[2]![1], before[2]![1], "the second child is made again");
  assert.notEqual(after[0]![1], before[0]![1], "the index names the newer lastmod");
});

test("planSitemaps: a release updated after publication has its update as lastmod, and so has its child in the index when it is the child's latest change", () => {
  const updated = DateTime.fromISO("2024-03-15T09:00:00+03:30", { setZone: true });
  const releases = [1, 2, 3].map((id) => makeRelease(id, `2024-0${id}-01T10:00:00+03:30`, id === 1 ? { updated } : {})).sort(newestFirst);
  const pages = releases.map((release) => page(release.url, `<meta name="robots" content="index, follow">`));
  const files = planSitemaps(site, pages, releases, 2);
  const urlset = parser.parse(files.find((file) => file.url === "/sitemap-releases-1.xml")!.content()).urlset;
  assert.deepEqual(urlset.url.map((entry: { loc: string; lastmod: string }) => `${entry.loc} ${entry.lastmod}`), [
    "https://akhbar.test/news/1/ 2024-03-15T09:00:00+03:30",
    "https://akhbar.test/news/2/ 2024-02-01T10:00:00+03:30",
  ]);
  const index = parser.parse(files[0]!.content()).sitemapindex;
  assert.deepEqual(index.sitemap.map((entry: { loc: string; lastmod?: string }) => [entry.loc, entry.lastmod]), [
    // Release 1's update (15 March) is later than release 2's publication (1 February).
    ["https://akhbar.test/sitemap-releases-1.xml", "2024-03-15T09:00:00+03:30"],
    ["https://akhbar.test/sitemap-releases-2.xml", "2024-03-01T10:00:00+03:30"],
  ]);
});
