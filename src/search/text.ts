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
 *   | `~مسیول مسئول`      | مسیول and مسئول, at two positions  | مسئول (the `~` word is another spelling of the next word: never shown) |
 *   | `ـری` (in metadata) | ـری, which no query can match       | ری                    |
 *
 * Pagefind splits a word at ASCII punctuation and indexes the whole word, without the
 * punctuation, and its parts (tested by tests/browser/search-quality.test.ts). A compound's parts go
 * in with half the weight, so «روابط عمومی» finds «روابط‌عمومی», «روابط عمومی» and
 * «روابطعمومی» (once the archive has taught `CompoundLexicon` that the last two are that
 * compound). The joiner is «~», not «_» or «-»: Pagefind keeps «_» inside words, and editors
 * write «-». An editor's own «~» is written as «～» (U+FF5E) and shown as «~» again.
 *
 * A word whose search key differs from its index text (it has ئ, ة, ۀ, آ, أ, ؤ, ء …) gets
 * its key as an extra word just before it, so the excerpt keeps the editor's spelling while
 * the index also holds the key that every spelling of the query is folded to. Metadata that
 * is only for display (date, county) is hidden from the search with a tatweel before each
 * word: Pagefind searches metadata too, and queries never contain a tatweel.
 */
import { foldForIndex, foldForSearch, foldIndexedForSearch } from "../persian/letters.js";
import {
  ZWNJ,
  compoundParts,
  isSpacedPrefix,
  isSpacedSuffix,
  normalizeQuery,
  showInPersian,
  trimPunctuation,
  withoutSuffix,
} from "../persian/words.js";

/** Joins a compound's parts in the index text; also starts a word that is another spelling. */
export const JOINER = "~";
const ESCAPED_JOINER = "\uFF5E";
const TATWEEL = "\u0640";

/** A compound seen at least this often with a half-space is also split where it is written joined. */
const MIN_SEEN_FOR_JOINED = 2;
/** Joined words are split only into parts at least this long: «و» alone would split too much. */
const MIN_PART_LENGTH = 2;

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
   * The token as the index text writes it, once an encoder has worked it out: an encoder
   * remembers its words' tokens (and so this) by word, so that a word met again costs a lookup.
   */
  encoded?: string;
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

/**
 * The compounds of an archive, learnt from the words its editors wrote with a half-space:
 * once «روابط‌عمومی» is seen, «روابط عمومی» (with a space) is read as that compound
 * everywhere, and so is «روابطعمومی» (joined) once it was seen twice, so that a single typo
 * does not split a common word across the archive.
 */
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
  private readonly compoundsOfWord = new Map<string, string[][]>();

  learn(text: string): void {
    for (const word of foldForIndex(text).split(/\s+/)) {
      if (!word.includes(ZWNJ)) continue;
      let compounds = this.compoundsOfWord.get(word);
      if (!compounds) {
        if (this.compoundsOfWord.size > MAX_REMEMBERED_WORDS) this.compoundsOfWord.clear();
        this.compoundsOfWord.set(word, (compounds = compoundsOf(word)));
      }
      for (const parts of compounds) this.add(parts);
    }
  }

  /** Whether some compound starts with the word whose key this is. */
  startsCompound(key: string): boolean {
    return this.firstParts.has(key);
  }

  private add(parts: string[]): void {
    const joined = parts.join("");
    const known = this.byJoined.get(joined);
    if (known) {
      known.seen++;
      return;
    }
    this.byJoined.set(joined, { parts, seen: 1 });
    this.firstParts.add(parts[0]!);
    const pair = pairKey(parts[0]!, parts[1]!);
    const starting = this.byFirstTwoParts.get(pair) ?? [];
    starting.push(parts);
    starting.sort((a, b) => b.length - a.length);
    this.byFirstTwoParts.set(pair, starting);
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
    if (!parts) return [word];
    // Cut the written word where the parts' keys end: folding a letter may drop it (ء), so
    // count key characters, not written ones.
    const pieces: string[] = [];
    let piece = "";
    let keyLength = 0;
    let boundary = parts[0]!.length;
    let next = 1;
    for (const character of word) {
      const length = character === ZWNJ ? 0 : foldIndexedForSearch(character).length;
      // A letter that folds to nothing (ء) stays with the part it ends.
      if (length > 0 && keyLength === boundary && next < parts.length) {
        pieces.push(piece);
        piece = "";
        boundary += parts[next++]!.length;
      }
      piece += character;
      keyLength += length;
    }
    pieces.push(piece);
    return pieces.length === parts.length && pieces.every((part) => part !== "") ? pieces : [word];
  }

  private knownParts(key: string): string[] | undefined {
    const known = this.byJoined.get(key);
    if (!known || known.seen < MIN_SEEN_FOR_JOINED) return undefined;
    return known.parts.every((part) => part.length >= MIN_PART_LENGTH) ? known.parts : undefined;
  }
}

const pairKey = (first: string, second: string) => `${first}\u0000${second}`;

/** The compounds a word written with a half-space teaches (its parts' keys): none, the word, and the word without its suffix. */
function compoundsOf(word: string): string[][] {
  const { core } = splitToken(word.replaceAll(JOINER, ESCAPED_JOINER));
  const parts = compoundParts(core).map(foldIndexedForSearch);
  if (parts.length < 2 || parts.some((part) => part === "")) return [];
  const last = parts[parts.length - 1]!;
  const bare = withoutSuffix(last);
  return bare === last ? [parts] : [parts, [...parts.slice(0, -1), bare]];
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
      next !== undefined && next.lead === "" && next.core !== "" && !next.spacedPrefix && !next.spacedSuffix
    ) {
      joined.push(token(current.lead, current.core + ZWNJ + next.core, next.trail));
      position++;
    } else if (current.lead === "" && current.spacedSuffix && previous !== undefined && previous.core !== "" && previous.trail === "") {
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
  const shown = token.lead + parts.join(JOINER) + token.trail;
  // A word with an editor's «~» (kept as «～») gets no extra spelling: folding would turn it back into the joiner.
  if (token.core.includes(ESCAPED_JOINER)) return shown;
  // Pagefind indexes a compound's parts as they are, half-spaces included: a part with an
  // affix's half-space, or with letters its key spells otherwise, needs the extra spelling.
  const keys = (plain && parts.length === 1 ? [token.partKey] : parts.map((part) => foldIndexedForSearch(part.replaceAll(ZWNJ, "")))).filter((key) => key !== "");
  const written = parts.length === 1 ? [parts[0]!.replaceAll(ZWNJ, "")] : parts;
  const sameKeys = keys.length === parts.length && keys.every((key, position) => key === written[position]!.toLowerCase());
  return sameKeys || keys.length === 0 ? shown : `${JOINER}${keys.join(JOINER)} ${shown}`;
}

/** Words remembered by an encoder before it starts afresh: the archive's vocabulary, not its text. */
const MAX_REMEMBERED_WORDS = 200_000;

/**
 * Encodes the archive's texts for the index with one lexicon. An archive uses the same words
 * again and again, so each word is worked out once and remembered.
 */
export class IndexTextEncoder {
  private readonly tokens = new Map<string, Token>();
  private readonly encoded = new Map<string, string>();

  constructor(private readonly lexicon?: CompoundLexicon) {}

  /** A piece of an editor's text (title, lead, a paragraph) as the search index stores it. */
  encode(text: string): string {
    let tokens = attachAffixes(this.tokensOf(text));
    if (this.lexicon) tokens = joinSpacedCompounds(tokens, this.lexicon);
    return tokens.map((token) => this.encodeToken(token)).join(" ");
  }

  private tokensOf(text: string): Token[] {
    if (this.tokens.size > MAX_REMEMBERED_WORDS) this.tokens.clear();
    return foldForIndex(text)
      .replaceAll(JOINER, ESCAPED_JOINER)
      .split(/\s+/)
      .filter((word) => word !== "")
      .map((word) => {
        let token = this.tokens.get(word);
        if (!token) this.tokens.set(word, (token = splitToken(word)));
        return token;
      });
  }

  private encodeToken(token: Token): string {
    if (token.encoded !== undefined) return token.encoded;
    // A token made by joining words (an affix, a compound written with spaces) is new each
    // time: remembered by its text instead.
    if (this.encoded.size > MAX_REMEMBERED_WORDS) this.encoded.clear();
    const key = `${token.lead}\u0000${token.core}\u0000${token.trail}`;
    let encoded = this.encoded.get(key);
    if (encoded === undefined) this.encoded.set(key, (encoded = encodeToken(token, this.lexicon)));
    token.encoded = encoded;
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

/** The words a query looks for, as Pagefind compares them: «روابط‌عمومی 1402/05» → [روابطعمومی, 140205]. */
export function queryTerms(query: string): string[] {
  return normalizeQuery(query)
    .split(" ")
    .map((term) => term.replace(/[^\p{L}\p{N}]/gu, ""))
    .filter((term) => term !== "");
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
