/**
 * What a static host needs besides the files: the path prefix in every address of every
 * page, and the `_headers` file (caching and security headers) that Netlify and Cloudflare
 * Pages read. docs/deploy.md tells how to deploy to those and to hosts that read neither.
 *
 * The path prefix comes from SITE_URL (src/site.ts) through Eleventy's `pathPrefix`
 * (.eleventy.ts). Layouts write root-relative addresses (`/news/1/`), and Eleventy's
 * HtmlBasePlugin rewrites every address attribute of every page (href, src, srcset, action,
 * a refresh's url, …) to `/<prefix>/news/1/`; it does nothing when the site is served from
 * the host's root. Stylesheets name their fonts relatively, feeds, sitemaps and JSON-LD use
 * absolute addresses from SITE_URL, and Pagefind finds its own folder from its script's
 * address, so every part follows the one setting.
 */
import { readdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { HtmlBasePlugin, type UserConfig } from "@11ty/eleventy";
import type { AkhbarContext } from "./context.js";
import { SECURITY_HEADERS } from "./security-policy.js";
import { withPathPrefix } from "./site.js";

/** Folders whose file names change with their content: browsers may keep them for good. */
export const IMMUTABLE_FOLDERS = ["assets", "img", "pagefind/fragment", "pagefind/index", "pagefind/filter"];
/** Files the host reads and does not serve. */
const HOST_FILES = new Set(["_headers", "_redirects"]);

export const IMMUTABLE = "public, max-age=31536000, immutable";
export const REVALIDATE = "public, max-age=0, must-revalidate";

export interface HeaderRule {
  /** A path pattern as the hosts read it: exact, or ending in `*` (any rest of the path). */
  pattern: string;
  headers: Array<readonly [string, string]>;
}

/**
 * The header rules for a site whose output folder holds `entries` at its root (and
 * `pagefindEntries` in pagefind/). Hosts join the values of a header that several matching
 * rules set (Cloudflare: with commas), so each address gets Cache-Control from exactly one
 * rule: the immutable folders, and every other top-level file or folder by name.
 */
export function planHeaderRules(pathPrefix: string, entries: readonly DirectoryEntry[], pagefindEntries: readonly DirectoryEntry[] = []): HeaderRule[] {
  const at = (url: string) => withPathPrefix(pathPrefix, url);
  const rules: HeaderRule[] = [{ pattern: at("/*"), headers: [...SECURITY_HEADERS] }];
  const cache = (pattern: string, value: string) => rules.push({ pattern: at(pattern), headers: [["Cache-Control", value]] });

  for (const folder of IMMUTABLE_FOLDERS) {
    const [top, sub] = folder.split("/");
    const present = sub === undefined ? entries.some((entry) => entry.directory && entry.name === top) : pagefindEntries.some((entry) => entry.directory && entry.name === sub);
    if (present) cache(`/${folder}/*`, IMMUTABLE);
  }
  // The home page answers at the prefix itself, which no `/name` rule matches.
  cache("/", REVALIDATE);
  const byName = (a: DirectoryEntry, b: DirectoryEntry) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
  for (const entry of [...entries].sort(byName)) {
    if (HOST_FILES.has(entry.name) || IMMUTABLE_FOLDERS.includes(entry.name)) continue;
    if (entry.directory && entry.name === "pagefind") {
      for (const inner of [...pagefindEntries].sort(byName)) {
        if (IMMUTABLE_FOLDERS.includes(`pagefind/${inner.name}`)) continue;
        cache(`/pagefind/${encodePath(inner.name)}${inner.directory ? "/*" : ""}`, REVALIDATE);
      }
      continue;
    }
    cache(`/${encodePath(entry.name)}${entry.directory ? "/*" : ""}`, REVALIDATE);
  }
  return rules;
}

export interface DirectoryEntry {
  name: string;
  directory: boolean;
}

/** Hosts match the path as the browser sends it: percent-encoded (Persian folder names). */
const encodePath = (name: string) => encodeURIComponent(name);

export function renderHeadersFile(rules: readonly HeaderRule[]): string {
  const lines = ["# Caching and security headers, read by Netlify and Cloudflare Pages (docs/deploy.md). Written by the build."];
  for (const rule of rules) {
    lines.push(rule.pattern, ...rule.headers.map(([name, value]) => `  ${name}: ${value}`));
  }
  return `${lines.join("\n")}\n`;
}

/** Reads a `_headers` file (the form written above): for a test server that behaves like the hosts. */
export function parseHeadersFile(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  for (const line of text.split("\n")) {
    if (line.trim() === "" || line.trimStart().startsWith("#")) continue;
    if (!/^\s/.test(line)) {
      rules.push({ pattern: line.trim(), headers: [] });
      continue;
    }
    const rule = rules.at(-1);
    const colon = line.indexOf(":");
    if (!rule || colon === -1) throw new Error(`_headers: a header line outside a rule, or without a colon: «${line}»`);
    rule.headers.push([line.slice(0, colon).trim(), line.slice(colon + 1).trim()]);
  }
  return rules;
}

/** The headers a host sends for `pathname` (percent-encoded, as requested): every matching rule's, values of one name joined. */
export function headersFor(rules: readonly HeaderRule[], pathname: string): Map<string, string> {
  const headers = new Map<string, string>();
  for (const rule of rules) {
    const matches = rule.pattern.endsWith("*") ? pathname.startsWith(rule.pattern.slice(0, -1)) : pathname === rule.pattern;
    if (!matches) continue;
    for (const [name, value] of rule.headers) {
      const key = name.toLowerCase();
      headers.set(key, headers.has(key) ? `${headers.get(key)}, ${value}` : value);
    }
  }
  return headers;
}

export function registerDeployment(eleventyConfig: UserConfig, { site }: AkhbarContext): void {
  eleventyConfig.addPlugin(HtmlBasePlugin);

  // After every other step has written its files (the search index included): the rules name them.
  eleventyConfig.on("eleventy.after", async ({ directories, outputMode }) => {
    if (outputMode !== "fs") return;
    const list = async (dir: string) =>
      (await readdir(dir, { withFileTypes: true }).catch(() => [])).map((entry) => ({ name: entry.name, directory: entry.isDirectory() }));
    const rules = planHeaderRules(site.pathPrefix, await list(directories.output), await list(path.join(directories.output, "pagefind")));
    await writeFile(path.join(directories.output, "_headers"), renderHeadersFile(rules));
  });
}
