/**
 * Pagefind's bundle in one order, so that two builds of one commit are byte-identical.
 *
 * Pagefind 1.5 builds its filter files and the filter list of its metadata file from hash
 * maps whose order changes from run to run (its source says so: "Change filter indexes to
 * BTree to give them a stable hash"), and lists its sorts in the metadata and its languages in
 * pagefind-entry.json the same way. The words, fragments and page order are already stable. So each filter file's
 * values are put in the order of their names, the metadata's filters too, and the
 * languages; the files whose content changed get names from the new content, and the
 * files that name them are rewritten to match (the sorts are put in the order of their names too). No option of Pagefind does this; the files'
 * format (gzip of "pagefind_dcd" and CBOR) is read and written with cborg.
 */
import { createHash } from "node:crypto";
import { gunzipSync, gzipSync } from "node:zlib";
import { decode, encode } from "cborg";

export interface BundleFile {
  /** Path inside the bundle folder: `pagefind-entry.json`, `filter/fa_1a2b3c4.pf_filter`, … */
  path: string;
  content: Uint8Array;
}

/** What Pagefind puts before the CBOR of every compressed file. */
const SIGNATURE = Buffer.from("pagefind_dcd");
const ENTRY = "pagefind-entry.json";
/** Hex digits in the names Pagefind gives: 7 for filters, 10 for metadata. */
const FILTER_HASH_LENGTH = 7;
const META_HASH_LENGTH = 10;


type FilterFile = [name: string, values: Array<[value: string, pages: number[]]>];
type MetaFilter = [name: string, hash: string];
/** pf_meta: [version, pages, index chunks, filters, sorts, …]: only the filters (index 3) and the sorts (4) are touched. */
const META_FILTERS = 3;
const META_SORTS = 4;

export function readPagefindFile(content: Uint8Array): unknown {
  const bytes = gunzipSync(content);
  if (!bytes.subarray(0, SIGNATURE.length).equals(SIGNATURE)) throw new Error("not a Pagefind file: it does not start with pagefind_dcd");
  return decode(bytes.subarray(SIGNATURE.length));
}

export function writePagefindFile(data: unknown): Buffer {
  return gzipSync(Buffer.concat([SIGNATURE, encode(data)]), { level: 9 });
}

const byName = <T extends [string, ...unknown[]]>(a: T, b: T) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);

/** `fa_1a2b3c4` → `fa_` + the first `length` hex digits of the content's hash. */
function renamed(oldHash: string, content: Uint8Array, length: number): string {
  const language = oldHash.slice(0, oldHash.lastIndexOf("_") + 1);
  return `${language}${createHash("sha256").update(content).digest("hex").slice(0, length)}`;
}

/** The same bundle, with filters and languages in a fixed order and the names that follow from it; sorted by path. */
export function canonicalPagefindBundle(files: readonly BundleFile[]): BundleFile[] {
  const out = new Map(files.map((file) => [file.path, file]));
  const filterHashes = new Map<string, string>();
  for (const file of files) {
    const match = /^filter\/(.+)\.pf_filter$/.exec(file.path);
    if (!match) continue;
    const [name, values] = readPagefindFile(file.content) as FilterFile;
    const content = writePagefindFile([name, [...values].sort(byName)]);
    const hash = renamed(match[1]!, content, FILTER_HASH_LENGTH);
    filterHashes.set(match[1]!, hash);
    out.delete(file.path);
    out.set(`filter/${hash}.pf_filter`, { path: `filter/${hash}.pf_filter`, content });
  }

  const metaHashes = new Map<string, string>();
  for (const file of files) {
    const match = /^pagefind\.(.+)\.pf_meta$/.exec(file.path);
    if (!match) continue;
    const meta = readPagefindFile(file.content) as unknown[];
    const filters = (meta[META_FILTERS] ?? []) as MetaFilter[];
    meta[META_FILTERS] = filters.map(([name, hash]): MetaFilter => [name, filterHashes.get(hash) ?? hash]).sort(byName);
    // Its sorts too come from a hash map: with two (date, and the id of search/document.ts) their order changes.
    meta[META_SORTS] = [...((meta[META_SORTS] ?? []) as Array<[string, number[]]>)].sort(byName);
    const content = writePagefindFile(meta);
    const hash = renamed(match[1]!, content, META_HASH_LENGTH);
    metaHashes.set(match[1]!, hash);
    out.delete(file.path);
    out.set(`pagefind.${hash}.pf_meta`, { path: `pagefind.${hash}.pf_meta`, content });
  }

  const entryFile = out.get(ENTRY);
  if (entryFile) {
    const entry = JSON.parse(Buffer.from(entryFile.content).toString("utf8")) as { languages?: Record<string, { hash: string }> };
    if (entry.languages) {
      entry.languages = Object.fromEntries(
        Object.entries(entry.languages)
          .sort(byName)
          .map(([language, info]) => [language, { ...info, hash: metaHashes.get(info.hash) ?? info.hash }]),
      );
    }
    out.set(ENTRY, { path: ENTRY, content: Buffer.from(JSON.stringify(entry)) });
  }
  return [...out.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
