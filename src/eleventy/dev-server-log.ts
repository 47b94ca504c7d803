/**
 * What `npm start` prints, instead of Eleventy and its dev server (src/eleventy/build-log.ts says
 * why): the files whose change starts a rebuild, each build's time and release count, the address
 * once the server listens, and a failed build's problems (with a line saying the browser shows
 * them), in the operator's language. Eleventy prints a failed build's error through its error
 * handler, which is the one place every failure of a dev-server build passes: the build's own
 * account is printed from there. `--verbose` lets Eleventy's own output through as well.
 */
import type { Eleventy, UserConfig } from "@11ty/eleventy";
import { buildStateOf } from "./plugin.js";
import { describeBuildError } from "./build-log.js";
import { say } from "../messages/messages.js";
import { devServerError, fileChanged, portInUse, PREVIEW_FAILED, previewBuilt, previewReady } from "../messages/build.js";

/** The dev server's own lines: registered on its configuration (the `config` option of `new Eleventy`). */
export function logDevServer(eleventyConfig: UserConfig, { verbose }: { verbose: boolean }): void {
  const state = buildStateOf(eleventyConfig);
  let started = 0;
  let builds = 0;
  eleventyConfig.on("eleventy.beforeWatch", (queue: string[]) => {
    for (const file of queue) console.log(say(fileChanged(file)));
  });
  let summarised = false;
  eleventyConfig.on("eleventy.before", () => {
    started = performance.now();
    // The `config` option runs before the configuration file, whose plugin runs the build's last
    // steps on eleventy.after: handlers run in the order they were added, so the summary's is
    // added now, after the plugin's, and is printed once those steps are done.
    if (summarised) return;
    summarised = true;
    eleventyConfig.on("eleventy.after", () => {
      console.log(say(previewBuilt(performance.now() - started, state.archive().releases.length, builds++ > 0)));
    });
  });
  if (verbose) return;
  eleventyConfig.setServerOptions({
    // Called once the server listens; returning false keeps the dev server's own line out.
    messageOnStart: ({ localhostUrl }: { localhostUrl: string }) => {
      console.log(say(previewReady(localhostUrl)));
      return false;
    },
    logger: {
      info: () => {},
      log: () => {},
      error: (message: string) => {
        const port = /Port in use (\d+)/.exec(message)?.[1];
        console.error(say(port ? portInUse(port) : devServerError(message)));
      },
    },
  });
}

/** Prints each build's failure as the build's own account (Eleventy's logger being off: src/eleventy/build-log.ts). */
export function printBuildFailures(eleventy: Eleventy, { verbose }: { verbose: boolean }): void {
  const handler = eleventy.errorHandler;
  const { error: eleventyError, fatal: eleventyFatal } = handler;
  const printed = new WeakSet<object>();
  const print = (error: unknown) => {
    if (error instanceof Object) {
      if (printed.has(error)) return;
      printed.add(error);
    }
    console.error(describeBuildError(error));
    console.error(say(PREVIEW_FAILED));
  };
  handler.error = (error, message) => {
    print(error);
    if (verbose) eleventyError.call(handler, error, message);
  };
  handler.fatal = (error, message) => {
    print(error);
    if (verbose) eleventyFatal.call(handler, error, message);
    else process.exitCode = 1;
  };
}
