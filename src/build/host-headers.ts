/**
 * What a static host needs besides the files: the `_headers` file (caching and security
 * headers) that Netlify and Cloudflare Pages read, written as the build's last step but
 * publishing. docs/deploy.md tells how to deploy to those and to hosts that read neither.
 *
 * The path prefix comes from SITE_URL (src/content/site.ts). Layouts write root-relative
 * addresses (`/news/1/`); the pages Akhbar writes itself are prefixed by
 * src/render/html-urls.ts, and Eleventy's own pages by its HtmlBasePlugin (src/eleventy/plugin.ts),
 * which rewrite every address attribute (href, src, srcset, action, a refresh's url, …) to
 * `/<prefix>/news/1/`; neither does anything when the site is served from the host's root. Stylesheets name their fonts relatively, feeds, sitemaps and JSON-LD use
 * absolute addresses from SITE_URL, and Pagefind finds its own folder from its script's
 * address, so every part follows the one setting.
 */
import { readdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { contentSecurityPolicy, SECURITY_HEADERS } from "../render/security-policy.js";
import { withPathPrefix } from "../content/site.js";
import { ELSEWHERE, SEAL_FILE, type OutputLedger } from "../output/publish.js";
import { isShardId, SEARCH_BUNDLE_PATH } from "../search/shards.js";

/** Top-level folders whose file names change with their content: browsers may keep them for good. */
export const IMMUTABLE_FOLDERS = ["assets", "img"];
/** Folders of a Pagefind bundle (one per shard) whose files Pagefind names by their content. */
export const IMMUTABLE_PAGEFIND_FOLDERS = ["fragment", "index", "filter"];
/** The rule of the browser's editor's folder (src/admin/), which has a policy of its own. */
const ADMIN_PATTERN = "/admin/*";

/** Files the host reads and does not serve. */
const HOST_FILES = new Set(["_headers", "_redirects"]);

export const IMMUTABLE = "public, max-age=31536000, immutable";
export const REVALIDATE = "public, max-age=0, must-revalidate";

/**
 * The Cache-Control of one file of the site (root-relative: `/assets/site.1e62091dc1.css`), as the
 * rules of `planHeaderRules` give it: for hosts that take headers per file, such as object storage
 * (src/deploy/). Both read IMMUTABLE_FOLDERS and IMMUTABLE_PAGEFIND_FOLDERS, so the two cannot disagree.
 */
export function cacheControlFor(file: string): string {
  const parts = file.split("/").filter(Boolean);
  if (parts.length > 1 && IMMUTABLE_FOLDERS.includes(parts[0]!)) return IMMUTABLE;
  // /pagefind/<shard>/<fragment|index|filter>/<file>
  if (`/${parts[0]}/` === SEARCH_BUNDLE_PATH && parts.length > 3 && IMMUTABLE_PAGEFIND_FOLDERS.includes(parts[2]!)) return IMMUTABLE;
  return REVALIDATE;
}

/**
 * The placeholders that stand for a shard's folder and for a file name in the rules of
 * pagefind/. Netlify and Cloudflare Pages both read `:name` in a `_headers` path as one path
 * segment (any characters but `/`), and `*` at the end as any rest of the path. One rule per
 * shard folder would not do: the archive has ~100–200 shards, and Cloudflare Pages takes at
 * most 100 rules.
 */
const SHARD_PLACEHOLDER = ":shard";
const FILE_PLACEHOLDER = ":file";

export interface HeaderRule {
  /** A path pattern as the hosts read it: exact, with `:name` placeholders (one path segment each), or ending in `*` (any rest of the path). */
  pattern: string;
  headers: Array<readonly [string, string]>;
}

const byName = (a: DirectoryEntry, b: DirectoryEntry) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/**
 * The header rules for a site whose output folder holds `entries` at its root (a folder's
 * `children` are given for pagefind/ and the folders in it). Hosts join the values of a header
 * that several matching rules set (Cloudflare: with commas), so each address gets Cache-Control
 * from exactly one rule: the immutable folders, and every other file or folder by name. Inside
 * pagefind/, the shards share their rules through placeholders: each shard's fragment/,
 * index/ and filter/ immutable (`/pagefind/:shard/fragment/*`), any other folder of a shard
 * revalidated the same way, and the files of a shard's own folder (its script, entry file,
 * metadata, WebAssembly) revalidated by one rule, `/pagefind/:shard/:file`, which matches no
 * deeper path. The files of pagefind/ itself get a rule each.
 *
 * A placeholder matches any folder of pagefind/, not only a shard's: a rule of its own for the
 * search directory (`/pagefind/directory/*`) would give its files a second Cache-Control beside
 * `/pagefind/:shard/:file`. Its files keep their names as their bytes change, as a shard's own
 * files do, so they share that rule (the directory has no folders of its own, least of all one
 * named as a shard's chunk folders); it is given when pagefind/ holds the directory alone too.
 */
export function planHeaderRules(pathPrefix: string, entries: readonly DirectoryEntry[], adminPolicy: string = contentSecurityPolicy("header")): HeaderRule[] {
  const at = (url: string) => withPathPrefix(pathPrefix, url);
  const immutable: string[] = [];
  const revalidated: string[] = [];
  const bundle = (folder: string, inside: readonly DirectoryEntry[]) => {
    // The shards and the search directory: every folder the placeholder matches.
    const folders = inside.filter((entry) => entry.directory);
    for (const entry of [...inside].sort(byName)) if (!entry.directory) revalidated.push(`${folder}${encodePath(entry.name)}`);
    if (folders.length === 0) return;
    const shard = `${folder}${SHARD_PLACEHOLDER}/`;
    const contents = folders.flatMap((entry) => entry.children ?? []);
    const subfolders = [...new Set(contents.filter((entry) => entry.directory).map((entry) => entry.name))].sort();
    for (const name of subfolders) (IMMUTABLE_PAGEFIND_FOLDERS.includes(name) ? immutable : revalidated).push(`${shard}${encodePath(name)}/*`);
    if (contents.some((entry) => !entry.directory)) revalidated.push(`${shard}${FILE_PLACEHOLDER}`);
  };
  for (const entry of [...entries].sort(byName)) {
    if (HOST_FILES.has(entry.name)) continue;
    const url = `/${encodePath(entry.name)}`;
    if (entry.directory && IMMUTABLE_FOLDERS.includes(entry.name)) immutable.push(`${url}/*`);
    else if (entry.directory && entry.children) bundle(`${url}/`, entry.children);
    else revalidated.push(entry.directory ? `${url}/*` : url);
  }
  // The Content-Security-Policy goes with Cache-Control, which each address gets from exactly one
  // rule: the site's pages get the site's policy, /admin/ the editor's (src/admin/admin-page.ts). In
  // the rule of every address (`/*`), hosts would join the two, and a browser enforces both.
  const policyOf = (pattern: string) => (pattern === ADMIN_PATTERN ? adminPolicy : contentSecurityPolicy("header"));
  const rule = (pattern: string, caching: string): HeaderRule => ({ pattern: at(pattern), headers: [["Content-Security-Policy", policyOf(pattern)], ["Cache-Control", caching]] });
  return [
    { pattern: at("/*"), headers: SECURITY_HEADERS.filter(([name]) => name !== "Content-Security-Policy") },
    ...immutable.map((pattern) => rule(pattern, IMMUTABLE)),
    // The home page answers at the prefix itself, which no `/name` rule matches.
    ...["/", ...revalidated].map((pattern) => rule(pattern, REVALIDATE)),
  ];
}

export interface DirectoryEntry {
  name: string;
  directory: boolean;
  /** Given for the folders whose insides get rules of their own (pagefind/ and its shards). */
  children?: DirectoryEntry[];
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

/**
 * The root listing of a site built over a published one: what the build wrote (`staged`),
 * and from the published listing whatever the new site still has (`inSite`, given a
 * root-relative path: the pages and shards the build kept without writing them).
 */
export function overlayEntries(staged: readonly DirectoryEntry[], published: readonly DirectoryEntry[], inSite: (url: string) => boolean, folder = "/"): DirectoryEntry[] {
  const overlaid = staged.map((entry) => {
    const before = published.find((old) => old.name === entry.name);
    return entry.children && before?.children ? { ...entry, children: overlayEntries(entry.children, before.children, inSite, `${folder}${entry.name}/`) } : entry;
  });
  for (const entry of published) if (!staged.some((made) => made.name === entry.name) && inSite(`${folder}${entry.name}`)) overlaid.push(entry);
  return overlaid;
}

/**
 * The root listing (pagefind/ and the folders in it expanded, as `writeHostHeaders` lists a folder)
 * of a site known only by its manifest's paths (`/news/1/index.html`; a folder kept whole ends in
 * `/`). A shard kept whole is known as a folder only: it is given `insides`. Any other folder of
 * pagefind/ (the search directory, published file by file) is given the entries its paths name.
 */
export function listingOfPaths(paths: Iterable<string>, insides: readonly DirectoryEntry[]): DirectoryEntry[] {
  const root = new Map<string, DirectoryEntry>();
  const pagefind = new Map<string, DirectoryEntry>();
  /** What each folder of pagefind/ that is not a shard holds, by name. */
  const others = new Map<string, Map<string, DirectoryEntry>>();
  for (const file of paths) {
    const parts = file.split("/").filter(Boolean);
    const folder = file.endsWith("/");
    const [name, inBundle, inFolder] = parts;
    if (!name) continue;
    if (name === "pagefind" && inBundle) {
      const directory = parts.length > 2 || folder;
      if (!directory || isShardId(inBundle)) pagefind.set(inBundle, { name: inBundle, directory, ...(directory ? { children: [...insides] } : {}) });
      else {
        let inside = others.get(inBundle);
        if (!inside) others.set(inBundle, (inside = new Map()));
        pagefind.set(inBundle, { name: inBundle, directory: true });
        if (inFolder && !inside.has(inFolder)) inside.set(inFolder, { name: inFolder, directory: parts.length > 3 || folder });
      }
    }
    if (!root.has(name)) root.set(name, { name, directory: parts.length > 1 || folder });
  }
  for (const [name, inside] of others) pagefind.get(name)!.children = [...inside.values()];
  const bundle = root.get("pagefind");
  if (bundle?.directory) bundle.children = [...pagefind.values()];
  return [...root.values()];
}

/**
 * What a shard folder holds, from the shards this build wrote (`entries`, as listed), or, when it
 * wrote none, Pagefind's own layout: its chunk folders and files of its own. Only shard folders
 * count: a build that wrote the search directory's files and no shard tells nothing of a shard's.
 */
function shardInsides(entries: readonly DirectoryEntry[]): DirectoryEntry[] {
  const shards = entries.find((entry) => entry.name === "pagefind")?.children?.filter((entry) => entry.directory && isShardId(entry.name)) ?? [];
  const written = new Map(shards.flatMap((shard) => shard.children ?? []).map((entry) => [`${entry.directory}:${entry.name}`, entry]));
  if (written.size > 0) return [...written.values()];
  return [...IMMUTABLE_PAGEFIND_FOLDERS.map((name) => ({ name, directory: true })), { name: "pagefind-entry.json", directory: false }];
}

/**
 * Writes `_headers` into `outputDir`, naming every file the build wrote (the search index
 * included), and, for a build written over the published site, the files it keeps from there.
 * Returns how many rules it has (a host limits them: src/hosting/hosts.ts).
 */
export async function writeHostHeaders(outputDir: string, pathPrefix: string, ledger: OutputLedger | undefined, adminPolicy?: string): Promise<number> {
  // The root; pagefind/ and each folder in it (shards, the search directory) are listed too (their rules are shared: planHeaderRules).
  const list = async (dir: string, level: number): Promise<DirectoryEntry[]> =>
    Promise.all(
      (await readdir(dir, { withFileTypes: true }).catch(() => [])).map(async (entry) => {
        const expand = entry.isDirectory() && (level === 0 ? entry.name === "pagefind" : level === 1);
        return { name: entry.name, directory: entry.isDirectory(), ...(expand ? { children: await list(path.join(dir, entry.name), level + 1) } : {}) };
      }),
    );
  // The seal (src/output/publish.ts) is written once the build is complete: it is named here already.
  let entries = [...(await list(outputDir, 0)), { name: SEAL_FILE, directory: false }];
  // A build that writes only what changed has the rest of the site in the published folder, or,
  // built for a deploy target (`--since-deploy`), only in the target's record.
  if (ledger?.publishedDir === ELSEWHERE) entries = overlayEntries(entries, listingOfPaths(ledger.publishedPaths(), shardInsides(entries)), (url) => ledger.holds(url));
  else if (ledger?.publishedDir) entries = overlayEntries(entries, await list(ledger.publishedDir, 0), (url) => ledger.holds(url));
  const rules = planHeaderRules(pathPrefix, entries, adminPolicy);
  await writeFile(path.join(outputDir, "_headers"), renderHeadersFile(rules));
  return rules.length;
}
