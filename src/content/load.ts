/**
 * Loads and validates the whole archive once per build: every Markdown file under the
 * content folder is a release, and anything the folder may not hold (code, templates, links,
 * hidden files: src/content/content-files.ts) is a problem. Problems are collected across all files (an editor fixes
 * them in one go) and reported with file, line and field. The model it makes (Release,
 * Archive, ContentProblem) is src/content/release.ts.
 */
import { readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { DateTime } from "luxon";
import { FrontMatterSyntaxError, lineOfField, lineOfListItem, parseFrontMatter, type ParsedFile } from "./front-matter.js";
import { validateFrontMatter, writtenWithTime } from "./schema.js";
import { closestCounty, findCounty } from "./counties.js";
import { isEmbargoed } from "./embargo.js";
import { ArchiveCache, fromRecord, gitBlobIds, toRecord } from "./archive-cache.js";
import { blobId, fileHashOf } from "./release-source.js";
import { badCharacterProblems, decodeReleaseText, withoutControlCharacters } from "./text.js";
import { readWrittenId, writtenValue } from "./release-id.js";
import { dateWarnings } from "./plausible-dates.js";
import { firstArchiveYear } from "./site.js";
import { isReleaseLocation, scanContentFolder } from "./content-files.js";
import { ContentError, inputPathKey, newestFirst, nextId, problemLine, releaseUrl, type Archive, type ContentProblem, type Release } from "./release.js";
import { say } from "../messages/messages.js";
import { countyNotKnown, duplicateId, translationMissing, translationSameLanguage, translationTaken, warningsHeading } from "../messages/content.js";
import { archiveEditedInPlace, archiveRead, archiveReadAgain } from "../messages/build.js";
import { compoundsTaught } from "../persian/lexicon.js";

/** The release files of `contentDir`, sorted; what else the folder holds is src/content/content-files.ts's to report. */
export async function findReleaseFiles(contentDir: string): Promise<string[]> {
  return (await scanContentFolder(contentDir)).releases;
}

/** Whether `file` is, or was, a release file of `contentDir`: a change to it changes the archive and nothing else. */
export function isReleaseFile(contentDir: string, file: string): boolean {
  return isReleaseLocation(contentDir, file);
}

export interface LoadOptions {
  /** Show drafts and embargoed releases (the dev server does; production builds do not). */
  includeDrafts: boolean;
  /** The build's "now": a release dated after it is embargoed. Default: the clock (see src/content/embargo.ts). */
  now?: DateTime;
  /** Where the archive as last read is kept (src/content/archive-cache.ts); without it every file is read. */
  cacheDir?: string;
  /** Pass over hidden files instead of reporting them (the dev server: editors' swap files; src/content/content-files.ts). */
  skipHidden?: boolean;
  /** The Jalali year before which a date is warned of (src/content/plausible-dates.ts). Default: AKHBAR_FIRST_YEAR's. */
  firstYear?: number;
}

/** One file's release (when it is valid) and its problems. `id` is read even when another field is wrong. */
export interface ReleaseFileResult {
  release?: Release;
  problems: ContentProblem[];
  /** The front matter and body, when the file could be read as front matter + Markdown. */
  parsed?: ParsedFile;
  /** The file's id and its line, for duplicate-id and link checks. */
  id?: { value: number; line: number };
  /** The file's text, when its bytes are UTF-8 (without its control characters, which are problems). */
  text?: string;
}

/**
 * Validates one release file: its text (src/content/text.ts), front matter, id as written
 * (src/content/release-id.ts), schema and county. Shared by the build and `npm run check`.
 * `source` is the file's bytes, or text already decoded.
 */
export function readReleaseFile(file: string, source: string | Uint8Array, now: DateTime = DateTime.now()): ReleaseFileResult {
  const decoded = typeof source === "string" ? { text: source } : decodeReleaseText(source);
  if (decoded.text === undefined) return { problems: [{ file, ...decoded.problem }] };
  // A control character refuses the file; the rest is read without it, so that every problem is reported at once.
  const refused: ContentProblem[] = badCharacterProblems(decoded.text).map((problem) => ({ file, ...problem }));
  const text = refused.length === 0 ? decoded.text : withoutControlCharacters(decoded.text);
  let parsed: ParsedFile;
  try {
    parsed = parseFrontMatter(text);
  } catch (error) {
    if (!(error instanceof FrontMatterSyntaxError)) throw error;
    return { text, problems: [...refused, { file, line: error.line, field: "front matter", message: error.problem }] };
  }
  const idLine = lineOfField(parsed.frontMatter, "id");
  const written = readWrittenId(writtenValue(parsed.frontMatter, "id"));
  if (written && "message" in written) refused.push({ file, line: idLine, field: "id", message: written.message });
  // Without a line to read (a front matter written as one `{…}`), the id is what YAML made of it.
  const rawId = written === undefined ? parsed.data.id : "value" in written ? written.value : undefined;
  const id = typeof rawId === "number" && Number.isInteger(rawId) && rawId > 0 ? { value: rawId, line: idLine } : undefined;
  const result = validateFrontMatter(written && "value" in written ? { ...parsed.data, id: written.value } : parsed.data);
  if (!result.ok) {
    const problems = result.problems
      .filter((problem) => !(problem.field === "id" && written && "message" in written))
      .map(({ field, message, item }) => ({ file, line: item === undefined ? lineOfField(parsed.frontMatter, field) : lineOfListItem(parsed.frontMatter, field, item), field, message }));
    // A county that is none of the province's is named too: the editor fixes the file in one round.
    const county = problems.some((problem) => problem.field === "county") ? undefined : unknownCounty(file, parsed.frontMatter, parsed.data.county);
    return { parsed, id, text, problems: [...refused, ...problems, ...(county ? [county] : [])] };
  }
  const data = result.value;
  const county = data.county === undefined ? undefined : findCounty(data.county);
  const countyProblem = unknownCounty(file, parsed.frontMatter, data.county);
  if (countyProblem) return { parsed, id, text, problems: [...refused, countyProblem] };
  if (refused.length > 0) return { parsed, id, text, problems: refused };
  const release: Release = {
    id: data.id,
    title: data.title,
    date: data.date,
    lead: data.lead,
    county,
    organization: data.organization,
    tags: data.tags,
    source: data.source,
    image: data.image,
    imageAlt: data.image_alt,
    draft: data.draft,
    lang: data.lang,
    // Set even when absent, as `lead` is: a release edited in place (`editArchiveInPlace`) loses what its file lost.
    type: data.type,
    dateOnly: !writtenWithTime(parsed.data.date),
    updated: data.updated,
    updatedDateOnly: data.updated === undefined ? undefined : !writtenWithTime(parsed.data.updated),
    correction: data.correction,
    ...(data.translation === undefined ? {} : { translation: data.translation }),
    inputPath: file,
    fileHash: typeof source === "string" ? fileHashOf(source) : blobId(source),
    hasPictures: data.image !== undefined || parsed.body.includes("![") || parsed.body.includes("/images/") || parsed.body.includes("/files/"),
    url: releaseUrl(data.id, data.lang),
  };
  const compounds = compoundsTaught([data.title, data.lead ?? "", data.organization ?? "", ...data.tags, parsed.body].join("\n"));
  if (compounds.length > 0) release.compounds = compounds.join("\n");
  if (isEmbargoed(release.date, now)) release.embargoed = true;
  return { release, parsed, id, text, problems: [] };
}

/** One problem per file that reuses an id, naming the first file that has it. */
export function duplicateIdProblems(filesById: ReadonlyMap<number, ReadonlyArray<{ file: string; line: number }>>): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const freeId = nextId(filesById.keys());
  for (const [id, [first, ...others]] of filesById) {
    for (const other of others) {
      problems.push({
        ...other,
        field: "id",
        message: duplicateId(id, `${first!.file}:${first!.line}`, freeId),
      });
    }
  }
  return problems;
}

/** Whether a build shows the release: drafts and embargoed releases only in preview. */
export function isShown(release: Release, options: LoadOptions): boolean {
  return options.includeDrafts || (!release.draft && !release.embargoed);
}

/** path.resolve of the archive's files (keys of `inputPathKey`), resolving each folder once rather than each of 150,000 files. */
function resolvedByFolder(): (file: string) => string {
  const folders = new Map<string, string>();
  return (file) => {
    const slash = file.lastIndexOf("/");
    const folder = file.slice(0, Math.max(slash, 0));
    let resolved = folders.get(folder);
    if (resolved === undefined) folders.set(folder, (resolved = path.resolve(folder).replace(/[\\/]?$/, path.sep)));
    return `${resolved}${file.slice(slash + 1)}`;
  };
}

/** How many release files are read at once while the archive loads. */
const READ_AHEAD = 64;

export async function loadArchive(contentDir: string, options: LoadOptions): Promise<Archive> {
  const now = options.now ?? DateTime.now();
  const problems: ContentProblem[] = [];
  const byInputPath = new Map<string, Release>();
  const idLines = new Map<string, number>();
  const cache = options.cacheDir === undefined ? undefined : new ArchiveCache(contentDir, options.cacheDir);
  // Side by side: git runs in processes of its own and the folder walk in libuv's threads.
  const [scan, known] = await Promise.all([scanContentFolder(contentDir, { skipHidden: options.skipHidden }), cache ? gitBlobIds(contentDir) : new Map<string, string>(), cache?.open()]);
  // Anything in the content folder but releases and the files they use (code, links, hidden files) fails the build.
  problems.push(...scan.problems);
  const files = scan.releases;
  const absolutePath = resolvedByFolder();
  const add = (file: string, release: Release, idLine: number) => {
    byInputPath.set(file, release);
    idLines.set(file, idLine);
  };

  // Files are read READ_AHEAD at a time: one at a time, a 150,000-file archive spent most of
  // its 119 s loading waiting on each read in turn. They are still checked in path order.
  for (let start = 0; start < files.length; start += READ_AHEAD) {
    const batch = files.slice(start, start + READ_AHEAD);
    const records = batch.map((file) => {
      const id = known.get(absolutePath(file));
      return id === undefined ? undefined : cache?.get(id);
    });
    const sources = await Promise.all(batch.map((file, position) => (records[position] ? undefined : readFile(file))));
    batch.forEach((file, position) => {
      const record = records[position];
      if (record) return add(file, fromRecord(record, file), record.idLine);
      const result = readReleaseFile(file, sources[position]!, now);
      problems.push(...result.problems);
      if (!result.release) return;
      cache?.set(result.release.fileHash, toRecord(result.release, result.id!.line));
      add(file, result.release, result.id!.line);
    });
  }
  if (cache) {
    await cache.save();
    console.log(say(archiveRead(files.length, files.length - cache.hits, cache.hits, options.cacheDir!)));
  }

  return withDateWarnings(completeArchive(byInputPath, idLines, problems, now, options), now, options);
}

/**
 * The archive of `previous` with only `changedFiles` read again (the dev server's rebuild after
 * an editor saved a file: at 150,000 releases reading the whole archive again took seconds). A
 * changed file that is gone is taken out. Embargoes are worked out again from "now".
 */
export async function reloadArchive(previous: Archive, changedFiles: readonly string[], options: LoadOptions): Promise<Archive> {
  const now = options.now ?? DateTime.now();
  const byInputPath = new Map(previous.byInputPath);
  const idLines = new Map(previous.idLines);
  const problems: ContentProblem[] = [];
  const saved = new Set(changedFiles.map(inputPathKey));
  for (const file of saved) {
    byInputPath.delete(file);
    idLines.delete(file);
    let source: Uint8Array;
    try {
      source = await readFile(file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") continue; // removed
      throw error;
    }
    const result = readReleaseFile(file, source, now);
    problems.push(...result.problems);
    if (!result.release) continue;
    byInputPath.set(file, result.release);
    idLines.set(file, result.id!.line);
  }
  console.log(say(archiveReadAgain(byInputPath.size, saved.size)));
  // In path order, as a full read checks them: the first file to use an id keeps it.
  const ordered = new Map([...byInputPath].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return withDateWarnings(completeArchive(ordered, idLines, problems, now, options), now, options);
}

/**
 * The archive with the warnings of its dates (src/content/plausible-dates.ts), which are printed
 * after the archive's summary and never stop the build. A warned release's file is read again for
 * the line of its date: its release may come from the cache, and warnings are few.
 */
async function withDateWarnings(archive: Archive, now: DateTime, options: LoadOptions): Promise<Archive> {
  const warningOf = dateWarnings(now, options.firstYear ?? firstArchiveYear());
  const warnings: ContentProblem[] = [];
  for (const [file, release] of archive.byInputPath) {
    const message = warningOf(release.date);
    if (message === undefined) continue;
    const text = await readFile(file, "utf8").catch(() => undefined);
    let line = 1;
    try {
      if (text !== undefined) line = lineOfField(parseFrontMatter(text).frontMatter, "date");
    } catch {
      // Changed since it was read: the file's first line.
    }
    warnings.push({ file, line, field: "date", message });
  }
  if (warnings.length === 0) return archive;
  const lines = warnings.map((warning) => `  ${problemLine(warning)}`);
  console.warn(`${say(warningsHeading(warnings.length))}\n${lines.join("\n")}`);
  archive.warnings = warnings;
  return archive;
}

/** Embargoes, duplicate ids and the published order, shared by a full and a partial read; any problem stops the build. */
function completeArchive(byInputPath: Map<string, Release>, idLines: Map<string, number>, problems: ContentProblem[], now: DateTime, options: LoadOptions): Archive {
  const filesById = new Map<number, Array<{ file: string; line: number }>>();
  for (const [file, release] of byInputPath) {
    if (isEmbargoed(release.date, now)) release.embargoed = true;
    else delete release.embargoed;
    const owners = filesById.get(release.id);
    const owner = { file, line: idLines.get(file) ?? 1 };
    if (owners) owners.push(owner);
    else filesById.set(release.id, [owner]);
  }
  problems.push(...duplicateIdProblems(filesById));
  const translations = translationPairs(byInputPath);
  problems.push(...translations.problems);
  if (problems.length > 0) {
    problems.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
    throw new ContentError(problems);
  }

  const releases = [...byInputPath.values()].filter((release) => isShown(release, options)).sort(newestFirst);
  let embargoEnds: number | undefined;
  for (const release of byInputPath.values()) {
    if (release.embargoed) embargoEnds = Math.min(embargoEnds ?? Infinity, release.date.toMillis());
  }
  return { releases, byInputPath, idLines, translations: translations.pairs, ...(embargoEnds === undefined ? {} : { embargoEnds }) };
}

/**
 * The archive's translations: each `translation:` must name a release of the archive
 * (drafts count: a draft's page is shown in preview) in the other language, which names no other
 * release as its translation and is named by no other. Either file of a pair may name the other,
 * or both. The pairs go both ways. A problem is reported on the `translation:` line, read again
 * from the file (releases may come from the archive cache, and problems are few).
 */
export function translationPairs(byInputPath: ReadonlyMap<string, Release>): { pairs: Map<Release, Release>; problems: ContentProblem[] } {
  const byId = new Map<number, Release>();
  for (const release of byInputPath.values()) if (!byId.has(release.id)) byId.set(release.id, release);
  const pairs = new Map<Release, Release>();
  const problems: ContentProblem[] = [];
  for (const [file, release] of byInputPath) {
    const id = release.translation;
    if (id === undefined) continue;
    const other = byId.get(id);
    const paired = other && pairs.get(other);
    const message = !other
      ? translationMissing(id)
      : other.lang === release.lang
        ? translationSameLanguage(other.id, other.inputPath, other.lang)
        : other.translation !== undefined && other.translation !== release.id
          ? translationTaken(other.id, other.inputPath, other.translation)
          : paired && paired !== release
            ? translationTaken(other.id, other.inputPath, paired.id)
            : undefined;
    if (message) {
      problems.push({ file, line: lineOfFieldIn(file, "translation"), field: "translation", message });
      continue;
    }
    pairs.set(release, other!).set(other!, release);
  }
  return { pairs, problems };
}

/** The line of `field` in the release file `file`, read again for a problem's message; 1 when it cannot be read. */
function lineOfFieldIn(file: string, field: string): number {
  try {
    return lineOfField(parseFrontMatter(readFileSync(file, "utf8")).frontMatter, field);
  } catch {
    return 1;
  }
}

/**
 * Everything about a release that decides where it appears: which lists hold it and in what
 * order, its address, its terms' names, its redirects. Two versions of a file with the same
 * placement differ only in what the pages that show the release say of it.
 */
function placement(release: Release): string {
  const { id, date, lang, draft, embargoed, county, organization, tags, source, url, translation, type } = release;
  // A translation is placement too: it pairs two pages, and is checked over the whole archive.
  // The type too: it decides which type's list holds the release.
  return JSON.stringify([id, date.toMillis(), lang, draft, embargoed ?? false, county?.name, organization, tags, source, url, translation, type]);
}

/**
 * The dev server's common rebuild: an editor saved releases without changing their placement
 * (the text, the title, the lead, a picture; not the date, terms, id, draft or language). The
 * releases of `archive` are then updated in place and returned, and the archive, its order and
 * every index made from it stay valid: only the pages that show these releases change. Returns
 * undefined, changing nothing, when any saved file is new, gone, invalid or placed otherwise, or
 * when an embargo has ended since: the archive must then be read again (`reloadArchive`).
 */
export async function editArchiveInPlace(archive: Archive, changedFiles: readonly string[], options: LoadOptions): Promise<Set<Release> | undefined> {
  const now = options.now ?? DateTime.now();
  if (archive.embargoEnds !== undefined && archive.embargoEnds <= now.toMillis()) return undefined;
  const edits: Array<{ file: string; previous: Release; next: Release; idLine: number }> = [];
  for (const file of new Set(changedFiles.map(inputPathKey))) {
    const previous = archive.byInputPath.get(file);
    if (!previous) return undefined;
    const source = await readFile(file).catch(() => undefined);
    if (source === undefined) return undefined;
    const result = readReleaseFile(file, source, now);
    if (!result.release || result.problems.length > 0 || placement(result.release) !== placement(previous)) return undefined;
    edits.push({ file, previous, next: result.release, idLine: result.id!.line });
  }
  const edited = new Set<Release>();
  for (const { file, previous, next, idLine } of edits) {
    // Every field the file gives, unset ones included (a lead taken out), over the same object.
    Object.assign(previous, next);
    archive.idLines.set(file, idLine);
    edited.add(previous);
  }
  console.log(say(archiveEditedInPlace(edited.size)));
  return edited;
}

/** The problem of a county written but none of the province's (src/content/counties.ts), with the closest one suggested. */
function unknownCounty(file: string, frontMatter: string, written: unknown): ContentProblem | undefined {
  if (typeof written !== "string" || written.trim() === "" || findCounty(written)) return undefined;
  return { file, line: lineOfField(frontMatter, "county"), field: "county", message: countyNotKnown(written, closestCounty(written).name) };
}
