/**
 * Search: the Pagefind index of the releases, built through Pagefind's Node API as the last
 * step of every build (production and dev server alike), and the search page's script.
 *
 * The index is not made from the published pages. Each release is added as a small
 * document of normalized text (`search-document.ts`), so that every spelling of a word
 * finds it while the page keeps the editor's spelling. The search page's script
 * (`search-client.ts`) is bundled with the same Persian rules to normalize queries.
 * docs/search.md explains the design.
 */
import { readFile } from "node:fs/promises";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { UserConfig } from "@11ty/eleventy";
import { build } from "esbuild";
import * as pagefind from "pagefind";
import type { Release } from "./content.js";
import { parseFrontMatter } from "./frontmatter.js";
import type { AkhbarContext } from "./context.js";
import { createMarkdown } from "./markdown.js";
import { markdownBlocks, releaseTexts, searchDocument, type TextBlock } from "./search-document.js";
import { CompoundLexicon, IndexTextEncoder } from "./search-text.js";
import { canonicalPagefindBundle } from "./pagefind-bundle.js";

const CLIENT_ENTRY = fileURLToPath(new URL("./search-client.ts", import.meta.url));
/** Documents handed to Pagefind at once: its backend indexes them in parallel. */
const BATCH_SIZE = 64;

export function registerSearchIndex(eleventyConfig: UserConfig, context: AkhbarContext): void {
  eleventyConfig.on("eleventy.after", async ({ directories }) => {
    const releases = context.archive().releases;
    const parser = createMarkdown();
    // Release files are not Eleventy templates (src/release-pages.ts): each text is read from its file.
    const indexed: IndexedRelease[] = [];
    for (const release of releases) {
      const { body } = parseFrontMatter(await readFile(release.inputPath, "utf8"));
      indexed.push({ release, blocks: markdownBlocks(body, parser) });
    }
    await buildSearchIndex(directories.output, indexed);
  });
}

export interface SearchIndexReport {
  pages: number;
}

export interface IndexedRelease {
  release: Release;
  blocks: TextBlock[];
}

export async function buildSearchIndex(siteDir: string, releases: readonly IndexedRelease[]): Promise<SearchIndexReport> {
  // First pass: the compounds the archive writes with a half-space; second: the documents.
  const lexicon = new CompoundLexicon();
  for (const { release, blocks } of releases) for (const text of releaseTexts(release, blocks)) lexicon.learn(text);
  const encoder = new IndexTextEncoder(lexicon);

  const created = await pagefind.createIndex({});
  const index = created.index;
  if (!index) throw new Error(`Pagefind could not start: ${created.errors.join("; ")}`);
  try {
    for (let start = 0; start < releases.length; start += BATCH_SIZE) {
      const added = await Promise.all(
        releases.slice(start, start + BATCH_SIZE).flatMap(({ release, blocks }) =>
          (release.lang === "fa" ? (["fa"] as const) : (["fa", release.lang] as const)).map((language) =>
            // Pagefind keeps one document per address: the Persian index's copy of an English
            // release gets an empty fragment, which opens the same page.
            index.addHTMLFile({
              url: language === release.lang ? release.url : `${release.url}#`,
              content: searchDocument(release, blocks, encoder, language),
            }),
          ),
        ),
      );
      const errors = added.flatMap((response) => response.errors);
      if (errors.length > 0) throw new Error(`Pagefind could not index the releases: ${errors.join("; ")}`);
    }
    // The files are taken from Pagefind and written here rather than by `writeFiles`: its
    // backend was seen to leave a file empty when the build moved on (swap, close) right after
    // it answered. Written here, every byte is on disk before the build goes on.
    const bundle = await index.getFiles();
    if (bundle.errors.length > 0) throw new Error(`Pagefind could not write its index: ${bundle.errors.join("; ")}`);
    const outputDir = path.join(siteDir, "pagefind");
    for (const file of canonicalPagefindBundle(bundle.files)) {
      const target = path.join(outputDir, file.path);
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, file.content);
    }
    return { pages: releases.length };
  } finally {
    await index.deleteIndex();
  }
}

/** The search page's script: `search-client.ts` and the Persian rules it imports, in one small file. */
export async function bundleSearchClient(): Promise<string> {
  const result = await build({
    entryPoints: [CLIENT_ENTRY],
    bundle: true,
    format: "esm",
    platform: "browser",
    // Browsers of 2020 on (Chrome 80, Safari 14): readers' phones are not all new.
    target: "es2020",
    minify: true,
    charset: "utf8",
    legalComments: "none",
    write: false,
    logLevel: "silent",
  });
  return result.outputFiles[0]!.text;
}

/** Stops Pagefind's backend process so that a one-off build can exit. */
export async function stopSearchIndexer(): Promise<void> {
  await pagefind.close();
}
