/**
 * What a deploy does, worked out from the site's manifest and the target's deploy record alone
 * (src/deploy/record.ts), never from a listing of the target: which files to upload, in which
 * order, which to remove, and which to keep a while after they left the site.
 *
 * - Order: the files the target does not have come first, all of them (nothing the target serves
 *   links to them yet), then the changed files; each half by publishing rank
 *   (src/build/publish-order.ts: what pages link to before the pages, release pages before the
 *   search index and the lists that name them); removals last. A reader never reaches a page
 *   that names a file not uploaded yet.
 * - A search shard is one entry of the manifest (a folder kept whole). Only a shard whose version
 *   changed is looked into (its local folder is listed, bounded by the shards that changed):
 *   files it did not have are uploaded, its own top-level files (entry, metadata, script,
 *   WebAssembly) are uploaded again since they may change under the same name, and its chunks
 *   (named by their content) are left alone when the target has them.
 * - A page, feed or other document gone from the site is removed. A fingerprinted file gone from
 *   the site (the `/assets/`, `/img/` and Pagefind files `_headers` marks immutable, and any file
 *   of a shard) is not: a reader who opened a page before the deploy still loads the stylesheet,
 *   fonts and search chunks that page names. It is "retired" with the date it left and removed
 *   once retired for `keepDays`. A retired file that comes back into the site is no longer retired.
 * - A file whose version changed but whose bytes hash (`hashOf`) to the hash the record keeps for
 *   it, at the same size, is not uploaded: the target has those bytes. Versions are build-cache
 *   keys naming Akhbar's code, so after an upgrade every page's version changes while most bytes
 *   stay the same. Only such files are hashed, never the whole site; under `resend` none are.
 */
import { cacheControlFor, IMMUTABLE } from "../build/host-headers.js";
import { publishRank } from "../build/publish-order.js";
import type { Manifest, ManifestEntry } from "../output/publish.js";
import { contentTypeFor } from "./content-type.js";
import type { DeployRecord, FolderListing } from "./record.js";

export const DEFAULT_KEEP_DAYS = 7;

export interface DeployUpload {
  /** Root-relative path: `/news/1/index.html`. */
  file: string;
  size: number;
  contentType: string;
  cacheControl: string;
  /** The target does not have it (as far as its record tells). */
  fresh: boolean;
  /** Its publishing rank (src/build/publish-order.ts). */
  rank: number;
}

/**
 * What the target holds once a deploy is done: the record's parts other than its form and target.
 * Its `hashes` are those of the files not uploaded; the deploy adds those of the files it uploads.
 */
export type DeployedState = Pick<DeployRecord, "manifestId" | "entries" | "folders" | "retired"> & { hashes: Record<string, string> };

export interface DeployPlan {
  /** In upload order. */
  uploads: DeployUpload[];
  /** Files whose version changed but whose bytes the target has already (by the record's hash): not uploaded, sorted. */
  unchanged: string[];
  /** Files to remove from the target, sorted: documents gone from the site, and retired files past their time. */
  deletions: string[];
  /**
   * Folders (ending in "/") the deletions leave without any file the target keeps, outermost only:
   * removed too on a file system target, where an empty folder would answer 403 instead of 404.
   */
  emptiedFolders: string[];
  /** Fingerprinted files that left the site with this build (kept on the target for now), sorted. */
  retired: string[];
  /** Every retired file the target keeps once done, with the date it left the site. */
  stillRetired: Array<[file: string, since: string]>;
  /** The record to write once the deploy succeeded. */
  next: DeployedState;
}

/** The files of a folder entry of the local site (`/pagefind/1403-01/`), relative to it, sorted. */
export type ListFolder = (folder: string) => FolderListing;

/** The `contentHash` (src/deploy/record.ts) of a file of the local site (`/news/1/index.html`); undefined when it cannot be read. */
export type HashOf = (file: string) => string | undefined;

const DAY = 86_400_000;
const isoDate = (moment: Date) => moment.toISOString().slice(0, 10);
const byPath = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Every folder above `file` (`/a/b/c.html` → `/a/b`, `/a`), innermost first. */
function* foldersAbove(file: string): Generator<string> {
  for (let end = file.lastIndexOf("/"); end > 0; end = file.lastIndexOf("/", end - 1)) yield file.slice(0, end);
}

/**
 * The deploy of the site `manifest` describes to a target that `record` describes (undefined: a
 * target given nothing yet), on the day of `now`. `listFolder` lists a folder entry of the local
 * site; it is called only for the folders whose version changed. `resend`: every file of the site
 * is uploaded again (a target emptied or changed by hand), while what the record says left the
 * site is still removed or retired. `hashOf` hashes a local file; it is called only for a file
 * whose version changed and for which the record keeps a hash (none without `hashOf`, or under `resend`).
 */
export function planDeploy(
  manifest: Pick<Manifest, "id" | "entries">,
  record: Pick<DeployRecord, "entries" | "folders" | "retired" | "hashes"> | undefined,
  listFolder: ListFolder,
  now: Date,
  keepDays: number = DEFAULT_KEEP_DAYS,
  resend = false,
  hashOf?: HashOf,
): DeployPlan {
  const deployed = new Map(record?.entries.map(([file, version]) => [file, version]));
  const deployedSize = new Map(record?.entries.map(([file, , size]) => [file, size]));
  const recordedHashes = record?.hashes ?? {};
  const inSite = new Map(manifest.entries.map(([file, version]) => [file, version]));
  const uploads: Array<Pick<DeployUpload, "file" | "size" | "fresh">> = [];
  const unchanged: string[] = [];
  const hashes: Record<string, string> = {};
  const deletions: string[] = [];
  const newlyRetired: string[] = [];
  const folders: Record<string, FolderListing> = {};

  for (const [file, version, size] of manifest.entries) {
    if (!file.endsWith("/")) {
      const had = deployed.get(file);
      const known = Object.hasOwn(recordedHashes, file) ? recordedHashes[file] : undefined;
      if (had === version && !resend) {
        if (known !== undefined) hashes[file] = known;
      } else if (!resend && had !== undefined && known !== undefined && deployedSize.get(file) === size && hashOf?.(file) === known) {
        unchanged.push(file);
        hashes[file] = known;
      } else uploads.push({ file, size, fresh: had === undefined });
      continue;
    }
    const before = deployed.has(file) ? record?.folders[file] : undefined;
    if (before && deployed.get(file) === version && !resend) {
      folders[file] = before;
      continue;
    }
    const listing = listFolder(file);
    folders[file] = listing;
    const old = new Map(before);
    for (const [name, fileSize] of listing) {
      const full = `${file}${name}`;
      const oldSize = old.get(name);
      // A chunk is named by its content: the same name and size is the same file.
      if (oldSize === undefined) uploads.push({ file: full, size: fileSize, fresh: true });
      else if (resend || cacheControlFor(full) !== IMMUTABLE || oldSize !== fileSize) uploads.push({ file: full, size: fileSize, fresh: false });
    }
    const names = new Set(listing.map(([name]) => name));
    // Any file of a shard that left it: the entry file a reader's page loaded before names it.
    for (const [name] of before ?? []) if (!names.has(name)) newlyRetired.push(`${file}${name}`);
  }

  for (const [file] of record?.entries ?? []) {
    if (inSite.has(file)) continue;
    if (file.endsWith("/")) for (const [name] of record?.folders[file] ?? []) newlyRetired.push(`${file}${name}`);
    else if (cacheControlFor(file) === IMMUTABLE) newlyRetired.push(file);
    else deletions.push(file);
  }

  // Whether a file retired before is in the new site again (then it was uploaded above, and is not retired any more).
  const folderNames = new Map<string, Set<string>>();
  const isInSite = (file: string) => {
    if (inSite.has(file)) return true;
    for (const folder of foldersAbove(file)) {
      const listing = folders[`${folder}/`];
      if (!listing) continue;
      let names = folderNames.get(folder);
      if (!names) folderNames.set(folder, (names = new Set(listing.map(([name]) => name))));
      return names.has(file.slice(folder.length + 1));
    }
    return false;
  };
  const today = isoDate(now);
  const age = (since: string) => Math.floor((Date.parse(today) - Date.parse(since)) / DAY);
  const stillRetired: Array<[string, string]> = [];
  const retiring = new Set(newlyRetired);
  for (const [file, since] of record?.retired ?? []) {
    if (retiring.has(file) || isInSite(file)) continue;
    // A date that cannot be read counts as old enough: the file is not kept for ever.
    if (!(age(since) < keepDays)) deletions.push(file);
    else stillRetired.push([file, since]);
  }
  for (const file of newlyRetired) {
    if (keepDays <= 0) deletions.push(file);
    else stillRetired.push([file, today]);
  }

  const ordered = uploads
    .map((upload) => ({ ...upload, rank: publishRank(upload.file), contentType: contentTypeFor(upload.file), cacheControl: cacheControlFor(upload.file) }))
    .sort((a, b) => Number(!a.fresh) - Number(!b.fresh) || a.rank - b.rank || byPath(a.file, b.file));
  deletions.sort(byPath);
  stillRetired.sort(([a], [b]) => byPath(a, b));
  return {
    uploads: ordered.map(({ file, size, contentType, cacheControl, fresh, rank }) => ({ file, size, contentType, cacheControl, fresh, rank })),
    unchanged: unchanged.sort(byPath),
    deletions,
    emptiedFolders: emptiedFolders(deletions, manifest.entries, folders, stillRetired),
    retired: newlyRetired.sort(byPath),
    stillRetired,
    next: { manifestId: manifest.id, entries: manifest.entries, folders, retired: stillRetired, hashes },
  };
}

/**
 * The outermost folders that `deletions` leave with nothing the target keeps: no file of the site
 * (`entries`, and the files of its folder entries as `folders` lists them) and no retired file inside.
 */
function emptiedFolders(deletions: readonly string[], entries: readonly ManifestEntry[], folders: Readonly<Record<string, FolderListing>>, retired: ReadonlyArray<[string, string]>): string[] {
  if (deletions.length === 0) return [];
  const keptFolders = new Set<string>();
  /** Keeps `folder` ("/a/b") and the folders above it; those of a folder kept already were kept with it. */
  const keepFolder = (folder: string) => {
    for (let at = folder; at.length > 0 && !keptFolders.has(at); at = at.slice(0, at.lastIndexOf("/"))) keptFolders.add(at);
  };
  const keep = (file: string) => keepFolder(file.slice(0, file.lastIndexOf("/")));
  for (const [file] of entries) {
    if (!file.endsWith("/")) keep(file);
    else {
      keepFolder(file.slice(0, -1));
      for (const [name] of folders[file] ?? []) keep(`${file}${name}`);
    }
  }
  for (const [file] of retired) keep(file);
  const emptied = new Set<string>();
  for (const file of deletions) {
    let outermost: string | undefined;
    for (const folder of foldersAbove(file)) {
      if (keptFolders.has(folder)) break;
      outermost = folder;
    }
    if (outermost !== undefined) emptied.add(`${outermost}/`);
  }
  return [...emptied].sort(byPath);
}
