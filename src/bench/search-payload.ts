/**
 * The bytes a reader's browser transfers to search, measured in Chromium on a built site: first
 * the search page itself (HTML, stylesheet, font, script), then a first search typed into it
 * (Pagefind's script, worker and WebAssembly, the index metadata, the index chunks the query
 * needs, and the fragments of the first page of results). Used by scripts/measure-search-payload.ts
 * (a report by kind of file) and scripts/bench.ts (the "first search" column of docs/benchmarks.md).
 *
 * With the index in shards (/pagefind/<year>-<month>/ and /pagefind/<year>-<month>-16/, or
 * /pagefind/<year>/ before the month shards), the page opens with the search directory's root
 * (/pagefind/directory/, src/search/directory.ts), and a search loads its words' directory files,
 * then the shards that hold the results shown (src/search/client.ts).
 *
 * Sizes are as served by the static server (src/bench/static-server.ts), which compresses nothing,
 * and as gzip would send the text files (Pagefind's own files are compressed already).
 */
import { gzipSync } from "node:zlib";
import type { Response } from "playwright-core";
import { launchChromium } from "./chromium.js";
import { everyResult, waitForSearch } from "./search-quality.js";
import { serveStatic } from "./static-server.js";

/** The queries measured unless others are given: a common phrase and a common word. */
export const DEFAULT_SEARCH_QUERIES: readonly string[] = ["روابط عمومی", "بودجه"];

/** One response: its path, what kind of file it is, its bytes as served and as gzip would send them. */
export interface Transfer {
  path: string;
  kind: string;
  bytes: number;
  gzipped: number;
}

export interface FirstSearch {
  query: string;
  /** The search page's status line after the search (how many results, or none). */
  status: string;
  /** What the search page's own load transferred, then what the first search did. */
  pageLoad: Transfer[];
  search: Transfer[];
  pageBytes: number;
  pageGzipped: number;
  searchBytes: number;
  searchGzipped: number;
  /** Page and search, with gzip: what a reader's phone receives for a first search. */
  totalGzipped: number;
  /** The index shards the page and the search fetched files of. */
  shards: string[];
  /** With `all`: the results shown once «more» was pressed until every one was, and everything loaded by then. */
  every?: { shown: number; transfers: Transfer[] };
}

const TEXT_TYPES = /^(text\/|application\/(json|javascript)|image\/svg)/;

/** The shard of a file (/pagefind/1404-07/… or /pagefind/1404-07-16/…, or /pagefind/1404/… of earlier builds), or undefined for the single index of earlier builds (/pagefind/…). */
export function shardOf(pathname: string): string | undefined {
  return /^\/pagefind\/(\d+(?:-\d+){0,2})\//.exec(pathname)?.[1];
}

export function kindOf(fullPath: string): string {
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

/** Requests, bytes as served and with gzip, and the shards named, of some transfers. */
export function totalsOf(transfers: readonly Transfer[]): { requests: number; bytes: number; gzipped: number; shards: string[] } {
  return {
    requests: transfers.length,
    bytes: transfers.reduce((sum, transfer) => sum + transfer.bytes, 0),
    gzipped: transfers.reduce((sum, transfer) => sum + transfer.gzipped, 0),
    shards: [...new Set(transfers.map((transfer) => shardOf(transfer.path)).filter((shard) => shard !== undefined))],
  };
}

async function transferOf(response: Response): Promise<Transfer> {
  // Playwright may never give the body of a 404 (a directory file that is not there): its length is then the header's.
  const length = Number(response.headers()["content-length"] ?? 0);
  const body = await Promise.race([response.body(), new Promise<Buffer>((resolve) => setTimeout(() => resolve(Buffer.alloc(length)), 3_000))]);
  const type = response.headers()["content-type"] ?? "";
  const pathname = new URL(response.url()).pathname;
  return { path: pathname, kind: kindOf(pathname), bytes: body.length, gzipped: TEXT_TYPES.test(type) ? gzipSync(body).length : body.length };
}

/**
 * Serves `site` on loopback and, for each query in a fresh browser context (an empty cache, as
 * for a reader's first search), opens /search/, types the query and waits for its results.
 */
export async function measureFirstSearch(site: string, queries: readonly string[], { all = false }: { all?: boolean } = {}): Promise<FirstSearch[]> {
  const server = await serveStatic(site);
  try {
    const browser = await launchChromium();
    try {
      const results: FirstSearch[] = [];
      for (const query of queries) {
        const context = await browser.newContext({ locale: "fa-IR" });
        try {
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
          const status = (await page.locator("#search-status").textContent()) ?? "";

          let every: FirstSearch["every"];
          if (all) {
            const shown = (await everyResult(page)).length;
            await page.waitForLoadState("networkidle");
            every = { shown, transfers: [...pageLoad, ...search, ...(await Promise.all(pending.splice(0)))] };
          }
          const onPage = totalsOf(pageLoad);
          const bySearch = totalsOf(search);
          results.push({
            query,
            status,
            pageLoad,
            search,
            pageBytes: onPage.bytes,
            pageGzipped: onPage.gzipped,
            searchBytes: bySearch.bytes,
            searchGzipped: bySearch.gzipped,
            totalGzipped: onPage.gzipped + bySearch.gzipped,
            shards: totalsOf([...pageLoad, ...search]).shards,
            every,
          });
        } finally {
          await context.close();
        }
      }
      return results;
    } finally {
      await browser.close();
    }
  } finally {
    await server.close();
  }
}
