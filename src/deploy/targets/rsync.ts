/**
 * A local folder or a server over SSH as a deploy target, with rsync (Debian's): one rsync run per
 * phase, given the exact list of files on its standard input (`--files-from=- --from0`), so that it
 * never walks the site nor lists the target. `-a` without `--delete`: a run touches only the files
 * it is given. rsync writes each file under a temporary name and renames it, so a reader never
 * gets half a file. Every listed file is sent (`--ignore-times`): the deploy record says it changed,
 * and a file of the same size and time is no proof of the contrary.
 *
 * Removal: the removed files are no longer in the site folder, and rsync removes a listed file its
 * source lacks (`--delete-missing-args`). Their source is a scratch folder holding only their
 * (empty) parent folders, so that rsync finds no folder of the path missing (it would warn of
 * files that vanished and exit with 24) and sends no attribute of those folders
 * (`--no-implied-dirs`). The same run removes the folders the removals leave with nothing the
 * target keeps (`--force`: they may hold empty folders), which would otherwise answer 403, not 404.
 *
 * Over SSH: rsync runs `$AKHBAR_DEPLOY_SSH` (default `ssh`) with the target's port; keys and host
 * checking are the operator's, in that command or ~/.ssh/config.
 */
import { spawn } from "node:child_process";
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { DeployTarget } from "../target.js";
import { TransferError, type Transport } from "../transport.js";

export const DEPLOY_SSH_VARIABLE = "AKHBAR_DEPLOY_SSH";

type FileSystemTarget = Extract<DeployTarget, { kind: "folder" | "ssh" }>;

/** rsync's destination for `target`, with a trailing slash (the files go into it). */
export function rsyncDestination(target: FileSystemTarget): string {
  if (target.kind === "folder") return `${target.path}/`;
  return `${target.user ? `${target.user}@` : ""}${target.host}:${target.path}/`;
}

/** The arguments of an rsync run from `source` (a folder) to `target`, uploading or removing. */
export function rsyncArguments(target: FileSystemTarget, source: string, mode: "upload" | "remove", env: NodeJS.ProcessEnv = process.env): string[] {
  const args = ["-a", "--files-from=-", "--from0", "--mkpath"];
  if (mode === "upload") args.push("--ignore-times");
  else args.push("--delete-missing-args", "--no-implied-dirs", "--force");
  if (target.kind === "ssh") args.push("-e", `${env[DEPLOY_SSH_VARIABLE]?.trim() || "ssh"}${target.port ? ` -p ${target.port}` : ""}`);
  args.push(`${source}/`, rsyncDestination(target));
  return args;
}

/** The list rsync reads: root-relative paths made relative to the source, each ended by NUL. */
const fileList = (files: readonly string[]) => files.map((file) => `${file.replace(/^\/+/, "").replace(/\/+$/, "")}\0`).join("");

/** The site file rsync's error output names first ("path" in quotes), when it is one of `files`. */
function namedFile(stderr: string, files: readonly string[]): string | undefined {
  for (const [, quoted] of stderr.matchAll(/"([^"\n]+)"/g)) {
    const found = files.find((file) => quoted!.endsWith(file.replace(/\/+$/, "")));
    if (found) return found;
  }
  return undefined;
}

/** Runs rsync with `args`, `files` on its standard input; rejects with what it said when it fails. */
function runRsync(args: readonly string[], files: readonly string[], removing: boolean): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn("rsync", args, { stdio: ["pipe", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    child.on("error", (error: NodeJS.ErrnoException) => reject(error.code === "ENOENT" ? new RsyncMissing() : new TransferError(error.message, undefined, removing)));
    child.on("close", (code, signal) => {
      if (code === 0) return resolve();
      const said = stderr.trim().split("\n").slice(-6).join("\n");
      reject(new TransferError(`rsync ${signal ? `was stopped (${signal})` : `exited with ${code}`}${said ? `:\n${said}` : ""}`, namedFile(stderr, files), removing));
    });
    // A closed pipe (rsync stopped early) is reported by the exit above.
    child.stdin.on("error", () => {});
    child.stdin.end(fileList(files));
  });
}

/** rsync is not installed. */
export class RsyncMissing extends Error {
  constructor() {
    super("rsync was not found");
  }
}

export function rsyncTransport(target: FileSystemTarget, site: string, env: NodeJS.ProcessEnv = process.env): Transport {
  const source = path.resolve(site);
  return {
    async upload(files) {
      const paths = files.map(({ file }) => file);
      await runRsync(rsyncArguments(target, source, "upload", env), paths, false);
    },
    async remove(files, emptiedFolders) {
      const emptied = new Set(emptiedFolders.map((folder) => folder.replace(/\/+$/, "")));
      const inEmptied = (file: string) => {
        for (let end = file.lastIndexOf("/"); end > 0; end = file.lastIndexOf("/", end - 1)) if (emptied.has(file.slice(0, end))) return true;
        return false;
      };
      const listed = [...files.filter((file) => !inEmptied(file)), ...emptiedFolders];
      if (listed.length === 0) return;
      const scratch = await mkdtemp(path.join(tmpdir(), "akhbar-deploy-"));
      try {
        const parents = new Set(listed.map((file) => path.posix.dirname(file.replace(/\/+$/, ""))));
        for (const parent of parents) await mkdir(path.join(scratch, ...parent.split("/").filter(Boolean)), { recursive: true });
        await runRsync(rsyncArguments(target, scratch, "remove", env), listed, true);
      } finally {
        await rm(scratch, { recursive: true, force: true });
      }
    },
  };
}
