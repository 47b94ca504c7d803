/**
 * Writing a file so that no reader ever sees half of it: the bytes go to a temporary name beside
 * the file, which is then renamed over it (a rename within one folder is atomic). A build killed
 * halfway, or two builds writing one cache side by side, leave either the old file or the new
 * one, never a torn one.
 *
 * Hand-written: it is a few lines, and the package that does it (write-file-atomic) adds fsync
 * and ownership handling that the build's caches and output do not need (a lost cache entry is
 * made again; a killed build is run again).
 */
import { renameSync, rmSync, writeFileSync } from "node:fs";
import { rename, rm, writeFile } from "node:fs/promises";
import { threadId } from "node:worker_threads";

/**
 * The temporary name `target` is written under: beside it, and unique to this process and thread
 * (worker threads share the process id), so that two writers never write into one temporary.
 */
export function temporaryPathFor(target: string): string {
  return `${target}.${process.pid}-${threadId}.tmp`;
}

/** Writes `data` to `file` atomically. The folder must exist. The temporary is removed if the write fails. */
export async function writeFileAtomic(file: string, data: string | NodeJS.ArrayBufferView): Promise<void> {
  const temporary = temporaryPathFor(file);
  try {
    await writeFile(temporary, data);
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

/**
 * `writeFileAtomic` in one synchronous go: for a loop of thousands of small files (the search
 * directory's), where each of the promise API's calls waited its turn through the thread pool.
 */
export function writeFileAtomicSync(file: string, data: string | NodeJS.ArrayBufferView): void {
  const temporary = temporaryPathFor(file);
  try {
    writeFileSync(temporary, data);
    renameSync(temporary, file);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}
