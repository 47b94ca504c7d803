/**
 * The archive as the last build read it (`.cache/akhbar-archive`), so that a build reads only
 * the release files that changed.
 *
 * Reading and checking 150,000 release files took 70 s of every build, however few changed:
 * every file had to be read to learn whether it had. Git already knows: for a file that is
 * committed and unmodified, `git ls-files` gives the hash of its bytes (the blob id) without
 * reading it. Each valid release is cached under its blob id, as the release the build made
 * of it (a file's release depends on its bytes only; whether it is embargoed depends on the
 * build's "now" and is worked out again). A file git does not vouch for (untracked, modified,
 * outside a repository, or in a repository that converts line ends or filters files on
 * checkout) is read and hashed here, the same way, so one key names one text whoever hashed it.
 *
 * Hand-written because no library does this: git's own plumbing gives the hashes, and the
 * cache is a folder of JSON files per content folder.
 */
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readdir, readFile, rm } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { deserialize, serialize } from "node:v8";
import { DateTime } from "luxon";
import { writeFileAtomic } from "../output/atomic-write.js";
import { cacheFolder } from "../output/cache-dir.js";
import { moduleCodeVersion } from "../output/code-version.js";
import { TEHRAN } from "../persian/dates.js";
import type { Release } from "./release.js";

const run = promisify(execFile);

export const ARCHIVE_CACHE_VARIABLE = "AKHBAR_ARCHIVE_CACHE";

export function archiveCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  return cacheFolder("akhbar-archive", ARCHIVE_CACHE_VARIABLE, env);
}

/** What the cache keeps of a release: everything but its path (the same text may move) and its embargo. */
export interface ReleaseRecord {
  release: Omit<Release, "date" | "updated" | "inputPath" | "embargoed"> & { date: number; updated?: number };
  /** The line of `id:`, for duplicate-id messages. */
  idLine: number;
}

export function toRecord(release: Release, idLine: number): ReleaseRecord {
  const { date, updated, inputPath, embargoed, ...rest } = release;
  return { release: { ...rest, date: date.toMillis(), updated: updated?.toMillis() }, idLine };
}

export function fromRecord(record: ReleaseRecord, inputPath: string): Release {
  const { updated } = record.release;
  return { ...record.release, date: DateTime.fromMillis(record.release.date, { zone: TEHRAN }), updated: updated === undefined ? undefined : DateTime.fromMillis(updated, { zone: TEHRAN }), inputPath };
}

/**
 * The blob ids git vouches for, by absolute path: files of `contentDir` that are committed (or
 * staged) and unmodified. Empty when the folder is not in a repository, or when the repository
 * converts line ends or filters files (the bytes on disk would not be the blob's).
 */
export async function gitBlobIds(contentDir: string): Promise<Map<string, string>> {
  try {
    return await askGit(path.resolve(contentDir));
  } catch {
    // Git missing, or refusing this repository (another owner's, a broken index): every file is read.
    return new Map();
  }
}

async function askGit(dir: string): Promise<Map<string, string>> {
  const known = new Map<string, string>();
  const git = async (...args: string[]) => (await run("git", ["-C", dir, ...args], { maxBuffer: 1 << 30, encoding: "utf8" })).stdout;
  const root = (await git("rev-parse", "--show-toplevel")).trim();
  // Asked side by side: each is a process of its own, and the files' listing and their stat
  // (diff-files) take about as long as each other at 150,000 files.
  const [autocrlf, attributes, modifiedFiles, staged] = await Promise.all([
    git("config", "--get", "core.autocrlf").catch(() => ""),
    git("ls-files", "-z", "--", ":(top,glob)**/.gitattributes"),
    git("diff-files", "--name-only", "-z", "--", "."),
    // `-s`: mode, blob id, stage, then a tab and the path from the repository's root (`--full-name`).
    git("ls-files", "-s", "-z", "--full-name", "--", "."),
  ]);
  if (autocrlf.trim() === "true" || autocrlf.trim() === "input") return known;
  if (attributes.length > 0 || existsSync(path.join(root, ".git", "info", "attributes"))) return known;

  const modified = new Set(modifiedFiles.split("\0").filter(Boolean));
  // Git's paths are joined by hand where the separator is git's own: path.join on each of
  // 150,000 lines was most of this function's time.
  const absolute = path.sep === "/" ? (file: string) => `${root}/${file}` : (file: string) => path.join(root, file);
  for (const line of staged.split("\0")) {
    const tab = line.indexOf("\t");
    if (tab === -1) continue;
    const idStart = line.indexOf(" ") + 1;
    const stageStart = line.indexOf(" ", idStart) + 1;
    const file = line.slice(tab + 1);
    // A file in the middle of a merge (stage 1–3) or modified since it was staged is read instead.
    if (idStart === 0 || stageStart === 0 || line.slice(stageStart, tab) !== "0" || modified.has(file)) continue;
    known.set(absolute(file), line.slice(idStart, stageStart - 1));
  }
  return known;
}

/** The loader: its import graph is the code that decides what release a file makes, and whether it makes one. */
const LOADER_ENTRY = fileURLToPath(new URL(`./load${path.extname(fileURLToPath(import.meta.url))}`, import.meta.url));
let loaderCode: string | undefined;

/**
 * The code that checks release files, hashed once per process. A record says its file was found
 * valid: one made by other rules must not be used, or a file that a stricter check now refuses
 * (a control character, an id written `1e3`) would go on being published from the cache.
 */
export function loaderCodeVersion(): string {
  return (loaderCode ??= moduleCodeVersion(LOADER_ENTRY));
}

/** The file of a record: the first two hex digits of its blob id, so 256 files at most. */
const bucketOf = (id: string) => id.slice(0, 2);

/**
 * Buckets are in V8's serialization format, not JSON: at 150,000 releases, decoding 130 MB of
 * Persian UTF-8 and parsing it as JSON took 3.1 s of every build, V8's format 1.2 s (its strings
 * are stored as the engine holds them). Node documents the format as backward-compatible, safe
 * to store on disk; a bucket that cannot be read anyway is read again from its files.
 */
const BUCKET_FILE = /^([0-9a-f]{2})\.v8$/;
const bucketFile = (bucket: string) => `${bucket}.v8`;

/**
 * The cache of one content folder: its releases by blob id, in up to 256 files of one folder.
 * Split so that a day's build, which adds or changes a release or two, rewrites a file or two
 * (~0.5 MB each at 150,000 releases) instead of the whole 130 MB cache.
 */
export class ArchiveCache {
  private readonly dir: string;
  private records = new Map<string, ReleaseRecord>();
  private readonly used = new Map<string, ReleaseRecord>();
  /** Buckets read from disk with their record counts, and buckets given a new record in this load. */
  private readonly loaded = new Map<string, number>();
  private readonly changed = new Set<string>();
  /** Files of the folder in an earlier format (JSON buckets, buckets of other code), removed when the cache is saved. */
  private earlierFormat: string[] = [];

  constructor(
    contentDir: string,
    dir: string = archiveCacheDir(),
    /** The code the records were made by: buckets of other code are not read, and are removed when the cache is saved. */
    private readonly version: string = loaderCodeVersion(),
  ) {
    this.dir = path.join(dir, createHash("sha1").update(path.resolve(contentDir)).digest("hex").slice(0, 16));
  }

  async open(): Promise<void> {
    this.records = new Map();
    let names: string[];
    try {
      names = await readdir(this.dir);
    } catch {
      return; // none yet: every file is read
    }
    this.earlierFormat = names.filter((name) => /^[0-9a-f]{2}\.json$/.test(name));
    names = names.filter((name) => BUCKET_FILE.test(name));
    await Promise.all(
      names.map(async (name) => {
        let entries: [string, ReleaseRecord][];
        try {
          const bucket = deserialize(await readFile(path.join(this.dir, name))) as { version?: unknown; entries?: unknown } | null;
          if (bucket?.version !== this.version) {
            this.earlierFormat.push(name);
            return;
          }
          if (!Array.isArray(bucket.entries)) return;
          entries = bucket.entries as [string, ReleaseRecord][];
        } catch {
          return; // unreadable: its files are read again, and the bucket written anew
        }
        this.loaded.set(name.slice(0, 2), entries.length);
        for (const [id, record] of entries) this.records.set(id, record);
      }),
    );
  }

  /** How many files were known by their blob id and found here. */
  hits = 0;

  get(id: string): ReleaseRecord | undefined {
    const record = this.records.get(id);
    if (record) {
      this.used.set(id, record);
      this.hits++;
    }
    return record;
  }

  set(id: string, record: ReleaseRecord): void {
    this.used.set(id, record);
    // A file git does not vouch for (modified, untracked) is read on every build; its record, made
    // from the same bytes, is the one the cache has already.
    if (!this.records.has(id)) this.changed.add(bucketOf(id));
  }

  /** Keeps the records this load used, and only those; a bucket is written only if it differs from its file. */
  async save(): Promise<void> {
    const buckets = new Map<string, [string, ReleaseRecord][]>();
    for (const entry of this.used) {
      const bucket = bucketOf(entry[0]);
      const entries = buckets.get(bucket);
      if (entries) entries.push(entry);
      else buckets.set(bucket, [entry]);
    }
    const stale = [...this.loaded.keys()].filter((bucket) => !buckets.has(bucket));
    const rewritten = [...buckets].filter(([bucket, entries]) => this.changed.has(bucket) || this.loaded.get(bucket) !== entries.length);
    if (stale.length === 0 && rewritten.length === 0) return;
    await mkdir(this.dir, { recursive: true });
    // Earlier formats, in a cache CI restored: the one-file cache (`<folder>.json`, 130 MB at
    // 150,000 releases) and JSON buckets.
    await rm(`${this.dir}.json`, { force: true });
    for (const name of this.earlierFormat) await rm(path.join(this.dir, name), { force: true });
    for (const bucket of stale) await rm(path.join(this.dir, bucketFile(bucket)), { force: true });
    await Promise.all(rewritten.map(([bucket, entries]) => writeFileAtomic(path.join(this.dir, bucketFile(bucket)), serialize({ version: this.version, entries }))));
  }
}
