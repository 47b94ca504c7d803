/**
 * The build cache of rendered pages (`.cache/akhbar-pages`, or AKHBAR_PAGE_CACHE): a page
 * is stored under a hash of everything that shapes it — its inputs, given by the caller
 * (for a release page: the file's bytes, its browsing links, the site metadata), and the
 * code that renders it (src/, layouts/, the locked dependencies, their patches and the
 * Node version: `renderingCodeVersion` of src/output/code-version.ts). A page whose hash is
 * in the cache is read back instead of being rendered again; any change to an input or to the
 * code gives another hash, so a stale page is never served: a build from the cache and a
 * clean build write the same bytes.
 *
 * Entries are written atomically (src/output/atomic-write.ts), so a build killed halfway leaves
 * no half-written entry. A production build removes the entries it did not use (the cache
 * holds one archive's pages, not every version of them).
 *
 * Only the dev server stores pages (`stores`): its first build on a fresh output reads 150,000
 * pages back instead of rendering them. A production build reads what is there but stores
 * nothing: its published site is its cache (the ledger of src/output/publish.ts names each
 * file's key, and a page the site has is not made at all), and a second copy of every page it
 * renders doubled the files a restyle writes, for entries its own pruning removed at the next
 * change.
 */
import { hash } from "node:crypto";
import { mkdir, readFile } from "node:fs/promises";
import path from "node:path";
import { writeFileAtomic } from "./atomic-write.js";
import { cacheFolder, pruneCacheFolder } from "./cache-dir.js";
import { renderingCodeVersion } from "./code-version.js";

export const PAGE_CACHE_VARIABLE = "AKHBAR_PAGE_CACHE";

export function pageCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  return cacheFolder("akhbar-pages", PAGE_CACHE_VARIABLE, env);
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
    /** Whether pages newly rendered are stored (the dev server), or only read when there (a production build). */
    private readonly stores = true,
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
    if (!this.stores) return content;
    if (!this.folderMade) {
      await mkdir(this.dir, { recursive: true });
      this.folderMade = true;
    }
    await writeFileAtomic(file, content);
    return content;
  }

  /** Removes the entries this build did not use. */
  async prune(): Promise<void> {
    this.report.removed += await pruneCacheFolder(this.dir, (name) => this.used.has(name.replace(/\.html$/, "")));
  }
}
