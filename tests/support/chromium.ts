/**
 * The browser tests' side of Chromium (src/bench/chromium.ts launches it): without Chromium a test is
 * skipped on a developer machine and fails on CI (CI=true), so that CI never passes without it; and a
 * check runs in a fresh page that fails on any error the browser reports.
 */
import type { Browser, BrowserContextOptions, Page } from "playwright-core";
import { CHROMIUM_PATH, chromiumMissing } from "../../src/bench/chromium.js";

const ON_CI = process.env.CI === "true";

export const skipWithoutChromium: string | false =
  chromiumMissing && !ON_CI
    ? `Chromium not found at ${CHROMIUM_PATH}: install it with \`apt-get install chromium\` (on CI, with CI=true, this is a failure)`
    : false;

/**
 * Runs a check in a fresh browser context. A page error, a console error (a resource that
 * failed to load, a CSP violation) or any dialog (alert, confirm, prompt) fails it.
 * `initScript` runs in every page before its own scripts (axe-core, for the accessibility gate).
 */
export async function withPage(
  browser: Browser,
  check: (page: Page) => Promise<void>,
  { initScript, expectedError, ...options }: BrowserContextOptions & { initScript?: string; expectedError?: (text: string, source: string) => boolean } = {},
): Promise<void> {
  const context = await browser.newContext({ locale: "fa-IR", ...options });
  if (initScript !== undefined) await context.addInitScript(initScript);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(`page error at ${page.url()}: ${error.stack ?? error.message}`));
  page.on("console", (message) => {
    if (message.type() !== "error" || expectedError?.(message.text(), message.location().url)) return;
    errors.push(`console error at ${page.url()}: ${message.text()} (${message.location().url})`);
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
