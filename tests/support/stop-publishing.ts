/**
 * Loaded into a build to stop it at the moment it publishes:
 *   node --import tsx --import ./tests/support/stop-publishing.ts scripts/build.ts --output <site> …
 * with STOP_PUBLISHING_SITE=<site> and either
 * - STOP_PUBLISHING_AFTER=<n>: once n files or folders have moved from the staging folder into
 *   the site (src/output/publish.ts: a commit, or the finishing of an interrupted one), the
 *   process is killed before it moves another, as a crash or `kill -9` would stop it; or
 * - STOP_PUBLISHING_PAUSE=<ms>: the build waits that long before its first move (or before its
 *   staging folder becomes the site), so that another build started meanwhile surely overlaps it.
 *
 * The moves are `rename` calls of node:fs/promises (folders) and `renameSync` of node:fs (files):
 * both are wrapped on their modules' objects, and `syncBuiltinESMExports` hands the wrappers to the
 * modules that imported them by name.
 */
import { writeSync } from "node:fs";
import { createRequire, syncBuiltinESMExports } from "node:module";
import path from "node:path";
import type * as FsPromises from "node:fs/promises";
import type * as Fs from "node:fs";

const site = path.resolve(process.env.STOP_PUBLISHING_SITE ?? "");
const limit = process.env.STOP_PUBLISHING_AFTER ? Number(process.env.STOP_PUBLISHING_AFTER) : undefined;
const pause = process.env.STOP_PUBLISHING_PAUSE ? Number(process.env.STOP_PUBLISHING_PAUSE) : undefined;
if (!process.env.STOP_PUBLISHING_SITE || (limit === undefined) === (pause === undefined)) {
  throw new Error("stop-publishing: set STOP_PUBLISHING_SITE, and one of STOP_PUBLISHING_AFTER and STOP_PUBLISHING_PAUSE");
}

const fsPromises = createRequire(import.meta.url)("node:fs/promises") as typeof FsPromises;
const fs = createRequire(import.meta.url)("node:fs") as typeof Fs;
const rename = fsPromises.rename;
const renameSync = fs.renameSync;
const staging = `${site}.staging`;
let moves = 0;

/** Counts a move into the site; kills the process once the limit is reached. Returns the pause to take before the first one. */
function beforeMove(from: Fs.PathLike, to: Fs.PathLike): number {
  const [source, destination] = [String(from), String(to)];
  const publishing = (source === staging || source.startsWith(`${staging}${path.sep}`)) && (destination === site || destination.startsWith(`${site}${path.sep}`));
  if (!publishing) return 0;
  const wait = pause !== undefined && moves === 0 ? pause : 0;
  if (wait > 0) writeSync(1, `[stop-publishing] pausing ${pause} ms before publishing\n`);
  if (limit !== undefined && moves >= limit) {
    // Written at once: nothing asynchronous is flushed after a SIGKILL.
    writeSync(1, `[stop-publishing] killed after ${limit} moves\n`);
    process.kill(process.pid, "SIGKILL");
  }
  moves++;
  return wait;
}

fsPromises.rename = async (from, to) => {
  const wait = beforeMove(from, to);
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  return rename(from, to);
};
fs.renameSync = (from, to) => {
  const wait = beforeMove(from, to);
  if (wait > 0) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, wait);
  return renameSync(from, to);
};
syncBuiltinESMExports();
