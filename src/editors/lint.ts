/**
 * `npm run check`: lints every release without building. The text, schema, county and
 * duplicate-id checks are the build's own (src/content/load.ts), and so are the checks of what
 * the content folder holds and of the files releases use (src/content/content-files.ts: code,
 * links, hidden files, paths that leave content/images/; src/render/images.ts: pictures,
 * drawings, attachments); this module adds what a build does not see: Persian typography (rules
 * in src/persian/text.ts), internal links to releases that do not exist, files of
 * content/images/ no release uses (not published), and what the build takes out of a drawing.
 * Typography problems, implausible dates (src/content/plausible-dates.ts), unused files and
 * cleaned drawings are warnings (they never stop a build); everything else is an error, as it
 * would break the site or stop the build.
 *
 * `--fix` applies the safe fixes in place. A file saved as Windows-1256 or UTF-16 is converted
 * to UTF-8, only when the text gives back the file's bytes exactly (src/content/text.ts). A
 * typography fix changes spacing, half-spaces and letter forms only; every fixed file is
 * compared word for word with the original (`textFingerprint`) and reread with the build's
 * loader before it is written. Control characters are not removed: they may stand where text
 * was lost, which the editor must see.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { DateTime } from "luxon";
import { duplicateIdProblems, findReleaseFiles, readReleaseFile, type ReleaseFileResult } from "../content/load.js";
import { inputPathKey, nextId, type ContentProblem } from "../content/release.js";
import { isContentAddress, resolveContentAddress, scanContentFolder, type ContentFileKind } from "../content/content-files.js";
import { lineOfField, parseFrontMatter, type ParsedFile } from "../content/front-matter.js";
import { PROSE_FIELDS } from "../content/schema.js";
import { convertToUtf8, decodeReleaseText, ENCODING_FIELD, type Conversion } from "../content/text.js";
import { dateWarnings } from "../content/plausible-dates.js";
import { firstArchiveYear } from "../content/site.js";
import { writeFileAtomic } from "../output/atomic-write.js";
import { createMarkdown } from "../render/markdown.js";
import { inspectContentFile, type ContentFileInspection } from "../render/images.js";
import { fixTypography, textFingerprint, typographyIssues, type TypographyIssue } from "../persian/typography.js";

export type Severity = "error" | "warning";

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

const FIX_HINT = "(npm run check -- --fix corrects it)";
const INTERNAL_RELEASE_LINK = /^\/news\/(\d+)\/?(?:[?#].*)?$/;

const markdown = createMarkdown();
type Token = ReturnType<typeof markdown.parse>[number];

/** What the cross-file checks need of a file; kept small, since the archive may have 150,000 files. */
interface FileFacts {
  file: string;
  /** Published in a production build (not a draft, not embargoed), or unknown when invalid. */
  unpublished?: "a draft" | { embargoedUntil: string };
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
  const problems: LintProblem[] = scan.problems.map((problem) => ({ ...problem, severity: "error", fixable: false }));
  const facts: FileFacts[] = [];
  const factsById = new Map<number, FileFacts>();
  const filesById = new Map<number, Array<{ file: string; line: number }>>();

  for await (const [file, source] of readAll(files)) {
    const result = readReleaseFile(file, source, now);
    // A file from Persian Windows (or saved as UTF-16) is converted by --fix.
    const fixable = (problem: ContentProblem) => problem.field === ENCODING_FIELD && convertToUtf8(source) !== undefined;
    problems.push(...result.problems.map((problem) => ({ ...problem, severity: "error" as const, fixable: fixable(problem) })));
    if (!result.parsed || result.text === undefined) continue;
    const tokens = markdown.parse(result.parsed.body, {});
    const bodyStart = bodyStartLine(result.text, result.parsed.body);
    problems.push(...typographyProblems(file, result.parsed, bodyStart, tokens));
    const release = result.release;
    const dateWarning = release && warningOf(release.date);
    if (dateWarning) problems.push({ file, line: lineOfField(result.parsed.frontMatter, "date"), field: "date", severity: "warning", fixable: false, message: dateWarning });
    const fact: FileFacts = {
      file,
      valid: release !== undefined,
      unpublished: release?.draft ? "a draft" : release?.embargoed ? { embargoedUntil: release.date.toFormat("yyyy-MM-dd HH:mm") } : undefined,
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

  problems.push(...duplicateIdProblems(filesById).map((problem) => ({ ...problem, severity: "error" as const, fixable: false })));

  const freeId = nextId(filesById.keys());
  const contentFiles = new ContentFileChecks(contentDir);
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

/** The files' bytes in order, read a few at a time: reading one by one leaves the CPU idle. */
async function* readAll(files: readonly string[]): AsyncGenerator<[string, Uint8Array]> {
  const batch = 32;
  for (let start = 0; start < files.length; start += batch) {
    const names = files.slice(start, start + batch);
    const texts = await Promise.all(names.map((file) => readFile(file)));
    for (let index = 0; index < names.length; index++) yield [names[index]!, texts[index]!];
  }
}

function referenceProblem(
  fact: FileFacts,
  reference: Reference,
  factsById: ReadonlyMap<number, FileFacts>,
  freeId: number,
): { severity: Severity; message: string } | undefined {
  const release = INTERNAL_RELEASE_LINK.exec(reference.target);
  if (release) {
    const id = Number(release[1]);
    const target = factsById.get(id);
    if (!target) {
      return { severity: "error", message: `the link ${reference.target} goes to release ${id}, which does not exist: check the news code (the highest is ${freeId - 1})` };
    }
    // A published release that links to an unpublished one has a broken link until that one appears.
    if (target.unpublished && fact.valid && !fact.unpublished) {
      const why = target.unpublished === "a draft" ? "a draft" : `embargoed until ${target.unpublished.embargoedUntil}`;
      return { severity: "warning", message: `the link ${reference.target} goes to release ${id}, which is ${why}: the link is broken until it is published` };
    }
    return undefined;
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

  constructor(private readonly contentDir: string) {}

  /** What the build would refuse in the file a picture or a link to /images/… names. */
  problem(reference: Reference): { severity: Severity; message: string } | undefined {
    if (!reference.address.startsWith("/") || reference.address.startsWith("//")) return undefined;
    if (reference.kind === "link" && !isContentAddress(reference.address)) return undefined;
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
      const what = kind === "picture" ? "picture" : "file";
      const how = kind === "picture" ? `![description](${address})` : `[title](${address})`;
      warnings.push({ file: place(address), line: 0, field: "file", severity: "warning", fixable: false, message: `no release uses this ${what}, so it is not published: show or link it in a release (${how}), or remove it` });
    }
    for (const [address, inspection] of this.inspected) {
      if (!inspection.removed?.length) continue;
      warnings.push({
        file: place(address),
        line: 0,
        field: "file",
        severity: "warning",
        fixable: false,
        message: `the build publishes this drawing without ${inspection.removed.join(", ")} (a drawing may not run scripts or load anything from elsewhere): save it again without them, or as PNG`,
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

/** The file line (1-based) of the body's first line. */
function bodyStartLine(source: string, body: string): number {
  const text = source.replace(/^\uFEFF/, "");
  const prefix = text.endsWith(body) ? text.slice(0, text.length - body.length) : text;
  return prefix.split("\n").length;
}

const PROTECTED_PATTERNS = [
  /(`+)[^`]*?\1/g,
  /\]\([^)\s]*(?:\s+"[^"]*")?\)/g,
  /<[^>\s]+>/g,
  /^[ \t]{0,3}\[[^\]]+\]:.*$/gm,
  /^(?:[ \t]*>)*[ \t]*\d{1,9}[.)](?=\s|$)/gm,
];

/**
 * Offsets of the body that typography rules must not touch: code, link targets, autolinks,
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

function describeIssue(issue: TypographyIssue, text: string): string {
  switch (issue.rule) {
    case "arabic-letter":
      return `Arabic letters in «${issue.found}»: write «${issue.replacement}» with the Persian ی and ک ${FIX_HINT}`;
    case "half-space": {
      const [before, after] = issue.replacement.split("\u200C");
      return `«${issue.found}» needs a half-space (نیم‌فاصله) between «${before}» and «${after}», not a space or nothing ${FIX_HINT}`;
    }
    case "space-before-punctuation": {
      const word = /(\S+)$/.exec(text.slice(0, issue.index))?.[1] ?? "";
      return `a space before «${issue.replacement}» after «${word}»: remove the space ${FIX_HINT}`;
    }
    case "mixed-digits":
      return `Latin digits «${issue.found}» in a line written with Persian digits: write «${issue.replacement}» ${FIX_HINT}`;
  }
}

/** Typography warnings of one file: the prose fields of the front matter and the body. */
export function typographyProblems(file: string, parsed: ParsedFile, bodyStart: number, tokens: Token[]): LintProblem[] {
  const problems: LintProblem[] = [];
  for (const field of PROSE_FIELDS) {
    const value = parsed.data[field];
    if (typeof value !== "string") continue;
    const line = lineOfField(parsed.frontMatter, field);
    for (const issue of typographyIssues(value)) {
      problems.push({ file, line, field, severity: "warning", fixable: true, message: describeIssue(issue, value) });
    }
  }
  const body = parsed.body;
  const issues = typographyIssues(body, protectedMarkdownRanges(body, tokens));
  if (issues.length === 0) return problems;
  const lineStarts = [0];
  for (let index = 0; index < body.length; index++) if (body[index] === "\n") lineStarts.push(index + 1);
  const lineOf = (offset: number) => {
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (lineStarts[middle]! <= offset) low = middle;
      else high = middle - 1;
    }
    return bodyStart + low;
  };
  for (const issue of issues) {
    problems.push({ file, line: lineOf(issue.index), field: "text", severity: "warning", fixable: true, message: describeIssue(issue, body) });
  }
  return problems;
}

/**
 * The file with every safe fix applied; the same text when there is nothing to fix or the
 * file cannot be read as a release. A front-matter value that is fixed is rewritten as one
 * double-quoted line (YAML), since a plain value could change meaning once a space goes.
 */
export function fixSource(source: string): string {
  let parsed;
  try {
    parsed = parseFrontMatter(source);
  } catch {
    return source;
  }
  const text = source.replace(/^\uFEFF/, "");
  const bom = source.length === text.length ? "" : "\uFEFF";
  if (!text.endsWith(parsed.body)) return source;
  const head = text.slice(0, text.length - parsed.body.length);
  const lines = head.split("\n");
  for (const field of PROSE_FIELDS) {
    const value = parsed.data[field];
    if (typeof value !== "string") continue;
    const fixed = fixTypography(value);
    if (fixed === value) continue;
    const index = lineOfField(parsed.frontMatter, field) - 1;
    const line = lines[index] ?? "";
    const carriageReturn = line.endsWith("\r") ? "\r" : "";
    const written = line.slice(field.length + 1).trim();
    // Only a one-line value is rewritten; a block value (`|`, `>`, or on the next lines) is left to the editor.
    if (!line.startsWith(`${field}:`) || written === "" || /^[|>]/.test(written)) continue;
    lines[index] = `${field}: ${JSON.stringify(fixed)}${carriageReturn}`;
  }
  const body = fixTypography(parsed.body, protectedMarkdownRanges);
  return bom + lines.join("\n") + body;
}

export interface FixReport {
  /** Files whose typography was fixed. */
  changed: string[];
  /** Files that were not UTF-8, converted to it (every character kept: see src/content/text.ts). */
  converted: Array<{ file: string; from: Conversion["from"] }>;
  /** Files whose fix was refused, with the reason (should never happen: a safety net). */
  refused: Array<{ file: string; reason: string }>;
}

/**
 * Converts every release under `contentDir` that is not UTF-8 but Windows-1256 or UTF-16 to
 * UTF-8, and applies `fixSource` to every release, writing only files that change (atomically:
 * a file is never left half-written). A file that is not UTF-8 and cannot be converted without
 * loss is left as it is; `npm run check` reports it.
 */
export async function fixArchive(contentDir: string, now: DateTime): Promise<FixReport> {
  const report: FixReport = { changed: [], converted: [], refused: [] };
  for (const file of await findReleaseFiles(contentDir)) {
    const bytes = await readFile(file);
    const decoded = decodeReleaseText(bytes);
    const conversion = decoded.text === undefined ? convertToUtf8(bytes) : undefined;
    const source = decoded.text ?? conversion?.text;
    if (source === undefined) continue;
    let fixed = fixSource(source);
    const reason = fixed === source ? undefined : unsafeFix(file, source, fixed, now);
    if (reason) {
      report.refused.push({ file, reason });
      fixed = source;
    }
    if (fixed === source && !conversion) continue;
    await writeFileAtomic(file, fixed);
    if (conversion) report.converted.push({ file, from: conversion.from });
    if (fixed !== source) report.changed.push(file);
  }
  return report;
}

/** Why a fix must not be written, or undefined when it is safe: same words, same validity. */
export function unsafeFix(file: string, source: string, fixed: string, now: DateTime): string | undefined {
  const before = readReleaseFile(file, source, now);
  const after = readReleaseFile(file, fixed, now);
  if (after.problems.length > before.problems.length) return "the fixed file would not be valid";
  if (!before.parsed || !after.parsed) return "the file cannot be read";
  const fingerprint = (parsed: NonNullable<ReleaseFileResult["parsed"]>) =>
    textFingerprint(JSON.stringify({ ...parsed.data, date: String(parsed.data.date) }) + parsed.body);
  if (fingerprint(before.parsed) !== fingerprint(after.parsed)) return "the fix would change words";
  return undefined;
}
