/** Unit tests for src/render/images.ts: the picture markup and the problems an editor can cause. */
import { test, describe, after } from "node:test";
import assert from "node:assert/strict";
import { cp, mkdir, mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { load } from "cheerio";
import { ContentError } from "../../../src/content/release.js";
import { ImagePipeline, imageCacheDir } from "../../../src/render/images.js";
import { repoRoot } from "../../support/run.js";

const created: string[] = [];
after(async () => {
  await Promise.all(created.map((dir) => rm(dir, { recursive: true, force: true })));
});

async function setUp(): Promise<{ content: string; cache: string; output: string; release: string }> {
  const root = await mkdtemp(path.join(tmpdir(), "akhbar-unit-images-"));
  created.push(root);
  const content = path.join(root, "content");
  await mkdir(path.join(content, "releases"), { recursive: true });
  await cp(path.join(repoRoot, "tests", "fixtures", "images"), path.join(content, "images"), { recursive: true });
  await cp(path.join(repoRoot, "content", "images", "tehran-council.svg"), path.join(content, "images", "tehran-council.svg"));
  const release = path.join(content, "releases", "1.md");
  await writeFile(release, "---\nid: 1\ntitle: خبر\ndate: 1403/02/23\nimage: /images/broken.png\nimage_alt: x\n---\n\nمتن\n\n![x](/images/evil.svg)\n");
  return { content, cache: path.join(root, "cache"), output: path.join(root, "site"), release };
}

function contentProblem(action: () => unknown): string {
  try {
    action();
  } catch (error) {
    assert.ok(error instanceof ContentError, `expected a ContentError, got ${String(error)}`);
    assert.equal(error.problems.length, 1);
    const [problem] = error.problems;
    return `${problem!.line} [${problem!.field}] ${problem!.message}`;
  }
  return assert.fail("expected a ContentError");
}

describe("ImagePipeline", () => {
  test("markup: alt text is escaped; sizes from the file; a site picture of another site is left alone", async () => {
    const { content, cache, release } = await setUp();
    const pipeline = new ImagePipeline(content, cache);
    const where = { file: release, field: "text", find: "" };
    const svg = pipeline.picture("/images/tehran-council.svg", { alt: `"><script>alert(1)</script>`, lead: false }, where)!;
    const $ = load(svg.value);
    assert.deepEqual({ ...$("img").attr() }, { src: "/images/tehran-council.svg", width: "640", height: "360", alt: `"><script>alert(1)</script>`, loading: "lazy", decoding: "async" });
    assert.equal($("script").length, 0);
    assert.equal(pipeline.picture("https://example.org/a.jpg", { alt: "x", lead: true }, where), undefined);
    assert.equal(pipeline.picture("//example.org/a.jpg", { alt: "x", lead: true }, where), undefined);
  });

  test("problems name the file, the line and the field", async () => {
    const { content, cache, release } = await setUp();
    await writeFile(path.join(content, "images", "notes.txt"), "not a picture");
    await writeFile(path.join(content, "images", "evil.svg"), '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10" onload="alert(1)"></svg>');
    const pipeline = new ImagePipeline(content, cache);
    const lead = { file: release, field: "image", find: "/images/missing.jpg" };
    assert.equal(
      contentProblem(() => pipeline.picture("/images/missing.jpg", { alt: "x", lead: true }, lead)),
      `5 [image] the picture /images/missing.jpg is missing: put it in ${path.join(content, "images")}/ or correct the name`,
    );
    assert.equal(
      contentProblem(() => pipeline.picture("/images/notes.txt", { alt: "x", lead: false }, { file: release, field: "text", find: "/images/notes.txt" })),
      "1 [text] /images/notes.txt is not a picture this site can show: use JPEG, PNG, WebP, AVIF, GIF or SVG",
    );
    assert.equal(
      contentProblem(() => pipeline.picture("/images/evil.svg", { alt: "x", lead: false }, { file: release, field: "text", find: "/images/evil.svg" })),
      "11 [text] /images/evil.svg contains a script: save the drawing again without scripts (or as PNG)",
    );
  });

  test("a picture that cannot be converted fails the build's last step, and leaves nothing in the cache", async () => {
    const { content, cache, output, release } = await setUp();
    // A PNG header that promises a 256 × 1 picture, then nothing readable.
    const header = Buffer.from("89504e470d0a1a0a0000000d494844520000010000000001080200000000", "hex");
    await writeFile(path.join(content, "images", "broken.png"), Buffer.concat([header, Buffer.from("garbage")]));
    const pipeline = new ImagePipeline(content, cache);
    const markup = pipeline.picture("/images/broken.png", { alt: "x", lead: true }, { file: release, field: "image", find: "/images/broken.png" });
    assert.equal(load(markup!.value)("picture source").length, 2, "the markup is written before the conversion");
    await assert.rejects(pipeline.finish(output), (error: unknown) => {
      assert.ok(error instanceof ContentError);
      assert.match(error.problems[0]!.message, /^\/images\/broken\.png could not be converted \(.+\): save it again as JPEG or PNG$/);
      assert.equal(error.problems[0]!.line, 5);
      return true;
    });
    assert.deepEqual(await readdir(cache).catch(() => []), []);
  });

  test("a picture used twice is converted once; the build's files are placed in its output", async () => {
    const { content, cache, output, release } = await setUp();
    const pipeline = new ImagePipeline(content, cache);
    const where = { file: release, field: "text", find: "" };
    const first = pipeline.picture("/images/turned.jpg", { alt: "a", lead: false }, where)!;
    const second = pipeline.picture("/images/turned.jpg", { alt: "b", lead: true }, where)!;
    assert.equal(load(first.value)("img").attr("src"), load(second.value)("img").attr("src"));
    assert.deepEqual(await pipeline.finish(output), { converted: 3, reused: 0 });
    assert.deepEqual((await readdir(path.join(output, "img"))).map((file) => file.replace(/^[\w-]+-/, "")).sort(), ["300.avif", "300.jpeg", "300.webp"]);
    const again = new ImagePipeline(content, cache);
    again.picture("/images/turned.jpg", { alt: "a", lead: false }, where);
    assert.deepEqual(await again.finish(path.join(output, "again")), { converted: 0, reused: 3 });
  });

  test("the cache folder: AKHBAR_IMAGE_CACHE, or .cache/akhbar-images", () => {
    assert.equal(imageCacheDir({ AKHBAR_IMAGE_CACHE: "/tmp/x" }), "/tmp/x");
    assert.equal(imageCacheDir({}), path.join(".cache", "akhbar-images"));
    assert.equal(imageCacheDir({ AKHBAR_IMAGE_CACHE: " " }), path.join(".cache", "akhbar-images"));
  });
});
