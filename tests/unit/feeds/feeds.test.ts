/** Unit tests for src/feeds/feeds.ts, src/render/feed-links.ts, src/feeds/release-bodies.ts and src/render/absolute-url.ts. */
import { test } from "node:test";
import assert from "node:assert/strict";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { DateTime } from "luxon";
import * as cheerio from "cheerio";
import { indexArchive } from "../../../src/browse/archive-index.js";
import { newestFirst } from "../../../src/content/release.js";
import { findCounty } from "../../../src/content/counties.js";
import { absoluteUrl } from "../../../src/render/absolute-url.js";
import { feedLinks, siteFeedLinks, tagFeed, countyFeed } from "../../../src/render/feed-links.js";
import { FEED_SIZE, FEED_SIZES, planFeeds, renderAtom, renderJsonFeed, TERM_FEED_SIZE, type FeedEntry } from "../../../src/feeds/feeds.js";
import { ReleaseBodies } from "../../../src/feeds/release-bodies.js";
import { siteMetadata } from "../../../src/content/site.js";
import { makeRelease } from "../../support/release-factory.js";

const site = siteMetadata({ SITE_URL: "https://akhbar.test/" });

const releases = [
  makeRelease(1, "2024-03-19T23:59:00+03:30", { tags: ["روابط‌عمومی"], county: findCounty("ری") }),
  makeRelease(2, "2024-03-20T00:00:00+03:30", { tags: ["روابط عمومی"], county: findCounty("ری"), lang: "en", title: "English <b>one</b>" }),
  makeRelease(3, "2024-05-01T10:00:00+03:30", { tags: ["نوروز"], county: findCounty("ری"), organization: "استانداری تهران" }),
  makeRelease(4, "2024-06-01T10:00:00+03:30", { county: findCounty("ملارد"), lang: "en" }),
  makeRelease(5, "2024-07-01T10:00:00+03:30", { lead: "خلاصه", image: "/images/a b.jpg", imageAlt: "x", type: "notice" }),
].sort(newestFirst);

test("absoluteUrl joins the base and percent-encodes; absolute addresses stay", () => {
  const cases: Array<[string, string, string]> = [
    ["https://akhbar.test", "/news/1/", "https://akhbar.test/news/1/"],
    ["https://akhbar.test", "/tags/روابط-عمومی/feed.xml", "https://akhbar.test/tags/%D8%B1%D9%88%D8%A7%D8%A8%D8%B7-%D8%B9%D9%85%D9%88%D9%85%DB%8C/feed.xml"],
    ["https://akhbar.test", "/images/a b.jpg", "https://akhbar.test/images/a%20b.jpg"],
    ["https://example.org/archive", "/news/1/", "https://example.org/archive/news/1/"],
    ["https://akhbar.test", "https://cdn.example.org/x.jpg", "https://cdn.example.org/x.jpg"],
  ];
  for (const [base, url, expected] of cases) assert.equal(absoluteUrl(base, url), expected, url);
});

test("planFeeds: site, English, each county, tag, organization and release type, newest first; the site's two feeds carry at most `site` releases, a term's at most `term`", () => {
  const plans = planFeeds(site, releases, indexArchive(releases), { site: 2, term: 1 });
  const summary = plans.map((plan) => [plan.key, plan.folder, plan.lang, plan.releases.map((release) => release.id)]);
  assert.deepEqual(summary, [
    ["site", "/", "fa", [5, 4]],
    ["en", "/en/", "en", [4, 2]],
    // Terms in Persian alphabetical order, as the index keeps them.
    ["county:ری", "/counties/ری/", "fa", [3]],
    ["county:ملارد", "/counties/ملارد/", "fa", [4]],
    ["tag:روابط-عمومی", "/tags/روابط-عمومی/", "fa", [2]],
    ["tag:نوروز", "/tags/نوروز/", "fa", [3]],
    ["organization:استانداری-تهران", "/organizations/استانداری-تهران/", "fa", [3]],
    // Types in the table's order, by their key.
    ["type:news", "/types/news/", "fa", [4]],
    ["type:notice", "/types/notice/", "fa", [5]],
  ]);
  assert.equal(plans[6]!.title, "خبرهای استانداری تهران | آرشیو خبرهای استانداری تهران");
  assert.equal(plans[8]!.title, "اطلاعیه‌ها | آرشیو خبرهای استانداری تهران");
  assert.equal(plans[3]!.title, "خبرهای شهرستان ملارد | آرشیو خبرهای استانداری تهران");
  // The tag is named as its newest release writes it.
  assert.equal(plans[4]!.title, "خبرهای برچسب «روابط عمومی» | آرشیو خبرهای استانداری تهران");
  assert.equal(planFeeds(site, releases, indexArchive(releases))[0]!.releases.length, 5);
});

test("planFeeds by default: the site's feeds carry the newest 50 releases, each county's and tag's the newest 20", () => {
  assert.deepEqual(FEED_SIZES, { site: 50, term: 20 });
  assert.equal(FEED_SIZE, 50);
  assert.equal(TERM_FEED_SIZE, 20);
  // 60 releases of one county and one tag, a day apart.
  const many = Array.from({ length: 60 }, (_, index) =>
    makeRelease(100 + index, new Date(Date.UTC(2024, 0, 1 + index, 8)).toISOString().replace(".000Z", "+00:00"), { tags: ["نشست"], county: findCounty("ری") }),
  ).sort(newestFirst);
  const plans = planFeeds(site, many, indexArchive(many));
  const sizeOf = (key: string) => plans.find((plan) => plan.key === key)?.releases.length;
  assert.deepEqual([sizeOf("site"), sizeOf("county:ری"), sizeOf("tag:نشست")], [50, 20, 20]);
  // The newest ones: the term feeds carry the first 20 of the site's.
  assert.deepEqual(plans.find((plan) => plan.key === "tag:نشست")!.releases, plans[0]!.releases.slice(0, 20));
});

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@_", parseTagValue: false, isArray: (name) => ["entry", "link", "category"].includes(name) });

function entriesOf(plan: ReturnType<typeof planFeeds>[number]): FeedEntry[] {
  return plan.releases.map((release) => ({ release, contentHtml: `<p>body ${release.id} <a href="https://akhbar.test/x">&amp;</a></p>` }));
}

test("renderAtom: a well-formed Atom feed with the required elements, entries in order", () => {
  const plan = planFeeds(site, releases, indexArchive(releases))[0]!;
  const text = renderAtom(site, plan, entriesOf(plan));
  assert.equal(XMLValidator.validate(text), true);
  const feed = parser.parse(text).feed;
  assert.equal(feed["@_xmlns"], "http://www.w3.org/2005/Atom");
  assert.equal(feed["@_xml:lang"], "fa");
  assert.equal(feed.id, "https://akhbar.test/feed.xml");
  assert.equal(feed.updated, "2024-07-01T10:00:00+03:30");
  assert.deepEqual(feed.link.map((link: Record<string, string>) => [link["@_rel"], link["@_href"]]), [["self", "https://akhbar.test/feed.xml"], ["alternate", "https://akhbar.test/"]]);
  assert.equal(feed.author.name, "روابط‌عمومی استانداری تهران");
  assert.deepEqual(feed.entry.map((entry: { id: string }) => entry.id), [5, 4, 3, 2, 1].map((id) => `https://akhbar.test/${id === 2 || id === 4 ? "en/" : ""}news/${id}/`));
  const english = feed.entry[3];
  assert.equal(english["@_xml:lang"], "en");
  assert.equal(english.title, "English <b>one</b>");
  assert.equal(english.updated, "2024-03-20T00:00:00+03:30");
  assert.equal(english.content["@_type"], "html");
  assert.equal(english.content["#text"], `<p>body 2 <a href="https://akhbar.test/x">&amp;</a></p>`);
  assert.deepEqual(english.category.map((category: Record<string, string>) => category["@_term"]), ["روابط عمومی"]);
  assert.equal(feed.entry[0].summary, "خلاصه");
  assert.equal(feed.entry[1].summary, undefined);
  assert.equal(feed.entry[0]["@_xml:lang"], undefined);
});

test("renderAtom: an empty feed still has an updated date, fixed rather than the clock's", () => {
  const plan = { ...planFeeds(site, [], indexArchive([]))[1]!, releases: [] };
  const feed = parser.parse(renderAtom(site, plan, [])).feed;
  assert.equal(feed.updated, "1970-01-01T03:30:00+03:30");
  assert.equal(feed["@_xml:lang"], "en");
  assert.equal(feed.entry, undefined);
});

test("renderJsonFeed: JSON Feed 1.1 with content_html, dates with the Tehran offset and absolute images", () => {
  const plan = planFeeds(site, releases, indexArchive(releases))[0]!;
  const feed = JSON.parse(renderJsonFeed(site, plan, entriesOf(plan)));
  assert.equal(feed.version, "https://jsonfeed.org/version/1.1");
  assert.equal(feed.title, "آرشیو خبرهای استانداری تهران");
  assert.equal(feed.feed_url, "https://akhbar.test/feed.json");
  assert.equal(feed.home_page_url, "https://akhbar.test/");
  assert.equal(feed.language, "fa");
  assert.deepEqual(feed.items[0], {
    id: "https://akhbar.test/news/5/",
    url: "https://akhbar.test/news/5/",
    title: "خبر 5",
    content_html: `<p>body 5 <a href="https://akhbar.test/x">&amp;</a></p>`,
    summary: "خلاصه",
    image: "https://akhbar.test/images/a%20b.jpg",
    date_published: "2024-07-01T10:00:00+03:30",
    date_modified: "2024-07-01T10:00:00+03:30",
    language: "fa",
  });
  assert.deepEqual(feed.items.map((item: { id: string; language: string }) => item.language), ["fa", "en", "fa", "en", "fa"]);
  assert.deepEqual(feed.items[3].tags, ["روابط عمومی"]);
});

test("ReleaseBodies renders each body once, and forgets it after its expected uses", async () => {
  const calls: number[] = [];
  const bodies = new ReleaseBodies(async (release) => {
    calls.push(release.id);
    return `<p>${release.id}</p>`;
  });
  const [a, b] = [releases[0]!, releases[1]!];
  for (let use = 0; use < 3; use++) bodies.expect(a);
  bodies.expect(b);
  assert.equal(await bodies.get(a), `<p>${a.id}</p>`);
  assert.equal(await bodies.get(b), `<p>${b.id}</p>`);
  assert.equal(await bodies.get(a), `<p>${a.id}</p>`);
  assert.equal(await bodies.get(a), `<p>${a.id}</p>`);
  assert.deepEqual(calls, [a.id, b.id]);
  assert.equal(bodies.rendered, 2);
  // Past its expected uses the body is no longer held: asking again renders it again.
  await bodies.get(a);
  assert.deepEqual(calls, [a.id, b.id, a.id]);
});

test("feed links: Atom and JSON autodiscovery, the English feed first on English pages", () => {
  const linksOf = (markup: string) => {
    const $ = cheerio.load(`<head>${markup}</head>`);
    return $('link[rel="alternate"]').map((_, element) => `${$(element).attr("type")} ${$(element).attr("href")}`).get();
  };
  assert.deepEqual(linksOf(siteFeedLinks(site, "fa").value), ["application/atom+xml /feed.xml", "application/feed+json /feed.json"]);
  assert.deepEqual(linksOf(siteFeedLinks(site, "en").value), [
    "application/atom+xml /en/feed.xml",
    "application/feed+json /en/feed.json",
    "application/atom+xml /feed.xml",
    "application/feed+json /feed.json",
  ]);
  assert.deepEqual(linksOf(feedLinks(countyFeed(site, { slug: "رباط-کریم", name: "رباط‌کریم" })).value), [
    "application/atom+xml /counties/رباط-کریم/feed.xml",
    "application/feed+json /counties/رباط-کریم/feed.json",
  ]);
  const hostile = cheerio.load(feedLinks(tagFeed(site, { slug: "x", name: `"><script>` })).value);
  assert.equal(hostile("script").length, 0);
  assert.equal(hostile("link").first().attr("title"), `خبرهای برچسب «"><script>» | آرشیو خبرهای استانداری تهران`);
});

test("a release updated after publication: its entry's Atom <updated> and JSON date_modified, and the feed's <updated>, are the update", () => {
  const corrected = makeRelease(6, "2024-06-15T10:00:00+03:30", { updated: DateTime.fromISO("2024-07-02T09:00:00+03:30", { setZone: true }), correction: "نام شهرستان اصلاح شد." });
  const list = [...releases, corrected].sort(newestFirst);
  const plan = planFeeds(site, list, indexArchive(list))[0]!;
  const atom = parser.parse(renderAtom(site, plan, entriesOf(plan))).feed;
  // The newest release (5, 1 July) is older than the correction (2 July): the feed changed then.
  assert.equal(atom.updated, "2024-07-02T09:00:00+03:30");
  const entry = atom.entry.find((item: { id: string }) => item.id === "https://akhbar.test/news/6/");
  assert.deepEqual([entry.published, entry.updated], ["2024-06-15T10:00:00+03:30", "2024-07-02T09:00:00+03:30"]);
  const unchanged = atom.entry.find((item: { id: string }) => item.id === "https://akhbar.test/news/5/");
  assert.equal(unchanged.updated, unchanged.published);
  const json = JSON.parse(renderJsonFeed(site, plan, entriesOf(plan))) as { items: Array<{ id: string; date_published: string; date_modified: string }> };
  const item = json.items.find((candidate) => candidate.id === "https://akhbar.test/news/6/")!;
  assert.deepEqual([item.date_published, item.date_modified], ["2024-06-15T10:00:00+03:30", "2024-07-02T09:00:00+03:30"]);
});
