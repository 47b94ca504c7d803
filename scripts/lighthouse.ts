/**
 * `npm run lighthouse`: Lighthouse's scores for the home, a release, the archive and the
 * search page, on a phone (Lighthouse's default mobile settings: a mid-range phone on a slow
 * 4G network, simulated), in Debian's Chromium. The sample archive is built and served as a
 * host that reads `_headers` would serve it (the Content-Security-Policy included).
 *
 * Timings depend on the machine and on what else runs on it, so this is a measurement and
 * not part of `npm test`. Each page is measured --runs times (default 3) and the median
 * run is reported.
 *
 * Options: --site <folder> (measure a built site instead of building the sample),
 * --write <file.md> (write the table there as well), --runs <n>.
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import { buildSite } from "../src/eleventy/build.js";
// The test suite's static server behaves like the hosts the site is deployed to.
import { serveStatic } from "../src/bench/static-server.js";

const { values } = parseArgs({
  options: {
    site: { type: "string" },
    write: { type: "string" },
    runs: { type: "string", default: "3" },
  },
});

const PAGES = [
  { name: "home", url: "/" },
  { name: "release", url: "/news/149840/" },
  { name: "archive", url: "/archive/" },
  { name: "search", url: "/search/" },
] as const;
const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"] as const;
const CHROMIUM_PATH = process.env.CHROMIUM_PATH || "/usr/bin/chromium";

interface Measure {
  scores: Record<(typeof CATEGORIES)[number], number>;
  fcp: number;
  lcp: number;
  tbt: number;
  cls: number;
  bytes: number;
}

const work = values.site ? undefined : await mkdtemp(path.join(tmpdir(), "akhbar-lighthouse-"));
const site = values.site ?? path.join(work!, "site");
if (work) {
  console.log("Building the sample archive…");
  await buildSite({ input: "content", output: site });
}
const server = await serveStatic(site, { headersFile: true });
const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM_PATH, chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update"] });
const rows: Array<{ name: string; url: string; measure: Measure }> = [];
try {
  for (const page of PAGES) {
    const runs: Measure[] = [];
    for (let run = 0; run < Number(values.runs); run++) {
      const result = await lighthouse(`${server.url}${page.url}`, { port: chrome.port, output: "json", logLevel: "error", onlyCategories: [...CATEGORIES] });
      if (!result) throw new Error(`Lighthouse returned nothing for ${page.url}`);
      const { lhr } = result;
      if (lhr.runtimeError) throw new Error(`Lighthouse could not measure ${page.url}: ${lhr.runtimeError.message}`);
      const audit = (id: string) => lhr.audits[id]?.numericValue ?? Number.NaN;
      runs.push({
        scores: Object.fromEntries(CATEGORIES.map((category) => [category, Math.round((lhr.categories[category]?.score ?? 0) * 100)])) as Measure["scores"],
        fcp: audit("first-contentful-paint"),
        lcp: audit("largest-contentful-paint"),
        tbt: audit("total-blocking-time"),
        cls: audit("cumulative-layout-shift"),
        bytes: audit("total-byte-weight"),
      });
      console.log(`${page.name} run ${run + 1}: ${CATEGORIES.map((category) => `${category} ${runs.at(-1)!.scores[category]}`).join(", ")}`);
    }
    runs.sort((a, b) => a.scores.performance - b.scores.performance);
    rows.push({ ...page, measure: runs[Math.floor(runs.length / 2)]! });
  }
} finally {
  await chrome.kill();
  await server.close();
  if (work) await rm(work, { recursive: true, force: true });
}

const table = [
  "| page | performance | accessibility | best practices | SEO | first contentful paint | largest contentful paint | total blocking time | layout shift | bytes |",
  "|---|---|---|---|---|---|---|---|---|---|",
  ...rows.map(({ name, url, measure: m }) =>
    `| ${name} (\`${url}\`) | ${m.scores.performance} | ${m.scores.accessibility} | ${m.scores["best-practices"]} | ${m.scores.seo} | ${(m.fcp / 1000).toFixed(1)} s | ${(m.lcp / 1000).toFixed(1)} s | ${Math.round(m.tbt)} ms | ${m.cls.toFixed(3)} | ${(m.bytes / 1024).toFixed(0)} KB |`,
  ),
].join("\n");
console.log(`\n${table}`);
if (values.write) {
  await writeFile(values.write, `${table}\n`);
  console.log(`\nWritten to ${values.write}.`);
}
