/**
 * The Content-Security-Policy: what a page of the site may load and run, enforced by the
 * browser even if some markup from content ever slipped past escaping. Sent as a header
 * (`_headers`, src/build/host-headers.ts) where the host reads one, and as a `<meta>` in every page,
 * so that hosts without custom headers (GitHub Pages, GitLab Pages) get it too.
 *
 * Scripts come only from the site itself: no inline script, no event-handler attribute, no
 * eval. JSON-LD (`<script type="application/ld+json">`) is data that browsers never run,
 * so the policy does not touch it. 'wasm-unsafe-eval' lets Pagefind compile its
 * WebAssembly search engine, and nothing else: it does not allow JavaScript eval.
 */
import { PLAYER_ORIGINS } from "./video.js";

/** Directive → sources. Order is kept in the output. */
export const CONTENT_SECURITY_POLICY: ReadonlyArray<readonly [string, string]> = [
  ["default-src", "'none'"],
  ["script-src", "'self' 'wasm-unsafe-eval'"],
  // Pagefind's search runs in a Web Worker loaded from /pagefind/.
  ["worker-src", "'self'"],
  ["style-src", "'self'"],
  // Pictures on other sites may be a release's `image` (https only).
  ["img-src", "'self' https: data:"],
  ["font-src", "'self'"],
  // Videos (src/render/video.ts): the players of YouTube (its no-cookie host) and Aparat, framed only
  // when the reader asks (src/assets/release-client.ts); video files from the site itself.
  ["frame-src", PLAYER_ORIGINS.join(" ")],
  ["media-src", "'self'"],
  // Pagefind fetches its index and WebAssembly from the site.
  ["connect-src", "'self'"],
  ["manifest-src", "'self'"],
  ["base-uri", "'none'"],
  ["form-action", "'self'"],
  ["object-src", "'none'"],
  // Only as a header: browsers ignore it in <meta>, with a console error.
  ["frame-ancestors", "'none'"],
];

/** Directives a <meta http-equiv> cannot carry (the CSP specification ignores them there). */
const HEADER_ONLY = new Set(["frame-ancestors", "report-uri", "report-to", "sandbox"]);

export function contentSecurityPolicy(where: "header" | "meta"): string {
  return CONTENT_SECURITY_POLICY.filter(([directive]) => where === "header" || !HEADER_ONLY.has(directive))
    .map(([directive, sources]) => `${directive} ${sources}`)
    .join("; ");
}

/** Headers every response gets, besides caching (src/build/host-headers.ts). */
export const SECURITY_HEADERS: ReadonlyArray<readonly [string, string]> = [
  ["Content-Security-Policy", contentSecurityPolicy("header")],
  // Files are served as their extension says, never sniffed into something runnable.
  ["X-Content-Type-Options", "nosniff"],
  ["Referrer-Policy", "strict-origin-when-cross-origin"],
  // For browsers without CSP frame-ancestors.
  ["X-Frame-Options", "DENY"],
];
