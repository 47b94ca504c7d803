/**
 * Akhbar as an Eleventy plugin: the one place where the build meets Eleventy. It runs the build's
 * steps (src/build/steps.ts) on Eleventy's `eleventy.before` and `eleventy.after`, adds the few
 * pages Eleventy renders, and sets what Eleventy itself does (copies, address prefixes, watching).
 * `.eleventy.ts` only registers this.
 *
 * Each Eleventy instance has one `BuildState`: a production build's, or the dev server's, which
 * lives across its rebuilds. It is found from Eleventy's configuration object, so that whoever
 * runs Eleventy (src/eleventy/build.ts, the dev server) reaches the state of its own builds only.
 *
 * The content folder is never Eleventy's input. Editors commit to it, and Eleventy runs what its
 * input holds (an `.11ty.js` template, a `_data/*.js` file) on the build machine, and copies
 * what it is told to: Eleventy's input is ELEVENTY_INPUT, an empty folder of the project's own
 * code, and renders only the pages this plugin adds. Whoever runs Eleventy names the content
 * folder on the build's state (`state.contentDir`); the steps read it as data.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { HtmlBasePlugin, type EleventyEventArguments, type UserConfig } from "@11ty/eleventy";
import { AFTER_ELEVENTY_PAGES, BEFORE_ELEVENTY_PAGES, eleventyPages, type BuildRun, type BuildStep } from "../build/steps.js";
import { BuildState } from "../build/state.js";
import { DevServerErrors } from "./dev-server-errors.js";
import { between, timeStep, timingsWanted } from "../build/step-timings.js";
import { stepTimed } from "../messages/build.js";
import { say } from "../messages/messages.js";

/** Eleventy's input folder (src/eleventy/pages/): nothing in it for Eleventy to read; relative to the working folder, as Eleventy names folders. */
export const ELEVENTY_INPUT = path.relative(process.cwd(), fileURLToPath(new URL("./pages/", import.meta.url))).split(path.sep).join("/");

const statesByConfig = new WeakMap<UserConfig, BuildState>();

/** The state of the builds of the Eleventy instance whose configuration is `eleventyConfig`. */
export function buildStateOf(eleventyConfig: UserConfig): BuildState {
  let state = statesByConfig.get(eleventyConfig);
  if (!state) statesByConfig.set(eleventyConfig, (state = new BuildState()));
  return state;
}

/**
 * Refuses an Eleventy whose input, data or includes folder is not ELEVENTY_INPUT (`npx @11ty/eleventy
 * --input=content`): it would read the content folder as templates and data, and run its code.
 */
function checkDirectories(eleventyConfig: UserConfig): void {
  const input = path.resolve(ELEVENTY_INPUT);
  const { directories } = eleventyConfig;
  const outside = [directories.input, directories.data, directories.includes].filter((folder) => {
    const relative = path.relative(input, path.resolve(folder));
    return relative.startsWith("..") || path.isAbsolute(relative);
  });
  if (outside.length > 0) {
    throw new Error(
      `Akhbar: Eleventy's input must be ${ELEVENTY_INPUT}/ (a folder with nothing for Eleventy to read), not ${directories.input}: ` +
        "the content folder is data, read by the build itself. Build with `npm run build -- --input <content folder>` or `npm start -- --input <content folder>`.",
    );
  }
}

async function runSteps(steps: readonly BuildStep[], state: BuildState, event: EleventyEventArguments): Promise<void> {
  if (state.contentDir === undefined) {
    throw new Error("Internal error: no content folder was set on the build's state (src/eleventy/build.ts and scripts/serve.ts set state.contentDir)");
  }
  const run: BuildRun = {
    contentDir: state.contentDir,
    outputDir: event.directories.output,
    preview: event.runMode !== "build",
    writes: event.outputMode === "fs",
    eleventyResults: event.results ?? [],
  };
  if (!timingsWanted()) {
    for (const step of steps) await step.run(state, run);
    return;
  }
  for (const step of steps) console.log(say(stepTimed(await timeStep(step.name, () => step.run(state, run)))));
}

/** With AKHBAR_TIMINGS=1, the time Eleventy takes for its own pages, between the two runs of steps. */
function eleventyPagesTimer(): { stepsEnded(): void; stepsResumed(): void } {
  let ended: { at: number; cpu: NodeJS.CpuUsage } | undefined;
  return {
    stepsEnded: () => {
      if (timingsWanted()) ended = { at: performance.now(), cpu: process.cpuUsage() };
    },
    stepsResumed: () => {
      if (!ended) return;
      const used = process.cpuUsage(ended.cpu);
      console.log(say(stepTimed(between("Eleventy's own pages", ended.at, performance.now(), (used.user + used.system) / 1000))));
      ended = undefined;
    },
  };
}

export default function akhbarPlugin(eleventyConfig: UserConfig): void {
  checkDirectories(eleventyConfig);
  const state = buildStateOf(eleventyConfig);
  // Other plugins' handlers (none today) run one after another with these, never beside them.
  eleventyConfig.setEventEmitterMode("sequential");

  eleventyConfig.on("eleventy.beforeWatch", (queue: string[]) => {
    state.changedFiles = queue;
  });
  // The dev server shows a failed build's problems in the browser instead of the site (dev-server-errors.ts):
  // a build fails where Akhbar's code throws, in its steps or in a page Eleventy renders, and succeeds at its last step.
  const errors = new DevServerErrors();
  errors.register(eleventyConfig);
  const eleventyPagesTime = eleventyPagesTimer();
  eleventyConfig.on("eleventy.before", async (event: EleventyEventArguments) => {
    errors.buildStarted();
    await errors.track(() => runSteps(BEFORE_ELEVENTY_PAGES, state, event));
    eleventyPagesTime.stepsEnded();
  });
  eleventyConfig.on("eleventy.after", async (event: EleventyEventArguments) => {
    eleventyPagesTime.stepsResumed();
    await errors.track(() => runSteps(AFTER_ELEVENTY_PAGES, state, event));
    errors.buildSucceeded();
  });

  for (const page of eleventyPages(state)) {
    eleventyConfig.addTemplate(`akhbar/${page.name}.11ty.js`, { render: () => errors.track(() => page.render()) }, { permalink: page.permalink, layout: false });
  }
  // Lists are made from the validated archive; Eleventy's own collections are not used.
  eleventyConfig.addGlobalData("eleventyExcludeFromCollections", true);
  eleventyConfig.addPassthroughCopy({ "src/assets/favicon.svg": "favicon.svg" });
  // Nothing of the content folder is copied: the files of content/images/ the pages use are
  // published by the picture pipeline (src/render/images.ts), checked, and no others.
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
