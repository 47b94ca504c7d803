/**
 * The built site in a real browser: the sample archive is built with the production build,
 * served over HTTP and opened in Chromium (Debian's package, driven by playwright-core).
 * Checks what only a browser shows: text direction, the web font, and the search page running
 * Pagefind's WebAssembly (tests/browser/search-quality.test.ts tests search itself). Any script error or console error fails the test.
 *
 * Without Chromium at CHROMIUM_PATH (default /usr/bin/chromium) the test is skipped on a
 * developer machine and fails on CI (CI=true), so that CI never passes without it.
 */
import assert from "node:assert/strict";
import { rm } from "node:fs/promises";
import path from "node:path";
import { test } from "node:test";
import type { Browser, Page } from "playwright-core";
import { serveStatic, type StaticServer } from "../../src/bench/static-server.js";
import { runBuild, temporaryDirectory } from "../support/run.js";
import { CHROMIUM_PATH, chromiumMissing, launchChromium } from "../../src/bench/chromium.js";
import { skipWithoutChromium, withPage } from "../support/chromium.js";

/** A word that occurs in seed release 149840 and in no other release. */
const UNIQUE_WORD = "کهریزک";
const WAIT = { timeout: 20_000 };

test("the built site in Chromium", { skip: skipWithoutChromium, timeout: 300_000 }, async (t) => {
  assert.ok(!chromiumMissing, `CI=true and Chromium is missing at ${CHROMIUM_PATH}: install it with \`apt-get install -y chromium\``);

  const folder = await temporaryDirectory("akhbar-browser-");
  let server: StaticServer | undefined;
  let browser: Browser | undefined;
  try {
    const output = path.join(folder, "site");
    const build = await runBuild("content", output);
    assert.equal(build.code, 0, `the build failed:\n${build.log}`);

    server = await serveStatic(output);
    browser = await launchChromium();
    const site = server.url;
    const open = browser;

    await t.test("a Persian release is right to left, in Vazirmatn", () =>
      withPage(open, async (page) => {
        await goto(page, `${site}/news/149840/`);
        assert.equal(await page.evaluate<string>("document.documentElement.dir"), "rtl");
        assert.equal(await page.evaluate<string>("document.documentElement.lang"), "fa");
        assert.equal(await page.evaluate<string>("getComputedStyle(document.body).direction"), "rtl");
        const heading = await page.locator("h1").textContent();
        assert.ok(heading?.includes(UNIQUE_WORD), `the heading is «${heading}»`);

        // The font files are served as fonts, and the browser loaded the regular face for the text.
        const fetched = await page.evaluate<{ status: number; type: string | null; bytes: number }>(`
          fetch(document.querySelector('link[rel="preload"][as="font"]').href).then(async (response) => ({
            status: response.status,
            type: response.headers.get("content-type"),
            bytes: (await response.arrayBuffer()).byteLength,
          }))`);
        assert.deepEqual({ status: fetched.status, type: fetched.type }, { status: 200, type: "font/woff2" });
        assert.ok(fetched.bytes > 10_000, `the font file has only ${fetched.bytes} bytes`);
        const faces = await page.evaluate<Array<{ family: string; weight: string; status: string }>>(`
          document.fonts.ready.then((fonts) =>
            [...fonts].map((face) => ({ family: face.family.replace(/["']/g, ""), weight: face.weight, status: face.status })))`);
        assert.ok(
          faces.some((face) => face.family === "Vazirmatn" && face.weight === "400" && face.status === "loaded"),
          `Vazirmatn regular was not loaded: ${JSON.stringify(faces)}`,
        );

        // And the heading's Persian glyphs were drawn with it, not with a system font.
        const cdp = await page.context().newCDPSession(page);
        const { root } = await cdp.send("DOM.getDocument");
        await cdp.send("CSS.enable");
        const { nodeId } = await cdp.send("DOM.querySelector", { nodeId: root.nodeId, selector: "h1" });
        const { fonts } = await cdp.send("CSS.getPlatformFontsForNode", { nodeId });
        assert.ok(
          fonts.some((font) => font.isCustomFont && /vazirmatn/i.test(font.familyName) && font.glyphCount > 0),
          `the heading was not drawn in Vazirmatn: ${JSON.stringify(fonts)}`,
        );
      }),
    );

    await t.test("an English release is left to right", () =>
      withPage(open, async (page) => {
        await goto(page, `${site}/en/news/133120/`);
        assert.equal(await page.evaluate<string>("document.documentElement.dir"), "ltr");
        assert.equal(await page.evaluate<string>("document.documentElement.lang"), "en");
        assert.equal(await page.evaluate<string>("getComputedStyle(document.body).direction"), "ltr");
      }),
    );

    await t.test("old addresses lead on to the release: /News/<id>/ and an English release's /news/<id>/", () =>
      withPage(open, async (page) => {
        for (const [from, to] of [["/News/149840/", "/news/149840/"], ["/news/133120/", "/en/news/133120/"], ["/News/133120/", "/en/news/133120/"]] as const) {
          await page.goto(`${site}${from}`);
          await page.waitForURL(`${site}${to}`, WAIT);
          assert.equal(await page.locator("h1").count(), 1, from);
        }
      }),
    );

    await t.test("typing a word into the search page finds its release", () =>
      withPage(open, async (page) => {
        await goto(page, `${site}/search/`);
        const input = page.locator("#search-query");
        await input.waitFor(WAIT);
        await input.pressSequentially(UNIQUE_WORD);
        const paths = await resultPaths(page, site);
        assert.ok(paths.includes("/news/149840/"), `the results link to ${JSON.stringify(paths)}`);
      }),
    );

    await t.test("/search/?q= shows the results without typing", () =>
      withPage(open, async (page) => {
        await goto(page, `${site}/search/?q=${encodeURIComponent(UNIQUE_WORD)}`);
        const paths = await resultPaths(page, site);
        assert.ok(paths.includes("/news/149840/"), `the results link to ${JSON.stringify(paths)}`);
        assert.equal(await page.locator("#search-query").inputValue(), UNIQUE_WORD);
      }),
    );
  } finally {
    await browser?.close();
    await server?.close();
    await rm(folder, { recursive: true, force: true });
  }
});

async function goto(page: Page, url: string): Promise<void> {
  const response = await page.goto(url, { waitUntil: "load" });
  assert.equal(response?.status(), 200, `${url} answered ${response?.status()}`);
}

/** Waits for the search results and returns the paths they link to. */
async function resultPaths(page: Page, site: string): Promise<string[]> {
  const links = page.locator(".search-result .search-result__title a");
  await page.locator(".search-result").first().waitFor(WAIT);
  const paths: string[] = [];
  for (const link of await links.all()) {
    const href = await link.getAttribute("href");
    paths.push(new URL(href ?? "", site).pathname);
  }
  return paths;
}
