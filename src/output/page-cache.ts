/**
 * The build cache of rendered pages (`.cache/akhbar-pages`, or AKHBAR_PAGE_CACHE): a page
 * is stored under a hash of everything that shapes it — its inputs, given by the caller
 * (for a release page: the file's bytes, its browsing links, the site metadata), and the
 * code that renders it (src/, layouts/, the locked dependencies, their patches and the
 * Node version). A page whose hash is in the cache is read back instead of being rendered
 * again; any change to an input or to the code gives another hash, so a stale page is never
 * served: a build from the cache and a clean build write the same bytes.
 *
 * Entries are written to a temporary name and renamed, so a build killed halfway leaves no
 * half-written entry. A production build removes the entries it did not use (the cache
 * holds one archive's pages, not every version of them).
 */
import { createHash, hash } from "node:crypto";
import { buildSync } from "esbuild";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { mkdir, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { cacheFolder } from "./cache-dir.js";

export const PAGE_CACHE_VARIABLE = "AKHBAR_PAGE_CACHE";
/** What the rendering code is: every file here, recursively, by content. */
const CODE_PATHS = ["src", "layouts", "patches", "package-lock.json", ".eleventy.ts"];

export function pageCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  return cacheFolder("akhbar-pages", PAGE_CACHE_VARIABLE, env);
}

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
  if (info.isDirectory()) {
    for (const name of readdirSync(file).sort()) addTree(hash, root, path.posix.join(entry, name));
  } else {
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

export interface PageCacheReport {
  reused: number;
  rendered: number;
  removed: number;
}

export class PageCache {
  private readonly used = new Set<string>();
  private folderMade = false;
  readonly report: PageCacheReport = { reused: 0, rendered: 0, removed: 0 };

  constructor(
    private readonly dir: string,
    private readonly version: string = renderingCodeVersion(),
  ) {}

  /** The key of a page whose inputs (everything but the code) are `inputs`. */
  key(inputs: string): string {
    // One-shot hashing: ~200,000 keys a build at 150,000 releases, where a Hash object apiece showed in the profile.
    return hash("sha256", `${this.version}\0${inputs}`);
  }

  /**
   * Keeps the entry under `key` through this build's pruning without reading it: the build
   * did not need the page (the published site has it), but a later one may.
   */
  keep(key: string): void {
    this.used.add(key);
  }

  /** The page stored under `key`, or a page newly made by `render` and stored. */
  async page(key: string, render: () => string | Promise<string>): Promise<string> {
    this.used.add(key);
    const file = path.join(this.dir, `${key}.html`);
    try {
      const cached = await readFile(file, "utf8");
      this.report.reused++;
      return cached;
    } catch {
      // not cached yet
    }
    const content = await render();
    this.report.rendered++;
    if (!this.folderMade) {
      await mkdir(this.dir, { recursive: true });
      this.folderMade = true;
    }
    const temporary = `${file}.${process.pid}.tmp`;
    await writeFile(temporary, content);
    await rename(temporary, file);
    return content;
  }

  /** Removes the entries this build did not use. */
  async prune(): Promise<void> {
    let names: string[];
    try {
      names = await readdir(this.dir);
    } catch {
      return;
    }
    for (const name of names) {
      if (this.used.has(name.replace(/\.html$/, ""))) continue;
      await rm(path.join(this.dir, name), { force: true });
      this.report.removed++;
    }
  }
}
