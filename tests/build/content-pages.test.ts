/**
 * Builds a small content folder with pages besides releases (content/pages/) and the site's
 * settings (content/site.yml), with the real build command, and checks the written site: each
 * page at its address (Persian and English), in the menu in its order, in the sitemap; the
 * settings' name, footer, contact and social accounts on every page; the logo in the header, as
 * the sharing picture of a release without one and as the JSON-LD publisher's logo. The dev
 * server's rebuilds after saves of site.yml and of a page. Then builds with mistakes in pages and
 * settings, which stop the build naming file, line and field.
 */
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { copyFile, mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { RESERVED_ADDRESSES, RESERVED_ENGLISH } from "../../src/content/content-page.js";
import { exists, isReaderPage, listFiles, loadPage } from "../support/html.js";
import { repoRoot, runBuild, runNode, temporaryDirectory } from "../support/run.js";

const SITE_URL = "https://akhbar.test";
const SECTIONS = ["/", "/news/", "/archive/", "/counties/", "/organizations/", "/types/", "/tags/", "/search/"];

const release = (id: number, date: string, extra = "") => `---\nid: ${id}\ntitle: "خبر ${id}"\ndate: ${date}\n${extra}---\n\nمتن خبر ${id}.\n`;

const SETTINGS = `name:
  fa: روابط‌عمومی فرمانداری آزمایشی
  en: Test Governorate
footer:
  fa: نقل خبرها با ذکر منبع آزاد است
  en: Releases may be quoted
contact:
  phone: ۰۲۱-۱۲۳۴
  email: pr@test.example.ir
  address: خیابان آزمایش، پلاک ۱
logo: /images/logo.png
social:
  telegram: https://t.me/test_pr
  aparat: https://www.aparat.com/test_pr
menu:
  - title: پایگاه فرمانداری
    url: https://test.example.ir/
  - title: Main site
    url: https://test.example.ir/en/
    lang: en
`;

const FILES: Record<string, string> = {
  "site.yml": SETTINGS,
  "releases/1403/1.md": release(1, "1403/02/01 10:00"),
  "releases/1403/2.md": release(2, "1403/02/02 10:00", "image: /images/photo.jpg\nimage_alt: عکس\n"),
  "releases/1403/3.md": release(3, "1403/02/03 10:00", "lang: en\n"),
  "pages/about.md": `---\ntitle: درباره ما\nmenu: 2\ndescription: معرفی روابط‌عمومی\n---\n\nما **روابط‌عمومی** هستیم. <script>alert(1)</script>\n\n![نقشهٔ دفتر](/images/photo.jpg)\n`,
  "pages/contact.md": `---\ntitle: تماس با ما\nslug: تماس\nmenu: ۱\n---\n\nنشانی دفتر.\n`,
  "pages/privacy.md": `---\ntitle: حریم خصوصی\n---\n\nبیرون از منو.\n`,
  "pages/about-en.md": `---\ntitle: About us\nslug: about\nlang: en\nmenu: 1\n---\n\nWe are the press office.\n`,
};

let work = "";
let content = "";
let site = "";

async function writeContent(dir: string, files: Record<string, string>): Promise<void> {
  for (const [name, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
    await writeFile(path.join(dir, name), text);
  }
  await mkdir(path.join(dir, "images"), { recursive: true });
  await copyFile(path.join(repoRoot, "content", "images", "logo.png"), path.join(dir, "images", "logo.png"));
  await copyFile(path.join(repoRoot, "tests", "fixtures", "images", "photo.jpg"), path.join(dir, "images", "photo.jpg"));
}

before(async () => {
  work = await temporaryDirectory("akhbar-build-pages-");
  content = path.join(work, "content");
  site = path.join(work, "site");
  await writeContent(content, FILES);
  const run = await runBuild(content, site, { SITE_URL });
  assert.equal(run.code, 0, `the build failed:\n${run.log}`);
});

after(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

/** The root-relative address of a built page file (`about/index.html` → `/about/`). */
const urlOf = (file: string) => `/${file}`.replace(/index\.html$/, "");

describe("pages besides releases", () => {
  test("each page at its address, rendered through the site's layout; an English page in the English section", async () => {
    const about = await loadPage(site, "about/index.html");
    assert.equal(about("html").attr("lang"), "fa");
    assert.equal(about("html").attr("dir"), "rtl");
    assert.equal(about("h1").text(), "درباره ما");
    assert.equal(about("title").text(), "درباره ما | روابط‌عمومی فرمانداری آزمایشی");
    assert.equal(about('meta[name="description"]').attr("content"), "معرفی روابط‌عمومی");
    assert.equal(about('link[rel="canonical"]').attr("href"), `${SITE_URL}/about/`);
    assert.equal(about("main strong").text(), "روابط‌عمومی");
    // Raw HTML is shown as text, never run (the releases' renderer).
    assert.equal(about("main script").length, 0);
    assert.match(about("main").text(), /<script>alert\(1\)<\/script>/);
    assert.equal((await loadPage(site, "تماس/index.html"))("h1").text(), "تماس با ما");
    assert.equal((await loadPage(site, "privacy/index.html"))("h1").text(), "حریم خصوصی");
    const english = await loadPage(site, "en/about/index.html");
    assert.equal(english("html").attr("lang"), "en");
    assert.equal(english("html").attr("dir"), "ltr");
    assert.equal(english("h1").text(), "About us");
    assert.equal(english("title").text(), "About us | Test Governorate");
  });

  test("a picture in a page goes through the picture pipeline, as in a release", async () => {
    const about = await loadPage(site, "about/index.html");
    const picture = about("main picture img");
    assert.equal(picture.attr("alt"), "نقشهٔ دفتر");
    assert.ok(picture.attr("width") && picture.attr("height"));
    assert.equal(picture.attr("loading"), "lazy");
    for (const source of about("main picture source").map((_, element) => about(element).attr("srcset")).get()) {
      for (const candidate of source.split(", ")) assert.ok(await exists(path.join(site, ...candidate.split(" ")[0]!.split("/").filter(Boolean))), candidate);
    }
  });

  test("every page's menu: the sections, then the pages with `menu:` in their order, then site.yml's links, in the page's language", async () => {
    const persian = [...SECTIONS, "/تماس/", "/about/", "https://test.example.ir/"];
    const english = [...SECTIONS, "/en/about/", "https://test.example.ir/en/"];
    let checked = 0;
    for (const file of (await listFiles(site)).filter((name) => name.endsWith(".html") && isReaderPage(name))) {
      const $ = await loadPage(site, file);
      if ($('meta[http-equiv="refresh"]').length > 0) continue;
      const nav = $('header nav.site-nav[aria-label]');
      assert.equal(nav.length, 1, file);
      const expected = $("html").attr("lang") === "en" ? english : persian;
      assert.deepEqual(nav.find("a").map((_, element) => $(element).attr("href")).get(), expected, file);
      const url = decodeURI(urlOf(file));
      assert.deepEqual(nav.find('a[aria-current="page"]').map((_, element) => $(element).attr("href")).get(), expected.includes(url) ? [url] : [], file);
      checked++;
    }
    assert.ok(checked > 10);
    const about = await loadPage(site, "about/index.html");
    assert.equal(about('nav.site-nav a[href="/about/"]').text(), "درباره ما");
  });

  test("no page can take a folder of the site: every other folder is a reserved address", async () => {
    const folders = async (dir: string) => (await readdir(dir, { withFileTypes: true })).filter((entry) => entry.isDirectory()).map((entry) => entry.name.toLowerCase());
    const pages = ["about", "تماس", "privacy"];
    for (const folder of await folders(site)) assert.ok(pages.includes(folder) || RESERVED_ADDRESSES.includes(folder), `/${folder}/ is not reserved`);
    for (const folder of await folders(path.join(site, "en"))) assert.ok(folder === "about" || RESERVED_ENGLISH.includes(folder), `/en/${folder}/ is not reserved`);
  });

  test("the pages are in the sitemap", async () => {
    const sitemaps = (await listFiles(site)).filter((name) => /^sitemap-[\w-]+\.xml$/.test(name) && name !== "sitemap-news.xml");
    const listed = (await Promise.all(sitemaps.map((file) => readFile(path.join(site, file), "utf8")))).join("\n");
    for (const url of ["/about/", `/${encodeURI("تماس")}/`, "/privacy/", "/en/about/"]) assert.ok(listed.includes(`<loc>${SITE_URL}${url}</loc>`), url);
  });
});

describe("the site's settings (content/site.yml)", () => {
  test("its name, footer text, contact details and social accounts on every page", async () => {
    for (const file of ["index.html", "news/1/index.html", "about/index.html", "archive/index.html", "en/about/index.html", "en/news/3/index.html"]) {
      const $ = await loadPage(site, file);
      const persian = $("html").attr("lang") === "fa";
      assert.equal($(".site-name").text(), persian ? "روابط‌عمومی فرمانداری آزمایشی" : "Test Governorate", file);
      const footer = $("footer.site-footer");
      assert.equal(footer.find("p").first().text(), persian ? "نقل خبرها با ذکر منبع آزاد است" : "Releases may be quoted", file);
      assert.equal(footer.find('address a[href="tel:0211234"]').text(), "۰۲۱\u2011۱۲۳۴", file);
      assert.equal(footer.find('address a[href="mailto:pr@test.example.ir"]').length, 1, file);
      assert.match(footer.find("address").text(), /خیابان آزمایش، پلاک ۱/, file);
      const accounts = footer.find("nav.site-social[aria-label] a");
      assert.deepEqual(accounts.map((_, element) => $(element).attr("href")).get(), ["https://t.me/test_pr", "https://www.aparat.com/test_pr"], file);
      assert.deepEqual(accounts.map((_, element) => $(element).text()).get(), persian ? ["تلگرام", "آپارات"] : ["Telegram", "Aparat"], file);
    }
  });

  test("the logo: published, in the header, the sharing picture of a release without one, and the JSON-LD publisher's logo", async () => {
    assert.deepEqual(await readFile(path.join(site, "images", "logo.png")), await readFile(path.join(content, "images", "logo.png")));
    const plain = await loadPage(site, "news/1/index.html");
    const logo = plain("header .site-name img.site-logo");
    assert.deepEqual([logo.attr("src"), logo.attr("width"), logo.attr("height"), logo.attr("alt")], ["/images/logo.png", "192", "192", ""]);
    const meta = (name: string) => plain(`meta[property="${name}"], meta[name="${name}"]`).attr("content");
    assert.equal(meta("og:image"), `${SITE_URL}/images/logo.png`);
    assert.equal(meta("og:image:width"), "192");
    assert.equal(meta("twitter:image"), `${SITE_URL}/images/logo.png`);
    assert.equal(meta("twitter:card"), "summary");
    const article = JSON.parse(plain('script[type="application/ld+json"]').text());
    assert.deepEqual(article.publisher.logo, { "@type": "ImageObject", url: `${SITE_URL}/images/logo.png`, width: 192, height: 192 });
    // A release with a picture of its own is shared with it: its largest converted JPEG (issue 24).
    const pictured = await loadPage(site, "news/2/index.html");
    assert.match(pictured('meta[property="og:image"]').attr("content")!, new RegExp(`^${SITE_URL}/img/[\\w-]+-\\d+\\.jpeg$`));
    assert.equal(JSON.parse(pictured('script[type="application/ld+json"]').text()).publisher.logo.url, `${SITE_URL}/images/logo.png`);
    // The feeds name it too.
    assert.match(await readFile(path.join(site, "feed.xml"), "utf8"), new RegExp(`<logo>${SITE_URL}/images/logo.png</logo>`));
  });

  test("a page's sharing tags: a web page with the logo", async () => {
    const about = await loadPage(site, "about/index.html");
    assert.equal(about('meta[property="og:type"]').attr("content"), "website");
    assert.equal(about('meta[property="og:image"]').attr("content"), `${SITE_URL}/images/logo.png`);
  });
});

describe("the dev server", () => {
  test("a save of site.yml or of a page is in the next rebuild: footer, menu and page", async () => {
    const dir = await temporaryDirectory("akhbar-build-pages-dev-");
    try {
      const dev = path.join(dir, "content");
      await writeContent(dev, FILES);
      const steps = [
        { "site.yml": SETTINGS.replace("fa: نقل خبرها با ذکر منبع آزاد است", "fa: پانویس تازه") },
        { "pages/about.md": `---\ntitle: دربارهٔ روابط‌عمومی\nmenu: 3\n---\n\nمتن تازه.\n` },
      ];
      await writeFile(path.join(dir, "steps.json"), JSON.stringify(steps));
      const output = path.join(dir, "site");
      const run = await runNode(["tests/support/preview-rebuilds.ts", dev, output, path.join(dir, "steps.json")], { SITE_URL, AKHBAR_CACHE_DIR: path.join(dir, "cache") });
      assert.equal(run.code, 0, run.log);
      const release = await loadPage(output, "news/1/index.html");
      assert.equal(release("footer.site-footer p").first().text(), "پانویس تازه");
      assert.deepEqual(release("nav.site-nav a").map((_, element) => release(element).text()).get().slice(SECTIONS.length), ["تماس با ما", "دربارهٔ روابط‌عمومی", "پایگاه فرمانداری"]);
      const about = await loadPage(output, "about/index.html");
      assert.equal(about("h1").text(), "دربارهٔ روابط‌عمومی");
      assert.equal(about("main p").text(), "متن تازه.");
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe("mistakes in pages and settings stop the build, named like releases' problems", () => {
  const BAD: Record<string, string> = {
    ...FILES,
    // No title; an address another page has; an address that is a section of the site.
    "pages/about.md": `---\nmenu: 2\n---\n\nمتن.\n`,
    "pages/contact.md": `---\ntitle: تماس\nslug: privacy\n---\n\nمتن.\n`,
    "pages/news.md": `---\ntitle: خبرها\n---\n\nمتن.\n`,
    "site.yml": `${SETTINGS.replace("logo: /images/logo.png", "logo: /images/missing.png")}colour: blue\n`,
  };

  async function failedBuild(env: NodeJS.ProcessEnv): Promise<{ log: string; site: string }> {
    const dir = await temporaryDirectory("akhbar-build-pages-bad-");
    const bad = path.join(dir, "content");
    await writeContent(bad, BAD);
    const output = path.join(dir, "site");
    const run = await runBuild(bad, output, { SITE_URL, ...env });
    assert.notEqual(run.code, 0, run.log);
    assert.equal(await exists(output), false, "a failed build published nothing");
    await rm(dir, { recursive: true, force: true });
    return { log: run.log, site: path.relative(repoRoot, bad).split(path.sep).join("/") };
  }

  test("every problem of every file, as `file:line  [field] message`, in English under AKHBAR_LANG=en", async () => {
    const { log, site: folder } = await failedBuild({ AKHBAR_LANG: "en" });
    const line = (file: string, at: number, field: string, message: string) => `  ${folder}/${file}:${at}  [${field}] ${message}`;
    assert.ok(log.includes(line("pages/about.md", 1, "title", "title is required: add a line such as `title: درباره ما`")), log);
    // The first file in order keeps an address; the page after it is told to choose another.
    assert.ok(log.includes(line("pages/privacy.md", 1, "slug", `the address /privacy/ is already the address of ${folder}/pages/contact.md`)), log);
    assert.ok(log.includes(line("pages/news.md", 1, "slug", "the address /news/ is one of the site's own sections")), log);
    assert.ok(log.includes(line("site.yml", 11, "logo", "the logo /images/missing.png is missing")), log);
    assert.ok(log.includes(line("site.yml", 21, "colour", 'unknown field "colour".')), log);
    assert.doesNotMatch(log, /^\s+at .+:\d+:\d+\)?$/m, "no stack trace");
  });

  test("in Persian by default", async () => {
    const { log, site: folder } = await failedBuild({ AKHBAR_LANG: "" });
    // Each field in the editor's words, from the pages' and the settings' own tables.
    assert.ok(log.includes(`  ${folder}/pages/about.md:1  [عنوان صفحه (title)] «عنوان صفحه (title)» نوشته نشده است: سطری مانند \`title: درباره ما\` بیفزایید.`), log);
    assert.ok(log.includes(`  ${folder}/pages/news.md:1  [نشانی صفحه (slug)] `), log);
    assert.ok(log.includes(`  ${folder}/site.yml:11  [لوگو (logo)] تصویر لوگو /images/missing.png پیدا نشد`), log);
  });
});
