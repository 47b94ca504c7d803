/**
 * The deploy record: what a deploy target was last given, kept in the build cache
 * (`.cache/akhbar-deploy/<16 hex of sha1(target)>.json`, or AKHBAR_DEPLOY_RECORD), so that the
 * next deploy uploads only what differs from it and never lists the target (a 150,000-release
 * site is ~500,000 files). It is written, atomically, only after a deploy fully succeeded: a
 * deploy that failed leaves the last good record, and the next one sends its whole diff again.
 *
 * The build reads it too (`npm run build -- --since-deploy <target>`): the record's entries are
 * the site as published, and the build writes only the files that differ from them.
 *
 * Each file the deploy sent has a short hash of its bytes (`hashes`), so that a file whose version
 * changed but whose bytes did not (every page after an upgrade of Akhbar: versions are build-cache
 * keys that name the code) is not sent again. A file without a hash (it could not be read once
 * sent) is sent again when its version changes.
 */
import { createHash } from "node:crypto";
import { mkdir, readFile } from "node:fs/promises";
import path from "node:path";
import { writeFileAtomic } from "../output/atomic-write.js";
import { cacheFolder } from "../output/cache-dir.js";
import type { ManifestEntry } from "../output/publish.js";
import { targetName } from "./target.js";

export const DEPLOY_RECORD_VARIABLE = "AKHBAR_DEPLOY_RECORD";
export const DEPLOY_RECORD_FORMAT = 1;

/** A folder kept whole in the manifest (a search shard): its files as deployed, relative to it, with their sizes. */
export type FolderListing = Array<[relativeFile: string, size: number]>;

export interface DeployRecord {
  format: typeof DEPLOY_RECORD_FORMAT;
  /** The target's canonical name (src/deploy/target.ts). */
  target: string;
  /** The id of the site manifest deployed (src/output/publish.ts). */
  manifestId: string;
  /** The manifest's entries as deployed: [file, version, size]; folders kept whole end with "/" (size FOLDER_SIZE). */
  entries: ManifestEntry[];
  /** The files of each folder entry, as deployed. */
  folders: Record<string, FolderListing>;
  /**
   * Fingerprinted files no longer in the site, left on the target for readers of pages they
   * opened before (a page names its stylesheet and search chunks by their content), with the
   * date (ISO, YYYY-MM-DD) they left the site; removed after the deploy's --keep-days.
   */
  retired: Array<[file: string, since: string]>;
  /**
   * The `contentHash` of each file (not folder entry) as the target has it, by root-relative path;
   * absent in a record written before they were kept, and for files no deploy has hashed yet.
   */
  hashes?: Record<string, string>;
}

/**
 * The hash a record keeps of a file's bytes: 16 hex digits (64 bits) of its sha1. Enough because a
 * hash is only ever compared with the one recorded for the same path (never across the site, so
 * no birthday bound over 360,000 files applies): a changed file goes unsent by chance once in 2^64
 * comparisons. The site is built from the archive's own releases, not from input shaped to collide,
 * and a collision would leave one file stale, not expose anything. sha1 for its speed and because
 * the manifest's versions use it already (src/output/publish.ts contentVersion).
 */
export function contentHash(content: Uint8Array): string {
  return createHash("sha1").update(content).digest("hex").slice(0, 16);
}

export function deployRecordDir(env: NodeJS.ProcessEnv = process.env): string {
  return cacheFolder("akhbar-deploy", DEPLOY_RECORD_VARIABLE, env);
}

/** Where the record of `target` (as given to --to: it is made canonical) is kept. */
export function deployRecordPath(target: string, env: NodeJS.ProcessEnv = process.env): string {
  const name = targetName(target);
  return path.join(deployRecordDir(env), `${createHash("sha1").update(name).digest("hex").slice(0, 16)}.json`);
}

/** The record of the last deploy to `target` that succeeded; undefined when there was none (or it cannot be read). */
export async function readDeployRecord(target: string, env: NodeJS.ProcessEnv = process.env): Promise<DeployRecord | undefined> {
  let record: DeployRecord;
  try {
    record = JSON.parse(await readFile(deployRecordPath(target, env), "utf8")) as DeployRecord;
  } catch {
    return undefined;
  }
  // Another form, or (a hash collision, a record copied by hand) another target's: not trusted.
  if (record.format !== DEPLOY_RECORD_FORMAT || record.target !== targetName(target)) return undefined;
  return record;
}

export async function writeDeployRecord(record: DeployRecord, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const file = deployRecordPath(record.target, env);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFileAtomic(file, JSON.stringify(record));
}
