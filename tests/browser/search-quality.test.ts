/**
 * Search in real Chromium, through the /search/ page as a reader uses it, over the fixture
 * releases of tests/fixtures/search (see src/bench/search-quality.ts): every spelling of every
 * query in the table must find every expected release and nothing else; filters, sort,
 * deep links, the result display, keyboard use and the page without JavaScript.
 * `npm run search:quality` prints the same table against plain Pagefind (the "before").
 */
import assert from "node:assert/strict";
import { rm } from "node:fs/promises";
import path from "node:path";
import { test } from "node:test";
import type { Browser, Page } from "playwright-core";
import { launchChromium } from "../../src/bench/chromium.js";
import { skipWithoutChromium, withPage } from "../support/chromium.js";
import {
  formatOutcomes,
  outcomeOf,
  QUERY_TABLE,
  releaseIdOf,
  searchThroughPage,
  SEARCH_FIXTURES,
  summarize,
  waitForSearch,
  type QueryOutcome,
} from "../../src/bench/search-quality.js";
import { serveStatic, type StaticServer } from "../../src/bench/static-server.js";
import { runBuild, temporaryDirectory } from "../support/run.js";

test("search in Chromium, through the /search/ page", { skip: skipWithoutChromium, timeout: 600_000 }, async (t) => {
  const folder = await temporaryDirectory("akhbar-search-");
  let server: StaticServer | undefined;
  let browser: Browser | undefined;
  try {
    const output = path.join(folder, "site");
    const build = await runBuild(SEARCH_FIXTURES, output);
    assert.equal(build.code, 0, `the build failed:\n${build.log}`);
    server = await serveStatic(output);
    browser = await launchChromium();
    const site = server.url;
    const open = browser;

    await t.test("every spelling of every query finds every expected release, and nothing else", () =>
      withPage(open, async (page) => {
        const outcomes: QueryOutcome[] = [];
        for (const { subject, queries, expected } of QUERY_TABLE) {
          for (const query of queries) outcomes.push(outcomeOf(subject, query, expected, await searchThroughPage(page, site, query)));
        }
        const summary = summarize(outcomes);
        t.diagnostic(formatOutcomes("search quality", outcomes));
        assert.deepEqual({ recall: summary.recall, falseHits: summary.falseHits }, { recall: 1, falseHits: 0 }, formatOutcomes("search quality", outcomes));
        assert.equal(summary.expected, 260);
      }),
    );

    await t.test("filters narrow the results, and results come newest first unless relevance is asked for", () =>
      withPage(open, async (page) => {
        const rows: Array<{ address: string; ids: number[]; ordered: boolean }> = [
          { address: "q=بودجه", ids: [900203, 900202, 900201, 900904], ordered: true },
          // An older address's «newest first» is the default now.
          { address: "q=بودجه&sort=date", ids: [900203, 900202, 900201, 900904], ordered: true },
          { address: "q=بودجه&sort=relevance", ids: [900203, 900202, 900201, 900904], ordered: false },
          { address: "q=بودجه&year=1401", ids: [900904], ordered: true },
          { address: "q=بودجه&organization=فرمانداری-شهرستان-شهریار", ids: [900202, 900904], ordered: false },
          { address: "q=روابط+عمومی&county=اسلامشهر", ids: [900302], ordered: true },
          // Filters without words: newest first.
          { address: "tag=روابط-عمومی", ids: [900301], ordered: true },
          { address: "county=ری", ids: [900102, 900912, 900810], ordered: true },
          { address: "county=ری&year=1394", ids: [900810], ordered: true },
        ];
        for (const row of rows) {
          const ids = await resultIds(page, `${site}/search/?${row.address}`);
          if (row.ordered) assert.deepEqual(ids, row.ids, row.address);
          else assert.deepEqual([...ids].sort(), [...row.ids].sort(), row.address);
        }
        // The status says the count over the whole archive, or over the year filtered.
        const statuses: Array<{ address: string; status: string }> = [
          { address: "q=بودجه", status: "۴ خبر برای «بودجه» در همهٔ سال‌ها پیدا شد." },
          { address: "q=بودجه&year=1401", status: "۱ خبر برای «بودجه» در سال ۱۴۰۱ پیدا شد." },
          { address: "county=ری", status: "۳ خبر با این شرایط در همهٔ سال‌ها پیدا شد." },
          { address: "county=ری&year=1394", status: "۱ خبر با این شرایط در سال ۱۳۹۴ پیدا شد." },
          { address: "q=بودجه&year=1390", status: "خبری برای «بودجه» پیدا نشد. املای دیگری را امتحان کنید یا شرط‌ها را بردارید." },
        ];
        for (const row of statuses) {
          await page.goto(`${site}/search/?${row.address}`);
          await waitForSearch(page);
          assert.equal(await page.locator("#search-status").textContent(), row.status, row.address);
        }
      }),
    );

    await t.test("a result shows its title, Jalali date, county and an excerpt with the matched words marked", () =>
      withPage(open, async (page) => {
        const rows: Array<{ address: string; status: string; title: string; href: string; meta: string; marked: string[]; excerpt: RegExp }> = [
          {
            address: "q=روابط+عمومی&county=اسلامشهر",
            status: "۱ خبر برای «روابط عمومی» در همهٔ سال‌ها پیدا شد.",
            title: "تجلیل از خبرنگاران اسلامشهر",
            href: "/news/900302/",
            meta: "۱۵ شهریور ۱۴۰۱، ساعت ۱۱:۳۰ · اسلامشهر",
            marked: ["روابط‌عمومی"],
            excerpt: /^به مناسبت روز خبرنگار، واحد روابط‌عمومی فرمانداری اسلامشهر از خبرنگاران محلی تجلیل کرد\. بیست خبرنگار لوح سپاس گرفتند\.$/,
          },
          {
            // The editor wrote Latin digits: the excerpt shows Persian ones.
            address: "q=۱۴۰۲&county=شهریار",
            status: "۱ خبر برای «۱۴۰۲» در همهٔ سال‌ها پیدا شد.",
            title: "اعتبار تازه برای راه‌های روستایی شهریار",
            href: "/news/900202/",
            meta: "۱۲ خرداد ۱۴۰۲، ساعت ۱۲:۰۰ · شهریار",
            marked: ["۱۴۰۲"],
            excerpt: /^از محل بودجه ۱۴۰۲ اعتبار تکمیل سه محور روستایی شهریار پرداخت شد\./,
          },
          {
            // Arabic yeh and kaf in the text, shown in their Persian forms.
            address: "q=مدير+كل&county=تهران",
            status: "۱ خبر برای «مدير كل» در همهٔ سال‌ها پیدا شد.",
            title: "آغاز به کار سرپرست تازه اداره ثبت اسناد",
            href: "/news/900101/",
            meta: "۳ مهر ۱۴۰۲، ساعت ۰۹:۰۰ · تهران",
            marked: ["مدیر", "کل"],
            excerpt: /^مدیر کل ثبت اسناد و املاک استان/,
          },
          {
            // «مسئولان» and «آموزش» have extra spellings in the index (مسیولان, اموزش): never shown.
            address: "q=آموزش&county=پاکدشت",
            status: "۱ خبر برای «آموزش» در همهٔ سال‌ها پیدا شد.",
            title: "بازگشایی هنرستان پاکدشت",
            href: "/news/900804/",
            meta: "۶ شهریور ۱۳۹۶، ساعت ۰۹:۰۰ · پاکدشت",
            marked: ["آموزش"],
            excerpt: /^هنرستان تازه‌ساز پاکدشت با حضور مسئولان اداره آموزش و پرورش بازگشایی شد\./,
          },
        ];
        for (const row of rows) {
          await page.goto(`${site}/search/?${row.address}`);
          await waitForSearch(page);
          assert.equal(await page.locator("#search-status").textContent(), row.status, row.address);
          const result = page.locator(".search-result");
          assert.equal(await result.count(), 1, row.address);
          assert.equal(await result.locator(".search-result__title a").textContent(), row.title, row.address);
          assert.equal(await result.locator(".search-result__title a").getAttribute("href"), row.href, row.address);
          assert.equal(await result.locator(".search-result__meta").textContent(), row.meta, row.address);
          assert.deepEqual(await result.locator(".search-result__excerpt mark").allTextContents(), row.marked, row.address);
          assert.match((await result.locator(".search-result__excerpt").textContent()) ?? "", row.excerpt, row.address);
          assert.equal(await result.evaluate((element) => getComputedStyle(element).direction), "rtl");
        }
      }),
    );

    await t.test("a result's title and excerpt show the editor's spelling, whatever spelling the query was typed in", () =>
      withPage(open, async (page) => {
        // The index's text keeps harakat, the hamza above and a hamza's seat; only the keys fold them.
        const rows: Array<{ query: string; county: string; title: string; href: string; marked: string[]; excerpt: RegExp }> = [
          ...["توسعه", "توسعۀ", "توسعه ی"].map((query) => ({
            query,
            county: "فیروزکوه",
            title: "سندِ توسعهٔ گردشگری فیروزکوه",
            href: "/news/901031/",
            marked: ["توسعهٔ"],
            excerpt: /^سندِ توسعهٔ گردشگری فیروزکوه با حضور فرماندار رونمایی شد\./,
          })),
          {
            query: "مسئول",
            county: "قدس",
            title: "مسؤول تازه واحد بازرسی قدس",
            href: "/news/901002/",
            marked: ["مسؤول"],
            excerpt: /^مسؤول تازه واحد بازرسی شهرداری قدس کار خود را آغاز کرد\./,
          },
        ];
        for (const row of rows) {
          const address = `q=${encodeURIComponent(row.query)}&county=${encodeURIComponent(row.county)}`;
          await page.goto(`${site}/search/?${address}`);
          await waitForSearch(page);
          const result = page.locator(".search-result");
          assert.equal(await result.count(), 1, row.query);
          const link = result.locator(".search-result__title a");
          assert.equal(await link.getAttribute("href"), row.href, row.query);
          assert.equal(await link.textContent(), row.title, row.query);
          assert.deepEqual(await result.locator(".search-result__excerpt mark").allTextContents(), row.marked, row.query);
          assert.match((await result.locator(".search-result__excerpt").textContent()) ?? "", row.excerpt, row.query);
        }
      }),
    );

    await t.test("what an editor wrote is shown as text; an English release is found and shown left to right", () =>
      withPage(open, async (page) => {
        await page.goto(`${site}/search/?q=${encodeURIComponent("زرافه")}`);
        await waitForSearch(page);
        assert.deepEqual(await currentIds(page), [900990]);
        assert.equal(await page.locator(".search-result__title a").textContent(), `<img src=x onerror="window.hacked=1"> زرافه‌های باغ وحش`);
        assert.match((await page.locator(".search-result__excerpt").textContent()) ?? "", /^<script>window\.hacked = 2<\/script> دو زرافه/);
        assert.equal(await page.locator(".search-result img, .search-result script").count(), 0);
        assert.equal(await page.evaluate(() => (window as unknown as { hacked?: number }).hacked), undefined);

        await page.goto(`${site}/search/?q=giraffes`);
        await waitForSearch(page);
        assert.deepEqual(await currentIds(page), [900991]);
        const title = page.locator(".search-result__title");
        assert.deepEqual(await title.evaluate((element) => ({ lang: (element as HTMLElement).lang, direction: getComputedStyle(element).direction })), { lang: "en", direction: "ltr" });
        assert.equal(await title.textContent(), "Giraffe census at the Tehran zoo");
        // Latin digits stay Latin in an English release; the date is Jalali, in Persian, as on every result.
        assert.equal(await page.locator(".search-result__excerpt").textContent(), "The zoo counted 12 giraffes in 2013, two more than the year before.");
        assert.deepEqual(await page.locator(".search-result__excerpt mark").allTextContents(), ["giraffes"]);
        assert.equal(await page.locator(".search-result__meta").textContent(), "۳ خرداد ۱۳۹۲، ساعت ۱۰:۰۰ · پردیس");

        // The English search page searches the English index: English releases only, at their own address.
        await page.goto(`${site}/en/search/?q=giraffes`);
        await waitForSearch(page);
        assert.equal(await page.locator("html").getAttribute("lang"), "en");
        assert.deepEqual(await page.locator(".search-result__title a").evaluateAll((links) => links.map((link) => link.getAttribute("href"))), ["/en/news/900991/"]);
        await page.goto(`${site}/en/search/?q=${encodeURIComponent("زرافه")}`);
        await waitForSearch(page);
        assert.equal(await page.locator(".search-result").count(), 0, "a Persian release in the English index");
      }),
    );

    await t.test("a deep link opens with its search done, and the address follows the form", () =>
      withPage(open, async (page) => {
        await page.goto(`${site}/search/?q=${encodeURIComponent("بودجه")}&county=${encodeURIComponent("شهریار")}&sort=relevance`);
        await waitForSearch(page);
        assert.equal(await page.locator("#search-query").inputValue(), "بودجه");
        assert.equal(await page.locator("#search-county").inputValue(), "شهریار");
        assert.equal(await page.locator("#search-sort").inputValue(), "relevance");
        assert.equal(await page.locator("details[data-search-options]").getAttribute("open"), "", "the filters the address sets are not shown");
        assert.deepEqual([...(await currentIds(page))].sort(), [900202, 900904]);
        // An older address's `sort=date` is the default order: the address drops it.
        await page.goto(`${site}/search/?q=${encodeURIComponent("بودجه")}&county=${encodeURIComponent("شهریار")}&sort=date`);
        await waitForSearch(page);
        assert.equal(await page.locator("#search-sort").inputValue(), "");
        assert.equal(new URL(page.url()).searchParams.has("sort"), false);
        assert.deepEqual(await currentIds(page), [900202, 900904]);
        await page.locator("#search-sort").selectOption("relevance");
        await page.waitForFunction(() => new URL(location.href).searchParams.get("sort") === "relevance");

        await page.locator("#search-query").fill("روابط عمومی");
        await page.waitForFunction(() => new URL(location.href).searchParams.get("q") === "روابط عمومی");
        await page.locator("#search-county").selectOption("اسلامشهر");
        await page.waitForFunction(() => new URL(location.href).searchParams.get("county") === "اسلامشهر");
        await waitForSearch(page);
        assert.deepEqual(await currentIds(page), [900302]);
        await page.locator("#search-sort").selectOption("");
        await page.waitForFunction(() => !new URL(location.href).searchParams.has("sort"));
        const address = new URL(page.url());
        assert.deepEqual([...address.searchParams.entries()], [["q", "روابط عمومی"], ["county", "اسلامشهر"]]);
        assert.equal(address.pathname, "/search/");

        // The address is the search: opening it again gives the same page.
        await page.goto(address.href);
        await waitForSearch(page);
        assert.equal(await page.locator("#search-query").inputValue(), "روابط عمومی");
        assert.deepEqual(await currentIds(page), [900302]);

        // A tag that the list does not offer still filters, under its own name.
        await page.goto(`${site}/search/?tag=${encodeURIComponent("برچسب-ناشناخته")}`);
        await waitForSearch(page);
        assert.equal(await page.locator("#search-tag").inputValue(), "برچسب-ناشناخته");
        assert.equal(await page.locator("#search-tag option:checked").textContent(), "برچسب ناشناخته");
        assert.equal(await page.locator("#search-status").textContent(), "خبری با این شرایط پیدا نشد.");
      }),
    );

    await t.test("by keyboard: skip link, then the box, Enter searches, Tab reaches the results, «more» moves focus to the new ones", () =>
      withPage(open, async (page) => {
        await page.goto(`${site}/search/`);
        await page.locator("form[data-search-form]").waitFor({ state: "visible" });
        // Nothing takes the focus on arrival: the skip link is the first stop, and the box the first in the content.
        await page.keyboard.press("Tab");
        assert.equal(await page.evaluate(() => document.activeElement?.getAttribute("href")), "#main");
        await page.keyboard.press("Enter");
        await page.keyboard.press("Tab");
        assert.equal(await page.evaluate(() => document.activeElement?.id), "search-query");
        assert.equal(await page.locator("#search-county").isVisible(), false, "the filters are not folded away");
        await page.keyboard.type("بودجه");
        await page.keyboard.press("Enter");
        await waitForSearch(page);
        assert.equal(await page.locator("#search-status").textContent(), "۴ خبر برای «بودجه» در همهٔ سال‌ها پیدا شد.");
        let reached = "";
        for (let press = 0; press < 12 && !reached.startsWith("/news/"); press++) {
          await page.keyboard.press("Tab");
          reached = await page.evaluate(() => document.activeElement?.getAttribute("href") ?? "");
        }
        assert.match(reached, /^\/news\/\d+\/$/);

        // Eleven releases in Tehran, counted over the whole archive at once: the newest years fill
        // a page with ten, the oldest year has the eleventh; then ten shown, and one more.
        await page.goto(`${site}/search/?county=${encodeURIComponent("تهران")}`);
        await waitForSearch(page);
        assert.equal(await page.locator("#search-status").textContent(), "۱۱ خبر با این شرایط در همهٔ سال‌ها پیدا شد.");
        assert.equal(await page.locator(".search-result").count(), 10);
        await page.locator("#search-more").focus();
        await page.keyboard.press("Enter");
        await page.waitForFunction(() => document.querySelectorAll(".search-result").length === 11);
        assert.equal(await page.locator("#search-more").isVisible(), false);
        const eleventh = await page.locator(".search-result").nth(10).locator("a").getAttribute("href");
        assert.equal(await page.evaluate(() => document.activeElement?.getAttribute("href")), eleventh);
      }),
    );

    await t.test("the header's search box lands on the results", () =>
      withPage(open, async (page) => {
        await page.goto(`${site}/`);
        await page.locator("#site-search-query").fill("می شود");
        await page.locator("#site-search-query").press("Enter");
        await page.waitForURL((url) => url.pathname === "/search/");
        await waitForSearch(page);
        assert.deepEqual([...(await currentIds(page))].sort(), [900401, 900402, 900403]);
      }),
    );

    await t.test("without JavaScript the page says search needs it and links to the archive", () =>
      withPage(
        open,
        async (page) => {
          await page.goto(`${site}/search/?q=${encodeURIComponent("بودجه")}`);
          assert.equal(await page.locator("form[data-search-form]").isVisible(), false);
          const notice = page.locator("main .notice");
          assert.match((await notice.textContent()) ?? "", /جستجو در این صفحه به جاوااسکریپت نیاز دارد/);
          assert.deepEqual(await notice.locator("a").evaluateAll((links) => links.map((link) => link.getAttribute("href"))), ["/", "/archive/"]);
        },
        { javaScriptEnabled: false },
      ),
    );
  } finally {
    await browser?.close();
    await server?.close();
    await rm(folder, { recursive: true, force: true });
  }
});

async function currentIds(page: Page): Promise<number[]> {
  const hrefs = await page.locator(".search-result__title a").evaluateAll((links) => links.map((link) => link.getAttribute("href") ?? ""));
  return hrefs.map(releaseIdOf);
}

async function resultIds(page: Page, address: string): Promise<number[]> {
  await page.goto(address);
  await waitForSearch(page);
  return currentIds(page);
}
