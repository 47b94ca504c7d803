/**
 * `npm run measure:search`: the bytes a reader's browser transfers to search, measured in
 * Chromium: first the search page itself (HTML, stylesheet, font, script), then a first
 * search typed into it (Pagefind's script, worker and WebAssembly, the index metadata, the
 * index chunks the query needs, and the fragments of the first page of results).
 *
 * With the index in shards (/pagefind/<year>-<month>/ and /pagefind/<year>-<month>-16/, or
 * /pagefind/<year>/ before the month shards), the page opens with the search directory's root
 * (/pagefind/directory/, src/search/directory.ts), and a search loads its words' directory files,
 * then the shards that hold the results shown (src/search/client.ts); the report names the
 * shards whose files were fetched.
 * Options: --site <built site> (default: build the sample archive into a temporary folder),
 * --query <words> (repeatable; default «روابط عمومی» and «بودجه»), --all (then press «more» until
 * every result is shown, and report that too).
 * Sizes are as served by the test server, which compresses nothing, and as gzip would send
 * the text files (Pagefind's own files are compressed already). Not a test: figures for
 * docs/search.md and the README.
 */
import { rm } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";
import type { Response } from "playwright-core";
import { launchChromium } from "../src/bench/chromium.js";
import { everyResult, waitForSearch } from "../src/bench/search-quality.js";
import { serveStatic } from "../src/bench/static-server.js";
import { runBuild, temporaryDirectory } from "../src/bench/run.js";

const { values } = parseArgs({
  options: {
    site: { type: "string" },
    query: { type: "string", multiple: true },
    /** Also press «more» until every result is shown, and report what that loaded (a rare word's every match). */
    all: { type: "boolean", default: false },
  },
});
const queries = values.query ?? ["روابط عمومی", "بودجه"];

interface Transfer {
  path: string;
  kind: string;
  bytes: number;
  gzipped: number;
}

const TEXT_TYPES = /^(text\/|application\/(json|javascript)|image\/svg)/;

/** The shard of a file (/pagefind/1404-07/… or /pagefind/1404-07-16/…, or /pagefind/1404/… of earlier builds), or undefined for the single index of earlier builds (/pagefind/…). */
function shardOf(pathname: string): string | undefined {
  return /^\/pagefind\/(\d+(?:-\d+){0,2})\//.exec(pathname)?.[1];
}

function kindOf(fullPath: string): string {
  // Either layout: a shard's files are named as the single index's were, under its year.
  const pathname = fullPath.replace(/^\/pagefind\/\d+(?:-\d+){0,2}\//, "/pagefind/");
  if (fullPath.startsWith("/pagefind/directory/")) return "search directory";
  if (pathname.startsWith("/pagefind/index/")) return "index chunks";
  if (pathname.startsWith("/pagefind/fragment/")) return "result fragments";
  if (pathname.startsWith("/pagefind/filter/")) return "filter chunks";
  if (pathname.endsWith(".pf_meta") || pathname.endsWith("pagefind-entry.json")) return "index metadata";
  if (pathname.startsWith("/pagefind/wasm.")) return "Pagefind WebAssembly";
  if (pathname.startsWith("/pagefind/")) return "Pagefind scripts";
  if (pathname.startsWith("/assets/fonts/")) return "font";
  if (pathname === "/assets/search.js") return "search script";
  if (pathname.endsWith(".css")) return "stylesheet";
  return "page";
}

async function transferOf(response: Response): Promise<Transfer> {
  // Playwright may never give the body of a 404 (a directory file that is not there): its length is then the header's.
  const length = Number(response.headers()["content-length"] ?? 0);
  const body = await Promise.race([response.body(), new Promise<Buffer>((resolve) => setTimeout(() => resolve(Buffer.alloc(length)), 3_000))]);
  const type = response.headers()["content-type"] ?? "";
  const pathname = new URL(response.url()).pathname;
  return { path: pathname, kind: kindOf(pathname), bytes: body.length, gzipped: TEXT_TYPES.test(type) ? gzipSync(body).length : body.length };
}

function kilobytes(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

function report(label: string, transfers: readonly Transfer[]): void {
  const total = transfers.reduce((sum, transfer) => sum + transfer.bytes, 0);
  const gzipped = transfers.reduce((sum, transfer) => sum + transfer.gzipped, 0);
  const shards = [...new Set(transfers.map((transfer) => shardOf(transfer.path)).filter((year) => year !== undefined))];
  const loaded = shards.length > 0 ? ` (shards loaded: ${shards.join(", ")})` : "";
  console.log(`${label}: ${transfers.length} requests, ${kilobytes(total)} as served, ${kilobytes(gzipped)} with gzip${loaded}`);
  const kinds = new Map<string, Transfer[]>();
  for (const transfer of transfers) kinds.set(transfer.kind, [...(kinds.get(transfer.kind) ?? []), transfer]);
  for (const [kind, items] of kinds) {
    const bytes = items.reduce((sum, item) => sum + item.bytes, 0);
    const zipped = items.reduce((sum, item) => sum + item.gzipped, 0);
    console.log(`  ${kind.padEnd(22)} ${String(items.length).padStart(3)} × ${kilobytes(bytes).padStart(10)} (gzip ${kilobytes(zipped)})`);
  }
}

const folder = await temporaryDirectory("akhbar-search-payload-");
try {
  let site = values.site;
  if (!site) {
    site = path.join(folder, "site");
    const build = await runBuild("content", site);
    if (build.code !== 0) throw new Error(`the build failed:\n${build.log}`);
  }
  const server = await serveStatic(site);
  const browser = await launchChromium();
  try {
    console.log(`Site: ${values.site ?? "the sample archive (content/)"}`);
    for (const query of queries) {
      // A fresh context: an empty cache, as for a reader's first search.
      const context = await browser.newContext({ locale: "fa-IR" });
      const page = await context.newPage();
      const pending: Array<Promise<Transfer>> = [];
      // A response still arriving as the context closes is not counted (its body is gone with it).
      context.on("response", (response) => pending.push(transferOf(response).catch(() => ({ path: new URL(response.url()).pathname, kind: "not read", bytes: 0, gzipped: 0 }))));

      await page.goto(`${server.url}/search/`, { waitUntil: "networkidle" });
      const pageLoad = await Promise.all(pending.splice(0));

      await page.locator("#search-query").fill(query);
      await page.locator("#search-query").press("Enter");
      await waitForSearch(page);
      await page.waitForLoadState("networkidle");
      const search = await Promise.all(pending.splice(0));
      const status = await page.locator("#search-status").textContent();

      console.log(`\nQuery «${query}»: ${status}`);
      report("The search page", pageLoad);
      report("The first search", search);
      report("Both", [...pageLoad, ...search]);
      if (values.all) {
        const shown = (await everyResult(page)).length;
        await page.waitForLoadState("networkidle");
        const rest = await Promise.all(pending.splice(0));
        report(`Every result (${shown}), all told`, [...pageLoad, ...search, ...rest]);
      }
      await context.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
} finally {
  await rm(folder, { recursive: true, force: true });
}
