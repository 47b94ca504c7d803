/**
 * The files of /admin/, the browser's editor (docs/cms.md): Decap CMS's prebuilt bundle, copied
 * from node_modules (never from a CDN) into a folder named by its content; its configuration,
 * made from the schema (config.ts); our script (admin-client.ts, bundled by esbuild) and our
 * right-to-left stylesheet (admin.css); and the page that loads them, in Persian, right to left,
 * with its own Content-Security-Policy (`ADMIN_SECURITY_POLICY`): Decap needs what the site's
 * pages never allow, so the policy is /admin/'s alone.
 */
import { ADMIN_TEXT } from "../messages/admin.js";
import { existsSync } from "node:fs";
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { CmsSettings } from "../content/site.js";
import { html } from "../render/html.js";
import { contentHash, fingerprintedName } from "../render/asset-manifest.js";
import { bundleBrowserScript } from "../render/browser-script.js";
import { renderAdminConfig, type AdminConfigInput } from "./config.js";

/** Where the editor is served: a folder of the site. */
export const ADMIN_PATH = "/admin/";

/** The local backend's port (decap-server, started by `npm start` with AKHBAR_CMS_LOCAL=1): AKHBAR_CMS_PORT, else decap-server's own default. */
export function localBackendPort(env: NodeJS.ProcessEnv = process.env): number {
  const port = Number(env.AKHBAR_CMS_PORT ?? "8081");
  return Number.isInteger(port) && port > 0 && port < 65536 ? port : 8081;
}

/** 127.0.0.1, not localhost: decap-server listens there only, and a browser may try localhost's IPv6 address first. */
export function localBackendUrl(env: NodeJS.ProcessEnv = process.env): string {
  return `http://127.0.0.1:${localBackendPort(env)}/api/v1`;
}

/** The origins the editor's API calls go to: the git service's API, and the local backend. */
export function backendOrigins(cms: CmsSettings, localUrl: string): string[] {
  const origins = [new URL(localUrl).origin];
  const api = cms.api_root ?? cms.base_url;
  if (api) origins.push(new URL(api).origin);
  else if (cms.backend === "github") origins.push("https://api.github.com");
  else if (cms.backend === "gitlab") origins.push("https://gitlab.com");
  // PKCE exchanges the sign-in's code for a token at the service itself (GitLab: <base_url>/oauth/token).
  if (cms.base_url) origins.push(new URL(cms.base_url).origin);
  return [...new Set(origins)];
}

/**
 * /admin/'s policy, directive → sources. What it allows beyond the site's (src/render/security-policy.ts), and why:
 * - script-src 'unsafe-eval': Decap checks its configuration with ajv, which compiles each schema
 *   into a function (`new Function`); without it Decap stops with a configuration error. Still no
 *   inline script: the page's own code is a file (admin-client.ts).
 * - style-src 'unsafe-inline': Decap's styles are made in the browser (emotion) as <style> elements.
 * - connect-src: the git service's API and the local backend (decap-server on localhost), and blob:.
 * - img-src and media-src blob:: a picture chosen for upload is shown before it is saved.
 */
export function adminSecurityPolicy(cms: CmsSettings, localUrl: string): ReadonlyArray<readonly [string, string]> {
  return [
    ["default-src", "'none'"],
    ["script-src", "'self' 'unsafe-eval'"],
    ["style-src", "'self' 'unsafe-inline'"],
    ["img-src", "'self' https: data: blob:"],
    ["font-src", "'self' data:"],
    ["media-src", "'self' blob:"],
    // blob:: Decap reads back the pictures and drafts it keeps in the browser.
    ["connect-src", ["'self'", "blob:", ...backendOrigins(cms, localUrl)].join(" ")],
    ["frame-src", "'self' blob:"],
    ["worker-src", "'self' blob:"],
    ["manifest-src", "'self'"],
    ["base-uri", "'self'"],
    ["form-action", "'self'"],
    ["object-src", "'none'"],
    ["frame-ancestors", "'none'"],
  ];
}

export function adminPolicyText(policy: ReadonlyArray<readonly [string, string]>, where: "header" | "meta"): string {
  return policy
    .filter(([directive]) => where === "header" || directive !== "frame-ancestors")
    .map(([directive, sources]) => `${directive} ${sources}`)
    .join("; ");
}

const require = createRequire(import.meta.url);

/** Decap's prebuilt bundle: its entry and the chunks it loads from beside itself (all `*.decap-cms.js`), and its licence notice. */
export async function decapBundleFiles(): Promise<Array<{ name: string; content: Buffer }>> {
  const dist = path.dirname(require.resolve("decap-cms/dist/decap-cms.js"));
  const names = (await readdir(dist)).filter((name) => name === "decap-cms.js" || /^\d+\.decap-cms\.js$/.test(name) || name === "decap-cms.js.LICENSE.txt").sort();
  return Promise.all(names.map(async (name) => ({ name, content: await readFile(path.join(dist, name)) })));
}

const CLIENT_ENTRY = fileURLToPath(new URL("./admin-client.ts", import.meta.url));
const STYLESHEET = new URL("./admin.css", import.meta.url);

export interface AdminPageInput {
  /** The folder Decap's bundle is in, relative to /admin/: `decap-cms-<hash>/`. */
  decapFolder: string;
  script: string;
  stylesheet: string;
  /** The site's right-to-left stylesheet, relative to /admin/ (`../assets/site.rtl.<hash>.css`): the preview's. */
  previewStyle: string;
  releaseCollections: readonly string[];
  policy: string;
  siteName: string;
}

/** /admin/index.html. */
export function renderAdminPage(input: AdminPageInput): string {
  return `<!doctype html>\n${html`<html lang="fa" dir="rtl">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${input.policy}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<meta name="referrer" content="same-origin">
<title>${ADMIN_TEXT.pageTitle(input.siteName)}</title>
<link rel="icon" href="../favicon.svg" type="image/svg+xml">
<link rel="cms-config-url" type="text/yaml" href="config.yml">
<link rel="stylesheet" href="${input.stylesheet}">
<meta name="akhbar-preview-style" content="${input.previewStyle}">
<meta name="akhbar-preview-extra" content="${input.stylesheet}">
<meta name="akhbar-release-collections" content="${input.releaseCollections.join(" ")}">
</head>
<body>
<noscript><p>${ADMIN_TEXT.noScript}</p></noscript>
<script src="${input.decapFolder}decap-cms.js"></script>
<script src="${input.script}"></script>
</body>
</html>`}\n`;
}

export interface AdminBuildInput {
  config: AdminConfigInput;
  /** The site's right-to-left stylesheet's address (`/assets/site.rtl.<hash>.css`) and the font faces' CSS with addresses from /admin/. */
  siteStylesheet: string;
  fontFaces: string;
  siteName: string;
}

/** Every file of /admin/, by its path inside it. */
export async function adminFiles(input: AdminBuildInput): Promise<Array<{ file: string; content: string | Buffer }>> {
  const decap = await decapBundleFiles();
  const decapFolder = `decap-cms-${contentHash(decap.find((file) => file.name === "decap-cms.js")!.content)}/`;
  const script = await bundleBrowserScript(CLIENT_ENTRY, "iife");
  const stylesheet = `${input.fontFaces}\n${await readFile(STYLESHEET, "utf8")}`;
  const scriptName = fingerprintedName("admin.js", script);
  const stylesheetName = fingerprintedName("admin.css", stylesheet);
  const config = renderAdminConfig(input.config);
  const policy = adminPolicyText(adminSecurityPolicy(input.config.cms, input.config.localBackendUrl), "meta");
  const releaseCollections = [...new Set([...input.config.years, input.config.currentYear])].map((year) => `releases-${year}`);
  const page = renderAdminPage({
    decapFolder,
    script: scriptName,
    stylesheet: stylesheetName,
    previewStyle: `..${input.siteStylesheet}`,
    releaseCollections,
    policy,
    siteName: input.siteName,
  });
  return [
    { file: "index.html", content: page },
    { file: "config.yml", content: config },
    { file: scriptName, content: script },
    { file: stylesheetName, content: stylesheet },
    ...decap.map((file) => ({ file: `${decapFolder}${file.name}`, content: file.content })),
  ];
}

/**
 * Writes /admin/ into `outputDir`. Decap's files are named by their content's folder and are
 * written only when that folder is not there yet (the dev server keeps its output between
 * rebuilds; 6 MB need not be written on every save); the page, configuration, script and
 * stylesheet are small and written each time (the configuration's next free id changes).
 */
export async function writeAdmin(outputDir: string, files: ReadonlyArray<{ file: string; content: string | Buffer }>): Promise<void> {
  const root = path.join(outputDir, ...ADMIN_PATH.split("/").filter(Boolean));
  for (const { file, content } of files) {
    const target = path.join(root, ...file.split("/"));
    if (file.startsWith("decap-cms-") && existsSync(target)) continue;
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, content);
  }
}

/** The Jalali years that have a folder of releases (`content/releases/1403/`). */
export async function releaseYearFolders(contentDir: string): Promise<number[]> {
  const names = await readdir(path.join(contentDir, "releases")).catch(() => [] as string[]);
  return names.filter((name) => /^1[2-4]\d\d$/.test(name)).map(Number);
}

/** The content folder's path inside its git repository (Decap's paths are the repository's): `content`. */
export function contentFolderInRepository(contentDir: string): string {
  const resolved = path.resolve(contentDir);
  for (let folder = resolved; ; folder = path.dirname(folder)) {
    if (existsSync(path.join(folder, ".git"))) return path.relative(folder, resolved).split(path.sep).join("/") || ".";
    if (path.dirname(folder) === folder) return path.basename(resolved);
  }
}
