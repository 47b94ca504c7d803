/**
 * `npm run import`: turns a release saved from the old website (the text of its printed
 * page) into a release file. The old page gives:
 *
 * - the title block first, often «title/ speaker: quote» or «title | speaker: quote»: the quote
 *   part becomes `lead`. It ends at a blank line; a page without one (copied from a browser) shows
 *   it by its print (`titleBlock`);
 * - the text, its lines broken in mid-sentence, with a blank line after each, or without any
 *   blank line, or one paragraph per line (`textLayout`);
 * - «انتهای پیام/» as the end mark, a page footer («… قدرت گرفته از پرتال شمس», at the end, above
 *   the title or at a page break), and the page address `https://ostan-th.ir/News/<id>/` (also
 *   without the «/», with a query, in Persian or Arabic-Indic digits, twice on a line, beside the
 *   browser's page counter), which gives `id` and `source`.
 *
 * The importer removes exactly those (end mark, footer, page address, the «/» or «|» between
 * title and quote), re-joins the broken lines into paragraphs and repairs the typography the old
 * site lost (src/persian/typography.ts), with the half-spaces of compounds the archive writes with
 * one (src/persian/half-space-repair.ts, as `check --fix`). Nothing else changes: `importPage` compares the words of
 * its output with the input's without those (`textFingerprint`) and refuses to write when they differ.
 *
 * Messages are the editors' catalogue's (src/messages/editors.ts), in Persian unless AKHBAR_LANG=en.
 */
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import path from "node:path";
import type { DateTime } from "luxon";
import { inputPathKey } from "../content/release.js";
import { COUNTIES } from "../content/counties.js";
import { formatJalaliInput, parseReleaseDate, TEHRAN_ZONE } from "../persian/dates.js";
import { fixPersianLetters, foldForSearch, toLatinDigits } from "../persian/letters.js";
import { fixTypography, textFingerprint } from "../persian/typography.js";
import { CompoundLexicon } from "../persian/lexicon.js";
import { repairImportedText, type HalfSpaceRepair } from "../persian/half-space-repair.js";
import { say, type Message } from "../messages/messages.js";
import { dateProblemMessage } from "../messages/content.js";
import { halfSpacesWritten, IMPORT, inPage } from "../messages/editors.js";
import {
  commentedOutField,
  moveWithoutOverwriting,
  nextFreeId,
  releaseFilePath,
  renderReleaseFile,
  scanReleases,
  setFrontMatterFields,
  type StoredRelease,
} from "./release-file.js";

/** A page that cannot be imported, or an import that must not be written: the message says why. */
export class ImportError extends Error {
  constructor(readonly problem: Message) {
    super(say(problem));
    this.name = "ImportError";
  }
}

/**
 * The old site's page address; its number (Latin, Persian or Arabic-Indic digits) is the news
 * code. Printed pages carry it with or without the closing «/», with a query (`?print=1`), and
 * sometimes twice on one line, glued.
 */
const PAGE_ADDRESS = /(?:https?:\/\/|(?<![\w./-]))(?:www\.)?ostan-th\.ir\/News\/([0-9\u06F0-\u06F9]+)(?=[\s/?#]|https?:\/\/|$)(?:[/?#](?:(?!https?:\/\/)[^\s«»"'<>])*)?/gi;
/** What a browser prints beside the address at the foot of a page: its page counter. */
const PAGE_COUNTER = /^(?:[0-9\u06F0-\u06F9]+\s*\/\s*[0-9\u06F0-\u06F9]+|صفحه\s*[0-9\u06F0-\u06F9]+\s*از\s*[0-9\u06F0-\u06F9]+)$/;
const END_MARK = /^انتهای\s*پیام\s*\/?$/;
/** The end mark after the last sentence on its line: «… پرداختند. انتهای پیام/». */
const TRAILING_END_MARK = /\s*انتهای\s*پیام\s*(\/?)$/;
/**
 * The printed page's footer, «0 صفحه 1 | ITShams.ir - قدرت گرفته از پرتال شمس», at the end, above
 * the title or at a page break: never the release's words, so it is taken out wherever it is.
 */
const FOOTER = /(?:[0-9\u06F0-\u06F9]+\s*صفحه\s*[0-9\u06F0-\u06F9]+\s*\|\s*)?(?:(?:www\.)?ITShams\.ir(?:\s*-\s*قدرت\s*گرفته\s*از\s*پرتال\s*شمس)?|قدرت\s*گرفته\s*از\s*پرتال\s*شمس)/gi;
/** «title/ speaker: quote» or «title | speaker: quote»: the speaker is a name, short and without a colon. */
const TITLE_WITH_QUOTE = /^(.+?)\s*(?:\/\s+|\|\s*)([^/|:]{1,60}:\s*\S.*)$/;
/** The title's «/» or «|», its speaker maybe still on the next line. */
const TITLE_SEPARATOR = /\/(?:\s|$)|\|/;
/** A line that ends a sentence, possibly followed by a closing quote or bracket. */
const SENTENCE_END = /[.!?؟…][»"')\]]*$/;
/** Paragraphs that start a new block in a release. */
const PARAGRAPH_OPENERS = /^به\s+گزارش\s/;
/** In a printed page, a line shorter than this share of the longest one ends its paragraph. */
const SHORT_LINE = 0.5;
/** A title block followed by a blank line within this many lines is the title, as the page shows it. */
const MAX_TITLE_LINES = 4;
/**
 * Without a blank line after it, the title is found by its print: set in a larger font, its
 * lines are shorter than the text's (a line this much longer than the title's widest is text),
 * and a title line that was broken is nearly as wide as the widest (a shorter one ended it).
 */
const TITLE_WIDTH_SLACK = 1.1;
const FULL_TITLE_LINE = 0.85;

export interface OldPage {
  title: string;
  lead?: string;
  paragraphs: string[];
  /** From the page address. */
  id?: number;
  source?: string;
  /** A county named as «شهرستان <county>» in the title or first paragraph, when exactly one is. */
  county?: string;
  warnings: Message[];
  /** The text the release is made of (input without end mark, footer, address, title «/» or «|»): for the word check. */
  keptText: string;
}

/** The page's lines without its furniture (addresses, footers, end mark), and the news codes of its addresses. */
interface CleanPage {
  lines: string[];
  ids: number[];
  /** Addresses inside a line of text: kept as text, since a release may name another one. */
  addressesInText: string[];
}

/**
 * `line` without the spans `pattern` finds, and the spans. Matched on the line's Persian
 * letters and digits (`fixPersianLetters` changes one code unit for one, so offsets agree):
 * pages saved with Arabic «ي ك» and «٠-٩» have the same furniture.
 */
function cut(line: string, pattern: RegExp): { rest: string; found: RegExpExecArray[] } {
  const found = [...fixPersianLetters(line).matchAll(pattern)];
  let rest = "";
  let position = 0;
  for (const match of found) {
    rest += line.slice(position, match.index);
    position = match.index + match[0].length;
  }
  rest += line.slice(position);
  return { rest: found.length === 0 ? line : rest.replace(/ {2,}/g, " ").trim(), found };
}

function isEndMark(line: string): boolean {
  return END_MARK.test(fixPersianLetters(line));
}

/**
 * Takes the page's furniture out of its lines: footers wherever they are; a line of addresses
 * (with the browser's page counter or the end mark beside them), whose codes are the page's; the
 * end mark on its own line or after the last sentence. A line that held only furniture is
 * dropped, not left blank, so a sentence broken by a page's foot joins again.
 */
function cleanPage(lines: readonly string[]): CleanPage {
  const kept: string[] = [];
  const ids: number[] = [];
  const addressesInText: string[] = [];
  for (const line of lines) {
    const footer = cut(line, FOOTER);
    if (footer.found.length > 0 && footer.rest === "") continue;
    const address = cut(footer.rest, PAGE_ADDRESS);
    if (address.found.length > 0) {
      const rest = fixPersianLetters(address.rest);
      if (rest === "" || PAGE_COUNTER.test(rest) || isEndMark(rest)) {
        ids.push(...address.found.map((match) => Number(toLatinDigits(match[1]!))));
        continue;
      }
      addressesInText.push(...address.found.map((match) => match[0]));
    }
    if (isEndMark(footer.rest)) continue;
    const end = TRAILING_END_MARK.exec(fixPersianLetters(footer.rest));
    const before = end ? footer.rest.slice(0, end.index) : "";
    // «انتهای پیام» may be words of the text; the mark has its «/» or follows a sentence's end.
    if (end && (end[1] === "/" || SENTENCE_END.test(before))) kept.push(before);
    else kept.push(footer.rest);
  }
  return { lines: kept, ids, addressesInText };
}

/** Reads the text of an old website page. Throws an ImportError when there is no title. */
export function parseOldPage(input: string): OldPage {
  const warnings: Message[] = [];
  // A byte-order mark is no letter, at the start or where saved pages were put together.
  const lines = input
    .replace(/\uFEFF/g, "")
    .replace(/\r\n?|[\f\v\u2028\u2029]/g, "\n")
    .split("\n")
    .map((line) => line.replace(/[\u00A0\t]/g, " ").replace(/ {2,}/g, " ").trim());

  const { lines: kept, ids: codes, addressesInText } = cleanPage(lines);
  const ids = new Set(codes);
  const [id, ...otherIds] = ids;
  if (otherIds.length > 0) warnings.push(IMPORT.severalCodes([...ids], id!));
  if (addressesInText.length > 0) warnings.push(IMPORT.addressInText(addressesInText));

  const first = kept.findIndex((line) => line !== "");
  if (first === -1) throw new ImportError(IMPORT.noText);
  // The blank lines after the last one would read as a blank line below a short page's title.
  const last = kept.findLastIndex((line) => line !== "");
  const text = kept.slice(first, last + 1);
  const block = titleBlock(text);
  if (block.guessed) warnings.push(IMPORT.titleGuessed);
  const titleBlockText = text.slice(0, block.lines).join(" ");
  const body = text.slice(block.lines);

  const quoted = TITLE_WITH_QUOTE.exec(titleBlockText);
  const title = quoted ? quoted[1]! : titleBlockText;
  const lead = quoted ? quoted[2]! : undefined;
  const paragraphs = joinParagraphs(body);
  if (paragraphs.length === 0) warnings.push(IMPORT.noBody);

  return {
    title: fixTypography(title),
    lead: lead === undefined ? undefined : fixTypography(lead),
    paragraphs: paragraphs.map((paragraph) => fixTypography(paragraph)),
    id,
    source: id === undefined ? undefined : `https://ostan-th.ir/News/${id}/`,
    county: countyNamed([title, lead ?? "", paragraphs[0] ?? ""].join(" ")),
    warnings,
    keptText: [title, lead ?? "", ...body].join("\n"),
  };
}

/**
 * How many of `text`'s first lines (the first one not blank) are the title block. A blank line
 * close below the first line ends it, as in the printed page. Without one, a page of one
 * paragraph per line has its title on the first line; a page of printed lines has the lines
 * of the title's print (see TITLE_WIDTH_SLACK): the line of the «/» or «|» and the lines before
 * it, and the quote's lines after it while each was full. `guessed`: no «/» or «|» told where
 * the title ends, so its first line was taken.
 */
export function titleBlock(text: readonly string[]): { lines: number; guessed: boolean } {
  const blank = text.indexOf("");
  if (blank !== -1 && blank <= MAX_TITLE_LINES) return { lines: blank, guessed: false };
  // The title's first line ends without a full stop in every layout: the lines below it tell.
  if (textLayout(text.slice(1)) === "lines") return { lines: 1, guessed: false };
  let lines = 1;
  let widest = text[0]!.length;
  while (lines < MAX_TITLE_LINES) {
    const current = text[lines - 1]!;
    const next = text[lines];
    if (next === undefined || next === "") break;
    if (SENTENCE_END.test(current) || PARAGRAPH_OPENERS.test(fixPersianLetters(next)) || next.length > widest * TITLE_WIDTH_SLACK) break;
    const block = text.slice(0, lines).join(" ");
    if (TITLE_SEPARATOR.test(block)) {
      if (current.length < widest * FULL_TITLE_LINE) break;
    } else if (!TITLE_WITH_QUOTE.test(`${block} ${next}`)) {
      break;
    }
    lines++;
    widest = Math.max(widest, next.length);
  }
  return { lines, guessed: !TITLE_SEPARATOR.test(text.slice(0, lines).join(" ")) };
}

/**
 * How a text's lines make paragraphs:
 * - `printed`: each line stands alone, broken where the printed page broke it: every line
 *   followed by a blank line (the pages as saved), or no blank line at all and many lines
 *   ending mid-sentence (copied from a browser);
 * - `paragraphs`: broken lines, blank lines between paragraphs (ordinary text);
 * - `lines`: one paragraph per line, most ending a sentence (copied from the page itself).
 */
export type Layout = "printed" | "paragraphs" | "lines";

export function textLayout(lines: readonly string[]): Layout {
  const text = lines.flatMap((line, index) => (line === "" ? [] : [index]));
  const followed = text.slice(0, -1);
  const blankAfter = followed.filter((index) => lines[index + 1] === "").length;
  if (blankAfter * 2 > followed.length) return "printed";
  // The last line ends the text whatever the layout: only the others count.
  const brokenMidSentence = followed.filter((index) => !SENTENCE_END.test(lines[index]!)).length;
  if (brokenMidSentence * 3 <= followed.length) return "lines";
  return blankAfter > 0 ? "paragraphs" : "printed";
}

/**
 * Re-joins broken lines into paragraphs, as their layout (`textLayout`) says. In a printed
 * page a line ends its paragraph when it ends a sentence, is much shorter than a full line,
 * or the next line opens a paragraph («به گزارش …»).
 */
export function joinParagraphs(lines: readonly string[], layout: Layout = textLayout(lines)): string[] {
  const fragments = lines.filter((line) => line !== "");
  if (layout === "lines") return fragments;
  const paragraphs: string[] = [];
  if (layout === "paragraphs") {
    let current: string[] = [];
    for (const line of [...lines, ""]) {
      if (line !== "") current.push(line);
      else if (current.length > 0) {
        paragraphs.push(current.join(" "));
        current = [];
      }
    }
    return paragraphs;
  }
  const longest = Math.max(0, ...fragments.map((line) => line.length));
  let current: string[] = [];
  fragments.forEach((line, index) => {
    current.push(line);
    const next = fragments[index + 1];
    const ends = next === undefined || SENTENCE_END.test(line) || line.length < longest * SHORT_LINE || PARAGRAPH_OPENERS.test(fixPersianLetters(next));
    if (ends) {
      paragraphs.push(current.join(" "));
      current = [];
    }
  });
  return paragraphs;
}

const countyPattern = new RegExp(`شهرستان\\s+(${COUNTIES.map((county) => county.name.replace("\u200C", "[\u200C ]?")).join("|")})(?![\\p{L}])`, "gu");

function countyNamed(text: string): string | undefined {
  const named = new Set([...text.matchAll(countyPattern)].map((match) => COUNTIES.find((county) => foldForSearch(county.name).replace(/[\u200C ]/g, "") === foldForSearch(match[1]!).replace(/[\u200C ]/g, ""))!.name));
  return named.size === 1 ? [...named][0] : undefined;
}

/**
 * Escapes what Markdown would read as markup, so that readers see the imported text as it
 * was: `*`, `_`, backticks, brackets, `<`, `&` before an entity name, and line starts that
 * open a heading, quote, list or rule.
 */
export function escapeMarkdown(paragraph: string): string {
  const text = paragraph.replace(/[\\`*_[\]<~]|&(?=#?\w+;)/g, (character) => `\\${character}`);
  if (/^[#>+-]/.test(text)) return `\\${text}`;
  return text.replace(/^(\d+)([.)])/, "$1\\$2");
}

/** The release body: one Markdown paragraph per paragraph. */
export function releaseBody(page: OldPage): string {
  return page.paragraphs.map(escapeMarkdown).join("\n\n");
}

export interface ImportOptions {
  contentDir: string;
  /** The date to write (any form the schema accepts); without it, see `importFiles`. */
  date?: string;
  now: DateTime;
}

export interface ImportResult {
  input: string;
  /** Relative to the working directory, as the build names files. */
  file: string;
  id: number;
  action: "created" | "updated";
  warnings: Message[];
}

/** Text of the comment written above a date that the importer had to guess (part of the file, in both languages). */
export const DATE_ASSUMED =
  "تاریخ فرضی است: صفحهٔ پایگاه پیشین تاریخ ندارد. تاریخ درست را بنویسید و draft: true را بردارید (date assumed: the old page has no date)";

/**
 * Imports pages into `contentDir`. A page whose news code (or, without an address, whose
 * title) is already in the archive updates that release's title, lead, source and text and
 * keeps the fields an editor added; with `--date`, it is dated and published (`draft: true` and
 * the "date assumed" comment removed: the date is no longer a guess). A new page without `--date`
 * is saved as a draft dated now, with a comment: the old pages carry no date, and a guessed date
 * must not publish.
 */
export async function importFiles(inputs: readonly string[], options: ImportOptions): Promise<ImportResult[]> {
  if (options.date !== undefined) {
    const parsed = parseReleaseDate(options.date);
    if (!parsed.ok) throw new ImportError(dateProblemMessage(parsed.problem, "--date"));
  }
  const stored = await scanReleases(options.contentDir);
  // The archive's compounds, as check --fix reads them: a page's lost half-spaces are written where the archive writes them.
  const lexicon = CompoundLexicon.fromTaught(stored.map((release) => release.compounds ?? []));
  const results: ImportResult[] = [];
  for (const input of inputs) {
    if (!existsSync(input)) throw new ImportError(inPage(input, IMPORT.missingInput));
    let page: OldPage;
    try {
      page = parseOldPage(await readFile(input, "utf8"));
    } catch (error) {
      if (error instanceof ImportError) throw new ImportError(inPage(input, error.problem));
      throw error;
    }
    const repairs: HalfSpaceRepair[] = [];
    const repair = (text: string) => {
      const repaired = repairImportedText(text, lexicon);
      repairs.push(...repaired.repairs);
      return repaired.text;
    };
    page = { ...page, title: repair(page.title), ...(page.lead === undefined ? {} : { lead: repair(page.lead) }), paragraphs: page.paragraphs.map(repair) };
    const result = await importPage(input, page, stored, options);
    if (repairs.length > 0) result.warnings.push(halfSpacesWritten(result.file, repairs));
    results.push(result);
    stored.push({ file: result.file, id: result.id, title: page.title, source: page.source, compounds: [] });
  }
  return results;
}

async function importPage(input: string, page: OldPage, stored: StoredRelease[], options: ImportOptions): Promise<ImportResult> {
  const warnings = [...page.warnings];
  const body = releaseBody(page);
  // The safety net: the words of the release are the words of the page, nothing lost or changed.
  const written = [page.title, page.lead ?? "", ...page.paragraphs].join("\n");
  if (textFingerprint(written) !== textFingerprint(page.keptText)) {
    throw new ImportError(inPage(input, IMPORT.changedWords));
  }

  const existing = page.id !== undefined ? stored.find((release) => release.id === page.id) : stored.find((release) => release.title !== undefined && titleKey(release.title) === titleKey(page.title));
  let id = page.id ?? existing?.id;
  if (id === undefined) {
    id = nextFreeId(stored);
    warnings.push(IMPORT.noAddress(id));
  } else if (page.id === undefined) {
    warnings.push(IMPORT.sameTitle(id));
  }

  if (existing) {
    const source = await readFile(existing.file, "utf8");
    const newline = source.includes("\r\n") ? "\r\n" : "\n";
    const lines = source.split(/\r?\n/);
    const close = lines.indexOf("---", 1);
    if (lines[0]?.replace(/^\uFEFF/, "") !== "---" || close === -1 || existing.title === undefined) {
      throw new ImportError(inPage(input, IMPORT.unreadableRelease(id, existing.file)));
    }
    let head = setFrontMatterFields(lines.slice(0, close + 1).join(newline), { title: page.title, lead: page.lead, source: page.source, date: options.date });
    if (options.date !== undefined) {
      const published = publish(head, newline);
      if (published !== head) warnings.push(IMPORT.published(options.date));
      head = published;
    }
    await writeFile(existing.file, `${head}${newline}${newline}${body.replace(/\n/g, newline)}${newline}`, "utf8");
    // Dated now, the release belongs in its year's folder (a draft was saved in the year it was imported).
    const dated = options.date === undefined ? undefined : parseReleaseDate(options.date);
    if (dated?.ok) {
      const place = inputPathKey(releaseFilePath(options.contentDir, dated.date, id));
      const from = inputPathKey(existing.file);
      if (place !== from) {
        if (await moveWithoutOverwriting(existing.file, place)) {
          warnings.push(IMPORT.moved(from, place));
          existing.file = place;
        } else {
          warnings.push(IMPORT.notMoved(from, place));
        }
      }
    }
    return { input, file: existing.file, id, action: "updated", warnings };
  }

  const dated = options.date === undefined ? undefined : parseReleaseDate(options.date);
  const date = dated?.ok ? dated.date : options.now.setZone(TEHRAN_ZONE);
  const comments: string[] = [];
  if (options.date === undefined) {
    comments.push(DATE_ASSUMED);
    warnings.push(IMPORT.noDate);
  }
  const text = renderReleaseFile(
    {
      id,
      title: page.title,
      date: options.date ?? formatJalaliInput(date),
      lead: page.lead,
      county: page.county,
      source: page.source,
      draft: options.date === undefined,
    },
    body,
    comments,
  );
  const file = releaseFilePath(options.contentDir, date, id);
  await mkdir(path.dirname(file), { recursive: true });
  try {
    await writeFile(file, text, { encoding: "utf8", flag: "wx" });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") throw new ImportError(inPage(input, IMPORT.fileTaken(inputPathKey(file), id)));
    throw error;
  }
  return { input, file: inputPathKey(file), id, action: "created", warnings };
}

/** Whether a front-matter line is the importer's "date assumed" comment (as written, or as an editor left it shortened). */
function isDateAssumedComment(line: string): boolean {
  return /^#/.test(line.trim()) && (line.includes(DATE_ASSUMED) || line.includes("date assumed") || line.includes("تاریخ فرضی است"));
}

/**
 * The front matter `head` (from `---` to `---`) of a release given its date: `draft: true` is
 * commented out as in a new file and the "date assumed" comment removed, since the date is no
 * longer a guess. Everything else stays as it is.
 */
export function publish(head: string, newline = "\n"): string {
  return head
    .split(/\r?\n/)
    .filter((line) => !isDateAssumedComment(line))
    .map((line) => (/^draft:\s*true\s*(?:#.*)?$/i.test(line) ? commentedOutField("draft") : line))
    .join(newline);
}

function titleKey(title: string): string {
  return textFingerprint(foldForSearch(title));
}
