/** Unit tests for src/render/xml.ts: values are escaped, characters XML cannot carry are dropped. */
import { test } from "node:test";
import assert from "node:assert/strict";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { escapeXml, xml, xmlDocument } from "../../../src/render/xml.js";

test("escapeXml", () => {
  const cases: Array<[string, string]> = [
    ["plain متن", "plain متن"],
    [`<a href="x">'&'</a>`, "&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;"],
    ["&amp;", "&amp;amp;"],
    ["tab\tnewline\ncr\r", "tab\tnewline\ncr\r"],
    ["nul\u0000 vt\u000B ff\u000C esc\u001B", "nul vt ff esc"],
    ["\uFFFE\uFFFF", ""],
    ["lone \uD800 high, lone \uDC00 low", "lone  high, lone  low"],
    ["emoji 😀 kept", "emoji 😀 kept"],
    ["zwnj\u200Cکه", "zwnj\u200Cکه"],
  ];
  for (const [input, expected] of cases) assert.equal(escapeXml(input), expected, JSON.stringify(input));
});

test("xml escapes values, keeps nested xml, joins arrays and drops empty values", () => {
  const title = `</title><evil attr="1">&`;
  const doc = xml`<feed a="${`"q"`}"><title>${title}</title>${["x", "<y>"].map((item) => xml`<i>${item}</i>`)}${undefined}${null}${false}${3}</feed>`;
  assert.equal(doc.value, `<feed a="&quot;q&quot;"><title>&lt;/title&gt;&lt;evil attr=&quot;1&quot;&gt;&amp;</title><i>x</i><i>&lt;y&gt;</i>3</feed>`);
});

test("a document with hostile values is well-formed and reads back as written", () => {
  const hostile = `<script>alert("x")</script> & ' \u0007 ]]> --> <!--`;
  const text = xmlDocument(xml`<root lang="${hostile}"><v>${hostile}</v></root>`);
  assert.equal(text.startsWith(`<?xml version="1.0" encoding="utf-8"?>\n`), true);
  assert.equal(XMLValidator.validate(text), true);
  const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@_", parseTagValue: false, trimValues: false }).parse(text);
  const expected = hostile.replace("\u0007", "");
  assert.equal(parsed.root.v, expected);
  assert.equal(parsed.root["@_lang"], expected);
});
