/**
 * Hashes of the code, for the build caches' keys: a cache entry made by other code is never
 * served. `renderingCodeVersion` is the whole code but the stylesheets and the benchmark (the page cache: any other
 * change to src/ or layouts/ renders every page again); `moduleCodeVersion` is one module's import graph (the
 * search shards: only a change to the code that indexes re-indexes the archive).
 *
 * A module of its own so that a cache's key names only the code it depends on: the shard key is
 * the import graph of the indexing code, and that graph reaches this module, not the page cache.
 * Every hash is of files' bytes, named by their paths relative to the checkout, so the same code
 * gives the same hash wherever it is checked out (a CI runner's folder, a second clone).
 */
import { createHash } from "node:crypto";
import { buildSync } from "esbuild";
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

/** What the rendering code is: every file here, recursively, by content (but the stylesheets: STYLESHEETS). */
const CODE_PATHS = ["src", "layouts", "patches", "package-lock.json", ".eleventy.ts"];

/**
 * The site's stylesheet sources (src/assets/*.css) are not rendering code: a page names a
 * stylesheet by its fingerprinted address, which is in the key of every cached page that names one
 * (the assets' key, src/render/asset-manifest.ts), and a feed names none. Left in the code's hash,
 * a restyle would throw away every cached page and feed.
 */
const STYLESHEETS = /^src\/assets\/[^/]+\.css$/;

/** The benchmark's own code (src/bench/) renders nothing: a change to it keeps every cached page. */
const NOT_RENDERING = /^src\/bench(\/|$)/;

/**
 * Hashes the files under `entry` (a path relative to `root`) by their paths relative to `root`
 * and their bytes: the same code gives the same hash wherever it is checked out (a CI runner's
 * folder, a second clone), so a restored cache is used, not thrown away.
 */
function addTree(hash: ReturnType<typeof createHash>, root: string, entry: string): void {
  const file = path.join(root, entry);
  let info;
  try {
    info = statSync(file);
  } catch {
    return; // a path the checkout does not have (patches/ may be absent)
  }
  if (NOT_RENDERING.test(entry)) return;
  if (info.isDirectory()) {
    for (const name of readdirSync(file).sort()) addTree(hash, root, path.posix.join(entry, name));
  } else if (!STYLESHEETS.test(entry)) {
    hash.update(`${entry}\0`).update(readFileSync(file)).update("\0");
  }
}

const codeVersions = new Map<string, string>();

/** A hash of the rendering code, made once per process. */
export function renderingCodeVersion(root = process.cwd()): string {
  const known = codeVersions.get(root);
  if (known) return known;
  const hash = createHash("sha256").update(process.version);
  for (const entry of CODE_PATHS) addTree(hash, root, entry);
  const version = hash.digest("hex");
  codeVersions.set(root, version);
  return version;
}

/**
 * A hash of the code a module runs: the source files esbuild finds in its import graph (our own
 * modules; packages stand in through the lockfile and the patches), the lockfile, the patches and
 * Node's version. Narrower than `renderingCodeVersion`, for a cache whose entries cost far more
 * than pages: the search shards (40 minutes to index 150,000 releases again) need not be thrown
 * away when a layout or a list changes.
 */
export function moduleCodeVersion(entry: string, root = process.cwd()): string {
  const hash = createHash("sha256").update(process.version);
  for (const file of moduleCodeFiles(entry, root)) hash.update(`${file}\0`).update(readFileSync(path.join(root, file))).update("\0");
  // Data files are read, not imported: all of them count.
  for (const entryPath of ["src/data", "patches", "package-lock.json"]) addTree(hash, root, entryPath);
  return hash.digest("hex");
}

/** Our source files in a module's import graph, relative to `root`, sorted: what `moduleCodeVersion` hashes besides the data. */
export function moduleCodeFiles(entry: string, root = process.cwd()): string[] {
  const { metafile } = buildSync({
    entryPoints: [entry],
    absWorkingDir: root,
    bundle: true,
    packages: "external",
    platform: "node",
    format: "esm",
    write: false,
    metafile: true,
    logLevel: "silent",
  });
  return Object.keys(metafile.inputs).sort();
}
