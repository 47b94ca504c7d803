/**
 * Search: the Pagefind index of the releases, built through Pagefind's Node API by every build
 * (production and dev server alike; started and waited for by src/build/steps.ts).
 * The index is in shards, one Pagefind bundle per run of half-months of a Jalali year of at most
 * 750 releases (shards.ts), each kept in the build cache (shard-cache.ts) so that a
 * build indexes only the shards that changed (the daily build: the newest one or two). The
 * shards to index are indexed in worker threads (pool.ts), each with its own Pagefind
 * process; the work of one shard is shard-index.ts.
 *
 * The index is not made from the published pages. Each release is added as a small
 * document of normalized text (`document.ts`), so that every spelling of a word
 * finds it while the page keeps the editor's spelling. The search page's script
 * (`client.ts`, bundled by client-bundle.ts) uses the same Persian rules to normalize queries.
 * docs/search.md explains the design.
 */
import { existsSync } from "node:fs";
import { rm } from "node:fs/promises";
import path from "node:path";
import type { OutputLedger } from "../output/publish.js";
import { CompoundLexicon, taughtList } from "../persian/lexicon.js";
import { searchCacheDir, ShardCache } from "./shard-cache.js";
import { ArchiveLexicon } from "./shard-lexicon.js";
import { closePagefind, runShardJob, shardJobRelease, type ShardJob } from "./shard-index.js";
import { closeSearchWorkers, searchWorkerCount, ShardWorkerPool } from "./pool.js";
import { SEARCH_BUNDLE_PATH, shardFolder, type SearchShard } from "./shards.js";
import { searchIndexWritten } from "../messages/build.js";
import type { Message } from "../messages/messages.js";

/** The line a build prints about its index. */
export function describeIndexReport(report: SearchIndexReport): Message {
  const indexed = report.shards.filter((shard) => shard.indexed).length;
  return searchIndexWritten(report.shards.length, indexed, report.workersStarted, searchCacheDir());
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
  /** Each shard's key in the shard cache, by id, when the build has a cache. */
  keys: Map<string, string>;
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
  /** The record of the build's output (src/output/publish.ts): a shard the published site has is not written again. */
  ledger?: OutputLedger | undefined;
  /** The search directory's cache: a shard indexed stores its postings there (directory-build.ts). */
  directoryCache?: string;
  /**
   * The compounds of the whole archive (`loadArchiveLexicon`, over every shard of the archive,
   * whichever this build indexes); without it, those of these shards' releases.
   */
  lexicon?: ArchiveLexicon | Promise<ArchiveLexicon>;
}

/** The archive's compound lexicon: the sum of what each release teaches (kept with it in the archive cache). */
export function archiveLexicon(shards: readonly SearchShard[]): CompoundLexicon {
  return CompoundLexicon.fromTaught(shards.flatMap((shard) => shard.releases.map((release) => taughtList(release.compounds))));
}

/** Where the lexicon's state and the shards' vocabulary filters are kept: in the directory's cache, which CI keeps, or else the shard cache's folder. */
export function lexiconDir(cache: ShardCache, directoryCache: string | undefined): string {
  return directoryCache ? path.join(directoryCache, "lexicon") : path.join(cache.directory, LEXICON_FOLDER);
}
const LEXICON_FOLDER = "lexicon";

/** The archive's lexicon for a build that keeps it in `dir` (lexiconDir): every shard of the archive, by content key. */
export function loadArchiveLexicon(dir: string, site: string, cache: ShardCache, shards: readonly SearchShard[]): Promise<ArchiveLexicon> {
  return ArchiveLexicon.load(dir, site, shards.map((shard) => ({ contentKey: shardKey(cache, shard), releases: shard.releases })));
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
  const { ledger } = options;
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
  // whole index as soon as this starts (the dev server does not wait for it: src/build/steps.ts);
  // its key needs the archive's lexicon, so it is recorded as pending first, and again once known.
  const { cache } = options;
  const contentKeys = shards.map((shard) => (cache ? shardKey(cache, shard) : undefined));
  const folderOf = (shard: SearchShard) => `${SEARCH_BUNDLE_PATH}${shardFolder(shard.id)}`;
  // Recorded at once, before anything is awaited, and again once the shard's key is known.
  shards.forEach((shard, position) => contentKeys[position] !== undefined && ledger?.record(folderOf(shard), `pending ${contentKeys[position]}`));
  let lexicon: ArchiveLexicon;
  try {
    lexicon = (await options.lexicon) ?? (await (cache ? loadArchiveLexicon(lexiconDir(cache, options.directoryCache), "production", cache, shards) : ArchiveLexicon.counted(shards)));
  } catch (error) {
    options.signal?.removeEventListener("abort", stop);
    await pool?.close();
    throw error;
  }
  let entries: Array<[string, number]> | undefined;
  const lexiconFolder = cache ? lexiconDir(cache, options.directoryCache) : undefined;
  const keysById = new Map<string, string>();
  // A shard is published as one folder: one the site already has is neither restored nor written.
  const published = shards.map((shard, position) => {
    const known = contentKeys[position] === undefined ? undefined : lexicon.keyOf(contentKeys[position]!);
    return known !== undefined && ledger !== undefined && ledger.record(folderOf(shard), known);
  });

  const indexShard = async (shard: SearchShard, position: number): Promise<ShardReport> => {
    const target = path.join(bundleDir, shardFolder(shard.id));
    const unchanged = { id: shard.id, year: shard.year, pages: shard.releases.length, indexed: false };
    const contentKey = contentKeys[position];
    const known = contentKey === undefined ? undefined : lexicon.keyOf(contentKey);
    if (known !== undefined) {
      keysById.set(shard.id, known);
      if (published[position]) {
        cache!.keep(known);
        return unchanged;
      }
      if (await cache!.restore(known, target)) return unchanged;
    }
    const job: ShardJob = {
      shard: shard.id,
      releases: shard.releases.map(shardJobRelease),
      target,
      lexicon: (entries ??= lexicon.entries()),
      ...(contentKey === undefined ? {} : { cache: { dir: cache!.directory, contentKey, lexiconDir: lexiconFolder! } }),
      ...(options.directoryCache === undefined ? {} : { directoryCache: options.directoryCache }),
    };
    const result = await (pool ? pool.run(job) : runShardJob(job, () => stopped));
    if (result !== undefined) {
      cache!.keep(result.key);
      lexicon.indexed(contentKey!, result.sum);
      ledger?.record(folderOf(shard), result.key);
      keysById.set(shard.id, result.key);
    }
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
  if (options.prune && cache) {
    cache.keep(LEXICON_FOLDER);
    await cache.prune();
  }
  await lexicon.save(options.prune ?? false);
  return { shards: report, workersStarted: pool?.started ?? 0, keys: keysById };
}

/** A shard's key in the shard cache: its releases' addresses, languages and file hashes (and the code, through the cache's version). */
export function shardKey(cache: ShardCache, shard: SearchShard): string {
  return cache.key(shard.releases.flatMap((release) => [release.url, release.lang, release.fileHash]));
}

/**
 * A shard's bundle for the directory to read its words from (directory-build.ts), when its
 * entries are not in the directory's cache: the shard cache's entry, the one this build wrote,
 * the published site's; and when none is here (a site published elsewhere, built without the
 * shard cache), the shard is indexed again into `scratch`.
 */
export async function shardBundle(
  shard: SearchShard,
  key: string,
  folders: { cache: ShardCache; siteDir: string; publishedDir?: string | undefined; scratch: string; lexicon: ArchiveLexicon },
): Promise<string> {
  const candidates = [path.join(folders.cache.directory, key), path.join(folders.siteDir, ...SEARCH_BUNDLE_PATH.split("/").filter(Boolean), shardFolder(shard.id))];
  if (folders.publishedDir) candidates.push(path.join(folders.publishedDir, ...SEARCH_BUNDLE_PATH.split("/").filter(Boolean), shardFolder(shard.id)));
  for (const folder of candidates) if (existsSync(path.join(folder, "pagefind-entry.json"))) return folder;
  await runShardJob({ shard: shard.id, releases: shard.releases.map(shardJobRelease), target: folders.scratch, lexicon: folders.lexicon.entries() });
  return folders.scratch;
}

/** Stops every Pagefind backend process and search worker thread, so that a one-off build can exit. */
export async function stopSearchIndexer(): Promise<void> {
  await closeSearchWorkers();
  await closePagefind();
}
