/**
 * Browsing pages in a built site: latest news, the Jalali archive, counties, organizations,
 * tags, and what release pages add. The test writes its own archive of 1,056 releases whose
 * months, terms and order it knows (more than the 1,000 that /news/ covers; months of exactly
 * 20 and 21 releases; the last minute of Esfand and the first of Farvardin in a common and in
 * a leap year; a cluster for related releases), builds it once with the real build command,
 * and reads every list page with cheerio.
 */
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { mkdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { toGregorian, toJalaali } from "jalaali-js";
import { runBuild, temporaryDirectory } from "../support/run.js";
import { exists, findBrokenLinks, loadPage, type Page } from "../support/html.js";

const PAGE_SIZE = 20;
const LATEST_LIMIT = 1000;
const MONTHS = ["فروردین", "اردیبهشت", "خرداد", "تیر", "مرداد", "شهریور", "مهر", "آبان", "آذر", "دی", "بهمن", "اسفند"];
const PERSIAN_DIGITS = "۰۱۲۳۴۵۶۷۸۹";
const fa = (value: number) => String(value).replace(/\d/g, (digit) => PERSIAN_DIGITS[Number(digit)]!);
/** Counts as the site writes them: Persian digits, Persian thousands separator. */
const faCount = (value: number) => fa(value).replace(/(?<=[۰-۹])(?=(?:[۰-۹]{3})+$)/g, "٬");
const two = (value: number) => String(value).padStart(2, "0");

interface Fixture {
  id: number;
  /** As written in the front matter. */
  date: string;
  /** Gregorian wall-clock time in Tehran, `YYYY-MM-DDTHH:mm`: sorts as the instants do (no fixture is near a clock change). */
  local: string;
  jy: number;
  jm: number;
  jd: number;
  tags: string[];
  county?: string;
  organization?: string;
}

function jalaliFixture(id: number, jy: number, jm: number, jd: number, extra: Partial<Fixture> = {}): Fixture {
  const { gy, gm, gd } = toGregorian(jy, jm, jd);
  return { id, date: `${jy}/${two(jm)}/${two(jd)} 10:00`, local: `${gy}-${two(gm)}-${two(gd)}T10:00`, jy, jm, jd, tags: [], ...extra };
}

function gregorianFixture(id: number, local: string, extra: Partial<Fixture> = {}): Fixture {
  const [gy, gm, gd] = local.slice(0, 10).split("-").map(Number) as [number, number, number];
  const { jy, jm, jd } = toJalaali(gy, gm, gd);
  return { id, date: local, local, jy, jm, jd, tags: [], ...extra };
}

const FILLER_TAGS = ["نشست", "بازدید", "عمرانی", "سلامت"];
const FILLER_COUNTIES = ["تهران", "ری", "اسلامشهر", "شهریار"];

/** 1,000 releases every other day from 1 Farvardin 1394 (2015-03-21) to Shahrivar 1399. */
const filler = Array.from({ length: 1000 }, (_, index) => {
  const day = new Date(Date.UTC(2015, 2, 21 + 2 * index));
  const local = `${day.getUTCFullYear()}-${two(day.getUTCMonth() + 1)}-${two(day.getUTCDate())}T10:00`;
  return gregorianFixture(500000 + index, local, {
    tags: [FILLER_TAGS[index % 4]!],
    county: FILLER_COUNTIES[index % 4],
    organization: "استانداری تهران",
  });
});

/** One tag written three ways: one tag page. */
const variants = ["روابط‌عمومی", "روابط عمومی", "روابط عمومي"].map((tag, index) => jalaliFixture(510000 + index, 1400, 3, index + 1, { tags: [tag] }));

/** Mehr 1401: exactly 20 releases (one page); Aban 1401: exactly 21 (two pages). */
const mehr = Array.from({ length: 20 }, (_, index) => jalaliFixture(600001 + index, 1401, 7, index + 1, { tags: ["بیست"], county: "دماوند" }));
const aban = Array.from({ length: 21 }, (_, index) =>
  jalaliFixture(600101 + index, 1401, 8, index + 1, { tags: ["بیست و یک"], county: "فیروزکوه", organization: "شهرداری ملارد" }),
);

/** Related releases of 700000: 700001 shares 3 terms, 700002 two, the others one (700007 none). */
const CLUSTER_TARGET = 700000;
const cluster = [
  jalaliFixture(700000, 1402, 5, 10, { tags: ["خوشه الف", "خوشه ب"], county: "شمیرانات" }),
  jalaliFixture(700001, 1402, 5, 1, { tags: ["خوشه الف", "خوشه ب"], county: "شمیرانات" }),
  jalaliFixture(700002, 1402, 5, 20, { tags: ["خوشه الف"], county: "شمیرانات" }),
  jalaliFixture(700003, 1402, 5, 15, { tags: ["خوشه ب"], county: "پردیس" }),
  jalaliFixture(700004, 1402, 5, 5, { tags: ["خوشه الف"] }),
  jalaliFixture(700005, 1402, 5, 25, { county: "شمیرانات" }),
  jalaliFixture(700006, 1402, 4, 1, { tags: ["خوشه ب"] }),
  jalaliFixture(700007, 1402, 5, 11, { tags: ["خوشه ج"], county: "پردیس" }),
];
const EXPECTED_RELATED = [700001, 700002, 700005, 700003, 700004];

/** The last minute of Esfand and the first of Farvardin: 1402 is a common year (Esfand 29), 1403 a leap year (Esfand 30). */
const boundaries = [
  { ...gregorianFixture(800001, "2024-03-19T23:59"), date: "2024-03-19T23:59:00+03:30" },
  { ...gregorianFixture(800002, "2024-03-20T00:00"), date: "2024-03-20T00:00:00+03:30" },
  { ...gregorianFixture(800003, "2025-03-20T23:59"), date: "2025-03-20T23:59:00+03:30" },
  { ...gregorianFixture(800004, "2025-03-21T00:00"), date: "2025-03-21T00:00:00+03:30" },
];

const fixtures: Fixture[] = [...filler, ...variants, ...mehr, ...aban, ...cluster, ...boundaries];
/** Newest first, as every list shows them. */
const sorted = [...fixtures].sort((a, b) => b.local.localeCompare(a.local) || b.id - a.id);
const byId = new Map(fixtures.map((fixture) => [fixture.id, fixture]));

let work = "";
let site = "";

before(async () => {
  work = await temporaryDirectory("akhbar-browse-");
  const releases = path.join(work, "content", "releases");
  await mkdir(releases, { recursive: true });
  for (const fixture of fixtures) {
    const lines = ["---", `id: ${fixture.id}`, `title: "خبر ${fixture.id}"`, `date: "${fixture.date}"`];
    if (fixture.county) lines.push(`county: ${fixture.county}`);
    if (fixture.organization) lines.push(`organization: ${fixture.organization}`);
    if (fixture.tags.length > 0) lines.push("tags:", ...fixture.tags.map((tag) => `  - ${tag}`));
    lines.push("---", "", `متن خبر ${fixture.id}.`, "");
    await writeFile(path.join(releases, `${fixture.id}.md`), lines.join("\n"));
  }
  site = path.join(work, "site");
  const run = await runBuild(path.join(work, "content"), site);
  assert.equal(run.code, 0, `the build failed:\n${run.log}`);
});

after(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

const page = (url: string): Promise<Page> => loadPage(site, `${decodeURI(url).replace(/^\//, "")}index.html`);
const pageExists = (url: string) => exists(path.join(site, decodeURI(url), "index.html"));
const pagedUrl = (base: string, number: number) => (number === 1 ? base : `${base}page/${number}/`);
const monthUrl = (jy: number, jm: number) => `/archive/${jy}/${two(jm)}/`;
const newsIds = ($: Page) => $("ol.release-list > li h2 a").map((_, link) => Number(/^\/news\/(\d+)\/$/.exec($(link).attr("href") ?? "")?.[1])).get();
const texts = ($: Page, selector: string) => $(selector).map((_, element) => $(element).text()).get();

/**
 * Reads every page of the list at `base` and checks it against `expected` (newest first):
 * the number of pages, 20 releases a page in order, no page beyond the last, the count, and
 * each page's navigation (previous/next with rel, page numbers in Persian digits, the current one marked).
 */
async function checkList(base: string, expected: readonly Fixture[], title: string): Promise<Page[]> {
  const count = Math.max(1, Math.ceil(expected.length / PAGE_SIZE));
  const pages: Page[] = [];
  const listed: number[] = [];
  for (let number = 1; number <= count; number++) {
    const url = pagedUrl(base, number);
    const $ = await page(url);
    pages.push($);
    const where = `${url}`;
    assert.equal($("h1").text(), title, where);
    const ids = newsIds($);
    assert.equal(ids.length, Math.min(PAGE_SIZE, expected.length - (number - 1) * PAGE_SIZE), where);
    listed.push(...ids);
    const status = $(".list-status").text();
    assert.ok(status.startsWith(`${faCount(expected.length)} خبر`), `${where}: ${status}`);

    const nav = $("nav.pagination");
    if (count === 1) {
      assert.equal(nav.length, 0, where);
      continue;
    }
    assert.equal(nav.length, 1, where);
    assert.ok(status.endsWith(`صفحهٔ ${fa(number)} از ${fa(count)}`), `${where}: ${status}`);
    assert.equal(nav.find('a[rel="prev"]').attr("href"), number > 1 ? pagedUrl(base, number - 1) : undefined, where);
    assert.equal(nav.find('a[rel="next"]').attr("href"), number < count ? pagedUrl(base, number + 1) : undefined, where);
    assert.deepEqual(texts($, 'nav.pagination [aria-current="page"]'), [fa(number)], where);
    for (const link of nav.find("ol a").toArray()) {
      const shown = $(link).text();
      assert.match(shown, /^[۰-۹]+$/, where);
      const target = Number(shown.replace(/[۰-۹]/g, (digit) => String(PERSIAN_DIGITS.indexOf(digit))));
      assert.equal($(link).attr("href"), pagedUrl(base, target), where);
    }
  }
  assert.deepEqual(listed, expected.map((fixture) => fixture.id), base);
  assert.equal(await pageExists(pagedUrl(base, count + 1)), false, `${base} has a page ${count + 1}`);
  return pages;
}

/**
 * Reads every page of the archive-paged list at `base` (a year, month, county, organization or
 * tag) and checks it against `expected` (newest first): the front page shows the newest releases,
 * between 20 and 39 of them (all of a shorter list), and the count; the numbered pages hold 20
 * each, counted from the oldest (page 1 is the oldest 20), and do not show the count, which
 * changes as releases are added; the navigation goes newer (rel=prev) and older (rel=next).
 */
async function checkArchiveList(base: string, expected: readonly Fixture[], title: string): Promise<void> {
  const total = expected.length;
  const numbered = Math.max(0, Math.floor(total / PAGE_SIZE) - 1);
  const urlOf = (number: number) => (number === 0 ? base : `${base}page/${number}/`);
  const listed: number[] = [];
  // The front page (0), then the numbered pages from the newest down to page 1.
  for (const number of [0, ...Array.from({ length: numbered }, (_, index) => numbered - index)]) {
    const url = urlOf(number);
    const $ = await page(url);
    assert.equal($("h1").text(), title, url);
    const ids = newsIds($);
    const size = number === 0 ? total - numbered * PAGE_SIZE : PAGE_SIZE;
    assert.equal(ids.length, size, url);
    listed.push(...ids);
    const status = $(".list-status").text();
    if (number === 0) assert.ok(status.startsWith(`${faCount(total)} خبر`), `${url}: ${status}`);
    else assert.ok(status.startsWith(`صفحهٔ ${fa(number)}؛`) && !status.includes(faCount(total)), `${url}: ${status}`);

    const nav = $("nav.pagination");
    if (numbered === 0) {
      assert.equal(nav.length, 0, url);
      continue;
    }
    assert.equal(nav.length, 1, url);
    const newer = number === 0 ? undefined : number === numbered ? base : urlOf(number + 1);
    const older = number === 0 ? urlOf(numbered) : number > 1 ? urlOf(number - 1) : undefined;
    assert.equal(nav.find('a[rel="prev"]').attr("href"), newer, url);
    assert.equal(nav.find('a[rel="next"]').attr("href"), older, url);
    assert.deepEqual(texts($, 'nav.pagination [aria-current="page"]'), [number === 0 ? "تازه‌ترین" : fa(number)], url);
    for (const link of nav.find("ol a").toArray()) {
      const shown = $(link).text();
      if (shown === "تازه‌ترین") {
        assert.equal($(link).attr("href"), base, url);
        continue;
      }
      assert.match(shown, /^[۰-۹]+$/, url);
      const target = Number(shown.replace(/[۰-۹]/g, (digit) => String(PERSIAN_DIGITS.indexOf(digit))));
      assert.equal($(link).attr("href"), urlOf(target), url);
    }
  }
  assert.deepEqual(listed, expected.map((fixture) => fixture.id), base);
  assert.equal(await pageExists(urlOf(numbered + 1)), false, `${base} has a page ${numbered + 1}`);
}

test("the fixture archive is what the test expects", () => {
  assert.equal(fixtures.length, 1056);
  assert.equal(new Set(fixtures.map((fixture) => fixture.id)).size, fixtures.length);
  assert.deepEqual(
    boundaries.map(({ jy, jm, jd }) => [jy, jm, jd]),
    [
      [1402, 12, 29],
      [1403, 1, 1],
      [1403, 12, 30],
      [1404, 1, 1],
    ],
  );
  assert.equal(filler.at(-1)!.jy, 1399);
});

describe("latest news", () => {
  test("/news/ lists the newest 1,000 releases, 20 a page, in 50 pages, and no more", async () => {
    await checkList("/news/", sorted.slice(0, LATEST_LIMIT), "تازه‌ترین خبرها");
    assert.equal(await pageExists("/news/page/51/"), false);
  });

  test("page numbers: the first, the last and two either side of the current page", async () => {
    const shown = async (url: string) => texts(await page(url), "nav.pagination ol li");
    assert.deepEqual(await shown("/news/"), ["۱", "۲", "۳", "…", "۵۰"]);
    assert.deepEqual(await shown("/news/page/25/"), ["۱", "…", "۲۳", "۲۴", "۲۵", "۲۶", "۲۷", "…", "۵۰"]);
    assert.deepEqual(await shown("/news/page/50/"), ["۱", "…", "۴۸", "۴۹", "۵۰"]);
    const $ = await page("/news/page/2/");
    assert.equal($("title").text(), "تازه‌ترین خبرها، صفحهٔ ۲ | آرشیو خبرهای استانداری تهران");
    assert.equal($('link[rel="canonical"]').attr("href"), "https://news.example.org/news/page/2/");
  });

  test("the last page leads on to the month, and the page, of the next older release, and to the archive", async () => {
    const $ = await page("/news/page/50/");
    const next = sorted[LATEST_LIMIT]!;
    const month = sorted.filter((fixture) => fixture.jy === next.jy && fixture.jm === next.jm);
    const expectedUrl = pagedUrl(monthUrl(next.jy, next.jm), Math.floor(month.indexOf(next) / PAGE_SIZE) + 1);
    const links = $(".older-news a").map((_, link) => $(link).attr("href")).get();
    assert.deepEqual(links, [expectedUrl, "/archive/"]);
    assert.equal($(".older-news a").first().text(), `ادامهٔ خبرها در آرشیو ${MONTHS[next.jm - 1]} ${fa(next.jy)}`);
    assert.ok(newsIds(await page(expectedUrl)).includes(next.id), `${expectedUrl} does not list ${next.id}`);
    // Only the last page has it.
    assert.equal((await page("/news/page/49/"))(".older-news").length, 0);
  });
});

describe("Jalali archive", () => {
  const years = [...new Set(sorted.map((fixture) => fixture.jy))];
  const monthsOf = (jy: number) => [...new Set(sorted.filter((fixture) => fixture.jy === jy).map((fixture) => fixture.jm))].sort((a, b) => a - b);
  const inMonth = (jy: number, jm: number) => sorted.filter((fixture) => fixture.jy === jy && fixture.jm === jm);

  test("/archive/ lists every year, newest first, with its months in calendar order and their counts", async () => {
    const $ = await page("/archive/");
    assert.deepEqual(years, [1404, 1403, 1402, 1401, 1400, 1399, 1398, 1397, 1396, 1395, 1394]);
    const sections = $("section.archive-year").toArray();
    assert.equal(sections.length, years.length);
    sections.forEach((section, index) => {
      const year = years[index]!;
      const heading = $(section).find("h2");
      assert.equal(heading.find("a").attr("href"), `/archive/${year}/`);
      assert.equal(heading.find("a").text(), fa(year));
      assert.equal(heading.find(".count").text(), `(${faCount(sorted.filter((fixture) => fixture.jy === year).length)} خبر)`);
      const months = $(section).find("ol.archive-months > li").toArray();
      assert.deepEqual(
        months.map((item) => [$(item).find("a").attr("href"), $(item).find("a").text(), $(item).find(".count").text()]),
        monthsOf(year).map((month) => [monthUrl(year, month), MONTHS[month - 1], faCount(inMonth(year, month).length)]),
        String(year),
      );
    });
  });

  test("every year's pages list its releases, newest first: the newest on its front page, the rest 20 a page from the oldest", async () => {
    for (const year of years) {
      await checkArchiveList(`/archive/${year}/`, sorted.filter((fixture) => fixture.jy === year), `خبرهای سال ${fa(year)}`);
    }
  });

  test("every month's pages list its releases, newest first: the newest on its front page, the rest 20 a page from the oldest", async () => {
    for (const year of years) {
      for (const month of monthsOf(year)) {
        await checkArchiveList(monthUrl(year, month), inMonth(year, month), `خبرهای ${MONTHS[month - 1]} ${fa(year)}`);
      }
    }
  });

  test("fewer than 40 releases are one page: no numbered page is made before it is full and the front page keeps 20", async () => {
    assert.equal(inMonth(1401, 7).length, 20);
    assert.equal(await pageExists("/archive/1401/07/page/1/"), false);
    assert.equal((await page("/archive/1401/07/"))("nav.pagination").length, 0);
    assert.equal(inMonth(1401, 8).length, 21);
    assert.equal(newsIds(await page("/archive/1401/08/")).length, 21);
    assert.equal(await pageExists("/archive/1401/08/page/1/"), false);
  });

  test("the last minute of Esfand and the first of Farvardin land in their own months, in a common and a leap year", async () => {
    const rows: Array<[id: number, month: string, other: string]> = [
      [800001, "/archive/1402/12/", "/archive/1403/01/"], // 29 Esfand 1402, 23:59
      [800002, "/archive/1403/01/", "/archive/1402/12/"], // 1 Farvardin 1403, 00:00
      [800003, "/archive/1403/12/", "/archive/1404/01/"], // 30 Esfand 1403 (leap day), 23:59
      [800004, "/archive/1404/01/", "/archive/1403/12/"], // 1 Farvardin 1404, 00:00
    ];
    for (const [id, month, other] of rows) {
      assert.ok(newsIds(await page(month)).includes(id), `${month} does not list ${id}`);
      assert.equal(newsIds(await page(other)).includes(id), false, `${other} lists ${id}`);
      const $ = await page(`/news/${id}/`);
      const crumbs = $("nav.breadcrumbs a").map((_, link) => $(link).attr("href")).get();
      assert.deepEqual(crumbs, ["/", month.slice(0, "/archive/1403/".length), month], String(id));
    }
    assert.deepEqual(newsIds(await page("/archive/1403/")), [800003, 800002]);
    assert.deepEqual(newsIds(await page("/archive/1404/")), [800004]);
  });

  test("month pages link the months before and after", async () => {
    const links = async (url: string) => {
      const $ = await page(url);
      return [$('.month-nav a[rel="prev"]').attr("href"), $('.month-nav a[rel="next"]').attr("href")];
    };
    assert.deepEqual(await links("/archive/1403/12/"), ["/archive/1403/01/", "/archive/1404/01/"]);
    assert.deepEqual(await links("/archive/1404/01/"), ["/archive/1403/12/", undefined]);
    assert.deepEqual(await links("/archive/1394/01/"), [undefined, "/archive/1394/02/"]);
  });

  test("each year's chart: twelve bars, a labelled link to each month with releases, heights by count", async () => {
    for (const year of years) {
      const $ = await page(`/archive/${year}/`);
      const where = String(year);
      const svg = $("figure.month-chart svg");
      assert.equal(svg.length, 1, where);
      assert.equal($(`#${svg.attr("aria-labelledby")}`).text(), `تعداد خبرهای هر ماه در سال ${fa(year)}`, where);
      assert.equal(svg.find("rect.month-chart__bar").length, 12, where);
      const bars = svg.find("a").toArray();
      assert.deepEqual(
        bars.map((bar) => [$(bar).attr("href"), $(bar).attr("aria-label"), $(bar).find("title").text()]),
        monthsOf(year).map((month) => {
          const label = `${MONTHS[month - 1]} ${fa(year)}: ${faCount(inMonth(year, month).length)} خبر`;
          return [monthUrl(year, month), label, label];
        }),
        where,
      );
      for (const bar of bars) assert.ok(await pageExists($(bar).attr("href")!), `${where}: ${$(bar).attr("href")}`);
      // Empty months are drawn without a link, and say so.
      assert.equal(svg.find("g.month-chart__empty").length, 12 - monthsOf(year).length, where);
      // The numbers as text, for readers who do not see the chart.
      assert.deepEqual(
        texts($, "ol.archive-months > li").map((text) => text.replace(/\s+/g, " ")),
        monthsOf(year).map((month) => `${MONTHS[month - 1]} ${faCount(inMonth(year, month).length)}`),
        where,
      );
    }
    // In 1401, Aban (21 releases) has the tallest bar; Mehr (20) is 20/21 of it.
    const $ = await page("/archive/1401/");
    const height = (month: number) => Number($(`svg a[href="${monthUrl(1401, month)}"] rect.month-chart__bar`).attr("height"));
    assert.ok(Math.abs(height(7) / height(8) - 20 / 21) < 0.01, `${height(7)} / ${height(8)}`);
    // Right to left: Farvardin's bar is right of Esfand's.
    const x = (month: number) => Number($(`svg a[href="${monthUrl(1401, month)}"] rect.month-chart__bar`).attr("x"));
    assert.ok(x(7) > x(8));
  });
});

describe("counties, organizations and tags", () => {
  const terms = {
    counties: new Map<string, { name: string; releases: Fixture[] }>(),
    organizations: new Map<string, { name: string; releases: Fixture[] }>(),
    tags: new Map<string, { name: string; releases: Fixture[] }>(),
  };
  // Slugs keep Persian letters; a space or half-space becomes a hyphen, Arabic ي becomes ی.
  const slug = (name: string) => name.replace(/[\s\u200c]+/g, "-").replace(/ي/g, "ی");
  for (const fixture of sorted) {
    const add = (map: Map<string, { name: string; releases: Fixture[] }>, name: string) => {
      const entry = map.get(slug(name)) ?? { name: name.replace(/ي/g, "ی"), releases: [] };
      entry.releases.push(fixture);
      map.set(slug(name), entry);
    };
    if (fixture.county) add(terms.counties, fixture.county);
    if (fixture.organization) add(terms.organizations, fixture.organization);
    for (const tag of fixture.tags) add(terms.tags, tag);
  }
  const titles = { counties: "خبرهای شهرستان {}", organizations: "خبرهای {}", tags: "خبرهای برچسب «{}»" };
  const headings = { counties: "شهرستان‌ها", organizations: "سازمان‌ها", tags: "برچسب‌ها" };

  for (const section of ["counties", "organizations", "tags"] as const) {
    test(`/${section}/ lists each with its count, and each one's pages list its releases`, async () => {
      const $ = await page(`/${section}/`);
      assert.equal($("h1").text(), headings[section]);
      const listed = $("ul.term-index > li")
        .map((_, item) => ({ href: $(item).find("a").attr("href"), name: $(item).find("a").text(), count: $(item).find(".count").text() }))
        .get();
      const expected = [...terms[section]].map(([key, term]) => ({ href: `/${section}/${key}/`, name: term.name, count: `${faCount(term.releases.length)} خبر` }));
      const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, "fa");
      assert.deepEqual(listed, [...expected].sort(byName));
      for (const [key, term] of terms[section]) await checkArchiveList(`/${section}/${key}/`, term.releases, titles[section].replace("{}", term.name));
    });
  }

  test("edges: tags of 20 and 21 releases have one page each; one tag however it is written", async () => {
    assert.equal(await pageExists("/tags/بیست/"), true);
    assert.equal(await pageExists("/tags/بیست/page/1/"), false);
    assert.equal(newsIds(await page("/tags/بیست-و-یک/")).length, 21);
    assert.equal(await pageExists("/tags/بیست-و-یک/page/1/"), false);
    assert.deepEqual(newsIds(await page("/tags/روابط-عمومی/")), [510002, 510001, 510000]);
    assert.equal((await page("/tags/روابط-عمومی/"))("h1").text(), "خبرهای برچسب «روابط عمومی»");
  });
});

describe("release pages", () => {
  test("breadcrumbs, previous and next in time, and links to type, county, organization and tags on every release", async () => {
    for (const [position, fixture] of sorted.entries()) {
      const $ = await page(`/news/${fixture.id}/`);
      const where = `news/${fixture.id}`;
      const crumbs = $("nav.breadcrumbs[aria-label] ol > li a")
        .map((_, link) => [[$(link).attr("href"), $(link).text()]])
        .get();
      assert.deepEqual(crumbs, [["/", "صفحهٔ اصلی"], [`/archive/${fixture.jy}/`, fa(fixture.jy)], [monthUrl(fixture.jy, fixture.jm), MONTHS[fixture.jm - 1]]], where);

      const nav = $("nav.release-nav[aria-label]");
      const older = sorted[position + 1];
      const newer = sorted[position - 1];
      assert.equal(nav.find('a[rel="prev"]').attr("href"), older && `/news/${older.id}/`, where);
      assert.equal(nav.find('a[rel="next"]').attr("href"), newer && `/news/${newer.id}/`, where);

      const links = $("dl.release__meta a, ul.tags a").map((_, link) => $(link).attr("href")).get();
      const slug = (name: string) => name.replace(/[\s\u200c]+/g, "-").replace(/ي/g, "ی");
      assert.deepEqual(
        links,
        [
          // The fixtures name no type: each is a news release, linked to the list of news.
          "/types/news/",
          ...(fixture.county ? [`/counties/${fixture.county}/`] : []),
          ...(fixture.organization ? [`/organizations/${slug(fixture.organization)}/`] : []),
          ...fixture.tags.map((tag) => `/tags/${slug(tag)}/`),
        ],
        where,
      );

      // Related releases share a tag or the county, at most five, never the release itself.
      const related = $("section.related ul.related__list > li > a").map((_, link) => Number(/\d+/.exec($(link).attr("href") ?? "")?.[0])).get();
      assert.ok(related.length <= 5, where);
      for (const id of related) {
        const other = byId.get(id)!;
        assert.notEqual(id, fixture.id, where);
        assert.ok(other.tags.some((tag) => fixture.tags.map(slug).includes(slug(tag))) || (other.county !== undefined && other.county === fixture.county), `${where}: ${id}`);
      }
    }
  });

  test("related releases: most shared terms first, then the more recent", async () => {
    const $ = await page(`/news/${CLUSTER_TARGET}/`);
    assert.equal($("section.related h2").text(), "خبرهای مرتبط");
    const related = $("section.related ul.related__list > li > a").map((_, link) => $(link).attr("href")).get();
    assert.deepEqual(related, EXPECTED_RELATED.map((id) => `/news/${id}/`));
    // 700007 shares only the county پردیس with 700003.
    assert.deepEqual(
      texts(await page("/news/700007/"), "section.related ul.related__list > li > a"),
      ["خبر 700003"],
    );
  });
});

test("no internal link of the whole built archive leads to a missing page", async () => {
  const { checked, broken } = await findBrokenLinks(site);
  assert.deepEqual(broken, []);
  assert.ok(checked > fixtures.length * 10, `only ${checked} links checked`);
});
