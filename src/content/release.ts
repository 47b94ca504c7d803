/**
 * The archive's model: a release as the build holds it, the archive as loaded, a problem in a
 * release file, and the small pure helpers every concern shares (a release's address, the
 * published order, the next free id). Loading and checking the files is src/content/load.ts;
 * this module holds no loading, so the archive cache and every page can use the model without
 * importing the loader.
 */
import path from "node:path";
import type { DateTime } from "luxon";
import type { Language } from "./schema.js";
import type { ReleaseTypeKey } from "./release-types.js";
import type { County } from "./counties.js";
import { fieldLabel } from "../messages/fields.js";
import { messageLanguage, say, type Message, type MessageLanguage } from "../messages/messages.js";
import { problemsHeading } from "../messages/content.js";

export interface Release {
  id: number;
  title: string;
  date: DateTime;
  lead?: string;
  county?: County;
  organization?: string;
  tags: string[];
  source?: string;
  image?: string;
  imageAlt?: string;
  draft: boolean;
  /** What kind of release it is (src/content/release-types.ts): `news` when the file does not say. */
  type: ReleaseTypeKey;
  /** True when `date:` gives a day without a time: its pages show the day only (never «ساعت ۰۰:۰۰»). */
  dateOnly?: boolean;
  /** When the release was changed after it was published (`updated:`), if it was. */
  updated?: DateTime;
  /** True when `updated:` gives a day without a time. */
  updatedDateOnly?: boolean;
  /** The note that says what was corrected (`correction:`), shown on the page. */
  correction?: string;
  /** Dated after the build's "now": left out of production builds until a build after its date. */
  embargoed?: boolean;
  lang: Language;
  /** The id of the same release in the other language (`translation:`), as its own file says; the pairs of the archive are `Archive.translations`. */
  translation?: number;
  /** Path relative to the working directory, with forward slashes: `content/releases/1402/149840.md`. */
  inputPath: string;
  /**
   * A hash of the file's text: what the build caches key a page, feed or index made from the file on,
   * so that a cached page is found without reading the file again.
   */
  fileHash: string;
  /**
   * Whether the release shows a picture (a lead image, or one in its body) or may link to a file
   * of content/images/ or content/files/: its page is rendered on every build, since rendering is
   * what tells the picture pipeline which files to publish, and an attachment's size, shown after
   * its link, is the file's (never in the page's cache key).
   */
  hasPictures: boolean;
  /**
   * The compounds its text teaches the search (`compoundsTaught` of src/persian/lexicon.ts), one
   * a line: kept with the release in the archive cache, so that the archive's lexicon is a sum,
   * not a reading of every text. One string, not a list: 150,000 releases' lists were ten million
   * strings for the cache to read back on every build. Absent when it teaches none.
   */
  compounds?: string;
  url: string;
}

export interface Archive {
  /** Releases that are published in this build, newest first (ties: higher id first). */
  releases: Release[];
  /** Every valid release, drafts included, by its input path. */
  byInputPath: Map<string, Release>;
  /** The line of `id:` in each release's file, for duplicate-id messages when the archive is read again in part. */
  idLines: Map<string, number>;
  /** When the first embargo of this archive ends (ms), if it has one: from then on the archive has another shape. */
  embargoEnds?: number;
  /** What is most likely a typo but does not stop the build (a date centuries ahead): printed with the archive's summary. */
  warnings?: ContentProblem[];
  /**
   * Each release that has a translation and that translation, both ways (either file may name the
   * other), drafts included: checked once per read of the archive (src/content/load.ts).
   */
  translations?: ReadonlyMap<Release, Release>;
}

export interface ContentProblem {
  file: string;
  /** 1-based; 0 when the problem is the file itself (a file the content folder may not hold), not a line of it. */
  line: number;
  /** The front-matter field (`title`), `text`, `file`, `encoding` or `front matter`: printed in the editor's words (src/messages/fields.ts). */
  field: string;
  /** What is wrong and what to do, in both languages (src/messages/content.ts): shown with `say`. */
  message: Message;
  /** The field in the editor's words, for a field that is not a release's (a page's `slug`, the settings' `social.telegram`). */
  label?: Message;
}

export class ContentError extends Error {
  /** Tells Eleventy's error handler not to print a stack trace: the message says it all. */
  readonly skipOriginalStack = true;

  constructor(readonly problems: ContentProblem[]) {
    super(formatProblems(problems));
    this.name = "ContentError";
  }
}

/**
 * The problems that stopped a build, as the build prints them: a heading, then one line each,
 * `  file:line  [field] message`, the field and the message in `language` (Persian by default).
 */
export function formatProblems(problems: readonly ContentProblem[], language: MessageLanguage = messageLanguage()): string {
  const lines = problems.map((problem) => `  ${problemLine(problem, language)}`);
  return `${say(problemsHeading(problems.length), language)}\n${lines.join("\n")}`;
}

/** One problem: `file:line  [field] message`, in `language`. */
export function problemLine(problem: ContentProblem, language: MessageLanguage = messageLanguage()): string {
  return `${problemPlace(problem)}  [${say(problemLabel(problem), language)}] ${say(problem.message, language)}`;
}

/** The problem's field in the editor's words. */
export function problemLabel(problem: Pick<ContentProblem, "field" | "label">): Message {
  return problem.label ?? fieldLabel(problem.field);
}

/** Where a problem is: `file:line`, or the file alone when the problem is the file itself. */
export function problemPlace(problem: Pick<ContentProblem, "file" | "line">): string {
  return problem.line > 0 ? `${problem.file}:${problem.line}` : problem.file;
}

/** Persian releases at /news/<id>/; English ones in the English section, at /en/news/<id>/. */
export function releaseUrl(id: number, lang: Language = "fa"): string {
  return lang === "en" ? `/en/news/${id}/` : `/news/${id}/`;
}

/** Normalizes an input path the way Eleventy's `page.inputPath` is written, without `./`. */
export function inputPathKey(inputPath: string): string {
  return path.relative(process.cwd(), path.resolve(inputPath)).split(path.sep).join("/");
}

export function nextId(ids: Iterable<number>): number {
  let highest = 0;
  for (const id of ids) if (id > highest) highest = id;
  return highest + 1;
}

/** When the release last changed: its `updated:`, or else its date (JSON-LD's dateModified, feeds, sitemaps). */
export function lastModified(release: Pick<Release, "date" | "updated">): DateTime {
  return release.updated ?? release.date;
}

export function newestFirst(a: Release, b: Release): number {
  return b.date.toMillis() - a.date.toMillis() || b.id - a.id;
}

/**
 * The first `limit` English releases of `releases`, in their order: of a newest-first list, the
 * newest. What the English section's home page and its feed each carry.
 */
export function newestEnglish(releases: readonly Release[], limit: number): Release[] {
  const english: Release[] = [];
  for (const release of releases) {
    if (english.length === limit) break;
    if (release.lang === "en") english.push(release);
  }
  return english;
}
