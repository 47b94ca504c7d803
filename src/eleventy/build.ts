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
 *
 * Eleventy runs quiet (src/eleventy/build-log.ts): the build prints its own lines, and the caller
 * prints what stopped it (`describeBuildError`) and the summary this returns.
 */
import path from "node:path";
import { rm } from "node:fs/promises";
import { Eleventy } from "@11ty/eleventy";
import type { BuildState } from "../build/state.js";
import { Publication, restoreInterruptedSwap, siteManifestDir } from "../output/publish.js";
import { lockOutput } from "../output/output-lock.js";
import { publishRank } from "../build/publish-order.js";
import { stopSearchIndexer } from "../search/search-index.js";
import { buildStateOf, ELEVENTY_INPUT } from "./plugin.js";
import { describeLockEvent, describePublicationEvent, outputLockWait, quietEleventy } from "./build-log.js";

export interface BuildOptions {
  /** The content folder: read by the build's steps as data, never by Eleventy (src/eleventy/plugin.ts). */
  input: string;
  output: string;
  configPath?: string;
  /** Let Eleventy's own output through (`npm run build -- --verbose`). */
  verbose?: boolean;
}

/** What a build made: the summary's figures (src/messages/build.ts `buildFinished`). */
export interface BuildResult {
  /** The releases published. */
  releases: number;
  /** The site's files, from the publication's ledger (a search shard's folder counts as one): no folder is walked. */
  files: number;
  /** What publishing changed in the site; undefined when the whole site was written. */
  changed?: { moved: number; removed: number };
}

/** Builds and publishes, once no other build (or dev server) writes into the output folder. */
export async function buildSite(options: BuildOptions): Promise<BuildResult> {
  const lock = await lockOutput(options.output, { holder: "build", wait: outputLockWait(), report: (event) => console.log(describeLockEvent(event)) });
  try {
    return await buildAndPublish(options);
  } finally {
    await lock.release();
  }
}

async function buildAndPublish({ input, output, configPath = ".eleventy.ts", verbose = false }: BuildOptions): Promise<BuildResult> {
  const target = path.resolve(output);
  const staging = `${target}.staging`;

  // Prepare the publication: a publish the last build did not finish is finished first.
  await restoreInterruptedSwap(target);
  const publication = new Publication(target, staging, siteManifestDir(), { rank: publishRank, report: (event) => console.log(describePublicationEvent(event)) });
  await publication.prepare();
  let state: BuildState | undefined;
  try {
    const eleventy = new Eleventy(ELEVENTY_INPUT, staging, {
      configPath,
      quietMode: !verbose,
      runMode: "build",
      config: (eleventyConfig) => {
        state = buildStateOf(eleventyConfig);
        state.publication = publication;
        state.contentDir = input;
      },
    });
    quietEleventy(eleventy, verbose);
    await eleventy.write();
  } catch (error) {
    // The search index is made alongside the pages: let it stop writing before its folder goes.
    await state?.searchIndexSettled({ stop: true });
    await rm(staging, { recursive: true, force: true });
    throw error;
  } finally {
    await stopSearchIndexer();
  }
  // Publish: what changed moves into the site.
  const { moved, removed } = await publication.commit();
  return {
    releases: state?.archive().releases.length ?? 0,
    files: publication.ledger.entries.size,
    ...(publication.incremental ? { changed: { moved, removed } } : {}),
  };
}
