/**
 * `npm run import` (src/editors/importer.ts) on pages printed or copied differently from the two
 * seeds (issue 23): the page address in its other forms and at a page break, pages without blank
 * lines, « | » before the speaker, a byte-order mark with Arabic letters and digits and the footer
 * above the title. Every variant fixture (tests/fixtures/import/) is made from a seed, so the
 * hand-made sample releases content/releases/1402/149840.md and 149841.md are the expected result.
 */
import { describe, test, after } from "node:test";
import assert from "node:assert/strict";
import { cp, mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { load } from "cheerio";
import { DateTime } from "luxon";
import { parseFrontMatter } from "../../../src/content/front-matter.js";
import { importFiles, joinParagraphs, parseOldPage, releaseBody, textLayout, type Layout, type OldPage } from "../../../src/editors/importer.js";
import { lintArchive } from "../../../src/editors/lint.js";
import type { Message } from "../../../src/messages/messages.js";
import { createMarkdown } from "../../../src/render/markdown.js";
import { textFingerprint } from "../../../src/persian/typography.js";
import { toPersianDigits } from "../../../src/persian/letters.js";
import { pageWithSampleHalfSpaces } from "../../support/sample-compounds.js";
import { repoRoot } from "../../support/run.js";

const FIXTURES = path.join(repoRoot, "tests", "fixtures", "import");
const NOW = DateTime.fromISO("2024-06-01T12:00:00+03:30", { setZone: true });
const fixture = (name: string) => readFile(path.join(FIXTURES, name), "utf8");

const created: string[] = [];
after(async () => {
  await Promise.all(created.map((dir) => rm(dir, { recursive: true, force: true })));
});
async function temporary(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), "akhbar-unit-import-variants-"));
  created.push(dir);
  return dir;
}

interface Release {
  title: string;
  lead: string | undefined;
  source: string | undefined;
  body: string;
}

async function handMade(id: number): Promise<Release> {
  const parsed = parseFrontMatter(await readFile(path.join(repoRoot, "content", "releases", "1402", `${id}.md`), "utf8"));
  return { title: parsed.data.title as string, lead: parsed.data.lead as string, source: parsed.data.source as string | undefined, body: parsed.body.trim() };
}

/** The sample archive without its two imported releases: what the import of their pages reads the compounds from. */
async function sampleArchiveWithoutImports(): Promise<string> {
  const content = await temporary();
  await cp(path.join(repoRoot, "content"), content, { recursive: true, filter: (source) => !/1498(40|41)\.md$/.test(source) });
  return content;
}

const imported = (page: OldPage): Release => ({ title: page.title, lead: page.lead, source: page.source, body: releaseBody(page) });

/**
 * The words of `input` once the importer has taken out exactly `removed` (furniture, as the
 * fixture spells it) and the first `separator` between title and quote: computed from the input
 * alone, not from what the importer kept.
 */
function expectedWords(input: string, removed: readonly string[], separator: "/" | "|"): string {
  let kept = input;
  // Longest first: an address without its query is the start of the one with it.
  for (const piece of [...removed].sort((a, b) => b.length - a.length)) kept = kept.replaceAll(piece, " ");
  return textFingerprint(kept.replace(separator === "/" ? /\/\s/ : /\s\|\s/, " "));
}

/** What readers will see: title, lead and the body rendered by the site's Markdown renderer. */
function shownWords(page: OldPage): string {
  const body = load(createMarkdown().render(releaseBody(page))).text();
  return textFingerprint([page.title, page.lead ?? "", body].join("\n"));
}

/** Anything of the page's furniture: an address, the footer, the end mark, a page counter. */
const FURNITURE = /ostan-th|ITShams|پرتال\s*شمس|انتها[یي]\s*پ[یي]ام|print=|صفحه\s*[0-9٠-٩۰-۹]|[0-9٠-٩۰-۹]\s*\/\s*[0-9٠-٩۰-۹]/;
function assertNoFurniture(page: OldPage): void {
  for (const text of [page.title, page.lead ?? "", ...page.paragraphs]) assert.doesNotMatch(text, FURNITURE, text);
}

const FOOTER = "0 صفحه 1 | ITShams.ir - قدرت گرفته از پرتال شمس";
const END_MARK = "انتهای پیام/";
const ADDRESS = "https://ostan-th.ir/News/149840/";
const arabic = (text: string) => text.replaceAll("ی", "ي").replaceAll("ک", "ك").replace(/[0-9]/g, (digit) => "٠١٢٣٤٥٦٧٨٩"[Number(digit)]!);

interface Variant {
  name: string;
  file: string;
  /** The hand-made release the page is a copy of. */
  release: 149840 | 149841;
  /** The news code read from the page's address; undefined: the page has none. */
  id: number | undefined;
  paragraphs: number;
  /** The furniture the importer must take out, as the fixture spells it. */
  removed: string[];
  separator: "/" | "|";
}

const VARIANTS: Variant[] = [
  {
    name: "1. the page's foot (address with a query and the browser's page counter, and the footer) printed at a page break in mid-sentence; the end without address",
    file: "kahrizak-page-break.txt",
    release: 149840,
    id: 149840,
    paragraphs: 7,
    removed: ["https://ostan-th.ir/News/149840?print=1", "1/2", FOOTER, END_MARK],
    separator: "/",
  },
  {
    name: "1. the address in every printed form: without the closing «/», with a query, in Arabic-Indic and Persian digits, twice on one line",
    file: "kahrizak-address-forms.txt",
    release: 149840,
    id: 149840,
    paragraphs: 7,
    removed: [
      "https://ostan-th.ir/News/149840",
      "https://ostan-th.ir/News/149840?print=1",
      "https://ostan-th.ir/News/149840/?print=1",
      "https://ostan-th.ir/News/149840?x=y",
      "https://ostan-th.ir/News/١٤٩٨٤٠/",
      "https://ostan-th.ir/News/۱۴۹۸۴۰/",
      ADDRESS,
      FOOTER,
      END_MARK,
    ],
    separator: "/",
  },
  {
    name: "2. printed lines copied from a browser: no blank line at all, trailing spaces (kahrizak)",
    file: "kahrizak-no-blank-lines.txt",
    release: 149840,
    id: 149840,
    paragraphs: 7,
    removed: [ADDRESS, FOOTER, END_MARK],
    separator: "/",
  },
  {
    name: "2. printed lines copied from a browser: no blank line at all, trailing spaces (malard: a first paragraph without a full stop, no address)",
    file: "malard-no-blank-lines.txt",
    release: 149841,
    id: undefined,
    paragraphs: 6,
    removed: [],
    separator: "/",
  },
  {
    name: "2. copied from the page itself: one line per paragraph, the title on one line, no blank line",
    file: "malard-browser-copy.txt",
    release: 149841,
    id: undefined,
    paragraphs: 6,
    removed: [],
    separator: "/",
  },
  {
    name: "3. « | » before the speaker, the title broken over two lines",
    file: "kahrizak-pipe-title.txt",
    release: 149840,
    id: 149840,
    paragraphs: 7,
    removed: [ADDRESS, FOOTER, END_MARK],
    separator: "|",
  },
  {
    name: "4. a byte-order mark, the footer above the title, Arabic letters and Arabic-Indic digits everywhere",
    file: "kahrizak-bom-arabic.txt",
    release: 149840,
    id: 149840,
    paragraphs: 7,
    removed: [arabic(FOOTER), arabic(END_MARK), arabic(ADDRESS)],
    separator: "/",
  },
];

describe("parseOldPage: each variant gives the id, source, title, lead and paragraphs of the hand-made release, every word and no furniture", () => {
  for (const variant of VARIANTS) {
    test(variant.name, async () => {
      const input = await fixture(variant.file);
      const page = await pageWithSampleHalfSpaces(parseOldPage(input));
      const expected = await handMade(variant.release);
      assert.equal(page.id, variant.id);
      assert.equal(page.source, variant.id === undefined ? undefined : `https://ostan-th.ir/News/${variant.id}/`);
      assert.equal(page.title, expected.title);
      assert.equal(page.lead, expected.lead);
      assert.equal(page.paragraphs.length, variant.paragraphs);
      assert.deepEqual(imported(page), { ...expected, source: page.source });
      assert.deepEqual(page.warnings, []);
      assertNoFurniture(page);
      const words = expectedWords(input, variant.removed, variant.separator);
      // Readers see every word of the page but its furniture, and the importer's own check agrees.
      assert.equal(shownWords(page), words);
      assert.equal(textFingerprint(page.keptText), words);
    });
  }
});

describe("the page address in each form it is printed in (the seed's two address lines replaced by one)", () => {
  const rows: Array<{ line: string; id: number; warnings?: Message[] }> = [
    { line: "https://ostan-th.ir/News/149840", id: 149840 },
    { line: "https://ostan-th.ir/News/149840?print=1", id: 149840 },
    { line: "https://ostan-th.ir/News/149840/?print=1", id: 149840 },
    { line: "https://ostan-th.ir/News/149840?x=y", id: 149840 },
    { line: "https://ostan-th.ir/News/١٤٩٨٤٠/", id: 149840 },
    { line: "https://ostan-th.ir/News/۱۴۹۸۴۰/", id: 149840 },
    { line: "https://ostan-th.ir/News/۱۴۹۸۴۰?print=1", id: 149840 },
    { line: "https://ostan-th.ir/News/149840/ https://ostan-th.ir/News/149840/", id: 149840 },
    { line: "https://ostan-th.ir/News/149840/https://ostan-th.ir/News/149840/", id: 149840 },
    { line: "https://ostan-th.ir/News/149840?print=1 1/2", id: 149840 },
    { line: "https://ostan-th.ir/News/149840/ صفحه ۱ از ۲", id: 149840 },
    { line: "http://www.ostan-th.ir/news/149840/", id: 149840 },
    { line: "ostan-th.ir/News/149840/", id: 149840 },
    { line: `${END_MARK} ${ADDRESS}`, id: 149840 },
    {
      line: "https://ostan-th.ir/News/149840/ https://ostan-th.ir/News/149841/",
      id: 149840,
      warnings: [{ fa: "صفحه چند کد خبر دارد (۱۴۹۸۴۰، ۱۴۹۸۴۱)؛ ۱۴۹۸۴۰ به کار رفت", en: "the page names several news codes (149840, 149841); 149840 was used" }],
    },
  ];
  for (const row of rows) {
    test(row.line, async () => {
      const seed = await fixture("kahrizak-council.txt");
      const input = seed.replace(`${ADDRESS}\n${ADDRESS}\n`, `${row.line}\n`);
      assert.notEqual(input, seed);
      const page = parseOldPage(input);
      assert.equal(page.id, row.id);
      assert.equal(page.source, `https://ostan-th.ir/News/${row.id}/`);
      assert.deepEqual(page.warnings, row.warnings ?? []);
      assert.equal(page.paragraphs.length, 7);
      assertNoFurniture(page);
      assert.equal(shownWords(page), expectedWords(input, [row.line, FOOTER, END_MARK], "/"));
    });
  }
});

/** The warning of an address inside a line of text (kept: a release may name another one). */
const addressInText = (address: string): Message => ({
  fa: `متن خبر نشانی پایگاه پیشین دارد (${address}) که در سطری از متن است، نه در پاصفحه، پس در خبر ماند و کد خبر از آن گرفته نشد؛ اگر از پاصفحهٔ صفحه است، آن را از خبر بردارید`,
  en: `the text holds an old website address (${address}) within a line of text, not in the page's footer, so it stays in the release and gives no news code; if it belongs to the page's footer, remove it from the release`,
});

describe("furniture inside lines of text: taken out where it cannot be the release's words, kept where it can", () => {
  const rows: Array<{ name: string; input: string; paragraphs: string[]; id?: number; warnings?: Message[] }> = [
    {
      name: "the footer printed on the line of a sentence broken by the page: the footer out, the sentence joined",
      input: `عنوان/ گوینده: نقل\n\nیک دو سه چهار پنج شش هفت هشت ${FOOTER}\n\nنه ده.\n\n${ADDRESS}\n`,
      paragraphs: ["یک دو سه چهار پنج شش هفت هشت نه ده."],
      id: 149840,
    },
    {
      name: "the end mark after the last sentence on its line",
      input: `عنوان/ گوینده: نقل\n\nمتن خبر. ${END_MARK}\n\n${ADDRESS}\n`,
      paragraphs: ["متن خبر."],
      id: 149840,
    },
    {
      name: "the end mark in Arabic letters after the last sentence",
      input: `عنوان/ گوینده: نقل\n\nمتن خبر. انتهاي پيام/\n`,
      paragraphs: ["متن خبر."],
    },
    {
      name: "«انتهای پیام» as words of a sentence stays",
      input: "عنوان/ گوینده: نقل\n\nوی در انتهای پیام خود گفت که نشست ادامه دارد\n",
      paragraphs: ["وی در انتهای پیام خود گفت که نشست ادامه دارد"],
    },
    {
      name: "an address inside a sentence stays, gives no news code, and the import says so",
      input: "عنوان/ گوینده: نقل\n\nمتن کامل در https://ostan-th.ir/News/99/ آمده است.\n",
      paragraphs: ["متن کامل در https://ostan-th.ir/News/99/ آمده است."],
      warnings: [addressInText("https://ostan-th.ir/News/99/")],
    },
  ];
  for (const row of rows) {
    test(row.name, () => {
      const page = parseOldPage(row.input);
      assert.deepEqual(page.paragraphs, row.paragraphs);
      assert.equal(page.id, row.id);
      assert.deepEqual(page.warnings, row.warnings ?? []);
    });
  }
});

/** The warning of a page whose title's end had to be guessed. */
const TITLE_GUESSED: Message = {
  fa: "زیر عنوان صفحه خط خالی نیست و عنوانش «/» یا «|» پیش از نام گوینده ندارد، پس تنها سطر نخست عنوان شد: عنوان و بند نخست خبر را بررسی کنید",
  en: "the page has no blank line below its title, and the title no «/» or «|» before a speaker, so its first line alone became the title: check the title and the first paragraph",
};

describe("the title and its quote", () => {
  const rows: Array<{ name: string; input: string; title: string; lead?: string; paragraphs: number; warnings?: Message[] }> = [
    { name: "«title/ speaker: quote»", input: "عنوان خبر/ گوینده: نقل\n\nمتن.\n", title: "عنوان خبر", lead: "گوینده: نقل", paragraphs: 1 },
    { name: "«title | speaker: quote»", input: "عنوان خبر | گوینده: نقل\n\nمتن.\n", title: "عنوان خبر", lead: "گوینده: نقل", paragraphs: 1 },
    { name: "«title |speaker: quote»", input: "عنوان خبر |گوینده: نقل\n\nمتن.\n", title: "عنوان خبر", lead: "گوینده: نقل", paragraphs: 1 },
    { name: "the line broken before « | »", input: "عنوان بلند خبر\n| گوینده: نقل\n\nمتن.\n", title: "عنوان بلند خبر", lead: "گوینده: نقل", paragraphs: 1 },
    { name: "« | » without a speaker is the title's", input: "عنوان خبر | بخش دوم\n\nمتن.\n", title: "عنوان خبر | بخش دوم", paragraphs: 1 },
    { name: "a date's «/» is no separator", input: "نشست ۱۴۰۲/۰۹/۱۹ برگزار شد\n\nمتن.\n", title: "نشست ۱۴۰۲/۰۹/۱۹ برگزار شد", paragraphs: 1 },
    {
      name: "no blank line: the title's line, then the text's longer lines",
      input: "عنوان/ گوینده: نقل\nیک دو سه چهار پنج شش هفت هشت نه ده یازده دوازده سیزده\nچهارده پانزده.\n",
      title: "عنوان",
      lead: "گوینده: نقل",
      paragraphs: 1,
    },
    {
      name: "no blank line and no «/» or «|»: the first line is the title, and the import says it guessed",
      input: "عنوان خبر\nیک دو سه چهار پنج شش هفت هشت نه ده یازده دوازده سیزده\nچهارده پانزده.\n",
      title: "عنوان خبر",
      paragraphs: 1,
      warnings: [TITLE_GUESSED],
    },
  ];
  for (const row of rows) {
    test(row.name, () => {
      const page = parseOldPage(row.input);
      assert.deepEqual({ title: page.title, lead: page.lead, paragraphs: page.paragraphs.length, warnings: page.warnings }, { title: row.title, lead: row.lead, paragraphs: row.paragraphs, warnings: row.warnings ?? [] });
    });
  }
});

describe("textLayout and joinParagraphs: how lines make paragraphs", () => {
  const rows: Array<{ name: string; lines: string[]; layout: Layout; paragraphs: string[] }> = [
    {
      name: "printed lines without blank lines: joined up to a sentence end",
      lines: ["یک دو سه چهار پنج شش هفت", "هشت نه.", "ده یازده دوازده سیزده چهارده", "پانزده شانزده هفده هجده نوزده", "بیست."],
      layout: "printed",
      paragraphs: ["یک دو سه چهار پنج شش هفت هشت نه.", "ده یازده دوازده سیزده چهارده پانزده شانزده هفده هجده نوزده بیست."],
    },
    {
      name: "one paragraph per line, most ending a sentence: each line a paragraph",
      lines: ["الف ب ج.", "د ه و", "ز ح ط.", "ی ک ل.", "م ن."],
      layout: "lines",
      paragraphs: ["الف ب ج.", "د ه و", "ز ح ط.", "ی ک ل.", "م ن."],
    },
    {
      name: "a printed page whose foot was taken out between two lines: still printed, the sentence joined",
      lines: ["یک دو سه چهار پنج شش", "", "هفت هشت نه ده یازده", "دوازده.", "", "سیزده چهارده."],
      layout: "printed",
      paragraphs: ["یک دو سه چهار پنج شش هفت هشت نه ده یازده دوازده.", "سیزده چهارده."],
    },
    {
      name: "ordinary text: blank lines between paragraphs of broken lines",
      lines: ["الف ب", "ج د.", "", "ه و", "ز."],
      layout: "paragraphs",
      paragraphs: ["الف ب ج د.", "ه و ز."],
    },
  ];
  for (const row of rows) {
    test(row.name, () => {
      assert.equal(textLayout(row.lines), row.layout);
      assert.deepEqual(joinParagraphs(row.lines), row.paragraphs);
    });
  }
});

describe("importFiles on the variants", () => {
  test("every kahrizak variant imported with --date is the hand-made release 149840, and npm run check finds nothing to say", async () => {
    const expected = await handMade(149840);
    for (const variant of VARIANTS.filter((row) => row.release === 149840)) {
      const content = await sampleArchiveWithoutImports();
      const [result] = await importFiles([path.join(FIXTURES, variant.file)], { contentDir: content, date: "1402/09/19 11:00", now: NOW });
      assert.deepEqual({ file: path.relative(content, path.resolve(result!.file)), id: result!.id }, { file: path.join("releases", "1402", "149840.md"), id: 149840 }, variant.file);
      // The one thing the import says: the compounds' half-spaces it wrote, as check --fix would.
      assert.deepEqual(result!.warnings.map((warning) => warning.en.replace(/ \(.*$/, "")), [`wrote the half-space of 22 compounds in ${result!.file}`], variant.file);
      const parsed = parseFrontMatter(await readFile(path.resolve(result!.file), "utf8"));
      assert.deepEqual({ title: parsed.data.title, lead: parsed.data.lead, source: parsed.data.source, body: parsed.body.trim() }, expected, variant.file);
      // Another sample release links to 149841, which this copy lacks: only the imported file is judged here.
      const ofImport = (await lintArchive(content, NOW)).problems.filter((problem) => path.resolve(problem.file) === path.resolve(result!.file));
      assert.deepEqual(ofImport, [], variant.file);
    }
  });

  test("a page copied from a browser with no address and no date is saved as a draft with the next free id, and the import says both in Persian", async () => {
    const content = await sampleArchiveWithoutImports();
    const [result] = await importFiles([path.join(FIXTURES, "malard-no-blank-lines.txt")], { contentDir: content, now: NOW });
    assert.equal(path.relative(content, path.resolve(result!.file)), path.join("releases", "1403", `${result!.id}.md`));
    assert.deepEqual(
      result!.warnings.map((warning) => warning.fa),
      [
        `صفحه نشانی https://ostan-th.ir/News/<id>/ ندارد: کد آزاد بعدی، ${toPersianDigits(result!.id)}، به آن داده شد؛ اگر پایگاه پیشین کد خبر را نشان می‌داد، آن را در سطر id بنویسید (مثلاً id: 149840) و npm run check -- --fix را اجرا کنید تا نام فایل هم درست شود`,
        'صفحه تاریخ ندارد: خبر به صورت پیش‌نویس با تاریخ اکنون ذخیره شد؛ برای انتشار، تاریخ آن را بنویسید و draft: true را بردارید، یا دوباره با تاریخ وارد کنید: npm run import -- --date "1402/09/19 11:00" <page.txt>',
        `نیم‌فاصلهٔ ۲۱ ترکیب نوشته شد: ${result!.file} («روابط عمومی‌های» ← «روابط‌عمومی‌های»، «روابط عمومی» ← «روابط‌عمومی»، «بین الملل» ← «بین‌الملل»، …)`,
      ],
    );
    const parsed = parseFrontMatter(await readFile(path.resolve(result!.file), "utf8"));
    assert.equal(parsed.data.draft, true);
    const expected = await handMade(149841);
    assert.deepEqual({ title: parsed.data.title, lead: parsed.data.lead, county: parsed.data.county, body: parsed.body.trim() }, { title: expected.title, lead: expected.lead, county: "ملارد", body: expected.body });
  });
});
