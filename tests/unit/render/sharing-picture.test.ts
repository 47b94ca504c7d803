/**
 * Unit tests for the sharing picture (issue 24): og:image, twitter:image and the JSON-LD image are
 * never an SVG (src/render/structured-data.ts), and the picture pipeline draws a drawing as a PNG
 * for them, named by the drawing's content (src/render/images.ts `sharingPicture`).
 */
import { describe, test, after } from "node:test";
import assert from "node:assert/strict";
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import * as cheerio from "cheerio";
import { siteMetadata, type SiteMetadata } from "../../../src/content/site.js";
import { isDrawingAddress, newsArticle, pageSharingTags, releaseSharingTags } from "../../../src/render/structured-data.js";
import { ImagePipeline, SHARING_SIZE } from "../../../src/render/images.js";
import { makeRelease } from "../../support/release-factory.js";
import { repoRoot } from "../../support/run.js";

const site = siteMetadata({ SITE_URL: "https://akhbar.test" });
const drawnLogo: SiteMetadata = { ...site, logo: { url: "/images/logo.svg", width: 200, height: 100, sharing: { url: "/img/abc-1200.png", width: 1200, height: 600 } } };
const bareDrawnLogo: SiteMetadata = { ...site, logo: { url: "/images/logo.svg", width: 200, height: 100 } };

const created: string[] = [];
after(async () => {
  await Promise.all(created.map((dir) => rm(dir, { recursive: true, force: true })));
});

/** The sharing tags' picture addresses and sizes, by name. */
function pictureTags(markup: string): Record<string, string> {
  const $ = cheerio.load(`<head>${markup}</head>`);
  return Object.fromEntries($("meta[property^='og:image'], meta[name='twitter:image'], meta[name='twitter:card']").map((_, element) => [[$(element).attr("property") ?? $(element).attr("name"), $(element).attr("content")]]).get());
}

describe("sharing tags never name an SVG", () => {
  test("isDrawingAddress", () => {
    for (const [url, drawing] of [["/images/a.svg", true], ["/images/A.SVG", true], ["https://x.org/a.svg?v=2", true], ["/images/a.svgz", true], ["/images/svg.png", false], ["/images/a.jpg", false]] as const) assert.equal(isDrawingAddress(url), drawing, url);
  });

  test("a release's own picture: the pipeline's raster with its size, in og:image, twitter:image and the JSON-LD image", () => {
    const release = makeRelease(1, "2024-01-01T10:00:00+03:30", { image: "/images/plan.svg", imageAlt: "نقشه" });
    const picture = { url: "/img/xyz-1200.png", width: 1200, height: 675 };
    assert.deepEqual(pictureTags(releaseSharingTags(drawnLogo, release, [], picture).value), {
      "og:image": "https://akhbar.test/img/xyz-1200.png",
      "og:image:width": "1200",
      "og:image:height": "675",
      "og:image:alt": "نقشه",
      "twitter:card": "summary_large_image",
      "twitter:image": "https://akhbar.test/img/xyz-1200.png",
    });
    assert.deepEqual(newsArticle(drawnLogo, release, [], picture).image, [{ "@type": "ImageObject", url: "https://akhbar.test/img/xyz-1200.png", width: 1200, height: 675 }]);
  });

  test("a drawing of the release without the pipeline's raster (another site's SVG): the logo's raster instead, in a small card", () => {
    const release = makeRelease(2, "2024-01-01T10:00:00+03:30", { image: "https://cdn.example.org/plan.svg", imageAlt: "نقشه" });
    const tags = pictureTags(releaseSharingTags(drawnLogo, release).value);
    assert.equal(tags["og:image"], "https://akhbar.test/img/abc-1200.png");
    assert.equal(tags["twitter:image"], "https://akhbar.test/img/abc-1200.png");
    assert.equal(tags["twitter:card"], "summary");
    assert.equal("image" in newsArticle(drawnLogo, release), false);
  });

  test("a drawn logo: its raster stand-in for sharing and the JSON-LD publisher; without one, no og:image at all", () => {
    const release = makeRelease(3, "2024-01-01T10:00:00+03:30");
    assert.deepEqual(pictureTags(releaseSharingTags(drawnLogo, release).value), {
      "og:image": "https://akhbar.test/img/abc-1200.png",
      "og:image:width": "1200",
      "og:image:height": "600",
      "og:image:alt": site.name.fa,
      "twitter:card": "summary",
      "twitter:image": "https://akhbar.test/img/abc-1200.png",
    });
    assert.deepEqual((newsArticle(drawnLogo, release).publisher as { logo: unknown }).logo, { "@type": "ImageObject", url: "https://akhbar.test/img/abc-1200.png", width: 1200, height: 600 });
    assert.deepEqual(pictureTags(releaseSharingTags(bareDrawnLogo, release).value), { "twitter:card": "summary" });
    const page = pictureTags(pageSharingTags(drawnLogo, { title: "درباره ما", url: "/about/", lang: "fa" }).value);
    assert.equal(page["og:image"], "https://akhbar.test/img/abc-1200.png");
    assert.equal(pictureTags(pageSharingTags(bareDrawnLogo, { title: "درباره ما", url: "/about/", lang: "fa" }).value)["og:image"], undefined);
  });
});

describe("ImagePipeline.sharingPicture", () => {
  async function setUp() {
    const root = await mkdtemp(path.join(tmpdir(), "akhbar-unit-sharing-"));
    created.push(root);
    const content = path.join(root, "content");
    await mkdir(path.join(content, "images"), { recursive: true });
    await cp(path.join(repoRoot, "content", "images", "tehran-council.svg"), path.join(content, "images", "plan.svg"));
    await cp(path.join(repoRoot, "tests", "fixtures", "images", "photo.jpg"), path.join(content, "images", "photo.jpg"));
    // A tall drawing with a script, which the cleaned bytes leave out.
    await writeFile(path.join(content, "images", "tall.svg"), `<svg xmlns="http://www.w3.org/2000/svg" width="100" height="400" viewBox="0 0 100 400"><script>alert(1)</script><rect width="100" height="400" fill="#0b5cad"/></svg>`);
    return { root, content, cache: path.join(root, "cache"), output: path.join(root, "site") };
  }
  const where = { file: "content/site.yml", field: "logo", find: "" };

  test("a drawing: a PNG 1200 wide (or high), converted into the cache and published; the name follows the drawing's content", async () => {
    const { root, content, cache, output } = await setUp();
    const pipeline = new ImagePipeline(content, cache);
    const wide = pipeline.sharingPicture("/images/plan.svg", where)!;
    assert.match(wide.url, /^\/img\/[\w-]+-1200\.png$/);
    assert.deepEqual([wide.width, wide.height], [SHARING_SIZE, 675]);
    const tall = pipeline.sharingPicture("/images/tall.svg", where)!;
    assert.deepEqual([tall.width, tall.height], [300, 1200]);
    assert.equal(pipeline.picture("https://example.org/a.svg", { alt: "", lead: true }, where), undefined);
    assert.equal(pipeline.sharingPicture("https://example.org/a.svg", where), undefined);
    await pipeline.finish(output);
    const png = await readFile(path.join(output, ...wide.url.split("/").filter(Boolean)));
    assert.deepEqual([...png.subarray(1, 4)].map((code) => String.fromCharCode(code)).join(""), "PNG");
    // PNG's header: width and height, big-endian, at bytes 16 and 20.
    assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [1200, 675]);
    const tallPng = await readFile(path.join(output, ...tall.url.split("/").filter(Boolean)));
    assert.deepEqual([tallPng.readUInt32BE(16), tallPng.readUInt32BE(20)], [300, 1200]);
    assert.ok(existsSync(path.join(cache, path.basename(wide.url))), "kept in the picture cache");
    // The same drawing again: the same name, from the cache. Another drawing under the same name: another name.
    const again = new ImagePipeline(content, cache);
    assert.equal(again.sharingPicture("/images/plan.svg", where)!.url, wide.url);
    assert.deepEqual(await again.finish(path.join(root, "site2")), { converted: 0, reused: 1 });
    await writeFile(path.join(content, "images", "plan.svg"), (await readFile(path.join(content, "images", "plan.svg"), "utf8")).replace("</svg>", `<circle cx="10" cy="10" r="5"/></svg>`));
    assert.notEqual(new ImagePipeline(content, cache).sharingPicture("/images/plan.svg", where)!.url, wide.url);
  });

  test("a photo: its largest converted JPEG, the one its page names", async () => {
    const { content, cache } = await setUp();
    const pipeline = new ImagePipeline(content, cache);
    const picture = pipeline.sharingPicture("/images/photo.jpg", where)!;
    assert.match(picture.url, /^\/img\/[\w-]+-\d+\.jpeg$/);
    const markup = pipeline.picture("/images/photo.jpg", { alt: "", lead: true }, where)!.value;
    assert.ok(markup.includes(`src="${picture.url}"`), markup);
  });
});
