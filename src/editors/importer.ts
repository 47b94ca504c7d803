/**
 * `npm run import`: turns a release saved from the old website (the text of its printed
 * page) into a release file. The old page gives:
 *
 * - the title block first (lines up to the first blank line), often «title/ speaker: quote»:
 *   the quote part becomes `lead`;
 * - the text, its lines broken in mid-sentence with blank lines between them;
 * - «انتهای پیام/» as the end mark, a page footer («… قدرت گرفته از پرتال شمس»), and the
 *   page address `https://ostan-th.ir/News/<id>/`, which gives `id` and `source`.
 *
 * The importer removes exactly those (end mark, footer, page address, the «/» between title
 * and quote), re-joins the broken lines into paragraphs and repairs the typography the old
 * site lost (src/persian/typography.ts). Nothing else changes: `importPage` compares the words of
 * its output with the input's (`textFingerprint`) and refuses to write when they differ.
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
import { fixPersianLetters, foldForSearch } from "../persian/letters.js";
import { fixTypography, textFingerprint } from "../persian/typography.js";
import { say, type Message } from "../messages/messages.js";
import { dateProblemMessage } from "../messages/content.js";
import { IMPORT, inPage } from "../messages/editors.js";
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

/** The old site's page address; its number is the news code. */
const PAGE_ADDRESS = /^https?:\/\/(?:www\.)?ostan-th\.ir\/News\/(\d+)(?:\/\S*)?$/i;
const END_MARK = /^انتهای\s*پیام\s*\/?$/;
/** The printed page's footer: «0 صفحه 1 | ITShams.ir - قدرت گرفته از پرتال شمس». */
const FOOTER = /ITShams\.ir|قدرت\s*گرفته\s*از\s*پرتال\s*شمس/i;
/** «title/ speaker: quote»: the speaker is a name, short and without a colon. */
const TITLE_WITH_QUOTE = /^(.+?)\s*\/\s+([^/:]{1,60}:\s*\S.*)$/;
/** A line that ends a sentence, possibly followed by a closing quote or bracket. */
const SENTENCE_END = /[.!?؟…][»"')\]]*$/;
/** Paragraphs that start a new block in a release. */
const PARAGRAPH_OPENERS = /^به\s+گزارش\s/;
/** In a printed page, a line shorter than this share of the longest one ends its paragraph. */
const SHORT_LINE = 0.5;

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
  /** The text the release is made of (input without end mark, footer, address, title «/»): for the word check. */
  keptText: string;
}

/** Reads the text of an old website page. Throws an ImportError when there is no title. */
export function parseOldPage(input: string): OldPage {
  const warnings: Message[] = [];
  const lines = input
    .replace(/^\uFEFF/, "")
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((line) => line.replace(/[\u00A0\t]/g, " ").replace(/ {2,}/g, " ").trim());

  const ids = new Set<number>();
  const kept: string[] = [];
  for (const line of lines) {
    const address = PAGE_ADDRESS.exec(line);
    // The marks are recognised in Arabic letters too («انتهاي پيام»).
    const persian = fixPersianLetters(line);
    if (address) ids.add(Number(address[1]));
    else if (!END_MARK.test(persian) && !FOOTER.test(persian)) kept.push(line);
  }
  const [id, ...otherIds] = ids;
  if (otherIds.length > 0) warnings.push(IMPORT.severalCodes([...ids], id!));

  const first = kept.findIndex((line) => line !== "");
  if (first === -1) throw new ImportError(IMPORT.noText);
  let titleEnd = kept.indexOf("", first);
  if (titleEnd === -1) titleEnd = kept.length;
  const titleBlock = kept.slice(first, titleEnd).join(" ");
  const body = kept.slice(titleEnd);

  const quoted = TITLE_WITH_QUOTE.exec(titleBlock);
  const title = quoted ? quoted[1]! : titleBlock;
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
 * Re-joins broken lines into paragraphs. When lines follow each other without blank lines,
 * blank lines separate paragraphs (ordinary text). Otherwise every line stands alone, as in
 * the printed page, and a line ends its paragraph when it ends a sentence, is much shorter
 * than a full line, or the next line opens a paragraph («به گزارش …»).
 */
export function joinParagraphs(lines: readonly string[]): string[] {
  const hasConsecutiveLines = lines.some((line, index) => line !== "" && (lines[index + 1] ?? "") !== "");
  const paragraphs: string[] = [];
  if (hasConsecutiveLines) {
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
  const fragments = lines.filter((line) => line !== "");
  const longest = Math.max(0, ...fragments.map((line) => line.length));
  let current: string[] = [];
  fragments.forEach((line, index) => {
    current.push(line);
    const next = fragments[index + 1];
    const ends = next === undefined || SENTENCE_END.test(line) || line.length < longest * SHORT_LINE || PARAGRAPH_OPENERS.test(next);
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
    const result = await importPage(input, page, stored, options);
    results.push(result);
    stored.push({ file: result.file, id: result.id, title: page.title, source: page.source });
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
