/**
 * The shipping gates that need a browser, in Chromium (Debian's, driven by playwright-core),
 * over the sample archive plus the hostile releases (tests/fixtures/hostile), built for and
 * served under a path prefix by a host that sends the site's `_headers` (CSP included):
 *
 * - accessibility: axe-core finds no WCAG 2.1 A/AA violation on any page variant (one page
 *   of each structure the site has, tests/support/ship.ts), in light and dark mode, nor on
 *   the search page showing results; skip link, landmarks, a visible focus on every tab
 *   stop, and the search used with the keyboard alone;
 * - security: every page of the site opens with no dialog, no console error and no script
 *   from content run (window.__pwned stays unset): under the CSP, and again with the CSP
 *   switched off, so that escaping alone is tested too; the search runs under the CSP and
 *   shows hostile releases as text;
 * - no JavaScript needed to read a release, whose header search box works as a plain form.
 *
 * Without Chromium at CHROMIUM_PATH (default /usr/bin/chromium) the test is skipped on a
 * developer machine and fails on CI (CI=true), as tests/browser/browser.test.ts does.
 */
import assert from "node:assert/strict";
import { readFile, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { test } from "node:test";
import type { Browser, BrowserContextOptions, Page } from "playwright-core";
import { launchChromium } from "../../src/bench/chromium.js";
import { skipWithoutChromium, withPage as withSharedPage } from "../support/chromium.js";
import { contentSecurityPolicy } from "../../src/render/security-policy.js";
import { isReaderPage, listFiles, loadPage } from "../support/html.js";
import { BUILD_ENV, HOSTILE_WORD, hostileReleases, isRedirectPage, pageVariants, PREFIX, prepareContent, urlOfFile } from "../support/ship.js";
import { serveStatic, type StaticServer } from "../../src/bench/static-server.js";
import { runBuild, temporaryDirectory } from "../support/run.js";


/** WCAG 2.0 and 2.1, levels A and AA: axe-core's tags for them. */
const WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];
/** Landmark and heading rules axe files under best practice: the structure screen-reader users move by. */
const STRUCTURE_RULES = ["region", "landmark-one-main", "landmark-no-duplicate-banner", "landmark-no-duplicate-contentinfo", "landmark-no-duplicate-main", "landmark-unique", "page-has-heading-one"];
/** A word of sample release 149840 alone. */
const SAMPLE_WORD = "کهریزک";
const SAMPLE_RELEASE = "/news/149840/";
const WAIT = { timeout: 20_000 };
const MAX_TAB_STOPS = 80;
/** Every payload of the hostile releases that runs sets it. */
const PWNED = "window.__pwned";

const axeSource = await readFile(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

test("shipping gates in Chromium: accessibility, security, no JavaScript needed", { skip: skipWithoutChromium, timeout: 900_000 }, async (t) => {

  const work = await temporaryDirectory("akhbar-gates-");
  let server: StaticServer | undefined;
  let browser: Browser | undefined;
  try {
    const site = path.join(work, "site");
    const build = await runBuild(await prepareContent(work), site, BUILD_ENV);
    assert.equal(build.code, 0, `the build failed:\n${build.log}`);
    server = await serveStatic(site, { pathPrefix: PREFIX, headersFile: true });
    browser = await launchChromium();
    const open = browser;
    /** The address of a page, from its root-relative address without the prefix. */
    const at = (url: string) => `${server!.url}${PREFIX.slice(0, -1)}${url}`;

    // The browser's editor (admin/) is no reader's page: its own test opens it, under its own policy (tests/browser/admin.test.ts).
    const files = (await listFiles(site)).filter((file) => file.endsWith(".html") && isReaderPage(file));
    const redirects = new Map<string, string>();
    for (const file of files) {
      const $ = await loadPage(site, file);
      if (isRedirectPage($)) redirects.set(file, /url=(.*)$/.exec($('meta[http-equiv="refresh"]').attr("content") ?? "")![1]!);
    }
    const variants = (await pageVariants(site)).map((variant) => variant.file);
    const readable = variants.filter((file) => !redirects.has(file));
    const hostile = await hostileReleases();
    t.diagnostic(`${files.length} pages, ${variants.length} page variants: ${variants.join(", ")}`);

    await t.test("the host sends the site's Content-Security-Policy with every page, as _headers says", async () => {
      const response = await fetch(at(SAMPLE_RELEASE));
      assert.equal(response.status, 200);
      assert.equal(response.headers.get("content-security-policy"), contentSecurityPolicy("header"));
    });

    await t.test("axe-core: no WCAG 2.1 AA violation on any page variant, in light and in dark mode; landmarks and an h1 on each", async () => {
      const violations: string[] = [];
      for (const colorScheme of ["light", "dark"] as const) {
        await withPage(open, { colorScheme, axe: true }, async (page) => {
          for (const file of variants) {
            const target = redirects.get(file);
            if (target) {
              // A redirect page is read before it leaves: its refresh is answered "204 No
              // Content", on which a browser stays on the page it has.
              await page.route(`${server!.url}${target}`, (route) => route.fulfill({ status: 204 }));
              const stopped = page.waitForResponse(`${server!.url}${target}`, WAIT);
              await goto(page, at(urlOfFile(file)));
              await stopped;
              assert.equal(page.url(), at(urlOfFile(file)), file);
              await page.unroute(`${server!.url}${target}`);
            } else {
              await goto(page, at(urlOfFile(file)));
              await page.waitForLoadState("networkidle");
            }
            // Landmarks and headings do not change with the colours: checked once, in light mode.
            const extra = colorScheme === "light" && !target ? STRUCTURE_RULES : [];
            violations.push(...(await axeViolations(page, extra)).map((violation) => `${file} (${colorScheme}): ${violation}`));
          }
        });
      }
      assert.deepEqual(violations, []);
      t.diagnostic(`axe-core: ${variants.length} page variants × light and dark, no violation`);
    });

    await t.test("axe-core: the search page showing results has no violation either, light and dark", async () => {
      for (const colorScheme of ["light", "dark"] as const) {
        await withPage(open, { colorScheme, axe: true }, async (page) => {
          await goto(page, at(`/search/?q=${encodeURIComponent(SAMPLE_WORD)}`));
          await resultLink(page, SAMPLE_RELEASE).waitFor(WAIT);
          await page.waitForLoadState("networkidle");
          assert.deepEqual(await axeViolations(page), [], colorScheme);
        });
      }
    });

    await t.test("landmarks (one banner, main and contentinfo, a named navigation); the skip link: first tab stop, seen when focused, focus to main", async () => {
      await withPage(open, {}, async (page) => {
        for (const file of readable) {
          await goto(page, at(urlOfFile(file)));
          const landmarks = await page.evaluate(`({
            banner: document.querySelectorAll("body > header, [role=banner]").length,
            main: document.querySelectorAll("main, [role=main]").length,
            contentinfo: document.querySelectorAll("body > footer, [role=contentinfo]").length,
            namedNavigation: [...document.querySelectorAll("nav")].filter((nav) => nav.getAttribute("aria-label") || nav.getAttribute("aria-labelledby")).length > 0,
          })`);
          assert.deepEqual(landmarks, { banner: 1, main: 1, contentinfo: 1, namedNavigation: true }, file);
          await page.keyboard.press("Tab");
          const first = await page.evaluate(`(() => {
            const element = document.activeElement;
            const box = element.getBoundingClientRect();
            return { href: element.getAttribute("href"), onScreen: box.width > 0 && box.bottom > 0 && box.top < innerHeight };
          })()`);
          assert.deepEqual(first, { href: "#main", onScreen: true }, file);
          await page.keyboard.press("Enter");
          assert.equal(await page.evaluate("document.activeElement?.tagName"), "MAIN", file);
        }
      });
    });

    await t.test("every tab stop of every page variant shows that it has the focus", async () => {
      let stops = 0;
      await withPage(open, {}, async (page) => {
        const invisible: string[] = [];
        for (const file of readable) {
          await goto(page, at(urlOfFile(file)));
          await page.waitForLoadState("networkidle");
          const seen = new Set<string>();
          for (let stop = 0; stop < MAX_TAB_STOPS; stop++) {
            await page.keyboard.press("Tab");
            const focused = await page.evaluate<{ key: string; description: string } | undefined>(`(() => {
              const element = document.activeElement;
              if (!element || element === document.body) return undefined;
              const path = [];
              for (let node = element; node && node !== document.body; node = node.parentElement) {
                path.unshift(node.tagName + ":" + [...(node.parentElement?.children ?? [])].indexOf(node));
              }
              const href = element.getAttribute("href");
              return { key: path.join("/"), description: "<" + element.tagName.toLowerCase() + (href ? " href=" + href : "") + "> " + (element.textContent ?? "").trim().slice(0, 30) };
            })()`);
            if (!focused || seen.has(focused.key)) break;
            seen.add(focused.key);
            if (!(await focusIsVisible(page))) invisible.push(`${file}: ${focused.description}`);
          }
          assert.ok(seen.size >= 5, `${file}: only ${seen.size} tab stops`);
          stops += seen.size;
        }
        assert.deepEqual(invisible, []);
      });
      t.diagnostic(`visible focus: ${stops} tab stops over ${readable.length} pages`);
    });

    await t.test("the search with the keyboard alone: header box, Enter, Tab to a result, Enter", async () => {
      await withPage(open, {}, async (page) => {
        await goto(page, at("/"));
        await tabTo(page, `element.getAttribute("name") === "q"`);
        await page.keyboard.type(SAMPLE_WORD);
        await page.keyboard.press("Enter");
        await page.waitForURL((url) => url.pathname === `${PREFIX}search/` && url.searchParams.get("q") === SAMPLE_WORD, WAIT);
        await resultLink(page, SAMPLE_RELEASE).waitFor(WAIT);
        await tabTo(page, `(element.getAttribute("href") ?? "").endsWith(${JSON.stringify(SAMPLE_RELEASE)})`);
        await page.keyboard.press("Enter");
        await page.waitForURL((url) => url.pathname === `${PREFIX}${SAMPLE_RELEASE.slice(1)}`, WAIT);
        assert.ok((await page.locator("h1").textContent())?.includes(SAMPLE_WORD));
      });
    });

    await t.test("the search page's own box with the keyboard alone: Tab to it, type, Tab to a result, Enter", async () => {
      await withPage(open, {}, async (page) => {
        await goto(page, at("/search/"));
        await page.waitForLoadState("networkidle");
        await tabTo(page, `element.tagName === "INPUT" && element.closest("main") !== null`);
        await page.keyboard.type(SAMPLE_WORD);
        await resultLink(page, SAMPLE_RELEASE).waitFor(WAIT);
        await tabTo(page, `(element.getAttribute("href") ?? "").endsWith(${JSON.stringify(SAMPLE_RELEASE)})`);
        await page.keyboard.press("Enter");
        await page.waitForURL((url) => url.pathname === `${PREFIX}${SAMPLE_RELEASE.slice(1)}`, WAIT);
      });
    });

    for (const [mode, options] of [
      ["under the CSP", {}],
      ["with the CSP switched off (escaping alone)", { bypassCSP: true }],
    ] as const) {
      await t.test(`every page ${mode}: no dialog, no console error, no script from content run`, async () => {
        await withPage(open, options, async (page) => {
          for (const file of files) {
            await goto(page, at(urlOfFile(file)));
            const target = redirects.get(file);
            if (target) await page.waitForURL(`${server!.url}${target}`, WAIT);
            assert.equal(await page.evaluate(PWNED), undefined, file);
          }
        });
      });

      await t.test(`the search ${mode}: hostile releases found and shown as text, nothing run`, async () => {
        await withPage(open, options, async (page) => {
          await goto(page, at(`/search/?q=${encodeURIComponent(HOSTILE_WORD)}`));
          for (const release of hostile.filter((candidate) => candidate.title.includes(HOSTILE_WORD) || candidate.id === 910002)) {
            await resultLink(page, release.url).waitFor(WAIT);
          }
          await page.waitForLoadState("networkidle");
          assert.equal(await page.evaluate(PWNED), undefined);
          const text = await page.locator("main").innerText();
          assert.ok(text.includes("<script>"), "the hostile title and text are shown as text");
        });
      });
    }

    await t.test("without JavaScript a release page reads whole, and its header search box takes the query to the search page", async () => {
      await withPage(open, { javaScriptEnabled: false }, async (page) => {
        await goto(page, at(SAMPLE_RELEASE));
        assert.ok((await page.locator("h1").textContent())?.includes(SAMPLE_WORD));
        assert.ok((await page.locator("main p").count()) >= 3);
        await page.locator('header input[name="q"]').fill(SAMPLE_WORD);
        await page.keyboard.press("Enter");
        await page.waitForURL((url) => url.pathname === `${PREFIX}search/` && url.searchParams.get("q") === SAMPLE_WORD, WAIT);
      });
    });
  } finally {
    await browser?.close();
    await server?.close();
    await rm(work, { recursive: true, force: true });
  }
});

/** The shared page runner (tests/support/chromium.ts), with axe-core in every page when asked. */
function withPage(browser: Browser, { axe = false, ...options }: BrowserContextOptions & { axe?: boolean }, check: (page: Page) => Promise<void>): Promise<void> {
  return withSharedPage(browser, check, { ...options, ...(axe ? { initScript: axeSource } : {}) });
}

async function goto(page: Page, url: string): Promise<void> {
  const response = await page.goto(url, { waitUntil: "load" });
  assert.equal(response?.status(), 200, `${url} answered ${response?.status()}`);
}

/**
 * axe-core's WCAG 2.1 AA violations on the page as it is, and those of the `extra` rules:
 * `rule (help): selector, …`. axe is put in every page of the context (withPage's `axe`),
 * by the browser itself, which no CSP stops.
 */
async function axeViolations(page: Page, extra: readonly string[] = []): Promise<string[]> {
  const options = { runOnly: { type: "tag", values: WCAG_21_AA }, rules: Object.fromEntries(extra.map((rule) => [rule, { enabled: true }])), resultTypes: ["violations"] };
  const result = await page.evaluate<{ violations: Array<{ id: string; help: string; nodes: Array<{ target: string[] }> }> }>(`axe.run(document, ${JSON.stringify(options)})`);
  return result.violations.map((violation) => `${violation.id} (${violation.help}): ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`);
}

/** A link to a release in the page's main content (result lists of any search interface are links). */
function resultLink(page: Page, url: string) {
  return page.locator(`main a[href$="${PREFIX}${url.slice(1)}"]`).first();
}

/** Presses Tab until the focused element is the one wanted (`wanted`: a condition on `element`); fails after MAX_TAB_STOPS. */
async function tabTo(page: Page, wanted: string): Promise<void> {
  for (let stop = 0; stop < MAX_TAB_STOPS; stop++) {
    await page.keyboard.press("Tab");
    if (await page.evaluate(`(() => { const element = document.activeElement; return Boolean(element) && (${wanted}); })()`)) return;
  }
  assert.fail(`no tab stop of ${page.url()} within ${MAX_TAB_STOPS} is the element wanted`);
}

/**
 * Whether the focused element shows its focus: by an outline or a box shadow that only
 * focus gives it, or else by any pixel of it (and a few around it) that changes when the
 * focus leaves (SVG links draw their focus on a shape inside them).
 */
async function focusIsVisible(page: Page): Promise<boolean> {
  const styled = await page.evaluate<boolean>(`(() => {
    const style = getComputedStyle(document.activeElement);
    const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 1;
    return outline || style.boxShadow !== "none";
  })()`);
  if (styled) return true;
  // Page coordinates: the viewport's box plus the scroll.
  const box = await page.evaluate<{ x: number; y: number; width: number; height: number }>(`(() => {
    const rect = document.activeElement.getBoundingClientRect();
    return { x: Math.max(0, rect.x + scrollX - 4), y: Math.max(0, rect.y + scrollY - 4), width: rect.width + 8, height: rect.height + 8 };
  })()`);
  if (box.width <= 8 || box.height <= 8) return false;
  const focused = await page.screenshot({ clip: box });
  await page.evaluate(`window.__focused = document.activeElement; document.activeElement.blur()`);
  const blurred = await page.screenshot({ clip: box });
  await page.evaluate(`window.__focused.focus()`);
  return !focused.equals(blurred);
}
