/**
 * `npm start`: the editors' preview. Eleventy's dev server builds the archive (drafts and
 * embargoed releases shown), serves it on http://localhost:8080/, and rebuilds and reloads the
 * browser on every save.
 * Options: --input <content folder> (default content), --output <folder> (default _site), --port,
 * --verbose (Eleventy's own output too; the build's own lines are printed either way:
 * src/eleventy/dev-server-log.ts), --cms (or AKHBAR_CMS_LOCAL=1: the browser's editor's local
 * backend too, so that http://localhost:8080/admin/ saves into the working tree: src/admin/local-backend.ts).
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
import { lockOutput } from "../src/output/output-lock.js";
import { describeBuildError, describeLockEvent, outputLockWait, quietEleventy, VERBOSE_FLAG } from "../src/eleventy/build-log.js";
import { logDevServer, printBuildFailures } from "../src/eleventy/dev-server-log.js";
import { INPUT_IS_PROJECT } from "../src/messages/build.js";
import { contentErrorOf } from "../src/pages/build-errors.js";
import { say } from "../src/messages/messages.js";
import { localEditorReady } from "../src/messages/dev-server.js";
import { localBackendWanted, startLocalBackend } from "../src/admin/local-backend.js";

const { values } = parseArgs({
  options: {
    input: { type: "string", default: "content" },
    output: { type: "string", default: "_site" },
    port: { type: "string", default: "8080" },
    [VERBOSE_FLAG]: { type: "boolean", default: false },
    cms: { type: "boolean", default: false },
  },
});
const verbose = values[VERBOSE_FLAG];

const contentDir = path.resolve(values.input);
// Relative to the working folder, as Eleventy writes its watcher's globs (an absolute glob is not matched).
const contentGlob = path.relative(process.cwd(), contentDir).split(path.sep).join("/");
if (contentGlob === "") {
  console.error(say(INPUT_IS_PROJECT));
  process.exit(2);
}

// Another writer of the folder, or an AKHBAR_LOCK_WAIT that is no number, is said in words; anything else with its stack.
const lock = await (async () => lockOutput(values.output, { holder: "dev server", wait: outputLockWait(), report: (event) => console.log(describeLockEvent(event)) }))().catch(
  (error: unknown) => {
    console.error(describeBuildError(error));
    process.exit(1);
  },
);
// However the process ends, short of a kill; a killed one's lock is taken over by the next writer.
process.on("exit", () => lock.releaseSync());

const eleventy = new Eleventy(ELEVENTY_INPUT, values.output, {
  configPath: ".eleventy.ts",
  runMode: "serve",
  quietMode: !verbose,
  config: (eleventyConfig) => {
    buildStateOf(eleventyConfig).contentDir = values.input;
    eleventyConfig.watchIgnores.add(`${contentGlob}/**`);
    logDevServer(eleventyConfig, { verbose });
  },
});
quietEleventy(eleventy, verbose);
printBuildFailures(eleventy, { verbose });
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
// The first build, then Eleventy's watcher. An archive with problems does not stop the dev server:
// the browser is shown them (src/eleventy/dev-server-errors.ts), and the watcher starts all the
// same, so the save that fixes them brings the site. Eleventy's watch() would give up at the
// first build's error, so that one build's ContentError is caught (printed as every failed build's is).
const write = eleventy.write;
eleventy.write = async function firstBuild(this: Eleventy) {
  eleventy.write = write;
  try {
    return await write.call(this);
  } catch (error) {
    if (!contentErrorOf(error)) throw error;
    return [];
  }
};
await eleventy.watch();
for (const [event, file] of saved) report(event, file);
saved = undefined;
void eleventy.serve(Number(values.port));
// The editor's local backend (decap-server), when asked for: /admin/ on localhost saves through it.
const cms = localBackendWanted(values.cms) ? startLocalBackend(contentDir) : undefined;
if (cms) console.log(say(localEditorReady(`http://localhost:${values.port}/admin/`)));
process.on("exit", () => cms?.kill());

process.on("SIGINT", async () => {
  content.close();
  await eleventy.stopWatch();
  // A search index still being written would keep its worker threads and Pagefind processes running.
  await stopSearchIndexer();
  await lock.release();
  process.exitCode = 0;
});
