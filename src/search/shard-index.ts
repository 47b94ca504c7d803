/**
 * Indexing one search shard, the whole job: its release files read (and checked against the
 * hashes the archive was read with), their Markdown parsed into blocks, the shard's compounds
 * learnt and its documents written (document.ts, text.ts), one Pagefind index
 * made over them, its bundle put in one byte order (pagefind-bundle.ts), stored in the shard
 * cache and written into its folder of the site.
 *
 * The job runs in a worker thread of the pool (pool.ts, worker.ts), each with its
 * own Pagefind backend, or on the main thread when there are no workers: the same code either
 * way, so the bytes are the same. A job is plain data (`ShardJob`), since a worker receives it
 * as a structured clone: releases carry luxon DateTimes, rebuilt here from their instant.
 */
import { mkdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { DateTime } from "luxon";
import * as pagefind from "pagefind";
import type { Release } from "../content/release.js";
import { readReleaseSource } from "../content/release-source.js";
import { TEHRAN_ZONE } from "../persian/dates.js";
import { parseFrontMatter } from "../content/front-matter.js";
import { createMarkdown } from "../render/markdown.js";
import { CompoundLexicon, entriesWithin } from "../persian/lexicon.js";
import { canonicalPagefindBundle, type BundleFile } from "./pagefind-bundle.js";
import { storeBundle } from "./shard-cache.js";
import { lexiconShardKey, shardLexiconSum, storeVocabularyFilter, VocabularyFilter } from "./shard-lexicon.js";
import { bundlePostings, storeShardPostings } from "./shard-postings.js";
import { markdownBlocks, releaseTexts, searchDocument, type SearchRelease, type TextBlock } from "./document.js";
import { IndexTextEncoder } from "./text.js";

/** Documents handed to Pagefind at once: its backend indexes them in parallel. */
const BATCH_SIZE = 64;

/** A release as a job carries it: what its search document needs, and its file to read and check. */
export interface ShardJobRelease extends Omit<SearchRelease, "date"> {
  /** The instant, in milliseconds since 1970 (the document shows and sorts it in Tehran time whatever its zone). */
  date: number;
  inputPath: string;
  fileHash: string;
}

export interface ShardJob {
  /** The shard's id, for messages. */
  shard: string;
  releases: ShardJobRelease[];
  /** The folder the bundle is written into (emptied first). */
  target: string;
  /** The archive's compounds and their counts, capped (`ArchiveLexicon.entries()`). */
  lexicon: Array<[string, number]>;
  /**
   * Where the bundle is stored in the shard cache, if there is one: under its key, which is
   * `contentKey` (the releases' files and the code) with the sum of the lexicon's entries the
   * shard's words meet (shard-lexicon.ts). The job stores the shard's vocabulary filter in
   * `lexiconDir` under `contentKey`, so that the next build works the key out without indexing.
   */
  cache?: { dir: string; contentKey: string; lexiconDir: string };
  /** The search directory's cache: the shard's postings are stored there under the same key (directory-build.ts). */
  directoryCache?: string;
}

export function shardJobRelease(release: Release): ShardJobRelease {
  // Field by field: the whole Release would carry a DateTime's internals and fields no document uses.
  const { id, url, lang, title, lead, organization, tags, county, inputPath, fileHash, type, dateOnly } = release;
  return {
    id,
    url,
    lang,
    title,
    ...(lead === undefined ? {} : { lead }),
    ...(organization === undefined ? {} : { organization }),
    tags: [...tags],
    ...(county === undefined ? {} : { county: { name: county.name, slug: county.slug } }),
    date: release.date.toMillis(),
    type,
    ...(dateOnly ? { dateOnly } : {}),
    inputPath,
    fileHash,
  };
}

function searchRelease(release: ShardJobRelease): SearchRelease {
  return { ...release, date: DateTime.fromMillis(release.date, { zone: TEHRAN_ZONE }) };
}

/** The job was stopped before it finished (another shard failed, or the build did). */
export class ShardJobStopped extends Error {
  constructor(shard: string) {
    super(`Search shard ${shard} was not finished: the build stopped`);
    this.name = "ShardJobStopped";
  }
}

/**
 * Runs a job. `stopped` is asked between steps (and between Pagefind's batches and the files
 * written): once it says yes, the job writes nothing more and fails with ShardJobStopped.
 */
/** What a job tells the build: the shard's key in the cache and its lexicon sum (shard-lexicon.ts), when it has a cache. */
export interface ShardJobResult {
  key: string;
  sum: string;
}

export async function runShardJob(job: ShardJob, stopped: () => boolean = () => false): Promise<ShardJobResult | undefined> {
  const checkpoint = () => {
    if (stopped()) throw new ShardJobStopped(job.shard);
  };
  // Release files are not Eleventy templates (src/pages/release-pages.ts): each text is read from its file.
  const sources = await Promise.all(job.releases.map((release) => readReleaseSource(release)));
  checkpoint();
  const parser = createMarkdown();
  const releases = job.releases.map((release, position) => ({
    release: searchRelease(release),
    blocks: markdownBlocks(parseFrontMatter(sources[position]!).body, parser),
  }));
  const { vocabulary, documents } = shardSearchDocuments(releases, job.lexicon);
  const files = await indexDocuments(documents, checkpoint);
  checkpoint();
  let result: ShardJobResult | undefined;
  if (job.cache) {
    const filter = VocabularyFilter.of(vocabulary);
    const sum = shardLexiconSum(filter, job.lexicon);
    result = { key: lexiconShardKey(job.cache.contentKey, sum), sum };
    await storeBundle(job.cache.dir, result.key, files);
    await storeVocabularyFilter(job.cache.lexiconDir, job.cache.contentKey, filter);
    if (job.directoryCache) {
      const byPath = new Map(files.map((file) => [file.path, file.content]));
      const postings = await bundlePostings(job.shard, async (file) => byPath.get(file) ?? new Uint8Array());
      await storeShardPostings(job.directoryCache, result.key, postings);
    }
  }
  await writeBundle(job.target, files, checkpoint);
  return result;
}

/**
 * A shard's vocabulary and its documents. The documents read with the entries of the archive's
 * lexicon the shard's words meet: the same documents as with the whole lexicon, at the cost of a
 * lexicon the size of the shard's. Each text is split into words once, for both.
 */
export function shardSearchDocuments(releases: readonly IndexedRelease[], lexicon: Array<[string, number]>): { vocabulary: Set<string>; documents: SearchDocumentFile[] } {
  const vocabularyReader = new IndexTextEncoder();
  const vocabulary = shardVocabulary(releases, vocabularyReader);
  const documents = shardDocuments(releases, vocabularyReader.readingWith(CompoundLexicon.fromEntries(entriesWithin(lexicon, vocabulary))));
  return { vocabulary, documents };
}

/** Every key the shard's words can be read as, whatever the lexicon: what decides which compounds it uses. */
export function shardVocabulary(releases: readonly IndexedRelease[], encoder = new IndexTextEncoder()): Set<string> {
  const vocabulary = new Set<string>();
  for (const { release, blocks } of releases) for (const text of releaseTexts(release, blocks)) encoder.addVocabulary(text, vocabulary);
  return vocabulary;
}

export interface IndexedRelease {
  release: SearchRelease;
  blocks: TextBlock[];
}

/** Pagefind's bundle files that the search page never loads (its ready-made interfaces). */
const UNUSED_BUNDLE_FILE = /^pagefind-(ui|component-ui|modular-ui|highlight)\./;

/** A document for Pagefind: the address a result opens and the HTML it indexes (document.ts). */
export interface SearchDocumentFile {
  url: string;
  content: string;
}

/**
 * The documents of one shard, its compounds read with the encoder's lexicon (the archive's, or the
 * part of it the shard's words meet: the documents are the same).
 */
export function shardDocuments(releases: readonly IndexedRelease[], encoder: IndexTextEncoder): SearchDocumentFile[] {
  return releases.flatMap(({ release, blocks }) =>
    (release.lang === "fa" ? (["fa"] as const) : (["fa", release.lang] as const)).map((language) => ({
      // Pagefind keeps one document per address: the Persian index's copy of an English
      // release gets an empty fragment, which opens the same page.
      url: language === release.lang ? release.url : `${release.url}#`,
      content: searchDocument(release, blocks, encoder, language),
    })),
  );
}

/**
 * One Pagefind index over `documents`, returned as its files; Pagefind's memory is freed after.
 * It is this thread's Pagefind backend: each worker thread has its own.
 */
export async function indexDocuments(documents: readonly SearchDocumentFile[], checkpoint: () => void = () => {}): Promise<BundleFile[]> {
  const created = await pagefind.createIndex({});
  const index = created.index;
  if (!index) throw new Error(`Pagefind could not start: ${created.errors.join("; ")}`);
  try {
    for (let start = 0; start < documents.length; start += BATCH_SIZE) {
      checkpoint();
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
export async function writeBundle(target: string, files: readonly BundleFile[], checkpoint: () => void = () => {}): Promise<void> {
  await rm(target, { recursive: true, force: true });
  for (const file of files) {
    checkpoint();
    const output = path.join(target, file.path);
    await mkdir(path.dirname(output), { recursive: true });
    await writeFile(output, file.content);
  }
}

/** Stops this thread's Pagefind backend process (a thread or process with one open does not exit). */
export async function closePagefind(): Promise<void> {
  await pagefind.close();
}
