/**
 * `npm start`: the editors' preview. Eleventy's dev server builds the archive (drafts and
 * embargoed releases shown), serves it on http://localhost:8080/, and rebuilds and reloads the
 * browser on every save.
 * Options: --input <content folder> (default content), --output <folder> (default _site), --port.
 *
 * Eleventy's input is the project's empty src/eleventy/pages/, never the content folder (whose
 * files it would read as templates and data: src/eleventy/plugin.ts); the content folder is named
 * on the build's state. Eleventy's own watcher is kept for the code and configuration, but not
 * given the content folder: src/build/content-watcher.ts watches that (one watch per folder rather
 * than per file; see there why) and hands each save to Eleventy's watcher as its own event, so
 * Eleventy rebuilds exactly as it would have.
 *
 * It writes into its output folder in place, so it holds the folder's lock (src/output/output-lock.ts)
 * while it runs: it waits for a build writing there, and a build refuses to write while it runs.
 */
import path from "node:path";
import { parseArgs } from "node:util";
import { Eleventy } from "@11ty/eleventy";
import { stopSearchIndexer } from "../src/search/search-index.js";
import { watchContentFolder, type ContentEvent } from "../src/build/content-watcher.js";
import { buildStateOf, ELEVENTY_INPUT } from "../src/eleventy/plugin.js";
import { lockOutput, lockWait, OutputLockedError } from "../src/output/output-lock.js";

const { values } = parseArgs({
  options: {
    input: { type: "string", default: "content" },
    output: { type: "string", default: "_site" },
    port: { type: "string", default: "8080" },
  },
});

const contentDir = path.resolve(values.input);
// Relative to the working folder, as Eleventy writes its watcher's globs (an absolute glob is not matched).
const contentGlob = path.relative(process.cwd(), contentDir).split(path.sep).join("/");
if (contentGlob === "") throw new Error("--input: the content folder must be a folder of its own, not the project's folder");

const lock = await lockOutput(values.output, { holder: "dev server", wait: lockWait(), report: (message) => console.log(`[akhbar] ${message}`) }).catch((error: unknown) => {
  if (!(error instanceof OutputLockedError)) throw error;
  console.error(error.message);
  process.exit(1);
});
// However the process ends, short of a kill; a killed one's lock is taken over by the next writer.
process.on("exit", () => lock.releaseSync());

const eleventy = new Eleventy(ELEVENTY_INPUT, values.output, {
  configPath: ".eleventy.ts",
  runMode: "serve",
  config: (eleventyConfig) => {
    buildStateOf(eleventyConfig).contentDir = values.input;
    eleventyConfig.watchIgnores.add(`${contentGlob}/**`);
  },
});
await eleventy.init();
// Started before the first build, so that a save during it is not lost: it is handed to Eleventy's
// watcher once there is one (a rebuild follows the first build), where Eleventy alone would miss it.
let saved: Array<[ContentEvent, string]> | undefined = [];
const report = (event: ContentEvent, file: string) => {
  // Named as Eleventy's watcher names them: relative to the working folder where they are under it.
  const relative = path.relative(process.cwd(), file);
  eleventy.watcher.emit(event, relative.startsWith("..") || path.isAbsolute(relative) ? file : relative);
};
const content = watchContentFolder(contentDir, (event, file) => (saved ? saved.push([event, file]) : report(event, file)));
// The first build, then Eleventy's watcher.
await eleventy.watch();
for (const [event, file] of saved) report(event, file);
saved = undefined;
void eleventy.serve(Number(values.port));

process.on("SIGINT", async () => {
  content.close();
  await eleventy.stopWatch();
  // A search index still being written would keep its worker threads and Pagefind processes running.
  await stopSearchIndexer();
  await lock.release();
  process.exitCode = 0;
});
