/**
 * The build and the other scripts run as `npm run …` runs them, in a child process: for the tests
 * and for the measuring scripts (scripts/search-quality.ts, scripts/measure-search-payload.ts).
 */
import { spawn } from "node:child_process";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");

export interface BuildRun {
  code: number | null;
  /** stdout and stderr together, in order of arrival. */
  log: string;
}

/** Runs `node --import tsx <args…>` in the repository (or in `root`, a copy of its code), as npm scripts do; never throws on a failing exit. */
export function runNode(args: string[], env: NodeJS.ProcessEnv = {}, root = repoRoot): Promise<BuildRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", ...args], {
      cwd: root,
      env: { ...process.env, ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let log = "";
    child.stdout.on("data", (chunk) => (log += chunk));
    child.stderr.on("data", (chunk) => (log += chunk));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, log }));
  });
}

/** Runs `scripts/build.ts` as `npm run build` does, in a child process (of the repository's code, or of a copy of it in `root`). */
export function runBuild(input: string, output: string, env: NodeJS.ProcessEnv = {}, root = repoRoot): Promise<BuildRun> {
  // Each test folder has its own page and search caches, search directory and site manifests (src/output/page-cache.ts,
  // src/search/shard-cache.ts, src/search/directory-build.ts, src/output/publish.ts), so a suite's first build is a clean
  // one, and builds of different folders running at once (test files run in parallel) never change each other's caches.
  const pageCache = path.join(path.dirname(path.resolve(output)), "akhbar-page-cache");
  const searchCache = path.join(path.dirname(path.resolve(output)), "akhbar-search-cache");
  const siteManifests = path.join(path.dirname(path.resolve(output)), "akhbar-site-manifests");
  return runNode(["scripts/build.ts", "--input", input, "--output", output], {
    AKHBAR_PAGE_CACHE: pageCache,
    AKHBAR_SEARCH_CACHE: searchCache,
    AKHBAR_SEARCH_DIRECTORY_CACHE: path.join(path.dirname(path.resolve(output)), "akhbar-search-directory"),
    AKHBAR_SITE_MANIFEST: siteManifests,
    AKHBAR_ARCHIVE_CACHE: path.join(path.dirname(path.resolve(output)), "akhbar-archive-cache"),
    ...env,
  }, root);
}

export async function temporaryDirectory(prefix = "akhbar-test-"): Promise<string> {
  return mkdtemp(path.join(tmpdir(), prefix));
}
