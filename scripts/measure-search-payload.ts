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
 * docs/search.md and the README. The measuring is src/bench/search-payload.ts's (the bench's
 * "first search" column too); this prints it by kind of file.
 */
import { rm } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { DEFAULT_SEARCH_QUERIES, measureFirstSearch, totalsOf, type Transfer } from "../src/bench/search-payload.js";
import { runBuild, temporaryDirectory } from "../src/bench/run.js";

const { values } = parseArgs({
  options: {
    site: { type: "string" },
    query: { type: "string", multiple: true },
    /** Also press «more» until every result is shown, and report what that loaded (a rare word's every match). */
    all: { type: "boolean", default: false },
  },
});
const queries = values.query ?? [...DEFAULT_SEARCH_QUERIES];

function kilobytes(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

function report(label: string, transfers: readonly Transfer[]): void {
  const { requests, bytes: total, gzipped, shards } = totalsOf(transfers);
  const loaded = shards.length > 0 ? ` (shards loaded: ${shards.join(", ")})` : "";
  console.log(`${label}: ${requests} requests, ${kilobytes(total)} as served, ${kilobytes(gzipped)} with gzip${loaded}`);
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
  console.log(`Site: ${values.site ?? "the sample archive (content/)"}`);
  for (const measured of await measureFirstSearch(site, queries, { all: values.all })) {
    console.log(`\nQuery «${measured.query}»: ${measured.status}`);
    report("The search page", measured.pageLoad);
    report("The first search", measured.search);
    report("Both", [...measured.pageLoad, ...measured.search]);
    if (measured.every) report(`Every result (${measured.every.shown}), all told`, measured.every.transfers);
  }
} finally {
  await rm(folder, { recursive: true, force: true });
}
