/**
 * The text of the search index: written by the build (`IndexTextEncoder`), read back by the
 * search page for its excerpts (`readIndexText`, `excerptOf`). Both sides import this
 * module, so that they cannot drift apart. It is plain TypeScript without Node APIs, bundled
 * for the browser with the Persian rules of src/persian/.
 *
 * Pagefind indexes the words of a text and keeps the text itself to cut excerpts from. So
 * the index's text is the editor's text folded only in ways a reader does not notice
 * (`foldForIndex`), and three marks, which Pagefind's own word splitting reads for us:
 *
 *   | in the index text   | Pagefind indexes                   | the search page shows |
 *   |---------------------|------------------------------------|-----------------------|
 *   | `روابط~عمومی`       | روابطعمومی, and the parts روابط, عمومی | روابط‌عمومی (half-space) |
 *   | `~مسول مسئول`       | مسول and مسئول, at two positions   | مسئول (the `~` word is another spelling of the next word: never shown) |
 *   | `ـری` (in metadata) | ـری, which no query can match       | ری                    |
 *
 * Pagefind splits a word at ASCII punctuation and indexes the whole word, without the
 * punctuation, and its parts (tested by tests/browser/search-quality.test.ts). A compound's parts go
 * in with half the weight, so «روابط عمومی» finds «روابط‌عمومی», «روابط عمومی» and
 * «روابطعمومی» (once the archive has taught `CompoundLexicon` that the last two are that
 * compound). The joiner is «~», not «_» or «-»: Pagefind keeps «_» inside words, and editors
 * write «-». An editor's own «~» is written as «～» (U+FF5E) and shown as «~» again.
 *
 * A word whose search key differs from its index text (it has ئ, ة, ۀ, آ, أ, ؤ, ء, harakat, an ezafe …) gets
 * its key as an extra word just before it (a word with ة gets both its readings, ه and ت), so the excerpt keeps the editor's spelling while
 * the index also holds the key that every spelling of the query is folded to. Metadata that
 * is only for display (date, county) is hidden from the search with a tatweel before each
 * word: Pagefind searches metadata too, and queries never contain a tatweel.
 */
import { foldForIndex, foldForSearch, foldIndexedForSearch } from "../persian/letters.js";
import { spacedPair, type CompoundLexicon } from "../persian/lexicon.js";
import {
  ZWNJ,
  compoundKeys,
  compoundParts,
  digitPieces,
  isLoneSuffix,
  isSpacedPrefix,
  isSpacedSuffix,
  normalizeQuery,
  prefixesNext,
  queryCompounds,
  showInPersian,
  trimPunctuation,
  withoutSuffix,
} from "../persian/words.js";

/** Joins a compound's parts in the index text; also starts a word that is another spelling. */
export const JOINER = "~";
const ESCAPED_JOINER = "\uFF5E";
const TATWEEL = "\u0640";

interface Token {
  /** Punctuation before the word. */
  lead: string;
  /** The word, without punctuation around it; may be empty. */
  core: string;
  trail: string;
  /** The search key of a word that can be part of a compound written with spaces; "" for any other. */
  partKey: string;
  /** Whether the word is a verb prefix («می») or a suffix («ها») written as a word of its own. */
  spacedPrefix: boolean;
  spacedSuffix: boolean;
  /**
   * The token as the index text writes it with the lexicon `encodedWith`, once an encoder has
   * worked it out: encoders remember their words' tokens (and so this) by word, so that a word
   * met again costs a lookup. Encoders that share their words (`readingWith`) may read with other lexicons.
   */
  encoded?: string;
  encodedWith?: CompoundLexicon | undefined;
  /** The keys it adds to a vocabulary (`addVocabulary`), once worked out; remembered like `encoded`. */
  words?: string[];
  /** Its part key without its suffix, once worked out. */
  stem?: string;
}

function token(lead: string, core: string, trail: string): Token {
  const partKey = core === "" || compoundParts(core).length > 1 ? "" : keyOf(core);
  return { lead, core, trail, partKey, spacedPrefix: core !== "" && isSpacedPrefix(core), spacedSuffix: core !== "" && isSpacedSuffix(core) };
}

function splitToken(word: string): Token {
  const bare = word.replace(/^\u200C+|\u200C+$/g, "");
  const core = trimPunctuation(bare);
  if (core === "") return token(bare, "", "");
  const start = bare.indexOf(core);
  return token(bare.slice(0, start), core, bare.slice(start + core.length));
}

/** The search key of a folded word that may hold half-spaces: «روابط‌عمومی‌ها» → «روابطعمومیها». */
function keyOf(word: string): string {
  return foldIndexedForSearch(compoundParts(word).join(""));
}

/** Joins «می», «ها» … typed as words of their own to their word, unless punctuation stands between. */
function attachAffixes(tokens: readonly Token[]): Token[] {
  const joined: Token[] = [];
  for (let position = 0; position < tokens.length; position++) {
    const current = tokens[position]!;
    const next = tokens[position + 1];
    const previous = joined[joined.length - 1];
    if (
      current.trail === "" && current.spacedPrefix &&
      next !== undefined && next.lead === "" && next.core !== "" && !next.spacedPrefix && !next.spacedSuffix && !isLoneSuffix(next.core) &&
      prefixesNext(previous?.trail === "" ? previous.core : undefined, next.core)
    ) {
      joined.push(token(current.lead, current.core + ZWNJ + next.core, next.trail));
      position++;
    } else if (current.lead === "" && (current.spacedSuffix || isLoneSuffix(current.core)) && previous !== undefined && previous.core !== "" && previous.trail === "") {
      joined[joined.length - 1] = token(previous.lead, previous.core + ZWNJ + current.core, current.trail);
    } else {
      joined.push(current);
    }
  }
  return joined;
}

/** Joins the words of a compound written with spaces («روابط عمومی») with a half-space. */
function joinSpacedCompounds(tokens: readonly Token[], lexicon: CompoundLexicon): Token[] {
  const joined: Token[] = [];
  for (let position = 0; position < tokens.length; position++) {
    // Most words start no compound: answered without gathering the words after them.
    if (!lexicon.startsCompound(tokens[position]!.partKey)) {
      joined.push(tokens[position]!);
      continue;
    }
    const keys: string[] = [];
    // Only bare words, with no punctuation between them, can be one compound.
    for (let offset = position; offset < tokens.length && keys.length < 4; offset++) {
      const word = tokens[offset]!;
      if (word.partKey === "" || (offset > position && word.lead !== "")) break;
      keys.push(word.partKey);
      if (word.trail !== "") break;
    }
    const length = keys.length >= 2 ? lexicon.compoundAt(keys) : 0;
    if (length < 2) {
      joined.push(tokens[position]!);
      continue;
    }
    const words = tokens.slice(position, position + length);
    joined.push(token(words[0]!.lead, words.map((word) => word.core).join(ZWNJ), words[length - 1]!.trail));
    position += length - 1;
  }
  return joined;
}

function encodeToken(token: Token, lexicon: CompoundLexicon | undefined): string {
  if (token.core === "") return token.lead + token.trail;
  // Parts as written, affixes with their half-space: Pagefind drops the half-space from the
  // whole word it indexes, so «می‌شود» is indexed as «میشود» and shown as written.
  // Most words have no half-space: one part, whose key the token already has (its partKey),
  // so that a word new to the encoder (a quarter of a shard's words) is folded once, not thrice.
  const plain = !token.core.includes(ZWNJ);
  let parts = plain ? [token.core] : compoundParts(token.core, true);
  if (parts.length === 1 && lexicon) parts = plain ? lexicon.splitJoined(token.core, token.partKey) : lexicon.splitJoined(parts[0]!);
  // Persian letters against digits are parts too («کووید~19»), as Pagefind reads «کووید-19».
  parts = parts.flatMap(digitPieces);
  const shown = token.lead + parts.join(JOINER) + token.trail;
  // A word with an editor's «~» (kept as «～») gets no extra spelling: folding would turn it back into the joiner.
  if (token.core.includes(ESCAPED_JOINER)) return shown;
  // Pagefind indexes a compound's parts as they are, half-spaces included: a part with an
  // affix's half-space, or with letters its key spells otherwise, needs the extra spelling.
  const keys = plain && parts.length === 1 ? [token.partKey].filter((key) => key !== "") : compoundKeys(parts.join(ZWNJ));
  const written = parts.length === 1 ? [parts[0]!.replaceAll(ZWNJ, "")] : parts;
  const sameKeys = keys.length === parts.length && keys.every((key, position) => key === written[position]!.toLowerCase());
  const spellings = sameKeys || keys.length === 0 ? [] : [keys];
  // ة is read as ه or ت by the letter after it; a reader may write either where the text has ة («آیت الله», «زکات»).
  if (token.core.includes("ة")) {
    for (const letter of ["ه", "ت"]) {
      const other = compoundKeys(parts.join(ZWNJ).replaceAll("ة", letter));
      if (other.length > 0 && !spellings.some((known) => known.join(JOINER) === other.join(JOINER)) && other.join(JOINER) !== keys.join(JOINER)) spellings.push(other);
    }
  }
  return [...spellings.map((spelling) => `${JOINER}${spelling.join(JOINER)}`), shown].join(" ");
}

/** A word's keys in a vocabulary: its key, and a word with a half-space as written without them (`splitJoined`), each with and without its suffix. */
function vocabularyWords(token: Token): string[] {
  const words = new Set<string>();
  for (const key of [token.partKey, token.core.includes(ZWNJ) ? foldIndexedForSearch(token.core.replaceAll(ZWNJ, "")) : ""]) {
    if (key === "") continue;
    words.add(key);
    words.add(withoutSuffix(key));
  }
  return [...words];
}

/** Words remembered by an encoder before it starts afresh: the archive's vocabulary, not its text. */
const MAX_REMEMBERED_WORDS = 200_000;
/** Texts remembered as their words: a shard's texts, each met by the vocabulary pass and then by its document. */
const MAX_REMEMBERED_TEXTS = 100_000;

/** What encoders that share their words remember: each word's token, and each text as its tokens. */
class SplitWords {
  readonly tokens = new Map<string, Token>();
  readonly texts = new Map<string, Token[]>();
}

/**
 * Encodes the archive's texts for the index with one lexicon. An archive uses the same words
 * again and again, so each word is worked out once and remembered.
 */
export class IndexTextEncoder {
  private readonly encoded = new Map<string, string>();

  constructor(
    private readonly lexicon?: CompoundLexicon,
    private readonly split = new SplitWords(),
  ) {}

  /**
   * An encoder that reads with `lexicon` and shares this one's split texts: a shard's texts are
   * split into words once, for its vocabulary (which decides the lexicon) and then for its documents.
   */
  readingWith(lexicon: CompoundLexicon): IndexTextEncoder {
    return new IndexTextEncoder(lexicon, this.split);
  }

  /** A piece of an editor's text (title, lead, a paragraph) as the search index stores it. */
  encode(text: string): string {
    let tokens = this.wordsOf(text);
    if (this.lexicon) tokens = joinSpacedCompounds(tokens, this.lexicon);
    return tokens.map((token) => this.encodeToken(token)).join(" ");
  }

  /**
   * Adds to `vocabulary` what decides which compounds of a lexicon the text can meet, whatever
   * the lexicon (`textMeetsEntry`, src/persian/lexicon.ts): each two words written one after the
   * other with a space between (`spacedPair`; the second also without its suffix), where a
   * compound written spaced starts, and each word's key, with and without its suffix, which a
   * compound written joined is.
   */
  addVocabulary(text: string, vocabulary: Set<string>): void {
    const tokens = this.wordsOf(text);
    for (let position = 0; position < tokens.length; position++) {
      const token = tokens[position]!;
      if (token.core === "") continue;
      for (const key of (token.words ??= vocabularyWords(token))) vocabulary.add(key);
      const next = tokens[position + 1];
      if (token.partKey === "" || token.trail !== "" || next === undefined || next.partKey === "" || next.lead !== "") continue;
      vocabulary.add(spacedPair(token.partKey, next.partKey));
      const stem = (next.stem ??= withoutSuffix(next.partKey));
      if (stem !== next.partKey) vocabulary.add(spacedPair(token.partKey, stem));
    }
  }

  /** The text's words, affixes written apart joined to their word; remembered, for the same text met again. */
  private wordsOf(text: string): Token[] {
    const { texts } = this.split;
    let words = texts.get(text);
    if (!words) {
      if (texts.size > MAX_REMEMBERED_TEXTS) texts.clear();
      texts.set(text, (words = attachAffixes(this.tokensOf(text))));
    }
    return words;
  }

  private tokensOf(text: string): Token[] {
    const { tokens } = this.split;
    if (tokens.size > MAX_REMEMBERED_WORDS) tokens.clear();
    return foldForIndex(text)
      .replaceAll(JOINER, ESCAPED_JOINER)
      .split(/\s+/)
      .filter((word) => word !== "")
      .map((word) => {
        let token = tokens.get(word);
        if (!token) tokens.set(word, (token = splitToken(word)));
        return token;
      });
  }

  private encodeToken(token: Token): string {
    if (token.encoded !== undefined && token.encodedWith === this.lexicon) return token.encoded;
    // A token made by joining words (an affix, a compound written with spaces) is new each
    // time: remembered by its text instead.
    if (this.encoded.size > MAX_REMEMBERED_WORDS) this.encoded.clear();
    const key = `${token.lead}\u0000${token.core}\u0000${token.trail}`;
    let encoded = this.encoded.get(key);
    if (encoded === undefined) this.encoded.set(key, (encoded = encodeToken(token, this.lexicon)));
    token.encoded = encoded;
    token.encodedWith = this.lexicon;
    return encoded;
  }
}

/** Metadata for display only: no query can match it (see the module comment). */
export function hideFromSearch(text: string): string {
  return text
    .split(/\s+/)
    .filter((word) => word !== "")
    .map((word) => TATWEEL + word)
    .join(" ");
}

export function revealHidden(text: string): string {
  return text
    .split(" ")
    .map((word) => (word.startsWith(TATWEEL) ? word.slice(1) : word))
    .join(" ");
}

/** One word of the index text as the reader sees it, and the search keys it answers to. */
export interface ShownWord {
  text: string;
  keys: string[];
}

/** The keys Pagefind holds for a word of the index text: the whole word and its parts. */
function indexKeysOf(word: string): string[] {
  const parts = foldForSearch(word)
    .replaceAll(ZWNJ, "")
    .split(/[^\p{L}\p{N}\p{M}]+/u)
    .filter((part) => part !== "");
  if (parts.length === 0) return [];
  return parts.length === 1 ? parts : [parts.join(""), ...parts];
}

/** Reads Pagefind's stored text back into words for display (extra spellings folded into their word). */
export function readIndexText(content: string): ShownWord[] {
  const shown: ShownWord[] = [];
  let spellings: string[] = [];
  for (const word of content.split(/\s+/)) {
    if (word === "") continue;
    if (word.startsWith(JOINER)) {
      spellings.push(...indexKeysOf(word));
      continue;
    }
    shown.push({ text: word, keys: [...indexKeysOf(word), ...spellings] });
    spellings = [];
  }
  return shown;
}

/** How a word of the index text is shown: half-spaces back, and Persian digits and punctuation in Persian text. */
export function showWord(word: string, lang: string): string {
  const text = word.replaceAll(JOINER, ZWNJ).replaceAll(ESCAPED_JOINER, JOINER);
  return lang === "fa" ? showInPersian(text) : text;
}

/** A piece of index text (a title) as shown. */
export function showText(text: string, lang: string): string {
  return readIndexText(text)
    .map((word) => showWord(word.text, lang))
    .join(" ");
}

const asTerm = (word: string) => word.replace(/[^\p{L}\p{N}]/gu, "");

/** The words a query looks for, as Pagefind compares them: «روابط‌عمومی 1402/05» → [روابطعمومی, 140205]. */
export function queryTerms(query: string): string[] {
  return normalizeQuery(query)
    .split(" ")
    .map(asTerm)
    .filter((term) => term !== "");
}

/** A query word as Pagefind compares it, and its compound's parts when it was typed with a half-space (or else none). */
export interface QueryWord {
  term: string;
  parts: string[];
}

/**
 * The query's words with their parts: `queryTerms`, and for a compound typed with a half-space
 * («بهره‌برداری») the parts the search page asks for instead when no release of the archive
 * has the whole word (it is then written spaced everywhere: «بهره برداری»).
 */
export function queryWords(query: string): QueryWord[] {
  return queryCompounds(query)
    .map((parts) => ({ term: asTerm(parts.join("")), parts: parts.length > 1 ? parts.map(asTerm).filter((part) => part !== "") : [] }))
    .filter((word) => word.term !== "");
}

/** Pagefind matches a query word at the start of an indexed word: «روابط» finds «روابطعمومی». */
export function wordMatches(word: ShownWord, terms: readonly string[]): boolean {
  return word.keys.some((key) => terms.some((term) => key.startsWith(term)));
}

export interface ExcerptPart {
  text: string;
  marked: boolean;
}

/**
 * The excerpt of a result: `length` words around the matches, the matched words marked. Of
 * the windows with the most matches (the first run of them), the middle one, so that the
 * matches have words around them, as Pagefind's own excerpts do.
 */
export function excerptOf(words: readonly ShownWord[], terms: readonly string[], lang: string, length = 30): ExcerptPart[] {
  const marked = words.map((word) => wordMatches(word, terms));
  let start = 0;
  if (words.length > length) {
    let count = marked.slice(0, length).filter(Boolean).length;
    let best = count;
    let runStart = 0;
    let runEnd = 0;
    for (let first = 1; first + length <= words.length; first++) {
      count += (marked[first + length - 1] ? 1 : 0) - (marked[first - 1] ? 1 : 0);
      if (count > best) {
        best = count;
        runStart = runEnd = first;
      } else if (count === best && runEnd === first - 1) {
        runEnd = first;
      }
    }
    start = best === 0 ? 0 : Math.floor((runStart + runEnd) / 2);
  }
  const end = Math.min(words.length, start + length);
  const parts: ExcerptPart[] = [];
  const add = (text: string, isMarked: boolean): void => {
    const last = parts[parts.length - 1];
    if (last && !last.marked && !isMarked) last.text += text;
    else parts.push({ text, marked: isMarked });
  };
  if (start > 0) add("… ", false);
  for (let position = start; position < end; position++) {
    if (position > start) add(" ", false);
    add(showWord(words[position]!.text, lang), marked[position]!);
  }
  if (end < words.length) add(" …", false);
  return parts;
}
