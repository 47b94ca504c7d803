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
 * The build writes for one host (AKHBAR_HOST, src/hosting/hosts.ts): once the site is staged, its
 * totals (from the publication's manifest) are checked against that host's limits, and a site the
 * host cannot take is not published at all: its staging folder goes, the output stays as it was.
 *
 * Eleventy runs quiet (src/eleventy/build-log.ts): the build prints its own lines, and the caller
 * prints what stopped it (`describeBuildError`) and the summary this returns.
 */
import path from "node:path";
import { rm } from "node:fs/promises";
import { Eleventy } from "@11ty/eleventy";
import type { BuildState } from "../build/state.js";
import { Publication, restoreInterruptedSwap, siteManifestDir, type ManifestEntry } from "../output/publish.js";
import { lockOutput } from "../output/output-lock.js";
import { publishRank } from "../build/publish-order.js";
import { stopSearchIndexer } from "../search/search-index.js";
import { SettingError } from "../content/setting-error.js";
import { exceededLimits, HOST_NAMES, HOST_VARIABLE, hostNamed, type HostProfile } from "../hosting/hosts.js";
import { hostInvalid, hostLimitsExceeded } from "../messages/hosting.js";
import { buildStateOf, ELEVENTY_INPUT } from "./plugin.js";
import { describeLockEvent, describePublicationEvent, outputLockWait, quietEleventy } from "./build-log.js";

export interface BuildOptions {
  /** The content folder: read by the build's steps as data, never by Eleventy (src/eleventy/plugin.ts). */
  input: string;
  output: string;
  configPath?: string;
  /** Let Eleventy's own output through (`npm run build -- --verbose`). */
  verbose?: boolean;
  /**
   * The site as a deploy target has it (its deploy record's entries, `npm run build -- --since-deploy`):
   * the output then receives only what differs from it (src/output/publish.ts `publishedElsewhere`).
   */
  publishedElsewhere?: readonly ManifestEntry[];
  /**
   * The host the site is built for: what the build writes for it, and the limits the site is checked
   * against before it is published. Default: AKHBAR_HOST (`hostSetting`), read once here.
   */
  host?: HostProfile;
}

/** AKHBAR_HOST's profile (unset: `portable`); a value that names no host is a setting's error, whose message lists them. */
export function hostSetting(env: NodeJS.ProcessEnv = process.env): HostProfile {
  const value = env[HOST_VARIABLE];
  const host = hostNamed(value);
  if (!host) throw new SettingError(hostInvalid(HOST_VARIABLE, value?.trim() ?? "", HOST_NAMES));
  return host;
}

/** What a build made: the summary's figures (src/messages/build.ts `buildFinished`). */
export interface BuildResult {
  /** The releases published. */
  releases: number;
  /** The site's files (each of a search shard's too), from the publication's manifest: no folder of the site is walked. */
  files: number;
  /** The bytes of the site's files, from the same manifest. */
  bytes: number;
  /** What publishing changed in the site; undefined when the whole site was written. */
  changed?: { moved: number; removed: number };
  /** `changed` is against a deploy target's record: the output holds only those files, for the deploy. */
  sinceDeploy?: boolean;
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

async function buildAndPublish({ input, output, configPath = ".eleventy.ts", verbose = false, publishedElsewhere, host = hostSetting() }: BuildOptions): Promise<BuildResult> {
  const target = path.resolve(output);
  const staging = `${target}.staging`;

  // Prepare the publication: a publish the last build did not finish is finished first.
  await restoreInterruptedSwap(target);
  const publication = new Publication(target, staging, siteManifestDir(), {
    rank: publishRank,
    report: (event) => console.log(describePublicationEvent(event)),
    ...(publishedElsewhere ? { publishedElsewhere } : {}),
  });
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
        state.host = host;
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
  // Before anything moves: can the host take the site? If not, nothing of it is published.
  const totals = await publication.survey();
  const exceeded = exceededLimits(host, { ...totals, ...state?.hostFiles });
  if (exceeded.length > 0) {
    await publication.discard();
    throw new SettingError(hostLimitsExceeded(HOST_VARIABLE, host.name, host.label, exceeded));
  }
  // Publish: what changed moves into the site.
  const { moved, removed } = await publication.commit();
  return {
    releases: state?.archive().releases.length ?? 0,
    files: totals.files,
    bytes: totals.bytes,
    ...(publication.incremental ? { changed: { moved, removed } } : {}),
    ...(publishedElsewhere ? { sinceDeploy: true } : {}),
  };
}
