/**
 * Builds the Pagefind search index over the written site, through Pagefind's Node API,
 * as the last step of every build (production and dev server alike).
 */
import path from "node:path";
import type { UserConfig } from "@11ty/eleventy";
import * as pagefind from "pagefind";

export function registerSearchIndex(eleventyConfig: UserConfig): void {
  eleventyConfig.on("eleventy.after", async ({ directories }) => {
    await buildSearchIndex(directories.output);
  });
}

export interface SearchIndexReport {
  pages: number;
}

export async function buildSearchIndex(siteDir: string): Promise<SearchIndexReport> {
  const created = await pagefind.createIndex({});
  const index = created.index;
  if (!index) throw new Error(`Pagefind could not start: ${created.errors.join("; ")}`);
  try {
    const added = await index.addDirectory({ path: siteDir });
    if (added.errors.length > 0) throw new Error(`Pagefind could not index the site: ${added.errors.join("; ")}`);
    const written = await index.writeFiles({ outputPath: path.join(siteDir, "pagefind") });
    if (written.errors.length > 0) throw new Error(`Pagefind could not write its index: ${written.errors.join("; ")}`);
    return { pages: added.page_count };
  } finally {
    await index.deleteIndex();
  }
}

/** Stops Pagefind's backend process so that a one-off build can exit. */
export async function stopSearchIndexer(): Promise<void> {
  await pagefind.close();
}
