/**
 * The floors of a clean build (`npm run bench -- --floors`): what one release costs in each
 * piece of work every clean build must do, each measured alone, one after the other, on one
 * thread, over the same release files. The bench's clean build is a whole (two cores, a
 * process tree); this says which part of it is the libraries' own cost (reading a file, YAML,
 * Markdown, writing a file), which is ours (the loader's checks, the search documents' Persian
 * text) and which is Pagefind's, per release, so that a target such as "300 CPU-seconds for
 * 150,000 releases" (2 ms a release) can be set against what the work itself costs.
 *
 * CPU is this process's (user and system, so the kernel's share of file writes counts), and,
 * for Pagefind, its service process's, read from /proc (process-tree.ts). Memory is the heap
 * the loaded releases hold after a full garbage collection: the part of the build's memory
 * that grows with the archive, since every list, feed and page needs every release.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { DateTime } from "luxon";
import { parseFrontMatter } from "../content/front-matter.js";
import { readReleaseFile } from "../content/load.js";
import type { Release } from "../content/release.js";
import { CompoundLexicon, taughtList } from "../persian/lexicon.js";
import { createMarkdown } from "../render/markdown.js";
import { markdownBlocks } from "../search/document.js";
import { closePagefind, indexDocuments, shardSearchDocuments, type SearchDocumentFile } from "../search/shard-index.js";
import { treeProcesses } from "./process-tree.js";

/** Releases a search shard holds on average (150,000 releases in 281 shards): the texts a worker's encoder meets together. */
const RELEASES_A_SHARD = 500;
const TICKS_PER_SECOND = 100;

/** Who does a piece of work: a library the build calls, our own code, or Pagefind's indexer. */
export type FloorOwner = "library" | "ours" | "Pagefind";

export interface FloorStep {
  name: string;
  owner: FloorOwner;
  /** What does it, for the table: «markdown-it», «src/content/load.ts». */
  by: string;
  cpuSeconds: number;
  wallSeconds: number;
}

export interface FloorResult {
  releases: number;
  steps: FloorStep[];
  /** Heap held by the loaded releases (the build's `Release` objects), after a full collection. */
  heapBytes: number;
}

/** A full garbage collection, for a heap measure that counts only what is held. */
function collectGarbage(): void {
  setFlagsFromString("--expose-gc");
  (runInNewContext("gc") as () => void)();
}

/** CPU of this process's descendants (Pagefind's service), in seconds. */
function descendantsCpu(): number {
  return treeProcesses(process.pid).reduce((sum, stat) => sum + (stat.pid === process.pid ? 0 : stat.cpuTicks), 0) / TICKS_PER_SECOND;
}

async function measured<T>(work: () => T | Promise<T>, cpuOf: () => number = () => {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1e6;
}): Promise<{ value: T; cpuSeconds: number; wallSeconds: number }> {
  const cpuBefore = cpuOf();
  const started = performance.now();
  const value = await work();
  return { value, cpuSeconds: cpuOf() - cpuBefore, wallSeconds: (performance.now() - started) / 1000 };
}

/**
 * Measures each piece of work over `files` (release files of a generated corpus), writing its
 * scratch pages under `scratch` (removed after). Pagefind's service is started in this process
 * and stopped at the end.
 */
export async function measureFloors(files: readonly string[], scratch: string, now: DateTime = DateTime.now()): Promise<FloorResult> {
  const steps: FloorStep[] = [];
  const step = async <T>(name: string, owner: FloorOwner, by: string, work: () => T | Promise<T>, cpuOf?: () => number): Promise<T> => {
    const { value, cpuSeconds, wallSeconds } = await measured(work, cpuOf);
    steps.push({ name, owner, by, cpuSeconds, wallSeconds });
    return value;
  };

  const texts = await step("read each release file", "library", "node:fs", () => files.map((file) => readFileSync(file, "utf8")));
  const parsed = await step("parse its front matter (YAML)", "library", "gray-matter, js-yaml", () => texts.map((text) => parseFrontMatter(text)));
  const markdown = createMarkdown();
  const pages = await step("render its Markdown to HTML", "library", "markdown-it", () => parsed.map((file) => markdown.render(file.body)));
  rmSync(scratch, { recursive: true, force: true });
  await step("write one file for it, in its own folder", "library", "node:fs", () =>
    pages.forEach((page, position) => {
      const folder = path.join(scratch, String(position));
      mkdirSync(folder, { recursive: true });
      writeFileSync(path.join(folder, "index.html"), page);
    }),
  );
  rmSync(scratch, { recursive: true, force: true });

  // Let go of the texts, front matters and pages first: the heap measured next is the releases' alone.
  texts.length = 0;
  parsed.length = 0;
  pages.length = 0;
  collectGarbage();
  const heapBefore = process.memoryUsage().heapUsed;
  // Each file read here again, as the build reads it: what a release keeps of its file's text is counted in the heap.
  const loaded = await measured(() =>
    files.map((file) => {
      const { release, problems } = readReleaseFile(file, readFileSync(file), now);
      if (!release) throw new Error(`${file}: ${problems.map((problem) => problem.message.en).join("; ")}`);
      return release;
    }),
  );
  collectGarbage();
  const heapBytes = process.memoryUsage().heapUsed - heapBefore;
  const releases = loaded.value;
  // The loader reads the file and its YAML too: its own share is what it costs beyond those two.
  const [read, yaml] = steps;
  steps.push({
    name: "check it as a release (the build's loader, beyond reading the file and its YAML)",
    owner: "ours",
    by: "src/content/load.ts",
    cpuSeconds: loaded.cpuSeconds - read!.cpuSeconds - yaml!.cpuSeconds,
    wallSeconds: loaded.wallSeconds - read!.wallSeconds - yaml!.wallSeconds,
  });

  const lexicon = CompoundLexicon.fromTaught(releases.map((release) => taughtList(release.compounds))).entries();
  const shards = inShards(releases);
  const blocked = await step("its file read and its Markdown parsed again, for the search (a worker's job)", "ours", "src/search/document.ts", () =>
    shards.map((shard) => shard.map((release) => ({ release, blocks: markdownBlocks(readReleaseFileBody(release), markdown) }))),
  );
  const documents = await step("its search document (Persian spellings, compounds)", "ours", "src/search/text.ts", () =>
    blocked.map((shard) => shardSearchDocuments(shard, lexicon).documents),
  );
  await step("index its search document", "Pagefind", "Pagefind's service", () => indexAll(documents), descendantsCpu);
  await closePagefind();
  return { releases: releases.length, steps, heapBytes };
}

/** The release's body, read again from its file as a search worker does (a job carries no text). */
function readReleaseFileBody(release: Release): string {
  return parseFrontMatter(readFileSync(release.inputPath, "utf8")).body;
}

/** Releases in date order, in groups the size of a shard. */
function inShards(releases: readonly Release[]): Release[][] {
  const sorted = [...releases].sort((a, b) => a.date.toMillis() - b.date.toMillis() || a.id - b.id);
  const shards: Release[][] = [];
  for (let start = 0; start < sorted.length; start += RELEASES_A_SHARD) shards.push(sorted.slice(start, start + RELEASES_A_SHARD));
  return shards;
}

async function indexAll(shards: readonly SearchDocumentFile[][]): Promise<void> {
  for (const documents of shards) await indexDocuments(documents);
}

const ms = (seconds: number, releases: number) => ((seconds * 1000) / releases).toFixed(2);
const atScale = (seconds: number, releases: number, scale: number) => Math.round((seconds / releases) * scale).toLocaleString("en");

/** The floors as a Markdown table: per release, and scaled to `scale` releases. */
export function renderFloorsTable(result: FloorResult, scale: number): string {
  const { releases } = result;
  const rows = result.steps.map(
    (step) => `| ${step.name} | ${step.by} (${step.owner}) | ${ms(step.cpuSeconds, releases)} ms | ${atScale(step.cpuSeconds, releases, scale)} s |`,
  );
  const total = (owner: FloorOwner) => result.steps.filter((step) => step.owner === owner).reduce((sum, step) => sum + step.cpuSeconds, 0);
  const totals = (["library", "ours", "Pagefind"] as const).map(
    (owner) => `| **all of ${owner === "library" ? "the libraries'" : owner === "ours" ? "our" : "Pagefind's"} work** | | **${ms(total(owner), releases)} ms** | **${atScale(total(owner), releases, scale)} s** |`,
  );
  return [
    `| work, for one release | by | CPU a release | CPU at ${scale.toLocaleString("en")} |`,
    "|---|---|---|---|",
    ...rows,
    ...totals,
    `| heap the loaded releases hold | src/content/load.ts | ${(result.heapBytes / releases / 1024).toFixed(1)} KB | ${((result.heapBytes / releases) * scale / 2 ** 30).toFixed(2)} GB |`,
  ].join("\n");
}
