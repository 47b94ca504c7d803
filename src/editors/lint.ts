/**
 * `npm run check`: lints every release without building. The schema, county and duplicate-id
 * checks are the build's own (src/content/load.ts); this module adds what a build does not see:
 * Persian typography (rules in src/persian/text.ts), internal links to releases that do not
 * exist, and pictures missing from content/images/. Typography problems are warnings (they
 * never stop a build); everything else is an error, as it would break the site.
 *
 * `--fix` applies the safe fixes, the typography ones, in place. A fix changes spacing,
 * half-spaces and letter forms only; every fixed file is compared word for word with the
 * original (`textFingerprint`) and reread with the build's loader before it is written.
 */
import { existsSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import type { DateTime } from "luxon";
import { duplicateIdProblems, findReleaseFiles, readReleaseFile, type ReleaseFileResult } from "../content/load.js";
import { nextId, type ContentProblem } from "../content/release.js";
import { lineOfField, parseFrontMatter, type ParsedFile } from "../content/front-matter.js";
import { PROSE_FIELDS } from "../content/schema.js";
import { createMarkdown } from "../render/markdown.js";
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
  target: string;
  line: number;
  field: string;
}

/** Lints every release under `contentDir`. `now` decides which releases are embargoed. */
export async function lintArchive(contentDir: string, now: DateTime): Promise<LintReport> {
  const files = await findReleaseFiles(contentDir);
  const problems: LintProblem[] = [];
  const facts: FileFacts[] = [];
  const factsById = new Map<number, FileFacts>();
  const filesById = new Map<number, Array<{ file: string; line: number }>>();

  for await (const [file, source] of readAll(files)) {
    const result = readReleaseFile(file, source, now);
    problems.push(...result.problems.map((problem) => ({ ...problem, severity: "error" as const, fixable: false })));
    if (!result.parsed) continue;
    const tokens = markdown.parse(result.parsed.body, {});
    const bodyStart = bodyStartLine(source, result.parsed.body);
    problems.push(...typographyProblems(file, result.parsed, bodyStart, tokens));
    const release = result.release;
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
  for (const fact of facts) {
    for (const reference of fact.references) {
      const problem = referenceProblem(fact, reference, factsById, contentDir, freeId);
      if (problem) problems.push({ file: fact.file, line: reference.line, field: reference.field, fixable: false, ...problem });
    }
  }

  problems.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
  return { files: files.length, problems };
}

/** The files' texts in order, read a few at a time: reading one by one leaves the CPU idle. */
async function* readAll(files: readonly string[]): AsyncGenerator<[string, string]> {
  const batch = 32;
  for (let start = 0; start < files.length; start += batch) {
    const names = files.slice(start, start + batch);
    const texts = await Promise.all(names.map((file) => readFile(file, "utf8")));
    for (let index = 0; index < names.length; index++) yield [names[index]!, texts[index]!];
  }
}

function referenceProblem(
  fact: FileFacts,
  reference: Reference,
  factsById: ReadonlyMap<number, FileFacts>,
  contentDir: string,
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
  if (reference.target.startsWith("/images/")) {
    const relative = safeDecode(reference.target.split(/[?#]/)[0]!);
    if (!existsSync(path.join(contentDir, ...relative.split("/")))) {
      const what = reference.kind === "image" ? "the picture" : "the file";
      return { severity: "error", message: `${what} ${relative} is missing: put it in ${path.join(contentDir, "images")}/ or correct the name` };
    }
    return undefined;
  }
  if (reference.kind === "image" && reference.target.startsWith("/")) {
    return { severity: "error", message: `the picture ${reference.target} is not under /images/: put it in ${path.join(contentDir, "images")}/ and write /images/<name>` };
  }
  return undefined;
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
    found.push({ kind: "image", target: image.trim(), line: lineOfField(parsed.frontMatter, "image"), field: "image" });
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
        found.push({ kind: token.type === "image" ? "image" : "link", target: decoded, line: bodyStart + line, field: "text" });
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
  /** Files that were rewritten. */
  changed: string[];
  /** Files whose fix was refused, with the reason (should never happen: a safety net). */
  refused: Array<{ file: string; reason: string }>;
}

/** Applies `fixSource` to every release under `contentDir`, writing only files that change. */
export async function fixArchive(contentDir: string, now: DateTime): Promise<FixReport> {
  const report: FixReport = { changed: [], refused: [] };
  for (const file of await findReleaseFiles(contentDir)) {
    const source = await readFile(file, "utf8");
    const fixed = fixSource(source);
    if (fixed === source) continue;
    const reason = unsafeFix(file, source, fixed, now);
    if (reason) {
      report.refused.push({ file, reason });
      continue;
    }
    await writeFile(file, fixed, "utf8");
    report.changed.push(file);
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
