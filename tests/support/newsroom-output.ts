/**
 * Build-output checks for feeds, sitemaps, robots.txt, sharing tags and JSON-LD, legacy
 * redirects and the English section. They read the one site that tests/build/build-output.test.ts
 * builds (a build is the slow part of the suite), which calls `describeNewsroomOutput`.
 * Expectations come from the content files, read by that test, not from the build's modules;
 * only slugify (unit-tested in unit-persian), the table of release types (unit-content) and the
 * _redirects matcher (unit-redirects) are shared.
 */
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import * as cheerio from "cheerio";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { slugify } from "../../src/persian/slug.js";
import { DEFAULT_RELEASE_TYPE, findReleaseType } from "../../src/content/release-types.js";
import { isShardId } from "../../src/search/shards.js";
import { parseRedirectsFile, resolveRedirect } from "./host-redirects.js";
import { exists, fileForUrl, isReaderPage, listFiles, loadPage } from "./html.js";

export const BASE = "https://akhbar.test";
/** "Now" for the news sitemap: 149633 (47 h before) and 149641 (25 h before) are in its window; 149560 is older, 149835 and the fixtures later. */
export const NOW = "2024-03-21T15:00:00+03:30";
/** The environment of the shared build: SITE_URL with a trailing slash (the site must drop it). */
export const NEWSROOM_BUILD_ENV = { SITE_URL: `${BASE}/`, SOURCE_DATE_EPOCH: String(Date.parse(NOW) / 1000) };

export interface BuiltRelease {
  id: number;
  title: string;
  lang: "fa" | "en";
  lead?: string;
  county?: string;
  organization?: string;
  /** `type:` as written (src/content/release-types.ts), when the file has one. */
  type?: string;
  tags: string[];
  image?: string;
  /** The instant as the release page shows it (`<time datetime>`). */
  iso: string;
  /** The instant of its update (`updated:`), for a release changed after publication. */
  modified?: string;
}

export interface BuiltSite {
  site: string;
  /** The published releases. */
  releases: BuiltRelease[];
  draftId: number;
  hostile: { id: number; title: string };
  /** The logo of the content's site.yml (root-relative) and its size: the sharing picture of releases without one, the publisher's logo. */
  logo?: { url: string; width: number; height: number };
}

/** The releases the site's two feeds carry, and a county's or a tag's. */
const FEED_SIZE = 50;
const TERM_FEED_SIZE = 20;
const ATOM = "http://www.w3.org/2005/Atom";
const SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9";
const NEWS = "http://www.google.com/schemas/sitemap-news/0.9";
const RFC3339_TEHRAN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+0[34]:30$/;

const ARRAYS = new Set(["entry", "link", "category", "url", "sitemap"]);
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@_", parseTagValue: false, trimValues: false, isArray: (name) => ARRAYS.has(name) });

type XmlNode = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export function describeNewsroomOutput(get: () => BuiltSite): void {
  const siteDir = () => get().site;
  const urlOf = (release: Pick<BuiltRelease, "id" | "lang">) => (release.lang === "en" ? `/en/news/${release.id}/` : `/news/${release.id}/`);
  const abs = (url: string) => new URL(`${BASE}${url}`).href;
  const newest = (releases: BuiltRelease[]) => [...releases].sort((a, b) => Date.parse(b.iso) - Date.parse(a.iso) || b.id - a.id);

  async function readXml(file: string): Promise<XmlNode> {
    const text = await readFile(path.join(siteDir(), file), "utf8");
    assert.equal(XMLValidator.validate(text), true, `${file} is not well-formed XML`);
    assert.ok(text.startsWith(`<?xml version="1.0" encoding="utf-8"?>`), file);
    return parser.parse(text);
  }

  /** The built file an absolute address of this site is served from, or undefined. */
  function fileOfAbsolute(url: string): string | undefined {
    if (!url.startsWith(`${BASE}/`)) return undefined;
    return fileForUrl(siteDir(), url.slice(BASE.length));
  }

  /** Every feed the content calls for: folder → the releases it must carry, newest first. */
  function expectedFeeds(): Map<string, { lang: string; releases: BuiltRelease[] }> {
    const all = newest(get().releases);
    const feeds = new Map<string, { lang: string; releases: BuiltRelease[] }>();
    const add = (folder: string, lang: string, release?: BuiltRelease) => {
      const feed = feeds.get(folder) ?? { lang, releases: [] };
      if (release) feed.releases.push(release);
      feeds.set(folder, feed);
    };
    add("/", "fa");
    add("/en/", "en");
    for (const release of all) {
      add("/", "fa", release);
      if (release.lang === "en") add("/en/", "en", release);
      if (release.county) add(`/counties/${slugify(release.county)}/`, "fa", release);
      for (const tag of new Set(release.tags.map(slugify))) add(`/tags/${tag}/`, "fa", release);
      if (release.organization) add(`/organizations/${slugify(release.organization)}/`, "fa", release);
      add(`/types/${release.type === undefined ? DEFAULT_RELEASE_TYPE : findReleaseType(release.type)}/`, "fa", release);
    }
    for (const [folder, feed] of feeds) feed.releases = feed.releases.slice(0, folder === "/" || folder === "/en/" ? FEED_SIZE : TERM_FEED_SIZE);
    return feeds;
  }

  describe("feeds", () => {
    test("an Atom and a JSON feed for the site, the English section, each county, tag, organization and release type, and no others", async () => {
      const built = (await listFiles(siteDir())).filter((file) => /(^|\/)feed\.(xml|json)$/.test(file)).sort();
      const expected = [...expectedFeeds().keys()].flatMap((folder) => [`${folder.slice(1)}feed.xml`, `${folder.slice(1)}feed.json`]).sort();
      assert.deepEqual(built, expected);
      assert.ok(expected.length >= 2 * (2 + 5 + 5), `only ${expected.length} feeds: the sample should have several counties and tags`);
    });

    test("every Atom feed has the required elements and carries the newest releases of its scope, with full content", async () => {
      for (const [folder, { lang, releases }] of expectedFeeds()) {
        const where = `${folder}feed.xml`;
        const { feed } = await readXml(`${folder.slice(1)}feed.xml`);
        assert.ok(feed, `${where} has no <feed> root`);
        assert.equal(feed["@_xmlns"], ATOM, where);
        assert.equal(feed["@_xml:lang"], lang, where);
        assert.equal(feed.id, abs(`${folder}feed.xml`), where);
        assert.ok(typeof feed.title === "string" && feed.title.length > 0, where);
        assert.ok(typeof feed.author?.name === "string" && feed.author.name.length > 0, `${where}: a feed without an author needs one on every entry`);
        const self = feed.link.filter((link: XmlNode) => link["@_rel"] === "self");
        assert.deepEqual(self.map((link: XmlNode) => [link["@_href"], link["@_type"]]), [[abs(`${folder}feed.xml`), "application/atom+xml"]], where);
        const entries: XmlNode[] = feed.entry ?? [];
        assert.deepEqual(entries.map((entry) => entry.id), releases.map((release) => abs(urlOf(release))), `${where}: entries`);
        // The latest change of its entries: a publication, or an update (`updated:`) since.
        const changes = releases.map((release) => release.modified ?? release.iso).sort((a, b) => Date.parse(b) - Date.parse(a));
        assert.equal(feed.updated, changes[0], `${where}: updated is the latest change of its entries`);
        for (const [position, entry] of entries.entries()) {
          const release = releases[position]!;
          const at = `${where} entry ${release.id}`;
          assert.equal(entry.title, release.title, at);
          assert.match(entry.updated, RFC3339_TEHRAN, at);
          assert.equal(entry.updated, release.modified ?? release.iso, at);
          assert.equal(entry.published, release.iso, at);
          assert.equal(entry["@_xml:lang"], release.lang === lang ? undefined : release.lang, at);
          const alternate = entry.link.find((link: XmlNode) => link["@_rel"] === "alternate");
          assert.equal(alternate?.["@_href"], abs(urlOf(release)), at);
          assert.ok(await exists(fileOfAbsolute(alternate["@_href"])!), `${at}: the entry's link leads nowhere`);
          assert.equal(entry.content?.["@_type"], "html", at);
          assert.ok(entry.content["#text"].length > 0, at);
          assert.equal(entry.summary, release.lead, at);
        }
      }
    });

    test("every JSON Feed is version 1.1 with the same items as its Atom twin", async () => {
      for (const [folder, { lang, releases }] of expectedFeeds()) {
        const where = `${folder}feed.json`;
        const feed = JSON.parse(await readFile(path.join(siteDir(), folder.slice(1), "feed.json"), "utf8"));
        assert.equal(feed.version, "https://jsonfeed.org/version/1.1", where);
        assert.ok(typeof feed.title === "string" && feed.title.length > 0, where);
        assert.equal(feed.feed_url, abs(`${folder}feed.json`), where);
        assert.equal(feed.language, lang, where);
        assert.ok(Array.isArray(feed.items), where);
        assert.deepEqual(feed.items.map((item: XmlNode) => item.id), releases.map((release) => abs(urlOf(release))), where);
        const { feed: atom } = await readXml(`${folder.slice(1)}feed.xml`);
        for (const [position, item] of (feed.items as XmlNode[]).entries()) {
          const release = releases[position]!;
          const at = `${where} item ${release.id}`;
          assert.equal(item.url, abs(urlOf(release)), at);
          assert.equal(item.title, release.title, at);
          assert.equal(item.date_published, release.iso, at);
          assert.equal(item.date_modified, release.modified ?? release.iso, at);
          assert.equal(item.language, release.lang, at);
          assert.equal(typeof item.content_html, "string", at);
          assert.equal(item.content_html, atom.entry[position].content["#text"], `${at}: JSON and Atom content differ`);
          assert.equal(item.image, release.image ? abs(release.image) : undefined, at);
        }
      }
    });

    test("feed content is the release page's body, with every address absolute", async () => {
      const feed = JSON.parse(await readFile(path.join(siteDir(), "feed.json"), "utf8"));
      let absolutized = 0;
      for (const item of feed.items as XmlNode[]) {
        const release = get().releases.find((candidate) => abs(urlOf(candidate)) === item.id)!;
        const page = await loadPage(siteDir(), `${urlOf(release).slice(1)}index.html`);
        const content = cheerio.load(item.content_html);
        // A video is a plain link in a feed, with its title: the page's play button and provider's name are not text of the release.
        // An attachment's type and size are the page's (its picture pipeline reads the file); a feed links the file.
        page(".release__body .video__play, .release__body .video__provider, .release__body .attachment__meta").remove();
        const lines = (text: string) => text.trim().replace(/\s*\n\s*/g, "\n").replace(/ {2,}/g, " ");
        assert.equal(lines(content.root().text()), lines(page(".release__body").text()), `${item.id}: the feed's body differs from the page's`);
        // Pictures are the page's converted files (and a gallery's link to the largest); a feed shows each picture's original.
        const pageLinks = page(".release__body a[href]:not(.gallery__open), .release__body video[src]").map((_, element) => page(element).attr("href") ?? page(element).attr("src")).get();
        const feedLinks = content("a[href], video[src]").map((_, element) => content(element).attr("href") ?? content(element).attr("src")).get();
        const feedPictures = content("img").map((_, element) => content(element).attr("src")).get();
        assert.equal(feedPictures.length, page(".release__body img").length, `${item.id}: the feed shows another number of pictures`);
        for (const picture of feedPictures) assert.ok(picture.startsWith(`${BASE}/images/`) && (await exists(path.join(siteDir(), picture.slice(BASE.length)))), `${item.id}: ${picture}`);
        assert.deepEqual(feedLinks, pageLinks.map((link) => (link.startsWith("/") ? `${BASE}${link}` : link)), item.id);
        for (const link of feedLinks) assert.match(link, /^https?:\/\//, `${item.id}: ${link} is not absolute`);
        absolutized += pageLinks.filter((link) => link.startsWith("/")).length;
      }
      // 133120's body links /news/128960/: the case that needs rewriting does occur.
      assert.ok(absolutized >= 1, "no body with a root-relative link: the rewriting is not exercised");
      const english = feed.items.find((item: XmlNode) => item.id === abs("/en/news/133120/"));
      assert.match(english.content_html, /href="https:\/\/akhbar\.test\/news\/128960\/"/);
    });

    test("the hostile release's title and body reach the feeds as text; the draft is in none", async () => {
      const { hostile, draftId } = get();
      const { feed } = await readXml("feed.xml");
      const entry = feed.entry.find((candidate: XmlNode) => candidate.id === abs(`/news/${hostile.id}/`));
      assert.equal(entry.title, hostile.title);
      const body = cheerio.load(entry.content["#text"]);
      assert.equal(body("script, img, iframe, span").length, 0);
      assert.match(body.root().text(), /<script>alert\("body"\)<\/script>/);
      for (const file of (await listFiles(siteDir())).filter((name) => /(^|\/)(feed\.(xml|json)|sitemap[^/]*\.xml)$/.test(name))) {
        assert.equal((await readFile(path.join(siteDir(), file), "utf8")).includes(`/news/${draftId}/`), false, `${file} has the draft`);
      }
    });

    test("every page links the site's feeds for autodiscovery (first); English pages the English feed first", async () => {
      for (const file of (await listFiles(siteDir())).filter((name) => name.endsWith(".html") && isReaderPage(name))) {
        const $ = await loadPage(siteDir(), file);
        if ($('meta[http-equiv="refresh"]').length > 0) continue;
        // Feeds are the alternates with a type; those with hreflang are the page in the other language.
        const links = $('head link[rel="alternate"][type]').map((_, element) => `${$(element).attr("type")} ${$(element).attr("href")}`).get();
        const site = ["application/atom+xml /feed.xml", "application/feed+json /feed.json"];
        const expected = $("html").attr("lang") === "en" ? ["application/atom+xml /en/feed.xml", "application/feed+json /en/feed.json", ...site] : site;
        // County, organization, type and tag pages add their own feed after the site's (checked in build-output.test.ts).
        const ownFeed = /^(counties|organizations|types|tags)\/[^/]+\/(page\/\d+\/)?index\.html$/.test(file) ? 2 : 0;
        assert.deepEqual(links.slice(0, links.length - ownFeed), expected, file);
      }
      for (const feed of ["feed.xml", "feed.json", "en/feed.xml", "en/feed.json"]) assert.ok(await exists(path.join(siteDir(), feed)), feed);
    });
  });

  describe("sitemaps and robots.txt", () => {
    test("/sitemap.xml is a sitemap index; its children list exactly the indexable pages, each once, releases with their date", async () => {
      const { sitemapindex } = await readXml("sitemap.xml");
      assert.ok(sitemapindex, "sitemap.xml is not a sitemap index");
      assert.equal(sitemapindex["@_xmlns"], SITEMAP);
      const listed = new Map<string, string | undefined>();
      for (const child of sitemapindex.sitemap as XmlNode[]) {
        const file = fileOfAbsolute(child.loc);
        assert.ok(file && (await exists(file)), `${child.loc} is not a file of the site`);
        const { urlset } = await readXml(path.relative(siteDir(), file));
        assert.equal(urlset["@_xmlns"], SITEMAP, child.loc);
        assert.ok(urlset.url.length <= 50_000, child.loc);
        for (const url of urlset.url as XmlNode[]) {
          assert.equal(listed.has(url.loc), false, `${url.loc} is listed twice`);
          listed.set(url.loc, url.lastmod);
        }
      }
      const indexable: string[] = [];
      for (const file of (await listFiles(siteDir())).filter((name) => name.endsWith(".html"))) {
        const $ = await loadPage(siteDir(), file);
        if (/noindex/.test($('meta[name="robots"]').attr("content") ?? "")) continue;
        indexable.push(abs(`/${file}`.replace(/index\.html$/, "")));
      }
      assert.deepEqual([...listed.keys()].sort(), indexable.sort());
      for (const release of get().releases) assert.equal(listed.get(abs(urlOf(release))), release.modified ?? release.iso, `${release.id}: lastmod`);
      assert.equal(listed.has(abs("/404.html")), false);
      assert.equal(listed.has(abs("/News/149840/")), false);
    });

    test("/sitemap-news.xml: the releases of the two days before the build, in the Google News format", async () => {
      const { urlset } = await readXml("sitemap-news.xml");
      assert.equal(urlset["@_xmlns"], SITEMAP);
      assert.equal(urlset["@_xmlns:news"], NEWS);
      const now = Date.parse(NOW);
      const expected = newest(get().releases).filter((release) => Date.parse(release.iso) <= now && Date.parse(release.iso) >= now - 48 * 3600 * 1000);
      assert.deepEqual(expected.map((release) => release.id), [149641, 149633]);
      assert.deepEqual(
        (urlset.url as XmlNode[]).map((url) => url.loc),
        expected.map((release) => abs(urlOf(release))),
      );
      for (const [position, url] of (urlset.url as XmlNode[]).entries()) {
        const release = expected[position]!;
        const news = url["news:news"];
        assert.equal(news["news:publication"]["news:name"], "آرشیو خبرهای استانداری تهران");
        assert.equal(news["news:publication"]["news:language"], "fa");
        assert.equal(news["news:publication_date"], release.iso);
        assert.equal(news["news:title"], release.title);
      }
    });

    test("robots.txt names both sitemaps at SITE_URL", async () => {
      const lines = (await readFile(path.join(siteDir(), "robots.txt"), "utf8")).split("\n");
      assert.deepEqual(lines.filter((line) => line.startsWith("Sitemap:")), [`Sitemap: ${BASE}/sitemap.xml`, `Sitemap: ${BASE}/sitemap-news.xml`]);
      assert.ok(lines.includes("User-agent: *"));
    });
  });

  describe("sharing and structured data", () => {
    test("every release page has one NewsArticle JSON-LD with its own headline, dates, language and address", async () => {
      for (const release of get().releases) {
        const $ = await loadPage(siteDir(), `${urlOf(release).slice(1)}index.html`);
        const where = urlOf(release);
        const scripts = $('script[type="application/ld+json"]');
        assert.equal(scripts.length, 1, where);
        const data = JSON.parse(scripts.text());
        assert.equal(data["@context"], "https://schema.org", where);
        // A report (src/content/release-types.ts) is schema.org's ReportageNewsArticle.
        assert.ok(["NewsArticle", "ReportageNewsArticle"].includes(data["@type"]), where);
        assert.equal(data.headline, release.title, where);
        assert.equal(data.datePublished, release.iso, where);
        assert.equal(data.dateModified, release.modified ?? release.iso, where);
        assert.equal(data.inLanguage, release.lang, where);
        assert.deepEqual(data.mainEntityOfPage, { "@type": "WebPage", "@id": abs(urlOf(release)) }, where);
        assert.equal(data.publisher["@type"], "Organization", where);
        assert.equal(data.publisher.name, release.lang === "en" ? "Tehran Governorate Public Relations" : "روابط‌عمومی استانداری تهران", where);
        // The picture is shared as a raster (a drawing's PNG, a photo's converted JPEG), a file of the site with its size: never an SVG.
        if (release.image) {
          assert.equal(data.image.length, 1, where);
          const [image] = data.image;
          assert.equal(image["@type"], "ImageObject", where);
          assert.match(image.url, /^https:\/\/akhbar\.test\/img\/[^/]+\.(?:png|jpe?g)$/, where);
          assert.ok(await exists(path.join(siteDir(), new URL(image.url).pathname)), `${where}: ${image.url} is not a file of the site`);
          assert.ok(Number.isInteger(image.width) && Number.isInteger(image.height), where);
        } else {
          assert.equal(data.image, undefined, where);
        }
        const { logo } = get();
        assert.deepEqual(data.publisher.logo, logo ? { "@type": "ImageObject", url: abs(logo.url), width: logo.width, height: logo.height } : undefined, where);
        assert.equal($('link[rel="canonical"]').attr("href"), abs(urlOf(release)), where);
      }
    });

    test("the hostile title cannot leave the JSON-LD script", async () => {
      const { hostile } = get();
      const raw = await readFile(path.join(siteDir(), "news", String(hostile.id), "index.html"), "utf8");
      const $ = cheerio.load(raw);
      const script = $('script[type="application/ld+json"]');
      assert.equal(script.length, 1);
      assert.equal(JSON.parse(script.text()).headline, hostile.title);
      assert.equal(script.text().includes("<"), false);
      // The other script is the site's own release.js, by address.
      assert.equal($("script").not("[src]").length, 1, "the title made a second script element");
    });

    test("OpenGraph and Twitter card tags on every release page", async () => {
      for (const release of get().releases) {
        const $ = await loadPage(siteDir(), `${urlOf(release).slice(1)}index.html`);
        const where = urlOf(release);
        const og = (property: string) => $(`meta[property="${property}"]`).attr("content");
        const twitter = (name: string) => $(`meta[name="${name}"]`).attr("content");
        assert.equal(og("og:type"), "article", where);
        assert.equal(og("og:title"), release.title, where);
        assert.equal(og("og:url"), abs(urlOf(release)), where);
        assert.equal(og("og:locale"), release.lang === "en" ? "en_US" : "fa_IR", where);
        assert.ok(og("og:site_name"), where);
        assert.ok(og("og:description"), where);
        assert.equal(og("article:published_time"), release.iso, where);
        // A release without a picture of its own is shared with the site's logo.
        const { logo } = get();
        const shared = release.image ? JSON.parse($('script[type="application/ld+json"]').text()).image[0].url : logo ? abs(logo.url) : undefined;
        assert.equal(og("og:image"), shared, where);
        assert.doesNotMatch(og("og:image") ?? "", /\.svg$/i, where);
        assert.equal(twitter("twitter:image"), og("og:image"), where);
        assert.equal(twitter("twitter:card"), release.image ? "summary_large_image" : "summary", where);
        assert.equal(twitter("twitter:title"), release.title, where);
      }
      assert.ok(get().releases.some((release) => release.image), "no sample release has an image");
    });
  });

  describe("legacy and moved addresses", () => {
    test("/News/<id>/ of every release is a redirect page to its address: refresh, canonical, noindex and a link", async () => {
      for (const release of get().releases) {
        const file = `News/${release.id}/index.html`;
        assert.ok(await exists(path.join(siteDir(), file)), file);
        const $ = await loadPage(siteDir(), file);
        const target = urlOf(release);
        assert.equal($('meta[http-equiv="refresh"]').attr("content"), `0; url=${target}`, file);
        assert.equal($('link[rel="canonical"]').attr("href"), abs(target), file);
        assert.equal($('meta[name="robots"]').attr("content"), "noindex", file);
        assert.equal($(`body a[href="${target}"]`).text(), release.title, file);
        assert.ok(await exists(fileForUrl(siteDir(), target)!), `${file} leads to ${target}, which is missing`);
      }
    });

    test("every meta refresh on the site leads to a page that exists and is not itself a redirect", async () => {
      let redirects = 0;
      for (const file of (await listFiles(siteDir())).filter((name) => name.endsWith(".html"))) {
        const $ = await loadPage(siteDir(), file);
        const refresh = $('meta[http-equiv="refresh"]').attr("content");
        if (refresh === undefined) continue;
        redirects++;
        const target = /^0; url=(\/\S*)$/.exec(refresh)?.[1];
        assert.ok(target, `${file}: ${refresh}`);
        const targetFile = fileForUrl(siteDir(), target)!;
        assert.ok(await exists(targetFile), `${file} → ${target}, missing`);
        const next = cheerio.load(await readFile(targetFile, "utf8"));
        assert.equal(next('meta[http-equiv="refresh"]').length, 0, `${file} → ${target} redirects again`);
      }
      const english = get().releases.filter((release) => release.lang === "en").length;
      assert.equal(redirects, get().releases.length + english);
    });

    test("_redirects sends both forms of every old address, and an English release's Persian address, to the page that exists", async () => {
      const rules = parseRedirectsFile(await readFile(path.join(siteDir(), "_redirects"), "utf8"));
      for (const rule of rules) {
        assert.equal(rule.status, 301, rule.from);
        if (!rule.to.includes(":")) assert.ok(await exists(fileForUrl(siteDir(), rule.to)!), `${rule.from} → ${rule.to}, missing`);
      }
      for (const release of get().releases) {
        const sources = [`/News/${release.id}/`, `/News/${release.id}`, ...(release.lang === "en" ? [`/news/${release.id}/`, `/news/${release.id}`] : [])];
        for (const from of sources) {
          const resolved = resolveRedirect(rules, from);
          assert.equal(resolved?.to, urlOf(release), from);
          assert.ok(await exists(fileForUrl(siteDir(), resolved.to)!), `${from} → ${resolved.to}, missing`);
        }
        if (release.lang === "fa") assert.equal(resolveRedirect(rules, urlOf(release)), undefined, `${urlOf(release)} must not be redirected`);
      }
    });
  });

  describe("English section", () => {
    test("English releases are under /en/news/<id>/, in English, left to right, and /en/ lists them newest first", async () => {
      const english = newest(get().releases.filter((release) => release.lang === "en"));
      assert.ok(english.length >= 1);
      for (const release of english) {
        const $ = await loadPage(siteDir(), `en/news/${release.id}/index.html`);
        assert.deepEqual({ lang: $("html").attr("lang"), dir: $("html").attr("dir") }, { lang: "en", dir: "ltr" });
        assert.equal($("a.site-name").attr("href"), "/en/");
        assert.equal($("form.site-search").attr("action"), "/en/search/");
      }
      const $ = await loadPage(siteDir(), "en/index.html");
      assert.deepEqual({ lang: $("html").attr("lang"), dir: $("html").attr("dir") }, { lang: "en", dir: "ltr" });
      assert.equal($("h1").text(), "News in English");
      assert.deepEqual($("ol.release-list > li h2 a").map((_, element) => $(element).attr("href")).get(), english.map(urlOf));
      const search = await loadPage(siteDir(), "en/search/index.html");
      assert.equal(search("html").attr("lang"), "en");
      assert.equal(search("form[data-search-form]").attr("action"), "/en/search/");
      // A Persian page's home link stays Persian.
      assert.equal((await loadPage(siteDir(), "news/149840/index.html"))("a.site-name").attr("href"), "/");
    });

    test("Pagefind indexes English releases in their own English index (and in the Persian one, which searches everything)", async () => {
      // One bundle per shard (src/search/shards.ts): the counts add up over the shards. pagefind/
      // holds the search directory too (src/search/directory.ts), which is no bundle.
      let english = 0;
      let persian = 0;
      for (const shard of (await readdir(path.join(siteDir(), "pagefind"))).filter(isShardId)) {
        const entry = JSON.parse(await readFile(path.join(siteDir(), "pagefind", shard, "pagefind-entry.json"), "utf8")) as {
          languages: Record<string, { hash: string; page_count: number }>;
        };
        persian += entry.languages.fa?.page_count ?? 0;
        if (entry.languages.en) {
          english += entry.languages.en.page_count;
          assert.ok(await exists(path.join(siteDir(), "pagefind", shard, `pagefind.${entry.languages.en.hash}.pf_meta`)), `no English index file in ${shard}`);
        }
      }
      assert.equal(english, get().releases.filter((release) => release.lang === "en").length);
      assert.equal(persian, get().releases.length);
    });
  });
}
