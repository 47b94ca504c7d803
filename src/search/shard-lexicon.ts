/**
 * The archive's compound lexicon as the search shards use it, kept build after build in the
 * search directory's cache (`lexicon/`, which CI keeps).
 *
 * Every shard's documents are read with the compounds of the whole archive
 * (src/persian/lexicon.ts), but a shard's bundle in the cache must change only when the
 * compounds its own words meet change: a compound learnt from today's release must not
 * re-index 200 shards that never write it. So a shard's key is its content key (its releases'
 * files and the code: search-index.ts) with a sum over the lexicon's entries its vocabulary
 * meets (`textMeetsEntry`), and a build works that sum out without reading any release:
 *
 * - The lexicon's counts are kept with the content keys of the shards they were counted from;
 *   each shard's own counts (its releases' `compounds`) are kept under its content key, so a
 *   build subtracts the shards gone and adds the shards new, not the whole archive again.
 * - A shard's vocabulary is kept as a Bloom filter (written by the worker that indexed it), and
 *   its sum is a sum of per-entry hashes, so a build changes a shard's sum by the few entries
 *   whose count crossed the threshold (`MIN_SEEN_FOR_JOINED`) or appeared or went, tested
 *   against the filter. The worker works out the same sum from the same filter, so both
 *   sides name a shard alike. A false positive of the filter only costs a re-index.
 *
 * Hand-written rather than a library's: the filter and the sums must give the same bits in
 * the worker threads and on the main thread, and be stored; each is a few lines.
 */
import { createHash } from "node:crypto";
import { mkdir, readFile } from "node:fs/promises";
import path from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import { MIN_SEEN_FOR_JOINED, countTaught, taughtList, textMeetsEntry } from "../persian/lexicon.js";
import { writeFileAtomic } from "../output/atomic-write.js";
import { pruneCacheFolder } from "../output/cache-dir.js";

/**
 * Bits of the filter per word, and probes per word: about one false positive in 15,000 words.
 * A false positive re-indexes a shard for nothing, and every build asks each shard about each
 * entry that appeared or crossed the threshold (a few a day, over 200 shards at 150,000
 * releases): at one in a hundred that was several shards a day.
 */
const BITS_PER_WORD = 20;
const PROBES = 14;

/** 32-bit FNV-1a of a string's UTF-16 code units, from `seed`. */
function fnv(text: string, seed: number): number {
  let hash = seed >>> 0;
  for (let position = 0; position < text.length; position++) {
    hash ^= text.charCodeAt(position);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}
const FNV_OFFSET = 0x811c9dc5;
const SECOND_SEED = 0x9e3779b9;

/** A shard's vocabulary as a Bloom filter: `has` may say yes to a word it lacks, never no to one it has. */
export class VocabularyFilter {
  private constructor(private readonly bits: Uint8Array) {}

  static of(words: ReadonlySet<string>): VocabularyFilter {
    const bytes = Math.max(128, Math.ceil((words.size * BITS_PER_WORD) / 8));
    const filter = new VocabularyFilter(new Uint8Array(bytes));
    for (const word of words) filter.add(word);
    return filter;
  }

  static fromBytes(bytes: Uint8Array): VocabularyFilter {
    return new VocabularyFilter(bytes);
  }

  get bytes(): Uint8Array {
    return this.bits;
  }

  /** The `probe`th bit of a word (double hashing). */
  private bit(first: number, step: number, probe: number): number {
    return ((first + Math.imul(probe, step)) >>> 0) % (this.bits.length * 8);
  }

  private add(word: string): void {
    const first = fnv(word, FNV_OFFSET);
    const step = fnv(word, SECOND_SEED) | 1;
    for (let probe = 0; probe < PROBES; probe++) {
      const bit = this.bit(first, step, probe);
      this.bits[bit >> 3]! |= 1 << (bit & 7);
    }
  }

  has(word: string): boolean {
    const first = fnv(word, FNV_OFFSET);
    // Most words asked are not there: the first probe answers, before the second hash is made.
    let bit = this.bit(first, 1, 0);
    if ((this.bits[bit >> 3]! & (1 << (bit & 7))) === 0) return false;
    const step = fnv(word, SECOND_SEED) | 1;
    for (let probe = 1; probe < PROBES; probe++) {
      bit = this.bit(first, step, probe);
      if ((this.bits[bit >> 3]! & (1 << (bit & 7))) === 0) return false;
    }
    return true;
  }
}

/** A count as the sum sees it: only whether it reaches the threshold matters to the documents. */
export function capped(count: number): number {
  return Math.min(count, MIN_SEEN_FOR_JOINED);
}

/** Two 32-bit lanes of a sum of entries' hashes, kept as 16 hex digits. */
function addEntryHash(sum: string, entry: string, count: number, sign: 1 | -1): string {
  const text = `${entry}\u0000${count}`;
  const high = (parseInt(sum.slice(0, 8), 16) + sign * fnv(text, FNV_OFFSET)) >>> 0;
  const low = (parseInt(sum.slice(8), 16) + sign * fnv(text, SECOND_SEED)) >>> 0;
  return high.toString(16).padStart(8, "0") + low.toString(16).padStart(8, "0");
}
const EMPTY_SUM = "0".repeat(16);

const meets = (filter: VocabularyFilter, entry: string, count: number) => count > 0 && textMeetsEntry((key) => filter.has(key), entry, count);

/** The sum over the entries (counts already capped) a shard with this vocabulary meets. */
export function shardLexiconSum(filter: VocabularyFilter, entries: Iterable<readonly [string, number]>): string {
  let sum = EMPTY_SUM;
  for (const [entry, count] of entries) if (meets(filter, entry, count)) sum = addEntryHash(sum, entry, count, 1);
  return sum;
}

/** A shard's key in the shard cache: its content key and its lexicon sum. */
export function lexiconShardKey(contentKey: string, sum: string): string {
  return createHash("sha256").update(contentKey).update("\0").update(sum).digest("hex");
}

const filterFile = (dir: string, contentKey: string) => path.join(dir, "filters", `${contentKey}.bin`);
const countsFile = (dir: string, contentKey: string) => path.join(dir, "counts", `${contentKey}.json.gz`);
const stateFile = (dir: string, site: string) => path.join(dir, `state-${site}.json.gz`);

/** Keeps a shard's vocabulary filter under its content key (the worker that indexed it does). */
export async function storeVocabularyFilter(dir: string, contentKey: string, filter: VocabularyFilter): Promise<void> {
  await mkdir(path.dirname(filterFile(dir, contentKey)), { recursive: true });
  await writeFileAtomic(filterFile(dir, contentKey), filter.bytes);
}

async function readVocabularyFilter(dir: string, contentKey: string): Promise<VocabularyFilter | undefined> {
  try {
    return VocabularyFilter.fromBytes(new Uint8Array(await readFile(filterFile(dir, contentKey))));
  } catch {
    return undefined;
  }
}

async function readGzipJson<T>(file: string): Promise<T | undefined> {
  try {
    return JSON.parse(gunzipSync(await readFile(file)).toString("utf8")) as T;
  } catch {
    return undefined;
  }
}

async function writeGzipJson(file: string, value: unknown): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  await writeFileAtomic(file, gzipSync(JSON.stringify(value)));
}

/** What a build leaves for the next: the counts, the shards they were counted from, and each shard's sum. */
interface LexiconState {
  format: 1;
  counts: Array<[string, number]>;
  counted: string[];
  sums: Record<string, string>;
}

/** A shard as the lexicon sees it: its content key and the compounds its releases teach. */
export interface LexiconShard {
  contentKey: string;
  releases: ReadonlyArray<{ compounds?: string }>;
}

/**
 * The archive's lexicon for one build: its entries for the workers, and each shard's sum
 * where the shard's filter tells it. `site` keeps the production build's and the dev
 * server's states apart, as the directory's are.
 */
export class ArchiveLexicon {
  private constructor(
    private readonly dir: string,
    private readonly site: string,
    private readonly counts: Map<string, number>,
    private readonly counted: string[],
    private readonly sums: Map<string, string>,
    private changed: boolean,
  ) {}

  /** A lexicon kept nowhere (no cache): counted from the shards' releases. */
  static counted(shards: ReadonlyArray<Pick<LexiconShard, "releases">>): ArchiveLexicon {
    return new ArchiveLexicon("", "", countTaught(shards.flatMap((shard) => shard.releases.map((release) => taughtList(release.compounds)))), [], new Map(), false);
  }

  static async load(dir: string, site: string, shards: readonly LexiconShard[]): Promise<ArchiveLexicon> {
    const state = await readGzipJson<LexiconState>(stateFile(dir, site));
    const current = new Set(shards.map((shard) => shard.contentKey));
    const countsOf = (shard: LexiconShard) => countTaught(shard.releases.map((release) => taughtList(release.compounds)));
    let counts: Map<string, number> | undefined;
    /** The entries whose capped count may have changed, with their capped count before. */
    const before = new Map<string, number>();
    if (state?.format === 1) {
      counts = new Map(state.counts);
      const counted = new Set(state.counted);
      const change = (shardCounts: Iterable<[string, number]>, sign: 1 | -1) => {
        for (const [entry, count] of shardCounts) {
          const was = counts!.get(entry) ?? 0;
          if (!before.has(entry)) before.set(entry, capped(was));
          const now = was + sign * count;
          if (now > 0) counts!.set(entry, now);
          else counts!.delete(entry);
        }
      };
      for (const contentKey of counted) {
        if (current.has(contentKey)) continue;
        const gone = await readGzipJson<Array<[string, number]>>(countsFile(dir, contentKey));
        if (!gone) {
          counts = undefined;
          break;
        }
        change(gone, -1);
      }
      if (counts) {
        for (const shard of shards) {
          if (counted.has(shard.contentKey)) continue;
          const added = countsOf(shard);
          await writeGzipJson(countsFile(dir, shard.contentKey), [...added]);
          change(added, 1);
        }
      }
    }
    const fresh = counts === undefined;
    if (!counts) {
      counts = new Map();
      for (const shard of shards) {
        const shardCounts = countsOf(shard);
        await writeGzipJson(countsFile(dir, shard.contentKey), [...shardCounts]);
        for (const [entry, count] of shardCounts) counts.set(entry, (counts.get(entry) ?? 0) + count);
      }
    }
    const changedEntries = fresh ? undefined : [...before].filter(([entry, was]) => capped(counts!.get(entry) ?? 0) !== was);
    const sums = new Map<string, string>();
    let cappedEntries: Array<[string, number]> | undefined;
    for (const { contentKey } of shards) {
      const known = fresh ? undefined : state!.sums[contentKey];
      if (known !== undefined && changedEntries!.length === 0) {
        sums.set(contentKey, known);
        continue;
      }
      const filter = await readVocabularyFilter(dir, contentKey);
      if (!filter) continue;
      if (known !== undefined) {
        let sum = known;
        for (const [entry, was] of changedEntries!) {
          if (meets(filter, entry, was)) sum = addEntryHash(sum, entry, was, -1);
          const now = capped(counts.get(entry) ?? 0);
          if (meets(filter, entry, now)) sum = addEntryHash(sum, entry, now, 1);
        }
        sums.set(contentKey, sum);
      } else {
        cappedEntries ??= [...counts].map(([entry, count]): [string, number] => [entry, capped(count)]);
        sums.set(contentKey, shardLexiconSum(filter, cappedEntries));
      }
    }
    const sameShards = state !== undefined && state.counted.length === current.size && state.counted.every((contentKey) => current.has(contentKey));
    return new ArchiveLexicon(dir, site, counts, [...current], sums, !sameShards || fresh || (changedEntries?.length ?? 0) > 0 || sums.size !== Object.keys(state?.sums ?? {}).length);
  }

  /** The entries, counts capped: what a worker reads a shard's documents with. */
  entries(): Array<[string, number]> {
    return [...this.counts].map(([entry, count]): [string, number] => [entry, capped(count)]);
  }

  /** A shard's key, when its vocabulary is known (it was indexed with the same releases before). */
  keyOf(contentKey: string): string | undefined {
    const sum = this.sums.get(contentKey);
    return sum === undefined ? undefined : lexiconShardKey(contentKey, sum);
  }

  /** A shard indexed in this build: its sum, as the worker worked it out. */
  indexed(contentKey: string, sum: string): void {
    if (this.sums.get(contentKey) === sum) return;
    this.sums.set(contentKey, sum);
    this.changed = true;
  }

  /** Writes the state for the next build (only when it changed), and with `prune` removes the kept files of shards gone. */
  async save(prune: boolean): Promise<void> {
    if (this.dir === "") return;
    if (this.changed) {
      const sums = Object.fromEntries([...this.sums].filter(([contentKey]) => this.counted.includes(contentKey)).sort(([a], [b]) => (a < b ? -1 : 1)));
      await writeGzipJson(stateFile(this.dir, this.site), { format: 1, counts: [...this.counts], counted: this.counted, sums } satisfies LexiconState);
      this.changed = false;
    }
    if (prune) {
      const used = new Set(this.counted);
      await pruneCacheFolder(path.join(this.dir, "filters"), (name) => used.has(name.replace(/\.bin$/, "")));
      await pruneCacheFolder(path.join(this.dir, "counts"), (name) => used.has(name.replace(/\.json\.gz$/, "")));
    }
  }
}
