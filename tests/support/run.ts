/**
 * Shared by the tests: run the real build command on a content folder (src/bench/run.ts, which the
 * measuring scripts use too), and write a content folder of given files.
 */
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { temporaryDirectory } from "../../src/bench/run.js";

export { repoRoot, runBuild, runNode, temporaryDirectory, type BuildRun } from "../../src/bench/run.js";

/** Writes `files` (relative path → text) into a new temporary folder and returns the folder. */
export async function folderWith(files: Record<string, string>, prefix = "akhbar-test-"): Promise<string> {
  const dir = await temporaryDirectory(prefix);
  for (const [name, text] of Object.entries(files)) {
    const file = path.join(dir, ...name.split("/"));
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, text, "utf8");
  }
  return dir;
}
