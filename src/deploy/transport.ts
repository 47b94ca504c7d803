/**
 * What a deploy target does, whatever it is (src/deploy/targets/): upload one phase's files from
 * the site folder, and remove files. A phase is done when its promise resolves; a failure rejects
 * with a `TransferError` naming the file where one is known, and the deploy stops there.
 */
import type { DeployUpload } from "./plan.js";

export interface Transport {
  /** Uploads `files` (one phase) from the site folder. */
  upload(files: readonly DeployUpload[]): Promise<void>;
  /** Removes `files` and, where the target has folders, `emptiedFolders` (src/deploy/plan.ts). */
  remove(files: readonly string[], emptiedFolders: readonly string[]): Promise<void>;
}

/** An upload or removal that failed: the file (root-relative) where the target says which, and its words. */
export class TransferError extends Error {
  constructor(
    readonly detail: string,
    readonly file: string | undefined,
    readonly removing: boolean,
  ) {
    super(`${removing ? "removing" : "uploading"}${file ? ` ${file}` : ""}: ${detail}`);
  }
}
