/**
 * Builds a small archive with a captioned picture, a six-picture photo report and attachments of
 * content/files/ (PDF, DOCX, ZIP) with the real build command, and checks the written site: the
 * figure and the gallery as src/render/figures.ts makes them (no picture in a <p>, lazy pictures
 * sized for the gallery's cells, each linked to its largest file), valid HTML; each attachment
 * link followed by its type and size in the page's language, published at its own address; a
 * changed attachment's new size on the next build (its page is never served from the cache), an
 * unchanged one not written again; and a missing attachment stopping the build, naming the file,
 * the line and the field.
 */
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { copyFile, mkdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { exists, loadPage } from "../support/html.js";
import { repoRoot, runBuild, temporaryDirectory } from "../support/run.js";
import { htmlValidator } from "../support/ship.js";
import { GALLERY_SIZES, IMAGE_SIZES } from "../../src/render/images.js";
import { cacheControlFor, REVALIDATE } from "../../src/build/host-headers.js";

const SITE_URL = "https://akhbar.test";
const MB = 1024 * 1024;
const PDF_BYTES = Math.round(2.3 * MB);

const GALLERY = Array.from({ length: 6 }, (_, index) => `![عکس ${index + 1} از بازدید](/images/report/${index + 1}.jpg "زیرنویس عکس ${index + 1}")`).join("\n");

const release = (id: number, body: string, extra = "") => `---\nid: ${id}\ntitle: "خبر ${id}"\ndate: 1403/08/2${id} 10:00\n${extra}---\n\n${body}\n`;

const FILES: Record<string, string> = {
  "releases/1403/1.md": release(
    1,
    [
      "متن نخست خبر.",
      "",
      '![استاندار در نشست](/images/photo.jpg "استاندار در نشست شورای اداری")',
      "",
      "عکسی در میان جمله ![نماد](/images/photo.jpg) که در بند می‌ماند.",
      "",
      "## گزارش تصویری",
      "",
      GALLERY,
      "",
      "[متن کامل بخشنامه](/files/1403/bakhshname.pdf) و [فرم درخواست](/files/form.docx) و [همهٔ عکس‌ها](/files/aks-ha.zip).",
    ].join("\n"),
  ),
  "releases/1403/2.md": release(2, "The [full circular](/files/1403/bakhshname.pdf) in English.", "lang: en\n"),
};

let work = "";
let content = "";
let site = "";

async function writeContent(dir: string, files: Record<string, string>): Promise<void> {
  for (const [name, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
    await writeFile(path.join(dir, name), text);
  }
  await mkdir(path.join(dir, "images", "report"), { recursive: true });
  await copyFile(path.join(repoRoot, "tests", "fixtures", "images", "photo.jpg"), path.join(dir, "images", "photo.jpg"));
  for (let index = 1; index <= 6; index++) await copyFile(path.join(repoRoot, "tests", "fixtures", "images", "photo.jpg"), path.join(dir, "images", "report", `${index}.jpg`));
  await mkdir(path.join(dir, "files", "1403"), { recursive: true });
  await writeFile(path.join(dir, "files", "1403", "bakhshname.pdf"), Buffer.concat([Buffer.from("%PDF-1.4\n"), Buffer.alloc(PDF_BYTES - 9, 0x20)]));
  await writeFile(path.join(dir, "files", "form.docx"), Buffer.concat([Buffer.from("PK\x03\x04", "latin1"), Buffer.alloc(1536 - 4, 1)]));
  await writeFile(path.join(dir, "files", "aks-ha.zip"), Buffer.concat([Buffer.from("PK\x03\x04", "latin1"), Buffer.alloc(900 - 4, 2)]));
}

before(async () => {
  work = await temporaryDirectory("akhbar-build-figures-");
  content = path.join(work, "content");
  site = path.join(work, "site");
  await writeContent(content, FILES);
  const run = await runBuild(content, site, { SITE_URL });
  assert.equal(run.code, 0, `the build failed:\n${run.log}`);
});

after(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

describe("a release with a captioned picture, a photo report and attachments", () => {
  test("a picture alone in its paragraph with a title is a figure with its caption, not in a paragraph; one in a sentence stays inline", async () => {
    const $ = await loadPage(site, "news/1/index.html");
    const figure = $(".release__body figure.figure, main figure.figure").first();
    assert.equal(figure.length, 1);
    assert.equal(figure.find("picture img").attr("alt"), "استاندار در نشست");
    assert.equal(figure.find("picture img").attr("sizes"), IMAGE_SIZES);
    assert.equal(figure.find("figcaption").text(), "استاندار در نشست شورای اداری");
    assert.equal(figure.parents("p").length, 0);
    assert.equal($("p picture").length, 1, "the picture in a sentence is in its paragraph");
  });

  test("six pictures on their own lines are one gallery: a named list of figures, lazy, sized for the cells, each linked to its largest file", async () => {
    const $ = await loadPage(site, "news/1/index.html");
    const gallery = $("figure.gallery");
    assert.equal(gallery.length, 1);
    assert.equal(gallery.attr("aria-label"), "گزارش تصویری (۶ عکس)");
    const items = gallery.find("ul.gallery__items > li.gallery__item");
    assert.equal(items.length, 6);
    items.each((index, item) => {
      const image = $(item).find("figure > a.gallery__open > picture > img");
      assert.equal(image.attr("alt"), `عکس ${index + 1} از بازدید`);
      assert.equal(image.attr("loading"), "lazy");
      assert.equal(image.attr("sizes"), GALLERY_SIZES);
      for (const source of $(item).find("source").toArray()) assert.equal($(source).attr("sizes"), GALLERY_SIZES);
      const link = $(item).find("a.gallery__open").attr("href")!;
      assert.match(link, /^\/img\/[^/]+-1344\.jpeg$/, "the largest file");
      assert.equal($(item).find("figcaption").text(), `زیرنویس عکس ${index + 1}`);
    });
    assert.equal(gallery.parents("p").length, 0);
  });

  test("the gallery's largest files are published, and the page is valid HTML", async () => {
    const $ = await loadPage(site, "news/1/index.html");
    for (const link of $("a.gallery__open").toArray()) assert.ok(await exists(path.join(site, ...$(link).attr("href")!.split("/"))), $(link).attr("href"));
    const validator = await htmlValidator();
    for (const page of ["news/1/index.html", "en/news/2/index.html"]) {
      const report = await validator.validateString(await readFile(path.join(site, page), "utf8"), page);
      assert.deepEqual(report.results.flatMap((result) => result.messages.map((message) => `${page}:${message.line} ${message.ruleId}: ${message.message}`)), []);
    }
  });

  test("each attachment link says its type and size in Persian, with its media type, and the file is published at its own address", async () => {
    const $ = await loadPage(site, "news/1/index.html");
    const rows: Array<[href: string, type: string, meta: string]> = [
      ["/files/1403/bakhshname.pdf", "application/pdf", "(PDF، ۲٫۳ مگابایت)"],
      ["/files/form.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "(DOCX، ۱٫۵ کیلوبایت)"],
      ["/files/aks-ha.zip", "application/zip", "(ZIP، ۹۰۰ بایت)"],
    ];
    for (const [href, type, meta] of rows) {
      const link = $(`a.attachment[href="${href}"]`);
      assert.equal(link.length, 1, href);
      assert.equal(link.attr("type"), type);
      assert.equal(link.next("span.attachment__meta").text(), meta);
      const published = path.join(site, ...href.split("/"));
      assert.deepEqual(await readFile(published), await readFile(path.join(content, ...href.split("/"))));
      // Not fingerprinted: revalidated, like the pictures' originals.
      assert.equal(cacheControlFor(href), REVALIDATE);
    }
    assert.equal($("a.attachment").first().text(), "متن کامل بخشنامه");
  });

  test("an English page says the type and size in English", async () => {
    const $ = await loadPage(site, "en/news/2/index.html");
    assert.equal($('a.attachment[href="/files/1403/bakhshname.pdf"]').next(".attachment__meta").text(), "(PDF, 2.3 MB)");
  });

  test("feeds carry the figure and the gallery as plain pictures with their captions", async () => {
    const feed = JSON.parse(await readFile(path.join(site, "feed.json"), "utf8")) as { items: Array<{ id: string; content_html: string }> };
    const body = feed.items.find((item) => item.id.endsWith("/news/1/"))!.content_html;
    assert.match(body, /<figure class="figure"><img src="https:\/\/akhbar\.test\/images\/photo\.jpg" alt="استاندار در نشست"[^>]*><figcaption>استاندار در نشست شورای اداری<\/figcaption><\/figure>/);
    assert.match(body, /<figure class="gallery" aria-label="گزارش تصویری \(۶ عکس\)"><ul class="gallery__items">/);
    assert.equal(body.match(/<li class="gallery__item"><figure><img /g)?.length, 6);
  });

  test("the next build shows a changed attachment's new size and does not write again the one that did not change", async () => {
    const docx = path.join(site, "files", "form.docx");
    const before = (await stat(docx)).mtimeMs;
    await writeFile(path.join(content, "files", "1403", "bakhshname.pdf"), Buffer.concat([Buffer.from("%PDF-1.4\n"), Buffer.alloc(5 * MB, 0x20)]));
    const run = await runBuild(content, site, { SITE_URL });
    assert.equal(run.code, 0, run.log);
    const $ = await loadPage(site, "news/1/index.html");
    assert.equal($('a.attachment[href="/files/1403/bakhshname.pdf"]').next(".attachment__meta").text(), "(PDF، ۵ مگابایت)");
    const english = await loadPage(site, "en/news/2/index.html");
    assert.equal(english('a.attachment[href="/files/1403/bakhshname.pdf"]').next(".attachment__meta").text(), "(PDF, 5 MB)");
    assert.equal((await stat(path.join(site, "files", "1403", "bakhshname.pdf"))).size, 5 * MB + 9);
    assert.equal((await stat(docx)).mtimeMs, before, "an unchanged attachment is not written again");
  });
});

describe("a missing attachment stops the build", () => {
  test("naming the release file, the line and the field, and nothing is published", async () => {
    const dir = await temporaryDirectory("akhbar-build-figures-bad-");
    try {
      const bad = path.join(dir, "content");
      await writeContent(bad, { "releases/1403/3.md": release(3, "متن.\n\n[پیوست گم‌شده](/files/1403/gom.pdf)") });
      const output = path.join(dir, "site");
      const run = await runBuild(bad, output, { SITE_URL, AKHBAR_LANG: "en" });
      assert.notEqual(run.code, 0, run.log);
      const folder = path.relative(repoRoot, bad).split(path.sep).join("/");
      assert.ok(run.log.includes(`  ${folder}/releases/1403/3.md:9  [text] the file /files/1403/gom.pdf is missing: put it in ${path.join(bad, "files")}/ or correct the name`), run.log);
      assert.equal(await exists(output), false, "a failed build published nothing");
      const persian = await runBuild(bad, output, { SITE_URL, AKHBAR_LANG: "" });
      assert.ok(persian.log.includes(`فایل /files/1403/gom.pdf پیدا نمی‌شود`), persian.log);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
