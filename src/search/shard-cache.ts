/**
 * The build cache of search shards (`.cache/akhbar-search`, or AKHBAR_SEARCH_CACHE): each
 * shard's Pagefind bundle (a run of half-months of one Jalali year, shards.ts) is kept under
 * a hash of everything that shapes it, so that a build re-indexes only the shards whose
 * releases changed (the daily build: the newest half-month's shard, or the two it splits into).
 *
 * The key is made from the shard's inputs rather than from its search documents: the
 * documents are a pure function of the release files and the code, and making them costs
 * reading Markdown and encoding the text (~1 ms a release), which an unchanged shard should not
 * pay. Inputs: each release's address, language and file bytes (the shard's compounds are
 * learnt from the same files, so they are covered too), the code that indexes (the modules
 * shard-index.ts imports, by content, the data files, the locked dependencies and their patches,
 * Node's version: `searchCodeVersion`, from src/output/code-version.ts, so that the page cache is
 * not part of it) and Pagefind's version: the "content key". The bundle's key adds a sum over the
 * entries of the archive's compound lexicon that the shard's words meet (shard-lexicon.ts), so
 * that a compound learnt from another shard's release changes this key only when this shard
 * writes that compound spaced or joined. Any change gives another key, so a stale shard is never
 * served.
 *
 * Conventions of the page cache: entries are written under a temporary name and renamed
 * (src/output/atomic-write.ts; a build killed halfway leaves no half entry), and a production
 * build removes the entries it did not use (`pruneCacheFolder`). Files are hard-linked into the output (copied where linking fails, e.g.
 * across file systems); the output folder is always emptied first and nothing writes into
 * a published file in place, so a link never lets a build change a cache entry.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { copyFile, link, mkdir, readdir, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { temporaryPathFor } from "../output/atomic-write.js";
import { cacheFolder, pruneCacheFolder } from "../output/cache-dir.js";
import { moduleCodeVersion } from "../output/code-version.js";
import type { BundleFile } from "./pagefind-bundle.js";

export const SEARCH_CACHE_VARIABLE = "AKHBAR_SEARCH_CACHE";

export function searchCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  return cacheFolder("akhbar-search", SEARCH_CACHE_VARIABLE, env);
}

/** The version of Pagefind that writes the bundles (its files change between versions). */
export function pagefindVersion(): string {
  // Its package.json is not in its "exports": found from its entry point, folder by folder up.
  let folder = path.dirname(fileURLToPath(import.meta.resolve("pagefind")));
  for (;;) {
    try {
      const manifest = JSON.parse(readFileSync(path.join(folder, "package.json"), "utf8")) as { name?: string; version?: string };
      if (manifest.name === "pagefind" && manifest.version) return manifest.version;
    } catch {
      // no package.json here: go up
    }
    const parent = path.dirname(folder);
    if (parent === folder) throw new Error("Internal error: Pagefind's package.json was not found");
    folder = parent;
  }
}

/** The module that makes a shard's bundle (one shard's job): its import graph is the code a shard's key names. */
const SHARD_CODE_ENTRY = fileURLToPath(new URL(`./shard-index${path.extname(fileURLToPath(import.meta.url))}`, import.meta.url));
let searchCode: string | undefined;

/**
 * The code that makes search shards, hashed once per process: only what the indexing module
 * imports, so that a change to a layout or a list does not throw 40 minutes of indexing away.
 */
export function searchCodeVersion(): string {
  return (searchCode ??= moduleCodeVersion(SHARD_CODE_ENTRY));
}

export class ShardCache {
  private readonly used = new Set<string>();

  constructor(
    private readonly dir: string,
    private readonly version: string = `${searchCodeVersion()}\0pagefind ${pagefindVersion()}`,
  ) {}

  /** Where the entries are: a worker thread that indexed a shard stores it there itself (storeBundle). */
  get directory(): string {
    return this.dir;
  }

  /** The key of a shard whose inputs are `inputs`, in order. */
  key(inputs: Iterable<string>): string {
    const hash = createHash("sha256").update(this.version);
    // Each input's length first, so that no two lists of inputs hash alike.
    for (const input of inputs) hash.update(`\0${Buffer.byteLength(input)}\0`).update(input);
    return hash.digest("hex");
  }

  /** Keeps the entry under `key` through this build's pruning: the published site has the shard, a later build may need it. */
  keep(key: string): void {
    this.used.add(key);
  }

  /** Puts the bundle stored under `key` into `target` (emptied first); false if there is none. */
  async restore(key: string, target: string): Promise<boolean> {
    this.used.add(key);
    const entry = path.join(this.dir, key);
    let files: string[];
    try {
      if (!(await stat(entry)).isDirectory()) return false;
      files = await listFiles(entry);
    } catch {
      return false;
    }
    await rm(target, { recursive: true, force: true });
    for (const file of files) await linkOrCopy(path.join(entry, file), path.join(target, file));
    return true;
  }

  /** Stores a bundle under `key`. */
  async store(key: string, files: readonly BundleFile[]): Promise<void> {
    this.used.add(key);
    await storeBundle(this.dir, key, files);
  }

  /** Removes the entries this build did not use; returns how many. */
  async prune(): Promise<number> {
    return pruneCacheFolder(this.dir, (name) => this.used.has(name));
  }
}

/**
 * Stores a bundle under `key` in the cache folder `dir`, as ShardCache.store does, for a worker
 * thread, which has no ShardCache: the build's list of used entries is the main thread's
 * (it calls `keep` once the worker is done).
 */
export async function storeBundle(dir: string, key: string, files: readonly BundleFile[]): Promise<void> {
  const entry = path.join(dir, key);
  // Written whole under a temporary name, then renamed into place (a folder, so not writeFileAtomic).
  const temporary = temporaryPathFor(entry);
  await rm(temporary, { recursive: true, force: true });
  for (const file of files) {
    const target = path.join(temporary, file.path);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, file.content);
  }
  await rm(entry, { recursive: true, force: true });
  await rename(temporary, entry);
}

/** Every file under `dir`, as paths relative to it with "/", sorted. */
export async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join("/"))
    .sort();
}

async function linkOrCopy(source: string, target: string): Promise<void> {
  await mkdir(path.dirname(target), { recursive: true });
  try {
    await link(source, target);
  } catch {
    await copyFile(source, target);
  }
}

