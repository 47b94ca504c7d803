/**
 * Publishing a build over the site that is already there, writing only what changed.
 *
 * A 150,000-release site is ~500,000 files. On this project's machine merely hard-linking
 * that many files into a fresh folder takes 44 s and removing them 61 s, so a build that
 * starts from an empty staging folder can never add one release in 30 s. Instead:
 *
 * - The build records what each file of the new site is (its "version": the build-cache key
 *   that made it, or a hash of its bytes) in a ledger. A file whose version is the one the
 *   published site already has is not written at all; the staging folder receives only the
 *   files that changed. A shard of the search index is recorded as one folder.
 * - When the build has succeeded, the changed files are moved into the published site and
 *   the files the new site no longer has are removed. A journal is written first: a build
 *   killed while moving is finished by the next build before it starts. A failed build never
 *   touches the published site: its staging folder is removed, as before.
 *
 * The site's manifest (every file's version) is kept in the build cache; a seal file in the
 * site names the manifest it matches. A site without a matching seal (first build, a site
 * restored without its cache, or one the dev server wrote into) is built in full into the
 * staging folder and swapped in whole.
 */
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { writeFileAtomic } from "./atomic-write.js";
import { cacheFolder } from "./cache-dir.js";

export const SITE_MANIFEST_VARIABLE = "AKHBAR_SITE_MANIFEST";
/** The seal: which manifest describes this site. A dot file, so that hosts and crawls ignore it. */
export const SEAL_FILE = ".akhbar-build";

/** Root-relative path (`/news/1/index.html`), or a folder kept whole (`/pagefind/1404/`), to its version. */
export type SiteEntries = Map<string, string>;

export function siteManifestDir(env: NodeJS.ProcessEnv = process.env): string {
  return cacheFolder("akhbar-site", SITE_MANIFEST_VARIABLE, env);
}

/** The version of a file known only by its bytes. */
export function contentVersion(content: string | Uint8Array): string {
  return createHash("sha1").update(content).digest("hex");
}

/** What the build under way writes, and what the published site already has. */
export class OutputLedger {
  readonly entries: SiteEntries;

  constructor(
    private readonly published: ReadonlyMap<string, string> = new Map(),
    /** The published site this build is written over, when it writes only what changed. */
    readonly publishedDir?: string,
    /**
     * `published` itself is this build's record, taken over as it is and updated in place: the
     * files a build knows it leaves unchanged without making them (the dev server's rebuild of
     * edited releases; a copy of 500,000 entries took 0.4 s of each save).
     */
    carried = false,
  ) {
    this.entries = carried ? (published as SiteEntries) : new Map();
  }

  /** Records `file` (root-relative) at `version`; true when the published site already has exactly that. */
  record(file: string, version: string): boolean {
    // Read before the entry is set: in a carried ledger the two are one map.
    const published = this.published.get(file) === version;
    this.entries.set(file, version);
    this.folders = undefined;
    return published;
  }

  private folders: Set<string> | undefined;

  /** Whether a recorded file or kept folder is `url`, or is inside the folder `url`. */
  holds(url: string): boolean {
    if (this.entries.has(url) || this.entries.has(`${url}/`)) return true;
    if (!this.folders) {
      this.folders = new Set();
      for (const file of this.entries.keys()) {
        for (let end = file.indexOf("/", 1); end !== -1; end = file.indexOf("/", end + 1)) this.folders.add(file.slice(0, end));
      }
    }
    return this.folders.has(url);
  }
}

interface Manifest {
  id: string;
  entries: [string, string][];
}

export interface Journal {
  target: string;
  staging: string;
  /** Root-relative paths moved from staging into the site: files, and folders kept whole. */
  moves: string[];
  removals: string[];
  /** The new manifest's id; the manifest itself waits beside the journal (`<manifest>.next`) until the moves are done. */
  manifestId: string;
}

function manifestFile(dir: string, target: string): string {
  return path.join(dir, `${contentVersion(target).slice(0, 16)}.json`);
}

/**
 * A manifest's id: a hash of its sorted entries, so that two builds of the same site are the same
 * bytes, seal included. Hashed entry by entry: one string of 500,000 entries is ~50 MB.
 */
export function manifestId(entries: readonly (readonly [string, string])[]): string {
  const hash = createHash("sha1");
  for (const [file, version] of entries) hash.update(`${file}\0${version}\n`);
  return hash.digest("hex");
}

const toFsPath = (root: string, file: string) => path.join(root, ...file.split("/").filter(Boolean));

async function writeAtomically(file: string, content: string): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  await writeFileAtomic(file, content);
}

/** The published site's entries, when its seal matches the manifest in the cache. */
async function publishedEntries(target: string, manifestPath: string): Promise<SiteEntries | undefined> {
  try {
    const [seal, text] = await Promise.all([readFile(path.join(target, SEAL_FILE), "utf8"), readFile(manifestPath, "utf8")]);
    const manifest = JSON.parse(text) as Manifest;
    return manifest.id === seal.trim() ? new Map(manifest.entries) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * What the staging folder holds, root-relative: its files, and the folders a writer recorded
 * whole (search shards), which are not entered.
 */
async function stagedPaths(root: string, ledger: OutputLedger, folder = "/", found = { files: [] as string[], folders: [] as string[] }): Promise<{ files: string[]; folders: string[] }> {
  for (const entry of await readdir(toFsPath(root, folder), { withFileTypes: true })) {
    const file = `${folder}${entry.name}`;
    if (!entry.isDirectory()) found.files.push(file);
    else if (ledger.entries.has(`${file}/`)) found.folders.push(`${file}/`);
    // Into the same lists: spreading a folder's 150,000 files into push() overflowed the stack.
    else await stagedPaths(root, ledger, `${file}/`, found);
  }
  return found;
}

async function applyJournal(journal: Journal): Promise<void> {
  for (const file of journal.moves) {
    const from = toFsPath(journal.staging, file);
    if (!existsSync(from)) continue; // moved before the process stopped
    const to = toFsPath(journal.target, file);
    await mkdir(path.dirname(to), { recursive: true });
    if (file.endsWith("/")) await rm(to, { recursive: true, force: true });
    await rename(from, to);
  }
  for (const file of journal.removals) {
    const removed = toFsPath(journal.target, file);
    await rm(removed, { recursive: true, force: true });
    // A release taken out leaves its folder empty: remove the empty folders up the path.
    for (let folder = path.dirname(removed); folder.startsWith(`${journal.target}${path.sep}`); folder = path.dirname(folder)) {
      if ((await readdir(folder).catch(() => ["?"])).length > 0) break;
      await rm(folder, { recursive: true, force: true });
    }
  }
  await writeFile(path.join(journal.target, SEAL_FILE), `${journal.manifestId}\n`);
}

/**
 * A publication of a build into `target`: `prepare` before the build (finishes an interrupted
 * commit, reads the published manifest, opens the ledger), `commit` after it succeeded.
 */
export class Publication {
  private readonly manifestPath: string;
  private readonly nextManifestPath: string;
  private readonly journalPath: string;
  private published: SiteEntries | undefined;
  ledger = new OutputLedger();

  constructor(
    readonly target: string,
    readonly staging: string,
    manifestDir: string = siteManifestDir(),
  ) {
    this.manifestPath = manifestFile(manifestDir, target);
    this.nextManifestPath = `${this.manifestPath}.next`;
    this.journalPath = `${this.manifestPath}.journal`;
  }

  /** Whether this build writes only what changed (the published site matches its manifest). */
  get incremental(): boolean {
    return this.published !== undefined;
  }

  /** Before the build: finishes a commit the last build did not (its files are in staging), then empties staging. */
  async prepare(): Promise<void> {
    await this.finishInterruptedCommit();
    await rm(this.staging, { recursive: true, force: true });
    this.published = await publishedEntries(this.target, this.manifestPath);
    this.ledger = new OutputLedger(this.published ?? new Map(), this.published ? this.target : undefined);
  }

  /** Puts the staged build in place; returns how many files were moved and removed. */
  async commit(): Promise<{ moved: number; removed: number }> {
    const journal = await this.stage();
    if (!journal) return { moved: this.ledger.entries.size, removed: 0 };
    await this.finish(journal);
    return { moved: journal.moves.length, removed: journal.removals.length };
  }

  /**
   * The first half of a commit. A full build is swapped in whole (nothing is left to finish);
   * a build over the site gets its journal written and the site's seal removed, and is then
   * `finish`ed: by this build, or by the next one if this process stops in between.
   */
  async stage(): Promise<Journal | undefined> {
    const { ledger } = this;
    const staged = await stagedPaths(this.staging, ledger);
    // Files no writer recorded (Eleventy's own pages, assets, pictures) are known by their bytes.
    for (const file of staged.files) if (!ledger.entries.has(file)) ledger.record(file, contentVersion(await readFile(toFsPath(this.staging, file))));
    ledger.entries.delete(`/${SEAL_FILE}`);
    const entries = [...ledger.entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    const manifest: Manifest = { id: manifestId(entries), entries };

    if (!this.published) {
      await writeFile(path.join(this.staging, SEAL_FILE), `${manifest.id}\n`);
      await Promise.all([rm(this.manifestPath, { force: true }), rm(this.nextManifestPath, { force: true })]);
      await swapIn(this.staging, this.target);
      await writeAtomically(this.manifestPath, JSON.stringify(manifest));
      return undefined;
    }

    // What was staged but is already published as it is (Eleventy's pages, assets) stays as it is.
    const published = this.published;
    const moves = [...staged.files, ...staged.folders].filter((file) => published.get(file) !== ledger.entries.get(file));
    const removals = [...published.keys()].filter((file) => !ledger.entries.has(file));
    const journal: Journal = { target: this.target, staging: this.staging, moves, removals, manifestId: manifest.id };
    // The manifest first, the journal that names it last: a journal on disk always has its manifest.
    await writeAtomically(this.nextManifestPath, JSON.stringify(manifest));
    await writeAtomically(this.journalPath, JSON.stringify(journal));
    // From here the site is being changed: without its seal, no build trusts its manifest until
    // the journal has been applied in full.
    await rm(path.join(this.target, SEAL_FILE), { force: true });
    return journal;
  }

  /** The second half of a commit: moves and removals applied, the manifest and seal put in place, staging removed. */
  async finish(journal: Journal): Promise<void> {
    await applyJournal(journal);
    // Already in place when the process stopped after this rename and before the journal went.
    if (existsSync(this.nextManifestPath)) await rename(this.nextManifestPath, this.manifestPath);
    await rm(this.journalPath, { force: true });
    await rm(journal.staging, { recursive: true, force: true });
  }

  private async finishInterruptedCommit(): Promise<void> {
    let journal: Journal;
    try {
      journal = JSON.parse(await readFile(this.journalPath, "utf8")) as Journal;
    } catch {
      return;
    }
    // A journal of an older Akhbar carried its manifest inside (and no id of its own).
    const old = journal as Journal & { manifest?: Manifest };
    if (old.manifest && !journal.manifestId) {
      journal.manifestId = old.manifest.id;
      await writeAtomically(this.nextManifestPath, JSON.stringify(old.manifest));
    }
    await this.finish(journal);
  }
}

/** Replaces `target` by `staging` with two renames; `restoreInterruptedSwap` repairs a process killed between them. */
export async function swapIn(staging: string, target: string): Promise<void> {
  const previous = `${target}.previous`;
  await rm(previous, { recursive: true, force: true });
  if (existsSync(target)) await rename(target, previous);
  await rename(staging, target);
  await rm(previous, { recursive: true, force: true });
}

export async function restoreInterruptedSwap(target: string): Promise<void> {
  const previous = `${target}.previous`;
  if (!existsSync(target) && existsSync(previous)) await rename(previous, target);
}
