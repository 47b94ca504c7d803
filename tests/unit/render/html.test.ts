/** Unit tests for src/render/html.ts: the escaping template tag. */
import { test, describe } from "node:test";
import assert from "node:assert/strict";
import { SafeHtml, escapeHtml, html, trustedHtml, type Renderable } from "../../../src/render/html.js";

describe("escapeHtml", () => {
  const rows: Array<{ input: string; expected: string }> = [
    { input: "&", expected: "&amp;" },
    { input: "<", expected: "&lt;" },
    { input: ">", expected: "&gt;" },
    { input: '"', expected: "&quot;" },
    { input: "'", expected: "&#39;" },
    { input: `a & b < c > d " e ' f`, expected: "a &amp; b &lt; c &gt; d &quot; e &#39; f" },
    { input: "&amp;", expected: "&amp;amp;" },
    { input: "روابط‌عمومی", expected: "روابط‌عمومی" },
    { input: "", expected: "" },
  ];
  for (const row of rows) {
    test(`${JSON.stringify(row.input)} → ${JSON.stringify(row.expected)}`, () => {
      assert.equal(escapeHtml(row.input), row.expected);
    });
  }
});

describe("html`` interpolation", () => {
  const rows: Array<{ name: string; value: Renderable; expected: string }> = [
    { name: "text with every special character", value: `Tom & "Jerry" <b>'s</b>`, expected: "Tom &amp; &quot;Jerry&quot; &lt;b&gt;&#39;s&lt;/b&gt;" },
    { name: "a script string is escaped", value: "<script>alert(1)</script>", expected: "&lt;script&gt;alert(1)&lt;/script&gt;" },
    { name: "null renders as nothing", value: null, expected: "" },
    { name: "undefined renders as nothing", value: undefined, expected: "" },
    { name: "false renders as nothing", value: false, expected: "" },
    { name: "true renders as nothing", value: true, expected: "" },
    { name: "zero renders as 0", value: 0, expected: "0" },
    { name: "a negative decimal", value: -1.5, expected: "-1.5" },
    { name: "a large number", value: 149840, expected: "149840" },
    { name: "empty string", value: "", expected: "" },
    { name: "an array is joined without separators", value: ["a", 1, "<"], expected: "a1&lt;" },
    { name: "an array skips null, undefined and booleans", value: ["a", null, undefined, false, true, "b"], expected: "ab" },
    { name: "nested arrays", value: ["<", ["&", [">"]]], expected: "&lt;&amp;&gt;" },
    { name: "an empty array", value: [], expected: "" },
    { name: "nested html is not escaped twice", value: html`<b>${"&"}</b>`, expected: "<b>&amp;</b>" },
    { name: "an array of nested html", value: [html`<li>${"<1>"}</li>`, html`<li>${"2"}</li>`], expected: "<li>&lt;1&gt;</li><li>2</li>" },
    { name: "trustedHtml passes through", value: trustedHtml("<p onclick=\"x\">a & b</p>"), expected: "<p onclick=\"x\">a & b</p>" },
  ];
  for (const row of rows) {
    test(row.name, () => {
      assert.equal(html`[${row.value}]`.value, `[${row.expected}]`);
    });
  }

  test("attribute position: quotes cannot break out of the attribute", () => {
    const evil = `x" onmouseover="alert(1)`;
    assert.equal(html`<a title="${evil}">t</a>`.value, `<a title="x&quot; onmouseover=&quot;alert(1)">t</a>`);
    const single = `x' onmouseover='alert(1)`;
    assert.equal(html`<a title='${single}'>t</a>`.value, `<a title='x&#39; onmouseover=&#39;alert(1)'>t</a>`);
  });

  test("several values keep the static parts between them in order", () => {
    assert.equal(html`<p class="${"a&b"}">${"<i>"} and ${2}</p>`.value, `<p class="a&amp;b">&lt;i&gt; and 2</p>`);
  });

  test("no values: the template is returned as written, unescaped", () => {
    assert.equal(html`<br> & <hr>`.value, "<br> & <hr>");
  });

  test("html returns SafeHtml whose toString is its markup", () => {
    const markup = html`<em>${"<"}</em>`;
    assert.ok(markup instanceof SafeHtml);
    assert.equal(String(markup), "<em>&lt;</em>");
  });

  test("deeply nested html escapes each value exactly once", () => {
    const inner = html`<i>${"a<b"}</i>`;
    const middle = html`<b>${inner}${"&"}</b>`;
    const outer = html`<p>${middle}${[inner, "'"]}</p>`;
    assert.equal(outer.value, "<p><b><i>a&lt;b</i>&amp;</b><i>a&lt;b</i>&#39;</p>");
  });
});
