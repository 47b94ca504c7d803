/**
 * Builds a content folder with the real build command and checks the sharing and English
 * section: share links on release pages, encoded; sharing pictures that are never an SVG (a
 * release with a drawing, a site whose logo is a drawing); hreflang alternates on both pages of a
 * translated pair and on the two home pages, and on no other release; the language switch in the
 * header; the English list paged from the oldest beyond 200 releases. Then a second build: a
 * translation made a draft takes the alternates off its pair's page, and a newer English release
 * leaves the English list's numbered pages as they were.
 */
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { copyFile, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { exists, listFiles, loadPage, type Page } from "../support/html.js";
import { repoRoot, runBuild, temporaryDirectory } from "../support/run.js";

const SITE_URL = "https://akhbar.test/archive-site";
const ENGLISH_COUNT = 230;

/** An English release dated `index` hours after the first. */
const english = (id: number, index: number, extra = "") =>
  `---\nid: ${id}\ntitle: "English release ${id} & more"\ndate: "${new Date(Date.UTC(2023, 0, 1, 6) + index * 3_600_000).toISOString().replace(".000Z", "+00:00")}"\nlang: en\n${extra}---\n\nText ${id}.\n`;
const persian = (id: number, date: string, extra = "") => `---\nid: ${id}\ntitle: "نشست «روابط‌عمومی» و رسانه؟ #${id}"\ndate: ${date}\n${extra}---\n\nمتن خبر ${id}.\n`;

const LOGO = `<svg xmlns="http://www.w3.org/2000/svg" width="240" height="120" viewBox="0 0 240 120"><rect width="240" height="120" fill="#0b5cad"/><circle cx="60" cy="60" r="40" fill="#fff"/></svg>`;

let work = "";
let content = "";
let site = "";

async function build(): Promise<void> {
  const run = await runBuild(content, site, { SITE_URL });
  assert.equal(run.code, 0, `the build failed:\n${run.log}`);
}

before(async () => {
  work = await temporaryDirectory("akhbar-build-sharing-");
  content = path.join(work, "content");
  site = path.join(work, "site");
  const files: Record<string, string> = {
    "site.yml": "logo: /images/logo.svg\n",
    "releases/fa/1.md": persian(1, "1403/02/01 10:00", "translation: 9001\n"),
    "releases/fa/2.md": persian(2, "1403/02/02 10:00", "image: /images/plan.svg\nimage_alt: نقشهٔ طرح\n"),
    "releases/fa/3.md": persian(3, "1403/02/03 10:00"),
    "releases/fa/4.md": persian(4, "1403/02/04 10:00", "translation: 9002\n"),
  };
  for (let index = 0; index < ENGLISH_COUNT; index++) files[`releases/en/${9001 + index}.md`] = english(9001 + index, index);
  // 9002 is the translation of 4 (named from the Persian side only), 9001 names 1 too.
  files["releases/en/9001.md"] = english(9001, 0, "translation: 1\n");
  for (const [name, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(content, name)), { recursive: true });
    await writeFile(path.join(content, name), text);
  }
  await mkdir(path.join(content, "images"), { recursive: true });
  await writeFile(path.join(content, "images", "logo.svg"), LOGO);
  await copyFile(path.join(repoRoot, "content", "images", "tehran-council.svg"), path.join(content, "images", "plan.svg"));
  await build();
});

after(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

const meta = ($: Page, name: string) => $(`meta[property="${name}"], meta[name="${name}"]`).attr("content");
const alternates = ($: Page) => Object.fromEntries($('link[rel="alternate"][hreflang]').map((_, link) => [[$(link).attr("hreflang"), $(link).attr("href")]]).get());

/** A PNG's width and height, from its header. */
async function pngSize(url: string): Promise<[number, number]> {
  const file = path.join(site, ...new URL(url).pathname.replace(/^\/archive-site\//, "").split("/"));
  const bytes = await readFile(file);
  assert.equal(bytes.subarray(1, 4).toString("latin1"), "PNG", url);
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}

describe("sharing", () => {
  test("a release page has share links to its absolute address, every parameter encoded, and a hidden copy button", async () => {
    const $ = await loadPage(site, "news/3/index.html");
    const address = `${SITE_URL}/news/3/`;
    const title = "نشست «روابط‌عمومی» و رسانه؟ #3";
    const hrefs = $(".release__footer .share-links a").map((_, link) => $(link).attr("href")).get();
    assert.deepEqual(hrefs, [
      `https://t.me/share/url?url=${encodeURIComponent(address)}&text=${encodeURIComponent(title)}`,
      `https://wa.me/?text=${encodeURIComponent(`${title}\n${address}`)}`,
      `https://x.com/intent/tweet?text=${encodeURIComponent(title)}&url=${encodeURIComponent(address)}`,
      `mailto:?subject=${encodeURIComponent(title)}&body=${encodeURIComponent(`${title}\r\n\r\n${address}`)}`,
    ]);
    assert.equal($(".share-links a").first().attr("aria-label"), "هم‌رسانی در تلگرام");
    const copy = $("button[data-akhbar-copy]");
    assert.equal(copy.attr("data-akhbar-copy"), address);
    assert.equal(copy.attr("hidden"), "hidden");
    // Nothing of the apps is loaded: no script, picture or frame from another site.
    assert.equal($("script[src^='http'], img[src^='http'], iframe").length, 0);
    // The English page's links, in English.
    const en = await loadPage(site, "en/news/9005/index.html");
    assert.equal(en(".share-links a").first().attr("aria-label"), "Share on Telegram");
  });

  test("og:image is a raster: a release's drawing as a PNG, and the drawn logo's PNG for a release without a picture", async () => {
    const drawn = await loadPage(site, "news/2/index.html");
    const own = meta(drawn, "og:image")!;
    assert.match(own, new RegExp(`^${SITE_URL}/img/[\\w-]+-1200\\.png$`));
    assert.equal(meta(drawn, "twitter:image"), own);
    assert.deepEqual([meta(drawn, "og:image:width"), meta(drawn, "og:image:height")], ["1200", "675"]);
    assert.deepEqual(await pngSize(own), [1200, 675]);
    const article = JSON.parse(drawn('script[type="application/ld+json"]').text());
    assert.deepEqual(article.image, [{ "@type": "ImageObject", url: own, width: 1200, height: 675 }]);
    // The page itself still shows the drawing, as drawings are shown.
    assert.equal(drawn(".release__figure img").attr("src"), "/archive-site/images/plan.svg");

    const plain = await loadPage(site, "news/3/index.html");
    const logo = meta(plain, "og:image")!;
    assert.match(logo, new RegExp(`^${SITE_URL}/img/[\\w-]+-1200\\.png$`));
    assert.deepEqual(await pngSize(logo), [1200, 600]);
    assert.equal(JSON.parse(plain('script[type="application/ld+json"]').text()).publisher.logo.url, logo);
    // The header keeps the drawing itself.
    assert.equal(plain("header img.site-logo").attr("src"), "/archive-site/images/logo.svg");
    for (const file of ["news/1/index.html", "news/2/index.html", "news/3/index.html", "en/news/9001/index.html"]) {
      const $ = await loadPage(site, file);
      for (const name of ["og:image", "twitter:image"]) assert.doesNotMatch(meta($, name) ?? "", /\.svg/i, `${file} ${name}`);
    }
  });
});

describe("languages", () => {
  test("hreflang alternates on both pages of a pair (named from either side), x-default the Persian; none on a release without a translation", async () => {
    for (const [fa, en] of [[1, 9001], [4, 9002]]) {
      const expected = { fa: `${SITE_URL}/news/${fa}/`, en: `${SITE_URL}/en/news/${en}/`, "x-default": `${SITE_URL}/news/${fa}/` };
      const persianPage = await loadPage(site, `news/${fa}/index.html`);
      const englishPage = await loadPage(site, `en/news/${en}/index.html`);
      assert.deepEqual(alternates(persianPage), expected);
      assert.deepEqual(alternates(englishPage), expected);
      // A visible link to the other version, in that language, and the header's switch goes there too.
      const link = persianPage(".release__translation a");
      assert.deepEqual([link.attr("href"), link.attr("hreflang"), link.attr("lang")], [`/archive-site/en/news/${en}/`, "en", "en"]);
      assert.equal(englishPage(".release__translation a").attr("href"), `/archive-site/news/${fa}/`);
      assert.equal(persianPage("header .language-switch").attr("href"), `/archive-site/en/news/${en}/`);
      assert.equal(englishPage("header .language-switch").attr("href"), `/archive-site/news/${fa}/`);
    }
    for (const file of ["news/3/index.html", "en/news/9003/index.html"]) {
      const $ = await loadPage(site, file);
      assert.deepEqual(alternates($), {}, file);
      assert.equal($(".release__translation").length, 0, file);
    }
  });

  test("the language switch: Persian pages lead to /en/ («English», lang en), English pages to / («فارسی», lang fa); the homes alternate", async () => {
    for (const file of ["index.html", "news/3/index.html", "news/index.html", "search/index.html"]) {
      const $ = await loadPage(site, file);
      const link = $("header .language-switch");
      assert.deepEqual([link.attr("href"), link.attr("lang"), link.attr("hreflang"), link.text()], ["/archive-site/en/", "en", "en", "English"], file);
    }
    for (const file of ["en/index.html", "en/news/index.html", "en/news/9003/index.html"]) {
      const $ = await loadPage(site, file);
      const link = $("header .language-switch");
      assert.deepEqual([link.attr("href"), link.attr("lang"), link.attr("hreflang"), link.text()], ["/archive-site/", "fa", "fa", "فارسی"], file);
    }
    const homes = { fa: `${SITE_URL}/`, en: `${SITE_URL}/en/`, "x-default": `${SITE_URL}/` };
    assert.deepEqual(alternates(await loadPage(site, "index.html")), homes);
    assert.deepEqual(alternates(await loadPage(site, "en/index.html")), homes);
  });

  test("the English list has every English release, paged from the oldest past 200; /en/ leads to it", async () => {
    const home = await loadPage(site, "en/index.html");
    assert.equal(home(".release-list > li").length, 20);
    assert.equal(home(".more-link a").attr("href"), "/archive-site/en/news/");
    // 230 releases: numbered pages 1…10 hold the oldest 200, the front page the newest 30.
    const front = await loadPage(site, "en/news/index.html");
    assert.equal(front(".release-list > li").length, 30);
    assert.equal(front(".release-list a").first().attr("href"), `/archive-site/en/news/${9000 + ENGLISH_COUNT}/`);
    assert.equal(front("html").attr("lang"), "en");
    const ids = new Set<string>();
    for (let page = 1; page <= 10; page++) {
      const $ = await loadPage(site, `en/news/page/${page}/index.html`);
      const links = $(".release-list a").map((_, link) => $(link).attr("href")).get();
      assert.equal(links.length, 20, `page ${page}`);
      for (const link of links) ids.add(link);
    }
    assert.ok(ids.has("/archive-site/en/news/9001/"), "the oldest release is on page 1");
    assert.equal(ids.size, 200);
    assert.equal(await exists(path.join(site, "en", "news", "page", "11", "index.html")), false);
    assert.equal((await loadPage(site, "en/news/page/1/index.html"))(".release-list a").last().attr("href"), "/archive-site/en/news/9001/");
    assert.ok(await sitemapsMention(`${SITE_URL}/en/news/page/10/`), "the English list's pages are in the sitemaps");
  });

  test("a second build: a translation made a draft leaves its pair without alternates; a newer English release leaves the numbered pages as they were", async () => {
    const numbered = async () => Promise.all(Array.from({ length: 10 }, (_, index) => readFile(path.join(site, "en", "news", "page", String(index + 1), "index.html"), "utf8")));
    const before = await numbered();
    await writeFile(path.join(content, "releases", "fa", "1.md"), persian(1, "1403/02/01 10:00", "translation: 9001\ndraft: true\n"));
    await writeFile(path.join(content, "releases", "en", "9500.md"), english(9500, 400));
    await build();
    const englishPage = await loadPage(site, "en/news/9001/index.html");
    assert.deepEqual(alternates(englishPage), {});
    assert.equal(englishPage(".release__translation").length, 0);
    assert.equal(englishPage("header .language-switch").attr("href"), "/archive-site/");
    assert.equal(await exists(path.join(site, "news", "1", "index.html")), false);
    assert.deepEqual(await numbered(), before);
    assert.equal((await loadPage(site, "en/news/index.html"))(".release-list a").first().attr("href"), "/archive-site/en/news/9500/");
  });
});

/** Whether any sitemap file of the site names `address`. */
async function sitemapsMention(address: string): Promise<boolean> {
  for (const file of (await listFiles(site)).filter((name) => /^sitemap.*\.xml$/.test(name))) {
    if ((await readFile(path.join(site, file), "utf8")).includes(address)) return true;
  }
  return false;
}
