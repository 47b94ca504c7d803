/**
 * The editors' features in real builds: embargo (a release dated after the build's time is
 * left out of production and published by a later build; the preview shows it marked) and
 * pictures (responsive AVIF/WebP/JPEG with their size, SVG as it is, the cache reused).
 * Five builds of a small archive: production at T1 twice (the second reuses the picture
 * cache), production at T2 after the embargo, and the preview (`npm start`) at T1. The build's log
 * is in Persian; the second build's in English (AKHBAR_LANG=en), which changes nothing it writes.
 */
import { AFTER_ELEVENTY_PAGES, BEFORE_ELEVENTY_PAGES } from "../../src/build/steps.js";
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { cp, mkdir, readFile, readdir, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import Image from "@11ty/eleventy-img";
import { repoRoot, runBuild, runNode, temporaryDirectory, type BuildRun } from "../support/run.js";
import { exists, findBrokenLinks, hashTree, listFiles, loadPage } from "../support/html.js";

const EMBARGOED_ID = 900201;
const EMBARGOED_TITLE = "خبر زمان‌بندی‌شده برای فردا";
const PICTURE_ID = 900202;
const DRAFT_ID = 900203;
/** The embargoed release's date is between T1 and T2. */
const T1 = "1403/02/23 10:30";
const T2 = "1403/02/24 09:00";

let work = "";
let content = "";
let cache = "";
let first: BuildRun;
let second: BuildRun;
let later: BuildRun;
let preview: BuildRun;
const site = (name: string) => path.join(work, name);

/** The preview: what `npm start` builds (Eleventy in serve mode), written once without serving (tests/support/preview-rebuilds.ts). */
function runPreview(input: string, output: string, env: NodeJS.ProcessEnv): Promise<BuildRun> {
  return runNode(["tests/support/preview-rebuilds.ts", input, output], env);
}

async function cacheTimes(): Promise<Map<string, number>> {
  const times = new Map<string, number>();
  for (const file of await readdir(cache)) times.set(file, (await stat(path.join(cache, file))).mtimeMs);
  return times;
}

let cacheAfterFirst = new Map<string, number>();

before(async () => {
  work = await temporaryDirectory("akhbar-editors-build-");
  content = path.join(work, "content");
  cache = path.join(work, "image-cache");
  for (const file of ["releases/1402/140210.md", "releases/1402/149840.md"]) {
    await mkdir(path.dirname(path.join(content, file)), { recursive: true });
    await cp(path.join(repoRoot, "content", file), path.join(content, file));
  }
  await cp(path.join(repoRoot, "content", "images"), path.join(content, "images"), { recursive: true });
  await cp(path.join(repoRoot, "tests", "fixtures", "images"), path.join(content, "images"), { recursive: true });
  const releases = path.join(content, "releases", "test");
  await mkdir(releases, { recursive: true });
  await writeFile(
    path.join(releases, `${EMBARGOED_ID}.md`),
    `---\nid: ${EMBARGOED_ID}\ntitle: "${EMBARGOED_TITLE}"\ndate: 1403/02/24 08:00\nlead: "منتشر نشده تا فردا."\n---\n\nمتن خبر زمان‌بندی‌شده.\n`,
  );
  await writeFile(
    path.join(releases, `${PICTURE_ID}.md`),
    `---\nid: ${PICTURE_ID}\ntitle: "خبر با عکس"\ndate: 1403/02/22 10:00\nimage: /images/photo.jpg\nimage_alt: "عکس نمونه"\n---\n\nبند اول.\n\n![عکس چرخیده](/images/turned.jpg)\n\n![نقشهٔ نشست](/images/tehran-council.svg)\n`,
  );
  await writeFile(path.join(releases, `${DRAFT_ID}.md`), `---\nid: ${DRAFT_ID}\ntitle: "پیش‌نویس"\ndate: 1403/02/20\ndraft: true\n---\n\nمتن.\n`);

  const env = { AKHBAR_NOW: T1, AKHBAR_IMAGE_CACHE: cache, AKHBAR_LANG: "" };
  first = await runBuild(content, site("first"), env);
  assert.equal(first.code, 0, first.log);
  cacheAfterFirst = await cacheTimes();
  second = await runBuild(content, site("second"), { ...env, AKHBAR_LANG: "en", AKHBAR_TIMINGS: "1" });
  assert.equal(second.code, 0, second.log);
  later = await runBuild(content, site("later"), { ...env, AKHBAR_NOW: T2 });
  assert.equal(later.code, 0, later.log);
  preview = await runPreview(content, site("preview"), env);
  assert.equal(preview.code, 0, preview.log);
});

after(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

describe("embargo", () => {
  test("production before the date: no page, in no list, no file names it, and the search index does not have it", async () => {
    const output = site("first");
    assert.equal(await exists(path.join(output, "news", String(EMBARGOED_ID), "index.html")), false);
    for (const file of (await listFiles(output)).filter((name) => /\.(html|xml|json|txt)$/.test(name))) {
      const text = await readFile(path.join(output, file), "utf8");
      assert.equal(text.includes(EMBARGOED_TITLE), false, `${file} shows the embargoed title`);
      assert.equal(text.includes(`/news/${EMBARGOED_ID}/`), false, `${file} links to the embargoed release`);
    }
    const $ = await loadPage(output, "index.html");
    assert.deepEqual(
      $(".release-list .summary__title a").map((_, link) => $(link).attr("href")).get(),
      [`/news/${PICTURE_ID}/`, "/news/149840/", "/news/140210/"],
    );
  });

  test("the scheduled build after the date publishes it", async () => {
    const $ = await loadPage(site("later"), `news/${EMBARGOED_ID}/index.html`);
    assert.equal($("h1.release__title").text(), EMBARGOED_TITLE);
    assert.equal($("p.release__embargoed").length, 0);
    assert.equal($('meta[name="robots"]').attr("content"), "index, follow");
    const home = await loadPage(site("later"), "index.html");
    assert.equal(home(".release-list .summary__title a").first().attr("href"), `/news/${EMBARGOED_ID}/`);
  });

  test("the preview (npm start) shows the embargoed release and the draft, marked", async () => {
    const $ = await loadPage(site("preview"), `news/${EMBARGOED_ID}/index.html`);
    assert.equal($("p.release__embargoed").text(), "انتشار زمان‌بندی‌شده: این خبر تا رسیدن تاریخش در ساخت نهایی منتشر نمی‌شود");
    assert.equal($('meta[name="robots"]').attr("content"), "noindex");
    const home = await loadPage(site("preview"), "index.html");
    const badges = home(".release-list .summary__title")
      .map((_, heading) => ({ href: home(heading).find("a").attr("href"), badge: home(heading).find(".summary__badge").text() }))
      .get();
    assert.deepEqual(badges, [
      { href: `/news/${EMBARGOED_ID}/`, badge: "زمان‌بندی‌شده" },
      { href: `/news/${PICTURE_ID}/`, badge: "" },
      { href: `/news/${DRAFT_ID}/`, badge: "پیش‌نویس" },
      { href: "/news/149840/", badge: "" },
      { href: "/news/140210/", badge: "" },
    ]);
  });
});

describe("pictures", () => {
  test("the lead picture: AVIF and WebP sources, a JPEG fallback, its size, loaded at once", async () => {
    const output = site("first");
    const $ = await loadPage(output, `news/${PICTURE_ID}/index.html`);
    const picture = $("figure.release__figure picture");
    assert.equal(picture.length, 1);
    const sources = picture.find("source").map((_, source) => ({ type: $(source).attr("type"), srcset: $(source).attr("srcset") })).get();
    assert.deepEqual(sources.map((source) => source.type), ["image/avif", "image/webp"]);
    const image = picture.find("img");
    assert.deepEqual(
      { width: image.attr("width"), height: image.attr("height"), alt: image.attr("alt"), loading: image.attr("loading"), fetchpriority: image.attr("fetchpriority") },
      { width: "1344", height: "756", alt: "عکس نمونه", loading: "eager", fetchpriority: "high" },
    );
    // Three widths of a 1600 × 900 photo, each file there and as large as the markup says.
    for (const srcset of [...sources.map((source) => source.srcset!), image.attr("srcset")!]) {
      const candidates = srcset.split(", ").map((candidate) => candidate.split(" "));
      assert.deepEqual(candidates.map(([, width]) => width), ["400w", "800w", "1344w"]);
      for (const [url, width] of candidates) {
        const file = path.join(output, url!);
        assert.ok(await exists(file), `${url} is missing`);
        if (!url!.endsWith(".avif")) assert.equal(`${Image.ImageSize(file).width}w`, width, url);
      }
    }
  });

  test("pictures in the text load lazily; a turned photo gets its turned size; an SVG stays SVG with its size", async () => {
    const output = site("first");
    const $ = await loadPage(output, `news/${PICTURE_ID}/index.html`);
    const images = $(".release__body img")
      .map((_, image) => ({ src: $(image).attr("src"), width: $(image).attr("width"), height: $(image).attr("height"), loading: $(image).attr("loading"), alt: $(image).attr("alt") }))
      .get();
    assert.equal(images.length, 2);
    assert.match(images[0]!.src!, /^\/img\/[\w-]+-300\.jpeg$/);
    assert.deepEqual({ ...images[0], src: undefined }, { src: undefined, width: "300", height: "600", loading: "lazy", alt: "عکس چرخیده" });
    assert.deepEqual(Image.ImageSize(path.join(output, images[0]!.src!)), { height: 600, width: 300, type: "jpg" });
    assert.deepEqual(images[1], { src: "/images/tehran-council.svg", width: "640", height: "360", loading: "lazy", alt: "نقشهٔ نشست" });
    assert.equal($(".release__body picture").length, 1);
  });

  test("no page of any build links to a file that is not there (srcset included)", async () => {
    for (const name of ["first", "later", "preview"]) {
      const { checked, broken } = await findBrokenLinks(site(name));
      assert.deepEqual(broken, [], name);
      assert.ok(checked > 50, `${name}: only ${checked} links checked`);
    }
  });

  test("with AKHBAR_TIMINGS=1 a build prints each step's time, in the steps' order, and Eleventy's between them; without it, none", () => {
    const timed = [...second.log.matchAll(/^\[akhbar\] time of "([^"]+)": [\d.]+ s, CPU [\d.]+ s, memory [\d.]+ (?:MB|GB)$/gm)].map((match) => match[1]);
    assert.deepEqual(timed, [...BEFORE_ELEVENTY_PAGES.map((step) => step.name), "Eleventy's own pages", ...AFTER_ELEVENTY_PAGES.map((step) => step.name)]);
    assert.doesNotMatch(first.log, /زمان «/);
  });

  test("an unchanged picture is not converted again: the second build reuses every file of the cache", async () => {
    // Three formats in three widths of photo.jpg, three of turned.jpg (300 wide), and the PNG that
    // shares 140210, whose picture is a drawing (og:image is never an SVG).
    assert.match(first.log, /^\[akhbar\] تصویرها: ۱۳ تبدیل شد، ۰ بی‌تغییر/m);
    assert.match(second.log, /^\[akhbar\] pictures: 0 converted, 13 unchanged/m);
    assert.equal(cacheAfterFirst.size, 13);
    assert.deepEqual(await cacheTimes(), cacheAfterFirst, "a cached file was written again");
    const pictures = async (name: string) => new Map([...(await hashTree(site(name)))].filter(([file]) => file.startsWith("img/")));
    assert.deepEqual(await pictures("second"), await pictures("first"));
    assert.equal((await pictures("first")).size, 13);
  });

  test("the build cache changes nothing: a build from the cache and a clean build write identical sites, byte for byte", async () => {
    // "first" started with empty cache folders, "second" from the caches "first" left (.cache/ in CI),
    // into another output: the pictures, the archive and the search index came from the caches; the
    // pages were rendered again (a production build's page cache is its published site, which this
    // output is not).
    assert.match(first.log, /^\[akhbar\] صفحه‌های خبر: ۳ ساخته شد، ۰ بی‌تغییر/m);
    assert.match(second.log, /^\[akhbar\] release pages: 3 rendered, 0 unchanged/m);
    // Except Pagefind's output (pagefind/): Pagefind 1.5 names its filter files differently from one run to the
    // next over the same documents (and has been seen to leave pagefind-component-ui.css empty), cache or no
    // cache; the caches never touch what Pagefind is given (src/search/search-index.ts reads the release files).
    const made = async (name: string) => new Map([...(await hashTree(site(name)))].filter(([file]) => !file.startsWith("pagefind/")));
    const [clean, cached] = [await made("first"), await made("second")];
    assert.ok(clean.size > 50, `only ${clean.size} files`);
    assert.deepEqual(cached, clean);
  });
});
