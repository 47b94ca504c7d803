/**
 * Writes many small generated files straight to the output folder, outside Eleventy's
 * template map. Eleventy keeps every page it renders (template, data, content and its
 * result) until the build ends and spends per-page bookkeeping on each; for pages that
 * are one per release and need nothing from Eleventy (such as the 150,000 /News/<id>/
 * redirect pages), that is most of the build's memory and time for no gain. Here pages
 * are rendered one batch at a time and forgotten once written, so memory is bounded by
 * the batch, not the archive.
 *
 * A file the published site already has is not written at all: a production build records
 * every file in its ledger (src/output/publish.ts), and writes only those whose version changed. In
 * the dev server, whose output persists between rebuilds, a file whose bytes are already there
 * is not written again.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { setImmediate as nextTurn } from "node:timers/promises";
import { contentVersion, type OutputLedger } from "./publish.js";

export type GeneratedFile =
  | {
      /** Root-relative path of the file, such as `/News/149840/index.html`. */
      path: string;
      content: string;
    }
  | {
      path: string;
      /** What fully determines the content (a build-cache key): the content is made only if the site lacks this version. */
      version: string;
      content: () => Promise<string>;
    };

/**
 * Between a page's key and its assets' key in its version (`assetsVersion`): a page whose published
 * version has the same key and other assets is readdressed from its published bytes
 * (`WriteOptions.readdress`), not rendered again. A restyle changes the stylesheet's address in
 * every page and nothing else: at 150,000 releases, rendering every page again took minutes.
 */
const ASSETS_MARK = "~";

/** The version of a page that names the build's assets (by their fingerprinted addresses): its key, then theirs. */
export function assetsVersion(key: string, assetsKey: string): string {
  return `${key}${ASSETS_MARK}${assetsKey}`;
}

/** Whether two versions of a page differ only in the assets it names. */
function onlyAssetsDiffer(published: string, version: string): boolean {
  const mark = version.indexOf(ASSETS_MARK);
  return mark > 0 && published !== version && published.slice(0, mark + 1) === version.slice(0, mark + 1);
}

export interface WriteOptions {
  /** A page as published, its assets' addresses made this build's (src/render/asset-manifest.ts `readdressed`). */
  readdress?: (published: string) => string;
}

/** A page the build wrote, as the sitemaps read it (Eleventy's results have this shape). */
export interface WrittenPage {
  /** Root-relative address. */
  url: string;
  outputPath: string;
  /** The page itself, for its robots tag; empty for pages known to be indexed. */
  content: string;
}

export interface WriteReport {
  written: number;
  unchanged: number;
  /** Of those written, the pages made from their published bytes, their assets' addresses replaced. */
  readdressed: number;
}

/** How many files are rendered and written at once: enough to keep the disk busy, few enough to hold in memory. */
export const WRITE_BATCH = 256;

async function sameBytes(file: string, content: string): Promise<boolean> {
  try {
    return (await readFile(file, "utf8")) === content;
  } catch {
    return false;
  }
}

/**
 * Renders and writes `items` into `outputDir`, WRITE_BATCH at a time. `render` is called
 * once per item, just before its file is written.
 */
export async function writeGeneratedFiles<T>(
  outputDir: string,
  items: Iterable<T>,
  render: (item: T) => GeneratedFile | Promise<GeneratedFile>,
  /** The build's record of its output (src/output/publish.ts); without one, every file is compared by its bytes. */
  ledger?: OutputLedger,
  options: WriteOptions = {},
): Promise<WriteReport> {
  const report: WriteReport = { written: 0, unchanged: 0, readdressed: 0 };
  const publishedDir = typeof ledger?.publishedDir === "string" ? ledger.publishedDir : undefined;
  /** The page as this build makes it from the published one, when only its assets changed and the site is here to read. */
  const readdressed = (file: GeneratedFile, published: string | undefined): string | undefined => {
    if (!options.readdress || !publishedDir || published === undefined || !("version" in file) || !onlyAssetsDiffer(published, file.version)) return undefined;
    try {
      const page = options.readdress(readFileSync(path.join(publishedDir, ...file.path.split("/")), "utf8"));
      report.readdressed++;
      return page;
    } catch {
      return undefined; // not there after all (removed by hand): made as any other
    }
  };
  const folders = new Set<string>();
  let batch: T[] = [];
  const flush = async () => {
    const rendered = await Promise.all(batch.map(render));
    batch = [];
    const changed: Array<{ file: GeneratedFile; published: string | undefined }> = [];
    for (const file of rendered) {
      const published = ledger?.publishedVersion(file.path);
      if (ledger?.record(file.path, "version" in file ? file.version : contentVersion(file.content))) report.unchanged++;
      else changed.push({ file, published });
    }
    const files = await Promise.all(
      changed.map(async ({ file, published }) => ({ path: file.path, content: "version" in file ? (readdressed(file, published) ?? (await file.content())) : file.content })),
    );
    const targets = files.map((file) => ({ file, target: path.join(outputDir, ...file.path.split("/")) }));
    // Synchronous: a page is a few small system calls, and through the promise API each went
    // through the thread pool and back (its bookkeeping was most of a restyle's main thread).
    for (const folder of new Set(targets.map(({ target }) => path.dirname(target)))) {
      if (folders.has(folder)) continue;
      mkdirSync(folder, { recursive: true });
      folders.add(folder);
    }
    const unchanged = ledger ? [] : await Promise.all(targets.map(({ file, target }) => sameBytes(target, file.content)));
    targets.forEach(({ file, target }, i) => {
      if (unchanged[i]) report.unchanged++;
      else {
        writeFileSync(target, file.content);
        report.written++;
      }
    });
  };
  for (const item of items) {
    batch.push(item);
    if (batch.length !== WRITE_BATCH) continue;
    await flush();
    // A batch the published site already has settles in promise jobs alone, which never give
    // the event loop a turn: the search index's file reads and worker messages then waited for
    // the whole pass (at 150,000 releases, the daily build's shard started 20 s late).
    await nextTurn();
  }
  await flush();
  return report;
}
