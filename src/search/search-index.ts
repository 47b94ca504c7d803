/**
 * Search: the Pagefind index of the releases, built through Pagefind's Node API as the last
 * step of every build (production and dev server alike), and the search page's script.
 * The index is in shards, one Pagefind bundle per run of half-months of a Jalali year of at most
 * 750 releases (search-shards.ts), each kept in the build cache (search-cache.ts) so that a
 * build indexes only the shards that changed (the daily build: the newest one or two). The
 * shards to index are indexed in worker threads (search-pool.ts), each with its own Pagefind
 * process; the work of one shard is search-index.ts.
 *
 * The index is not made from the published pages. Each release is added as a small
 * document of normalized text (`search-document.ts`), so that every spelling of a word
 * finds it while the page keeps the editor's spelling. The search page's script
 * (`search-client.ts`) is bundled with the same Persian rules to normalize queries.
 * docs/search.md explains the design.
 */
import { rm } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { UserConfig } from "@11ty/eleventy";
import { build } from "esbuild";
import type { AkhbarContext } from "../context/context.js";
import { ledgerFor } from "../output/publish.js";
import { searchCacheDir, ShardCache } from "./shard-cache.js";
import { closePagefind, runShardJob, shardJobRelease, type ShardJob } from "./shard-index.js";
import { closeSearchWorkers, searchWorkerCount, ShardWorkerPool } from "./pool.js";
import { SEARCH_BUNDLE_PATH, searchShards, shardFolder, type SearchShard } from "./shards.js";

export { indexDocuments, shardDocuments, writeBundle, type IndexedRelease, type SearchDocumentFile } from "./shard-index.js";

const CLIENT_ENTRY = fileURLToPath(new URL("./client.ts", import.meta.url));

/**
 * The index is started as soon as the archive is read and waited for at the end of the build:
 * the shards are indexed in worker threads, each with its own Pagefind process, while the main
 * thread renders the pages (the index is made from the release files, not from the pages, so
 * it needs nothing they write).
 */
export function registerSearchIndex(eleventyConfig: UserConfig, context: AkhbarContext): () => void {
  let indexing: Promise<SearchIndexReport> | undefined;
  // The dev server's index, still being written after the rebuild that started it.
  let previewIndex: Promise<void> = Promise.resolve();
  eleventyConfig.on("eleventy.before", async ({ directories }) => {
    // One index at a time writes into the dev server's output.
    await previewIndex;
    const controller = new AbortController();
    const shards = searchShards(context.index());
    const edited = context.edited();
    // A rebuild of edited releases indexes only their shards; the others are as they were.
    const changed = edited ? shards.filter((shard) => shard.releases.some((release) => edited.has(release))) : shards;
    indexing = buildSearchShards(directories.output, changed, {
      cache: new ShardCache(searchCacheDir()),
      prune: !context.includeDrafts(),
      workers: searchWorkerCount(),
      signal: controller.signal,
    });
    // Its failure is reported when it is waited for, below; a build that fails before then
    // stops it and waits for it to stop (searchIndexSettled) and reports its own error.
    const settled = indexing.then(
      () => undefined,
      () => undefined,
    );
    inFlight = { stop: () => controller.abort(), settled };
  });
  // Returned to be registered by the caller, after the steps that need nothing of the index: they
  // run while it is written (at 150,000 releases the daily build's sitemaps and redirect pages,
  // ~4 s, waited behind it).
  return () =>
    eleventyConfig.on("eleventy.after", async () => {
      if (!indexing) throw new Error("Internal error: the search index was not started before the build");
      const running = indexing;
      indexing = undefined;
      if (!context.includeDrafts()) return reportIndex(await running);
      // The dev server reloads the browser as soon as the pages are written: re-indexing the shard
      // of a saved release takes seconds more, and the search follows when it is done. A failed
      // index is reported; the next rebuild rewrites what it left.
      previewIndex = running.then(reportIndex, (error: unknown) => {
        console.error(`[akhbar] the search index could not be written: ${error instanceof Error ? error.message : String(error)}`);
        context.forgetPreviewOutput?.();
      });
    });
}

function reportIndex(report: SearchIndexReport): void {
  const indexed = report.shards.filter((shard) => shard.indexed).length;
  const threads = report.workersStarted > 0 ? ` in ${report.workersStarted} worker thread${report.workersStarted === 1 ? "" : "s"}` : "";
  console.log(`[akhbar] search index: ${report.shards.length} shards, ${indexed} indexed${threads}, ${report.shards.length - indexed} unchanged (from ${searchCacheDir()})`);
}

export interface ShardReport {
  id: string;
  year: number;
  pages: number;
  /** false: the shard's inputs were unchanged and its bundle came from the cache. */
  indexed: boolean;
}

export interface SearchIndexReport {
  /** In the order of the shards given, however the workers finished. */
  shards: ShardReport[];
  /** Worker threads started (none when every shard came from the cache, or with `workers: 0`). */
  workersStarted: number;
}

export interface ShardBuildOptions {
  /** Without a cache, every shard is indexed. */
  cache?: ShardCache;
  /** Remove the cache entries this build did not use (production builds). */
  prune?: boolean;
  /**
   * Worker threads indexing shards side by side, each with its own Pagefind process and one
   * shard in it (default searchWorkerCount(): AKHBAR_SEARCH_WORKERS, or up to 2); 0 indexes on
   * this thread, one shard at a time.
   */
  workers?: number;
  /** Aborting stops the index: no shard is started, those under way write nothing more; the build fails. */
  signal?: AbortSignal;
}

/**
 * Writes one Pagefind bundle per shard into `<siteDir>/pagefind/<shard id>/`, at most `workers`
 * shards at a time, so that Pagefind's memory is that of that many shards. A shard whose inputs
 * are in the cache is restored from it instead, on this thread: the cache and the site's
 * ledger are this thread's; only shards to index go to the workers.
 *
 * The first shard that fails stops the others (those under way write nothing more) and is the
 * error thrown, once every worker has ended: nothing writes into the site after this settles.
 */
export async function buildSearchShards(siteDir: string, shards: readonly SearchShard[], options: ShardBuildOptions = {}): Promise<SearchIndexReport> {
  const bundleDir = path.join(siteDir, ...SEARCH_BUNDLE_PATH.split("/").filter(Boolean));
  const ledger = ledgerFor(siteDir);
  const workers = options.workers ?? searchWorkerCount();
  const pool = workers > 0 ? new ShardWorkerPool(workers) : undefined;
  let stopped = false;
  let failure: { error: unknown } | undefined;
  const stop = () => {
    stopped = true;
    pool?.stop();
  };
  options.signal?.addEventListener("abort", stop, { once: true });
  if (options.signal?.aborted) stop();

  // Each release's file hash stands for its text: a shard found in the cache reads no file. Every
  // shard is recorded in the site's ledger before any is indexed, so that the ledger describes the
  // whole index as soon as this starts (the dev server does not wait for it: registerSearchIndex).
  const keys = shards.map((shard) => options.cache?.key(shard.releases.flatMap((release) => [release.url, release.lang, release.fileHash])));
  // A shard is published as one folder: one the site already has is neither restored nor written.
  const published = shards.map((shard, position) => keys[position] !== undefined && (ledger?.record(`${SEARCH_BUNDLE_PATH}${shardFolder(shard.id)}`, keys[position]!) ?? false));

  const indexShard = async (shard: SearchShard, position: number): Promise<ShardReport> => {
    const target = path.join(bundleDir, shardFolder(shard.id));
    const unchanged = { id: shard.id, year: shard.year, pages: shard.releases.length, indexed: false };
    const key = keys[position];
    if (key !== undefined) {
      if (published[position]) {
        options.cache!.keep(key);
        return unchanged;
      }
      if (await options.cache!.restore(key, target)) return unchanged;
    }
    const job: ShardJob = {
      shard: shard.id,
      releases: shard.releases.map(shardJobRelease),
      target,
      ...(key === undefined ? {} : { cache: { dir: options.cache!.directory, key } }),
    };
    await (pool ? pool.run(job) : runShardJob(job, () => stopped));
    if (key !== undefined) options.cache!.keep(key);
    return { id: shard.id, year: shard.year, pages: shard.releases.length, indexed: true };
  };

  const report: ShardReport[] = new Array(shards.length);
  let next = 0;
  const runner = async (): Promise<void> => {
    while (!stopped && next < shards.length) {
      const position = next++;
      try {
        report[position] = await indexShard(shards[position]!, position);
      } catch (error) {
        // The first failure is the build's; the shards it stops fail after it.
        failure ??= { error };
        stop();
      }
    }
  };
  try {
    // Shards the archive no longer has must not stay published (the dev server keeps its output).
    if (!ledger && !stopped) await rm(bundleDir, { recursive: true, force: true });
    await Promise.all(Array.from({ length: Math.max(1, workers) }, runner));
  } finally {
    options.signal?.removeEventListener("abort", stop);
    await pool?.close();
  }
  if (failure) throw failure.error;
  if (stopped) throw new Error("The search index was stopped before it was finished");
  if (options.prune) await options.cache?.prune();
  return { shards: report, workersStarted: pool?.started ?? 0 };
}

/** The search page's script: `search-client.ts` and the Persian rules it imports, in one small file. */
export async function bundleSearchClient(): Promise<string> {
  const result = await build({
    entryPoints: [CLIENT_ENTRY],
    bundle: true,
    format: "esm",
    platform: "browser",
    // Browsers of 2020 on (Chrome 80, Safari 14): readers' phones are not all new.
    target: "es2020",
    minify: true,
    charset: "utf8",
    legalComments: "none",
    write: false,
    logLevel: "silent",
  });
  return result.outputFiles[0]!.text;
}

/** The index under way, if any: how to stop it, and a promise that never fails. */
let inFlight: { stop: () => void; settled: Promise<void> } = { stop: () => {}, settled: Promise.resolve() };

/**
 * For a build that failed: stops the index under way (nothing will publish it; a shard being
 * indexed writes nothing more) and resolves once nothing writes any more, every worker thread
 * having ended, so that the build can remove its output.
 */
export function searchIndexSettled(): Promise<void> {
  inFlight.stop();
  return inFlight.settled;
}

/**
 * Resolves once the index under way, if any, has been written (or has failed): the dev server
 * writes a rebuild's index after the reload, and a caller that reads the whole output waits here.
 */
export function searchIndexWritten(): Promise<void> {
  return inFlight.settled;
}

/** Stops every Pagefind backend process and search worker thread, so that a one-off build can exit. */
export async function stopSearchIndexer(): Promise<void> {
  await closeSearchWorkers();
  await closePagefind();
}
