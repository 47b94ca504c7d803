/**
 * Lost half-spaces in compounds: «روابطعمومی» (joined) and «روابط عمومی» (spaced) where the
 * archive itself writes «روابط‌عمومی». Which words are compounds is the archive's own knowledge
 * (`CompoundLexicon`, src/persian/lexicon.ts, the one search uses), never a word list: a compound
 * is repaired only where the archive's editors wrote it with a half-space at least twice.
 * `check` warns of each repair and `check --fix` writes it (src/editors/lint.ts); the importer
 * can do the same (`repairImportedText`). Plain TypeScript without Node APIs, like the rest of
 * src/persian/.
 *
 *   | written                              | becomes                          | when                                             |
 *   |--------------------------------------|----------------------------------|--------------------------------------------------|
 *   | روابطعمومی · روابطعمومی‌ها          | روابط‌عمومی · روابط‌عمومی‌ها      | joined: the lexicon splits the word (`splitJoined`: seen at least twice with a half-space, every part of 2+ letters); a suffix stays on the last part |
 *   | روابط عمومی · روابط عمومی‌اش · روابط عمومیها | روابط‌عمومی · روابط‌عمومی‌اش · روابط‌عمومیها | spaced: the words are a compound (`compoundAt`, the last word with or without a suffix) seen at least twice with a half-space (`seenWithHalfSpace`) |
 *   | روابط، عمومی · روابط⏎عمومی · روابط **عمومی** | unchanged                 | only spaces or tabs may stand between a compound's words: punctuation, a line break or markup separates them |
 *   | به روز دوشنبه · در حال · آمد و شد    | unchanged                        | a spaced form with a word that stands alone in the grammar (به، از، در، و …) is as likely a phrase as the compound («به روز دوشنبه»: to Monday); the joined form has no such reading and is repaired |
 *   | روابطِ عمومی                         | unchanged                        | a word written with the ezafe's kasra (or hamza) before the space: its writer reads two words |
 *   | روابط‌عمومی · روابط‌ عمومی           | unchanged                        | a word that holds a compound's half-space, or a half-space next to the space, is the editor's choice |
 *   | بهروز                                | unchanged                        | unless the archive writes «به‌روز» at least twice: a name that looks like a known compound is the one risk of the joined rule |
 *   | https://x.ir/روابطعمومی · <span title="…"> | unchanged                  | web and e-mail addresses and HTML tags, and whatever the caller protects (Markdown code and link targets) |
 *
 * Words are compared by their search keys (`foldForSearch`, the lexicon's keys), so «روابطعمومي»
 * is the compound too; the text keeps the editor's letters exactly. A repair replaces the spaces
 * between a compound's words by one half-space (U+200C) or inserts a half-space between its parts,
 * nothing else: the text without spaces and half-spaces is unchanged (and so is its
 * `textFingerprint`, src/persian/typography.ts). Several compounds may start at one word: the
 * longest the archive knows well enough is taken, and a word is in one repair at most. A repaired
 * compound holds a half-space, which neither rule touches again: repairing twice is repairing once.
 */
import { foldForIndex, foldForSearch, foldIndexedForSearch } from "./letters.js";
import { cutAtParts, type CompoundLexicon } from "./lexicon.js";
import { ADDRESS, FUNCTION_WORDS } from "./typography.js";
import { ZWNJ, compoundParts, isSpacedPrefix, withoutSuffix } from "./words.js";

/** One compound given its half-space: `from` as written (at `offset` in the text), `to` with the half-space. */
export interface HalfSpaceRepair {
  from: string;
  to: string;
  offset: number;
}

export interface HalfSpaceRepairs {
  /** The text with every repair applied. */
  text: string;
  /** In text order, none overlapping. */
  repairs: HalfSpaceRepair[];
}

/**
 * A compound written with spaces is repaired only when the archive wrote it with a half-space
 * at least this often: search reads «روابط عمومی» as the compound once it is seen at all, but a
 * repair changes the editor's text.
 */
export const MIN_SEEN_FOR_SPACED_REPAIR = 2;
/** Compounds of more words than this are not looked for: they are rare, and each word costs a lookup. */
const MAX_COMPOUND_WORDS = 4;

/**
 * Words that stand alone in the grammar (prepositions, conjunctions, demonstratives): a spaced
 * form holding one is a phrase as often as a compound («به روز», «در حال»), so it is left alone.
 */
const STANDALONE_WORDS: ReadonlySet<string> = new Set([...FUNCTION_WORDS, "هر", "نیز", "برای"].map((word) => foldForSearch(word)));

/** A word: letters, marks and digits, with half-spaces inside it (never at its edges). */
const WORD = /[\p{L}\p{M}\p{Nd}](?:[\p{L}\p{M}\p{Nd}\u200C]*[\p{L}\p{M}\p{Nd}])?/gu;
/** What may stand between the words of a compound written with spaces. */
const SPACES = /^[ \t]+$/;
/** The ezafe written as a mark at a word's end: kasra, or the hamza above («خانهٔ»). */
const EZAFE_MARK = /[\u0650\u0654]$/;
/** HTML tags; web and e-mail addresses are typography.ts's `ADDRESS`. */
const HTML_TAG = /<[A-Za-z!/?][^<>]*>/g;

/** Words remembered before starting afresh: the archive's vocabulary, not its text. */
const MAX_REMEMBERED_WORDS = 200_000;

/** What a word is whatever the lexicon, worked out once (an archive writes the same words again and again). */
interface WordFacts {
  /**
   * plain: no half-space; affixed: half-spaces of a prefix or suffix only («عمومی‌ها», «می‌شود»);
   * compound: a compound's half-space («روابط‌عمومی»), which the editor chose.
   */
  kind: "plain" | "affixed" | "compound";
  /** The word as the index's text holds it (`foldForIndex`), for `CompoundLexicon.splitJoined`. */
  indexed: string;
  /** The search key of the whole word, half-spaces left out. */
  key: string;
  /** An affixed word's key without its suffixes («عمومی‌اش» → «عمومی»); its key otherwise. */
  stemKey: string;
  /** Stands alone in the grammar (see `STANDALONE_WORDS`). */
  standalone: boolean;
}

/** A word where a text writes it. Its facts are shared, not copied: a copy per word was most of the work of a text. */
interface Word {
  facts: WordFacts;
  start: number;
  end: number;
  text: string;
}

const remembered = new Map<string, WordFacts>();

const keyOf = (written: string) => foldForSearch(written.replaceAll(ZWNJ, ""));

function factsOf(written: string): WordFacts {
  let facts = remembered.get(written);
  if (facts) return facts;
  if (remembered.size > MAX_REMEMBERED_WORDS) remembered.clear();
  const indexed = foldForIndex(written);
  const key = keyOf(written);
  const kind = !written.includes(ZWNJ) ? "plain" : compoundParts(indexed, true).length > 1 ? "compound" : "affixed";
  const head = written.split(ZWNJ)[0]!;
  const stemKey = kind === "affixed" && !isSpacedPrefix(foldForIndex(head)) ? keyOf(head) : key;
  facts = { kind, indexed, key, stemKey, standalone: STANDALONE_WORDS.has(key) };
  remembered.set(written, facts);
  return facts;
}

/** Pieces joined with a half-space, unless one is there already (an affix's, at the cut). */
function joinWithHalfSpace(pieces: readonly string[]): string {
  return pieces.reduce((joined, piece) => (joined === "" || joined.endsWith(ZWNJ) || piece.startsWith(ZWNJ) ? joined + piece : joined + ZWNJ + piece), "");
}

/** The word with a half-space between its compound's parts, when the lexicon splits it (the joined rule). */
function splitOf(word: Word, lexicon: CompoundLexicon): string | undefined {
  if (word.facts.kind === "compound") return undefined;
  const pieces = lexicon.splitJoined(word.facts.indexed, word.facts.key);
  if (pieces.length < 2) return undefined;
  const cut = cutAtParts(
    word.text,
    pieces.map((piece) => foldIndexedForSearch(piece.replaceAll(ZWNJ, ""))),
    keyOf,
  );
  const split = cut && joinWithHalfSpace(cut);
  return split === undefined || split === word.text ? undefined : split;
}

/** How often the archive wrote the compound of these keys with a half-space, its last word with or without a suffix. */
function seenWithHalfSpace(lexicon: CompoundLexicon, keys: readonly string[]): number {
  const last = keys[keys.length - 1]!;
  const bare = withoutSuffix(last);
  const seen = lexicon.seenWithHalfSpace(keys);
  return bare === last ? seen : Math.max(seen, lexicon.seenWithHalfSpace([...keys.slice(0, -1), bare]));
}

/** How many words from `position` on are a compound written with spaces that the archive knows well enough (0: none). */
function spacedCompoundAt(text: string, words: readonly Word[], position: number, lexicon: CompoundLexicon, isShielded: (start: number, end: number) => boolean): number {
  const first = words[position]!;
  if (first.facts.kind !== "plain" || first.facts.standalone || !lexicon.startsCompound(first.facts.key)) return 0;
  const window: Word[] = [first];
  while (window.length < MAX_COMPOUND_WORDS) {
    const previous = window[window.length - 1]!;
    const next = words[position + window.length];
    if (!next || previous.facts.kind !== "plain" || EZAFE_MARK.test(previous.text)) break;
    if (next.facts.kind === "compound" || next.facts.standalone || !SPACES.test(text.slice(previous.end, next.start))) break;
    window.push(next);
  }
  for (let length = window.length; length >= 2; length--) {
    const last = window[length - 1]!;
    if (isShielded(first.start, last.end)) continue;
    const keys = window.slice(0, length).map((word) => word.facts.key);
    // An affixed last word is tried with its suffixes, and then as its stem («عمومی‌اش» → «عمومی»).
    const { key, stemKey } = last.facts;
    const variants = stemKey === key ? [keys] : [keys, [...keys.slice(0, -1), stemKey]];
    if (variants.some((variant) => lexicon.compoundAt(variant) === length && seenWithHalfSpace(lexicon, variant) >= MIN_SEEN_FOR_SPACED_REPAIR)) return length;
  }
  return 0;
}

/**
 * The text with the half-space written in every compound the archive's lexicon knows and the
 * text writes joined or with spaces (the rules above), and each repair. `protectedRanges`
 * (start, end offsets) are left alone: the linter passes Markdown code, link targets and HTML.
 */
export function repairHalfSpaces(text: string, lexicon: CompoundLexicon, protectedRanges: ReadonlyArray<readonly [number, number]> = []): HalfSpaceRepairs {
  if (lexicon.size === 0 || text === "") return { text, repairs: [] };
  const shielded: Array<readonly [number, number]> = [...protectedRanges];
  if (text.includes("://") || text.includes("www.") || text.includes("@")) {
    for (const match of text.matchAll(ADDRESS)) shielded.push([match.index, match.index + match[0].length]);
  }
  if (text.includes("<")) for (const match of text.matchAll(HTML_TAG)) shielded.push([match.index, match.index + match[0].length]);
  const isShielded = (start: number, end: number) => shielded.some(([from, to]) => start < to && end > from);

  const words: Word[] = [];
  for (const match of text.matchAll(WORD)) words.push({ facts: factsOf(match[0]), start: match.index, end: match.index + match[0].length, text: match[0] });

  const repairs: HalfSpaceRepair[] = [];
  for (let position = 0; position < words.length; position++) {
    const word = words[position]!;
    const length = spacedCompoundAt(text, words, position, lexicon, isShielded);
    if (length >= 2) {
      const last = words[position + length - 1]!;
      const to = words
        .slice(position, position + length)
        .map((part) => part.text)
        .join(ZWNJ);
      repairs.push({ from: text.slice(word.start, last.end), to, offset: word.start });
      position += length - 1;
      continue;
    }
    const split = splitOf(word, lexicon);
    if (split !== undefined && !isShielded(word.start, word.end)) repairs.push({ from: word.text, to: split, offset: word.start });
  }

  let repaired = "";
  let at = 0;
  for (const repair of repairs) {
    repaired += text.slice(at, repair.offset) + repair.to;
    at = repair.offset + repair.from.length;
  }
  return { text: repaired + text.slice(at), repairs };
}

/**
 * For the importer (src/editors/importer.ts): an imported page's text (title, lead, a paragraph;
 * plain text, not Markdown) with its compounds' half-spaces written, against the archive's lexicon.
 */
export function repairImportedText(text: string, lexicon: CompoundLexicon): HalfSpaceRepairs {
  return repairHalfSpaces(text, lexicon);
}
