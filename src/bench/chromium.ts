/**
 * Debian's Chromium for the browser tests and the search measurements, driven by
 * playwright-core, at CHROMIUM_PATH (default /usr/bin/chromium). What a test does without it
 * is the tests' affair (tests/support/chromium.ts).
 */
import { existsSync } from "node:fs";
import { chromium, type Browser } from "playwright-core";

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
export const chromiumMissing = !existsSync(CHROMIUM_PATH);

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
