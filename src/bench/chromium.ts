/**
 * Debian's Chromium for the browser tests and the search measurements, driven by
 * playwright-core. Without Chromium at CHROMIUM_PATH (default /usr/bin/chromium) a test is
 * skipped on a developer machine and fails on CI (CI=true), so that CI never passes without it.
 */
import { existsSync } from "node:fs";
import { chromium, type Browser, type BrowserContextOptions, type Page } from "playwright-core";

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
export const ON_CI = process.env.CI === "true";
export const chromiumMissing = !existsSync(CHROMIUM_PATH);
export const skipWithoutChromium: string | false =
  chromiumMissing && !ON_CI
    ? `Chromium not found at ${CHROMIUM_PATH}: install it with \`apt-get install chromium\` (on CI, with CI=true, this is a failure)`
    : false;

export function launchChromium(): Promise<Browser> {
  if (chromiumMissing) throw new Error(`Chromium is missing at ${CHROMIUM_PATH}: install it with \`apt-get install -y chromium\``);
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    // Playwright adds --headless, --no-sandbox and a fresh --user-data-dir itself; these repeat
    // the first two and keep the browser off the network.
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-quic",
      "--no-first-run",
      "--disable-sync",
    ],
  });
}

/**
 * Runs a check in a fresh browser context. A page error, a console error (a resource that
 * failed to load, a CSP violation) or any dialog (alert, confirm, prompt) fails it.
 * `initScript` runs in every page before its own scripts (axe-core, for the accessibility gate).
 */
export async function withPage(browser: Browser, check: (page: Page) => Promise<void>, { initScript, ...options }: BrowserContextOptions & { initScript?: string } = {}): Promise<void> {
  const context = await browser.newContext({ locale: "fa-IR", ...options });
  if (initScript !== undefined) await context.addInitScript(initScript);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(`page error at ${page.url()}: ${error.stack ?? error.message}`));
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(`console error at ${page.url()}: ${message.text()} (${message.location().url})`);
  });
  page.on("dialog", (dialog) => {
    errors.push(`a ${dialog.type()} dialog at ${page.url()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  try {
    await check(page);
  } catch (error) {
    if (error instanceof Error && errors.length > 0) error.message += `\nThe browser also reported:\n${errors.join("\n")}`;
    throw error;
  } finally {
    await context.close();
  }
  if (errors.length > 0) throw new Error(`the browser reported errors:\n${errors.join("\n")}`);
}
