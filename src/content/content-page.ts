/**
 * The pages of the site besides releases: each Markdown file directly in content/pages/ (about.md,
 * contact.md) is a page at its own address, `/<slug>/` (English: `/en/<slug>/`), with a small front
 * matter (src/content/page-schema.ts) and a Markdown body, rendered by src/pages/content-pages.ts.
 * A page with `menu:` is in the site's menu, in that order (`siteMenu`).
 *
 * Pages are read by the build's first step with the archive, and their problems (the file's
 * text, the front matter, an address that is a section of the site or another page's) are
 * ContentProblems like the releases', reported with them.
 */
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { slugify } from "../persian/slug.js";
import type { Message } from "../messages/messages.js";
import { fieldInvalid, pageAddressIsSection, pageAddressTaken, pageFieldText, pageNameNotAddress } from "../messages/site.js";
import { PAGES_FOLDER } from "./content-files.js";
import { FrontMatterSyntaxError, lineOfField, parseFrontMatter } from "./front-matter.js";
import { SLUG_PATTERN, validatePageFrontMatter } from "./page-schema.js";
import { inputPathKey, type ContentProblem } from "./release.js";
import { blobId } from "./release-source.js";
import type { Language } from "./schema.js";
import { readSiteSettings, type CmsSettings, type MeasurePicture, type MenuLink, type SiteMetadata } from "./site.js";
import { badCharacterProblems, decodeReleaseText, withoutControlCharacters } from "./text.js";

const PAGE_EXTENSION = ".md";

export interface ContentPage {
  title: string;
  /** The last part of its address: `about`, `درباره-ما`. */
  slug: string;
  /** `/<slug>/`, or `/en/<slug>/` for an English page. */
  url: string;
  /** Its place in the site's menu (1 first); absent: not in the menu. */
  menu?: number;
  description?: string;
  lang: Language;
  /** Path relative to the working directory, with forward slashes: `content/pages/about.md`. */
  inputPath: string;
  /** Git's blob id of the file: what the page cache keys its page on. */
  fileHash: string;
  /** The Markdown text (pages are few and small: kept, not read again). */
  body: string;
  /** It shows or links to files of content/images/: rendered on every build, which tells the picture pipeline what to publish. */
  hasPictures: boolean;
}

/**
 * The first parts of the site's own addresses, which no page may take: the sections, the folders
 * of pictures, attachments, assets and the search index, the feeds, the browser's editor (/admin/) and the English section (whose own are in
 * RESERVED_ENGLISH). Compared in small letters: a file system that ignores letter case would put
 * `/News/` over `/news/`. A build test checks that every folder the site has is here.
 */
export const RESERVED_ADDRESSES: readonly string[] = ["news", "archive", "counties", "organizations", "types", "tags", "search", "en", "img", "images", "files", "assets", "pagefind", "feed", "feeds", "sitemap", "admin"];
export const RESERVED_ENGLISH: readonly string[] = ["news", "search", "feed", "feeds"];

/** The address of the page `slug` in `lang`. */
export function pageUrl(slug: string, lang: Language): string {
  return lang === "en" ? `/en/${slug}/` : `/${slug}/`;
}

/** One page file's page, when it is valid, and its problems. */
export interface PageFileResult {
  page?: ContentPage;
  problems: ContentProblem[];
  /** The line of its `slug:` (or of the opening `---` without one), where a taken address is reported. */
  slugLine?: number;
}

/**
 * Validates one page file: its text (UTF-8, no control characters: src/content/text.ts, as for
 * releases), its front matter and its address. `file` is as the build names it
 * (`content/pages/about.md`); `source` its bytes, or text already decoded.
 */
export function readPageFile(file: string, source: string | Uint8Array): PageFileResult {
  const decoded = typeof source === "string" ? { text: source } : decodeReleaseText(source);
  if (decoded.text === undefined) return { problems: [{ file, ...decoded.problem }] };
  const refused: ContentProblem[] = badCharacterProblems(decoded.text).map((problem) => ({ file, ...problem }));
  const text = refused.length === 0 ? decoded.text : withoutControlCharacters(decoded.text);
  let parsed;
  try {
    parsed = parseFrontMatter(text);
  } catch (error) {
    if (!(error instanceof FrontMatterSyntaxError)) throw error;
    return { problems: [...refused, { file, line: error.line, field: "front matter", message: error.problem }] };
  }
  const result = validatePageFrontMatter(parsed.data);
  if (!result.ok) {
    const problems = result.problems.map(({ field, message, label }) => ({ file, line: lineOfField(parsed.frontMatter, field), field, message, label }));
    return { problems: [...refused, ...problems] };
  }
  const data = result.value;
  const name = path.basename(file, PAGE_EXTENSION);
  const slug = slugify(data.slug ?? name);
  if (slug === "" || !SLUG_PATTERN.test(slug)) {
    const message = data.slug === undefined ? pageNameNotAddress(path.basename(file)) : fieldInvalid(pageFieldText("slug"), data.slug);
    return { problems: [...refused, { file, line: lineOfField(parsed.frontMatter, "slug"), field: "slug", message, label: pageFieldText("slug").label }] };
  }
  if (refused.length > 0) return { problems: refused };
  const page: ContentPage = {
    title: data.title,
    slug,
    url: pageUrl(slug, data.lang),
    ...(data.menu === undefined ? {} : { menu: data.menu }),
    ...(data.description === undefined ? {} : { description: data.description }),
    lang: data.lang,
    inputPath: file,
    fileHash: blobId(source),
    body: parsed.body,
    hasPictures: parsed.body.includes("![") || parsed.body.includes("/images/") || parsed.body.includes("/files/"),
  };
  return { page, problems: [], slugLine: lineOfField(parsed.frontMatter, "slug") };
}

/** The page files of `contentDir`, as the build names them, sorted; none without a pages folder. */
export async function findPageFiles(contentDir: string): Promise<string[]> {
  const folder = path.join(contentDir, PAGES_FOLDER);
  const entries = await readdir(folder, { withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT" || error.code === "ENOTDIR") return [];
    throw error;
  });
  // Hidden files, links and other files are the content folder's scan's to report (src/content/content-files.ts).
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith(PAGE_EXTENSION) && !entry.name.startsWith("."))
    .map((entry) => inputPathKey(path.join(folder, entry.name)))
    .sort();
}

export interface ContentPages {
  /** The valid pages, in their files' order. */
  pages: ContentPage[];
  problems: ContentProblem[];
}

/** Reads every page of `contentDir`, and checks that each has an address of its own. */
export async function loadContentPages(contentDir: string): Promise<ContentPages> {
  const pages: Array<{ page: ContentPage; slugLine: number }> = [];
  const problems: ContentProblem[] = [];
  for (const file of await findPageFiles(contentDir)) {
    const result = readPageFile(file, await readFile(file));
    problems.push(...result.problems);
    if (result.page) pages.push({ page: result.page, slugLine: result.slugLine ?? 1 });
  }
  problems.push(...addressProblems(pages));
  const refused = new Set(problems.map((problem) => problem.file));
  return { pages: pages.map(({ page }) => page).filter((page) => !refused.has(page.inputPath)), problems };
}

/** The pages whose address is a section of the site or another page's (the first file in order keeps it). */
export function addressProblems(pages: ReadonlyArray<{ page: ContentPage; slugLine: number }>): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const owners = new Map<string, ContentPage>();
  for (const { page, slugLine } of pages) {
    const key = page.slug.toLowerCase();
    const reserved = page.lang === "en" ? RESERVED_ENGLISH : RESERVED_ADDRESSES;
    const owner = owners.get(`${page.lang}/${key}`);
    let message: Message | undefined;
    if (reserved.includes(key)) message = pageAddressIsSection(page.url);
    else if (owner) message = pageAddressTaken(page.url, owner.inputPath);
    else owners.set(`${page.lang}/${key}`, page);
    if (message) problems.push({ file: page.inputPath, line: slugLine, field: "slug", message, label: pageFieldText("slug").label });
  }
  return problems;
}

/** The site's menu: the pages with `menu:`, in that order (then by title), then the links of site.yml. */
export function siteMenu(pages: readonly ContentPage[], links: readonly MenuLink[]): MenuLink[] {
  const inMenu = pages.filter((page) => page.menu !== undefined).sort((a, b) => a.menu! - b.menu! || a.title.localeCompare(b.title, a.lang));
  return [...inMenu.map((page) => ({ title: page.title, url: page.url, lang: page.lang })), ...links];
}

/** What the build reads of the content folder besides releases: the site's settings, with its menu, and its pages. */
export interface SiteContent {
  site: SiteMetadata;
  /** site.yml's `cms:` (src/content/site.ts `SiteSettings`). */
  cms: CmsSettings;
  pages: ContentPage[];
  /** The problems of site.yml and of the pages, in file and line order. */
  problems: ContentProblem[];
}

/**
 * Reads content/site.yml (src/content/site.ts) and the pages of content/pages/, and makes the
 * site's menu: the pages with `menu:`, then site.yml's links. `measure` reads the logo's size.
 */
export async function readSiteContent(contentDir: string, measure: MeasurePicture, env: NodeJS.ProcessEnv = process.env): Promise<SiteContent> {
  const [settings, pages] = await Promise.all([readSiteSettings(contentDir, measure, env), loadContentPages(contentDir)]);
  const problems = [...settings.problems, ...pages.problems].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
  return { site: { ...settings.site, menu: siteMenu(pages.pages, settings.site.menu) }, cms: settings.cms, pages: pages.pages, problems };
}
