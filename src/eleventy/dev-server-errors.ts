/**
 * Errors in the browser under `npm start`. Eleventy prints a failed rebuild's error in the terminal
 * only, and its dev server (@11ty/eleventy-dev-server) neither reloads the browser after a failed
 * build nor stops serving the pages the last good build wrote: an editor who watches only the
 * browser would think the save worked. So, while the last build of the dev server failed, every
 * page the browser asks for is the error page (src/pages/build-errors.ts: the problems with
 * file, line and field), and the browser is told to reload when a build fails, so that it shows
 * the page without the editor's doing anything; the next good build brings the site back
 * (Eleventy reloads the browser after it, as after every good build).
 *
 * Wired through the dev server's documented options (`setServerOptions`): `middleware` runs before
 * it serves a file from the output, and `ready` hands over the server, whose `reload()` is what
 * Eleventy itself calls after a good build. The page is made in memory for each request, never
 * written: a production build never has it.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { UserConfig } from "@11ty/eleventy";
import { buildErrorsPage } from "../pages/build-errors.js";
import { ADMIN_PATH } from "../admin/admin-page.js";

/** What Akhbar calls on @11ty/eleventy-dev-server's instance: it sends each open page "reload". */
interface DevServer {
  reload(event?: Record<string, unknown>): void;
}

type Middleware = (request: IncomingMessage, response: ServerResponse, next: () => void) => void;

/** A request for a page (the browser's navigation, or an address of a page), not for a stylesheet, picture or script. */
export function asksForPage(request: Pick<IncomingMessage, "method" | "url" | "headers">): boolean {
  if (request.method !== "GET" && request.method !== "HEAD") return false;
  const pathname = new URL(request.url ?? "/", "http://localhost").pathname;
  // The browser's editor (src/admin/) stays usable: it is where the editor fixes the release the build refused.
  if (pathname.startsWith(ADMIN_PATH)) return false;
  if (/\btext\/html\b/.test(request.headers.accept ?? "")) return true;
  return pathname.endsWith("/") || pathname.endsWith(".html");
}

/** The dev server's last build: failed or not, and what the browser is shown for it. */
export class DevServerErrors {
  private failure: { error: unknown } | undefined;
  /** The build under way has failed already: its first error is the one shown (and the browser reloaded once). */
  private failedThisBuild = false;
  private server: DevServer | undefined;

  /** Adds the middleware and takes the dev server once it is ready (again after a restart of it). */
  register(eleventyConfig: UserConfig): void {
    eleventyConfig.setServerOptions({
      middleware: [this.middleware],
      ready: (server: DevServer) => {
        this.server = server;
      },
    });
  }

  /** Whether the last build failed: the browser is shown the error page. */
  get failed(): boolean {
    return this.failure !== undefined;
  }

  buildStarted(): void {
    this.failedThisBuild = false;
  }

  /** Runs a part of a build (its steps, a page Eleventy renders), noting that the build failed if it throws. */
  async track<T>(part: () => T | Promise<T>): Promise<T> {
    try {
      return await part();
    } catch (error) {
      this.buildFailed(error);
      throw error;
    }
  }

  /** The build failed: the open pages reload, and are given the error page. */
  buildFailed(error: unknown): void {
    if (this.failedThisBuild) return;
    this.failedThisBuild = true;
    this.failure = { error };
    // Eleventy does not reload the browser after a failed build (it only logs the error in its console).
    this.server?.reload({});
  }

  /** The build succeeded: the site is served again (Eleventy reloads the browser next). */
  buildSucceeded(): void {
    this.failure = undefined;
  }

  /** The error page for every page asked for while the last build failed; anything else as the dev server serves it. */
  readonly middleware: Middleware = (request, response, next) => {
    const failure = this.failure;
    if (!failure || !asksForPage(request)) return next();
    // 200, as the page the browser asked for: the dev server adds its live-reload script to it (from
    // /.11ty/, which the page's policy allows), so the page reloads into the site after the next good
    // build. (Another status made Chromium log a console error for the page itself.)
    response.statusCode = 200;
    response.setHeader("Content-Type", "text/html; charset=utf-8");
    response.setHeader("Cache-Control", "no-store");
    response.end(buildErrorsPage(failure.error));
  };
}
