/**
 * Akhbar as an Eleventy plugin: the one place where the build meets Eleventy. It runs the build's
 * steps (src/build/steps.ts) on Eleventy's `eleventy.before` and `eleventy.after`, adds the few
 * pages Eleventy renders, and sets what Eleventy itself does (copies, address prefixes, watching).
 * `.eleventy.ts` only registers this.
 *
 * Each Eleventy instance has one `BuildState`: a production build's, or the dev server's, which
 * lives across its rebuilds. It is found from Eleventy's configuration object, so that whoever
 * runs Eleventy (src/eleventy/build.ts, the dev server) reaches the state of its own builds only.
 */
import path from "node:path";
import { HtmlBasePlugin, type EleventyEventArguments, type UserConfig } from "@11ty/eleventy";
import { AFTER_ELEVENTY_PAGES, BEFORE_ELEVENTY_PAGES, eleventyPages, type BuildRun, type BuildStep } from "../build/steps.js";
import { BuildState } from "../build/state.js";

const statesByConfig = new WeakMap<UserConfig, BuildState>();

/** The state of the builds of the Eleventy instance whose configuration is `eleventyConfig`. */
export function buildStateOf(eleventyConfig: UserConfig): BuildState {
  let state = statesByConfig.get(eleventyConfig);
  if (!state) statesByConfig.set(eleventyConfig, (state = new BuildState()));
  return state;
}

async function runSteps(steps: readonly BuildStep[], state: BuildState, event: EleventyEventArguments): Promise<void> {
  const run: BuildRun = {
    contentDir: event.directories.input,
    outputDir: event.directories.output,
    preview: event.runMode !== "build",
    writes: event.outputMode === "fs",
    eleventyResults: event.results ?? [],
  };
  for (const step of steps) await step.run(state, run);
}

export default function akhbarPlugin(eleventyConfig: UserConfig): void {
  const state = buildStateOf(eleventyConfig);
  // Other plugins' handlers (none today) run one after another with these, never beside them.
  eleventyConfig.setEventEmitterMode("sequential");

  eleventyConfig.on("eleventy.beforeWatch", (queue: string[]) => {
    state.changedFiles = queue;
  });
  eleventyConfig.on("eleventy.before", (event: EleventyEventArguments) => runSteps(BEFORE_ELEVENTY_PAGES, state, event));
  eleventyConfig.on("eleventy.after", (event: EleventyEventArguments) => runSteps(AFTER_ELEVENTY_PAGES, state, event));

  for (const page of eleventyPages(state)) {
    eleventyConfig.addTemplate(`akhbar/${page.name}.11ty.js`, { render: () => page.render() }, { permalink: page.permalink, layout: false });
  }
  // Lists are made from the validated archive; Eleventy's own collections are not used.
  eleventyConfig.addGlobalData("eleventyExcludeFromCollections", true);
  eleventyConfig.addPassthroughCopy({ "src/assets/favicon.svg": "favicon.svg" });
  eleventyConfig.addPassthroughCopy({ [path.join(eleventyConfig.directories.input, "images")]: "images" });
  // The path prefix of SITE_URL in every address of the pages Eleventy renders (the pages the
  // steps write are prefixed as they are written: src/render/html-urls.ts).
  eleventyConfig.addPlugin(HtmlBasePlugin);

  // The dev server: after every rebuild Eleventy looks for the JavaScript files the configuration
  // imports and hands them to its watcher again, which then walked the content folder once more
  // (0.5 s of each save at 40,000 releases). src/ and layouts/ are watched as folders instead: a
  // change there still rebuilds. Node loads an ES module once per process, so a change of code
  // took a restart of `npm start` before this too. The content folder has its own watcher
  // (src/build/content-watcher.ts, scripts/serve.ts).
  eleventyConfig.setWatchJavaScriptDependencies(false);
  eleventyConfig.addWatchTarget("src/");
  eleventyConfig.addWatchTarget("layouts/");
}
