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
 * cache is one JSON file per content folder.
 */
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { DateTime } from "luxon";
import { cacheFolder } from "./cache-dir.js";
import { TEHRAN_ZONE } from "./dates.js";
import type { Release } from "./content.js";

const run = promisify(execFile);

export const ARCHIVE_CACHE_VARIABLE = "AKHBAR_ARCHIVE_CACHE";

export function archiveCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  return cacheFolder("akhbar-archive", ARCHIVE_CACHE_VARIABLE, env);
}

/** Git's blob id of a file's bytes: the `fileHash` of every release, however it was learnt. */
export function blobId(source: string | Uint8Array): string {
  const bytes = typeof source === "string" ? Buffer.from(source, "utf8") : source;
  return createHash("sha1").update(`blob ${bytes.byteLength}\0`).update(bytes).digest("hex");
}

/** What the cache keeps of a release: everything but its path (the same text may move) and its embargo. */
export interface ReleaseRecord {
  release: Omit<Release, "date" | "inputPath" | "embargoed"> & { date: number };
  /** The line of `id:`, for duplicate-id messages. */
  idLine: number;
}

export function toRecord(release: Release, idLine: number): ReleaseRecord {
  const { date, inputPath, embargoed, ...rest } = release;
  return { release: { ...rest, date: date.toMillis() }, idLine };
}

export function fromRecord(record: ReleaseRecord, inputPath: string): Release {
  return { ...record.release, date: DateTime.fromMillis(record.release.date, { zone: TEHRAN_ZONE }), inputPath };
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
  const autocrlf = (await git("config", "--get", "core.autocrlf").catch(() => "")).trim();
  if (autocrlf === "true" || autocrlf === "input") return known;
  if ((await git("ls-files", "-z", "--", ":(top,glob)**/.gitattributes")).length > 0 || existsSync(path.join(root, ".git", "info", "attributes"))) return known;

  const modified = new Set((await git("diff-files", "--name-only", "-z", "--", ".")).split("\0").filter(Boolean));
  // `-s`: mode, blob id, stage, then a tab and the path from the repository's root (`--full-name`).
  for (const line of (await git("ls-files", "-s", "-z", "--full-name", "--", ".")).split("\0")) {
    const tab = line.indexOf("\t");
    if (tab === -1) continue;
    const [, id, stage] = line.slice(0, tab).split(" ");
    const file = line.slice(tab + 1);
    // A file in the middle of a merge (stage 1–3) or modified since it was staged is read instead.
    if (stage !== "0" || modified.has(file) || id === undefined) continue;
    known.set(path.join(root, file), id);
  }
  return known;
}

/** The cache file of one content folder: its releases by blob id. */
export class ArchiveCache {
  private readonly file: string;
  private records = new Map<string, ReleaseRecord>();
  private readonly used = new Map<string, ReleaseRecord>();
  private changed = false;

  constructor(contentDir: string, dir: string = archiveCacheDir()) {
    this.file = path.join(dir, `${createHash("sha1").update(path.resolve(contentDir)).digest("hex").slice(0, 16)}.json`);
  }

  async open(): Promise<void> {
    try {
      this.records = new Map(JSON.parse(await readFile(this.file, "utf8")) as [string, ReleaseRecord][]);
    } catch {
      this.records = new Map(); // none yet, or unreadable: every file is read
    }
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
    this.changed = true;
  }

  /** Keeps the records this load used, and only those; written only if they differ from the file's. */
  async save(): Promise<void> {
    if (!this.changed && this.used.size === this.records.size) return;
    await mkdir(path.dirname(this.file), { recursive: true });
    const temporary = `${this.file}.${process.pid}.tmp`;
    await writeFile(temporary, JSON.stringify([...this.used]));
    await rename(temporary, this.file);
  }
}
