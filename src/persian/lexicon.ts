/**
 * The compounds of an archive, learnt from the words its editors wrote with a half-space.
 * Search (src/search/text.ts) reads «روابط عمومی» (spaced) and «روابطعمومی» (joined) as the
 * compound «روابط‌عمومی» once the archive writes it so; `check --fix` and the importer
 * (half-space-repair.ts) write the half-space back where the archive knows the compound.
 * Plain TypeScript without Node APIs, like the rest of src/persian/.
 *
 * One lexicon for the whole archive: each release's compounds are worked out once, when the
 * release is read (`compoundsTaught`, kept with the release in the archive cache), and the
 * archive's lexicon is their sum (`CompoundLexicon.fromTaught`), so a release added teaches
 * its own compounds without the others being read again. A search shard uses only the
 * entries its own words can meet (`restrictedTo`), so that a compound learnt from one
 * release changes only the shards that write it spaced or joined.
 */
import { foldForIndex, foldIndexedForSearch } from "./letters.js";
import { ZWNJ, compoundKeys, trimPunctuation, withoutSuffix } from "./words.js";

/** A compound seen at least this often with a half-space is also split where it is written joined. */
export const MIN_SEEN_FOR_JOINED = 2;
/** Joined words are split only into parts at least this long: «و» alone would split too much. */
const MIN_PART_LENGTH = 2;
/** Words remembered before starting afresh: the archive's vocabulary, not its text. */
const MAX_REMEMBERED_WORDS = 200_000;

/** Separates a compound's parts in an entry: keys are letters and digits only, never a space. */
const PART_SEPARATOR = " ";

/** The search key of a joined compound: its parts' keys folded together (a fold may span a boundary). */
export function joinedKey(parts: readonly string[]): string {
  return foldIndexedForSearch(parts.join(""));
}

/**
 * The compounds a word written with a half-space teaches, as entries (its parts' keys joined
 * by a space): none, the word, and the word without its suffix. A word holding an editor's
 * «~» teaches nothing: the index's text uses «~» as its own mark.
 */
function compoundsOf(word: string): string[] {
  const core = trimPunctuation(word.replace(/^\u200C+|\u200C+$/g, ""));
  if (core === "" || /[~\uFF5E]/.test(core)) return [];
  const parts = compoundKeys(core);
  if (parts.length < 2) return [];
  const last = parts[parts.length - 1]!;
  const bare = withoutSuffix(last);
  const whole = parts.join(PART_SEPARATOR);
  return bare === last ? [whole] : [whole, [...parts.slice(0, -1), bare].join(PART_SEPARATOR)];
}

/** How often each entry was taught: the archive's lexicon as counts, from each release's `compoundsTaught`. */
export function countTaught(taught: Iterable<readonly string[]>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const entries of taught) for (const entry of entries) counts.set(entry, (counts.get(entry) ?? 0) + 1);
  return counts;
}

/** A release's compounds as `Release.compounds` keeps them (one a line), as a list. */
export function taughtList(compounds: string | undefined): string[] {
  return compounds === undefined || compounds === "" ? [] : compounds.split("\n");
}

/** The compounds a text teaches, one entry per word that teaches it (a release's share of the archive's lexicon). */
export function compoundsTaught(text: string): string[] {
  const taught: string[] = [];
  // Only words with a half-space teach: found before folding, which is the costly part.
  for (const word of text.match(/\S*\u200C\S*/g) ?? []) taught.push(...compoundsOf(foldForIndex(word)));
  return taught;
}

export class CompoundLexicon {
  /** Joined key → the keys of its parts, and how often it was seen with a half-space. */
  private readonly byJoined = new Map<string, { parts: string[]; seen: number }>();
  /**
   * The first two parts' keys → the compounds starting with them, longest first. Keyed by two
   * parts, not one: a common word («در», «و») starts thousands of compounds, and every word
   * of every text is looked up here.
   */
  private readonly byFirstTwoParts = new Map<string, string[][]>();
  /** Every compound's first part: most words start none, and are answered by this alone. */
  private readonly firstParts = new Set<string>();
  /** Each word with a half-space already read: the compounds it adds (an archive writes them again and again). */
  private readonly compoundsOfWord = new Map<string, string[]>();

  /** The lexicon of entries as `compoundsTaught` gives them, from any number of texts. */
  static fromTaught(taught: Iterable<readonly string[]>): CompoundLexicon {
    return CompoundLexicon.fromEntries(countTaught(taught));
  }

  /**
   * A lexicon from entries and how often each was seen (`entries()` of another, or
   * `countTaught`). Taken in sorted order, so that when two entries are one joined word
   * («الف‌بج», «الفب‌ج») the same one gives its parts whatever order they came in.
   */
  static fromEntries(entries: Iterable<readonly [string, number]>): CompoundLexicon {
    const lexicon = new CompoundLexicon();
    for (const [entry, seen] of [...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) lexicon.addEntry(entry, seen);
    return lexicon;
  }

  learn(text: string): void {
    for (const word of foldForIndex(text).split(/\s+/)) {
      if (!word.includes(ZWNJ)) continue;
      let compounds = this.compoundsOfWord.get(word);
      if (!compounds) {
        if (this.compoundsOfWord.size > MAX_REMEMBERED_WORDS) this.compoundsOfWord.clear();
        this.compoundsOfWord.set(word, (compounds = compoundsOf(word)));
      }
      for (const entry of compounds) this.addEntry(entry, 1);
    }
  }

  /** Every entry and how often it was seen, sorted: the lexicon as plain data. */
  entries(): Array<[string, number]> {
    return [...this.byJoined.values()].map(({ parts, seen }): [string, number] => [parts.join(PART_SEPARATOR), seen]).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  }

  get size(): number {
    return this.byJoined.size;
  }

  /**
   * The entries a text whose vocabulary is `vocabulary` can meet (`textMeetsEntry`; the
   * vocabulary is `IndexTextEncoder.addVocabulary`'s, src/search/text.ts): a lexicon that reads
   * the text exactly as this one does. Counts above the threshold are cut to it, so that the
   * result changes only when what the text would read changes.
   */
  restrictedTo(vocabulary: ReadonlySet<string>): CompoundLexicon {
    return CompoundLexicon.fromEntries(entriesWithin(this.entries(), vocabulary));
  }

  /** Whether some compound starts with the word whose key this is. */
  startsCompound(key: string): boolean {
    return this.firstParts.has(key);
  }

  private addEntry(entry: string, count: number): void {
    const parts = entry.split(PART_SEPARATOR);
    if (parts.length < 2) return;
    const joined = joinedKey(parts);
    const known = this.byJoined.get(joined);
    if (known) {
      known.seen += count;
      return;
    }
    this.byJoined.set(joined, { parts, seen: count });
    this.firstParts.add(parts[0]!);
    const pair = pairKey(parts[0]!, parts[1]!);
    const starting = this.byFirstTwoParts.get(pair);
    if (!starting) {
      this.byFirstTwoParts.set(pair, [parts]);
      return;
    }
    // Longest first; among equals, in the order added (sorted, from `fromEntries`).
    let position = starting.length;
    while (position > 0 && starting[position - 1]!.length < parts.length) position--;
    starting.splice(position, 0, parts);
  }

  /**
   * How many of the words from `keys[0]` on form a compound written with spaces (0 if none):
   * the longest compound whose parts are these keys, the last one with or without a suffix.
   */
  compoundAt(keys: readonly string[]): number {
    if (keys.length < 2 || !this.firstParts.has(keys[0]!)) return 0;
    const matches = (parts: readonly string[]) =>
      parts.length <= keys.length &&
      parts.every((part, position) => {
        const key = keys[position]!;
        return key === part || (position === parts.length - 1 && withoutSuffix(key) === part);
      });
    const longest = this.byFirstTwoParts.get(pairKey(keys[0]!, keys[1]!))?.find(matches)?.length ?? 0;
    if (longest >= 2) return longest;
    // A two-part compound whose second word carries a suffix: «روابط عمومی‌اش».
    const bare = withoutSuffix(keys[1]!);
    return bare !== keys[1] && this.byFirstTwoParts.get(pairKey(keys[0]!, bare))?.some((parts) => parts.length === 2) ? 2 : 0;
  }

  /** How often the compound of these parts' keys was seen with a half-space (0: not known). */
  seenWithHalfSpace(parts: readonly string[]): number {
    const known = this.byJoined.get(joinedKey(parts));
    return known && known.parts.length === parts.length && known.parts.every((part, position) => part === parts[position]) ? known.seen : 0;
  }

  /**
   * A folded word written joined, split at its compound's part boundaries; [word] if it is no
   * known compound. An affix's half-space in it («روابطعمومی‌ها») stays with its part.
   */
  splitJoined(word: string, key: string = foldIndexedForSearch(word.replaceAll(ZWNJ, ""))): string[] {
    let parts = this.knownParts(key);
    if (!parts) {
      const bare = withoutSuffix(key);
      const bareParts = bare === key ? undefined : this.knownParts(bare);
      if (bareParts) parts = [...bareParts.slice(0, -1), bareParts[bareParts.length - 1]! + key.slice(bare.length)];
    }
    return (parts && cutAtParts(word, parts)) ?? [word];
  }

  private knownParts(key: string): string[] | undefined {
    const known = this.byJoined.get(key);
    if (!known || known.seen < MIN_SEEN_FOR_JOINED) return undefined;
    return known.parts.every((part) => part.length >= MIN_PART_LENGTH) ? known.parts : undefined;
  }
}

const pairKey = (first: string, second: string) => `${first}\u0000${second}`;

/** An entry's parts («روابط عمومی» → [روابط, عمومی]). */
function entryParts(entry: string): string[] {
  return entry.split(PART_SEPARATOR);
}

/**
 * How a text's vocabulary holds two words written one after the other with only a space
 * between them (`textVocabulary` in src/search/text.ts): a compound written spaced starts so.
 */
export function spacedPair(first: string, second: string): string {
  // The entries' own separator: a two-part entry is its own pair, and no word holds a space.
  return `${first}${PART_SEPARATOR}${second}`;
}

/** An entry's first two parts as `spacedPair` writes them: the entry itself when it has two. */
function firstPair(entry: string): string {
  const second = entry.indexOf(PART_SEPARATOR, entry.indexOf(PART_SEPARATOR) + 1);
  return second === -1 ? entry : entry.slice(0, second);
}

/**
 * Whether a text whose vocabulary `has` (its words' keys and its spaced pairs, `spacedPair`) can
 * meet the entry (as `entries()` writes it): it writes the entry's first two parts one after the
 * other (spaced), or writes the entry joined and it is seen often enough to be split there.
 */
export function textMeetsEntry(has: (key: string) => boolean, entry: string, seen: number): boolean {
  return has(firstPair(entry)) || (seen >= MIN_SEEN_FOR_JOINED && has(joinedKey(entryParts(entry))));
}


/**
 * The entries (`entries()` or counts) a text whose keys are `vocabulary` can meet (see
 * `CompoundLexicon.restrictedTo`), their counts cut to the threshold.
 */
export function entriesWithin(entries: Iterable<readonly [string, number]>, vocabulary: ReadonlySet<string>): Array<[string, number]> {
  const within: Array<[string, number]> = [];
  const has = (key: string) => vocabulary.has(key);
  for (const [entry, seen] of entries) if (textMeetsEntry(has, entry, seen)) within.push([entry, Math.min(seen, MIN_SEEN_FOR_JOINED)]);
  return within;
}

/**
 * The word cut into pieces whose keys are `parts`, or undefined. Folding may drop a letter
 * (ء, a diacritic) or read one by the letters around it (ئ, ة, وو), so each piece is folded as
 * a whole rather than counted letter by letter; a letter that folds to nothing stays with the
 * piece it ends (the longest piece is tried first). `keyOf` folds a piece: by default one of
 * text already folded for the index; half-space-repair.ts gives the editor's own text.
 */
export function cutAtParts(word: string, parts: readonly string[], keyOf: (piece: string) => string = (piece) => foldIndexedForSearch(piece.replaceAll(ZWNJ, ""))): string[] | undefined {
  if (parts.length === 1) return word !== "" && keyOf(word) === parts[0] ? [word] : undefined;
  for (let end = word.length - 1; end > 0; end--) {
    const piece = word.slice(0, end);
    if (keyOf(piece) !== parts[0]) continue;
    const rest = cutAtParts(word.slice(end), parts.slice(1), keyOf);
    if (rest) return [piece, ...rest];
  }
  return undefined;
}
