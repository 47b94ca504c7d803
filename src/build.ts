/**
 * The production build: Eleventy (pages and search index) writes into a staging folder
 * beside the output folder, and only a build that succeeded replaces the output. A failed
 * build leaves the previous site exactly as it was.
 */
import { existsSync } from "node:fs";
import { rename, rm } from "node:fs/promises";
import path from "node:path";
import { Eleventy } from "@11ty/eleventy";
import { searchIndexSettled, stopSearchIndexer } from "./search.js";

export interface BuildOptions {
  input: string;
  output: string;
  configPath?: string;
  quiet?: boolean;
}

export async function buildSite({ input, output, configPath = ".eleventy.ts", quiet = true }: BuildOptions): Promise<void> {
  const target = path.resolve(output);
  const staging = `${target}.staging`;
  const previous = `${target}.previous`;

  await restoreInterruptedSwap(target, previous);
  await rm(staging, { recursive: true, force: true });
  try {
    const eleventy = new Eleventy(input, staging, { configPath, quietMode: quiet, runMode: "build" });
    await eleventy.write();
  } catch (error) {
    // The search index is made alongside the pages: let it stop writing before its folder goes.
    await searchIndexSettled();
    await rm(staging, { recursive: true, force: true });
    throw error;
  } finally {
    await stopSearchIndexer();
  }

  // Two renames on one file system: the window without a complete site is a few microseconds,
  // and restoreInterruptedSwap repairs it should the process die inside it.
  await rm(previous, { recursive: true, force: true });
  if (existsSync(target)) await rename(target, previous);
  await rename(staging, target);
  await rm(previous, { recursive: true, force: true });
}

async function restoreInterruptedSwap(target: string, previous: string): Promise<void> {
  if (!existsSync(target) && existsSync(previous)) await rename(previous, target);
}
