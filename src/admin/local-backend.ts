/**
 * The editor's local backend: Decap's own proxy (decap-server), which reads and writes the files of
 * the working tree for /admin/ opened on localhost, so that an office can try the editor on one
 * machine before setting up a git service (docs/cms.md). It writes files and commits nothing
 * (its `fs` mode): the editor's changes are in the working tree, for `git commit` as any other
 * edit. It listens on 127.0.0.1 only: whoever reaches it can write into the repository.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { localBackendPort } from "./admin-page.js";

export const CMS_LOCAL_VARIABLE = "AKHBAR_CMS_LOCAL";

/** Whether `npm start` starts the local backend: `--cms`, or AKHBAR_CMS_LOCAL=1. */
export function localBackendWanted(flag: boolean, env: NodeJS.ProcessEnv = process.env): boolean {
  return flag || /^(1|true|yes)$/i.test(env[CMS_LOCAL_VARIABLE]?.trim() ?? "");
}

/** The repository the content folder is in (Decap's paths are relative to it): the nearest folder up with `.git`, else the working folder. */
export function repositoryOf(contentDir: string): string {
  for (let folder = path.resolve(contentDir); ; folder = path.dirname(folder)) {
    if (existsSync(path.join(folder, ".git"))) return folder;
    if (path.dirname(folder) === folder) return process.cwd();
  }
}

/** Starts decap-server for the repository of `contentDir`; its output goes to this process's. */
export function startLocalBackend(contentDir: string, env: NodeJS.ProcessEnv = process.env): ChildProcess {
  const entry = createRequire(import.meta.url).resolve("decap-server/dist/index.js");
  return spawn(process.execPath, [entry], {
    stdio: ["ignore", "inherit", "inherit"],
    env: { ...env, PORT: String(localBackendPort(env)), BIND_HOST: "127.0.0.1", MODE: "fs", GIT_REPO_DIRECTORY: repositoryOf(contentDir), LOG_LEVEL: env.LOG_LEVEL ?? "warn" },
  });
}
