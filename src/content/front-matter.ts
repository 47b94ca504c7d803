/**
 * Front-matter reading, shared by the build (Eleventy) and the content loader so that
 * both see exactly the same values. YAML's core schema keeps dates as the text the
 * editor wrote: js-yaml's default schema would turn `2024-05-12` into UTC midnight and
 * a Jalali date into a string, and the difference would be invisible until a page shows
 * the wrong day.
 */
import yaml from "js-yaml";
import matter from "gray-matter";

export function parseYaml(text: string): Record<string, unknown> {
  const data = yaml.load(text, { schema: yaml.CORE_SCHEMA });
  if (data === null || data === undefined) return {};
  if (typeof data !== "object" || Array.isArray(data)) {
    throw new yaml.YAMLException("the front matter must be a list of `field: value` lines");
  }
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
    message: string,
    /** 1-based line in the file. */
    readonly line: number,
  ) {
    super(message);
  }
}

export function parseFrontMatter(fileText: string): ParsedFile {
  // Windows editors (Notepad) may save UTF-8 with a byte-order mark before the `---`.
  const source = fileText.replace(/^\uFEFF/, "");
  if (!/^---\r?\n/.test(source)) {
    throw new FrontMatterSyntaxError("the file must start with a front-matter block: a line `---`, the fields, and `---` again", 1);
  }
  // gray-matter ends the block at the next line starting with `---`; without one it reads the
  // whole file as YAML, whose error (or, for a file without text, silence) says nothing useful.
  if (!source.slice(3).includes("\n---")) {
    throw new FrontMatterSyntaxError("the front matter is not closed: add a line with --- after the last field", lineAfterLastField(source));
  }
  try {
    // With options given, gray-matter does not keep its by-content cache (which would hold the whole archive).
    const parsed = matter(source, { engines: { yaml: parseYaml }, excerpt: false });
    return { data: parsed.data, body: parsed.content, frontMatter: parsed.matter };
  } catch (error) {
    if (error instanceof FrontMatterSyntaxError) throw error;
    if (error instanceof yaml.YAMLException) {
      // gray-matter's `matter` starts with the newline that ends the opening `---`, so
      // mark.line (from 0) 0 is the `---` line itself: file line = mark.line + 1.
      // Without a mark (a scalar or list front matter), point at the first field line, 2.
      throw new FrontMatterSyntaxError(`the front matter is not valid YAML: ${error.reason}`, (error.mark?.line ?? 1) + 1);
    }
    throw error;
  }
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
