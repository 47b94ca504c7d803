/**
 * Videos in a built site (issue 24): a release with a YouTube line, an Aparat line and a video file
 * of the site. The page shows light placeholders that ask nothing of YouTube or Aparat (no frame,
 * no picture, no script of theirs: their addresses only as links to the videos' pages and as the
 * players' addresses the page's script may open), the file as a <video> that loads nothing first,
 * published; its JSON-LD has the VideoObjects; the feeds have links, not players.
 */
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { readFile, rm } from "node:fs/promises";
import path from "node:path";
import { exists, listFiles, loadPage, type Page } from "../support/html.js";
import { runBuild, temporaryDirectory } from "../support/run.js";
import { APARAT_PAGE, APARAT_PLAYER, VIDEO_RELEASE, videoContent, YOUTUBE_PAGE, YOUTUBE_PLAYER } from "../support/video-content.js";

const SITE_URL = "https://akhbar.test";
let work = "";
let site = "";
let page: Page;

before(async () => {
  work = await temporaryDirectory("akhbar-video-");
  site = path.join(work, "site");
  const run = await runBuild(await videoContent(work), site, { SITE_URL });
  assert.equal(run.code, 0, `the build failed:\n${run.log}`);
  page = await loadPage(site, `${VIDEO_RELEASE.url.slice(1)}index.html`);
});

after(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

test("a release with a YouTube line, an Aparat line and a video file shows three placeholders in its text, none in a paragraph, and no frame", () => {
  const figures = page(".release__body > figure.video");
  assert.deepEqual(figures.map((_, element) => page(element).attr("class")).get(), ["video video--youtube", "video video--aparat", "video video--file"]);
  assert.equal(page("iframe, object, embed").length, 0);
  assert.equal(page(".release__body p figure, .release__body p video").length, 0);

  const [youtube, aparat] = [figures.eq(0), figures.eq(1)];
  assert.equal(youtube.attr("data-akhbar-video"), YOUTUBE_PLAYER);
  assert.equal(youtube.find("a.video__link").attr("href"), YOUTUBE_PAGE);
  assert.equal(youtube.find(".video__title").text(), `ویدیو: ${VIDEO_RELEASE.title}`);
  assert.equal(aparat.attr("data-akhbar-video"), APARAT_PLAYER);
  assert.equal(aparat.find("a.video__link").attr("href"), APARAT_PAGE);
  assert.equal(aparat.find(".video__title").text(), "گفت‌وگو با فرماندار");
  for (const link of [youtube, aparat].map((figure) => figure.find("a.video__link"))) {
    assert.equal(link.attr("rel"), "noopener noreferrer");
    assert.equal(link.find(".video__play").attr("aria-hidden"), "true");
  }
});

test("the video file is a <video> that loads nothing before it is played, with a link inside, and is published", async () => {
  const video = page("figure.video--file video");
  assert.deepEqual({ src: video.attr("src"), preload: video.attr("preload"), controls: video.attr("controls") !== undefined }, { src: "/files/visit.mp4", preload: "none", controls: true });
  assert.equal(video.find("a").attr("href"), "/files/visit.mp4");
  assert.equal(page("figure.video--file figcaption").text(), "بازدید از طرح");
  assert.ok(await exists(path.join(site, "files", "visit.mp4")), "the video file was not published");
});

test("no address of another host is loaded by the page: YouTube and Aparat only as the links to the videos' pages", () => {
  page("[src], [srcset], [poster], [data]").each((_, element) => {
    for (const name of ["src", "srcset", "poster", "data"]) {
      const value = page(element).attr(name);
      if (value !== undefined) assert.ok(!/^(https?:)?\/\//i.test(value) || value.startsWith(`${SITE_URL}/`), `${name}="${value}"`);
    }
  });
  const providerLinks = page("[href]")
    .map((_, element) => page(element).attr("href")!)
    .get()
    .filter((href) => /youtube|youtu\.be|aparat/i.test(href));
  assert.deepEqual(providerLinks, [YOUTUBE_PAGE, APARAT_PAGE]);
  // The players' addresses are data for the page's script, never an address the page loads.
  assert.deepEqual(page("[data-akhbar-video]").map((_, element) => page(element).attr("data-akhbar-video")).get(), [YOUTUBE_PLAYER, APARAT_PLAYER]);
});

test("the page names the site's own release script, deferred, and the script is published under its fingerprint", async () => {
  const script = page("script[src]");
  assert.equal(script.length, 1);
  assert.match(script.attr("src")!, /^\/assets\/release\.[0-9a-f]{10}\.js$/);
  assert.notEqual(script.attr("defer"), undefined);
  const text = await readFile(path.join(site, script.attr("src")!), "utf8");
  assert.ok(text.includes("data-akhbar-copy") || text.includes("akhbarCopy"), "the script does not handle copy buttons");
  assert.ok(text.includes("youtube-nocookie"), "the script does not check the players' addresses");
});

test("JSON-LD: the NewsArticle's `video` lists the three as VideoObjects, uploaded with the release", () => {
  const article = JSON.parse(page('script[type="application/ld+json"]').first().text()) as { video?: Array<Record<string, unknown>> };
  assert.deepEqual(
    article.video?.map((video) => [video["@type"], video.name, video.embedUrl ?? video.contentUrl, video.uploadDate]),
    [
      ["VideoObject", `ویدیو: ${VIDEO_RELEASE.title}`, YOUTUBE_PLAYER, "2024-06-16T10:00:00+03:30"],
      ["VideoObject", "گفت‌وگو با فرماندار", APARAT_PLAYER, "2024-06-16T10:00:00+03:30"],
      ["VideoObject", "بازدید از طرح", `${SITE_URL}/files/visit.mp4`, "2024-06-16T10:00:00+03:30"],
    ],
  );
  for (const video of article.video ?? []) assert.match(String(video.thumbnailUrl), /^https:\/\/akhbar\.test\//);
});

test("in the feeds a video is a link to its page: no player, no frame, no <video>", async () => {
  const feeds = (await listFiles(site)).filter((file) => /^feed\.(xml|json)$/.test(file));
  assert.equal(feeds.length, 2);
  for (const file of feeds) {
    const text = await readFile(path.join(site, file), "utf8");
    const entry = file.endsWith(".json")
      ? ((JSON.parse(text) as { items: Array<{ url: string; content_html: string }> }).items.find((item) => item.url.endsWith(VIDEO_RELEASE.url))?.content_html ?? "")
      : text;
    assert.ok(entry.includes("پایان گزارش"), `${file}: the release is not in the feed`);
    for (const wanted of [YOUTUBE_PAGE, APARAT_PAGE, `${SITE_URL}/files/visit.mp4`]) assert.ok(entry.includes(`href=${file.endsWith(".xml") ? "&quot;" : '"'}${wanted}`), `${file}: no link to ${wanted}`);
    assert.doesNotMatch(entry, /youtube-nocookie|videohash|data-akhbar-video|iframe|&lt;video|<video/, file);
  }
});
