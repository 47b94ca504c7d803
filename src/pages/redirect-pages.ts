/**
 * Old and moved addresses. The old website's links (https://ostan-th.ir/News/<id>/, capital N)
 * live on in newspapers' archives and readers' bookmarks; every release answers at /News/<id>/,
 * and at the path of its `source` when that is another old-site /News/<n>/ address. The Persian
 * address of an English release (/news/<id>/) leads to its English one (/en/news/<id>/).
 *
 * Three forms, because hosts differ (src/hosting/hosts.ts says which a host gets): a static page
 * per address (meta refresh, works everywhere), a `_redirects` file (Netlify, Cloudflare Pages,
 * GitLab Pages) and an nginx map (your own server) for a real 301 where the host has rules.
 */
import { existsSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { absoluteUrl } from "../render/absolute-url.js";
import type { Release } from "../content/release.js";
import type { AkhbarContext } from "../context/context.js";
import type { Language } from "../content/schema.js";
import { renderRedirect } from "../../layouts/redirect.js";
import { writeGeneratedFiles } from "../output/page-writer.js";
import { withPathPrefix } from "../content/site.js";
import { prefixHtmlUrls } from "../render/html-urls.js";

/** Hosts of the old website, whose /News/<n>/ addresses a release's `source` may carry. */
const OLD_SITE_HOSTS = new Set(["ostan-th.ir", "www.ostan-th.ir"]);

export interface Redirect {
  /** Root-relative address that moved, with a trailing slash. */
  from: string;
  /** Root-relative address of the release. */
  to: string;
  title: string;
  lang: Language;
}

const legacyPath = (id: number) => `/News/${id}/`;

/** The old-site path in a release's source (`/News/149840/`), if it has one. */
export function sourceLegacyPath(source: string | undefined): string | undefined {
  if (!source || !URL.canParse(source)) return undefined;
  const url = new URL(source);
  if (!OLD_SITE_HOSTS.has(url.hostname.toLowerCase())) return undefined;
  const match = /^\/news\/(\d+)\/?$/i.exec(url.pathname);
  return match ? legacyPath(Number(match[1])) : undefined;
}

/**
 * Every redirect of the archive, one per address. An id's own /News/<id>/ comes before any
 * source that names the same address (ids are unique; sources may repeat), and among sources
 * the newest release keeps the address.
 */
export function planRedirects(releases: readonly Release[]): Redirect[] {
  const redirects = new Map<string, Redirect>();
  const add = (from: string, release: Release) => {
    if (from !== release.url && !redirects.has(from)) redirects.set(from, { from, to: release.url, title: release.title, lang: release.lang });
  };
  for (const release of releases) {
    add(legacyPath(release.id), release);
    if (release.lang !== "fa") add(`/news/${release.id}/`, release);
  }
  for (const release of releases) {
    const fromSource = sourceLegacyPath(release.source);
    if (fromSource) add(fromSource, release);
  }
  return [...redirects.values()];
}

/**
 * The `_redirects` file. One line per address would be 300,000 lines for the whole archive,
 * past what hosts accept (Cloudflare Pages: 2,000 static and 100 dynamic rules), so the
 * common case, /News/<id>/ → /news/<id>/, is one placeholder rule; the exceptions (English
 * releases, old addresses with another number) are listed first, as the first matching rule wins.
 */
export function renderRedirectsFile(redirects: readonly Redirect[], pathPrefix = "/"): string {
  // Hosts match the whole path as requested: under a path prefix, that includes the prefix.
  const at = (url: string) => withPathPrefix(pathPrefix, url);
  const lines = ["# Old and moved addresses: first matching rule wins (Netlify, Cloudflare Pages)."];
  for (const { from, to } of redirects) {
    if (isPlaceholderCase(from, to)) continue;
    lines.push(`${at(from)} ${at(to)} 301`, `${at(from.slice(0, -1))} ${at(to)} 301`);
  }
  lines.push(`${at("/News/:id/")} ${at("/news/:id/")} 301`, `${at("/News/:id")} ${at("/news/:id/")} 301`);
  return `${lines.join("\n")}\n`;
}

/** The rules of a `_redirects` file: without placeholders or wildcards (`static`), and with them (`dynamic`), as hosts count them. */
export function countRedirectRules(text: string): { static: number; dynamic: number } {
  const counts = { static: 0, dynamic: 0 };
  for (const line of text.split("\n")) {
    const from = line.trim().split(/\s+/)[0] ?? "";
    if (from === "" || from.startsWith("#")) continue;
    if (/[:*]/.test(from)) counts.dynamic++;
    else counts.static++;
  }
  return counts;
}

/**
 * The body of nginx's `map $uri $akhbar_redirect { … }`, which docs/ci-examples/nginx.conf
 * includes from the site (NGINX_MAP_FILE) and answers with a 301: an exact entry for each exception,
 * each address with and without its trailing slash, then one regular expression for the common
 * case, /News/<id>/ and /News/<id> → /news/<id>/. The map is read when nginx starts or reloads.
 *
 * nginx looks an exact string up (in a hash) before it tries any regular expression, so the
 * exceptions win over the common case whatever their number. It matches strings ignoring letter
 * case, and refuses a map that has one string twice: /News/20/ and /news/20/ (an English release's
 * two old addresses) are one entry, written once (the first planned: the plan sends both to the same
 * release). The regular expression matches case-sensitively (`~`), so that a release's own
 * /news/<id>/ is never sent anywhere. $uri is the address decoded: the entries are written decoded
 * (a Persian path prefix), the targets, which go out in a Location header, encoded.
 */
export function renderNginxMap(redirects: readonly Redirect[], pathPrefix = "/"): string {
  const prefix = pathPrefix.replace(/\/$/, "");
  const decodedPrefix = decodedPath(prefix);
  const lines = ["# Old and moved addresses, for nginx's map $uri $akhbar_redirect (docs/ci-examples/nginx.conf). Written by the build."];
  const written = new Set<string>();
  for (const { from, to } of redirects) {
    if (isPlaceholderCase(from, to)) continue;
    for (const form of [from, from.slice(0, -1)]) {
      const key = `${decodedPrefix}${form}`;
      // nginx lowercases ASCII letters only (ngx_hash_strlow), so this is the string it compares.
      const folded = key.replace(/[A-Z]/g, (letter) => letter.toLowerCase());
      if (written.has(folded)) continue;
      written.add(folded);
      lines.push(`${nginxString(key)} ${nginxString(nginxTarget(`${prefix}${to}`))};`);
    }
  }
  lines.push(`${nginxString(`~^${escapeRegExp(decodedPrefix)}/News/([0-9]+)/?$`)} ${nginxString(`${nginxTarget(prefix)}/news/$1/`)};`);
  return `${lines.join("\n")}\n`;
}

/** A path as nginx's $uri has it: percent-decoded (a path that is not valid percent-encoding stays as it is). */
function decodedPath(url: string): string {
  try {
    return decodeURIComponent(url);
  } catch {
    return url;
  }
}

/**
 * A quoted string of nginx's configuration: nginx reads `\"` and `\\` in one as `"` and `\`. Only ids
 * and paths are written here, but a path prefix comes from SITE_URL, and the file is configuration.
 */
function nginxString(text: string): string {
  return `"${text.replace(/[\\"]/g, "\\$&")}"`;
}

/** A map's value is read for variables (`$name`): a `$` of a target is written percent-encoded, which is the same address. */
function nginxTarget(url: string): string {
  return url.replaceAll("$", "%24");
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

function isPlaceholderCase(from: string, to: string): boolean {
  const id = /^\/News\/(\d+)\/$/.exec(from)?.[1];
  return id !== undefined && to === `/news/${id}/`;
}

/**
 * Whether the file system under `dir` treats «News» and «news» as one name (macOS and Windows
 * by default). There, /News/<id>/index.html would overwrite the release page itself with a
 * page that redirects to itself, so the legacy pages are left out of that build (such a
 * machine serves /News/<id>/ from the release page anyway).
 */
export function fileSystemIgnoresCase(dir: string): boolean {
  let existing = path.resolve(dir);
  while (!existsSync(existing) && path.dirname(existing) !== existing) existing = path.dirname(existing);
  const name = `.akhbar-case-probe-${process.pid}`;
  const probe = path.join(existing, name);
  try {
    writeFileSync(probe, "");
    return existsSync(path.join(existing, name.toUpperCase()));
  } catch {
    // An output folder we cannot write to fails the build later, with Eleventy's own message.
    return false;
  } finally {
    rmSync(probe, { force: true });
  }
}

/**
 * Writes the redirect page of each of `redirects` into `outputDir`. `skipLegacyPages`: the
 * /News/<id>/ pages are left out (a file system that ignores letter case, `fileSystemIgnoresCase`).
 * A rebuild of releases edited in place writes only their redirect pages, whose titles may be new.
 */
export async function writeRedirectPages(outputDir: string, context: AkhbarContext, redirects: readonly Redirect[], skipLegacyPages: boolean): Promise<void> {
  let pages = [...redirects];
  const edited = context.edited();
  if (edited) {
    // The releases edited in place kept their addresses; their titles, which their redirect pages show, may be new.
    const titles = new Map([...edited].map((release) => [release.url, release.title]));
    pages = pages.filter((redirect) => titles.has(redirect.to));
    for (const redirect of pages) redirect.title = titles.get(redirect.to)!;
  }
  if (skipLegacyPages) pages = pages.filter((redirect) => !redirect.from.startsWith("/News/"));
  const cache = context.pageCache();
  const settings = cache.key(JSON.stringify(context.site));
  // A redirect page is made of its redirect and the site alone: keyed on them, the ~150,000
  // pages the published site already has are neither rendered nor hashed.
  await writeGeneratedFiles(
    outputDir,
    pages,
    (redirect) => ({
      path: `${redirect.from}index.html`,
      version: cache.key(`redirect\n${settings}\n${redirect.from}\n${redirect.to}\n${redirect.lang}\n${redirect.title}`),
      content: async () => prefixHtmlUrls(renderRedirect({ ...redirect, canonical: absoluteUrl(context.site.url, redirect.to) }), context.site.pathPrefix),
    }),
    context.ledger(),
  );
}
