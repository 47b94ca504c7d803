/**
 * `npm run new`: a new release file with the next free id, the current Tehran time in the
 * Jalali calendar, and every front-matter field (the empty ones commented out). What the
 * editor gave on the command line is checked with the build's own schema before anything
 * is written, and an existing file is never overwritten. Messages are the editors' catalogue's
 * (src/messages/editors.ts), in Persian unless AKHBAR_LANG=en.
 */
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import type { DateTime } from "luxon";
import { inputPathKey } from "../content/release.js";
import { closestCounty, findCounty } from "../content/counties.js";
import { fixTypography } from "../persian/typography.js";
import { formatJalaliInput, parseReleaseDate } from "../persian/dates.js";
import { parseFrontMatter } from "../content/front-matter.js";
import { splitTagItem, validateFrontMatter } from "../content/schema.js";
import { say, type Message } from "../messages/messages.js";
import { dateProblemMessage } from "../messages/content.js";
import { lines, NEW, TITLE_QUESTION } from "../messages/editors.js";
import { nextFreeId, releaseFilePath, renderReleaseFile, scanReleases, type ReleaseFields } from "./release-file.js";

export interface NewReleaseOptions {
  title?: string;
  lead?: string;
  county?: string;
  organization?: string;
  /** A release type's Persian name or key (src/content/release-types.ts); without it, news. */
  type?: string;
  tags?: string[];
  source?: string;
  image?: string;
  imageAlt?: string;
  draft?: boolean;
  lang?: string;
  /** Any form the schema accepts; default: now. */
  date?: string;
}

/** A mistake in what the editor asked for: the message says what to do. */
export class NewReleaseError extends Error {
  constructor(readonly problem: Message) {
    super(say(problem));
    this.name = "NewReleaseError";
  }
}

export interface NewReleaseContext {
  contentDir: string;
  now: DateTime;
  /** Asks the editor a question in the terminal (`TITLE_QUESTION`); absent when there is no terminal. */
  ask?: (question: Message) => Promise<string>;
}

export { TITLE_QUESTION };

/** Splits `--tags "a، b, c"` (Persian or Latin commas, as a tag list item is read: src/content/schema.ts) and repeated `--tags`. */
export function splitTags(values: readonly string[]): string[] {
  return values.flatMap((value) => splitTagItem(value)).filter((tag) => !/^[\s,،]*$/.test(tag));
}

/** The fields of the new file, or a NewReleaseError naming what to correct. */
export function newReleaseFields(options: NewReleaseOptions, id: number, now: DateTime): { fields: ReleaseFields; date: DateTime } {
  // The typography fixes `npm run check -- --fix` would make, made now.
  const title = fixTypography(options.title?.trim() ?? "");
  if (title === "") throw new NewReleaseError(NEW.noTitle);
  let date = now;
  if (options.date !== undefined) {
    const parsed = parseReleaseDate(options.date);
    if (!parsed.ok) throw new NewReleaseError(dateProblemMessage(parsed.problem, "--date"));
    date = parsed.date;
  }
  let county: string | undefined;
  if (options.county !== undefined) {
    const found = findCounty(options.county);
    if (!found) throw new NewReleaseError(NEW.unknownCounty(options.county, closestCounty(options.county).name));
    county = found.name;
  }
  if (options.lang !== undefined && options.lang !== "fa" && options.lang !== "en") throw new NewReleaseError(NEW.language(options.lang));
  const fields: ReleaseFields = {
    id,
    title,
    date: options.date?.trim() ?? formatJalaliInput(now),
    lead: options.lead?.trim() ? fixTypography(options.lead.trim()) : undefined,
    county,
    organization: options.organization?.trim() ? fixTypography(options.organization.trim()) : undefined,
    type: options.type?.trim() || undefined,
    tags: options.tags && options.tags.length > 0 ? options.tags.map((tag) => fixTypography(tag)) : undefined,
    source: options.source?.trim() || undefined,
    image: options.image?.trim() || undefined,
    image_alt: options.imageAlt?.trim() ? fixTypography(options.imageAlt.trim()) : undefined,
    draft: options.draft ? true : undefined,
    lang: options.lang === "en" ? "en" : undefined,
  };
  // The build's schema decides: a wrong source or an image without its description is refused now, not at build time.
  const result = validateFrontMatter(parseFrontMatter(renderReleaseFile(fields, "")).data);
  if (!result.ok) throw new NewReleaseError(lines(result.problems.map((problem) => NEW.option(problem.field.replace("_", "-"), problem.message))));
  return { fields, date };
}

/** Creates the file and returns its path (relative to the working directory) and id. */
export async function createRelease(options: NewReleaseOptions, context: NewReleaseContext): Promise<{ file: string; id: number }> {
  let title = options.title;
  if ((title === undefined || title.trim() === "") && context.ask) title = await context.ask(TITLE_QUESTION);
  const id = nextFreeId(await scanReleases(context.contentDir));
  const { fields, date } = newReleaseFields({ ...options, title }, id, context.now);
  const file = releaseFilePath(context.contentDir, date, id);
  await mkdir(path.dirname(file), { recursive: true });
  try {
    // "wx": fail rather than overwrite, should a file appear under this name meanwhile.
    await writeFile(file, renderReleaseFile(fields, ""), { encoding: "utf8", flag: "wx" });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") throw new NewReleaseError(NEW.fileTaken(inputPathKey(file)));
    throw error;
  }
  return { file: inputPathKey(file), id };
}
