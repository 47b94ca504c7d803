/**
 * The dev server's builds (`npm start`) without its file watcher and web server, for tests:
 * `node --import tsx tests/support/preview-rebuilds.ts <input> <output> [<steps.json>]` builds <input>
 * into <output> as the dev server's first build does; then, for each step of <steps.json> (a
 * list of { "relative/path.md": "new text" }), writes those files into <input> and rebuilds as
 * Eleventy's watcher does after a save (`eleventy.beforeWatch` with the saved files, then a
 * build in the same Eleventy, whose plugin keeps its state). Each build waits for its search
 * index, so that the output is complete when this exits.
 */
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { Eleventy } from "@11ty/eleventy";
import { stopSearchIndexer } from "../../src/search/search-index.js";
import { buildStateOf, ELEVENTY_INPUT } from "../../src/eleventy/plugin.js";
import type { BuildState } from "../../src/build/state.js";

const [input, output, stepsFile] = process.argv.slice(2) as [string, string, string | undefined];
const steps = stepsFile ? (JSON.parse(await readFile(stepsFile, "utf8")) as Array<Record<string, string>>) : [];

// What Eleventy's watcher calls between builds (node_modules/@11ty/eleventy/src/Eleventy.js, #watch).
interface WatchingEleventy {
  config: { events: { emit(event: string, ...args: unknown[]): Promise<unknown> } };
  restart(): Promise<void>;
  init(): Promise<void>;
  write(): Promise<unknown>;
}

let state: BuildState | undefined;
// Eleventy's input is the project's empty folder; the content folder is the build's data (src/eleventy/plugin.ts).
const eleventy = new Eleventy(ELEVENTY_INPUT, output, {
  configPath: ".eleventy.ts",
  quietMode: true,
  runMode: "serve",
  config: (eleventyConfig) => {
    state = buildStateOf(eleventyConfig);
    state.contentDir = input;
  },
}) as unknown as WatchingEleventy;
const searchIndexWritten = () => state!.searchIndexSettled();
try {
  await eleventy.write();
  await searchIndexWritten();
  for (const [number, files] of steps.entries()) {
    const saved = Object.keys(files).map((file) => path.join(input, file));
    for (const [file, text] of Object.entries(files)) await writeFile(path.join(input, file), text);
    console.log(`[step ${number + 1}] saved ${saved.length} file(s)`);
    await eleventy.config.events.emit("eleventy.beforeWatch", saved);
    await eleventy.restart();
    await eleventy.init();
    await eleventy.write();
    await searchIndexWritten();
  }
} finally {
  await stopSearchIndexer();
}
