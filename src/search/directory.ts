/**
 * The search directory: which shards hold each indexed word, and which of their pages, for the
 * whole archive. Plain TypeScript without Node APIs: the build writes it (directory-build.ts)
 * and the search page reads it (client.ts), so that the two cannot read its format differently.
 *
 * Why: the index is in shards of at most 750 releases (shards.ts), and a Pagefind index only
 * answers for the shards loaded. With the directory the page knows, before loading any shard,
 * the archive-wide count of a query and which shards hold its results: a rare word loads its
 * shards only, a common word the newest shards the page of results needs, a word the archive
 * does not have loads none. docs/search.md ("The directory") explains the design.
 *
 * What it holds. A key is a word exactly as a shard's Pagefind index holds it (read from the
 * index itself, so that it cannot differ from what Pagefind matches), or a filter value
 * (`filterKey`). For each key and each shard that has it, the set of the shard's pages that
 * hold it, each page numbered by its place in the shard in order of news codes (so that a
 * release added, with the next code, changes only the entries of its own words, whatever its
 * date); the shard's pages file gives their date order.
 *
 * Pagefind matches a query word as a prefix («بودجه» finds «بودجهها»), so the page wants,
 * for a query word, every key that starts with it. Keys are therefore stored in groups by
 * prefix: a group named by a prefix holds every key that starts with it, so one file answers
 * any word that starts with the group's name. A group grown over GROUP_LIMIT is split into one
 * group per next letter, and its prefix becomes a node, whose file holds, for each shard, the
 * pages holding any key under it (the union), ready for a query that is the prefix itself
 * (such as «است», under which thousands of words fall). The root file lists the split
 * prefixes; it and the groups are all the page needs to find any key's file.
 */

/** Where the directory is published. */
export const DIRECTORY_PATH = "/pagefind/directory/";
/** The root file: the format and the split prefixes. */
export const DIRECTORY_ROOT = "root.json";
export const DIRECTORY_FORMAT = 1;

/**
 * A group's size (`entrySize`, summed over its keys) above which it is split. A query word
 * loads one group (or node) file, at most ~20 KB with gzip; a smaller limit makes more split
 * prefixes, which the root file (loaded by every search) lists: at 150,000 releases, with
 * 32,000, 15,000 of them, 39 KB with gzip.
 */
export const GROUP_LIMIT = 64_000;

/** Starts and ends a filter value's key, so that no word is one and no filter key is a prefix of another. */
const FILTER_MARK = "\u0001";
const FILTER_END = "\u0002";
/** The group of the key that equals a split prefix (kept for a later merge; the page reads the node). */
const EXACT_MARK = "\u0000";

/** The key of a filter value: `county` = `ری`. */
export function filterKey(name: string, value: string): string {
  return `${FILTER_MARK}${name}${FILTER_MARK}${value}${FILTER_END}`;
}

/** One key's pages in each shard that has it: shard id → encoded page set (`encodePages`). */
export type ShardPages = Array<[shard: string, pages: string]>;

/**
 * A group or node file: each key with its pages per shard, keys sorted, shards sorted by id.
 * A list, not an object: an object would put keys that look like numbers («1402») first.
 */
export type DirectoryFile = Array<[key: string, shards: ShardPages]>;

export interface DirectoryRoot {
  format: number;
  /** The split prefixes, sorted, front-coded (`writeSplit`): a few thousand at 150,000 releases. */
  split: string;
}

/**
 * Sorted prefixes as one string: each as how many letters it shares with the one before (one
 * base-36 digit; at most 35) and the rest, separated by spaces (no key has one). Sorted
 * prefixes share most of their letters, and this keeps the root file a third of a JSON list.
 */
export function writeSplit(prefixes: readonly string[]): string {
  let previous = "";
  return prefixes
    .map((prefix) => {
      let shared = 0;
      while (shared < Math.min(35, previous.length, prefix.length) && prefix[shared] === previous[shared]) shared++;
      previous = prefix;
      return shared.toString(36) + prefix.slice(shared);
    })
    .join(" ");
}

export function readSplit(text: string): Set<string> {
  const prefixes = new Set<string>();
  let previous = "";
  if (text === "") return prefixes;
  for (const entry of text.split(" ")) {
    previous = previous.slice(0, parseInt(entry[0]!, 36)) + entry.slice(1);
    prefixes.add(previous);
  }
  return prefixes;
}

/**
 * A set of page numbers (sorted, below `pageCount`) as text, the shortest of: `*` for every
 * page; a list of gaps in base 36 (`0,3,a`: pages 0, 4, 15); the same list of the pages it
 * lacks after `!` (a word on nearly every page); a bitmap in base64url after `=`. Text, not
 * bytes: the files are JSON, which hosts compress.
 */
export function encodePages(pages: readonly number[], pageCount: number): string {
  if (pages.length === pageCount) return "*";
  if (pages.length > pageCount / 2) {
    const missing: number[] = [];
    let next = 0;
    for (let page = 0; page < pageCount; page++) {
      if (pages[next] === page) next++;
      else missing.push(page);
    }
    const lacking = `!${gapList(missing)}`;
    if (missing.length * 3 < pageCount / 6) return lacking;
    const bitmap = bitmapText(pages, pageCount);
    return bitmap.length < lacking.length ? bitmap : lacking;
  }
  const gaps = gapList(pages);
  if (pages.length * 3 < pageCount / 6) return gaps;
  const bitmap = bitmapText(pages, pageCount);
  return bitmap.length < gaps.length ? bitmap : gaps;
}

function gapList(pages: readonly number[]): string {
  let previous = -1;
  return pages
    .map((page) => {
      const gap = page - previous - 1;
      previous = page;
      return gap.toString(36);
    })
    .join(",");
}

function bitmapText(pages: readonly number[], pageCount: number): string {
  const bits = new Uint8Array(Math.ceil(pageCount / 8));
  for (const page of pages) bits[page >> 3]! |= 1 << (page & 7);
  return `=${toBase64Url(bits)}`;
}

/** The page set of `encodePages` as a bitmap of `pageCount` bits (bit i of byte i >> 3 is page i). */
export function decodePages(encoded: string, pageCount: number): Uint8Array {
  const bits = new Uint8Array(Math.ceil(pageCount / 8));
  const lacking = encoded.startsWith("!");
  if (encoded === "*" || lacking) {
    for (let page = 0; page < pageCount; page++) bits[page >> 3]! |= 1 << (page & 7);
  }
  if (encoded.startsWith("=")) {
    bits.set(fromBase64Url(encoded.slice(1)).subarray(0, bits.length));
  } else if (encoded !== "*" && encoded !== "!" && encoded !== "") {
    let page = -1;
    for (const gap of (lacking ? encoded.slice(1) : encoded).split(",")) {
      page += parseInt(gap, 36) + 1;
      if (page < pageCount) bits[page >> 3]! ^= 1 << (page & 7);
    }
  }
  return bits;
}

/** How many pages a bitmap holds. */
export function countPages(bits: Uint8Array): number {
  let count = 0;
  for (let byte of bits) {
    while (byte) {
      byte &= byte - 1;
      count++;
    }
  }
  return count;
}

const BASE64URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

// By hand: the browser's btoa works on strings of bytes, Node's Buffer is not in the browser, and this is a few lines.
function toBase64Url(bytes: Uint8Array): string {
  let text = "";
  for (let index = 0; index < bytes.length; index += 3) {
    const chunk = (bytes[index]! << 16) | ((bytes[index + 1] ?? 0) << 8) | (bytes[index + 2] ?? 0);
    const length = Math.min(3, bytes.length - index) + 1;
    for (let digit = 0; digit < length; digit++) text += BASE64URL[(chunk >> (18 - 6 * digit)) & 63];
  }
  return text;
}

function fromBase64Url(text: string): Uint8Array {
  const bytes = new Uint8Array(Math.floor((text.length * 6) / 8));
  let buffer = 0;
  let bits = 0;
  let position = 0;
  for (const character of text) {
    buffer = (buffer << 6) | BASE64URL.indexOf(character);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes[position++] = (buffer >> bits) & 255;
    }
  }
  return bytes;
}

/** A prefix as a file name: its UTF-16 code units in hex (ASCII, one name per prefix, on any file system). */
function hexName(prefix: string): string {
  let name = "";
  for (let index = 0; index < prefix.length; index++) name += prefix.charCodeAt(index).toString(16).padStart(4, "0");
  return name;
}

/**
 * A shard's pages (`shardPagesFile`): each page's fragment in the shard's Pagefind bundle
 * (`fragment/<name>.pf_fragment`), by page number, and the page numbers newest first. With it
 * the search page shows results newest first without Pagefind: the directory names the pages,
 * this their order and fragments, which hold what a result shows.
 */
export interface ShardPagesList {
  fragments: string[];
  newest: number[];
}

/** The file of a shard's pages (`ShardPagesList`). */
export function shardPagesFile(shard: string): string {
  return `pages-${shard}.json`;
}

/** The file of a group. */
export function groupFile(prefix: string): string {
  return `g${hexName(prefix)}.json`;
}

/** The file of a node (a split prefix). */
export function nodeFile(prefix: string): string {
  return `n${hexName(prefix)}.json`;
}

/** The group holding `key` (or the group that would): its shortest prefix that is not split. */
export function groupOf(key: string, split: ReadonlySet<string>): string {
  for (let length = 1; length <= key.length; length++) {
    const prefix = key.slice(0, length);
    if (!split.has(prefix)) return prefix;
  }
  // Every prefix of the key is split, the key itself too: it is kept in its exact group.
  return key + EXACT_MARK;
}

/**
 * Where the pages of every key starting with `term` are: the node of `term` when it is split,
 * otherwise the group that holds every such key.
 */
export function fileForTerm(term: string, split: ReadonlySet<string>): { file: string; node: boolean } {
  if (split.has(term)) return { file: nodeFile(term), node: true };
  return { file: groupFile(groupOf(term, split)), node: false };
}

/**
 * The pages of a term per shard, from its file (`fileForTerm`): a node's one entry, or the
 * union over the group's keys that start with the term (a filter key matches only itself).
 * A term no key starts with has none: Pagefind would answer it with a shorter word it holds,
 * which is not what the reader asked for.
 */
export function termPages(file: DirectoryFile, term: string, pageCounts: ReadonlyMap<string, number>, exact = false): Map<string, Uint8Array> {
  const pages = new Map<string, Uint8Array>();
  for (const [key, shards] of file) {
    if (exact ? key !== term : !key.startsWith(term)) continue;
    for (const [shard, encoded] of shards) {
      const count = pageCounts.get(shard);
      if (count === undefined) continue;
      const bits = decodePages(encoded, count);
      const known = pages.get(shard);
      if (known) for (let index = 0; index < bits.length; index++) known[index]! |= bits[index]!;
      else pages.set(shard, bits);
    }
  }
  return pages;
}

/** The pages that every term's pages hold, per shard; shards where one has none are left out. */
export function intersectPages(perTerm: readonly Map<string, Uint8Array>[]): Map<string, Uint8Array> {
  if (perTerm.length === 0) return new Map();
  const [first, ...rest] = [...perTerm].sort((a, b) => a.size - b.size);
  const result = new Map<string, Uint8Array>();
  for (const [shard, bits] of first!) {
    const both = Uint8Array.from(bits);
    let empty = false;
    for (const other of rest) {
      const theirs = other.get(shard);
      if (!theirs) {
        empty = true;
        break;
      }
      for (let index = 0; index < both.length; index++) both[index]! &= theirs[index] ?? 0;
    }
    if (!empty && countPages(both) > 0) result.set(shard, both);
  }
  return result;
}

/** The size a key's entry counts for in its group: its JSON, near enough. */
export function entrySize(key: string, shards: ShardPages): number {
  let size = key.length + 6;
  for (const [shard, pages] of shards) size += shard.length + pages.length + 8;
  return size;
}

/** Whether a key is the one a split prefix keeps for a later merge (not read by the page). */
export function isExactGroup(group: string): boolean {
  return group.endsWith(EXACT_MARK);
}
