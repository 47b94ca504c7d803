/**
 * Loads and validates the whole archive once per build: every Markdown file under the
 * content folder is a release. Problems are collected across all files (an editor fixes
 * them in one go) and reported with file, line and field.
 */
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import type { DateTime } from "luxon";
import { FrontMatterSyntaxError, lineOfField, parseFrontMatter } from "./frontmatter.js";
import { validateFrontMatter, type Language } from "./schema.js";
import { closestCounty, findCounty, type County } from "./counties.js";

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
  lang: Language;
  /** Path relative to the working directory, with forward slashes: `content/releases/1402/149840.md`. */
  inputPath: string;
  url: string;
}

export interface Archive {
  /** Releases that are published in this build, newest first (ties: higher id first). */
  releases: Release[];
  /** Every valid release, drafts included, by its input path. */
  byInputPath: Map<string, Release>;
}

export interface ContentProblem {
  file: string;
  line: number;
  field: string;
  message: string;
}

export class ContentError extends Error {
  /** Tells Eleventy's error handler not to print a stack trace: the message says it all. */
  readonly skipOriginalStack = true;

  constructor(readonly problems: ContentProblem[]) {
    super(formatProblems(problems));
    this.name = "ContentError";
  }
}

export function formatProblems(problems: ContentProblem[]): string {
  const lines = problems.map((problem) => `  ${problem.file}:${problem.line}  [${problem.field}] ${problem.message}`);
  const count = problems.length === 1 ? "1 problem" : `${problems.length} problems`;
  return `The archive has ${count}; nothing was published. Fix the lines below and build again:\n${lines.join("\n")}`;
}

/** Persian releases at /news/<id>/; English ones in the English section, at /en/news/<id>/. */
export function releaseUrl(id: number, lang: Language = "fa"): string {
  return lang === "en" ? `/en/news/${id}/` : `/news/${id}/`;
}

/** Normalizes an input path the way Eleventy's `page.inputPath` is written, without `./`. */
export function inputPathKey(inputPath: string): string {
  return path.relative(process.cwd(), path.resolve(inputPath)).split(path.sep).join("/");
}

export async function findReleaseFiles(contentDir: string): Promise<string[]> {
  const entries = await readdir(contentDir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith(".md"))
    .map((entry) => path.join(entry.parentPath, entry.name))
    // Hidden folders and node_modules are skipped inside the content folder only: a content
    // folder outside the working directory is reached through `..`, which is not hidden.
    .filter((file) => !path.relative(contentDir, file).split(path.sep).some((part) => part.startsWith(".") || part === "node_modules"))
    .map(inputPathKey)
    .sort();
}

export interface LoadOptions {
  /** Show drafts (the dev server does; production builds do not). */
  includeDrafts: boolean;
}

export async function loadArchive(contentDir: string, options: LoadOptions): Promise<Archive> {
  const files = await findReleaseFiles(contentDir);
  const problems: ContentProblem[] = [];
  const byInputPath = new Map<string, Release>();
  const filesById = new Map<number, Array<{ file: string; line: number }>>();

  for (const file of files) {
    const source = await readFile(file, "utf8");
    let parsed;
    try {
      parsed = parseFrontMatter(source);
    } catch (error) {
      if (!(error instanceof FrontMatterSyntaxError)) throw error;
      problems.push({ file, line: error.line, field: "front matter", message: error.message });
      continue;
    }
    const result = validateFrontMatter(parsed.data);
    if (!result.ok) {
      for (const problem of result.problems) {
        problems.push({ file, line: lineOfField(parsed.frontMatter, problem.field), ...problem });
      }
      continue;
    }
    const data = result.value;
    const county = data.county === undefined ? undefined : findCounty(data.county);
    if (data.county !== undefined && !county) {
      problems.push({
        file,
        line: lineOfField(parsed.frontMatter, "county"),
        field: "county",
        message: `"${data.county}" is not a county of the province: did you mean "${closestCounty(data.county).name}"? The counties are listed in src/data/counties.json`,
      });
      continue;
    }
    const owners = filesById.get(data.id) ?? [];
    owners.push({ file, line: lineOfField(parsed.frontMatter, "id") });
    filesById.set(data.id, owners);
    byInputPath.set(file, {
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
      inputPath: file,
      url: releaseUrl(data.id, data.lang),
    });
  }

  const freeId = nextId(filesById.keys());
  for (const [id, [first, ...others]] of filesById) {
    for (const other of others) {
      problems.push({
        ...other,
        field: "id",
        message: `id ${id} is already used by ${first!.file}:${first!.line}; every release needs its own id (the next free one is ${freeId})`,
      });
    }
  }
  if (problems.length > 0) {
    problems.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
    throw new ContentError(problems);
  }

  const releases = [...byInputPath.values()].filter((release) => options.includeDrafts || !release.draft).sort(newestFirst);
  return { releases, byInputPath };
}

export function nextId(ids: Iterable<number>): number {
  let highest = 0;
  for (const id of ids) if (id > highest) highest = id;
  return highest + 1;
}

export function newestFirst(a: Release, b: Release): number {
  return b.date.toMillis() - a.date.toMillis() || b.id - a.id;
}
