/**
 * The one folder every build cache lives in (`.cache/`, or AKHBAR_CACHE_DIR): converted
 * pictures, the font subsets, rendered release pages and the search shards each have a
 * folder in it, so that CI keeps one folder between runs (docs/deploy.md). Each can still be
 * put elsewhere by its own setting.
 */
import path from "node:path";

export const CACHE_ROOT_VARIABLE = "AKHBAR_CACHE_DIR";

/** `<cache root>/<name>`, or the cache's own setting when it is set. */
export function cacheFolder(name: string, variable: string, env: NodeJS.ProcessEnv = process.env): string {
  return env[variable]?.trim() || path.join(env[CACHE_ROOT_VARIABLE]?.trim() || ".cache", name);
}
