/**
 * `npx tsx scripts/measure-search-index.ts --input <content folder>`: the search step of the build on
 * its own, measured over its whole process tree (Node and Pagefind's backend, src/bench/process-tree.ts):
 * wall time, CPU time and peak memory of
 * - `load`: reading and validating the archive only (the part every mode below includes),
 * - `single`: one Pagefind index over every release (the build before the shards),
 * - `shards`: one index per shard (half-months of one Jalali year, at most 750 releases), one after the
 *   other on the main thread (the build before the worker threads, AKHBAR_SEARCH_WORKERS=0), and
 * - `workers`: the shards in two worker threads, each with its own Pagefind process (the build now),
 * each without the shard cache (a clean build), and
 * - `cached`: the shards again with every shard in the shard cache (filled by an unmeasured run first),
 *   as for a build where one release changed, less its shard's indexing.
 * Not a test: figures for docs/search.md.
 * Options: --modes load,single,shards,workers (default all).
 */
import { readFile, rm } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { indexArchive } from "../src/browse/archive-index.js";
import { loadArchive } from "../src/content/load.js";
import { parseFrontMatter } from "../src/content/front-matter.js";
import { createMarkdown } from "../src/render/markdown.js";
import { measureCommand } from "../src/bench/process-tree.js";
import { markdownBlocks } from "../src/search/document.js";
import { searchShards } from "../src/search/shards.js";
import { ShardCache } from "../src/search/shard-cache.js";
import { archiveLexicon, buildSearchShards, stopSearchIndexer } from "../src/search/search-index.js";
import { indexDocuments, shardDocuments, writeBundle } from "../src/search/shard-index.js";
import { IndexTextEncoder } from "../src/search/text.js";

const MODES = ["load", "single", "shards", "workers", "cached"] as const;
type Mode = (typeof MODES)[number];

const { values } = parseArgs({
  options: {
    input: { type: "string" },
    modes: { type: "string", default: MODES.join(",") },
    run: { type: "string" },
    output: { type: "string" },
  },
});
if (!values.input) throw new Error("--input <content folder> is required");

/** The work of one mode, in this process (the outer run measures it as a child). */
async function runMode(mode: Mode, input: string, output: string): Promise<void> {
  const archive = await loadArchive(input, { includeDrafts: false });
  const shards = searchShards(indexArchive(archive.releases));
  if (mode === "load") return;
  if (mode === "single") {
    const parser = createMarkdown();
    const documents = [];
    for (const shard of shards) {
      const releases = [];
      for (const release of shard.releases) releases.push({ release, blocks: markdownBlocks(parseFrontMatter(await readFile(release.inputPath, "utf8")).body, parser) });
      documents.push(...shardDocuments(releases, new IndexTextEncoder(archiveLexicon(shards))));
    }
    await writeBundle(path.join(output, "pagefind"), await indexDocuments(documents));
  } else if (mode === "cached") {
    await buildSearchShards(output, shards, { cache: new ShardCache(`${output}-cache`) });
  } else {
    await buildSearchShards(output, shards, { workers: mode === "workers" ? 2 : 0 });
  }
  await stopSearchIndexer();
}

if (values.run) {
  await runMode(values.run as Mode, values.input, values.output!);
} else {
  const output = path.resolve(".cache", "measure-search-index");
  console.log(`Search index of ${values.input}:`);
  for (const mode of values.modes.split(",") as Mode[]) {
    if (!MODES.includes(mode)) throw new Error(`unknown mode ${mode}: one of ${MODES.join(", ")}`);
    await rm(output, { recursive: true, force: true });
    const command = `${JSON.stringify(process.execPath)} --import tsx scripts/measure-search-index.ts --input ${JSON.stringify(values.input)} --run ${mode} --output ${JSON.stringify(output)}`;
    if (mode === "cached") {
      await rm(`${output}-cache`, { recursive: true, force: true });
      const filled = await measureCommand(command, { cwd: process.cwd() });
      if (filled.exitCode !== 0) throw new Error(`${mode} failed:\n${filled.output}`);
      await rm(output, { recursive: true, force: true });
    }
    const measured = await measureCommand(command, { cwd: process.cwd() });
    if (measured.exitCode !== 0) throw new Error(`${mode} failed:\n${measured.output}`);
    console.log(`  ${mode.padEnd(8)} wall ${measured.wallSeconds.toFixed(1)} s, CPU ${measured.cpuSeconds.toFixed(1)} s, peak ${(measured.peakBytes / 1024 ** 3).toFixed(2)} GB`);
  }
  await rm(output, { recursive: true, force: true });
  await rm(`${output}-cache`, { recursive: true, force: true });
}
