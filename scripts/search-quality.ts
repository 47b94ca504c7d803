/**
 * `npm run search:quality`: the search-quality query table (src/bench/search-quality.ts) against
 * the search as built ("after": the normalized index, through the /search/?q= page, as a
 * reader uses it) and against plain Pagefind ("before": the published pages indexed as they
 * are, each query searched as typed). Prints recall and false hits for both.
 * Options: --verbose lists every query.
 */
import { rm } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { launchChromium } from "../src/bench/chromium.js";
import {
  buildPlainIndex,
  formatOutcomes,
  outcomeOf,
  QUERY_TABLE,
  searchPlainPagefind,
  searchThroughPage,
  SEARCH_FIXTURES,
  type QueryOutcome,
} from "../src/bench/search-quality.js";
import { serveStatic } from "../src/bench/static-server.js";
import { runBuild, temporaryDirectory } from "../src/bench/run.js";

const { values } = parseArgs({ options: { verbose: { type: "boolean", default: false } } });

const folder = await temporaryDirectory("akhbar-search-quality-");
const site = path.join(folder, "site");
try {
  const build = await runBuild(SEARCH_FIXTURES, site);
  if (build.code !== 0) throw new Error(`the build failed:\n${build.log}`);
  await buildPlainIndex(site);

  const server = await serveStatic(site);
  const browser = await launchChromium();
  try {
    const page = await (await browser.newContext({ locale: "fa-IR" })).newPage();
    const before: QueryOutcome[] = [];
    const after: QueryOutcome[] = [];
    for (const { subject, queries, expected } of QUERY_TABLE) {
      for (const query of queries) {
        after.push(outcomeOf(subject, query, expected, await searchThroughPage(page, server.url, query)));
        before.push(outcomeOf(subject, query, expected, await searchPlainPagefind(page, server.url, query)));
      }
    }
    console.log(formatOutcomes("Before (plain Pagefind)", before));
    console.log(formatOutcomes("After (normalized index and queries)", after));
    if (values.verbose) {
      for (const [index, outcome] of after.entries()) {
        console.log(`«${outcome.query}» expected ${JSON.stringify(outcome.expected)}: before ${JSON.stringify(before[index]!.found)}, after ${JSON.stringify(outcome.found)}`);
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }
} finally {
  await rm(folder, { recursive: true, force: true });
}
