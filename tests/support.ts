/** Shared by the tests: run the real build command on a content folder. */
import { spawn } from "node:child_process";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

export interface BuildRun {
  code: number | null;
  /** stdout and stderr together, in order of arrival. */
  log: string;
}

/** Runs `scripts/build.ts` as `npm run build` does, in a child process. */
export function runBuild(input: string, output: string, env: NodeJS.ProcessEnv = {}): Promise<BuildRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", "scripts/build.ts", "--input", input, "--output", output], {
      cwd: repoRoot,
      env: { ...process.env, ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let log = "";
    child.stdout.on("data", (chunk) => (log += chunk));
    child.stderr.on("data", (chunk) => (log += chunk));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, log }));
  });
}

export async function temporaryDirectory(prefix = "akhbar-test-"): Promise<string> {
  return mkdtemp(path.join(tmpdir(), prefix));
}
