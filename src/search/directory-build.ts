/**
 * Building the search directory (directory.ts) from the shards' Pagefind bundles, and keeping it
 * up to date one build after the other.
 *
 * Each shard's entries (its "postings", shard-postings.ts: every key of its Persian index with the
 * pages holding it, and its filter values) are read once from its bundle, by the worker thread
 * that indexed it, and kept in the directory's cache (`.cache/akhbar-search-directory`, or
 * AKHBAR_SEARCH_DIRECTORY_CACHE) under the shard's cache key. The directory's own files are kept
 * there too, with a state file naming the shards (id and key) they describe. A build then:
 *
 * - compares the shards with the state: the shards added, changed or gone are the only ones read;
 * - for each first letter they touch, loads only the groups and nodes that hold their keys,
 *   replaces those shards' entries, and splits or merges the groups whose size crossed
 *   GROUP_LIMIT (a group is split exactly when its keys add up to more than GROUP_LIMIT, so
 *   the files depend on the archive only, not on the builds that led to it);
 * - writes the files that changed into the cache and records every file in the site's ledger,
 *   so that the publication moves only what changed.
 *
 * The daily build (one release added to the newest shard) so rewrites the groups and nodes of
 * that release's words. A clean build is the same walk with every shard added, one first letter
 * at a time, so that its memory is one letter's share of the directory, not all of it.
 */
import { createHash } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { mkdir, readFile, rm } from "node:fs/promises";
import path from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import { writeFileAtomic, writeFileAtomicSync } from "../output/atomic-write.js";
import { cacheFolder, pruneCacheFolder } from "../output/cache-dir.js";
import type { OutputLedger } from "../output/publish.js";
import { searchDirectoryWritten } from "../messages/build.js";
import type { Message } from "../messages/messages.js";
import { FRAGMENTS, PAGE_COUNT, POSTINGS, postingsLetters, postingsOfLetter, storeShardPostings, type ShardPostings } from "./shard-postings.js";
import {
  decodePages,
  DIRECTORY_FORMAT,
  DIRECTORY_PATH,
  DIRECTORY_ROOT,
  encodePages,
  entrySize,
  GROUP_LIMIT,
  groupFile,
  groupOf,
  isExactGroup,
  nodeFile,
  shardPagesFile,
  type DirectoryFile,
  type DirectoryRoot,
  type ShardPages,
  writeSplit,
} from "./directory.js";

export const DIRECTORY_CACHE_VARIABLE = "AKHBAR_SEARCH_DIRECTORY_CACHE";

export function directoryCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  return cacheFolder("akhbar-search-directory", DIRECTORY_CACHE_VARIABLE, env);
}

const byKey = <T extends [string, ...unknown[]]>(a: T, b: T) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);

/** A shard as the directory knows it. */
export interface DirectoryShard {
  id: string;
  /** Its shard-cache key: the same key means the same bundle, so the same postings. */
  key: string;
  /** Its postings (`readShardPostings` of its bundle), asked only when they are not in the cache (a shard restored from the shard cache); may use `scratch`, a folder of the cache. */
  postings(scratch: string): Promise<ShardPostings>;
}

interface DirectoryState {
  format: number;
  /** Set while the cache's files are being changed: a build that finds it set starts afresh. */
  dirty: boolean;
  shards: Record<string, { key: string; pages: number }>;
  split: string[];
  /** Each group's size (`entrySize` summed), for the merges. */
  groups: Record<string, number>;
  /** Each file of the directory (root included) and a hash of its bytes. */
  files: Record<string, string>;
}

export interface DirectoryReport {
  /** Shards whose entries were added, replaced or removed. */
  shardsChanged: number;
  filesWritten: number;
  files: number;
  bytesWritten: number;
}

/** The line a build prints about the directory. */
export function describeDirectoryReport(report: DirectoryReport): Message {
  return searchDirectoryWritten(report.files, report.filesWritten, report.bytesWritten, directoryCacheDir());
}

const STATE_FILE = "state.json";
const FILES = "files";

const hashOf = (content: string) => createHash("sha1").update(content).digest("hex");

/**
 * The cache of the directory: the shards' postings (shared: a key names the same postings for
 * every build), and for each kind of build (`site`: the production site, or the dev server's
 * preview, whose drafts make other shards) its own directory files and state, so that the dev
 * server and a production build never change one another's.
 */
class DirectoryCache {
  constructor(
    readonly dir: string,
    private readonly site: string,
  ) {}

  postingsFolder(key: string): string {
    return path.join(this.dir, POSTINGS, key);
  }

  hasPostings(key: string): boolean {
    return existsSync(path.join(this.postingsFolder(key), PAGE_COUNT));
  }

  async storePostings(key: string, postings: ShardPostings): Promise<void> {
    await storeShardPostings(this.dir, key, postings);
  }

  async pageCount(key: string): Promise<number> {
    return Number(await readFile(path.join(this.postingsFolder(key), PAGE_COUNT), "utf8"));
  }

  /** The first letters a shard's keys start with. */
  letters(key: string): Promise<string[]> {
    return postingsLetters(this.postingsFolder(key));
  }

  /** A shard's entries whose keys start with `letter`, sorted. */
  postingsOf(key: string, letter: string): Promise<Array<[string, string]>> {
    return postingsOfLetter(this.postingsFolder(key), letter);
  }

  async readState(): Promise<DirectoryState | undefined> {
    try {
      const state = JSON.parse(await readFile(path.join(this.dir, this.site, STATE_FILE), "utf8")) as DirectoryState;
      return state.format === DIRECTORY_FORMAT && !state.dirty ? state : undefined;
    } catch {
      return undefined;
    }
  }

  async writeState(state: DirectoryState): Promise<void> {
    await mkdir(path.join(this.dir, this.site), { recursive: true });
    await writeFileAtomic(path.join(this.dir, this.site, STATE_FILE), JSON.stringify(state));
  }

  /** The cache keeps the files compressed (CI keeps the cache between runs); the site gets them as they are served. */
  filePath(name: string): string {
    return path.join(this.filesFolder, `${name}.gz`);
  }

  /** Where a shard whose bundle is nowhere is indexed again, to read its postings. */
  get scratchFolder(): string {
    return path.join(this.dir, this.site, "scratch");
  }

  get filesFolder(): string {
    return path.join(this.dir, this.site, FILES);
  }

  // The directory's files are read and written synchronously: tens of thousands of small files
  // at 150,000 releases, one after the other, where the promise API made each wait its turn
  // through the thread pool (most of the directory's time was the main thread waiting).
  writeFile(name: string, content: string): void {
    writeFileAtomicSync(this.filePath(name), gzipSync(content));
  }

  fileBytes(name: string): Buffer {
    return gunzipSync(readFileSync(this.filePath(name)));
  }

  readFile(name: string): DirectoryFile {
    let bytes: Buffer;
    try {
      bytes = this.fileBytes(name);
    } catch {
      return [];
    }
    return JSON.parse(bytes.toString("utf8")) as DirectoryFile;
  }
}

/** A group being changed: key → shard → encoded pages. */
type Group = Map<string, Map<string, string>>;

function groupFromFile(file: DirectoryFile): Group {
  return new Map(file.map(([key, shards]) => [key, new Map(shards)]));
}

function groupToFile(group: Group): DirectoryFile {
  return [...group]
    .filter(([, shards]) => shards.size > 0)
    .sort(byKey)
    .map(([key, shards]) => [key, [...shards].sort(byKey)]);
}

function groupSize(group: Group): number {
  let size = 0;
  for (const [key, shards] of group) if (shards.size > 0) size += entrySize(key, [...shards]);
  return size;
}

/** The entries of a list sorted by key whose keys start with `prefix`. */
function keysStartingWith(entries: ReadonlyArray<[string, string]>, prefix: string): Array<[string, string]> {
  let low = 0;
  let high = entries.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (entries[middle]![0] < prefix) low = middle + 1;
    else high = middle;
  }
  let end = low;
  while (end < entries.length && entries[end]![0].startsWith(prefix)) end++;
  return entries.slice(low, end);
}

/** Adds `pages` (shard → bitmap) into `union`. */
function orInto(union: Map<string, Uint8Array>, pages: ReadonlyMap<string, Uint8Array>): void {
  for (const [shard, bits] of pages) {
    const known = union.get(shard);
    if (!known) union.set(shard, Uint8Array.from(bits));
    else for (let index = 0; index < bits.length; index++) known[index]! |= bits[index]!;
  }
}

/** Adds the pages of every key of a group into `union`. */
function addPages(union: Map<string, Uint8Array>, group: Group, pageCounts: ReadonlyMap<string, number>): void {
  for (const shards of group.values()) {
    for (const [shard, encoded] of shards) orInto(union, new Map([[shard, decodePages(encoded, pageCounts.get(shard)!)]]));
  }
}

/** A union's bitmaps as a node's entries, shards sorted. */
function encodeUnion(union: ReadonlyMap<string, Uint8Array>, pageCounts: ReadonlyMap<string, number>): ShardPages {
  return [...union]
    .sort(byKey)
    .map(([shard, bits]): [string, string] => {
      const count = pageCounts.get(shard)!;
      const pages: number[] = [];
      for (let page = 0; page < count; page++) if (bits[page >> 3]! & (1 << (page & 7))) pages.push(page);
      return [shard, encodePages(pages, count)];
    })
    .filter(([, pages]) => pages !== "");
}

/**
 * Updates the directory in its cache to describe `shards` and records its files in the ledger,
 * writing those the published site does not have into `siteDir`. Shards whose postings are
 * not in the cache are read from the first of their bundles that exists.
 */
export interface DirectoryOptions {
  ledger?: OutputLedger | undefined;
  cacheDir?: string;
  /** Remove the postings of shards the archive no longer has (production builds). */
  prune?: boolean;
  /** Which directory of the cache: the production site's (default) or the dev server's `preview`. */
  site?: "production" | "preview";
  /** GROUP_LIMIT; smaller in tests, to split a small archive's groups. */
  groupLimit?: number;
}

export async function buildSearchDirectory(siteDir: string, shards: readonly DirectoryShard[], options: DirectoryOptions = {}): Promise<DirectoryReport> {
  const limit = options.groupLimit ?? GROUP_LIMIT;
  const cache = new DirectoryCache(options.cacheDir ?? directoryCacheDir(), options.site ?? "production");
  let previous = await cache.readState();
  // The entries a changed shard had are found from its old postings: without them, start afresh.
  if (previous && Object.values(previous.shards).some((shard) => !cache.hasPostings(shard.key))) previous = undefined;
  const scratch = cache.scratchFolder;
  for (const shard of shards) {
    if (cache.hasPostings(shard.key)) continue;
    await cache.storePostings(shard.key, await shard.postings(scratch));
    await rm(scratch, { recursive: true, force: true });
  }

  const state: DirectoryState = previous ?? { format: DIRECTORY_FORMAT, dirty: false, shards: {}, split: [], groups: {}, files: {} };
  if (!previous) await rm(cache.filesFolder, { recursive: true, force: true });
  await mkdir(cache.filesFolder, { recursive: true });
  const current = new Map(shards.map((shard) => [shard.id, shard]));
  const removed = Object.keys(state.shards).filter((id) => current.get(id)?.key !== state.shards[id]!.key);
  const added = shards.filter((shard) => state.shards[shard.id]?.key !== shard.key);
  const pageCounts = new Map<string, number>();
  for (const shard of shards) pageCounts.set(shard.id, await cache.pageCount(shard.key));

  let filesWritten = 0;
  let bytesWritten = 0;
  if (removed.length > 0 || added.length > 0) {
    state.dirty = true;
    await cache.writeState(state);
    const split = new Set(state.split);
    const letters = new Set<string>();
    const oldShards = removed.map((id) => ({ id, key: state.shards[id]!.key }));
    for (const key of [...oldShards.map((shard) => shard.key), ...added.map((shard) => shard.key)]) for (const letter of await cache.letters(key)) letters.add(letter);
    const changedIds = new Set([...removed, ...added.map((shard) => shard.id)]);
    const save = async (name: string, content: string) => {
      if (content === "") {
        await rm(cache.filePath(name), { force: true });
        delete state.files[name];
        return;
      }
      const hash = hashOf(content);
      if (state.files[name] === hash) return;
      cache.writeFile(name, content);
      state.files[name] = hash;
      filesWritten++;
      bytesWritten += Buffer.byteLength(content);
    };
    // One letter at a time, its files written before the next: memory is one letter's share.
    for (const letter of [...letters].sort()) {
      for (const [name, content] of await updateLetter(cache, state, split, letter, { oldShards, added, changedIds, pageCounts, limit })) await save(name, content);
    }
    for (const id of removed) if (!current.has(id)) await save(shardPagesFile(id), "");
    for (const shard of added) await save(shardPagesFile(shard.id), await readFile(path.join(cache.postingsFolder(shard.key), FRAGMENTS), "utf8"));
    for (const id of removed) delete state.shards[id];
    for (const shard of added) state.shards[shard.id] = { key: shard.key, pages: pageCounts.get(shard.id)! };
    state.split = [...split].sort();
    await save(DIRECTORY_ROOT, JSON.stringify({ format: DIRECTORY_FORMAT, split: writeSplit(state.split) } satisfies DirectoryRoot));
    state.dirty = false;
    await cache.writeState(state);
  }

  // Every file is recorded, so that the publication keeps it; those the site lacks are written.
  const target = path.join(siteDir, ...DIRECTORY_PATH.split("/").filter(Boolean));
  await mkdir(target, { recursive: true });
  for (const [name, hash] of Object.entries(state.files).sort(byKey)) {
    if (options.ledger?.record(`${DIRECTORY_PATH}${name}`, hash)) continue;
    writeFileSync(path.join(target, name), cache.fileBytes(name));
  }
  if (options.prune) {
    const used = new Set(shards.map((shard) => shard.key));
    await pruneCacheFolder(path.join(cache.dir, POSTINGS), (name) => used.has(name));
  }
  return { shardsChanged: new Set([...removed, ...added.map((shard) => shard.id)]).size, filesWritten, files: Object.keys(state.files).length, bytesWritten };
}

/**
 * Applies the changed shards to the keys starting with `letter`: the groups and nodes they touch
 * are loaded, the removed shards' entries dropped and the added ones' put in, then the groups
 * are merged and split to GROUP_LIMIT. Returns each file changed with its new content ("" for a
 * file that is gone); `state.groups` and `split` are updated.
 */
interface LetterUpdate {
  /** The shards removed or replaced, with their postings keys as the directory has them. */
  oldShards: ReadonlyArray<{ id: string; key: string }>;
  added: readonly DirectoryShard[];
  /** The ids of both. */
  changedIds: ReadonlySet<string>;
  pageCounts: ReadonlyMap<string, number>;
  limit: number;
}

async function updateLetter(cache: DirectoryCache, state: DirectoryState, split: Set<string>, letter: string, update: LetterUpdate): Promise<Map<string, string>> {
  const { oldShards, added, changedIds, pageCounts, limit } = update;
  const oldEntries = new Map<string, Map<string, string>>();
  for (const { id, key } of oldShards) oldEntries.set(id, new Map(await cache.postingsOf(key, letter)));
  const addedEntries = new Map<string, Array<[string, string]>>();
  for (const shard of added) addedEntries.set(shard.id, await cache.postingsOf(shard.key, letter));
  // The keys whose pages differ in a changed shard. A shard indexed again for one release added
  // keeps its other words' pages (pages are numbered in order of news codes): only the groups of
  // the words that changed are loaded and written (at 150,000 releases, loading every group of the
  // shard's words was most of the daily build).
  const touched = new Set<string>();
  for (const [id, before] of oldEntries) {
    const after = new Map(addedEntries.get(id) ?? []);
    for (const [word, pages] of before) if (after.get(word) !== pages) touched.add(word);
  }
  for (const [id, entries] of addedEntries) {
    const before = oldEntries.get(id);
    for (const [word, pages] of entries) if (before?.get(word) !== pages) touched.add(word);
  }

  // The groups and nodes the changed keys are in.
  const groups = new Map<string, Group>();
  const nodes = new Set<string>();
  const loadGroup = async (name: string): Promise<Group> => {
    let group = groups.get(name);
    if (!group) groups.set(name, (group = groupFromFile(cache.readFile(groupFile(name)))));
    return group;
  };
  for (const word of touched) {
    for (let length = 1; length <= word.length && split.has(word.slice(0, length)); length++) nodes.add(word.slice(0, length));
    await loadGroup(groupOf(word, split));
  }
  for (const group of groups.values()) for (const shards of group.values()) for (const id of changedIds) shards.delete(id);
  // Into the groups loaded, every key of theirs the changed shards have (the changed shards were
  // dropped from all of a loaded group's keys just above); a group not loaded holds no changed key.
  for (const [id, entries] of addedEntries) {
    for (const [word, pages] of entries) {
      const group = groups.get(groupOf(word, split));
      if (!group) continue;
      let shards = group.get(word);
      if (!shards) group.set(word, (shards = new Map()));
      shards.set(id, pages);
    }
  }

  const out = new Map<string, string>();
  const dropGroup = (name: string) => {
    groups.delete(name);
    delete state.groups[name];
    out.set(groupFile(name), "");
  };

  // Merges, deepest first: a node whose groups together fit again is one group once more. The
  // sizes of the groups not loaded are in the state, so a node far over the limit loads nothing.
  for (const group of groups.keys()) state.groups[group] = groupSize(groups.get(group)!);
  for (const node of [...nodes].sort((a, b) => b.length - a.length || (a < b ? -1 : 1))) {
    const under = Object.keys(state.groups).filter((name) => name.startsWith(node));
    const total = under.reduce((sum, name) => sum + state.groups[name]!, 0);
    if (total > limit && under.length > 1) continue;
    for (const name of under) await loadGroup(name);
    const merged: Group = new Map();
    for (const name of under) for (const [key, shards] of groups.get(name)!) if (shards.size > 0) merged.set(key, shards);
    if (groupSize(merged) > limit && merged.size >= 2) continue;
    for (const name of under) dropGroup(name);
    for (const nested of [...split].filter((prefix) => prefix.startsWith(node))) {
      split.delete(nested);
      nodes.delete(nested);
      out.set(nodeFile(nested), "");
    }
    groups.set(node, merged);
    state.groups[node] = groupSize(merged);
  }

  // Splits: a group over the limit becomes a node and one group per next letter, again and again.
  const created = new Set<string>();
  const pending = [...groups.keys()];
  while (pending.length > 0) {
    const name = pending.pop()!;
    const group = groups.get(name)!;
    const size = groupSize(group);
    const keys = [...group].filter(([, shards]) => shards.size > 0);
    if (size <= limit || keys.length < 2 || isExactGroup(name)) {
      if (keys.length === 0) dropGroup(name);
      else {
        state.groups[name] = size;
        out.set(groupFile(name), JSON.stringify(groupToFile(group)));
      }
      continue;
    }
    dropGroup(name);
    split.add(name);
    nodes.add(name);
    created.add(name);
    for (const [key, shards] of keys) {
      const child = groupOf(key, split);
      let childGroup = groups.get(child);
      if (!childGroup) {
        groups.set(child, (childGroup = new Map()));
        pending.push(child);
      }
      childGroup.set(key, shards);
    }
  }

  // Nodes: the pages under each, per shard. A node made now has all its keys loaded: deepest
  // first, each is the union of the groups and nodes right under it, so that a key's pages are
  // read once. An older node keeps its other shards' entries and gets the changed shards' from
  // their postings.
  const unions = new Map<string, Map<string, Uint8Array>>();
  for (const node of [...created].filter((prefix) => split.has(prefix)).sort((a, b) => b.length - a.length)) {
    const union = new Map<string, Uint8Array>();
    // The groups right under it, the one of the key that is the prefix itself (`<prefix>\0`) among them.
    for (const [name, group] of groups) if (name.length === node.length + 1 && name.startsWith(node)) addPages(union, group, pageCounts);
    for (const [child, pages] of unions) if (child.length === node.length + 1 && child.startsWith(node)) orInto(union, pages);
    unions.set(node, union);
  }
  for (const node of nodes) {
    if (!split.has(node)) continue;
    let entries: ShardPages;
    if (unions.has(node)) {
      entries = encodeUnion(unions.get(node)!, pageCounts);
    } else {
      const kept = new Map((cache.readFile(nodeFile(node))[0]?.[1] ?? []).filter(([id]) => !changedIds.has(id)));
      for (const [id, list] of addedEntries) {
        const union = new Map<string, Uint8Array>();
        for (const [, pages] of keysStartingWith(list, node)) orInto(union, new Map([[id, decodePages(pages, pageCounts.get(id)!)]]));
        for (const [shard, pages] of encodeUnion(union, pageCounts)) kept.set(shard, pages);
      }
      entries = [...kept].sort(byKey);
    }
    out.set(nodeFile(node), entries.length === 0 ? "" : JSON.stringify([[node, entries]] satisfies DirectoryFile));
  }
  return out;
}
