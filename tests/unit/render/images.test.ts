/** Unit tests for src/render/images.ts: the picture markup and the problems an editor can cause. */
import { test, describe, after } from "node:test";
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { load } from "cheerio";
import { ContentError } from "../../../src/content/release.js";
import { attachmentMeta, ImagePipeline, imageCacheDir, useConvertedPictures } from "../../../src/render/images.js";
import { createMarkdown } from "../../../src/render/markdown.js";
import { OutputLedger } from "../../../src/output/publish.js";
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

/** The one problem `action` throws, as `line [field] message`, in English (`en`) or Persian. */
function contentProblem(action: () => unknown, language: "fa" | "en" = "en"): string {
  try {
    action();
  } catch (error) {
    assert.ok(error instanceof ContentError, `expected a ContentError, got ${String(error)}`);
    assert.equal(error.problems.length, 1);
    const [problem] = error.problems;
    return `${problem!.line} [${problem!.field}] ${problem!.message[language]}`;
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
    // Not well-formed: a drawing the browser and the sanitizer might read apart is refused (one with scripts is cleaned: below).
    await writeFile(path.join(content, "images", "evil.svg"), '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10" onload="alert(1)"><rect></svg>');
    const pipeline = new ImagePipeline(content, cache);
    const lead = { file: release, field: "image", find: "/images/missing.jpg" };
    assert.equal(
      contentProblem(() => pipeline.picture("/images/missing.jpg", { alt: "x", lead: true }, lead)),
      `5 [image] the picture /images/missing.jpg is missing: put it in ${path.join(content, "images")}/ or correct the name`,
    );
    assert.equal(
      contentProblem(() => pipeline.picture("/images/missing.jpg", { alt: "x", lead: true }, lead), "fa"),
      `5 [image] تصویر /images/missing.jpg پیدا نمی‌شود: آن را در ${path.join(content, "images")}/ بگذارید یا نامش را درست کنید.`,
    );
    assert.equal(
      contentProblem(() => pipeline.picture("/images/notes.txt", { alt: "x", lead: false }, { file: release, field: "text", find: "/images/notes.txt" })),
      "1 [text] /images/notes.txt is not a picture this site can show: use JPEG, PNG, WebP, AVIF, GIF or SVG",
    );
    assert.equal(
      contentProblem(() => pipeline.picture("/images/notes.txt", { alt: "x", lead: false }, { file: release, field: "text", find: "/images/notes.txt" }), "fa"),
      "1 [text] /images/notes.txt تصویری نیست که این سایت بتواند نشان دهد: JPEG، PNG، WebP، AVIF، GIF یا SVG به کار ببرید.",
    );
    assert.match(
      contentProblem(() => pipeline.picture("/images/evil.svg", { alt: "x", lead: false }, { file: release, field: "text", find: "/images/evil.svg" })),
      /^11 \[text\] \/images\/evil\.svg is not a well-formed SVG drawing \(.+\): save it again from a drawing program, or as PNG$/,
    );
    assert.match(
      contentProblem(() => pipeline.picture("/images/evil.svg", { alt: "x", lead: false }, { file: release, field: "text", find: "/images/evil.svg" }), "fa"),
      /^11 \[text\] طرح \/images\/evil\.svg: SVG درستی نیست \(.+\): آن را دوباره از برنامهٔ طراحی ذخیره کنید، یا با قالب PNG\.$/,
    );
    // Paths are read by src/content/content-files.ts: nothing outside content/images/ is published.
    assert.equal(
      contentProblem(() => pipeline.picture("/images/../../node_modules/x.png", { alt: "x", lead: true }, lead)),
      `5 [image] the picture /images/../../node_modules/x.png must name a file inside ${path.join(content, "images")}/ (no "..", "." or hidden names in its path): write it from /images/, such as /images/photo.jpg`,
    );
    assert.equal(
      contentProblem(() => pipeline.linkedFile("/images/notes.txt", { file: release, field: "text", find: "/images/notes.txt" })),
      "1 [text] the file /images/notes.txt cannot be published: link to pictures (jpg, jpeg, png, webp, avif, gif, svg) or attachments (pdf, docx, xlsx) only",
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
      assert.match(error.problems[0]!.message.en, /^\/images\/broken\.png could not be converted \(.+\): save it again as JPEG or PNG$/);
      assert.match(error.problems[0]!.message.fa, /^\/images\/broken\.png تبدیل نشد \(.+\): آن را دوباره با قالب JPEG یا PNG ذخیره کنید\.$/);
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

  test("only the files the pages use are published, at their own address: drawings cleaned, attachments checked, recorded in the ledger", async () => {
    const { content, cache, output, release } = await setUp();
    const drawing = '<svg xmlns="http://www.w3.org/2000/svg" xmlns:s="http://www.w3.org/2000/svg" width="10" height="10" onload="alert(1)"><s:script>alert(2)</s:script><rect width="5" height="5"/></svg>';
    await writeFile(path.join(content, "images", "evil.svg"), drawing);
    await writeFile(path.join(content, "images", "statement.pdf"), "%PDF-1.7\n");
    await writeFile(path.join(content, "images", "fake.pdf"), "<html><script>alert(1)</script></html>");
    await writeFile(path.join(content, "images", "unused.png"), "never read");
    const pipeline = new ImagePipeline(content, cache);
    const where = { file: release, field: "text", find: "" };
    pipeline.picture("/images/tehran-council.svg", { alt: "a", lead: true }, where);
    pipeline.picture("/images/evil.svg", { alt: "b", lead: false }, where);
    pipeline.linkedFile("/images/statement.pdf?download#page=2", where);
    pipeline.picture("/images/photo.jpg", { alt: "c", lead: false }, where);
    assert.equal(
      contentProblem(() => pipeline.linkedFile("/images/fake.pdf", { file: release, field: "text", find: "/images/fake.pdf" })),
      "1 [text] the file /images/fake.pdf is not a .pdf file inside: save it again as PDF",
    );
    const ledger = new OutputLedger();
    await pipeline.finish(output, ledger);
    assert.deepEqual((await readdir(path.join(output, "images"))).sort(), ["evil.svg", "photo.jpg", "statement.pdf", "tehran-council.svg"]);
    // A drawing with nothing to take out is published byte for byte; the others without their scripts.
    assert.deepEqual(await readFile(path.join(output, "images", "tehran-council.svg")), await readFile(path.join(repoRoot, "content", "images", "tehran-council.svg")));
    const cleaned = await readFile(path.join(output, "images", "evil.svg"), "utf8");
    assert.equal(cleaned, '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="5" height="5"/></svg>\n');
    assert.deepEqual([...ledger.entries.keys()].filter((file) => file.startsWith("/images/")).sort(), ["/images/evil.svg", "/images/photo.jpg", "/images/statement.pdf", "/images/tehran-council.svg"]);
    // A later build over a site that has them writes none of them again.
    const next = new ImagePipeline(content, cache);
    next.picture("/images/evil.svg", { alt: "b", lead: false }, where);
    const again = path.join(output, "..", "again");
    await next.finish(again, new OutputLedger(ledger.entries));
    assert.equal(existsSync(path.join(again, "images", "evil.svg")), false);
  });

  test("an attachment of content/files/ is measured once a build, its link says its type and size in the page's language, and it is published at /files/", async () => {
    const { content, cache, output, release } = await setUp();
    await mkdir(path.join(content, "files"), { recursive: true });
    await writeFile(path.join(content, "files", "report.pdf"), Buffer.concat([Buffer.from("%PDF-1.7\n"), Buffer.alloc(2048 - 9)]));
    const pipeline = new ImagePipeline(content, cache);
    const where = { file: release, field: "text", find: "" };
    assert.deepEqual(pipeline.linkedFile("/files/report.pdf", where), { kind: "attachment", extension: "pdf", mediaType: "application/pdf", bytes: 2048 });
    // Read once: the second page that links to it asks the file system nothing (the file is gone, and still known).
    await rm(path.join(content, "files", "report.pdf"));
    assert.equal(pipeline.linkedFile("/files/report.pdf#page=2", where).kind, "attachment");
    await writeFile(path.join(content, "files", "report.pdf"), Buffer.concat([Buffer.from("%PDF-1.7\n"), Buffer.alloc(2048 - 9)]));
    const markdown = createMarkdown();
    useConvertedPictures(markdown, pipeline);
    const fa = load(markdown.render("[گزارش](/files/report.pdf) و [بیرونی](https://example.org/a.pdf)", { page: { inputPath: release }, lang: "fa" }));
    assert.equal(fa("a.attachment").attr("type"), "application/pdf");
    assert.equal(fa("a.attachment").length, 1);
    assert.equal(fa("a.attachment + .attachment__meta").text(), "(PDF، ۲ کیلوبایت)");
    const en = load(markdown.render("[report](/files/report.pdf)", { page: { inputPath: release }, lang: "en" }));
    assert.equal(en(".attachment__meta").text(), "(PDF, 2 KB)");
    assert.equal(
      contentProblem(() => pipeline.linkedFile("/files/missing.zip", { file: release, field: "text", find: "/files/missing.zip" })),
      `1 [text] the file /files/missing.zip is missing: put it in ${path.join(content, "files")}/ or correct the name`,
    );
    await pipeline.finish(output, new OutputLedger());
    assert.deepEqual(await readdir(path.join(output, "files")), ["report.pdf"]);
  });

  test("attachmentMeta: the type and the size, in Persian or English", () => {
    assert.equal(attachmentMeta("pdf", Math.round(2.3 * 1024 * 1024), "fa"), "(PDF، ۲٫۳ مگابایت)");
    assert.equal(attachmentMeta("docx", 1536, "en"), "(DOCX, 1.5 KB)");
  });

  test("the cache folder: AKHBAR_IMAGE_CACHE, or .cache/akhbar-images", () => {
    assert.equal(imageCacheDir({ AKHBAR_IMAGE_CACHE: "/tmp/x" }), "/tmp/x");
    assert.equal(imageCacheDir({}), path.join(".cache", "akhbar-images"));
    assert.equal(imageCacheDir({ AKHBAR_IMAGE_CACHE: " " }), path.join(".cache", "akhbar-images"));
  });
});
