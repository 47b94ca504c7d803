/**
 * Front-matter reading, shared by the build (Eleventy) and the content loader so that
 * both see exactly the same values. YAML's core schema keeps dates as the text the
 * editor wrote: js-yaml's default schema would turn `2024-05-12` into UTC midnight and
 * a Jalali date into a string, and the difference would be invisible until a page shows
 * the wrong day.
 */
import yaml from "js-yaml";
import matter from "gray-matter";
import type { Message } from "../messages/messages.js";
import { FRONT_MATTER_NOT_CLOSED, NO_FRONT_MATTER, NOT_FIELD_LINES, yamlProblem, type YamlMistake } from "../messages/content.js";

/** A front matter that is YAML but not a list of fields (a lone value, a list). */
class NotFieldLinesError extends Error {}

export function parseYaml(text: string): Record<string, unknown> {
  const data = yaml.load(text, { schema: yaml.CORE_SCHEMA });
  if (data === null || data === undefined) return {};
  if (typeof data !== "object" || Array.isArray(data)) throw new NotFieldLinesError("the front matter must be a list of `field: value` lines");
  return data as Record<string, unknown>;
}

export interface ParsedFile {
  data: Record<string, unknown>;
  body: string;
  /** The front-matter text, to find the line a field stands on. */
  frontMatter: string;
}

export class FrontMatterSyntaxError extends Error {
  constructor(
    /** What is wrong and what to do, in both languages. */
    readonly problem: Message,
    /** 1-based line in the file. */
    readonly line: number,
  ) {
    super(problem.en);
  }
}

export function parseFrontMatter(fileText: string): ParsedFile {
  // Windows editors (Notepad) may save UTF-8 with a byte-order mark before the `---`.
  const source = fileText.replace(/^\uFEFF/, "");
  if (!/^---\r?\n/.test(source)) {
    throw new FrontMatterSyntaxError(NO_FRONT_MATTER, 1);
  }
  // gray-matter ends the block at the next line starting with `---`; without one it reads the
  // whole file as YAML, whose error (or, for a file without text, silence) says nothing useful.
  if (!source.slice(3).includes("\n---")) {
    throw new FrontMatterSyntaxError(FRONT_MATTER_NOT_CLOSED, lineAfterLastField(source));
  }
  try {
    // With options given, gray-matter does not keep its by-content cache (which would hold the whole archive).
    const parsed = matter(source, { engines: { yaml: parseYaml }, excerpt: false });
    return { data: parsed.data, body: parsed.content, frontMatter: parsed.matter };
  } catch (error) {
    if (error instanceof FrontMatterSyntaxError) throw error;
    // A lone value or a list: the first field line, 2.
    if (error instanceof NotFieldLinesError) throw new FrontMatterSyntaxError(NOT_FIELD_LINES, 2);
    if (error instanceof yaml.YAMLException) {
      // gray-matter's `matter` starts with the newline that ends the opening `---`, so
      // mark.line (from 0) 0 is the `---` line itself: file line = mark.line + 1.
      // Without a mark, point at the first field line, 2.
      const explained = explainYamlError(error.reason, source.split("\n"), (error.mark?.line ?? 1) + 1);
      throw new FrontMatterSyntaxError(yamlProblem(explained.mistake), explained.line);
    }
    throw error;
  }
}

/** A top-level field's line: its name, and the value after its colon. */
const FIELD_LINE = /^([A-Za-z_][\w-]*)[ \t]*:(.*)$/;
/** Characters YAML reserves at the start of a plain value. */
const RESERVED_START = /^[@`%&*!|>]/;

/** The top-level field that line `index` (from 0) of `lines` belongs to: its own, or the nearest above. */
function fieldAt(lines: readonly string[], index: number): string {
  for (let at = Math.min(index, lines.length - 1); at >= 1; at--) {
    const field = FIELD_LINE.exec(lines[at]!.replace(/\r$/, ""))?.[1];
    if (field !== undefined) return field;
  }
  return "front matter";
}

/** `value` in the quotes YAML reads it in: double, or single when it holds a double quote. */
function quote(value: string): string {
  const shown = value.length > 60 ? `${value.slice(0, 60).trimEnd()} …` : value;
  if (!value.includes('"')) return `"${shown}"`;
  if (!value.includes("'")) return `'${shown}'`;
  return `"${shown.replace(/"/g, '\\"')}"`;
}

/** Where in `text` the quote `quoteMark` closes (`\"` and `''` are quotes inside the value), or -1. */
function closingQuote(text: string, quoteMark: string): number {
  // `''` is a quote inside a single-quoted value: hidden, keeping the positions.
  return quoteMark === '"' ? text.search(/(?<!\\)"/) : text.replace(/''/g, "\0\0").indexOf("'");
}

/**
 * The quote a field's value opens and leaves open on its line, when the value then runs away:
 * to the end of the front matter, or to a quote on a later line followed by more text (the next
 * field's opening quote: `date: "2024…"`). A value continued over lines inside its quotes is none.
 */
function runawayQuote(lines: readonly string[], index: number, end: number): string | undefined {
  const value = FIELD_LINE.exec(lines[index]!)?.[2]?.trim() ?? "";
  const quoteMark = value[0];
  if ((quoteMark !== '"' && quoteMark !== "'") || closingQuote(value.slice(1), quoteMark) !== -1) return undefined;
  for (let next = index + 1; next <= end; next++) {
    const line = lines[next]!;
    const at = closingQuote(line, quoteMark);
    if (at === -1) continue;
    const after = line.slice(at + 1).trim();
    return after === "" || after.startsWith("#") ? undefined : quoteMark;
  }
  return quoteMark;
}

/**
 * The mistake behind a YAML error, read from js-yaml's reason and the lines of the file, and the
 * 1-based line where the editor fixes it (a quote left open is reported on the line that opens it,
 * not where YAML noticed). `errorLine` is the 1-based line where YAML stopped. The cases are the
 * mistakes editors make: a colon in a value (`title: خبر: افتتاح`), a list indented unevenly, a
 * field indented, a tab, a field written twice, a quote left open or followed by more text, a
 * value starting with a reserved character, no space after the colon; anything else is YAML's reason.
 */
export function explainYamlError(reason: string, lines: readonly string[], errorLine: number): { line: number; mistake: YamlMistake } {
  const clean = lines.map((line) => line.replace(/\r$/, ""));
  const closing = clean.findIndex((line, index) => index > 0 && line.startsWith("---"));
  const last = Math.min(errorLine - 1, closing === -1 ? clean.length - 1 : closing - 1);
  // A quote opened on a field's line and left open: YAML reads on into the next lines.
  const end = closing === -1 ? clean.length - 1 : closing - 1;
  for (let index = 1; index <= last; index++) {
    const field = FIELD_LINE.exec(clean[index]!)?.[1];
    const quoteMark = field === undefined ? undefined : runawayQuote(clean, index, end);
    if (field !== undefined && quoteMark) return { line: index + 1, mistake: { kind: "unclosed quote", field, quote: quoteMark } };
  }
  const at = { line: errorLine };
  const text = clean[errorLine - 1] ?? "";
  const mistake = (found: YamlMistake) => ({ ...at, mistake: found });
  // `title:نشست` is one plain value to YAML, which stops at the next field: the line above is the mistake.
  if (/end of the stream or a document separator|multiline key/.test(reason)) {
    for (let index = last; index >= 1; index--) {
      const glued = /^([A-Za-z_][\w-]*):(\S.*)$/.exec(clean[index]!);
      if (glued && !/^\/\//.test(glued[2]!)) return { line: index + 1, mistake: { kind: "no space after colon", field: glued[1]!, fixed: `${glued[1]}: ${glued[2]!.trim()}` } };
    }
  }
  if (/tab characters/.test(reason)) return mistake({ kind: "tab" });
  if (/flow collection/.test(reason)) {
    // YAML reads an unclosed `[` or `{` on into the next lines: the field that opens it is the mistake.
    for (let index = last; index >= 1; index--) {
      const opened = FIELD_LINE.exec(clean[index]!);
      if (opened && /^\s*[[{]/.test(opened[2]!)) return { line: index + 1, mistake: { kind: "unclosed bracket", field: opened[1]! } };
    }
  }
  if (/duplicated mapping key/.test(reason)) return mistake({ kind: "field twice", field: FIELD_LINE.exec(text)?.[1] ?? fieldAt(clean, errorLine - 1) });
  if (/^\s*-(?:\s|$)/.test(text) || /^[A-Za-z_][\w-]*[ \t]*:[ \t]*-\s/.test(text)) return mistake({ kind: "list indentation", field: fieldAt(clean, errorLine - 1) });
  const indented = /^\s+([A-Za-z_][\w-]*)[ \t]*:/.exec(text);
  if (indented) return mistake({ kind: "indented field", field: indented[1]! });
  const fieldLine = FIELD_LINE.exec(text);
  if (fieldLine) {
    const [, field, rest] = fieldLine as unknown as [string, string, string];
    const value = rest.trim();
    if (/flow collection/.test(reason) || /^[[{]/.test(value)) return mistake({ kind: "unclosed bracket", field });
    if (rest !== "" && !/^\s/.test(rest)) return mistake({ kind: "no space after colon", field, fixed: `${field}: ${value}` });
    const quoteMark = value[0];
    if (quoteMark === '"' || quoteMark === "'") return mistake({ kind: "text after quote", field, quote: quoteMark });
    const reserved = RESERVED_START.exec(value)?.[0];
    if (reserved) return mistake({ kind: "reserved start", field, character: reserved, quoted: `${field}: ${quote(value)}` });
    if (/:(?:\s|$)/.test(value)) return mistake({ kind: "colon in value", field, quoted: `${field}: ${quote(value)}` });
  }
  return mistake({ kind: "other", reason });
}

/** The 1-based line after the last field of an unclosed front matter (its value's indented lines and list items included): where `---` belongs. */
function lineAfterLastField(source: string): number {
  const lines = source.split("\n");
  let last = 1;
  for (let index = 1; index < lines.length; index++) {
    const line = lines[index]!;
    if (/^[A-Za-z_][\w-]*\s*:/.test(line)) last = index + 1;
    else if (last === index && /^(?:\s+\S|-\s|#)/.test(line)) last = index + 1;
  }
  return last + 1;
}

/** The 1-based line of `field:` in a file, or the opening `---` when the field is absent. */
export function lineOfField(frontMatter: string, field: string): number {
  const lines = frontMatter.split(/\r?\n/);
  // gray-matter's `matter` starts with the newline after the opening `---`.
  const offset = lines[0] === "" ? 1 : 2;
  const index = lines.findIndex((line) => line.startsWith(`${field}:`));
  return index === -1 ? 1 : index + offset;
}

/**
 * The 1-based line of item `item` (from 0) of the list `field`: its `- ` line below `field:`, or
 * the `field:` line itself when the list is written on it (`tags: [a, b]`) or the item is not found.
 */
export function lineOfListItem(frontMatter: string, field: string, item: number): number {
  const lines = frontMatter.split(/\r?\n/);
  const offset = lines[0] === "" ? 1 : 2;
  const at = lines.findIndex((line) => line.startsWith(`${field}:`));
  if (at === -1) return 1;
  let seen = -1;
  for (let index = at + 1; index < lines.length; index++) {
    const line = lines[index]!;
    if (/^\s*-(?:\s|$)/.test(line)) {
      if (++seen === item) return index + offset;
    } else if (!/^\s/.test(line) && !/^#/.test(line) && line !== "") {
      break;
    }
  }
  return at + offset;
}
