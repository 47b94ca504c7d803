/**
 * Unit tests for src/search/document.ts: a release's text block by block, and the document
 * Pagefind indexes for it (normalized text, display metadata hidden from search, filters
 * with slugs, the date sort key), read with an HTML parser.
 */
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { load } from "cheerio";
import { DateTime } from "luxon";
import { findCounty } from "../../../src/content/counties.js";
import { releaseUrl, type Release } from "../../../src/content/release.js";
import { createMarkdown } from "../../../src/render/markdown.js";
import { dateSortKey, markdownBlocks, releaseTexts, searchDocument, searchFilterValues } from "../../../src/search/document.js";
import { CompoundLexicon } from "../../../src/persian/lexicon.js";
import { IndexTextEncoder } from "../../../src/search/text.js";

function release(extra: Partial<Release> = {}): Release {
  return {
    id: 149840,
    title: "نشست روابط عمومي بخشداری‌ها",
    date: DateTime.fromISO("2023-12-10T11:00:00+03:30", { setZone: true }),
    lead: "مسئول روابط‌عمومی: تجربه‌نگاری پیگیری می شود",
    county: findCounty("ری"),
    organization: "استانداري تهران",
    tags: ["روابط‌عمومی", "روابط عمومي", "نشست"],
    draft: false,
    type: "news",
    lang: "fa",
    inputPath: "content/releases/1402/149840.md",
    fileHash: "0".repeat(40),
    hasPictures: false,
    url: releaseUrl(149840),
    ...extra,
  };
}

describe("markdownBlocks", () => {
  const parser = createMarkdown();
  const rows: Array<{ name: string; markdown: string; blocks: Array<{ tag: string; text: string }> }> = [
    {
      name: "paragraphs, a heading, emphasis and a link",
      markdown: "بند **اول** با [پیوند](/news/1/).\n\n## سرتیتر\n\nبند دوم\nدر دو سطر.",
      blocks: [
        { tag: "p", text: "بند اول با پیوند." },
        { tag: "h2", text: "سرتیتر" },
        { tag: "p", text: "بند دوم در دو سطر." },
      ],
    },
    { name: "a first-level heading ranks below the title", markdown: "# عنوان درون متن", blocks: [{ tag: "h2", text: "عنوان درون متن" }] },
    { name: "list items and quotes are paragraphs", markdown: "- یک\n- دو\n\n> نقل", blocks: [{ tag: "p", text: "یک" }, { tag: "p", text: "دو" }, { tag: "p", text: "نقل" }] },
    { name: "an image's description is text", markdown: "![نمای ساختمان](/images/a.jpg)", blocks: [{ tag: "p", text: "نمای ساختمان" }] },
    { name: "raw HTML is text, as on the page", markdown: "<b>پررنگ</b>", blocks: [{ tag: "p", text: "<b>پررنگ</b>" }] },
    { name: "code", markdown: "```\nکد ۱۲\n```", blocks: [{ tag: "p", text: "کد ۱۲\n" }] },
    { name: "nothing", markdown: "", blocks: [] },
  ];
  for (const row of rows) test(row.name, () => assert.deepEqual(markdownBlocks(row.markdown, parser), row.blocks));
});

describe("searchDocument", () => {
  const blocks = markdownBlocks("متن خبر درباره روابط‌عمومی.\n\n## بخش دوم\n\nبند <دوم> & پایانی.", createMarkdown());
  const lexicon = new CompoundLexicon();
  for (const text of releaseTexts(release(), blocks)) lexicon.learn(text);
  const encoder = new IndexTextEncoder(lexicon);
  const $ = load(searchDocument(release(), blocks, encoder));
  const meta = (key: string) => $(`meta[data-pagefind-meta="${key}[content]"]`).attr("content");
  const filters = (key: string) => $(`meta[data-pagefind-filter="${key}[content]"]`).map((_, element) => $(element).attr("content")).get();

  test("is one Persian document, whatever the release's language", () => {
    assert.equal($("html").attr("lang"), "fa");
    assert.equal(load(searchDocument(release({ lang: "en" }), blocks, encoder))("html").attr("lang"), "fa");
  });

  test("holds the normalized title, lead and body", () => {
    assert.equal($("h1").text(), "نشست روابط~عمومی بخشداری‌ها");
    assert.equal($("body > p").first().text(), "~مسول مسئول روابط~عمومی: تجربه~نگاری پیگیری می‌شود");
    assert.deepEqual($("body > *").map((_, element) => element.tagName).get(), ["h1", "p", "p", "h2", "p"]);
    assert.equal($("body > p").last().text(), "بند <دوم> & پایانی.");
  });

  test("metadata: the title as indexed, date and county hidden from search", () => {
    assert.equal(meta("title"), "نشست روابط~عمومی بخشداری‌ها");
    assert.equal(meta("date"), "ـ۱۹ ـآذر ـ۱۴۰۲، ـساعت ـ۱۱:۰۰");
    // A release dated without a time: the day alone.
    assert.equal(load(searchDocument(release({ dateOnly: true }), blocks, encoder))(`meta[data-pagefind-meta="date[content]"]`).attr("content"), "ـ۱۹ ـآذر ـ۱۴۰۲");
    assert.equal(meta("county"), "ـری");
    assert.equal(meta("lang"), undefined);
    assert.equal(load(searchDocument(release({ lang: "en", county: undefined }), blocks, encoder))(`meta[data-pagefind-meta="lang[content]"]`).attr("content"), "ـen");
  });

  test("filters are slugs: every spelling of a tag is one value", () => {
    assert.deepEqual(filters("county"), ["ری"]);
    assert.deepEqual(filters("organization"), ["استانداری-تهران"]);
    assert.deepEqual(filters("tag"), ["روابط-عمومی", "نشست"]);
    assert.deepEqual(filters("year"), ["1402"]);
    assert.deepEqual(filters("type"), ["news"]);
    assert.deepEqual(searchFilterValues(release({ county: undefined, organization: undefined, tags: [] })), { county: undefined, organization: undefined, tags: [], type: "news", year: "1402" });
    assert.deepEqual(searchFilterValues(release({ type: "photo-report" })).type, "photo-report");
  });

  test("text and metadata from content stay text", () => {
    const hostile = release({ title: `<script>alert("title")</script> "quotes" & more`, lead: "<img src=x onerror=alert(1)>" });
    const parsed = load(searchDocument(hostile, markdownBlocks("<b onclick=x>bold</b>", createMarkdown()), encoder));
    assert.equal(parsed("script, img, b").length, 0);
    assert.equal(parsed("h1").text(), `<script>alert("title")</script> "quotes" & more`);
    assert.equal(parsed(`meta[data-pagefind-meta="title[content]"]`).attr("content"), parsed("h1").text());
    assert.equal(parsed("body > p").first().text(), "<img src=x onerror=alert(1)>");
  });

  test("the date sort key orders by instant, then news code", () => {
    assert.equal($(`meta[data-pagefind-sort="date[content]"]`).attr("content"), dateSortKey(release()));
    const keys = [
      release({ id: 5, date: DateTime.fromISO("2023-12-10T11:00:00+03:30") }),
      release({ id: 40, date: DateTime.fromISO("2023-12-10T11:00:00+03:30") }),
      release({ id: 7, date: DateTime.fromISO("2024-01-01T00:00:00+03:30") }),
      release({ id: 900, date: DateTime.fromISO("2011-03-21T08:00:00+03:30") }),
    ].map(dateSortKey);
    assert.deepEqual([...keys].sort().map((key) => keys.indexOf(key)), [3, 0, 1, 2]);
  });
});
