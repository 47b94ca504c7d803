/**
 * Release types, updates and corrections, dates without a time and organizations' feeds in a built
 * site (issue 24). The test writes its own small archive: a notice and a news release of one
 * organization (the news one corrected after publication), a photo report dated without a time,
 * and an English notice dated without a time; it builds it once with the real build command and
 * reads the pages, feeds, sitemaps and the search page.
 */
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { readFile, rm } from "node:fs/promises";
import path from "node:path";
import { XMLParser } from "fast-xml-parser";
import { exists, listFiles, loadPage, type Page } from "../support/html.js";
import { folderWith, runBuild, temporaryDirectory } from "../support/run.js";
import { readShardPostings } from "../../src/search/shard-postings.js";
import { filterKey } from "../../src/search/directory.js";

const SITE_URL = "https://akhbar.test";
const ORGANIZATION = "فرمانداری شهرستان ری";
const ORGANIZATION_SLUG = "فرمانداری-شهرستان-ری";

const release = (fields: string, body = "متن خبر.") => `---\n${fields}\n---\n\n${body}\n`;

const FILES: Record<string, string> = {
  // A notice, written by its Persian name.
  "releases/1402/1001.md": release(`id: 1001\ntitle: "اطلاعیهٔ تعطیلی ادارات ری"\ndate: "1402/05/10 18:00"\ntype: اطلاعیه\ncounty: ری\norganization: ${ORGANIZATION}`),
  // News (no type), corrected after publication.
  "releases/1402/1002.md": release(
    `id: 1002\ntitle: "افتتاح مدرسهٔ تازه در ری"\ndate: "1402/05/11 09:30"\ncounty: ری\norganization: ${ORGANIZATION}\nupdated: "1402/05/13 14:10"\ncorrection: "شمار کلاس‌ها در نسخهٔ نخست ۱۰ آمده بود؛ ۱۲ درست است."`,
    "مدرسه‌ای با ۱۲ کلاس افتتاح شد.",
  ),
  // A photo report dated without a time, of the same county: related to the others.
  "releases/1402/1003.md": release(`id: 1003\ntitle: "آیین کشت پاییزه"\ndate: 1402/05/12\ntype: گزارش تصویری\ncounty: ری`),
  // An English notice dated without a time, by its key.
  "releases/1402/1004.md": release(`id: 1004\ntitle: "Notice of office hours"\ndate: 2023-08-04\ntype: notice\nlang: en`, "Offices open at 8."),
};

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@_", parseTagValue: false, isArray: (name) => ["entry", "link", "url", "sitemap"].includes(name) });

let work = "";
let site = "";

before(async () => {
  work = await temporaryDirectory("akhbar-release-kinds-");
  const content = await folderWith(FILES, "akhbar-release-kinds-content-");
  site = path.join(work, "site");
  const run = await runBuild(content, site, { SITE_URL });
  await rm(content, { recursive: true, force: true });
  assert.equal(run.code, 0, `the build failed:\n${run.log}`);
});

after(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

const page = (url: string): Promise<Page> => loadPage(site, `${url.slice(1)}index.html`);
const readXml = async (url: string) => parser.parse(await readFile(path.join(site, url.slice(1)), "utf8"));
const readJson = async (url: string) => JSON.parse(await readFile(path.join(site, url.slice(1)), "utf8"));

/** The `<dd>` beside the `<dt>` with this label, in the release's meta. */
function metaRow($: Page, label: string) {
  return $("dl.release__meta > div").filter((_, element) => $(element).children("dt").text() === label).children("dd");
}

function jsonLd($: Page): Record<string, unknown> {
  return JSON.parse($('script[type="application/ld+json"]').text()) as Record<string, unknown>;
}

describe("release types", () => {
  test("a release page shows its type, linked to the type's list; news is said too", async () => {
    const notice = await page("/news/1001/");
    assert.equal(metaRow(notice, "نوع").text(), "اطلاعیه");
    assert.equal(metaRow(notice, "نوع").find("a").attr("href"), "/types/notice/");
    assert.equal(metaRow(await page("/news/1002/"), "نوع").find("a").attr("href"), "/types/news/");
    const english = await page("/en/news/1004/");
    assert.equal(metaRow(english, "Type").text(), "Notice");
  });

  test("JSON-LD: a photo report is a ReportageNewsArticle, a notice and news NewsArticles", async () => {
    assert.equal(jsonLd(await page("/news/1003/"))["@type"], "ReportageNewsArticle");
    assert.equal(jsonLd(await page("/news/1001/"))["@type"], "NewsArticle");
    assert.equal(jsonLd(await page("/news/1002/"))["@type"], "NewsArticle");
  });

  test("each type the archive has gets a list at /types/<key>/, titled by its plural, with its feeds; /types/ lists them", async () => {
    const notices = await page("/types/notice/");
    assert.equal(notices("h1").text(), "اطلاعیه‌ها");
    assert.deepEqual(notices("ol.release-list h2 a").map((_, element) => notices(element).attr("href")).get(), ["/en/news/1004/", "/news/1001/"]);
    assert.deepEqual(notices("p.list-feed a").map((_, element) => notices(element).attr("href")).get(), ["/types/notice/feed.xml", "/types/notice/feed.json"]);
    assert.deepEqual(notices('link[rel="alternate"][href^="/types/"]').map((_, element) => notices(element).attr("href")).get(), ["/types/notice/feed.xml", "/types/notice/feed.json"]);
    // In a list, a summary names the type when it is not news.
    assert.match(notices("ol.release-list .summary__meta").last().text(), /· اطلاعیه/);

    const index = await page("/types/");
    assert.deepEqual(index("ul.term-index a").map((_, element) => [[index(element).attr("href"), index(element).text()]]).get(), [
      ["/types/news/", "خبر"],
      ["/types/notice/", "اطلاعیه"],
      ["/types/photo-report/", "گزارش تصویری"],
    ]);
    // A type without releases has no list.
    assert.equal(await exists(path.join(site, "types", "interview")), false);
  });

  test("a type's Atom and JSON feeds carry its releases", async () => {
    const atom = (await readXml("/types/notice/feed.xml")).feed;
    assert.match(atom.title, /^اطلاعیه‌ها \| /);
    assert.deepEqual(atom.entry.map((entry: { id: string }) => entry.id), [`${SITE_URL}/en/news/1004/`, `${SITE_URL}/news/1001/`]);
    const json = await readJson("/types/photo-report/feed.json");
    assert.deepEqual(json.items.map((item: { id: string }) => item.id), [`${SITE_URL}/news/1003/`]);
  });

  test("the search page offers the types as a filter, by key, and the index files them under `type`", async () => {
    const search = await page("/search/");
    const select = search('select[name="type"]');
    assert.equal(select.length, 1);
    assert.equal(search(`label[for="${select.attr("id")}"]`).text(), "نوع خبر");
    assert.deepEqual(select.find("option").map((_, element) => [[search(element).attr("value"), search(element).text()]]).get(), [
      ["", "همهٔ نوع‌ها"],
      ["news", "خبر"],
      ["notice", "اطلاعیه"],
      ["photo-report", "گزارش تصویری"],
    ]);
    // The search index files each release under its type's key (read as the search directory reads it).
    const entries = await listFiles(path.join(site, "pagefind"));
    const bundles = entries.filter((file) => file.endsWith("/pagefind-entry.json")).map((file) => path.join(site, "pagefind", path.dirname(file)));
    assert.ok(bundles.length > 0, "no search shard");
    const keys = new Set<string>();
    for (const bundle of bundles) for (const [key] of (await readShardPostings(bundle)).entries) keys.add(key);
    for (const type of ["news", "notice", "photo-report"]) assert.ok(keys.has(filterKey("type", type)), type);
    assert.equal(keys.has(filterKey("type", "interview")), false);
  });
});

describe("organizations", () => {
  test("an organization's list links its feeds, which carry its releases", async () => {
    const list = await page(`/organizations/${ORGANIZATION_SLUG}/`);
    const own = [`/organizations/${ORGANIZATION_SLUG}/feed.xml`, `/organizations/${ORGANIZATION_SLUG}/feed.json`];
    assert.deepEqual(list("p.list-feed a").map((_, element) => list(element).attr("href")).get(), own);
    const atom = (await readXml(own[0]!)).feed;
    assert.equal(atom.title.startsWith(`خبرهای ${ORGANIZATION} | `), true, atom.title);
    assert.deepEqual(atom.entry.map((entry: { id: string }) => entry.id), [`${SITE_URL}/news/1002/`, `${SITE_URL}/news/1001/`]);
  });

  test("the header's menu names organizations and release types on every page", async () => {
    for (const url of ["/", "/news/1001/", "/types/notice/", "/en/news/1004/"]) {
      const $ = await page(url);
      const links = $("header nav.site-nav a").map((_, element) => $(element).attr("href")).get();
      assert.ok(links.includes("/organizations/") && links.includes("/types/"), `${url}: ${links.join(" ")}`);
    }
    const $ = await page("/types/");
    assert.equal($('header nav.site-nav a[aria-current="page"]').attr("href"), "/types/");
    assert.equal($('header nav.site-nav a[href="/organizations/"]').text(), "سازمان‌ها");
    assert.equal($('header nav.site-nav a[href="/types/"]').text(), "نوع خبرها");
  });
});

describe("updates and corrections", () => {
  const UPDATED = "2023-08-04T14:10:00+03:30";
  const PUBLISHED = "2023-08-02T09:30:00+03:30";

  test("the page shows when it was updated and the correction, as a note", async () => {
    const $ = await page("/news/1002/");
    const updated = metaRow($, "به‌روزرسانی").find("time");
    assert.equal(updated.attr("datetime"), UPDATED);
    assert.equal(updated.text(), "۱۳ مرداد ۱۴۰۲، ساعت ۱۴:۱۰");
    const note = $("article.release p.release__correction");
    assert.equal(note.attr("role"), "note");
    assert.equal(note.text(), "اصلاحیه: شمار کلاس‌ها در نسخهٔ نخست ۱۰ آمده بود؛ ۱۲ درست است.");
    const other = await page("/news/1001/");
    assert.equal(metaRow(other, "به‌روزرسانی").length, 0);
    assert.equal(other(".release__correction").length, 0);
  });

  test("JSON-LD's dateModified and article:modified_time are the update; the publication stays", async () => {
    const $ = await page("/news/1002/");
    const article = jsonLd($);
    assert.deepEqual([article.datePublished, article.dateModified], [PUBLISHED, UPDATED]);
    assert.equal($('meta[property="article:published_time"]').attr("content"), PUBLISHED);
    assert.equal($('meta[property="article:modified_time"]').attr("content"), UPDATED);
    const unchanged = jsonLd(await page("/news/1001/"));
    assert.equal(unchanged.dateModified, unchanged.datePublished);
  });

  test("the feeds' entry is updated at the update, and so is the feed", async () => {
    const atom = (await readXml("/feed.xml")).feed;
    const entry = atom.entry.find((item: { id: string }) => item.id === `${SITE_URL}/news/1002/`);
    assert.deepEqual([entry.published, entry.updated], [PUBLISHED, UPDATED]);
    // The update (4 August, 14:10) is the site's latest change: later than the newest release (4 August, midnight).
    assert.equal(atom.updated, UPDATED);
    const json = await readJson("/feed.json");
    const item = json.items.find((candidate: { id: string }) => candidate.id === `${SITE_URL}/news/1002/`);
    assert.deepEqual([item.date_published, item.date_modified], [PUBLISHED, UPDATED]);
  });

  test("the sitemap's lastmod of the release is its update", async () => {
    const index = (await readXml("/sitemap.xml")).sitemapindex;
    const lastmods = new Map<string, string>();
    for (const child of index.sitemap as Array<{ loc: string }>) {
      const urlset = (await readXml(child.loc.slice(SITE_URL.length))).urlset;
      for (const url of urlset.url as Array<{ loc: string; lastmod?: string }>) if (url.lastmod) lastmods.set(url.loc, url.lastmod);
    }
    assert.equal(lastmods.get(`${SITE_URL}/news/1002/`), UPDATED);
    assert.equal(lastmods.get(`${SITE_URL}/news/1001/`), "2023-08-01T18:00:00+03:30");
  });
});

describe("dates without a time", () => {
  test("the release page shows the day alone, never «ساعت ۰۰:۰۰»; its datetime is Tehran's midnight", async () => {
    const $ = await page("/news/1003/");
    const time = $("dl.release__meta > div").first().find("time");
    assert.equal(time.text(), "۱۲ مرداد ۱۴۰۲");
    assert.equal(time.attr("datetime"), "2023-08-03T00:00:00+03:30");
    assert.doesNotMatch($("dl.release__meta").text(), /ساعت/);
    const english = await page("/en/news/1004/");
    assert.equal(english("dl.release__meta > div").first().find("time").text(), "4 August 2023");
  });

  test("list summaries show the day alone too, and a date with a time keeps it", async () => {
    for (const url of ["/news/", "/types/photo-report/", "/archive/1402/05/", "/"]) {
      const $ = await page(url);
      const summary = $('article.summary:has(a[href="/news/1003/"]) .summary__meta time');
      assert.equal(summary.text(), "۱۲ مرداد ۱۴۰۲", url);
    }
    const news = await page("/news/");
    assert.equal(news('article.summary:has(a[href="/news/1001/"]) .summary__meta time').text(), "۱۰ مرداد ۱۴۰۲، ساعت ۱۸:۰۰");
    assert.equal(news('article.summary:has(a[href="/en/news/1004/"]) .summary__meta time').text(), "4 August 2023");
  });

  test("a related release's date on a release page is shown without a time when it has none", async () => {
    const $ = await page("/news/1002/");
    assert.equal($('a[href="/news/1003/"] + time').text(), "۱۲ مرداد ۱۴۰۲");
    assert.doesNotMatch($.html(), /۱۲ مرداد ۱۴۰۲، ساعت/);
  });
});
