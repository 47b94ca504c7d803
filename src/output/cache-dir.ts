/**
 * The one folder every build cache lives in (`.cache/`, or AKHBAR_CACHE_DIR): converted
 * pictures, the font subsets, rendered release pages and the search shards each have a
 * folder in it, so that CI keeps one folder between runs (docs/deploy.md). Each can still be
 * put elsewhere by its own setting. A production build prunes a cache's folder to the entries
 * it used, so that a cache holds one archive's entries, not every version of them.
 */
import { readdir, rm } from "node:fs/promises";
import path from "node:path";

export const CACHE_ROOT_VARIABLE = "AKHBAR_CACHE_DIR";

/** `<cache root>/<name>`, or the cache's own setting when it is set. */
export function cacheFolder(name: string, variable: string, env: NodeJS.ProcessEnv = process.env): string {
  return env[variable]?.trim() || path.join(env[CACHE_ROOT_VARIABLE]?.trim() || ".cache", name);
}

/**
 * Removes every entry of the cache folder `dir` (a file or a folder) that `used` does not name,
 * and returns how many it removed; a folder that does not exist has none.
 */
export async function pruneCacheFolder(dir: string, used: (name: string) => boolean): Promise<number> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return 0;
  }
  let removed = 0;
  for (const name of names) {
    if (used(name)) continue;
    await rm(path.join(dir, name), { recursive: true, force: true });
    removed++;
  }
  return removed;
}

/**
 * The folders of the cache root that CI keeps between runs (docs/deploy.md, "What CI keeps"):
 * what the next build reads to write only what changed. Not the rendered pages
 * (`akhbar-pages`) nor the search bundles (`akhbar-search`): a page or shard whose version the
 * site's manifest or deploy record already has is not made again, so those matter only to a
 * build with no record of what is published, which makes everything anyway. The search
 * directory (`akhbar-search-directory`) is kept: a build changes its files in place from the last
 * ones, and without them it reads every shard again, indexing those it has no bundle of. The CI examples in
 * docs/ci-examples/ list exactly these (a test reads them).
 */
export const CI_KEPT_CACHE_FOLDERS = ["akhbar-archive", "akhbar-fonts", "akhbar-images", "akhbar-search-directory", "akhbar-site", "akhbar-deploy"] as const;
