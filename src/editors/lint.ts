/**
 * `npm run check`: lints every release without building. The text, schema, county and
 * duplicate-id checks are the build's own (src/content/load.ts), and so are the checks of what
 * the content folder holds and of the files releases use (src/content/content-files.ts: code,
 * links, hidden files, paths that leave content/images/; src/render/images.ts: pictures,
 * drawings, attachments); this module adds what a build does not see but a reader would:
 * Persian typography (rules in src/persian/typography.ts) in the text and in the front matter's
 * text fields (title, lead, image_alt, county, organization, tags), links to releases that do not
 * exist, site-relative links to neither a file of content/ nor a page of the site (`/docs/x.pdf`),
 * release files whose name is not `<id>.md` or whose folder is not `releases/<Jalali year>`
 * (src/editors/release-file.ts `releaseFilePath`), files of content/images/ no release uses (not
 * published), and what the build takes out of a drawing; and compounds written joined or with a
 * space («روابطعمومی», «روابط عمومی») that the archive writes with a half-space elsewhere (in the
 * text and the prose fields: the archive's compound lexicon, src/persian/lexicon.ts, is learnt
 * from every release file before any is judged, and src/persian/half-space-repair.ts says which to
 * repair). Typography problems, compounds, misplaced files, implausible dates
 * (src/content/plausible-dates.ts), unused files and cleaned drawings are warnings (they never
 * stop a build); everything else is an error, as it would break the site or stop the build. Every
 * message is the editors' catalogue's (src/messages/editors.ts) or the content catalogue's, in
 * Persian unless AKHBAR_LANG=en.
 *
 * `--fix` applies the safe fixes in place. A file saved as Windows-1256 or UTF-16 is converted
 * to UTF-8, only when the text gives back the file's bytes exactly (src/content/text.ts). A
 * typography fix, and a compound's half-space, change spacing, half-spaces and letter forms
 * only; every fixed file is compared word for word with the original (`textFingerprint`) and
 * reread with the build's loader before it is written. A misplaced release is then moved to
 * `releases/<year>/<id>.md`, never over a file that is there. Control characters are not removed:
 * they may stand where text was lost, which the editor must see.
 */
import { readFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import path from "node:path";
import type { DateTime } from "luxon";
import { duplicateIdProblems, findReleaseFiles, readReleaseFile, translationPairs, type ReleaseFileResult } from "../content/load.js";
import { inputPathKey, nextId, type ContentProblem, type Release } from "../content/release.js";
import { ATTACHMENTS_FOLDER, isContentAddress, resolveContentAddress, scanContentFolder, type ContentFileKind } from "../content/content-files.js";
import { lineOfField, lineOfListItem, parseFrontMatter, parseYaml, type ParsedFile } from "../content/front-matter.js";
import { PROSE_FIELDS, type ReleaseField } from "../content/schema.js";
import { convertToUtf8, decodeReleaseText, ENCODING_FIELD, type Conversion } from "../content/text.js";
import { dateWarnings } from "../content/plausible-dates.js";
import { firstArchiveYear } from "../content/site.js";
import { readSiteContent, type ContentPage } from "../content/content-page.js";
import { writeFileAtomic } from "../output/atomic-write.js";
import { createMarkdown } from "../render/markdown.js";
import { inspectContentFile, measurePicture, type ContentFileInspection } from "../render/images.js";
import { formatJalaliInput, jalaliParts } from "../persian/dates.js";
import { fixTypography, textFingerprint, typographyIssues } from "../persian/typography.js";
import { CompoundLexicon, compoundsTaught } from "../persian/lexicon.js";
import { repairHalfSpaces, type HalfSpaceRepair } from "../persian/half-space-repair.js";
import type { Message } from "../messages/messages.js";
import {
  cleanedDrawing,
  compoundHalfSpaceWarning,
  misfiledRelease,
  misnamedRelease,
  missingLinkTarget,
  missingReleaseLink,
  typographyWarning,
  UNSAFE_FIX,
  unpublishedReleaseLink,
  unusedFile,
  type Misplaced,
  type Unpublished,
} from "../messages/editors.js";
import { moveWithoutOverwriting, releaseFilePath } from "./release-file.js";

export type Severity = "error" | "warning";

/** A problem `npm run check` reports: a content problem (its message in both languages), with its severity. */
export interface LintProblem extends ContentProblem {
  severity: Severity;
  /** `npm run check -- --fix` corrects it. */
  fixable: boolean;
}

export interface LintReport {
  files: number;
  /** Sorted by file and line. */
  problems: LintProblem[];
}

const fromContent = (problem: ContentProblem, severity: Severity, fixable = false): LintProblem => ({ ...problem, severity, fixable });

/** Links to a release: `/news/<id>/`, the English section's `/en/news/<id>/`, and the old site's `/News/<id>/`. */
const INTERNAL_RELEASE_LINK = /^\/(?:en\/)?(?:news|News)\/(\d+)\/?(?:[?#].*)?$/;

/**
 * The pages and files the site itself makes (src/browse/urls.ts, src/pages/, src/feeds/), as a
 * site-relative link may name them, with or without the last `/` or `index.html`. A link to
 * anything else that is not a file of content/ is broken for readers. Term slugs are not looked
 * up: a page of a county, organization or tag is taken to exist.
 */
const SITE_PAGES: readonly RegExp[] = [
  /^\/$/,
  /^\/(?:404\.html|favicon\.svg|robots\.txt|feed\.xml|feed\.json|sitemap(?:-[\w-]+)?\.xml|_redirects)$/,
  /^\/(?:en\/)?(?:search\/)?$/,
  /^\/en\/feed\.xml$/,
  /^\/news\/(?:page\/[1-9]\d*\/)?$/,
  /^\/archive\/(?:\d{4}\/(?:\d{2}\/)?(?:page\/[1-9]\d*\/)?)?$/,
  /^\/(?:counties|organizations|tags|types)\/(?:[^/]+\/(?:page\/[1-9]\d*\/)?)?$/,
  /^\/(?:counties|organizations|tags|types)\/[^/]+\/feed\.(?:xml|json)$/,
];

/** Whether a site-relative address (decoded) names a page or file the site makes. */
export function isSitePage(address: string): boolean {
  let page = address.split(/[?#]/)[0]!;
  if (page.endsWith("/index.html")) page = page.slice(0, -"index.html".length);
  // A page's address without its last `/` is served (hosts redirect to it); a file's has an extension.
  if (!page.endsWith("/") && !/\.[A-Za-z0-9]+$/.test(page)) page += "/";
  return INTERNAL_RELEASE_LINK.test(page) || SITE_PAGES.some((pattern) => pattern.test(page));
}

/** The front matter's text fields: `check` reports their typography and `--fix` corrects it, as in the text. */
export const TEXT_FIELDS: readonly ReleaseField[] = [...PROSE_FIELDS, "county", "organization"];

const markdown = createMarkdown();
type Token = ReturnType<typeof markdown.parse>[number];

/** What the cross-file checks need of a file; kept small, since the archive may have 150,000 files. */
interface FileFacts {
  file: string;
  /** Published in a production build (not a draft, not embargoed), or unknown when invalid. */
  unpublished?: Unpublished;
  valid: boolean;
  /** Links and pictures of the body and front matter that point into this site. */
  references: Reference[];
}

interface Reference {
  kind: "link" | "image";
  /** Decoded, for messages. */
  target: string;
  /** As written (a body's, percent-encoded by Markdown), for src/content/content-files.ts to read as the build does. */
  address: string;
  line: number;
  field: string;
}

/**
 * Lints every release under `contentDir`. `now` decides which releases are embargoed;
 * `firstYear` (Jalali) is the archive's first, before which a date is warned of.
 */
export async function lintArchive(contentDir: string, now: DateTime, firstYear: number = firstArchiveYear()): Promise<LintReport> {
  const scan = await scanContentFolder(contentDir);
  const files = scan.releases;
  const warningOf = dateWarnings(now, firstYear);
  // What the content folder may not hold fails the build: errors here too.
  const problems: LintProblem[] = scan.problems.map((problem) => fromContent(problem, "error"));
  const facts: FileFacts[] = [];
  // The valid releases, for the archive's translations (as the build checks them: src/content/load.ts).
  const validReleases = new Map<string, Release>();
  const factsById = new Map<number, FileFacts>();
  const filesById = new Map<number, Array<{ file: string; line: number }>>();
  const lexicon = await archiveLexicon(files);

  for await (const [file, source] of readAll(files)) {
    const result = readReleaseFile(file, source, now);
    // A file from Persian Windows (or saved as UTF-16) is converted by --fix.
    const fixable = (problem: ContentProblem) => problem.field === ENCODING_FIELD && convertToUtf8(source) !== undefined;
    problems.push(...result.problems.map((problem) => fromContent(problem, "error", fixable(problem))));
    if (!result.parsed || result.text === undefined) continue;
    const tokens = markdown.parse(result.parsed.body, {});
    const bodyStart = bodyStartLine(result.text, result.parsed.body);
    const prose = protectedMarkdownRanges(result.parsed.body, tokens);
    problems.push(...typographyProblems(file, result.parsed, bodyStart, tokens, prose));
    problems.push(...halfSpaceProblems(file, result.parsed, bodyStart, tokens, lexicon, prose));
    const release = result.release;
    const dateWarning = release && warningOf(release.date);
    if (dateWarning) {
      problems.push({ file, line: lineOfField(result.parsed.frontMatter, "date"), field: "date", severity: "warning", fixable: false, message: dateWarning });
    }
    if (release) problems.push(...placeProblems(contentDir, file, release, result.parsed));
    if (release) validReleases.set(file, release);
    const fact: FileFacts = {
      file,
      valid: release !== undefined,
      unpublished: release?.draft
        ? { kind: "draft" }
        : release?.embargoed
          ? { kind: "embargoed", jalali: formatJalaliInput(release.date), gregorian: release.date.toFormat("yyyy-MM-dd HH:mm") }
          : undefined,
      references: references(result.parsed, bodyStart, tokens),
    };
    facts.push(fact);
    if (result.id) {
      const owners = filesById.get(result.id.value) ?? [];
      owners.push({ file, line: result.id.line });
      filesById.set(result.id.value, owners);
      if (!factsById.has(result.id.value)) factsById.set(result.id.value, fact);
    }
  }

  problems.push(...duplicateIdProblems(filesById).map((problem) => fromContent(problem, "error")));
  problems.push(...translationPairs(validReleases).problems.map((problem) => fromContent(problem, "error")));

  const freeId = nextId(filesById.keys());
  // The site's settings and pages (content/site.yml, content/pages/) as the build reads them: their
  // problems stop the build, the logo and the pages' files are used, and a link to a page is not broken.
  const siteContent = await readSiteContent(contentDir, measurePicture);
  problems.push(...siteContent.problems.map((problem) => fromContent(problem, "error")));
  const contentFiles = new ContentFileChecks(contentDir, new Set(siteContent.pages.map((page) => page.url)));
  if (siteContent.site.logo) contentFiles.use(siteContent.site.logo.url);
  for (const page of siteContent.pages) problems.push(...(await pageReferenceProblems(page, contentFiles)));
  for (const fact of facts) {
    for (const reference of fact.references) {
      const problem = referenceProblem(fact, reference, factsById, freeId) ?? contentFiles.problem(reference);
      if (problem) problems.push({ file: fact.file, line: reference.line, field: reference.field, fixable: false, ...problem });
    }
  }
  problems.push(...contentFiles.fileWarnings(scan.files));

  problems.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
  return { files: files.length, problems };
}

/** Where a release file belongs: `<content>/releases/<Jalali year of its date>/<id>.md` (src/editors/release-file.ts). */
export function expectedLocation(contentDir: string, release: Pick<Release, "id" | "date">): string {
  return inputPathKey(releaseFilePath(contentDir, release.date, release.id));
}

/**
 * Warnings for a release file that is not where its id and date put it: a name that is not
 * `<id>.md` (on the `id` line), a folder that is not its Jalali year's (on the `date` line).
 * A reader sees nothing wrong, but the next editor looks for the release where it should be.
 */
function placeProblems(contentDir: string, file: string, release: Release, parsed: ParsedFile): LintProblem[] {
  const expected = expectedLocation(contentDir, release);
  if (inputPathKey(file) === expected) return [];
  const place: Misplaced = {
    name: path.basename(file),
    folder: path.dirname(inputPathKey(file)),
    id: release.id,
    year: jalaliParts(release.date).year,
    expected,
    taken: existsSync(expected),
  };
  const problems: LintProblem[] = [];
  const warning = (field: string, message: Message): LintProblem => ({
    file,
    line: lineOfField(parsed.frontMatter, field),
    field,
    severity: "warning",
    fixable: !place.taken,
    message,
  });
  if (place.name !== path.basename(expected)) problems.push(warning("id", misnamedRelease(place)));
  if (place.folder !== path.dirname(expected)) problems.push(warning("date", misfiledRelease(place)));
  return problems;
}

/** The files' bytes in order, read a few at a time: reading one by one leaves the CPU idle. */
async function* readAll(files: readonly string[]): AsyncGenerator<[string, Uint8Array]> {
  const batch = 32;
  for (let start = 0; start < files.length; start += batch) {
    const names = files.slice(start, start + batch);
    const texts = await Promise.all(names.map((file) => readFile(file)));
    for (let index = 0; index < names.length; index++) yield [names[index]!, texts[index]!];
  }
}

/**
 * The archive's compound lexicon, learnt from the text of every release file (a file that is not
 * UTF-8 as `--fix` would convert it). Read before any file is judged, since a compound written
 * with a half-space in the last file repairs it in the first; reading the files twice keeps the
 * memory to the lexicon's, where keeping every text for a second look would hold the archive.
 */
export async function archiveLexicon(files: readonly string[]): Promise<CompoundLexicon> {
  const taught: string[][] = [];
  for await (const [, bytes] of readAll(files)) {
    const text = decodeReleaseText(bytes).text ?? convertToUtf8(bytes)?.text;
    if (text !== undefined) taught.push(compoundsTaught(text));
  }
  return CompoundLexicon.fromTaught(taught);
}

function referenceProblem(
  fact: FileFacts,
  reference: Reference,
  factsById: ReadonlyMap<number, FileFacts>,
  freeId: number,
): { severity: Severity; message: Message } | undefined {
  const release = INTERNAL_RELEASE_LINK.exec(reference.target);
  if (!release) return undefined;
  const id = Number(release[1]);
  const target = factsById.get(id);
  if (!target) return { severity: "error", message: missingReleaseLink(reference.target, id, freeId - 1) };
  // A published release that links to an unpublished one has a broken link until that one appears.
  if (target.unpublished && fact.valid && !fact.unpublished) {
    return { severity: "warning", message: unpublishedReleaseLink(reference.target, id, target.unpublished) };
  }
  return undefined;
}

/**
 * The checks of the files releases use, as the build makes them: each address read by
 * src/content/content-files.ts, each file inspected once by src/render/images.ts. What is used
 * is remembered, for the files no release uses.
 */
class ContentFileChecks {
  private readonly used = new Set<string>();
  private readonly inspected = new Map<string, ContentFileInspection>();

  constructor(
    private readonly contentDir: string,
    /** The addresses of the pages of content/pages/ (`/about/`). */
    private readonly pageUrls: ReadonlySet<string> = new Set(),
  ) {}

  /** A file the site uses besides releases' references (the logo of content/site.yml). */
  use(address: string): void {
    this.used.add(address);
  }

  /**
   * What the build would refuse in the file a picture or a link to /images/… or /files/… names
   * (a missing attachment too); and a site-relative link to anything else that is not a page of
   * the site (`/docs/x.pdf`), which
   * the build publishes as it is and a reader finds broken.
   */
  problem(reference: Reference): { severity: Severity; message: Message } | undefined {
    if (!reference.address.startsWith("/") || reference.address.startsWith("//")) return undefined;
    if (reference.kind === "link" && !isContentAddress(reference.address)) {
      if (isSitePage(reference.target) || this.pageUrls.has(pageAddress(reference.target))) return undefined;
      return { severity: "error", message: missingLinkTarget(reference.target, path.join(this.contentDir, ATTACHMENTS_FOLDER)) };
    }
    const resolved = resolveContentAddress(this.contentDir, reference.address, reference.kind === "image" ? "picture" : "link");
    if (!resolved.ok) return { severity: "error", message: resolved.message };
    this.used.add(resolved.address);
    let inspection = this.inspected.get(resolved.address);
    if (!inspection) this.inspected.set(resolved.address, (inspection = inspectContentFile(resolved.file, resolved.address, resolved.kind)));
    return inspection.problem === undefined ? undefined : { severity: "error", message: inspection.problem };
  }

  /** Warnings on the files themselves: those no release uses (never published), and drawings the build cleans. */
  fileWarnings(files: ReadonlyMap<string, ContentFileKind>): LintProblem[] {
    const warnings: LintProblem[] = [];
    const place = (address: string) => inputPathKey(path.join(this.contentDir, ...address.split("/")));
    for (const [address, kind] of files) {
      if (this.used.has(address)) continue;
      warnings.push({ file: place(address), line: 0, field: "file", severity: "warning", fixable: false, message: unusedFile(kind === "picture" ? "picture" : "file", address) });
    }
    for (const [address, inspection] of this.inspected) {
      if (!inspection.removed?.length) continue;
      warnings.push({
        file: place(address),
        line: 0,
        field: "file",
        severity: "warning",
        fixable: false,
        message: cleanedDrawing(inspection.removed),
      });
    }
    return warnings;
  }
}

function safeDecode(target: string): string {
  try {
    return decodeURI(target);
  } catch {
    return target;
  }
}

/** The file's local links and pictures, with their lines: front-matter `image` and the Markdown body. */
function references(parsed: ParsedFile, bodyStart: number, tokens: Token[]): Reference[] {
  const found: Reference[] = [];
  const image = parsed.data.image;
  if (typeof image === "string" && image.trim().startsWith("/")) {
    found.push({ kind: "image", target: image.trim(), address: image.trim(), line: lineOfField(parsed.frontMatter, "image"), field: "image" });
  }
  let bodyLines: string[] | undefined;
  const visit = (children: Token[], map: [number, number] | null) => {
    for (const token of children) {
      const attribute = token.type === "link_open" ? token.attrGet("href") : token.type === "image" ? token.attrGet("src") : null;
      const target = attribute === null ? null : String(attribute);
      if (target !== null && target.startsWith("/")) {
        const decoded = safeDecode(target);
        bodyLines ??= parsed.body.split("\n");
        const [first = 0, last = first + 1] = map ?? [];
        let line = first;
        for (let candidate = first; candidate < last; candidate++) {
          const text = bodyLines[candidate] ?? "";
          if (text.includes(target) || text.includes(decoded)) {
            line = candidate;
            break;
          }
        }
        found.push({ kind: token.type === "image" ? "image" : "link", target: decoded, address: target, line: bodyStart + line, field: "text" });
      }
      if (token.children) visit(token.children, token.map ?? map);
    }
  };
  visit(tokens, null);
  return found;
}

/** A link's address as a page's: without query or fragment, `index.html` or a missing last `/`. */
function pageAddress(target: string): string {
  const page = target.split(/[?#]/)[0]!.replace(/index\.html$/, "");
  return page.endsWith("/") ? page : `${page}/`;
}

/** The problems of the pictures and links of a page of content/pages/, checked as a release's: what they name is then used. */
async function pageReferenceProblems(page: ContentPage, contentFiles: ContentFileChecks): Promise<LintProblem[]> {
  const source = await readFile(page.inputPath, "utf8");
  const parsed = parseFrontMatter(source);
  const bodyStart = bodyStartLine(source, parsed.body);
  const found: LintProblem[] = [];
  for (const reference of references(parsed, bodyStart, markdown.parse(parsed.body, {}))) {
    const problem = contentFiles.problem(reference);
    if (problem) found.push({ file: page.inputPath, line: reference.line, field: reference.field, fixable: false, ...problem });
  }
  return found;
}

/** The file line (1-based) of the body's first line. */
function bodyStartLine(source: string, body: string): number {
  const text = source.replace(/^\uFEFF/, "");
  const prefix = text.endsWith(body) ? text.slice(0, text.length - body.length) : text;
  return prefix.split("\n").length;
}

const PROTECTED_PATTERNS = [
  /(`+)[^`]*?\1/g,
  // The address only: a picture's title (`![…](/images/x.jpg "…")`) is its caption, prose like the text.
  /\]\([^)\s]*/g,
  /<[^>\s]+>/g,
  /^[ \t]{0,3}\[[^\]]+\]:.*$/gm,
  /^(?:[ \t]*>)*[ \t]*\d{1,9}[.)](?=\s|$)/gm,
];

/**
 * Offsets of the body that typography rules must not touch: code, link addresses, autolinks,
 * HTML tags, link definitions and ordered-list numbers (Markdown only knows Latin ones).
 */
export function protectedMarkdownRanges(body: string, tokens: Token[] = markdown.parse(body, {})): Array<readonly [number, number]> {
  const ranges: Array<readonly [number, number]> = [];
  const lineStarts = [0];
  for (let index = 0; index < body.length; index++) if (body[index] === "\n") lineStarts.push(index + 1);
  for (const token of tokens) {
    if ((token.type === "fence" || token.type === "code_block" || token.type === "html_block") && token.map) {
      const [first, last] = token.map;
      ranges.push([lineStarts[first] ?? body.length, lineStarts[last] ?? body.length]);
    }
  }
  for (const pattern of PROTECTED_PATTERNS) for (const match of body.matchAll(pattern)) ranges.push([match.index, match.index + match[0].length]);
  return ranges;
}

/**
 * The front matter's text values with their lines: each of `TEXT_FIELDS` on its `field:` line, and
 * each tag on its `- ` line (all on the `tags:` line in a list written `tags: [a, b]`).
 */
function frontMatterTexts(parsed: ParsedFile): Array<{ field: string; line: number; value: string; item?: number }> {
  const texts: Array<{ field: string; line: number; value: string; item?: number }> = [];
  for (const field of TEXT_FIELDS) {
    const value = parsed.data[field];
    if (typeof value === "string") texts.push({ field, line: lineOfField(parsed.frontMatter, field), value });
  }
  const tags = parsed.data.tags;
  if (Array.isArray(tags)) {
    tags.forEach((value: unknown, item) => {
      if (typeof value === "string") texts.push({ field: "tags", line: lineOfListItem(parsed.frontMatter, "tags", item), value, item });
    });
  }
  return texts;
}

/** Typography warnings of one file: the front matter's text fields (tags included) and the body. */
export function typographyProblems(
  file: string,
  parsed: ParsedFile,
  bodyStart: number,
  tokens: Token[],
  protectedRanges: ReadonlyArray<readonly [number, number]> = protectedMarkdownRanges(parsed.body, tokens),
): LintProblem[] {
  const problems: LintProblem[] = [];
  for (const { field, line, value } of frontMatterTexts(parsed)) {
    for (const issue of typographyIssues(value)) {
      problems.push({ file, line, field, severity: "warning", fixable: true, message: typographyWarning(issue, value) });
    }
  }
  const body = parsed.body;
  const issues = typographyIssues(body, protectedRanges);
  if (issues.length === 0) return problems;
  const lineOf = bodyLines(body, bodyStart);
  for (const issue of issues) {
    problems.push({ file, line: lineOf(issue.index), field: "text", severity: "warning", fixable: true, message: typographyWarning(issue, body) });
  }
  return problems;
}

/** The file line (1-based) of an offset in the body that starts on the file's line `bodyStart`. */
function bodyLines(body: string, bodyStart: number): (offset: number) => number {
  const lineStarts = [0];
  for (let index = 0; index < body.length; index++) if (body[index] === "\n") lineStarts.push(index + 1);
  return (offset) => {
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (lineStarts[middle]! <= offset) low = middle;
      else high = middle - 1;
    }
    return bodyStart + low;
  };
}

/**
 * Warnings of one file for the compounds written joined or with a space that the archive writes
 * with a half-space (src/persian/half-space-repair.ts): in the prose fields (title, lead,
 * image_alt) and the body, Markdown code, link targets and HTML left out. Names, tags and the
 * other fields are left as written: a county is the list's, an organization or tag a page's name.
 */
export function halfSpaceProblems(
  file: string,
  parsed: ParsedFile,
  bodyStart: number,
  tokens: Token[],
  lexicon: CompoundLexicon,
  protectedRanges: ReadonlyArray<readonly [number, number]> = protectedMarkdownRanges(parsed.body, tokens),
): LintProblem[] {
  if (lexicon.size === 0) return [];
  const problems: LintProblem[] = [];
  const warning = (line: number, field: string, repair: HalfSpaceRepair): LintProblem => ({
    file,
    line,
    field,
    severity: "warning",
    fixable: true,
    message: compoundHalfSpaceWarning(repair),
  });
  for (const { field, line, value } of proseTexts(parsed)) {
    for (const repair of repairHalfSpaces(value, lexicon).repairs) problems.push(warning(line, field, repair));
  }
  const body = parsed.body;
  const { repairs } = repairHalfSpaces(body, lexicon, protectedRanges);
  if (repairs.length === 0) return problems;
  const lineOf = bodyLines(body, bodyStart);
  for (const repair of repairs) problems.push(warning(lineOf(repair.offset), "text", repair));
  return problems;
}

/** The front matter's prose fields (`PROSE_FIELDS`) with their lines: where compounds are repaired besides the body. */
function proseTexts(parsed: ParsedFile): Array<{ field: string; line: number; value: string }> {
  return frontMatterTexts(parsed).filter(({ field, item }) => item === undefined && (PROSE_FIELDS as readonly string[]).includes(field));
}

/**
 * Prose with the typography fixes and the compounds' half-spaces (with `lexicon`), and the
 * compounds repaired. Each is applied until nothing changes, since one can reveal the other
 * («روابطعمومیها»: the plural's half-space, then the compound's).
 */
function fixProse(
  text: string,
  lexicon: CompoundLexicon | undefined,
  protectedRanges: (text: string) => ReadonlyArray<readonly [number, number]> = () => [],
): { text: string; repairs: HalfSpaceRepair[] } {
  let current = fixTypography(text, protectedRanges);
  const repairs: HalfSpaceRepair[] = [];
  if (!lexicon || lexicon.size === 0) return { text: current, repairs };
  for (let round = 0; round < 5; round++) {
    const repaired = repairHalfSpaces(current, lexicon, protectedRanges(current));
    if (repaired.repairs.length === 0) break;
    repairs.push(...repaired.repairs);
    current = fixTypography(repaired.text, protectedRanges);
  }
  return { text: current, repairs };
}

/** What YAML reads from `written` as a value (after `field: ` or `- `), or undefined when it cannot. */
function readValue(written: string): unknown {
  try {
    return parseYaml(`value: ${written}`).value;
  } catch {
    return undefined;
  }
}

/**
 * `written` (a value as written on its line, perhaps with a ` # comment` after it) with the value
 * replaced by `replacement`, the comment kept. Undefined when the line alone does not hold
 * `value`: a block value (`|`, `>`) or one continued on the next lines is left to the editor.
 */
function rewriteValue(written: string, value: unknown, replacement: string): string | undefined {
  const same = (candidate: string) => JSON.stringify(readValue(candidate)) === JSON.stringify(value);
  if (written === "" || /^[|>]/.test(written)) return undefined;
  // A comment first: YAML reads `ري # note` as «ري» too, and the note must stay.
  for (const comment of written.matchAll(/\s#/g)) {
    if (same(written.slice(0, comment.index))) return `${replacement}${written.slice(comment.index)}`;
  }
  return same(written) ? replacement : undefined;
}

/**
 * Replaces the value on `lines[index]` after `prefix` (`title:`, `  -`, its first group; the value
 * is the second) when the line alone holds it. Fixed values are written double-quoted, a JSON
 * string being a YAML one: a plain value could change meaning once a space goes.
 */
function rewriteLine(lines: string[], index: number, prefix: RegExp, value: unknown, replacement: string): void {
  const line = lines[index] ?? "";
  const carriageReturn = line.endsWith("\r") ? "\r" : "";
  const match = prefix.exec(line.slice(0, line.length - carriageReturn.length));
  if (!match) return;
  const rewritten = rewriteValue(match[2]!.trim(), value, replacement);
  if (rewritten !== undefined) lines[index] = `${match[1]!.trimEnd()} ${rewritten}${carriageReturn}`;
}

/**
 * The file with every safe fix applied; the same text when there is nothing to fix or the
 * file cannot be read as a release. The front matter's text fields (title, lead, image_alt,
 * county, organization, each tag) get the text's typography fixes; a value that is fixed is
 * rewritten double-quoted on its line (YAML), a list written `tags: [a, b]` as one again. With
 * the archive's `lexicon`, the compounds it knows get their half-space in the body and the prose
 * fields (src/persian/half-space-repair.ts).
 */
export function fixSource(source: string, lexicon?: CompoundLexicon): string {
  return fixSourceWithRepairs(source, lexicon).text;
}

/** `fixSource`, and the compounds it gave their half-space. */
export function fixSourceWithRepairs(source: string, lexicon?: CompoundLexicon): { text: string; repairs: HalfSpaceRepair[] } {
  let parsed;
  try {
    parsed = parseFrontMatter(source);
  } catch {
    return { text: source, repairs: [] };
  }
  const text = source.replace(/^\uFEFF/, "");
  const bom = source.length === text.length ? "" : "\uFEFF";
  if (!text.endsWith(parsed.body)) return { text: source, repairs: [] };
  const head = text.slice(0, text.length - parsed.body.length);
  const lines = head.split("\n");
  const tagsLine = lineOfField(parsed.frontMatter, "tags");
  const tags = parsed.data.tags;
  const repairs: HalfSpaceRepair[] = [];
  for (const { field, line, value, item } of frontMatterTexts(parsed)) {
    const prose = item === undefined && (PROSE_FIELDS as readonly string[]).includes(field);
    const result = fixProse(value, prose ? lexicon : undefined);
    const fixed = result.text;
    if (fixed === value) continue;
    if (item === undefined) {
      const before = lines[line - 1];
      rewriteLine(lines, line - 1, new RegExp(`^(${field}:)(.*)$`), value, JSON.stringify(fixed));
      // A value left to the editor (a block, a value over several lines) was not repaired.
      if (lines[line - 1] !== before) repairs.push(...result.repairs);
    } else if (line !== tagsLine) {
      rewriteLine(lines, line - 1, /^(\s*-)(\s.*)$/, value, JSON.stringify(fixed));
    }
  }
  // A list on the `tags:` line (`tags: [a, b]`) is written again whole, every item fixed.
  if (Array.isArray(tags) && tags.every((tag) => typeof tag === "string")) {
    const fixedTags = (tags as string[]).map((tag) => fixTypography(tag));
    if (fixedTags.some((tag, index) => tag !== tags[index])) {
      rewriteLine(lines, tagsLine - 1, /^(tags:)(\s*\[.*)$/, tags, `[${fixedTags.map((tag) => JSON.stringify(tag)).join(", ")}]`);
    }
  }
  const body = fixProse(parsed.body, lexicon, protectedMarkdownRanges);
  repairs.push(...body.repairs);
  return { text: bom + lines.join("\n") + body.text, repairs };
}

export interface FixReport {
  /** Files whose typography was fixed. */
  changed: string[];
  /** Files that were not UTF-8, converted to it (every character kept: see src/content/text.ts). */
  converted: Array<{ file: string; from: Conversion["from"] }>;
  /** Files whose fix was refused, with the reason (should never happen: a safety net). */
  refused: Array<{ file: string; reason: Message }>;
  /** Release files moved to where their id and date put them (`releases/<year>/<id>.md`). */
  moved: Array<{ from: string; to: string }>;
  /** Release files not moved, since another file is where they belong. */
  notMoved: Array<{ from: string; to: string }>;
  /** Files of `changed` whose compounds got their half-space, with each compound as it was and as it is. */
  halfSpaces: Array<{ file: string; repairs: HalfSpaceRepair[] }>;
}

/**
 * Converts every release under `contentDir` that is not UTF-8 but Windows-1256 or UTF-16 to
 * UTF-8, and applies `fixSource` to every release with the archive's lexicon (learnt from every
 * release before any is fixed, so that the order of the files changes nothing), writing only
 * files that change (atomically: a file is never left half-written); then moves each valid release that is not at
 * `releases/<year>/<id>.md` there, never over an existing file. A file that is not UTF-8 and
 * cannot be converted without loss is left as it is; `npm run check` reports it.
 */
export async function fixArchive(contentDir: string, now: DateTime): Promise<FixReport> {
  const report: FixReport = { changed: [], converted: [], refused: [], moved: [], notMoved: [], halfSpaces: [] };
  const files = await findReleaseFiles(contentDir);
  const lexicon = await archiveLexicon(files);
  for (const file of files) {
    const bytes = await readFile(file);
    const decoded = decodeReleaseText(bytes);
    const conversion = decoded.text === undefined ? convertToUtf8(bytes) : undefined;
    const source = decoded.text ?? conversion?.text;
    if (source === undefined) continue;
    let { text: fixed, repairs } = fixSourceWithRepairs(source, lexicon);
    const reason = fixed === source ? undefined : unsafeFix(file, source, fixed, now);
    if (reason) {
      report.refused.push({ file, reason });
      fixed = source;
      repairs = [];
    }
    if (fixed !== source || conversion) {
      await writeFileAtomic(file, fixed);
      if (conversion) report.converted.push({ file, from: conversion.from });
      if (fixed !== source) report.changed.push(file);
      if (repairs.length > 0) report.halfSpaces.push({ file, repairs });
    }
    const release = readReleaseFile(file, fixed, now).release;
    if (!release) continue;
    const to = expectedLocation(contentDir, release);
    if (to === inputPathKey(file)) continue;
    if (await moveWithoutOverwriting(file, to)) report.moved.push({ from: file, to });
    else report.notMoved.push({ from: file, to });
  }
  return report;
}

/** Why a fix must not be written, or undefined when it is safe: same words, same validity. */
export function unsafeFix(file: string, source: string, fixed: string, now: DateTime): Message | undefined {
  const before = readReleaseFile(file, source, now);
  const after = readReleaseFile(file, fixed, now);
  if (after.problems.length > before.problems.length) return UNSAFE_FIX.invalid;
  if (!before.parsed || !after.parsed) return UNSAFE_FIX.unreadable;
  const fingerprint = (parsed: NonNullable<ReleaseFileResult["parsed"]>) =>
    textFingerprint(JSON.stringify({ ...parsed.data, date: String(parsed.data.date) }) + parsed.body);
  if (fingerprint(before.parsed) !== fingerprint(after.parsed)) return UNSAFE_FIX.words;
  return undefined;
}
