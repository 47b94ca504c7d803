/**
 * The shipping gates that need no browser, over the sample archive plus the hostile releases
 * (tests/fixtures/hostile), built as a site served under a path prefix (/archive/):
 *
 * - reproducible: a second build of the same content, with its own picture and font caches,
 *   is byte for byte the same;
 * - deploy anywhere: every address of every page, stylesheet, feed, sitemap and redirect is
 *   below the prefix and leads to a file of the site; `_headers` gives every file exactly one
 *   caching rule (immutable for fingerprinted files, revalidated for the rest) and the CSP;
 * - valid: every page passes html-validate (.htmlvalidate.mjs);
 * - light: a release page has no script but JSON-LD and its own small deferred script (videos'
 *   players, copy-link buttons; read without it), works as a plain form, and weighs at most 30 KB
 *   compressed with its stylesheet;
 * - safe: no page carries an event handler, a script address, or markup from content.
 */
import { adminPolicyText, adminSecurityPolicy, localBackendUrl } from "../../src/admin/admin-page.js";
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { readFile, rm } from "node:fs/promises";
import path from "node:path";
import { gzipSync } from "node:zlib";
import * as cheerio from "cheerio";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { contentHash } from "../../src/render/asset-manifest.js";
import { IMMUTABLE, REVALIDATE } from "../../src/build/host-headers.js";
import { headersFor, parseHeadersFile } from "../../src/bench/host-rules.js";
import { parseRedirectsFile, resolveRedirect } from "../support/host-redirects.js";
import { contentSecurityPolicy } from "../../src/render/security-policy.js";
import { isPlayerAddress } from "../../src/render/video.js";
import { elementsOf, exists, fileForUrl, findBrokenLinks, hashTree, isReaderPage, listFiles, loadPage, siteTargetOf, urlsOfCss, urlsOfHtml } from "../support/html.js";
import { BUILD_ENV, HOSTILE_ATTACHMENT_NAMES, hostileReleases, htmlValidator, isRedirectPage, PREFIX, prepareContent, SITE, SITE_URL, validatePages, type HostileRelease } from "../support/ship.js";
import { runBuild, temporaryDirectory } from "../support/run.js";

/** A release page's HTML plus its stylesheet, gzip-compressed (fonts and pictures aside). */
const RELEASE_PAGE_BUDGET = 30 * 1024;

let work = "";
let site = "";
let twin = "";
let htmlFiles: string[] = [];
let hostile: HostileRelease[] = [];

before(async () => {
  work = await temporaryDirectory("akhbar-ship-");
  const content = await prepareContent(work);
  site = path.join(work, "site");
  twin = path.join(work, "twin");
  // Each build with caches of its own: the twin converts pictures and subsets fonts anew.
  for (const [output, caches] of [[site, "first"], [twin, "second"]] as const) {
    const run = await runBuild(content, output, {
      ...BUILD_ENV,
      AKHBAR_IMAGE_CACHE: path.join(work, caches, "images"),
      AKHBAR_FONT_CACHE: path.join(work, caches, "fonts"),
    });
    assert.equal(run.code, 0, `the build failed:\n${run.log}`);
  }
  htmlFiles = (await listFiles(site)).filter((file) => file.endsWith(".html") && isReaderPage(file));
  hostile = await hostileReleases();
});

after(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

test("reproducible: two builds of the same content are byte-identical, file for file", async () => {
  const [first, second] = [await hashTree(site), await hashTree(twin)];
  assert.deepEqual([...second.keys()], [...first.keys()]);
  const differing = [...first].filter(([file, hash]) => second.get(file) !== hash).map(([file]) => file);
  assert.deepEqual(differing, []);
  assert.ok(first.size > htmlFiles.length, `only ${first.size} files`);
});

describe("deploy anywhere: a site under a path prefix", () => {
  test("no address of any page or stylesheet leads outside the prefix or to a missing file", async (t) => {
    const { checked, broken } = await findBrokenLinks(site, { pathPrefix: PREFIX, siteUrl: SITE_URL });
    assert.deepEqual(broken, []);
    assert.ok(checked >= htmlFiles.length * 5, `only ${checked} addresses checked over ${htmlFiles.length} pages`);
    t.diagnostic(`${checked} addresses in ${htmlFiles.length} pages and 2 stylesheets, none broken`);
  });

  test("every root-relative address in a page starts with the prefix; absolute ones to the site carry it too", async () => {
    for (const file of htmlFiles) {
      for (const url of urlsOfHtml(await loadPage(site, file))) {
        if (url.startsWith("/") && !url.startsWith("//")) assert.ok(url.startsWith(PREFIX), `${file}: ${url}`);
        if (url.startsWith(`${SITE}/`)) assert.ok(url.startsWith(`${SITE_URL}/`), `${file}: ${url}`);
      }
    }
  });

  test("stylesheets name their fonts relatively, so they are right under any prefix", async () => {
    const stylesheets = (await listFiles(site)).filter((file) => file.endsWith(".css") && file.startsWith("assets/"));
    assert.equal(stylesheets.length, 2);
    for (const file of stylesheets) {
      const urls = urlsOfCss(await readFile(path.join(site, file), "utf8"));
      assert.equal(urls.length, 2, file);
      for (const url of urls) assert.match(url, /^fonts\/Vazirmatn-(Regular|Bold)\.[0-9a-f]{10}\.woff2$/, file);
    }
  });

  test("feeds, sitemaps and robots.txt: every address is absolute, below SITE_URL, and leads to a file", async () => {
    const files = (await listFiles(site)).filter((file) => /\.(xml|json)$/.test(file) && !file.startsWith("pagefind/"));
    assert.ok(files.length >= 10, files.join(", "));
    const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@_", parseTagValue: false });
    let checked = 0;
    const checkUrl = async (where: string, url: string) => {
      checked++;
      assert.ok(url.startsWith(`${SITE_URL}/`), `${where}: ${url}`);
      const file = fileForUrl(site, new URL(url).pathname.slice(PREFIX.length - 1));
      assert.ok(file && (await exists(file)), `${where}: ${url} leads to no file`);
    };
    /** Every string in a parsed feed: addresses are checked, HTML content is read for its addresses. */
    const walk = async (where: string, value: unknown, key = ""): Promise<void> => {
      if (typeof value === "string") {
        if (/^https?:\/\//.test(value) && new URL(value).host === new URL(SITE).host) await checkUrl(where, value);
        if (key === "content_html" || key === "#text") {
          for (const url of urlsOfHtml(cheerio.load(value))) {
            assert.ok(!url.startsWith("/") || url.startsWith("//"), `${where}: a root-relative address in feed content: ${url}`);
            if (url.startsWith(`${SITE}/`)) await checkUrl(`${where} (content)`, url);
          }
        }
      } else if (Array.isArray(value)) {
        for (const item of value) await walk(where, item, key);
      } else if (value && typeof value === "object") {
        for (const [name, item] of Object.entries(value)) await walk(where, item, name);
      }
    };
    for (const file of files) {
      const text = await readFile(path.join(site, file), "utf8");
      if (file.endsWith(".xml")) {
        assert.equal(XMLValidator.validate(text), true, `${file} is not well-formed`);
        await walk(file, parser.parse(text));
      } else {
        await walk(file, JSON.parse(text));
      }
    }
    const robots = await readFile(path.join(site, "robots.txt"), "utf8");
    const sitemaps = robots.split("\n").filter((line) => line.startsWith("Sitemap: ")).map((line) => line.slice("Sitemap: ".length));
    assert.equal(sitemaps.length, 2);
    for (const url of sitemaps) await checkUrl("robots.txt", url);
    assert.ok(checked > 100, `only ${checked} addresses checked`);
  });

  test("_redirects: every rule is below the prefix and leads to a page of the site", async () => {
    const rules = parseRedirectsFile(await readFile(path.join(site, "_redirects"), "utf8"));
    assert.ok(rules.length >= 4);
    for (const rule of rules) {
      assert.ok(rule.from.startsWith(PREFIX) && rule.to.startsWith(PREFIX), `${rule.from} → ${rule.to}`);
      assert.equal(rule.status, 301);
    }
    for (const file of htmlFiles.filter((name) => name.startsWith("News/"))) {
      const target = resolveRedirect(rules, `${PREFIX}${file.replace(/index\.html$/, "")}`);
      assert.ok(target, file);
      assert.ok(await exists(fileForUrl(site, target.to.slice(PREFIX.length - 1))!), `${file} → ${target.to}`);
    }
  });

  test("_headers: every file gets exactly one caching rule, immutable only where names carry a content hash; every file the CSP (the editor's its own)", async () => {
    const ADMIN_POLICY = adminPolicyText(adminSecurityPolicy({ backend: "local" }, localBackendUrl({})), "header");
    const rules = parseHeadersFile(await readFile(path.join(site, "_headers"), "utf8"));
    const files = (await listFiles(site)).filter((file) => !file.startsWith("_"));
    const immutable: string[] = [];
    for (const file of files) {
      const requested = `${PREFIX}${file.split("/").map(encodeURIComponent).join("/")}`;
      const headers = headersFor(rules, requested);
      const caching = headers.get("cache-control");
      assert.ok(caching === IMMUTABLE || caching === REVALIDATE, `${file}: Cache-Control «${caching}»`);
      // One policy a file: the site's, and the browser's editor's on /admin/ (its own, src/admin/admin-page.ts).
      assert.equal(headers.get("content-security-policy"), isReaderPage(file) ? contentSecurityPolicy("header") : ADMIN_POLICY, file);
      assert.equal(headers.get("x-content-type-options"), "nosniff", file);
      if (file.endsWith(".html")) assert.equal(caching, REVALIDATE, file);
      if (caching === IMMUTABLE) immutable.push(file);
    }
    // Folders: the home page and any folder address answer with its index.html's rule.
    assert.equal(headersFor(rules, PREFIX).get("cache-control"), REVALIDATE);
    assert.equal(headersFor(rules, `${PREFIX}news/149840/`).get("cache-control"), REVALIDATE);

    // Our assets carry the hash of their own bytes; Pagefind's chunks carry Pagefind's hash.
    const assets = immutable.filter((file) => file.startsWith("assets/"));
    assert.ok(assets.length >= 5, assets.join(", "));
    for (const file of assets) {
      const hash = /\.([0-9a-f]{10})\.[a-z0-9]+$/.exec(file)?.[1];
      assert.equal(hash, contentHash(await readFile(path.join(site, file))), `${file}: the name's hash is not its content's`);
    }
    assert.ok(immutable.some((file) => file.startsWith("img/")), "no converted picture was checked");
    for (const file of immutable.filter((name) => !name.startsWith("assets/"))) {
      // eleventy-img names a picture by a hash of the source and the options (then the width); Pagefind by a hex hash.
      const named = file.startsWith("img/") ? /^img\/[A-Za-z0-9_-]{10}-\d+\.(avif|webp|jpeg|png|gif)$/ : /^pagefind\/\d{4}-\d{2}(?:-16)?\/(fragment|index|filter)\/[a-z]+_[0-9a-f]{7,}\.pf_[a-z]+$/;
      assert.match(file, named, `${file}: no hash in its name`);
    }
    assert.ok(files.filter((file) => file.startsWith("assets/")).every((file) => immutable.includes(file)));
  });

  test("a SITE_URL that is not an address stops the build with a message saying what to write, and writes nothing", async () => {
    const output = path.join(work, "not-built");
    const run = await runBuild(path.join(work, "content"), output, { SITE_URL: "news.example.org" });
    assert.equal(run.code, 1);
    assert.ok(run.log.includes("SITE_URL باید نشانی عمومی سایت باشد، مانند https://news.example.org یا https://user.github.io/akhbar (بی ? و #)، نه «news.example.org»."), run.log);
    const english = await runBuild(path.join(work, "content"), output, { SITE_URL: "news.example.org", AKHBAR_LANG: "en" });
    assert.equal(english.code, 1);
    assert.ok(english.log.includes(`SITE_URL must be the site's public address, such as https://news.example.org or https://user.github.io/akhbar (no query, no #), not "news.example.org"`), english.log);
    assert.doesNotMatch(run.log, /\n\s+at /, "no stack trace");
    assert.equal(await exists(output), false);
  });

  test("every page carries the same Content-Security-Policy as a <meta>, first in its head", async () => {
    for (const file of htmlFiles) {
      const $ = await loadPage(site, file);
      const meta = $('meta[http-equiv="Content-Security-Policy"]');
      assert.equal(meta.length, 1, file);
      assert.equal(meta.attr("content"), contentSecurityPolicy("meta"), file);
      assert.equal($("head > *").index(meta), 1, `${file}: the policy must come right after <meta charset>`);
    }
    assert.equal(contentSecurityPolicy("header"), `${contentSecurityPolicy("meta")}; frame-ancestors 'none'`);
  });
});

describe("validity", () => {
  test("every page passes html-validate, with the project's settings (.htmlvalidate.mjs)", async (t) => {
    assert.deepEqual(await validatePages(site, htmlFiles), []);
    assert.ok(htmlFiles.length > 100, `only ${htmlFiles.length} pages`);
    t.diagnostic(`${htmlFiles.length} pages valid`);
  });

  test("the validator does find problems: a page with a duplicate id, a picture without alt and a link in a link", async () => {
    const report = await (await htmlValidator()).validateString(
      `<!doctype html><html lang="fa"><head><title>x</title></head><body><main><p id="a">1</p><p id="a">2</p><img src="/x.png"><a href="/x"><span><a href="/y">y</a></span></a></main></body></html>`,
    );
    const rules = new Set(report.results.flatMap((result) => result.messages.map((message) => message.ruleId)));
    for (const rule of ["no-dup-id", "wcag/h37", "element-permitted-content"]) assert.ok(rules.has(rule), `${rule} not reported: ${[...rules].join(", ")}`);
  });
});

describe("release pages: light and readable without JavaScript", () => {
  let pages: string[] | undefined;
  /** Every release page (an English release's Persian address is a redirect page, left out). */
  const releasePages = async () => {
    pages ??= [];
    if (pages.length === 0) {
      for (const file of htmlFiles.filter((name) => /^(en\/)?news\/\d+\/index\.html$/.test(name))) {
        if (!isRedirectPage(await loadPage(site, file))) pages.push(file);
      }
    }
    return pages;
  };

  test("no script but JSON-LD data and the site's own fingerprinted, deferred release script; the header search box is a plain form that sends q to the search page", async () => {
    assert.ok((await releasePages()).length >= 15);
    for (const file of await releasePages()) {
      const $ = await loadPage(site, file);
      const scripts = $("script")
        .map((_, element) => {
          const { type, src, defer, ...rest } = $(element).attr() ?? {};
          assert.deepEqual(rest, {}, file);
          if (src === undefined) return `data:${type}`;
          assert.notEqual(defer, undefined, `${file}: ${src} is not deferred`);
          return `${type ?? "classic"}:${src.replace(/\.[0-9a-f]{10}\.js$/, ".<hash>.js")}`;
        })
        .get();
      assert.deepEqual(scripts, ["data:application/ld+json", `classic:${PREFIX}assets/release.<hash>.js`], file);
      const form = $('header form[role="search"]');
      assert.equal(form.attr("method"), "get", file);
      assert.match(form.attr("action") ?? "", new RegExp(`^${PREFIX}(en/)?search/$`), file);
      assert.equal(form.find('input[name="q"]').length, 1, file);
      assert.equal(form.find('button[type="submit"]').length, 1, file);
    }
  });

  test(`HTML plus stylesheet, gzip-compressed, at most ${RELEASE_PAGE_BUDGET / 1024} KB on every release page`, async (t) => {
    let heaviest = { file: "", bytes: 0 };
    // The sample photo report (149900) has a video placeholder and a six-picture gallery: the heaviest kind of release page.
    let videoAndGallery = 0;
    for (const file of await releasePages()) {
      const $ = await loadPage(site, file);
      if ($(".release__body figure.video").length > 0 && $(".release__body .gallery li").length >= 6) videoAndGallery++;
      const stylesheets = $('link[rel="stylesheet"]').map((_, element) => $(element).attr("href")!).get();
      assert.equal(stylesheets.length, 1, file);
      let bytes = gzipSync(await readFile(path.join(site, file)), { level: 9 }).length;
      for (const href of stylesheets) bytes += gzipSync(await readFile(fileForUrl(site, href.slice(PREFIX.length - 1))!), { level: 9 }).length;
      if (bytes > heaviest.bytes) heaviest = { file, bytes };
      assert.ok(bytes <= RELEASE_PAGE_BUDGET, `${file}: ${bytes} bytes compressed`);
    }
    assert.ok(videoAndGallery >= 1, "no release page with a video placeholder and a gallery of six pictures was measured");
    t.diagnostic(`heaviest release page: ${heaviest.file}, ${(heaviest.bytes / 1024).toFixed(1)} KB gzip with its stylesheet`);
  });
});

describe("nothing from content runs", () => {
  const SCRIPT_URL = /^(?:javascript|vbscript|data:text\/html|data:image\/svg)/i;
  const URL_ATTRIBUTES = new Set(["href", "src", "action", "formaction", "poster", "data", "srcset", "xlink:href", "background"]);

  test("no page has an event handler, a script address, or an element that runs or embeds", async () => {
    for (const file of htmlFiles) {
      const $ = await loadPage(site, file);
      for (const { tag, attributes } of elementsOf($)) {
        const where = `${file}: <${tag}>`;
        assert.ok(!["iframe", "object", "embed", "base", "style", "frame", "applet"].includes(tag), where);
        for (const [name, value] of Object.entries(attributes)) {
          assert.ok(!/^on/i.test(name), `${where} ${name}="${value}"`);
          if (URL_ATTRIBUTES.has(name)) assert.ok(!SCRIPT_URL.test(value.replace(/[\s\u0000-\u001f]+/g, "")), `${where} ${name}="${value}"`);
        }
        if (tag === "script") {
          // Our own scripts, from our own folders; JSON-LD, which is data and must parse as such.
          const own = attributes.src !== undefined && (attributes.src.startsWith(`${PREFIX}assets/`) || attributes.src.startsWith(`${PREFIX}pagefind/`));
          assert.ok(own || attributes.type === "application/ld+json", `${where} ${JSON.stringify(attributes)}`);
        }
        if (tag === "meta" && attributes["http-equiv"]?.toLowerCase() === "refresh") {
          assert.ok(isRedirectPage($), file);
          assert.match(attributes.content ?? "", new RegExp(`^0; url=${PREFIX}`), file);
        }
        if (tag === "form") assert.match(attributes.action ?? "", new RegExp(`^${PREFIX}(en/)?search/$`), where);
      }
      $('script[type="application/ld+json"]').each((_, element) => {
        assert.doesNotThrow(() => JSON.parse($(element).text()), `${file}: JSON-LD that is not JSON`);
      });
    }
  });

  test("each hostile release shows its title as text, exactly as written, in its heading, its <title> and its JSON-LD", async () => {
    assert.ok(hostile.length >= 5);
    for (const release of hostile) {
      const $ = await loadPage(site, `${release.url.slice(1)}index.html`);
      assert.equal($("h1").text(), release.title, release.url);
      assert.ok($("title").text().startsWith(release.title), release.url);
      const jsonLd = JSON.parse($('script[type="application/ld+json"]').first().text()) as { headline?: string };
      assert.equal(jsonLd.headline, release.title, release.url);
    }
  });

  test("raw HTML in Markdown is shown as text: markdown-it with html: false escapes it", async () => {
    const $ = await loadPage(site, "news/910002/index.html");
    const body = $(".release__body");
    assert.equal(body.find("script, svg, img, iframe, object, embed, details, style, base, meta, form, a, span, b, div").length, 0);
    for (const text of [`<script>window.__pwned = "script"</script>`, `<svg onload="window.__pwned='svg-onload'">`, `<iframe src="javascript:parent.__pwned='iframe'"></iframe>`]) {
      assert.ok(body.text().includes(text), `the text does not show ${text}`);
    }
  });

  test("script addresses in Markdown links and pictures are left as text; ordinary links still work", async () => {
    const $ = await loadPage(site, "news/910003/index.html");
    const links = $(".release__body a").map((_, element) => $(element).attr("href")).get();
    assert.deepEqual(links, [`${PREFIX}news/149840/`]);
    assert.deepEqual($(".release__body img").map((_, element) => $(element).attr("src")).get(), [`${PREFIX}images/tehran-council.svg`]);
    assert.ok($(".release__body").text().includes("[plain](javascript:window.__pwned='plain')"));
  });

  test("hostile video addresses stay links or text: only a real video is a placeholder, its title text, and no page loads anything from a player's host", async () => {
    const $ = await loadPage(site, "news/910006/index.html");
    const figures = $(".release__body figure.video");
    assert.equal(figures.length, 1);
    assert.equal(figures.attr("data-akhbar-video"), "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1");
    assert.equal(figures.find(".video__title").text(), `<img src=x onerror="window.__pwned='video-label'">`);
    assert.equal(figures.find("img").length, 0);
    // Each look-alike is a link to the address as written (or text), never a player's.
    const links = $(".release__body a").map((_, element) => $(element).attr("href")).get();
    assert.ok(links.includes("https://www.youtube.com.evil.example/watch?v=dQw4w9WgXcQ"), links.join("\n"));
    assert.ok(links.includes("https://evil.example/www.youtube.com/watch?v=dQw4w9WgXcQ"), links.join("\n"));
    assert.ok($(".release__body").text().includes("@evil.example/watch?v=dQw4w9WgXcQ"));
    assert.ok($(".release__body").text().includes("[script](javascript:window.__pwned='video'//"));
    for (const file of htmlFiles) {
      const page = await loadPage(site, file);
      page("[data-akhbar-video]").each((_, element) => assert.ok(isPlayerAddress(page(element).attr("data-akhbar-video")!), file));
      page("[src], [srcset], [poster]").each((_, element) => {
        const addresses = ["src", "srcset", "poster"].map((name) => page(element).attr(name) ?? "").join(" ");
        assert.doesNotMatch(addresses, /youtube|youtu\.be|aparat|evil\.example/i, `${file}: <${"tagName" in element ? element.tagName : "?"}> ${addresses}`);
      });
    }
  });

  test("hostile attachment names, words and titles reach the page as text: each link to its file, encoded, with the file's own type and size", async () => {
    const $ = await loadPage(site, "news/910007/index.html");
    const body = $(".release__body");
    assert.equal(body.find("img, script, svg, iframe").length, 0);
    const links = body.find("a").toArray().map((element) => $(element));
    assert.deepEqual(
      links.map((link) => decodeURI(link.attr("href")!)),
      [`${PREFIX}files/1403/varamin-wheat-purchase-guideline.pdf`, ...HOSTILE_ATTACHMENT_NAMES.map((name) => `${PREFIX}files/${name}`)],
    );
    for (const link of links) {
      assert.equal(link.attr("class"), "attachment");
      assert.equal(link.attr("type"), "application/pdf");
      assert.match(link.next(".attachment__meta").text(), /^\(PDF، [۰-۹٫]+ (بایت|کیلوبایت)\)$/);
      assert.deepEqual(Object.keys(link.attr() ?? {}).sort(), link.attr("title") === undefined ? ["class", "href", "type"] : ["class", "href", "title", "type"]);
      // Published under its own name, which the address names.
      assert.ok(await exists(path.join(site, ...decodeURI(link.attr("href")!).slice(PREFIX.length).split("/"))), link.attr("href"));
    }
    assert.equal(links[0]!.text(), `<img src=x onerror="window.__pwned='attachment-words'">`);
    assert.equal(links[0]!.attr("title"), `" onmouseover="window.__pwned='attachment-link-title'`);
    assert.ok(body.text().includes("[script address in front](javascript:/files/1403/varamin-wheat-purchase-guideline.pdf)"));
  });

  test("template syntax in content reaches the page as written", async () => {
    const $ = await loadPage(site, "news/910004/index.html");
    assert.equal($("h1").text(), "{{ 7 * 7 }} {% raw %} ${7*7} <%= 7 * 7 %> #{7*7}");
    assert.ok($(".release__body").text().includes(`{{ constructor.constructor("window.__pwned='template'")() }} {% include "/etc/passwd" %} \${alert(1)}`));
  });

  test("the crawler's own address logic: relative, prefixed, absolute and climbing addresses", () => {
    const options = { pathPrefix: PREFIX, siteUrl: SITE_URL };
    assert.equal(siteTargetOf("news/1/index.html", "../2/", options), "/news/2/");
    assert.equal(siteTargetOf("assets/site.css", "fonts/a.woff2", options), "/assets/fonts/a.woff2");
    assert.equal(siteTargetOf("index.html", `${PREFIX}news/1/?q=1#x`, options), "/news/1/?q=1#x");
    assert.equal(siteTargetOf("index.html", "/news/1/", options), "outside");
    assert.equal(siteTargetOf("index.html", `${SITE_URL}/news/1/`, options), "/news/1/");
    assert.equal(siteTargetOf("index.html", `${SITE}/news/1/`, options), "outside");
    assert.equal(siteTargetOf("index.html", "https://example.org/news/1/", options), undefined);
    assert.equal(siteTargetOf("index.html", "mailto:a@b.c", options), undefined);
    assert.equal(siteTargetOf("index.html", `${PREFIX}../../etc/passwd`, options), "outside");
  });
});
