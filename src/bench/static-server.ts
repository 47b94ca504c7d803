/**
 * A tiny static file server for a built site, for the browser tests. It behaves like the
 * static hosts the site is deployed to: `/dir/` serves `/dir/index.html`, `/dir` redirects
 * to `/dir/`, a missing file gets 404.html with status 404, and nothing outside the folder
 * is ever served. Bound to 127.0.0.1 on a free port chosen by the system.
 *
 * Options make it a host with a path prefix (the site answers only below `/akhbar/`, as on
 * GitHub Pages) and one that reads the site's `_headers` file (as Netlify and Cloudflare
 * Pages do: the Content-Security-Policy and caching headers reach the browser).
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { readFile, realpath, stat } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { headersFor, parseHeadersFile, type HeaderRule } from "./host-rules.js";

export interface StaticServer {
  /** The origin, without a trailing slash: `http://127.0.0.1:41234`. */
  url: string;
  close(): Promise<void>;
}

const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  // The browser's editor's configuration (/admin/config.yml).
  ".yml": "text/yaml; charset=utf-8",
  ".wasm": "application/wasm",
  ".woff2": "font/woff2",
  ".woff": "font/woff",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".webp": "image/webp",
  ".ico": "image/x-icon",
  // Pagefind's index files and its compressed WebAssembly (wasm.<lang>.pagefind): binary,
  // fetched and decompressed by pagefind.js itself.
  ".pf_meta": "application/octet-stream",
  ".pf_index": "application/octet-stream",
  ".pf_fragment": "application/octet-stream",
  ".pagefind": "application/octet-stream",
};

export function contentTypeOf(file: string): string {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? "application/octet-stream";
}

export interface ServeOptions {
  /** The path the site answers under, with both slashes (`/akhbar/`); default `/`. */
  pathPrefix?: string;
  /** Send the headers the site's `_headers` file gives each address, and never serve it or `_redirects`. */
  headersFile?: boolean;
}

interface Host {
  root: string;
  pathPrefix: string;
  rules: HeaderRule[];
  hidden: Set<string>;
}

export async function serveStatic(folder: string, { pathPrefix = "/", headersFile = false }: ServeOptions = {}): Promise<StaticServer> {
  // The real path, so that the containment check below compares like with like (/tmp may be a link).
  const root = await realpath(folder);
  const host: Host = {
    root,
    pathPrefix,
    rules: headersFile ? parseHeadersFile(await readFile(path.join(root, "_headers"), "utf8")) : [],
    hidden: new Set(headersFile ? ["/_headers", "/_redirects"] : []),
  };

  const server = createServer((request, response) => {
    if (host.rules.length > 0) {
      const requested = (request.url ?? "/").replace(/[?#].*$/s, "");
      for (const [name, value] of headersFor(host.rules, requested)) response.setHeader(name, value);
    }
    handle(host, request, response).catch((error: unknown) => {
      if (!response.headersSent) send(response, 500, "text/plain; charset=utf-8", `Internal error: ${String(error)}`);
      else response.destroy();
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      server.off("error", reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // A browser keeps idle keep-alive connections open; close() alone would wait for them.
        server.closeAllConnections();
      }),
  };
}

async function handle({ root, pathPrefix, hidden }: Host, request: IncomingMessage, response: ServerResponse): Promise<void> {
  if (request.method !== "GET" && request.method !== "HEAD") {
    response.setHeader("Allow", "GET, HEAD");
    send(response, 405, "text/plain; charset=utf-8", "Method not allowed", request);
    return;
  }

  let pathname: string;
  try {
    // The URL parser resolves `.` and `..` segments; decoding comes after it, so encoded
    // ones (`%2e%2e%2f`) are caught by the containment check below. The path is prefixed,
    // not resolved against a base: `//etc/passwd` is a path here, not a host.
    const target = request.url ?? "/";
    pathname = decodeURIComponent(new URL(target.startsWith("/") ? `http://localhost${target}` : target).pathname);
  } catch {
    send(response, 400, "text/plain; charset=utf-8", "Bad request", request);
    return;
  }
  if (pathname.includes("\0") || pathname.includes("\\")) {
    send(response, 400, "text/plain; charset=utf-8", "Bad request", request);
    return;
  }

  // Below the prefix the site's files; anywhere else, nothing (the host's own 404).
  if (pathPrefix !== "/" && `${pathname}/` === pathPrefix) {
    response.setHeader("Location", `${pathPrefix}${request.url?.includes("?") ? request.url.slice(request.url.indexOf("?")) : ""}`);
    send(response, 301, "text/plain; charset=utf-8", "Moved permanently", request);
    return;
  }
  if (!pathname.startsWith(pathPrefix)) {
    send(response, 404, "text/plain; charset=utf-8", "Not found", request);
    return;
  }
  pathname = `/${pathname.slice(pathPrefix.length)}`;
  if (hidden.has(pathname)) pathname = "/.not-served";

  const requested = path.resolve(root, `.${pathname}`);
  if (!isInside(root, requested)) {
    send(response, 403, "text/plain; charset=utf-8", "Forbidden", request);
    return;
  }

  let file = pathname.endsWith("/") ? path.join(requested, "index.html") : requested;
  let info = await statOrNull(file);
  if (info?.isDirectory()) {
    // As static hosts do: /news/149840 → /news/149840/, so that relative links resolve.
    const search = request.url?.includes("?") ? request.url.slice(request.url.indexOf("?")) : "";
    const location = path.relative(root, requested).split(path.sep).map(encodeURIComponent).join("/");
    response.setHeader("Location", `${pathPrefix}${location ? `${location}/` : ""}${search}`);
    send(response, 301, "text/plain; charset=utf-8", "Moved permanently", request);
    return;
  }
  // No symbolic link may lead out of the folder either.
  if (info?.isFile() && !isInside(root, await realpath(file))) {
    send(response, 403, "text/plain; charset=utf-8", "Forbidden", request);
    return;
  }

  let status = 200;
  if (!info?.isFile()) {
    status = 404;
    file = path.join(root, "404.html");
    info = await statOrNull(file);
    if (!info?.isFile()) {
      send(response, 404, "text/plain; charset=utf-8", "Not found", request);
      return;
    }
  }

  const body = await readFile(file);
  send(response, status, contentTypeOf(file), body, request);
}

function isInside(root: string, target: string): boolean {
  const relative = path.relative(root, target);
  return relative === "" || (relative !== ".." && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative));
}

async function statOrNull(file: string) {
  try {
    return await stat(file);
  } catch {
    return null;
  }
}

function send(response: ServerResponse, status: number, contentType: string, body: string | Buffer, request?: IncomingMessage): void {
  const bytes = typeof body === "string" ? Buffer.from(body) : body;
  response.writeHead(status, {
    "Content-Type": contentType,
    "Content-Length": bytes.length,
    // Unless the site's _headers says otherwise (set on the response before this).
    "Cache-Control": response.getHeader("Cache-Control") ?? "no-store",
    // The browser must go by the content types above, as it does on a well-configured host.
    "X-Content-Type-Options": "nosniff",
  });
  response.end(request?.method === "HEAD" ? undefined : bytes);
}
