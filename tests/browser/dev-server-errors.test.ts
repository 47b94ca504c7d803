/**
 * Errors in the browser under `npm start` (src/eleventy/dev-server-errors.ts), in Chromium: an
 * editor who watches only the browser sees a bad save's problems, with the file and line, in
 * place of the release, without reloading the page by hand; and sees the release again after the
 * save that fixes it. Runs scripts/serve.ts on a copy of the sample content, on a phone-sized
 * window, and leaves a screenshot of the error page at SCREENSHOT for a person to look at.
 *
 * Without Chromium at CHROMIUM_PATH the test is skipped on a developer machine and fails on CI (CI=true).
 */
import assert from "node:assert/strict";
import { cp, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { test } from "node:test";
import type { Browser, Page } from "playwright-core";
import { CHROMIUM_PATH, chromiumMissing, launchChromium } from "../../src/bench/chromium.js";
import { BUILD_ERRORS_HEADING } from "../../src/messages/dev-server.js";
import { faNumber } from "../../src/messages/messages.js";
import { skipWithoutChromium } from "../support/chromium.js";
import { DEV_SERVER_LINES, startDevServer, type DevServer } from "../support/dev-server.js";
import { repoRoot, temporaryDirectory } from "../support/run.js";

/** The sample release the test opens and breaks. */
const RELEASE = { id: "149840", file: "releases/1402/149840.md", word: "کهریزک" };
/** Where the error page's screenshot is left (a phone's window: 390×844). */
const SCREENSHOT = "/tmp/akhbar-dev-server-errors.png";
/** Long enough for a rebuild and the browser's reload on a busy machine. */
const WAIT = { timeout: 60_000 };

/** The text of the page's heading, once it is `expected` (the page reloads by itself meanwhile). */
async function headingBecomes(page: Page, expected: (heading: string) => boolean, what: string): Promise<string> {
  const until = Date.now() + WAIT.timeout;
  let heading = "";
  while (Date.now() < until) {
    // A reload may be under way: the heading is read again once the new page is there.
    heading =
      (await page
        .locator("h1")
        .first()
        .textContent({ timeout: 1_000 })
        .catch(() => "")) ?? "";
    if (expected(heading)) return heading;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the page did not show ${what} within ${WAIT.timeout / 1000} s; its heading is «${heading}»`);
}

test("under npm start, a bad save shows its problems in the browser instead of the release, and the save that fixes it brings the release back", { skip: skipWithoutChromium, timeout: 300_000 }, async () => {
  assert.ok(!chromiumMissing, `CI=true and Chromium is missing at ${CHROMIUM_PATH}: install it with \`apt-get install -y chromium\``);
  const work = await temporaryDirectory("akhbar-dev-server-errors-");
  const input = path.join(work, "content");
  await cp(path.join(repoRoot, "content"), input, { recursive: true });
  let server: DevServer | undefined;
  let browser: Browser | undefined;
  try {
    server = await startDevServer(input, path.join(work, "site"), path.join(work, "cache"));
    await server.waitFor(DEV_SERVER_LINES.ready, 0);
    browser = await launchChromium();
    const context = await browser.newContext({ locale: "fa-IR", viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    // Any script error fails the test; so does a console error, but for the dev server's own
    // report of the failed build (its live-reload script logs it as "[11ty] … Build error").
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(`page error at ${page.url()}: ${error.message}`));
    page.on("console", (message) => {
      if (message.type() === "error" && !message.text().startsWith("[11ty]")) errors.push(`console error at ${page.url()}: ${message.text()}`);
    });
    let navigations = 0;
    page.on("framenavigated", (frame) => {
      if (frame === page.mainFrame()) navigations++;
    });

    const address = `${server.url}/news/${RELEASE.id}/`;
    await page.goto(address, { waitUntil: "load" });
    const title = await headingBecomes(page, (heading) => heading.includes(RELEASE.word), "the release");
    const opened = navigations;

    // The editor saves the release with an id that is not a number.
    const file = path.join(input, RELEASE.file);
    const good = await readFile(file, "utf8");
    const idLine = good.split("\n").findIndex((line) => line.startsWith(`id: ${RELEASE.id}`)) + 1;
    assert.ok(idLine > 0, `${RELEASE.file} has its id on a line of its own`);
    const from = server.log().length;
    await writeFile(file, good.replace(`id: ${RELEASE.id}`, "id: abc"));

    await headingBecomes(page, (heading) => heading === BUILD_ERRORS_HEADING.fa, "the error page");
    assert.ok(navigations > opened, "the page was reloaded by the dev server: the test never reloads it");
    assert.equal(page.url(), address, "the error page is shown at the release's own address");
    assert.equal(await page.evaluate<string>("document.documentElement.dir"), "rtl");
    assert.equal(await page.evaluate<string>("document.documentElement.lang"), "fa");
    const problem = page.locator("ol.problems > li").first();
    const where = await problem.locator(".where").textContent();
    assert.ok(where?.includes("149840.md"), `the problem names the file: «${where}»`);
    assert.ok(where?.includes(`خط ${faNumber(idLine)}`), `the problem names the line ${idLine}: «${where}»`);
    assert.equal(await problem.locator(".label").textContent(), "شناسه (id)");
    await server.waitFor(DEV_SERVER_LINES.failed, from, 30);
    // Readable on a phone: nothing wider than the window (long paths wrap).
    assert.ok(await page.evaluate<boolean>("document.documentElement.scrollWidth <= window.innerWidth"), "the error page fits a phone's width");
    await page.screenshot({ path: SCREENSHOT, fullPage: true });

    // The editor fixes the file: the release comes back, again without a reload by hand.
    const fixedFrom = server.log().length;
    await writeFile(file, good);
    const back = await headingBecomes(page, (heading) => heading.includes(RELEASE.word), "the release again");
    assert.equal(back, title);
    await server.waitFor(DEV_SERVER_LINES.built, fixedFrom, 30);
    assert.equal(await page.evaluate<string>("document.documentElement.dir"), "rtl");
    assert.deepEqual(errors, [], `the browser reported errors:\n${errors.join("\n")}`);
    await context.close();
  } finally {
    await browser?.close();
    await server?.stop();
    await rm(work, { recursive: true, force: true });
  }
});
