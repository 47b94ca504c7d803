/**
 * `npm run bench -- [--sizes 1000,10000] [--runs 3] [--no-baseline] [--no-incremental] [--no-restyle] [--no-dev] [--no-search] [--memory-limit-gb 20]`
 *
 * Builds generated archives (scripts/generate-corpus.ts) of each size with the production
 * build, and the same corpus with the baseline (bare Eleventy with one minimal layout, then
 * the Pagefind CLI), one after the other in the same run, so both see the same machine.
 * For each: wall time, CPU time and peak memory of the whole process tree (src/bench/process-tree.ts),
 * files and bytes written; medians over --runs clean builds (no output, no build cache).
 * The baseline's two steps are measured one after the other and added up; a step whose
 * processes pass --memory-limit-gb is stopped there and reported as such (Pagefind's CLI
 * would need more than the machine's memory for 150,000 pages).
 * Then, unless --no-search, a reader's first search on the site as built (src/bench/search-payload.ts):
 * the bytes, with gzip, Chromium transfers to open /search/ and search, for «روابط عمومی», «بودجه»
 * and a word found nowhere. Then, unless --no-incremental, the daily CI build: one release added to
 * the built archive, built again with the build cache kept. Then, unless --no-restyle, a restyle: a
 * comment appended to src/assets/site.css (put back byte for byte afterwards, also on failure or
 * Ctrl-C), built again with cache and output kept: every page is written again (the stylesheet's
 * fingerprinted address), and the files written under pagefind/ are counted (there should be none).
 * Then, unless --no-dev, the editor's preview: `npm start`'s
 * Eleventy dev server on the built archive (the same cache), a release saved three times, and the
 * time from each save to the rebuilt pages (the dev server's "rebuilt" line), median of the three.
 *
 * Results are kept by size in docs/benchmarks.json and the table in docs/benchmarks.md is
 * written again from it (src/bench/bench-table.ts), with the machine they ran on; with
 * --report <file.md>, in that file and the .json beside it. Working files live in --work
 * (default: $TMPDIR/akhbar-bench; a 150,000-release corpus and its sites take about 6 GB).
 * Sizes over 10,000 take long: `npm run bench -- --sizes 40000,150000 --runs 1`.
 * `npm run bench -- --report-only` writes the table again from docs/benchmarks.json.
 * `npm run bench -- --daily-cycle --sizes 150000` measures instead the daily CI cycle of a site
 * deployed with `npm run deploy` (AKHBAR_HOST=nginx, over SSH to a loopback sshd: src/bench/sshd.ts),
 * step by step, into docs/benchmarks-daily-cycle.json and its own table in docs/benchmarks.md.
 * `npm run bench -- --floors --sizes 10000` measures instead what each piece of a clean build's work
 * costs a release, alone and on one thread (src/bench/floors.ts), scaled to 150,000 releases, into
 * docs/benchmarks-floors.json and its own table.
 */
import { execFileSync, spawn } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { mkdir, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { measureCommand, type TreeMeasurement } from "../src/bench/process-tree.js";
import { GENERATOR_VERSION } from "../src/bench/corpus.js";
import { gb, renderTable, type Figures, type FirstSearchFigures, type SizeResult } from "../src/bench/bench-table.js";
import { DEFAULT_SEARCH_QUERIES, measureFirstSearch } from "../src/bench/search-payload.js";
import { chromiumMissing, CHROMIUM_PATH } from "../src/bench/chromium.js";
import { startLoopbackSshd } from "../src/bench/sshd.js";
import { CI_KEPT_CACHE_FOLDERS } from "../src/output/cache-dir.js";
import type { DeployReport } from "../src/deploy/deploy.js";
import { measureFloors, renderFloorsTable, type FloorResult } from "../src/bench/floors.js";
import { findReleaseFiles } from "../src/content/load.js";
import { DateTime } from "luxon";

const { values } = parseArgs({
  options: {
    sizes: { type: "string", default: "1000,10000" },
    runs: { type: "string", default: "3" },
    "no-baseline": { type: "boolean", default: false },
    "no-incremental": { type: "boolean", default: false },
    "no-dev": { type: "boolean", default: false },
    "no-restyle": { type: "boolean", default: false },
    "no-search": { type: "boolean", default: false },
    // Not under the repository: Eleventy skips what .gitignore names (.cache/ is there), so a corpus there would build empty.
    work: { type: "string", default: path.join(os.tmpdir(), "akhbar-bench") },
    report: { type: "string", default: "docs/benchmarks.md" },
    seed: { type: "string", default: "1403" },
    "memory-limit-gb": { type: "string", default: "20" },
    /**
     * The daily CI cycle instead of the builds above (docs/deploy.md): a clean build for a deploy
     * target and its first deploy, then what CI keeps saved to a tar file and the rest removed,
     * restored from the tar, one release added, built `--since-deploy` and deployed over SSH.
     */
    "daily-cycle": { type: "boolean", default: false },
    /**
     * The floors of a clean build instead (src/bench/floors.ts): each piece of work a release
     * costs, measured alone over the corpus, scaled to 150,000 releases, into
     * docs/benchmarks-floors.json and its own table in docs/benchmarks.md.
     */
    floors: { type: "boolean", default: false },
    /** Only write the table again from docs/benchmarks.json (after editing it, or merging results). */
    "report-only": { type: "boolean", default: false },
  },
});

const sizes = values.sizes.split(",").map((size) => Number(size.trim()));
const runs = Number(values.runs);
if (sizes.some((size) => !Number.isInteger(size) || size < 1)) throw new Error("--sizes: whole numbers separated by commas, such as 1000,10000");
if (!Number.isInteger(runs) || runs < 1) throw new Error("--runs must be a positive whole number");

const root = process.cwd();
const work = path.resolve(values.work);
const node = JSON.stringify(process.execPath);
// Fixed "now" and build time: the corpus ends in spring 2026; no release is embargoed.
const BUILD_NOW = "2026-06-01T12:00:00+03:30";
// The builds print their steps' times (src/build/step-timings.ts) into the logs kept under <work>/logs/.
const env = { ...process.env, AKHBAR_NOW: BUILD_NOW, SOURCE_DATE_EPOCH: "1780300800", NODE_OPTIONS: "", AKHBAR_TIMINGS: "1" };

const median = (numbers: number[]) => {
  const sorted = [...numbers].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

function medianFigures(all: Figures[]): Figures {
  return {
    wallSeconds: median(all.map((f) => f.wallSeconds)),
    cpuSeconds: median(all.map((f) => f.cpuSeconds)),
    peakBytes: median(all.map((f) => f.peakBytes)),
    files: median(all.map((f) => f.files)),
    bytes: median(all.map((f) => f.bytes)),
  };
}

/** Files and bytes under `dir`, and how many were written at or after `since` (ms). */
async function countOutput(dir: string, since = 0): Promise<{ files: number; bytes: number; written: number }> {
  let files = 0;
  let bytes = 0;
  let written = 0;
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const info = await stat(path.join(entry.parentPath, entry.name));
    files++;
    bytes += info.size;
    if (info.mtimeMs >= since) written++;
  }
  return { files, bytes, written };
}

function commit(): string {
  // A copy of the repository without .git (to edit the code while a bench runs) names its commit here.
  if (process.env.AKHBAR_BENCH_COMMIT) return process.env.AKHBAR_BENCH_COMMIT;
  try {
    const head = execFileSync("git", ["rev-parse", "--short", "HEAD"], { encoding: "utf8" }).trim();
    const dirty = execFileSync("git", ["status", "--porcelain", "--", "src", "layouts", "scripts", "patches", ".eleventy.ts"], { encoding: "utf8" }).trim();
    return dirty ? `${head}+changes` : head;
  } catch {
    return "unknown";
  }
}

function machine(): string {
  const cpus = os.cpus();
  return `${cpus.length} × ${cpus[0]?.model.trim() ?? "unknown CPU"}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GB, ${os.type()} ${os.release()}, Node ${process.version}`;
}

const memoryLimitBytes = Number(values["memory-limit-gb"]) * 2 ** 30;

/** Keeps a command's output (a build's own step timings among it: AKHBAR_TIMINGS) under <work>/logs/, for reading after. */
async function keepLog(label: string, output: string): Promise<void> {
  await mkdir(path.join(work, "logs"), { recursive: true });
  await writeFile(path.join(work, "logs", `${new Date().toISOString().replace(/[:.]/g, "-")} ${label.replace(/[^\w,.-]+/g, " ").trim()}.log`), output);
}

async function run(label: string, command: string, extraEnv: NodeJS.ProcessEnv = {}, limit?: number): Promise<TreeMeasurement> {
  process.stdout.write(`  ${label} … `);
  const result = await measureCommand(command, { cwd: root, env: { ...env, ...extraEnv }, memoryLimitBytes: limit });
  if (result.stoppedOverMemory) {
    console.log(`stopped over ${gb(limit!)} after ${result.wallSeconds.toFixed(1)} s wall, ${result.cpuSeconds.toFixed(1)} s CPU`);
    return result;
  }
  if (result.exitCode !== 0) throw new Error(`${label} failed (exit ${result.exitCode}):\n${result.output}`);
  await keepLog(label, result.output);
  console.log(`${result.wallSeconds.toFixed(1)} s wall, ${result.cpuSeconds.toFixed(1)} s CPU, ${(result.peakBytes / 2 ** 30).toFixed(2)} GB peak`);
  return result;
}

/** A build that wrote fewer files than there are releases did not build the corpus: its figures would lie. */
function checked(label: string, size: number, figures: Figures): Figures {
  if (figures.files < size) throw new Error(`${label} wrote ${figures.files} files for ${size} releases: the corpus was not built`);
  return figures;
}

/** Git in the corpus's own repository, as the bench's author (no configuration of the machine's needed). */
function corpusGit(dir: string, ...args: string[]): string {
  return execFileSync("git", ["-C", dir, "-c", "user.name=akhbar bench", "-c", "user.email=bench@akhbar.invalid", ...args], { encoding: "utf8", maxBuffer: 1 << 28 });
}

async function ensureCorpus(size: number): Promise<string> {
  const dir = path.join(work, `corpus-${size}`);
  // Beside the corpus, not in it: a hidden file is not content, and the build refuses it (src/content/content-files.ts).
  const marker = `${dir}.generated`;
  const expected = `count ${size} seed ${values.seed} generator ${GENERATOR_VERSION}\n`;
  if (!existsSync(marker) || (await readFile(marker, "utf8")) !== expected) {
    await rm(path.join(dir, ".git"), { recursive: true, force: true });
    await run(`generating ${size} releases`, `${node} --import tsx scripts/generate-corpus.ts --count ${size} --seed ${values.seed} --output ${JSON.stringify(dir)}`);
    await writeFile(marker, expected);
  }
  // Committed, as a CI checkout is: the build learns unchanged files from git (src/content/archive-cache.ts).
  if (!existsSync(path.join(dir, ".git"))) {
    console.log(`  committing the corpus to its own git repository …`);
    corpusGit(dir, "init", "-q");
    corpusGit(dir, "add", "-A");
    corpusGit(dir, "commit", "-q", "-m", `corpus: ${expected.trim()}`);
  }
  return dir;
}

/**
 * Runs `measure` with one new release added to the corpus and committed, as CI builds it; the
 * corpus is put back as generated afterwards.
 */
async function withOneReleaseAdded<T>(corpus: string, size: number, measure: () => Promise<T>): Promise<T> {
  const id = 135000 + size;
  const file = path.join(corpus, "releases", "bench-added", `${id}.md`);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(
    file,
    // Dated on the corpus's last day (1404/12/28): like a real day's release, it joins the newest
    // month, whose search shard is indexed again (a date in a new year would make a shard of one).
    `---\nid: ${id}\ntitle: "خبر تازه برای سنجش ساخت افزایشی"\ndate: "2026-03-19T10:00:00+03:30"\ncounty: ری\ntags:\n  - "نشست"\n---\n\nمتن خبر تازه.\n`,
  );
  const head = corpusGit(corpus, "rev-parse", "HEAD").trim();
  corpusGit(corpus, "add", "--", path.relative(corpus, file));
  corpusGit(corpus, "commit", "-q", "-m", "one release added");
  try {
    return await measure();
  } finally {
    corpusGit(corpus, "reset", "-q", "--hard", head);
    await rm(path.dirname(file), { recursive: true, force: true });
  }
}

/** The stylesheet's one source (src/assets/styles.ts reads it at each build). */
const STYLESHEET = path.join(root, "src", "assets", "site.css");

/**
 * Runs `measure` with a comment appended to the stylesheet's source, then puts the source back
 * byte for byte: also when the build fails, and on the process's exit or a Ctrl-C or SIGTERM
 * meanwhile, so that the comment never stays in the repository. Were the file edited while the
 * bench ran, only the comment is taken out.
 */
async function withStylesheetChanged<T>(measure: () => Promise<T>): Promise<T> {
  const original = readFileSync(STYLESHEET);
  const comment = `\n/* bench restyle ${new Date().toISOString()} */\n`;
  const changed = Buffer.concat([original, Buffer.from(comment)]);
  const restore = () => {
    const now = readFileSync(STYLESHEET);
    if (now.equals(changed)) writeFileSync(STYLESHEET, original);
    else if (now.includes(comment)) writeFileSync(STYLESHEET, now.toString("utf8").replace(comment, ""));
  };
  // Synchronous: an "exit" listener cannot wait, and a signal would otherwise end the process without it.
  const onSignal = (signal: NodeJS.Signals) => {
    restore();
    process.exit(128 + (os.constants.signals[signal] ?? 0));
  };
  process.on("exit", restore);
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  try {
    writeFileSync(STYLESHEET, changed);
    return await measure();
  } finally {
    restore();
    process.off("exit", restore);
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
  }
}

/**
 * A restyle: the stylesheet's source changed, the site built again with its output and build
 * cache kept. The stylesheet's fingerprinted address changes, and every page names it: every page
 * is written again. The search index holds no stylesheet address: nothing under pagefind/ should be.
 */
async function measureRestyle(site: string, build: string, cacheEnv: NodeJS.ProcessEnv): Promise<NonNullable<SizeResult["restyle"]>> {
  // The previous build's last writes must stay out of this one's count (taken, as for the one-release build, with a second's slack).
  await new Promise((resolve) => setTimeout(resolve, 1500));
  return withStylesheetChanged(async () => {
    const since = Date.now() - 1000;
    const measured = await run("ours, restyle (a comment added to site.css), cache kept", build, cacheEnv);
    const { files, bytes, written } = await countOutput(site, since);
    const searchFolder = path.join(site, "pagefind");
    const searchFilesWritten = existsSync(searchFolder) ? (await countOutput(searchFolder, since)).written : 0;
    const pages = await countPages(site, since);
    console.log(`  restyle: ${written.toLocaleString("en")} files written, ${pages.written.toLocaleString("en")} of ${pages.pages.toLocaleString("en")} pages, ${searchFilesWritten} under pagefind/`);
    return { wallSeconds: measured.wallSeconds, cpuSeconds: measured.cpuSeconds, peakBytes: measured.peakBytes, files, bytes, written, searchFilesWritten };
  });
}

/** HTML pages under `dir`, and how many were written at or after `since` (ms). */
async function countPages(dir: string, since: number): Promise<{ pages: number; written: number }> {
  let pages = 0;
  let written = 0;
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith(".html")) continue;
    pages++;
    if ((await stat(path.join(entry.parentPath, entry.name))).mtimeMs >= since) written++;
  }
  return { pages, written };
}

/** A word no release holds: a search that finds nothing still loads the page, the directory and an index chunk. */
const WORD_FOUND_NOWHERE = "زرپخشکوب";

/** A reader's first search on the built site, for the default queries and a word found nowhere (src/bench/search-payload.ts). */
async function measureSearch(site: string): Promise<FirstSearchFigures[]> {
  process.stdout.write("  first search (Chromium) … ");
  const searches = await measureFirstSearch(site, [...DEFAULT_SEARCH_QUERIES, WORD_FOUND_NOWHERE]);
  console.log(searches.map((search) => `«${search.query}» ${(search.totalGzipped / 1024).toFixed(1)} KB with gzip (${search.status.trim()})`).join("; "));
  return searches.map(({ query, status, pageGzipped, searchGzipped, totalGzipped }) => ({ query, status: status.trim(), pageGzipped, searchGzipped, totalGzipped }));
}

/** The baseline's Eleventy configuration: one minimal layout, nothing else. */
const BASELINE_CONFIG = `export default function (eleventyConfig) {
  eleventyConfig.addGlobalData("layout", "baseline.11ty.js");
  eleventyConfig.addTemplate("_includes/baseline.11ty.js", {
    render: (data) => \`<!doctype html><html lang="fa" dir="rtl"><head><meta charset="utf-8"><title>\${data.title}</title></head><body><main data-pagefind-body><h1>\${data.title}</h1>\${data.content}</main></body></html>\`,
  });
}
export const config = { templateFormats: ["md"], markdownTemplateEngine: false };
`;

async function measureSize(size: number): Promise<SizeResult> {
  console.log(`${size.toLocaleString("en")} releases:`);
  // Now, before the restyle touches src/assets/site.css (the commit would read "+changes").
  const measuredCommit = commit();
  const corpus = await ensureCorpus(size);
  const site = path.join(work, `site-${size}`);
  const cache = path.join(work, `cache-${size}`);
  const baselineSite = path.join(work, `baseline-site-${size}`);
  const baselineConfig = path.join(work, "baseline.config.mjs");
  await writeFile(baselineConfig, BASELINE_CONFIG);
  // Every build cache (pages, search shards, pictures, fonts) under one folder of the bench's own.
  const cacheEnv = { AKHBAR_CACHE_DIR: cache };
  // As CI builds: `npm run build`, with the Node flags package.json gives it.
  const build = `npm run --silent build -- --input ${JSON.stringify(corpus)} --output ${JSON.stringify(site)}`;

  const ours: Figures[] = [];
  const baseline: Figures[] = [];
  let baselineNote: string | undefined;
  for (let i = 1; i <= runs; i++) {
    await rm(site, { recursive: true, force: true });
    await rm(cache, { recursive: true, force: true });
    const measured = await run(`ours, clean, run ${i}/${runs}`, build, cacheEnv);
    ours.push(checked("ours", size, { ...measured, ...(await countOutput(site)) }));
    if (!values["no-baseline"]) {
      await rm(baselineSite, { recursive: true, force: true });
      const eleventy = `${node} node_modules/@11ty/eleventy/cmd.cjs --config=${JSON.stringify(baselineConfig)} --input=${JSON.stringify(corpus)} --output=${JSON.stringify(baselineSite)} --quiet`;
      const pagefind = `node_modules/.bin/pagefind --site ${JSON.stringify(baselineSite)} --silent`;
      const bare = await run(`baseline: bare Eleventy, run ${i}/${runs}`, eleventy);
      const output = checked("baseline", size, { ...bare, ...(await countOutput(baselineSite)) });
      const index = await run(`baseline: Pagefind CLI, run ${i}/${runs}`, pagefind, {}, memoryLimitBytes);
      if (index.stoppedOverMemory) baselineNote = `Pagefind's CLI stopped when it passed ${gb(memoryLimitBytes)}`;
      const indexed = await countOutput(baselineSite);
      baseline.push({
        wallSeconds: bare.wallSeconds + index.wallSeconds,
        cpuSeconds: bare.cpuSeconds + index.cpuSeconds,
        peakBytes: Math.max(bare.peakBytes, index.peakBytes),
        files: index.stoppedOverMemory ? output.files : indexed.files,
        bytes: index.stoppedOverMemory ? output.bytes : indexed.bytes,
      });
      await rm(baselineSite, { recursive: true, force: true });
    }
  }

  // On the site as built clean, before the builds below change it.
  const firstSearch = values["no-search"] ? undefined : await measureSearch(site);

  let incremental: SizeResult["incremental"];
  let restyle: SizeResult["restyle"];
  if (!values["no-incremental"]) {
    // The daily build: one new release on top of the archive just built, its cache kept.
    ({ incremental, restyle } = await withOneReleaseAdded(corpus, size, async () => {
      const since = Date.now() - 1000;
      const measured = await run("ours, one release added, cache kept", build, cacheEnv);
      const { files, bytes, written } = await countOutput(site, since);
      // With the release still there: a restyle on the corpus as last built, whose search index stands.
      const restyled = values["no-restyle"] ? undefined : await measureRestyle(site, build, cacheEnv);
      return { incremental: { wallSeconds: measured.wallSeconds, cpuSeconds: measured.cpuSeconds, peakBytes: measured.peakBytes, files, bytes, written }, restyle: restyled };
    }));
  } else if (!values["no-restyle"]) {
    restyle = await measureRestyle(site, build, cacheEnv);
  }

  const devRebuildSeconds = values["no-dev"] ? undefined : await measureDevRebuild(corpus, cacheEnv);

  return {
    releases: size,
    runs,
    date: new Date().toISOString().slice(0, 10),
    commit: measuredCommit,
    machine: machine(),
    ours: medianFigures(ours),
    baseline: baseline.length > 0 ? medianFigures(baseline) : undefined,
    baselineNote,
    incremental,
    restyle,
    devRebuildSeconds,
    firstSearch,
  };
}

/**
 * `npm start` on the corpus: waits for the dev server's first build, then saves one release three
 * times (a sentence added to its body) and measures each time from the save to the dev server's
 * line saying the rebuild it started is done (src/messages/build.ts, in English: AKHBAR_LANG=en).
 * The release is put back as it was.
 */
async function measureDevRebuild(corpus: string, extraEnv: NodeJS.ProcessEnv): Promise<number> {
  const output = path.join(work, "dev-site");
  await rm(output, { recursive: true, force: true });
  const file = (await readdir(path.join(corpus, "releases"), { recursive: true })).filter((name) => name.endsWith(".md")).sort()[0]!;
  const target = path.join(corpus, "releases", file);
  const original = await readFile(target, "utf8");
  process.stdout.write(`  dev server: first build … `);
  // `npm start` on the corpus, in a process group of its own: stopped as a whole at the end.
  const server = spawn("npm", ["start", "--", "--input", corpus, "--output", output, "--port", "8765"], {
    cwd: root,
    env: { ...env, ...extraEnv, AKHBAR_LANG: "en" },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let log = "";
  const waiters: Array<{ pattern: RegExp; from: number; resolve: () => void }> = [];
  const check = () => {
    for (const waiter of [...waiters]) {
      if (waiter.pattern.test(log.slice(waiter.from))) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve();
      }
    }
  };
  for (const stream of [server.stdout, server.stderr]) stream.on("data", (chunk: Buffer) => ((log += chunk.toString()), check()));
  const exited = new Promise<never>((_, reject) => server.on("exit", (code) => reject(new Error(`the dev server stopped (exit ${code}):\n${log.slice(-3000)}`))));
  const waitFor = (pattern: RegExp, from = log.length) => Promise.race([new Promise<void>((resolve) => (waiters.push({ pattern, from, resolve }), check())), exited]);
  try {
    const started = performance.now();
    await waitFor(/^\[akhbar\] the preview is ready at/m, 0);
    console.log(`${((performance.now() - started) / 1000).toFixed(1)} s`);
    // The first build's search index is written after its pages; the first save's rebuild would wait for it.
    await waitFor(/\[akhbar\] search index/, 0);
    const times: number[] = [];
    for (let save = 1; save <= 3; save++) {
      await new Promise((resolve) => setTimeout(resolve, 3000));
      const from = log.length;
      const saved = performance.now();
      await writeFile(target, `${original}\nجملهٔ افزوده برای سنجش پیش‌نمایش، بار ${save}.\n`);
      await waitFor(/^\[akhbar\] file changed: [\s\S]*^\[akhbar\] the preview was rebuilt in/m, from);
      times.push((performance.now() - saved) / 1000);
      // The saved release's search shard is indexed after the reload: let it finish before the next save.
      await waitFor(/\[akhbar\] search index/, from);
    }
    const result = median(times);
    console.log(`  dev server: a saved release rebuilt in ${times.map((time) => time.toFixed(2)).join(", ")} s (median ${result.toFixed(2)} s)`);
    return result;
  } finally {
    process.kill(-server.pid!, "SIGINT");
    await keepLog("dev server, three saves", log);
    await writeFile(target, original);
    await rm(output, { recursive: true, force: true });
  }
}

const START = "<!-- bench:start (written by npm run bench) -->";
const END = "<!-- bench:end -->";

/**
 * Keeps `results` by size in the .json beside the report (`suffix` names it), merged with the
 * sizes measured before, and writes their table between the markers of the report
 * (at its end, under `heading`, the first time). Returns the .json's name.
 */
async function writeSection<T extends { releases: number }>(results: T[], suffix: string, markers: { start: string; end: string; heading: string }, render: (results: T[]) => string): Promise<string> {
  const jsonFile = values.report.replace(/\.md$/, `${suffix}.json`);
  const previous: T[] = existsSync(jsonFile) ? JSON.parse(await readFile(jsonFile, "utf8")) : [];
  const merged = [...previous.filter((old) => !results.some((r) => r.releases === old.releases)), ...results].sort((a, b) => a.releases - b.releases);
  await writeFile(jsonFile, `${JSON.stringify(merged, null, 2)}\n`);
  const table = render(merged);
  const text = existsSync(values.report) ? await readFile(values.report, "utf8") : "# Benchmarks\n";
  const start = text.indexOf(markers.start);
  const end = text.indexOf(markers.end);
  const updated = start >= 0 && end > start ? `${text.slice(0, start + markers.start.length)}\n${table}${text.slice(end)}` : `${text}\n${markers.heading}${markers.start}\n${table}${markers.end}\n`;
  await writeFile(values.report, updated);
  return jsonFile;
}

async function report(results: SizeResult[]): Promise<void> {
  const jsonFile = await writeSection(results, "", { start: START, end: END, heading: "" }, renderTable);
  console.log(`\n${renderTable(results)}\nWritten to ${values.report} and ${jsonFile}.`);
}

interface CycleStep {
  name: string;
  wallSeconds: number;
  cpuSeconds: number;
  /** Bytes the step moved or wrote (tar file, files uploaded). */
  bytes?: number;
  files?: number;
}

interface DailyCycleResult {
  releases: number;
  date: string;
  commit: string;
  machine: string;
  host: string;
  /** The whole site as deployed after the clean build. */
  site: { files: number; bytes: number };
  /** What CI keeps between runs: the tar file. */
  kept: { files: number; bytes: number };
  /** The clean build and the first deploy (once, not daily). */
  setup: CycleStep[];
  /** The daily cycle: restore, build with one release added, deploy, save. */
  steps: CycleStep[];
  totalSeconds: number;
}

async function measureDailyCycle(size: number): Promise<DailyCycleResult> {
  console.log(`${size.toLocaleString("en")} releases, the daily cycle (AKHBAR_HOST=nginx, deploy over SSH to loopback):`);
  const corpus = await ensureCorpus(size);
  const site = path.join(work, `cycle-site-${size}`);
  const cache = path.join(work, `cycle-cache-${size}`);
  const www = path.join(work, `cycle-www-${size}`);
  const keep = path.join(work, `cycle-kept-${size}.tar`);
  const reportFile = path.join(work, `cycle-deploy-${size}.json`);
  for (const dir of [site, cache, www, keep]) await rm(dir, { recursive: true, force: true });
  await mkdir(www, { recursive: true });
  const sshd = await startLoopbackSshd(path.join(work, "sshd"));
  try {
    const target = sshd.target(www);
    const cycleEnv = { AKHBAR_CACHE_DIR: cache, AKHBAR_HOST: "nginx", AKHBAR_DEPLOY_SSH: sshd.sshCommand };
    const build = `npm run --silent build -- --input ${JSON.stringify(corpus)} --output ${JSON.stringify(site)} --since-deploy ${JSON.stringify(target)}`;
    const deploy = `npm run --silent deploy -- --site ${JSON.stringify(site)} --to ${JSON.stringify(target)} --report ${JSON.stringify(reportFile)}`;
    const step = (name: string, measured: TreeMeasurement, extra: Partial<CycleStep> = {}): CycleStep => ({ name, wallSeconds: measured.wallSeconds, cpuSeconds: measured.cpuSeconds, ...extra });
    const deployed = async (): Promise<Partial<CycleStep>> => {
      const report = JSON.parse(await readFile(reportFile, "utf8")) as DeployReport;
      return { files: report.uploaded.length, bytes: report.uploadedBytes };
    };
    const keptParts = () => CI_KEPT_CACHE_FOLDERS.filter((part) => existsSync(path.join(cache, part))).join(" ");
    // Named once the build has made them (a cache folder the corpus gives no work to, such as pictures, is absent).
    const save = () => `tar -cf ${JSON.stringify(keep)} -C ${JSON.stringify(cache)} ${keptParts()}`;

    const setup: CycleStep[] = [];
    const clean = await run("clean build for the target", build, cycleEnv);
    const siteFigures = checked("ours", size, { ...clean, ...(await countOutput(site)) });
    setup.push(step("clean build", clean, { files: siteFigures.files, bytes: siteFigures.bytes }));
    setup.push(step("first deploy (the whole site)", await run("first deploy, the whole site", deploy, cycleEnv), await deployed()));

    const steps: CycleStep[] = [];
    setup.push(step("save what CI keeps (tar)", await run("saving what CI keeps (tar)", save())));
    const keptFiles = Number(execFileSync("sh", ["-c", `tar -tf ${JSON.stringify(keep)} | grep -cv '/$'`], { encoding: "utf8" }).trim());
    const kept = { files: keptFiles, bytes: (await stat(keep)).size };
    // A CI runner starts from a clean checkout: nothing but what the cache restores.
    await rm(site, { recursive: true, force: true });
    await rm(cache, { recursive: true, force: true });
    await mkdir(cache, { recursive: true });
    steps.push(step("restore what CI keeps (tar)", await run("restoring what CI keeps", `tar -xf ${JSON.stringify(keep)} -C ${JSON.stringify(cache)}`), kept));
    await withOneReleaseAdded(corpus, size, async () => {
      const built = await run("build, one release added, since the last deploy", build, cycleEnv);
      steps.push(step("build (one release added)", built, await countOutput(site)));
      steps.push(step("deploy the changes over SSH", await run("deploy the changes over SSH", deploy, cycleEnv), await deployed()));
    });
    const resaved = await run("saving what CI keeps again (tar)", save());
    steps.push(step("save what CI keeps (tar)", resaved, { bytes: (await stat(keep)).size }));
    return {
      releases: size,
      date: new Date().toISOString().slice(0, 10),
      commit: commit(),
      machine: machine(),
      host: "nginx",
      site: { files: siteFigures.files, bytes: siteFigures.bytes },
      kept,
      setup,
      steps,
      totalSeconds: steps.reduce((sum, { wallSeconds }) => sum + wallSeconds, 0),
    };
  } finally {
    await sshd.stop();
  }
}

const CYCLE_START = "<!-- bench:daily-cycle:start (written by npm run bench -- --daily-cycle) -->";
const CYCLE_END = "<!-- bench:daily-cycle:end -->";

function renderCycleTable(results: readonly DailyCycleResult[]): string {
  const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;
  const figures = (step: CycleStep) =>
    [step.files !== undefined ? `${step.files.toLocaleString("en")} files` : "", step.bytes !== undefined ? mb(step.bytes) : ""].filter(Boolean).join(", ") || "–";
  const lines: string[] = [];
  for (const r of results) {
    lines.push(
      `**${r.releases.toLocaleString("en")} releases** (${r.commit}, ${r.date}, host ${r.host}; ${r.machine}): site ${r.site.files.toLocaleString("en")} files, ${mb(r.site.bytes)} ` +
        `(${(r.site.files / r.releases).toFixed(2)} files and ${(r.site.bytes / r.releases / 1000).toFixed(1)} kB a release); kept between runs ${r.kept.files.toLocaleString("en")} files, ${mb(r.kept.bytes)}.`,
      "",
      "| step | wall | CPU | moved or written |",
      "|---|---|---|---|",
      ...r.setup.map((step) => `| (once) ${step.name} | ${step.wallSeconds.toFixed(1)} s | ${step.cpuSeconds.toFixed(1)} s | ${figures(step)} |`),
      ...r.steps.map((step) => `| ${step.name} | ${step.wallSeconds.toFixed(1)} s | ${step.cpuSeconds.toFixed(1)} s | ${figures(step)} |`),
      `| **the daily cycle** | **${r.totalSeconds.toFixed(1)} s** | | |`,
      "",
    );
  }
  return lines.join("\n");
}

async function reportCycle(results: DailyCycleResult[]): Promise<void> {
  const jsonFile = await writeSection(results, "-daily-cycle", { start: CYCLE_START, end: CYCLE_END, heading: "## The daily CI cycle\n\n" }, renderCycleTable);
  console.log(`\n${renderCycleTable(results)}\nWritten to ${values.report} and ${jsonFile}.`);
}

const FLOORS_START = "<!-- bench:floors:start (written by npm run bench -- --floors) -->";
const FLOORS_END = "<!-- bench:floors:end -->";
/** The size the floors are scaled to: the archive the targets are set for. */
const FLOORS_SCALE = 150_000;

interface FloorsRun extends FloorResult {
  date: string;
  commit: string;
  machine: string;
}

/** The floors over every release of the generated corpus of `size` (src/bench/floors.ts). */
async function measureFloorsOf(size: number): Promise<FloorsRun> {
  const corpus = await ensureCorpus(size);
  const files = (await findReleaseFiles(corpus)).map((file) => path.resolve(file)).sort();
  console.log(`\n== floors over ${files.length.toLocaleString("en")} releases (one thread, each piece of work alone)`);
  const result = await measureFloors(files, path.join(work, "floors-scratch"), DateTime.fromISO(BUILD_NOW, { setZone: true }));
  return { ...result, date: new Date().toISOString().slice(0, 10), commit: commit(), machine: machine() };
}

function renderFloors(runs: readonly FloorsRun[]): string {
  return runs
    .map((run) => `**Over ${run.releases.toLocaleString("en")} releases** (${run.commit}, ${run.date}; ${run.machine}), scaled to ${FLOORS_SCALE.toLocaleString("en")}:\n\n${renderFloorsTable(run, FLOORS_SCALE)}\n`)
    .join("\n");
}

if (values.floors) {
  const floors: FloorsRun[] = [];
  if (!values["report-only"]) for (const size of sizes) floors.push(await measureFloorsOf(size));
  const jsonFile = await writeSection(floors, "-floors", { start: FLOORS_START, end: FLOORS_END, heading: "## The floors of a clean build\n\n" }, renderFloors);
  console.log(`\n${renderFloors(floors)}\nWritten to ${values.report} and ${jsonFile}.`);
  process.exit(0);
}

if (values["daily-cycle"]) {
  const cycles: DailyCycleResult[] = [];
  if (values["report-only"]) sizes.length = 0;
  for (const size of sizes) cycles.push(await measureDailyCycle(size));
  await reportCycle(cycles);
  process.exit(0);
}

if (values["report-only"]) {
  await report([]);
  process.exit(0);
}
if (os.platform() !== "linux") throw new Error("npm run bench reads /proc to measure process trees: it runs on Linux only");
// Said before hours of building, not after them.
if (!values["no-search"] && chromiumMissing) throw new Error(`the first search is measured in Chromium, missing at ${CHROMIUM_PATH}: install it (apt-get install -y chromium) or pass --no-search`);
console.log(`Machine: ${machine()}; load average now ${os.loadavg().map((l) => l.toFixed(1)).join(", ")}.`);
const results: SizeResult[] = [];
for (const size of sizes) results.push(await measureSize(size));
await report(results);
