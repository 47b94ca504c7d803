/**
 * Videos in Chromium (issue 24): a release page with a YouTube and an Aparat placeholder, served
 * locally, with the providers' hosts answered by a stub page (Playwright's routing; every other
 * address of another host is refused and noted, so nothing reaches the network). The page asks
 * nothing of any other host until the reader asks for a video; Enter on a placeholder (and a
 * click on the other) puts the player's frame in its place, focused, and only then is the
 * player's address requested. A placeholder whose player address was tampered with opens no
 * frame: its link takes the reader to the video's page instead. A copy-link button is shown by
 * the page's script and copies its address.
 *
 * Without Chromium at CHROMIUM_PATH the test is skipped on a developer machine and fails on CI (CI=true).
 */
import assert from "node:assert/strict";
import { rm } from "node:fs/promises";
import path from "node:path";
import { test } from "node:test";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { launchChromium } from "../../src/bench/chromium.js";
import { serveStatic, type StaticServer } from "../../src/bench/static-server.js";
import { skipWithoutChromium, withPage } from "../support/chromium.js";
import { runBuild, temporaryDirectory } from "../support/run.js";
import { APARAT_PLAYER, VIDEO_RELEASE, videoContent, YOUTUBE_PAGE, YOUTUBE_PLAYER } from "../support/video-content.js";

const WAIT = { timeout: 20_000 };
const PLAYER_HOSTS = new Set(["www.youtube-nocookie.com", "www.aparat.com"]);
const STUB = "<!doctype html><html lang=en><title>stub player</title><p>stub</p></html>";

/**
 * Routes every request of `context` that leaves the local server: the players' hosts (and YouTube's
 * own pages) get the stub page, anything else is refused. Each such request is noted, in order.
 */
async function routeOtherHosts(context: BrowserContext, local: string): Promise<string[]> {
  const requested: string[] = [];
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith(`${local}/`)) return route.continue();
    requested.push(url);
    const host = new URL(url).host;
    if (PLAYER_HOSTS.has(host) || host === "www.youtube.com") return route.fulfill({ status: 200, contentType: "text/html", body: STUB });
    return route.abort("blockedbyclient");
  });
  return requested;
}

test("videos in Chromium: no request to a player before the reader asks, the player's frame after", { skip: skipWithoutChromium, timeout: 300_000 }, async (t) => {
  const work = await temporaryDirectory("akhbar-video-browser-");
  let server: StaticServer | undefined;
  let browser: Browser | undefined;
  try {
    const site = path.join(work, "site");
    const build = await runBuild(await videoContent(work), site, { SITE_URL: "https://akhbar.test" });
    assert.equal(build.code, 0, `the build failed:\n${build.log}`);
    server = await serveStatic(site);
    browser = await launchChromium();
    const open = browser;
    const local = server.url;
    const release = `${local}${VIDEO_RELEASE.url}`;
    const load = async (page: Page) => {
      const response = await page.goto(release, { waitUntil: "load" });
      assert.equal(response?.status(), 200);
      await page.waitForLoadState("networkidle");
    };

    await t.test("Enter on the YouTube placeholder and a click on the Aparat one: each player's frame, requested only then", () =>
      withPage(open, async (page) => {
        const requested = await routeOtherHosts(page.context(), local);
        await load(page);
        assert.deepEqual(requested, [], "the page asked another host for something before any click");
        assert.equal(await page.locator("iframe").count(), 0);

        // The keyboard: the placeholder is a link, so Tab reaches it and Enter opens the player.
        await page.focus("figure.video--youtube a.video__link");
        await page.keyboard.press("Enter");
        const youtube = page.locator("figure.video--youtube iframe");
        await youtube.waitFor(WAIT);
        assert.equal(await youtube.getAttribute("src"), YOUTUBE_PLAYER);
        assert.equal(await youtube.getAttribute("title"), `ویدیو: ${VIDEO_RELEASE.title}`);
        assert.equal(await youtube.getAttribute("allow"), "autoplay; encrypted-media; picture-in-picture; fullscreen");
        assert.equal(await youtube.getAttribute("referrerpolicy"), "strict-origin-when-cross-origin");
        assert.notEqual(await youtube.getAttribute("allowfullscreen"), null);
        await page.waitForFunction(`document.querySelector("figure.video--youtube iframe")?.contentDocument === null`, undefined, WAIT);
        assert.equal(await page.evaluate(`document.activeElement?.tagName`), "IFRAME", "the focus did not move to the player");
        assert.equal(page.url(), release, "the page was left");
        await page.waitForLoadState("networkidle");
        assert.deepEqual(requested, [YOUTUBE_PLAYER]);
        assert.equal(await page.locator("figure.video--youtube a.video__link").count(), 0);
        assert.equal(await page.locator("figure.video--aparat iframe").count(), 0, "the other video opened too");

        await page.click("figure.video--aparat a.video__link");
        await page.locator("figure.video--aparat iframe").waitFor(WAIT);
        assert.equal(await page.locator("figure.video--aparat iframe").getAttribute("src"), APARAT_PLAYER);
        await page.waitForLoadState("networkidle");
        assert.deepEqual(requested, [YOUTUBE_PLAYER, APARAT_PLAYER]);
      }),
    );

    await t.test("a placeholder whose player address was changed opens no frame: its link goes to the video's page", () =>
      withPage(open, async (page) => {
        const requested = await routeOtherHosts(page.context(), local);
        await load(page);
        await page.evaluate(`document.querySelector("figure.video--youtube").dataset.akhbarVideo = "https://evil.example/embed/M7lc1UVf-VE?autoplay=1"`);
        await Promise.all([page.waitForURL(YOUTUBE_PAGE, WAIT), page.click("figure.video--youtube a.video__link")]);
        assert.deepEqual(requested, [YOUTUBE_PAGE]);
      }),
    );

    await t.test("a copy-link button: hidden in the markup, shown by the script, copies its address and says so", () =>
      withPage(
        open,
        async (page) => {
          // The share block's button as another part of the page writes it, put into the served page.
          await page.route(release, async (route) => {
            const response = await route.fetch();
            const body = (await response.text()).replace(
              "</main>",
              `<button type="button" class="copy-test" hidden data-akhbar-copy="https://akhbar.test/news/900100/" data-akhbar-copied="نشانی کپی شد">کپی نشانی</button></main>`,
            );
            await route.fulfill({ response, body });
          });
          await load(page);
          const button = page.locator("button.copy-test");
          assert.equal(await button.isVisible(), true, "the script did not show the button");
          await button.click();
          await page.waitForFunction(`document.querySelector("button.copy-test").textContent === "نشانی کپی شد"`, undefined, WAIT);
          assert.equal(await page.evaluate("navigator.clipboard.readText()"), "https://akhbar.test/news/900100/");
        },
        { permissions: ["clipboard-read", "clipboard-write"] },
      ),
    );
  } finally {
    await browser?.close();
    await server?.close();
    await rm(work, { recursive: true, force: true });
  }
});
