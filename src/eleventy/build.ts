/**
 * The production build (`npm run build`): Eleventy, with the build's steps (src/build/steps.ts),
 * writes into a staging folder beside the output folder, and only a build that succeeded changes
 * the output. A failed build leaves the previous site exactly as it was.
 *
 * When the output is a site this build cache knows (src/output/publish.ts), only the files that
 * changed are written to the staging folder and then moved into the site; otherwise the
 * whole site is built in staging and swapped in.
 *
 * One build at a time: the output folder's lock (src/output/output-lock.ts) is held from before
 * the publication is prepared until the site is published.
 */
import path from "node:path";
import { rm } from "node:fs/promises";
import { Eleventy } from "@11ty/eleventy";
import type { BuildState } from "../build/state.js";
import { Publication, restoreInterruptedSwap, siteManifestDir } from "../output/publish.js";
import { lockOutput, lockWait } from "../output/output-lock.js";
import { publishRank } from "../build/publish-order.js";
import { stopSearchIndexer } from "../search/search-index.js";
import { buildStateOf, ELEVENTY_INPUT } from "./plugin.js";

export interface BuildOptions {
  /** The content folder: read by the build's steps as data, never by Eleventy (src/eleventy/plugin.ts). */
  input: string;
  output: string;
  configPath?: string;
  quiet?: boolean;
}

/** Errors Eleventy has printed already, with its own account of where they arose. */
const reportedByEleventy = new WeakSet<object>();

/** Whether Eleventy printed `error` already (a failure after Eleventy, such as publishing, it did not). */
export function eleventyReported(error: unknown): boolean {
  return error instanceof Object && reportedByEleventy.has(error);
}

const report = (message: string) => console.log(`[akhbar] ${message}`);

/** Builds and publishes, once no other build (or dev server) writes into the output folder. */
export async function buildSite(options: BuildOptions): Promise<void> {
  const lock = await lockOutput(options.output, { holder: "build", wait: lockWait(), report });
  try {
    await buildAndPublish(options);
  } finally {
    await lock.release();
  }
}

async function buildAndPublish({ input, output, configPath = ".eleventy.ts", quiet = true }: BuildOptions): Promise<void> {
  const target = path.resolve(output);
  const staging = `${target}.staging`;

  // Prepare the publication: a publish the last build did not finish is finished first.
  await restoreInterruptedSwap(target);
  const publication = new Publication(target, staging, siteManifestDir(), { rank: publishRank, report });
  await publication.prepare();
  let state: BuildState | undefined;
  try {
    const eleventy = new Eleventy(ELEVENTY_INPUT, staging, {
      configPath,
      quietMode: quiet,
      runMode: "build",
      config: (eleventyConfig) => {
        state = buildStateOf(eleventyConfig);
        state.publication = publication;
        state.contentDir = input;
      },
    });
    await eleventy.write();
  } catch (error) {
    // The search index is made alongside the pages: let it stop writing before its folder goes.
    await state?.searchIndexSettled({ stop: true });
    await rm(staging, { recursive: true, force: true });
    if (error instanceof Object) reportedByEleventy.add(error);
    throw error;
  } finally {
    await stopSearchIndexer();
  }
  // Publish: what changed moves into the site.
  const { moved, removed } = await publication.commit();
  if (publication.incremental) console.log(`[akhbar] published: ${moved} files changed, ${removed} removed`);
}
