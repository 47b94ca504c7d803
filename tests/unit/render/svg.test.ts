/**
 * Unit tests for src/render/svg.ts: a drawing from the content folder is published without anything
 * that runs or loads from elsewhere, however it is written; a clean drawing is published byte for
 * byte. (tests/build/content-safety.test.ts opens the published drawings in Chromium.)
 */
import { test, describe } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { JSDOM } from "jsdom";
import { sanitizeSvg } from "../../../src/render/svg.js";
import { repoRoot } from "../../support/run.js";

const SVG = 'xmlns="http://www.w3.org/2000/svg" width="20" height="20"';

/** Everything in `svg` that could run or load: an empty list for a safe drawing. */
function activeParts(svg: string): string[] {
  const { window } = new JSDOM(svg, { contentType: "image/svg+xml" });
  const found: string[] = [];
  const all = [window.document.documentElement, ...window.document.documentElement.querySelectorAll("*")];
  for (const element of all) {
    const name = element.localName.toLowerCase();
    if (["script", "foreignobject", "iframe", "embed", "object", "handler", "listener", "set", "animate"].includes(name)) found.push(`<${element.nodeName}>`);
    if (element.namespaceURI !== "http://www.w3.org/2000/svg") found.push(`<${element.nodeName}> in ${element.namespaceURI}`);
    for (const attribute of element.attributes) {
      const value = attribute.value.trim();
      if (attribute.localName.toLowerCase().startsWith("on")) found.push(attribute.name);
      if (/javascript:|@import|image-set\(|\\/i.test(value)) found.push(`${attribute.name}=${value}`);
      for (const match of value.matchAll(/url\(\s*['"]?([^'")]*)/gi)) if (!match[1]!.startsWith("#")) found.push(`${attribute.name}=${value}`);
      if (attribute.localName === "href" && !value.startsWith("#")) {
        const link = name === "a" && /^https:\/\//.test(value);
        const embedded = name === "image" && /^data:image\/png;/.test(value);
        if (!link && !embedded) found.push(`${attribute.name}=${value}`);
      }
    }
    if (name === "style" && /@import|url\(\s*['"]?[^#'"]/i.test(element.textContent ?? "")) found.push(`<style>${element.textContent}`);
  }
  for (const node of window.document.childNodes) if (node !== window.document.documentElement) found.push(node.nodeName);
  return found;
}

const PAYLOADS: Array<[name: string, svg: string, removed: string[]]> = [
  ["<script>", `<svg ${SVG}><script>alert(1)</script><rect width="5" height="5"/></svg>`, ["<script>"]],
  ["a namespaced <s:script>", `<svg ${SVG} xmlns:s="http://www.w3.org/2000/svg"><s:script>alert(1)</s:script></svg>`, ["<s:script>"]],
  ["an XHTML script", `<svg ${SVG} xmlns:h="http://www.w3.org/1999/xhtml"><h:script>alert(1)</h:script></svg>`, ["<h:script>"]],
  ["a script in CDATA", `<svg ${SVG}><script><![CDATA[alert(1)]]></script></svg>`, ["<script>"]],
  ["onload", `<svg ${SVG} onload="alert(1)"><rect width="5" height="5" onclick="alert(2)"/></svg>`, ["onload", "onclick"]],
  ["a <foreignObject> with HTML", `<svg ${SVG}><foreignObject width="20" height="20"><body xmlns="http://www.w3.org/1999/xhtml"><img src="x" onerror="alert(1)"/></body></foreignObject></svg>`, ["<foreignObject>"]],
  ["javascript: links", `<svg ${SVG} xmlns:xlink="http://www.w3.org/1999/xlink"><a href="javascript:alert(1)"><text>a</text></a><a xlink:href="javascript:alert(2)"><text>b</text></a></svg>`, ["href", "xlink:href"]],
  ["an animated href", `<svg ${SVG}><a><animate attributeName="href" values="javascript:alert(1)"/><set attributeName="href" to="javascript:alert(2)"/><text>c</text></a></svg>`, ["<animate>", "<set>"]],
  ["external references", `<svg ${SVG} xmlns:xlink="http://www.w3.org/1999/xlink"><image href="https://evil.example/a.png" width="5" height="5"/><image xlink:href="//evil.example/b.png"/><use href="https://evil.example/c.svg#d"/><image href="data:image/svg+xml,&lt;svg/&gt;"/></svg>`, ["href", "xlink:href"]],
  ["CSS that loads from elsewhere", `<svg ${SVG}><style>@import url(https://evil.example/a.css);</style><rect width="5" height="5" style="fill: url('https://evil.example/b')"/><rect filter="url(https://evil.example/c.svg#f)"/></svg>`, ["<style>", "style", "filter"]],
  ["CSS that hides a load in an escape or an image-set", `<svg ${SVG}><rect width="5" height="5" style="fill: red; background: -webkit-image-set('https://evil.example/a.png' 1x)"/><rect width="5" height="5" fill="\\75 rl(https://evil.example/b)"/></svg>`, ["style", "fill"]],
  ["a DOCTYPE with an entity", `<!DOCTYPE svg [<!ENTITY x "&#60;script&#62;alert(1)&#60;/script&#62;">]><svg ${SVG}><text>&x;</text></svg>`, ["<!DOCTYPE>"]],
  ["an XSLT stylesheet", `<?xml-stylesheet type="text/xsl" href="evil.xsl"?><svg ${SVG}><rect width="5" height="5"/></svg>`, ["<?xml-stylesheet?>"]],
];

describe("sanitizeSvg: nothing that runs or loads survives", () => {
  for (const [name, svg, removed] of PAYLOADS) {
    test(name, () => {
      assert.notDeepEqual(activeParts(svg), [], "the payload is active before");
      const result = sanitizeSvg(Buffer.from(svg));
      assert.ok(result.ok, JSON.stringify(result));
      const published = result.bytes.toString("utf8");
      assert.deepEqual(activeParts(published), [], published);
      for (const part of removed) assert.ok(result.removed.includes(part), `${part} is named among ${JSON.stringify(result.removed)}`);
    });
  }

  test("what a drawing may keep stays: shapes, gradients, internal references, links, embedded pictures, titles", () => {
    const svg = `<svg ${SVG} viewBox="0 0 20 20" role="img" aria-labelledby="t"><title id="t">A</title><defs><linearGradient id="g"><stop offset="0" stop-color="#fff"/></linearGradient></defs><rect width="5" height="5" fill="url(#g)" style="stroke: #000"/><use href="#g"/><a href="https://example.org/"><text>link</text></a><image href="data:image/png;base64,iVBORw0KGgo=" width="1" height="1"/><style>.a { fill: red }</style></svg>`;
    const result = sanitizeSvg(Buffer.from(svg));
    assert.ok(result.ok);
    assert.deepEqual(result.removed, []);
    assert.equal(result.bytes.toString("utf8"), svg, "published byte for byte");
  });

  test("the sample drawing is published byte for byte", async () => {
    const sample = await readFile(path.join(repoRoot, "content", "images", "tehran-council.svg"));
    const result = sanitizeSvg(sample);
    assert.ok(result.ok);
    assert.deepEqual(result.removed, []);
    assert.ok(result.bytes.equals(sample));
  });

  test("a drawing that cannot be read as the browser reads it is refused", () => {
    const rows: Array<[string, Buffer, RegExp, RegExp]> = [
      ["not well-formed", Buffer.from(`<svg ${SVG}><rect></svg>`), /^is not a well-formed SVG drawing \(.+\): save it again/, /^SVG درستی نیست \(.+\): آن را دوباره از برنامهٔ طراحی ذخیره کنید/],
      ["HTML", Buffer.from("<html><body><script>alert(1)</script></body></html>"), /^is not an SVG drawing \(its first element is <html>\)/, /^SVG نیست \(نخستین عنصرش <html> است\)/],
      ["no SVG namespace", Buffer.from("<svg><script>alert(1)</script></svg>"), /^is not an SVG drawing \(its <svg> lacks xmlns=/, /^SVG نیست \(عنصر <svg> آن xmlns=/],
      ["UTF-16", Buffer.from(`\uFEFF<svg ${SVG}/>`, "utf16le"), /^is not saved as UTF-8 text/, /^به صورت متن UTF-8 ذخیره نشده است/],
    ];
    for (const [name, bytes, english, persian] of rows) {
      const result = sanitizeSvg(bytes);
      assert.ok(!result.ok, name);
      assert.match(result.message.en, english, name);
      assert.match(result.message.fa, persian, name);
    }
  });
});
