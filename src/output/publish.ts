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
 * The site's manifest (every file's version and size) is kept in the build cache; a seal file in
 * the site names the manifest it matches. A site without a matching seal (first build, a site
 * restored without its cache, or one the dev server wrote into) is built in full into the
 * staging folder and swapped in whole. A sealed site is still checked against its manifest
 * (`verifySite`): a file deleted or changed since (by hand, by a sync tool, by a build that
 * overlapped another) is written again rather than trusted for ever.
 *
 * The changed files move in an order (`orderMoves`) in which no page a reader can reach links
 * to a file not there yet; the journal keeps that order, so a build that finishes an
 * interrupted publish moves the rest in the same order. Only one build at a time may do any of
 * this: src/output/output-lock.ts.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, renameSync, stat, type Stats } from "node:fs";
import { mkdir, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
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

/** The published site of a build `--since-deploy`: a deploy target, with no folder here to read. */
export const ELSEWHERE = Symbol("published elsewhere");

/** What the build under way writes, and what the published site already has. */
export class OutputLedger {
  readonly entries: SiteEntries;

  constructor(
    private readonly published: ReadonlyMap<string, string> = new Map(),
    /**
     * The published site this build is written over, when it writes only what changed: a folder,
     * or `ELSEWHERE` when it is a deploy target known only by its record (`--since-deploy`).
     */
    readonly publishedDir?: string | typeof ELSEWHERE,
    /**
     * `published` itself is this build's record, taken over as it is and updated in place: the
     * files a build knows it leaves unchanged without making them (the dev server's rebuild of
     * edited releases; a copy of 500,000 entries took 0.4 s of each save).
     */
    carried = false,
  ) {
    this.entries = carried ? (published as SiteEntries) : new Map();
  }

  /** The published site's files and kept folders (root-relative), as its manifest or deploy record names them. */
  publishedPaths(): IterableIterator<string> {
    return this.published.keys();
  }

  /** The version the published site has `file` at, if it has it (read it before `record`: in a carried ledger the two are one map). */
  publishedVersion(file: string): string | undefined {
    return this.published.get(file);
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

/**
 * A manifest's form: 2 records each entry's size; 3 also what each folder kept whole holds
 * (`FolderContents`), so that the site's totals (`siteTotals`, which the host's limits are checked
 * against) come from the manifest and no folder of the published site is walked for them. An
 * older form (2, or an older Akhbar's without `format`) is not trusted: the site is built in full
 * once, which records what a version 3 needs.
 */
export const MANIFEST_FORMAT = 3;
/** The size recorded for a folder kept whole: only that it exists is checked. */
export const FOLDER_SIZE = -1;
/** The size recorded for an entry whose file this build could not find: never matched, so it is written again. */
const UNKNOWN_SIZE = -2;

/** What a folder kept whole (a search shard) holds: its files, their bytes, its largest file's bytes, and the folders inside it. */
export interface FolderContents {
  files: number;
  bytes: number;
  largest: number;
  folders: number;
}

/**
 * Root-relative path, version, size in bytes (FOLDER_SIZE for a folder kept whole), and for a
 * folder kept whole what it holds (from MANIFEST_FORMAT 3 on; a reader of `[file, version, size]` is unaffected).
 */
export type ManifestEntry = [file: string, version: string, size: number, contents?: FolderContents];

/** What a site adds up to, from its manifest (`siteTotals`): no folder is walked. */
export interface SiteTotals {
  /** Its files, each file inside a folder kept whole counted (the seal, which no host serves, aside). */
  files: number;
  /** Its folders, those inside folders kept whole too (the root aside). */
  folders: number;
  /** The bytes of all its files. */
  bytes: number;
  /** Its largest file; for one inside a folder kept whole, that folder. Undefined for a site without files. */
  largest?: { file: string; bytes: number };
}

/**
 * The totals of a site whose manifest has `entries`. A file whose size is not known (UNKNOWN_SIZE)
 * counts as a file of no bytes, and a folder kept whole without its contents as a folder alone.
 */
export function siteTotals(entries: readonly ManifestEntry[]): SiteTotals {
  const totals: SiteTotals = { files: 0, folders: 0, bytes: 0 };
  const folders = new Set<string>();
  const largest = (file: string, bytes: number) => {
    if (!totals.largest || bytes > totals.largest.bytes) totals.largest = { file, bytes };
  };
  for (const [file, , size, contents] of entries) {
    // Every folder on the way, a folder kept whole included (its path ends in `/`).
    for (let end = file.indexOf("/", 1); end !== -1; end = file.indexOf("/", end + 1)) folders.add(file.slice(0, end + 1));
    if (size === FOLDER_SIZE) {
      if (!contents) continue;
      totals.files += contents.files;
      totals.bytes += contents.bytes;
      totals.folders += contents.folders;
      if (contents.files > 0) largest(file, contents.largest);
      continue;
    }
    totals.files++;
    if (size >= 0) {
      totals.bytes += size;
      largest(file, size);
    }
  }
  totals.folders += folders.size;
  return totals;
}

/** What the folder `dir` holds, all the way down: each file stat'ed once (in batches, `statAll`). */
async function readFolderContents(dir: string): Promise<FolderContents> {
  const contents: FolderContents = { files: 0, bytes: 0, largest: 0, folders: 0 };
  const walk = async (folder: string): Promise<void> => {
    const found = await readdir(folder, { withFileTypes: true });
    const files = found.filter((entry) => !entry.isDirectory()).map((entry) => entry.name);
    for (const info of await statAll(folder, files)) {
      contents.files++;
      const bytes = info?.size ?? 0;
      contents.bytes += bytes;
      contents.largest = Math.max(contents.largest, bytes);
    }
    for (const entry of found) {
      if (!entry.isDirectory()) continue;
      contents.folders++;
      await walk(path.join(folder, entry.name));
    }
  };
  await walk(dir);
  return contents;
}

/** The contents recorded for the folders kept whole among `entries`. */
function folderContentsOf(entries: readonly ManifestEntry[]): Map<string, FolderContents> {
  const found = new Map<string, FolderContents>();
  for (const [file, , size, contents] of entries) if (size === FOLDER_SIZE && contents) found.set(file, contents);
  return found;
}

/** The site's manifest: every file of the site (the seal excepted) with its version and size. */
export interface Manifest {
  format: number;
  id: string;
  entries: ManifestEntry[];
  /**
   * The site folder holds only what differs from a deploy target's record (a build `--since-deploy`):
   * the manifest describes the site as deployed, not the folder, so no build trusts it as a
   * published site (one would find most of its files missing); the deploy reads it.
   */
  partial?: boolean;
}

export interface Journal {
  target: string;
  staging: string;
  /** Root-relative paths moved from staging into the site, files and folders kept whole, in the order they are moved. */
  moves: string[];
  removals: string[];
  /** The new manifest's id; the manifest itself waits beside the journal (`<manifest>.next`) until the moves are done. */
  manifestId: string;
  /** `moves` is in publishing order (`orderMoves`); an older Akhbar's journal is not, and is ordered when it is finished. */
  ordered?: boolean;
}

/**
 * Where a changed file moves in the publishing order, lower first, by what it is: what pages
 * link to (stylesheets, fonts, pictures) before the pages, release pages before the search index
 * whose results name them, and the lists, feeds and sitemaps that name both last.
 */
export type PublishRank = (file: string) => number;

/**
 * The order this layer can tell without knowing the site's addresses: every file before the
 * documents that may name it (pages, feeds, sitemaps, the host's rule files). The build gives
 * the full one (src/build/publish-order.ts).
 */
export const documentsLast: PublishRank = (file) => (/(\.(html|xml|json|txt)|\/_redirects|\/_headers)$/.test(file) ? 1 : 0);

/**
 * The order in which changed files move into the site. Files the site does not have yet come
 * first, all of them: no page the site has links to them until a changed page does, so while they
 * move nothing a reader can reach is broken, and once they are in, every changed page (which
 * may link to any of them) finds what it names. Within each half, by `rank`; the path orders
 * the rest, so that two builds of the same site move alike. Removals come after all moves.
 */
export function orderMoves(files: readonly string[], isNew: (file: string) => boolean, rank: PublishRank): string[] {
  const keyed = files.map((file) => ({ file, half: isNew(file) ? 0 : 1, rank: rank(file) }));
  keyed.sort((a, b) => a.half - b.half || a.rank - b.rank || (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return keyed.map(({ file }) => file);
}

/**
 * What a publication finds as it prepares, for the caller to say in words (this module is below
 * the message catalogue: src/messages/build.ts): a manifest of an older Akhbar, which is not
 * trusted, or files of the site missing or changed since they were published (`examples`: the first few).
 */
export type PublicationEvent = { kind: "old manifest" } | { kind: "damaged"; count: number; examples: string[] };

export interface PublicationOptions {
  /** The publishing order's ranks (default `documentsLast`). */
  rank?: PublishRank;
  /**
   * The site is published elsewhere (a deploy target, src/deploy/): these are its entries, from
   * the target's deploy record. The build writes into `target` only the files that differ from
   * them (the folder is replaced whole), and its manifest, marked `partial`, describes the site
   * as it will be once deployed. CI then needs to keep no copy of the site between runs.
   */
  publishedElsewhere?: readonly ManifestEntry[];
  /** Where what it finds goes: files of the site found missing or changed, a manifest not trusted. */
  report?: (event: PublicationEvent) => void;
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

const statOf = promisify(stat);
/**
 * How many stats are asked for at once: enough to keep the file system busy on a cold cache,
 * few enough not to hold 500,000 promises. (The callback `stat` behind a promise, not
 * fs/promises' own, which costs more per call.)
 */
const STAT_BATCH = 256;

/** `stat` of each of `files` (root-relative) under `root`, in parallel batches; undefined where there is none. */
async function statAll(root: string, files: readonly string[]): Promise<(Stats | undefined)[]> {
  const found: (Stats | undefined)[] = [];
  for (let start = 0; start < files.length; start += STAT_BATCH) {
    const batch = files.slice(start, start + STAT_BATCH);
    for (const info of await Promise.all(batch.map((file) => statOf(toFsPath(root, file)).catch(() => undefined)))) found.push(info);
  }
  return found;
}

/**
 * Which entries of a manifest the site folder `root` has as recorded: a file of the recorded size,
 * a folder kept whole that is a folder. The others are `damaged`: missing, or changed since.
 *
 * By size, not by a hash of the bytes: hashing would read every file of the site (~500,000 at
 * 150,000 releases, gigabytes) on every build, the very cost the manifest exists to spare, where
 * a stat reads none. What befalls a published site is a file deleted, left half-written, or
 * replaced by another (a hand, a sync tool, a build that overlapped another), and each shows
 * in its stat. A file edited in place to the same size is not seen: nothing a build does makes one.
 */
export async function verifySite(root: string, entries: readonly ManifestEntry[]): Promise<{ intact: ManifestEntry[]; damaged: string[] }> {
  const found = await statAll(root, entries.map(([file]) => file));
  const intact: ManifestEntry[] = [];
  const damaged: string[] = [];
  entries.forEach((entry, index) => {
    const info = found[index];
    const [file, , size] = entry;
    const holds = info !== undefined && (size === FOLDER_SIZE ? info.isDirectory() : info.isFile() && info.size === size);
    if (holds) intact.push(entry);
    else damaged.push(file);
  });
  return { intact, damaged };
}

/** What the published site holds, as far as its files bear out its manifest. */
interface PublishedSite {
  entries: SiteEntries;
  sizes: Map<string, number>;
  /** What its folders kept whole hold, as its manifest records. */
  folders: Map<string, FolderContents>;
  /** Entries of the manifest the site does not have as recorded. */
  damaged: string[];
}

/**
 * The published site, when its seal matches the manifest in the cache and the manifest records
 * sizes; a message when a sealed site is not trusted.
 */
async function readPublishedSite(target: string, manifestPath: string): Promise<PublishedSite | "old manifest" | undefined> {
  let manifest: Manifest;
  try {
    const [seal, text] = await Promise.all([readFile(path.join(target, SEAL_FILE), "utf8"), readFile(manifestPath, "utf8")]);
    manifest = JSON.parse(text) as Manifest;
    if (manifest.id !== seal.trim() || manifest.partial) return undefined;
  } catch {
    return undefined;
  }
  // Its files cannot be checked: it could describe files long gone, which would never be written again.
  // Written by an older Akhbar, it records no file sizes, or not what its folders kept whole hold: the whole site is built again.
  if (manifest.format !== MANIFEST_FORMAT) return "old manifest";
  const { intact, damaged } = await verifySite(target, manifest.entries);
  return {
    entries: new Map(intact.map(([file, version]) => [file, version])),
    sizes: new Map(intact.map(([file, , size]) => [file, size])),
    folders: folderContentsOf(intact),
    damaged,
  };
}

/**
 * The manifest of the site in `siteDir` (the folder a build published into), when the site's seal
 * names it and it records sizes: what a deploy uploads from (src/deploy/). Undefined for a site
 * never built, written by the dev server, being published (its seal is removed until the journal
 * is applied) or whose cache was not kept.
 */
export async function readSiteManifest(siteDir: string, manifestDir: string = siteManifestDir()): Promise<Manifest | undefined> {
  const target = path.resolve(siteDir);
  try {
    const [seal, text] = await Promise.all([readFile(path.join(target, SEAL_FILE), "utf8"), readFile(manifestFile(manifestDir, target), "utf8")]);
    const manifest = JSON.parse(text) as Manifest;
    return manifest.id === seal.trim() && manifest.format === MANIFEST_FORMAT ? manifest : undefined;
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

/** Applies `journal`: its moves in its order, then its removals, then the seal. Safe to run again where it stopped. */
async function applyJournal(journal: Journal): Promise<void> {
  // The folders known to be there: a restyle moves every page, most into folders the site has.
  const folders = new Set<string>();
  for (const file of journal.moves) {
    const from = toFsPath(journal.staging, file);
    if (!existsSync(from)) continue; // moved before the process stopped
    const to = toFsPath(journal.target, file);
    if (!file.endsWith("/")) {
      // Synchronous, in the journal's order: hundreds of thousands of renames, each a system call
      // that the promise API sent through the thread pool and back.
      if (!folders.has(path.dirname(to))) {
        mkdirSync(path.dirname(to), { recursive: true });
        folders.add(path.dirname(to));
      }
      renameSync(from, to);
      continue;
    }
    await mkdir(path.dirname(to), { recursive: true });
    // A folder cannot be renamed over another: the old one is moved aside (into the staging
    // folder, which goes in any case) and removed after, so the folder is missing only between
    // two renames, not while its files are deleted.
    const aside = `${from}.replaced`;
    await rm(aside, { recursive: true, force: true });
    if (existsSync(to)) await rename(to, aside);
    await rename(from, to);
    await rm(aside, { recursive: true, force: true });
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
  private readonly rank: PublishRank;
  private readonly report: (event: PublicationEvent) => void;
  private published: SiteEntries | undefined;
  /** The published files' sizes, as checked by `prepare`. */
  private publishedSizes = new Map<string, number>();
  /** What the published folders kept whole hold, as the manifest `prepare` read records it. */
  private publishedFolders = new Map<string, FolderContents>();
  /** What `survey` found, for `stage`: the new site's manifest and the staged paths that move into the site. */
  private surveyed: { manifest: Manifest; moves: string[] } | undefined;
  /** What the manifest names but the site does not have as recorded: written again, or removed. */
  private damaged = new Set<string>();
  private readonly publishedElsewhere: readonly ManifestEntry[] | undefined;
  /** For a build over a deploy target's record: how many files differ from it, and how many it no longer has. */
  private sinceDeploy: { moved: number; removed: number } | undefined;
  ledger = new OutputLedger();

  constructor(
    readonly target: string,
    readonly staging: string,
    manifestDir: string = siteManifestDir(),
    { rank = documentsLast, report = () => {}, publishedElsewhere }: PublicationOptions = {},
  ) {
    this.publishedElsewhere = publishedElsewhere;
    this.manifestPath = manifestFile(manifestDir, target);
    this.nextManifestPath = `${this.manifestPath}.next`;
    this.journalPath = `${this.manifestPath}.journal`;
    this.rank = rank;
    this.report = report;
  }

  /** Whether this build writes only what changed (the published site matches its manifest). */
  get incremental(): boolean {
    return this.published !== undefined;
  }

  /** Before the build: finishes a commit the last build did not (its files are in staging), then empties staging. */
  async prepare(): Promise<void> {
    await this.finishInterruptedCommit();
    await rm(this.staging, { recursive: true, force: true });
    if (this.publishedElsewhere) {
      // Nothing of it is here to check: the deploy record is what the target was given.
      this.published = new Map(this.publishedElsewhere.map(([file, version]) => [file, version]));
      this.publishedSizes = new Map(this.publishedElsewhere.map(([file, , size]) => [file, size]));
      this.publishedFolders = folderContentsOf(this.publishedElsewhere);
      this.ledger = new OutputLedger(this.published, ELSEWHERE);
      return;
    }
    const site = await readPublishedSite(this.target, this.manifestPath);
    if (site === "old manifest") this.report({ kind: "old manifest" });
    this.published = typeof site === "object" ? site.entries : undefined;
    this.publishedSizes = typeof site === "object" ? site.sizes : new Map();
    this.publishedFolders = typeof site === "object" ? site.folders : new Map();
    this.damaged = new Set(typeof site === "object" ? site.damaged : []);
    if (this.damaged.size > 0) this.report({ kind: "damaged", count: this.damaged.size, examples: [...this.damaged].slice(0, 3) });
    this.ledger = new OutputLedger(this.published ?? new Map(), this.published ? this.target : undefined);
  }

  /** Puts the staged build in place; returns how many files were moved and removed. */
  async commit(): Promise<{ moved: number; removed: number }> {
    const journal = await this.stage();
    if (!journal) return this.sinceDeploy ?? { moved: this.ledger.entries.size, removed: 0 };
    await this.finish(journal);
    return { moved: journal.moves.length, removed: journal.removals.length };
  }

  /**
   * After the build, before anything of the site changes: records the staged files no writer
   * recorded, makes the new site's manifest (each entry's size, and what each folder kept whole
   * holds) and returns what the new site adds up to, for the caller to check against its host's
   * limits (src/hosting/hosts.ts) before anything is published. `stage` publishes what it found
   * (and surveys first when it was not); a caller that will not publish it calls `discard`.
   */
  async survey(): Promise<SiteTotals> {
    const { ledger } = this;
    const staged = await stagedPaths(this.staging, ledger);
    // Files no writer recorded (Eleventy's own pages, assets, pictures) are known by their bytes.
    for (const file of staged.files) if (!ledger.entries.has(file)) ledger.record(file, contentVersion(await readFile(toFsPath(this.staging, file))));
    ledger.entries.delete(`/${SEAL_FILE}`);
    const entries = [...ledger.entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    // What was staged but is already published as it is (Eleventy's pages, assets) stays as it is.
    const published = this.published;
    const moves = published ? [...staged.files, ...staged.folders].filter((file) => published.get(file) !== ledger.entries.get(file)) : [];
    // Each entry's size as the site will have it: a moved (or, in a full build, any) staged file's,
    // or the published file's it keeps. Sizes are not part of the id: the seal a build writes
    // into the site stays what it was.
    const moved = new Set(moves);
    const fromStaging = published ? staged.files.filter((file) => moved.has(file)) : staged.files;
    const stagedSizes = new Map<string, number>();
    (await statAll(this.staging, fromStaging)).forEach((info, index) => info && stagedSizes.set(fromStaging[index]!, info.size));
    const sizeOf = (file: string) => (file.endsWith("/") ? FOLDER_SIZE : (stagedSizes.get(file) ?? this.publishedSizes.get(file) ?? UNKNOWN_SIZE));
    // What each folder kept whole holds: a staged one's, listed now (the few search shards a build
    // over the site changed; every shard in a full build), and the published one's it keeps, as
    // the manifest read records it (listed in the site only if that manifest did not).
    const contents = new Map<string, FolderContents | undefined>();
    for (const [file] of entries) {
      if (!file.endsWith("/")) continue;
      const isStaged = !published || moved.has(file);
      let inside = isStaged ? undefined : this.publishedFolders.get(file);
      // A deploy target's folder is not here to be listed; the output folder then holds only changes.
      const dir = isStaged ? toFsPath(this.staging, file) : this.publishedElsewhere ? undefined : toFsPath(this.target, file);
      if (!inside && dir && existsSync(dir)) inside = await readFolderContents(dir);
      contents.set(file, inside);
    }
    const manifest: Manifest = {
      format: MANIFEST_FORMAT,
      id: manifestId(entries),
      entries: entries.map(([file, version]): ManifestEntry => {
        const inside = contents.get(file);
        return inside ? [file, version, FOLDER_SIZE, inside] : [file, version, sizeOf(file)];
      }),
    };
    if (this.publishedElsewhere) manifest.partial = true;
    this.surveyed = { manifest, moves };
    return siteTotals(manifest.entries);
  }

  /** A build that is not to be published (its site is more than its host takes): staging removed, the site as it was. */
  async discard(): Promise<void> {
    this.surveyed = undefined;
    await rm(this.staging, { recursive: true, force: true });
  }

  /**
   * The first half of a commit, after `survey`. A full build is swapped in whole (nothing is left
   * to finish); a build over the site gets its journal written and the site's seal removed, and is
   * then `finish`ed: by this build, or by the next one if this process stops in between.
   */
  async stage(): Promise<Journal | undefined> {
    if (!this.surveyed) await this.survey();
    const { manifest, moves } = this.surveyed!;
    this.surveyed = undefined;
    const { ledger } = this;
    const published = this.published;

    if (!published || this.publishedElsewhere) {
      if (published) this.sinceDeploy = { moved: moves.length, removed: [...published.keys()].filter((file) => !ledger.entries.has(file)).length };
      await writeFile(path.join(this.staging, SEAL_FILE), `${manifest.id}\n`);
      await Promise.all([rm(this.manifestPath, { force: true }), rm(this.nextManifestPath, { force: true })]);
      await swapIn(this.staging, this.target);
      await writeAtomically(this.manifestPath, JSON.stringify(manifest));
      return undefined;
    }

    // A damaged file the new site no longer has is removed as the published ones are.
    const removals = [...published.keys(), ...this.damaged].filter((file) => !ledger.entries.has(file));
    const isNew = (file: string) => !published.has(file) && !this.damaged.has(file);
    const journal: Journal = {
      target: this.target,
      staging: this.staging,
      moves: orderMoves(moves, isNew, this.rank),
      removals,
      manifestId: manifest.id,
      ordered: true,
    };
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
    // Which of its files the site lacked before it began is not known any more: by rank alone.
    if (!journal.ordered) journal.moves = orderMoves(journal.moves, () => false, this.rank);
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
