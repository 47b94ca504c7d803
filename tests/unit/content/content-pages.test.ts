/**
 * Unit tests for the pages of content/pages/: their front matter (src/content/page-schema.ts),
 * one page file (src/content/content-page.ts `readPageFile`), the pages of a folder with their
 * addresses checked (`loadContentPages`), the menu (`siteMenu`), and what the content folder's
 * scan makes of pages and site.yml (src/content/content-files.ts).
 */
import { after, describe, test } from "node:test";
import assert from "node:assert/strict";
import { rm } from "node:fs/promises";
import path from "node:path";
import { loadContentPages, readPageFile, RESERVED_ADDRESSES, siteMenu, type ContentPage } from "../../../src/content/content-page.js";
import { isReleaseLocation, scanContentFolder } from "../../../src/content/content-files.js";
import { PAGE_FIELDS, validatePageFrontMatter } from "../../../src/content/page-schema.js";
import type { FieldIssue } from "../../../src/content/field-issues.js";
import { PAGE_FIELD_TEXTS } from "../../../src/messages/site.js";
import { folderWith } from "../../support/run.js";

const created: string[] = [];
after(async () => {
  for (const dir of created) await rm(dir, { recursive: true, force: true });
});

async function folder(files: Record<string, string>): Promise<string> {
  const dir = await folderWith(files, "akhbar-unit-pages-");
  created.push(dir);
  return dir;
}

function problemsOf(data: unknown): FieldIssue[] {
  const result = validatePageFrontMatter(data);
  if (result.ok) assert.fail(`expected problems for ${JSON.stringify(data)}`);
  return result.problems;
}

const page = (frontMatter: string, body = "متن صفحه.\n") => `---\n${frontMatter}\n---\n\n${body}`;

describe("a page's front matter", () => {
  test("a title is enough: Persian, not in the menu", () => {
    const result = validatePageFrontMatter({ title: " درباره ما " });
    assert.ok(result.ok);
    assert.deepEqual(result.value, { title: "درباره ما", lang: "fa" });
  });

  test("every field", () => {
    const result = validatePageFrontMatter({ title: "About us", slug: "about-us", menu: 2, description: "Who we are", lang: "en" });
    assert.ok(result.ok);
    assert.deepEqual(result.value, { title: "About us", slug: "about-us", menu: 2, description: "Who we are", lang: "en" });
  });

  test("a menu place in Persian digits is a number", () => {
    const result = validatePageFrontMatter({ title: "ت", menu: "۳" });
    assert.ok(result.ok);
    assert.equal(result.value.menu, 3);
  });

  const rows: Array<{ name: string; data: unknown; field: string; fa: RegExp; en: RegExp }> = [
    { name: "no title", data: { menu: 1 }, field: "title", fa: /^«عنوان صفحه \(title\)» نوشته نشده است: سطری مانند `title: درباره ما` بیفزایید\.$/, en: /^title is required: add a line such as `title: درباره ما`$/ },
    { name: "an empty title", data: { title: null }, field: "title", fa: /^«عنوان صفحه \(title\)» خالی است/, en: /^title is empty/ },
    { name: "a title of spaces", data: { title: "  " }, field: "title", fa: /خالی است/, en: /is empty/ },
    { name: "a slug with a space", data: { title: "ت", slug: "about us" }, field: "slug", fa: /^«نشانی صفحه \(slug\)» درست نوشته نشده است \(«about us»\): باید فقط حرف فارسی یا لاتین، رقم و خط تیره/, en: /Persian or Latin letters, digits and hyphens/ },
    { name: "a slug with a slash", data: { title: "ت", slug: "a/b" }, field: "slug", fa: /نشانی صفحه/, en: /^slug is not written right/ },
    { name: "a menu place of zero", data: { title: "ت", menu: 0 }, field: "menu", fa: /^«جای صفحه در منوی سایت \(menu\)» درست نوشته نشده است \(«0»\): باید عددی درست و مثبت/, en: /a positive whole number/ },
    { name: "a menu place with a fraction", data: { title: "ت", menu: 1.5 }, field: "menu", fa: /عددی درست و مثبت/, en: /positive whole number/ },
    { name: "a menu place in words", data: { title: "ت", menu: "اول" }, field: "menu", fa: /\(«اول»\)/, en: /menu/ },
    { name: "another language", data: { title: "ت", lang: "ar" }, field: "lang", fa: /^«زبان \(lang\)» درست نوشته نشده است \(«ar»\): باید fa \(فارسی\) یا en \(انگلیسی\)/, en: /fa or en/ },
    { name: "a misspelt field", data: { title: "ت", titel: "x" }, field: "titel", fa: /^فیلد «titel» شناخته نیست؛ آیا منظورتان «title» بود؟ فیلدهای مجاز: title، slug، menu، description، lang\.$/, en: /^unknown field "titel": did you mean "title"\? Allowed fields: title, slug, menu, description, lang$/ },
    { name: "a release's field", data: { title: "ت", date: "1403/01/01" }, field: "date", fa: /^فیلد «date» شناخته نیست\. فیلدهای مجاز/, en: /^unknown field "date"\. Allowed/ },
  ];
  for (const row of rows) {
    test(`${row.name}: one problem, named in Persian and English`, () => {
      const problems = problemsOf(row.data);
      assert.equal(problems.length, 1, JSON.stringify(problems));
      assert.equal(problems[0]!.field, row.field);
      assert.match(problems[0]!.message.fa, row.fa);
      assert.match(problems[0]!.message.en, row.en);
    });
  }

  test("the messages' table has every field of the schema, and no other", () => {
    assert.deepEqual(Object.keys(PAGE_FIELD_TEXTS).sort(), [...PAGE_FIELDS].sort());
  });
});

describe("one page file", () => {
  test("its address: the slug as written, in small letters; else the file's name", () => {
    const about = readPageFile("content/pages/about.md", page("title: درباره ما\nmenu: 1"));
    assert.deepEqual(about.problems, []);
    assert.equal(about.page!.url, "/about/");
    assert.equal(about.page!.menu, 1);
    assert.equal(readPageFile("content/pages/x.md", page("title: t\nslug: Contact-Us")).page!.url, "/contact-us/");
    assert.equal(readPageFile("content/pages/x.md", page("title: تماس\nslug: تماس-با-ما")).page!.url, "/تماس-با-ما/");
    // Arabic letter forms become Persian, as in the addresses of tags.
    assert.equal(readPageFile("content/pages/x.md", page("title: t\nslug: تماس-باما-ي")).page!.url, "/تماس-باما-ی/");
    assert.equal(readPageFile("content/pages/درباره ما.md", page("title: درباره ما")).page!.url, "/درباره-ما/");
    assert.equal(readPageFile("content/pages/about.md", page("title: About\nlang: en")).page!.url, "/en/about/");
  });

  test("a file whose name cannot be an address, and no slug, is told to add one", () => {
    const result = readPageFile("content/pages/!!!.md", page("title: t"));
    assert.equal(result.page, undefined);
    assert.deepEqual(result.problems.map(({ file, line, field }) => [file, line, field]), [["content/pages/!!!.md", 1, "slug"]]);
    assert.match(result.problems[0]!.message.fa, /^نام فایل «!!!\.md» نمی‌تواند نشانی صفحه باشد .* سطری مانند `slug: about` بیفزایید/);
  });

  test("problems name the file's line", () => {
    const result = readPageFile("content/pages/about.md", page("menu: 1\nslug: about\ntitel: x"));
    assert.deepEqual(
      result.problems.map(({ line, field }) => [line, field]),
      [
        [1, "title"],
        [4, "titel"],
      ],
    );
  });

  test("its text is checked as a release's: UTF-8, no control characters, a closed front matter", () => {
    const windows = readPageFile("content/pages/a.md", Buffer.from([0x2d, 0x2d, 0x2d, 0x0a, 0xe1, 0x0a]));
    assert.equal(windows.problems[0]!.field, "encoding");
    const control = readPageFile("content/pages/a.md", page("title: درباره\u0007 ما"));
    assert.deepEqual(control.problems.map(({ line, field }) => [line, field]), [[2, "title"]]);
    assert.equal(control.page, undefined);
    const open = readPageFile("content/pages/a.md", "---\ntitle: t\n\nمتن\n");
    assert.equal(open.problems[0]!.field, "front matter");
  });

  test("a page with a picture or a link into content/images/ says so (it is rendered on every build)", () => {
    assert.equal(readPageFile("content/pages/a.md", page("title: t", "![نقشه](/images/map.png)")).page!.hasPictures, true);
    assert.equal(readPageFile("content/pages/a.md", page("title: t", "[گزارش](/images/report.pdf)")).page!.hasPictures, true);
    assert.equal(readPageFile("content/pages/a.md", page("title: t", "[فرم](/files/form.docx)")).page!.hasPictures, true);
    assert.equal(readPageFile("content/pages/a.md", page("title: t")).page!.hasPictures, false);
  });
});

describe("the pages of a content folder", () => {
  test("the .md files directly in pages/, in order; none without the folder", async () => {
    const dir = await folder({ "pages/b.md": page("title: B"), "pages/a.md": page("title: A"), "releases/1.md": "x" });
    const { pages, problems } = await loadContentPages(dir);
    assert.deepEqual(problems, []);
    assert.deepEqual(pages.map((one) => one.url), ["/a/", "/b/"]);
    assert.deepEqual(await loadContentPages(await folder({ "releases/1.md": "x" })), { pages: [], problems: [] });
  });

  test("an address that is a section of the site, or another page's, is refused on the slug's line", async () => {
    const dir = await folder({
      "pages/a.md": page("title: A\nslug: news"),
      "pages/b.md": page("title: B\nslug: about"),
      "pages/c.md": page("title: C\n\nslug: About"),
      "pages/d.md": page("title: D\nslug: news\nlang: en"),
      "pages/e.md": page("title: E\nslug: search\nlang: en"),
      "pages/archive.md": page("title: F"),
      // The English section's own address is free in Persian's, and the reverse.
      "pages/g.md": page("title: G\nslug: about\nlang: en"),
    });
    const { pages, problems } = await loadContentPages(dir);
    assert.deepEqual(pages.map((one) => one.url), ["/about/", "/en/about/"]);
    const where = (file: string) => path.relative(dir, path.resolve(file));
    assert.deepEqual(
      problems.map(({ file, line, field }) => [where(file), line, field]),
      [
        [path.join("pages", "a.md"), 3, "slug"],
        [path.join("pages", "archive.md"), 1, "slug"],
        [path.join("pages", "c.md"), 4, "slug"],
        [path.join("pages", "d.md"), 3, "slug"],
        [path.join("pages", "e.md"), 3, "slug"],
      ].sort(),
    );
    const taken = problems.find((problem) => problem.file.endsWith("c.md"))!;
    assert.match(taken.message.fa, /^نشانی \/about\/ را صفحهٔ .*b\.md هم دارد و هر صفحه نشانی خودش را می‌خواهد/);
    const section = problems.find((problem) => problem.file.endsWith("a.md"))!;
    assert.match(section.message.fa, /^نشانی \/news\/ از آنِ یکی از بخش‌های خود سایت است/);
    assert.match(section.message.en, /^the address \/news\/ is one of the site's own sections/);
  });

  test("the reserved addresses are the site's sections", () => {
    for (const section of ["news", "archive", "counties", "organizations", "tags", "search", "en", "img", "images", "assets", "pagefind"]) {
      assert.ok(RESERVED_ADDRESSES.includes(section), section);
    }
  });
});

describe("the site's menu", () => {
  const at = (title: string, menu?: number, lang: "fa" | "en" = "fa"): ContentPage => ({
    title,
    slug: title,
    url: lang === "en" ? `/en/${title}/` : `/${title}/`,
    ...(menu === undefined ? {} : { menu }),
    lang,
    inputPath: `content/pages/${title}.md`,
    fileHash: "0",
    body: "",
    hasPictures: false,
  });

  test("pages with `menu:` by their place (then title), then site.yml's links; pages without it are not in it", () => {
    const links = [{ title: "پایگاه", url: "https://example.org/", lang: "fa" as const }];
    assert.deepEqual(
      siteMenu([at("c", 2), at("b"), at("z", 1), at("a", 2), at("en", 1, "en")], links).map((link) => link.url),
      ["/en/en/", "/z/", "/a/", "/c/", "https://example.org/"],
    );
  });
});

describe("the content folder's scan: pages and site.yml are not releases", () => {
  test("pages/*.md and site.yml are allowed and not releases; a page in a sub-folder of pages/ and other files there are problems", async () => {
    const dir = await folder({
      "site.yml": "logo: /images/logo.png\n",
      "pages/about.md": page("title: t"),
      "pages/old/contact.md": page("title: t"),
      "pages/notes.txt": "x",
      "releases/1403/1.md": "x",
      "releases/site.yml": "x",
    });
    const scan = await scanContentFolder(dir);
    assert.deepEqual(scan.releases.map((file) => path.relative(dir, path.resolve(file))), [path.join("releases", "1403", "1.md")]);
    const problems = scan.problems.map((problem) => [path.relative(dir, path.resolve(problem.file)), problem.message.en]).sort();
    assert.equal(problems.length, 3, JSON.stringify(problems));
    assert.deepEqual(problems.map(([file]) => file), [path.join("pages", "notes.txt"), path.join("pages", "old", "contact.md"), path.join("releases", "site.yml")]);
    assert.match(problems[1]![1]!, /^pages are the files directly in pages\//);
  });

  test("a page is not where a release lives (a save of it rebuilds the site, not one release)", () => {
    assert.equal(isReleaseLocation("content", "content/pages/about.md"), false);
    assert.equal(isReleaseLocation("content", "content/releases/1403/1.md"), true);
    assert.equal(isReleaseLocation("content", "content/site.yml"), false);
  });
});
