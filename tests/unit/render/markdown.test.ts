/** Unit tests for src/render/markdown.ts: the release-body renderer. */
import { test, describe } from "node:test";
import assert from "node:assert/strict";
import { createMarkdown } from "../../../src/render/markdown.js";

const markdown = createMarkdown();
const render = (source: string): string => markdown.render(source);

describe("raw HTML is escaped, not passed through", () => {
  const rows: Array<{ input: string; expected: string }> = [
    { input: "<script>alert(1)</script>", expected: "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>\n" },
    { input: "<img src=x onerror=alert(1)>", expected: "<p>&lt;img src=x onerror=alert(1)&gt;</p>\n" },
    { input: "<svg onload=alert(1)>", expected: "<p>&lt;svg onload=alert(1)&gt;</p>\n" },
    { input: "text <b>bold</b> **strong**", expected: "<p>text &lt;b&gt;bold&lt;/b&gt; <strong>strong</strong></p>\n" },
    { input: "<div>\n<iframe src=\"/embed\"></iframe>\n</div>", expected: "<p>&lt;div&gt;\n&lt;iframe src=&quot;/embed&quot;&gt;&lt;/iframe&gt;\n&lt;/div&gt;</p>\n" },
  ];
  for (const row of rows) {
    test(row.input, () => {
      const output = render(row.input);
      assert.equal(output, row.expected);
      assert.doesNotMatch(output, /<(script|img|svg|iframe|div|b)\b/);
    });
  }
});

describe("dangerous link schemes produce no link", () => {
  const rows = ["[x](javascript:alert(1))", "[x](JAVASCRIPT:alert(1))", "[x](vbscript:msgbox(1))", "[x](data:text/html;base64,PHNjcmlwdD4=)", "<javascript:alert(1)>", "![x](javascript:alert(1))"];
  for (const input of rows) {
    test(input, () => {
      const output = render(input);
      assert.doesNotMatch(output, /href=/);
      assert.doesNotMatch(output, /src=/);
      assert.doesNotMatch(output, /<a /);
    });
  }

  test("[x](javascript:alert(1)) is kept as visible text", () => {
    assert.equal(render("[x](javascript:alert(1))"), "<p>[x](javascript:alert(1))</p>\n");
  });
});

describe("images", () => {
  const rows: Array<{ input: string; expected: string }> = [
    { input: "![عکس نشست](/images/a.jpg)", expected: `<p><img src="/images/a.jpg" alt="عکس نشست" loading="lazy" decoding="async"></p>\n` },
    { input: `![a](https://example.com/a.png "عنوان")`, expected: `<p><img src="https://example.com/a.png" alt="a" title="عنوان" loading="lazy" decoding="async"></p>\n` },
  ];
  for (const row of rows) {
    test(row.input, () => {
      assert.equal(render(row.input), row.expected);
    });
  }

  test("every image of a body is lazy", () => {
    const output = render("![a](/a.jpg)\n\n![b](/b.jpg) ![c](/c.jpg)");
    assert.equal(output.match(/<img /g)?.length, 3);
    assert.equal(output.match(/loading="lazy"/g)?.length, 3);
  });
});

describe("links", () => {
  const rows: Array<{ name: string; input: string; expected: string }> = [
    { name: "external https link", input: "[site](https://example.com/a?b=1&c=2)", expected: `<p><a href="https://example.com/a?b=1&amp;c=2" rel="noopener noreferrer">site</a></p>\n` },
    { name: "external http link", input: "[x](http://example.com)", expected: `<p><a href="http://example.com" rel="noopener noreferrer">x</a></p>\n` },
    { name: "upper-case scheme", input: "[x](HTTPS://example.com/)", expected: `<p><a href="HTTPS://example.com/" rel="noopener noreferrer">x</a></p>\n` },
    { name: "autolink", input: "<https://example.com>", expected: `<p><a href="https://example.com" rel="noopener noreferrer">https://example.com</a></p>\n` },
    { name: "linkified bare URL", input: "see https://example.com/x now", expected: `<p>see <a href="https://example.com/x" rel="noopener noreferrer">https://example.com/x</a> now</p>\n` },
    { name: "internal link has no rel", input: "[خبر](/news/1/)", expected: `<p><a href="/news/1/">خبر</a></p>\n` },
    { name: "fragment link has no rel", input: "[بالا](#top)", expected: `<p><a href="#top">بالا</a></p>\n` },
  ];
  for (const row of rows) {
    test(row.name, () => {
      assert.equal(render(row.input), row.expected);
    });
  }
});

describe("Persian text", () => {
  test("ZWNJ (U+200C) survives unchanged", () => {
    const text = "روابط\u200Cعمومی استانداری تهران می\u200Cگوید";
    const output = render(text);
    assert.equal(output, `<p>${text}</p>\n`);
    assert.equal(output.split("\u200C").length - 1, 2);
  });

  test("Persian digits and punctuation are kept", () => {
    assert.equal(render("در تاریخ ۱۴۰۳/۰۲/۲۳، «خبر» منتشر شد؛ کد خبر: ۱۴۹۸۴۰؟"), "<p>در تاریخ ۱۴۰۳/۰۲/۲۳، «خبر» منتشر شد؛ کد خبر: ۱۴۹۸۴۰؟</p>\n");
  });

  test("typographer is off: quotes and dashes are not replaced", () => {
    assert.equal(render(`"a" -- b...`), "<p>&quot;a&quot; -- b...</p>\n");
  });

  test("single newlines are not turned into <br>", () => {
    assert.equal(render("خط یک\nخط دو"), "<p>خط یک\nخط دو</p>\n");
  });
});
