/**
 * Writing release files, for `npm run new` and `npm run import`: every front-matter field
 * in the schema's order, the empty optional ones commented out (so an editor sees what can
 * be filled in), and ids and paths chosen from the archive on disk.
 */
import { constants } from "node:fs";
import { copyFile, link, mkdir, readFile, unlink } from "node:fs/promises";
import path from "node:path";
import type { DateTime } from "luxon";
import { findReleaseFiles } from "../content/load.js";
import { jalaliParts } from "../persian/dates.js";
import { parseFrontMatter } from "../content/front-matter.js";
import { toLatinDigits } from "../persian/letters.js";
import { compoundsTaught } from "../persian/lexicon.js";
import { PROSE_FIELDS, RELEASE_FIELDS, type ReleaseField, type ReleaseFrontMatterInput } from "../content/schema.js";
import { RELEASE_TYPES } from "../content/release-types.js";
import { FIELD_HINTS } from "../messages/fields.js";

/** A new file's fields: the schema's, as an editor writes them. */
export type ReleaseFields = Omit<ReleaseFrontMatterInput, "date"> & {
  /** As it will be written: `1403/02/23 10:30`, or any form the schema accepts. */
  date: string;
};

/** What each field is for, in Persian, shown beside a field that is commented out (src/messages/fields.ts; the type's from the table of types). */
const HINTS: Partial<Record<ReleaseField, string>> = {
  ...FIELD_HINTS,
  type: `نوع خبر: ${RELEASE_TYPES.map((type) => type.fa).join("، ")} (بی این خط، خبر)`,
};

const PLACEHOLDERS: Partial<Record<ReleaseField, string>> = {
  lead: '""',
  county: '""',
  organization: '""',
  source: "https://ostan-th.ir/News/…/",
  image: "/images/…",
  image_alt: '""',
  draft: "true",
  lang: "en",
  type: "اطلاعیه",
  updated: "1403/02/24 09:00",
  correction: '""',
  translation: "133120",
};

/** Fields written as prose: always quoted, since a colon or a leading quote mark is common in them. */
const PROSE = new Set<string>(PROSE_FIELDS);

/**
 * A YAML value on one line. Prose is double-quoted (a JSON string is a valid YAML one); a
 * name or address is written plain when YAML reads it back as the same text.
 */
export function yamlValue(value: string | number | boolean, field = ""): string {
  if (typeof value !== "string") return String(value);
  const plain =
    !PROSE.has(field) &&
    /^[^\s\-?:,[\]{}#&*!|>'"%@`][^\n]*$/.test(value) &&
    !/:\s|\s#|:$|\s$|[\u0000-\u001f]/.test(value) &&
    !/^(?:true|false|null|~|yes|no|on|off|[-+.\d].*)$/i.test(value);
  return plain ? value : JSON.stringify(value);
}

/** An empty optional field as a new file has it: commented out, with what it is for. */
export function commentedOutField(name: ReleaseField): string {
  return `# ${name}: ${PLACEHOLDERS[name] ?? '""'}   # ${HINTS[name] ?? ""}`;
}

/**
 * The front matter and body of a new release file. `comments` go at the top of the front
 * matter (e.g. why the date is a guess).
 */
export function renderReleaseFile(fields: ReleaseFields, body: string, comments: readonly string[] = []): string {
  const lines = ["---", ...comments.map((comment) => `# ${comment}`)];
  for (const name of RELEASE_FIELDS) {
    const value = fields[name];
    if (name === "date") {
      lines.push(`date: ${fields.date}`);
    } else if (name === "tags") {
      if (value && (value as string[]).length > 0) lines.push("tags:", ...(value as string[]).map((tag) => `  - ${yamlValue(tag, "tags")}`));
      else lines.push(`# tags:   # ${HINTS.tags}`, '#   - ""');
    } else if (value === undefined || value === "" || value === false) {
      lines.push(commentedOutField(name));
    } else {
      lines.push(`${name}: ${yamlValue(value as string | number | boolean, name)}`);
    }
  }
  lines.push("---", "");
  const text = body.trim();
  return `${lines.join("\n")}\n${text === "" ? "" : `${text}\n`}`;
}

/**
 * Moves `from` to `to` unless a file is there: a hard link is made first (it fails, atomically,
 * when `to` exists; a rename would replace it), then the old name removed. Where hard links are
 * not possible, an exclusive copy does the same. False when `to` exists.
 */
export async function moveWithoutOverwriting(from: string, to: string): Promise<boolean> {
  await mkdir(path.dirname(to), { recursive: true });
  try {
    await link(from, to);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EEXIST") return false;
    try {
      await copyFile(from, to, constants.COPYFILE_EXCL);
    } catch (copyError) {
      if ((copyError as NodeJS.ErrnoException).code === "EEXIST") return false;
      throw copyError;
    }
  }
  await unlink(from);
  return true;
}

/** Where a release is stored by convention: `<content>/releases/<Jalali year>/<id>.md`. */
export function releaseFilePath(contentDir: string, date: DateTime, id: number): string {
  return path.join(contentDir, "releases", String(jalaliParts(date).year), `${id}.md`);
}

export interface StoredRelease {
  file: string;
  id?: number;
  title?: string;
  source?: string;
  /** The compounds its text teaches (src/persian/lexicon.ts): the importer repairs half-spaces with the archive's. */
  compounds?: string[];
}

/**
 * The ids, titles, sources and compounds of the releases on disk. A file whose front matter is broken
 * still counts with the id its `id:` line or its name gives, so a new id never collides.
 */
export async function scanReleases(contentDir: string): Promise<StoredRelease[]> {
  const stored: StoredRelease[] = [];
  for (const file of await findReleaseFiles(contentDir)) {
    const text = await readFile(file, "utf8");
    let data: Record<string, unknown> = {};
    try {
      data = parseFrontMatter(text).data;
    } catch {
      // Broken front matter: the id line and the file name below are all there is.
    }
    // An id in Persian digits (`id: ۱۵۰۰۰۲`) is text to YAML, and a number to the build.
    const written = typeof data.id === "number" ? data.id : Number(toLatinDigits(/^id:\s*([0-9۰-۹٠-٩]+)\s*$/m.exec(text)?.[1] ?? "NaN"));
    const fromName = Number(/^(\d+)\.md$/.exec(path.basename(file))?.[1] ?? Number.NaN);
    const id = Number.isInteger(written) ? written : Number.isInteger(fromName) ? fromName : undefined;
    stored.push({
      file,
      id,
      title: typeof data.title === "string" ? data.title : undefined,
      source: typeof data.source === "string" ? data.source : undefined,
      compounds: compoundsTaught(text),
    });
    // A file named after another id reserves that id too.
    if (Number.isInteger(fromName) && fromName !== id) stored.push({ file, id: fromName });
  }
  return stored;
}

/** The next free id: one above the highest in use. */
export function nextFreeId(stored: readonly StoredRelease[]): number {
  let highest = 0;
  for (const release of stored) if (release.id !== undefined && release.id > highest) highest = release.id;
  return highest + 1;
}

/**
 * Sets one-line front-matter fields of an existing release file, keeping every other line
 * (comments and fields the editor wrote) as it is. A field that is commented out is
 * uncommented; a missing one is added before the closing `---`. `undefined` leaves a field alone.
 */
export function setFrontMatterFields(source: string, values: Record<string, string | number | boolean | undefined>): string {
  const newline = source.includes("\r\n") ? "\r\n" : "\n";
  const lines = source.split(/\r?\n/);
  const close = lines.indexOf("---", 1);
  if (lines[0]?.replace(/^\uFEFF/, "") !== "---" || close === -1) throw new Error("the file has no front matter");
  let end = close;
  for (const [field, value] of Object.entries(values)) {
    if (value === undefined) continue;
    const line = `${field}: ${yamlValue(value, field)}`;
    const at = lines.findIndex((text, index) => index > 0 && index < end && text.startsWith(`${field}:`));
    if (at !== -1) {
      // A block value continues on indented lines: they belong to the old value.
      let next = at + 1;
      while (next < end && /^\s+\S/.test(lines[next]!) && !/^\s*#/.test(lines[next]!)) next++;
      lines.splice(at, next - at, line);
      end -= next - at - 1;
      continue;
    }
    const commented = lines.findIndex((text, index) => index > 0 && index < end && new RegExp(`^#\\s*${field}:`).test(text));
    if (commented !== -1) {
      lines[commented] = line;
      continue;
    }
    lines.splice(end, 0, line);
    end++;
  }
  return lines.join(newline);
}
