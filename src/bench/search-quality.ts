/**
 * The search-quality suite's query table and how it is run, shared by
 * tests/browser/search-quality.test.ts (the search as built, through the /search/?q= page) and
 * scripts/search-quality.ts (which also measures plain Pagefind, the "before" figure).
 *
 * The fixture releases (tests/fixtures/search/releases/) write each subject in several
 * spellings: Arabic ي/ك, three digit scripts, a compound with a half-space, a space or
 * joined, verb prefixes and plural and superlative suffixes three ways, hamza and teh marbuta
 * forms, harakat and tatweel. Other releases hold each word of a two-word query on its own,
 * as a real archive would: Pagefind drops a query word it cannot find (upstream issue #329)
 * and falls back to a shorter word that begins the query word, so without them a tiny site
 * would fake hits. Release 90090x are those distractors.
 *
 * Releases 9010xx are the spellings of issue 23: a hamza on each of its seats or none, a
 * doubled و, ة inside a compound, the ezafe after a final ه, «می» the month beside numbers,
 * letters against digits, a compound the archive never writes with a half-space
 * («سرمایه گذاری»), and one it writes so in 1391 only while a release of 1404, another
 * shard, writes it spaced («دانش‌بنیان»: the lexicon is the whole archive's, not a shard's).
 * 90109x are their distractors: words that begin as a query word does («مسیر», «هیچ»,
 * «طاقچه», «خانم») and each word of a two-word query alone («کووید», «۱۹», «سرمایه»,
 * «نام‌گذاری», «بنیان», «آیه‌ها», «الله»).
 */
import path from "node:path";
import type { Page } from "playwright-core";
import * as pagefind from "pagefind";

export const SEARCH_FIXTURES = "tests/fixtures/search";

export interface QueryCase {
  subject: string;
  /** Every spelling a reader might type. */
  queries: string[];
  /** The releases every one of them must find, and nothing else. */
  expected: number[];
}

export const QUERY_TABLE: readonly QueryCase[] = [
  { subject: "Arabic ي/ك, harakat", queries: ["مدیر کل", "مدير كل", "مدیر كل", "مُدیر کُل"], expected: [900101, 900102, 900103] },
  { subject: "digit scripts", queries: ["۱۴۰۲", "1402", "١٤٠٢"], expected: [900201, 900202, 900203, 900204] },
  { subject: "digit scripts with a word", queries: ["بودجه ۱۴۰۲", "بودجه 1402", "بودجه ١٤٠٢"], expected: [900201, 900202, 900203] },
  { subject: "compound: half-space, space, joined", queries: ["روابط‌عمومی", "روابط عمومی", "روابطعمومی", "روابط عمومي"], expected: [900301, 900302, 900303, 900304] },
  { subject: "compound with ‌ها", queries: ["روابط‌عمومی‌ها", "روابط عمومی ها", "روابطعمومیها"], expected: [900304] },
  { subject: "prefix می‌", queries: ["می‌شود", "میشود", "می شود"], expected: [900401, 900402, 900403] },
  { subject: "prefix نمی‌", queries: ["نمی‌توان", "نمیتوان", "نمی توان"], expected: [900501, 900502, 900503] },
  { subject: "suffix ‌ترین", queries: ["بزرگ‌ترین", "بزرگترین", "بزرگ ترین"], expected: [900601, 900602, 900603] },
  { subject: "suffix ‌ها", queries: ["بخشداری‌ها", "بخشداریها", "بخشداری ها"], expected: [900701, 900702, 900703] },
  { subject: "yeh with hamza, Arabic letters", queries: ["رئیس کتابخانه", "رییس کتابخانه", "رئيس كتابخانه"], expected: [900801, 900802, 900803] },
  { subject: "alef with madda", queries: ["آموزش", "اموزش"], expected: [900804, 900805] },
  { subject: "heh with yeh, teh marbuta", queries: ["مدرسه", "مدرسۀ", "مدرسهٔ", "مدرسة"], expected: [900806, 900807, 900808] },
  { subject: "harakat, tatweel, Arabic yeh", queries: ["مدیریت بحران", "مُدیریّت بحران", "مديـريت بحران"], expected: [900809, 900810, 900811] },
  // 900804 writes «مسئولان»: a query word finds the words it begins.
  { subject: "hamza: ئ before و, ؤ, none", queries: ["مسئول", "مسؤول", "مسوول"], expected: [900804, 901001, 901002, 901003] },
  { subject: "hamza: ئ between letters, أ, none", queries: ["هیئت", "هیأت", "هیات"], expected: [900912, 901004, 901005, 901006] },
  { subject: "hamza: ئ before ی, none", queries: ["رئیس شورا", "رییس شورا", "رئيس شورا"], expected: [901007, 901008] },
  { subject: "hamza: ئ and أ before ل, none", queries: ["مسئله", "مسأله", "مساله"], expected: [901009, 901010, 901011] },
  { subject: "a doubled و", queries: ["طاووس", "طاوس"], expected: [901012, 901013] },
  { subject: "ة before a half-space and a letter", queries: ["آیت‌الله", "آیة‌الله", "آیت الله", "آیتالله", "آیةالله"], expected: [901014, 901015, 901016] },
  { subject: "the ezafe after a final ه", queries: ["خانه", "خانه‌ی", "خانهٔ", "خانۀ", "خانه ی", "خانة"], expected: [901017, 901018, 901019, 901020, 901021] },
  { subject: "«می» the month: the year after it", queries: ["۲۰۲۳", "2023", "٢٠٢٣"], expected: [901022, 901023] },
  { subject: "«می» the month: the date", queries: ["۱۷ می ۲۰۲۳", "17 می 2023", "۱۷ مي ۲۰۲۳"], expected: [901022] },
  { subject: "letters against digits, a hyphen or slash", queries: ["کووید-۱۹", "کووید ۱۹", "کووید۱۹", "کووید-19", "کووید19", "کووید/۱۹", "کوید ۱۹"], expected: [901024, 901025, 901026] },
  { subject: "a compound no release writes with a half-space", queries: ["سرمایه‌گذاری", "سرمایه گذاری"], expected: [901027, 901028] },
  { subject: "a compound written with a half-space in another year", queries: ["دانش‌بنیان", "دانش بنیان", "دانشبنیان"], expected: [901029, 901030] },
  { subject: "hamza above, ezafe", queries: ["توسعه", "توسعهٔ", "توسعۀ", "توسعه‌ی", "توسعه ی"], expected: [901031, 901032] },
];

export interface QueryOutcome {
  subject: string;
  query: string;
  expected: number[];
  found: number[];
  missed: number[];
  falseHits: number[];
}

export interface QualitySummary {
  queries: number;
  /** Expected (query, release) pairs, and how many were found. */
  expected: number;
  found: number;
  recall: number;
  falseHits: number;
}

export function releaseIdOf(href: string): number {
  const match = /\/news\/(\d+)\/$/.exec(new URL(href, "http://localhost").pathname);
  if (!match) throw new Error(`a search result links to ${href}, not to a release`);
  return Number(match[1]);
}

export function outcomeOf(subject: string, query: string, expected: readonly number[], found: readonly number[]): QueryOutcome {
  return {
    subject,
    query,
    expected: [...expected],
    found: [...found],
    missed: expected.filter((id) => !found.includes(id)),
    falseHits: found.filter((id) => !expected.includes(id)),
  };
}

export function summarize(outcomes: readonly QueryOutcome[]): QualitySummary {
  const expected = outcomes.reduce((sum, outcome) => sum + outcome.expected.length, 0);
  const missed = outcomes.reduce((sum, outcome) => sum + outcome.missed.length, 0);
  return {
    queries: outcomes.length,
    expected,
    found: expected - missed,
    recall: expected === 0 ? 1 : (expected - missed) / expected,
    falseHits: outcomes.reduce((sum, outcome) => sum + outcome.falseHits.length, 0),
  };
}

/** Waits until the search page has shown the outcome of its search (results or a message). */
export async function waitForSearch(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      const status = document.getElementById("search-status");
      const list = document.getElementById("search-results");
      return Boolean(status?.textContent) && !list?.hasAttribute("aria-busy");
    },
    null,
    { timeout: 20_000 },
  );
}

/**
 * The releases a reader finds by opening /search/?q=…: every result, over the whole archive
 * (the page searches every shard that holds one), "more results" pressed until the end.
 */
export async function searchThroughPage(page: Page, site: string, query: string): Promise<number[]> {
  await page.goto(`${site}/search/?q=${encodeURIComponent(query)}`, { waitUntil: "load" });
  return everyResult(page);
}

/** Every release the search page just opened finds, in order: every «more» pressed. */
export async function everyResult(page: Page): Promise<number[]> {
  await waitForSearch(page);
  const more = page.locator("#search-more");
  while (await more.isVisible()) {
    const count = await page.locator(".search-result").count();
    await more.click();
    // Ten more, or none when the directory counted more than the shards gave (the button then goes).
    await page.waitForFunction((before) => document.querySelectorAll(".search-result").length > before || document.getElementById("search-more")?.hidden === true, count);
    await waitForSearch(page);
  }
  const hrefs = await page.locator(".search-result__title a").evaluateAll((links) => links.map((link) => link.getAttribute("href") ?? ""));
  return hrefs.map(releaseIdOf);
}

/**
 * The "before" figure: plain Pagefind as the site had it before this search (the published
 * pages indexed as they are, the query searched as typed), at `/pagefind-plain/`.
 */
export async function buildPlainIndex(siteDir: string): Promise<void> {
  const created = await pagefind.createIndex({});
  const index = created.index;
  if (!index) throw new Error(`Pagefind could not start: ${created.errors.join("; ")}`);
  try {
    const added = await index.addDirectory({ path: siteDir, glob: "news/**/*.html" });
    if (added.errors.length > 0 || added.page_count === 0) throw new Error(`Pagefind could not index ${siteDir}: ${added.errors.join("; ")}`);
    const written = await index.writeFiles({ outputPath: path.join(siteDir, "pagefind-plain") });
    if (written.errors.length > 0) throw new Error(written.errors.join("; "));
  } finally {
    await index.deleteIndex();
  }
}

export async function searchPlainPagefind(page: Page, site: string, query: string): Promise<number[]> {
  if (!page.url().startsWith(`${site}/search/`)) await page.goto(`${site}/search/`, { waitUntil: "load" });
  const hrefs = await page.evaluate(
    async ({ term, bundle }) => {
      const plain = await import(bundle);
      const search = await plain.search(term);
      const results = await Promise.all(search.results.map((result: { data(): Promise<{ url: string }> }) => result.data()));
      return results.map((data) => data.url);
    },
    { term: query, bundle: "/pagefind-plain/pagefind.js" },
  );
  return hrefs.map(releaseIdOf);
}

export function formatOutcomes(label: string, outcomes: readonly QueryOutcome[]): string {
  const summary = summarize(outcomes);
  const lines = outcomes
    .filter((outcome) => outcome.missed.length > 0 || outcome.falseHits.length > 0)
    .map((outcome) => `  «${outcome.query}» (${outcome.subject}): missed ${JSON.stringify(outcome.missed)}, false hits ${JSON.stringify(outcome.falseHits)}`);
  return [
    `${label}: recall ${summary.found}/${summary.expected} (${(summary.recall * 100).toFixed(1)}%), false hits ${summary.falseHits}, over ${summary.queries} queries`,
    ...lines,
  ].join("\n");
}
