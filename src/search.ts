/**
 * Search: the Pagefind index of the releases, built through Pagefind's Node API as the last
 * step of every build (production and dev server alike), and the search page's script.
 * The index is in shards, one Pagefind bundle per run of months of a Jalali year of at most
 * 1,500 releases (search-shards.ts), each kept in the build cache (search-cache.ts) so that a
 * build indexes only the shards that changed (the daily build: the newest one or two).
 *
 * The index is not made from the published pages. Each release is added as a small
 * document of normalized text (`search-document.ts`), so that every spelling of a word
 * finds it while the page keeps the editor's spelling. The search page's script
 * (`search-client.ts`) is bundled with the same Persian rules to normalize queries.
 * docs/search.md explains the design.
 */
import { mkdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { UserConfig } from "@11ty/eleventy";
import { build } from "esbuild";
import * as pagefind from "pagefind";
import { readReleaseSource, type Release } from "./content.js";
import { parseFrontMatter } from "./frontmatter.js";
import type { AkhbarContext } from "./context.js";
import { createMarkdown } from "./markdown.js";
import { markdownBlocks, releaseTexts, searchDocument, type TextBlock } from "./search-document.js";
import { CompoundLexicon, IndexTextEncoder } from "./search-text.js";
import { canonicalPagefindBundle } from "./pagefind-bundle.js";
import { ledgerFor } from "./publish.js";
import { searchCacheDir, ShardCache, type BundleFile } from "./search-cache.js";
import { SEARCH_BUNDLE_PATH, searchShards, shardFolder, type SearchShard } from "./search-shards.js";

const CLIENT_ENTRY = fileURLToPath(new URL("./search-client.ts", import.meta.url));
/** Documents handed to Pagefind at once: its backend indexes them in parallel. */
const BATCH_SIZE = 64;

/**
 * The index is started as soon as the archive is read and waited for at the end of the build:
 * Pagefind indexes in its own process, on the other core, while Node renders the pages (the
 * index is made from the release files, not from the pages, so it needs nothing they write).
 */
export function registerSearchIndex(eleventyConfig: UserConfig, context: AkhbarContext): void {
  let indexing: Promise<SearchIndexReport> | undefined;
  eleventyConfig.on("eleventy.before", ({ directories }) => {
    indexing = buildSearchShards(directories.output, searchShards(context.index()), {
      cache: new ShardCache(searchCacheDir()),
      prune: !context.includeDrafts(),
    });
    // Its failure is reported when it is waited for, below; a build that fails before then
    // waits for it to stop (searchIndexSettled) and reports its own error.
    inFlight = indexing.then(
      () => undefined,
      () => undefined,
    );
  });
  eleventyConfig.on("eleventy.after", async () => {
    if (!indexing) throw new Error("Internal error: the search index was not started before the build");
    const report = await indexing;
    indexing = undefined;
    const indexed = report.shards.filter((shard) => shard.indexed).length;
    console.log(`[akhbar] search index: ${report.shards.length} shards, ${indexed} indexed, ${report.shards.length - indexed} unchanged (from ${searchCacheDir()})`);
  });
}

export interface ShardReport {
  id: string;
  year: number;
  pages: number;
  /** false: the shard's inputs were unchanged and its bundle came from the cache. */
  indexed: boolean;
}

export interface SearchIndexReport {
  shards: ShardReport[];
}

export interface IndexedRelease {
  release: Release;
  blocks: TextBlock[];
}

export interface ShardBuildOptions {
  /** Without a cache, every shard is indexed. */
  cache?: ShardCache;
  /** Remove the cache entries this build did not use (production builds). */
  prune?: boolean;
  /** Shards indexed at once (default 1: Pagefind's memory is one shard's); see docs/search.md for the measurement. */
  concurrency?: number;
}

/**
 * Writes one Pagefind bundle per shard into `<siteDir>/pagefind/<shard id>/`, one shard after
 * the other, so that Pagefind's memory is that of one shard. A shard whose inputs are in the
 * cache is restored from it instead.
 */
export async function buildSearchShards(siteDir: string, shards: readonly SearchShard[], options: ShardBuildOptions = {}): Promise<SearchIndexReport> {
  const bundleDir = path.join(siteDir, ...SEARCH_BUNDLE_PATH.split("/").filter(Boolean));
  const ledger = ledgerFor(siteDir);
  // Shards the archive no longer has must not stay published (the dev server keeps its output).
  if (!ledger) await rm(bundleDir, { recursive: true, force: true });
  const parser = createMarkdown();
  const indexShard = async (shard: SearchShard): Promise<ShardReport> => {
    const folder = shardFolder(shard.id);
    const target = path.join(bundleDir, folder);
    const unchanged = { id: shard.id, year: shard.year, pages: shard.releases.length, indexed: false };
    // Each release's file hash stands for its text: a shard found in the cache reads no file.
    const key = options.cache?.key(shard.releases.flatMap((release) => [release.url, release.lang, release.fileHash]));
    if (key !== undefined) {
      // A shard is published as one folder: one the site already has is neither restored nor written.
      if (ledger?.record(`${SEARCH_BUNDLE_PATH}${folder}`, key)) {
        options.cache!.keep(key);
        return unchanged;
      }
      if (await options.cache!.restore(key, target)) return unchanged;
    }
    // Release files are not Eleventy templates (src/release-pages.ts): each text is read from its file.
    const sources = await Promise.all(shard.releases.map((release) => readReleaseSource(release)));
    const indexed = shard.releases.map((release, position) => ({ release, blocks: markdownBlocks(parseFrontMatter(sources[position]!).body, parser) }));
    const files = await indexReleases(indexed);
    if (key !== undefined) await options.cache!.store(key, files);
    await writeBundle(target, files);
    return { id: shard.id, year: shard.year, pages: shard.releases.length, indexed: true };
  };
  const report: ShardReport[] = new Array(shards.length);
  let next = 0;
  const runner = async (): Promise<void> => {
    while (next < shards.length) {
      const position = next++;
      report[position] = await indexShard(shards[position]!);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? 1) }, runner));
  if (options.prune) await options.cache?.prune();
  return { shards: report };
}

/** Pagefind's bundle files that the search page never loads (its ready-made interfaces). */
const UNUSED_BUNDLE_FILE = /^pagefind-(ui|component-ui|modular-ui|highlight)\./;

/** A document for Pagefind: the address a result opens and the HTML it indexes (search-document.ts). */
export interface SearchDocumentFile {
  url: string;
  content: string;
}

/**
 * The documents of one shard. The compounds are learnt from these releases only, so that a
 * shard's documents depend on its own releases and nothing else: a release added to one
 * shard cannot change another shard's index.
 */
export function shardDocuments(releases: readonly IndexedRelease[]): SearchDocumentFile[] {
  // First pass: the compounds these releases write with a half-space; second: the documents.
  const lexicon = new CompoundLexicon();
  for (const { release, blocks } of releases) for (const text of releaseTexts(release, blocks)) lexicon.learn(text);
  const encoder = new IndexTextEncoder(lexicon);
  return releases.flatMap(({ release, blocks }) =>
    (release.lang === "fa" ? (["fa"] as const) : (["fa", release.lang] as const)).map((language) => ({
      // Pagefind keeps one document per address: the Persian index's copy of an English
      // release gets an empty fragment, which opens the same page.
      url: language === release.lang ? release.url : `${release.url}#`,
      content: searchDocument(release, blocks, encoder, language),
    })),
  );
}

/** One Pagefind index over `releases` (one shard), returned as its files. */
export async function indexReleases(releases: readonly IndexedRelease[]): Promise<BundleFile[]> {
  return indexDocuments(shardDocuments(releases));
}

/** One Pagefind index over `documents`, returned as its files; Pagefind's memory is freed after. */
export async function indexDocuments(documents: readonly SearchDocumentFile[]): Promise<BundleFile[]> {
  const created = await pagefind.createIndex({});
  const index = created.index;
  if (!index) throw new Error(`Pagefind could not start: ${created.errors.join("; ")}`);
  try {
    for (let start = 0; start < documents.length; start += BATCH_SIZE) {
      const added = await Promise.all(documents.slice(start, start + BATCH_SIZE).map((document) => index.addHTMLFile(document)));
      const errors = added.flatMap((response) => response.errors);
      if (errors.length > 0) throw new Error(`Pagefind could not index the releases: ${errors.join("; ")}`);
    }
    // The files are taken from Pagefind and written by the caller rather than by `writeFiles`:
    // its backend was seen to leave a file empty when the build moved on (swap, close) right
    // after it answered. Written here, every byte is on disk before the build goes on.
    const bundle = await index.getFiles();
    if (bundle.errors.length > 0) throw new Error(`Pagefind could not write its index: ${bundle.errors.join("; ")}`);
    // In one order, so that builds are byte-identical (Pagefind's own order changes from run to run).
    return canonicalPagefindBundle(bundle.files.filter((file) => !UNUSED_BUNDLE_FILE.test(file.path)));
  } finally {
    await index.deleteIndex();
  }
}

/** Writes a bundle's files into `target`, emptied first. */
export async function writeBundle(target: string, files: readonly BundleFile[]): Promise<void> {
  await rm(target, { recursive: true, force: true });
  for (const file of files) {
    const output = path.join(target, file.path);
    await mkdir(path.dirname(output), { recursive: true });
    await writeFile(output, file.content);
  }
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

/** The index under way, if any, as a promise that never fails. */
let inFlight: Promise<void> = Promise.resolve();

/** Resolves once no search index is being written (a failed build removes its output after). */
export function searchIndexSettled(): Promise<void> {
  return inFlight;
}

/** Stops Pagefind's backend process so that a one-off build can exit. */
export async function stopSearchIndexer(): Promise<void> {
  await pagefind.close();
}
