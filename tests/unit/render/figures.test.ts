/** Unit tests for src/render/figures.ts: which paragraphs become figures and galleries, and their markup (plain pictures, as in feeds). */
import { test, describe } from "node:test";
import assert from "node:assert/strict";
import { load } from "cheerio";
import { createMarkdown } from "../../../src/render/markdown.js";
import { galleryLabel, pictureRun, useFigures } from "../../../src/render/figures.js";

function render(markdown: string, lang: "fa" | "en" = "fa"): string {
  const renderer = createMarkdown();
  useFigures(renderer);
  return renderer.render(markdown, { lang });
}

/** The structure of the body: each element's tag and class, children nested, text left out. */
function shape(body: string): string {
  const $ = load(body, null, false);
  const walk = (nodes: ReturnType<typeof $>): string =>
    nodes
      .toArray()
      .filter((node) => node.type === "tag")
      .map((node) => {
        const element = $(node);
        const className = element.attr("class");
        const inner = walk(element.children());
        return `${"tagName" in node ? node.tagName : "?"}${className ? `.${className}` : ""}${inner ? `(${inner})` : ""}`;
      })
      .join(" ");
  return walk($.root().children());
}

describe("figures and galleries: what each paragraph becomes", () => {
  const rows: Array<[name: string, markdown: string, expected: string]> = [
    ["a picture with a title: a figure with its caption", '![عکس](/images/a.jpg "زیرنویس")', "figure.figure(img figcaption)"],
    ["a picture alone without a title: a figure, no caption", "![عکس](/images/a.jpg)", "figure.figure(img)"],
    ["a picture inside a sentence stays inline in its paragraph", '![عکس](/images/a.jpg "زیرنویس") در نشست', "p(img)"],
    ["text after a picture on the next line: a paragraph", "![عکس](/images/a.jpg)\nمتن", "p(img)"],
    ["two pictures on one line: a paragraph, not a gallery", "![الف](/images/a.jpg) ![ب](/images/b.jpg)", "p(img img)"],
    [
      "two pictures, each on its line: a gallery of two",
      '![الف](/images/a.jpg "یک")\n![ب](/images/b.jpg)',
      "figure.gallery(ul.gallery__items(li.gallery__item(figure(img figcaption)) li.gallery__item(figure(img))))",
    ],
    ["a linked picture is a link, not a figure", "[![عکس](/images/a.jpg)](/news/1/)", "p(a(img))"],
    ["a picture in a tight list item stays as it is", "- ![عکس](/images/a.jpg)\n- متن", "ul(li(img) li)"],
    ["a picture in a quotation is a figure in it", "> ![عکس](/images/a.jpg \"زیرنویس\")", "blockquote(figure.figure(img figcaption))"],
    ["a paragraph without pictures is untouched", "متن خبر", "p"],
  ];
  for (const [name, markdown, expected] of rows) {
    test(name, () => assert.equal(shape(render(markdown)), expected));
  }
});

describe("figures and galleries: markup", () => {
  test("the caption is the title, as escaped text; the picture keeps its alt and loses its title", () => {
    const $ = load(render('![عکس <b>"نشست"</b>](/images/a.jpg "زیرنویس <script>alert(1)</script> & \\"نقل\\"")'), null, false);
    assert.equal($("figure figcaption").text(), 'زیرنویس <script>alert(1)</script> & "نقل"');
    assert.equal($("script").length, 0);
    assert.equal($("img").attr("alt"), 'عکس <b>"نشست"</b>');
    assert.equal($("b").length, 0);
    assert.equal($("img").attr("title"), undefined);
    assert.equal($("img").attr("loading"), "lazy");
  });

  test("a gallery of six: six items in order, each caption under its picture, named in the page's language", () => {
    const lines = Array.from({ length: 6 }, (_, index) => `![عکس ${index + 1}](/images/${index + 1}.jpg "زیرنویس ${index + 1}")`);
    const fa = load(render(lines.join("\n")), null, false);
    assert.equal(fa("figure.gallery").attr("aria-label"), "گزارش تصویری (۶ عکس)");
    assert.deepEqual(fa(".gallery__item img").toArray().map((image) => fa(image).attr("src")), ["1", "2", "3", "4", "5", "6"].map((n) => `/images/${n}.jpg`));
    assert.deepEqual(fa(".gallery__item figcaption").toArray().map((caption) => fa(caption).text()), ["1", "2", "3", "4", "5", "6"].map((n) => `زیرنویس ${n}`));
    const en = load(render(lines.join("\n"), "en"), null, false);
    assert.equal(en("figure.gallery").attr("aria-label"), "Photo report (6 pictures)");
  });

  test("pictures separated by a blank line are figures of their own, not a gallery", () => {
    assert.equal(shape(render("![الف](/images/a.jpg)\n\n![ب](/images/b.jpg)")), "figure.figure(img) figure.figure(img)");
  });

  test("registering twice adds the rule once", () => {
    const renderer = createMarkdown();
    useFigures(renderer);
    useFigures(renderer);
    assert.equal(shape(renderer.render('![عکس](/images/a.jpg "زیرنویس")', {})), "figure.figure(img figcaption)");
  });

  test("galleryLabel: Persian digits in Persian", () => {
    assert.equal(galleryLabel(12, "fa"), "گزارش تصویری (۱۲ عکس)");
    assert.equal(galleryLabel(2, "en"), "Photo report (2 pictures)");
  });

  test("pictureRun: only pictures, each on its own line", () => {
    const parse = (markdown: string) => createMarkdown().parse(markdown, {})[1]!.children ?? [];
    const rows: Array<[markdown: string, pictures: number | undefined]> = [
      ["![a](/a.jpg)", 1],
      ["![a](/a.jpg)\n![b](/b.jpg)\n![c](/c.jpg)", 3],
      ["![a](/a.jpg)  \n![b](/b.jpg)", 2], // trailing spaces (a hard break) end a line too
      ["![a](/a.jpg)![b](/b.jpg)", undefined],
      ["متن ![a](/a.jpg)", undefined],
      ["متن", undefined],
    ];
    for (const [markdown, pictures] of rows) assert.equal(pictureRun(parse(markdown))?.length, pictures, markdown);
  });
});
