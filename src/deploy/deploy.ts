/**
 * `npm run deploy` (scripts/deploy.ts): publishes the site a build wrote to a target, uploading
 * only what differs from what the target was last given. The site's manifest (src/output/publish.ts,
 * named by the site's seal) says what the site is; the target's deploy record (src/deploy/record.ts)
 * says what the target has; src/deploy/plan.ts works out the uploads and removals; a transport
 * (src/deploy/targets/) carries them out, phase after phase; the record is written once all of it
 * succeeded. A dry run prints the plan and changes nothing, the record included.
 *
 * Files whose version changed are hashed before planning, and skipped when the target has their
 * bytes (the record's hash); every file uploaded is read once more and hashed for the record. A
 * first deploy (or --full) thus reads the whole site a second time, once; later deploys hash only
 * what changed.
 *
 * The seal itself is not uploaded (the manifest does not name it): it describes the local folder
 * to the next build, and means nothing on the target.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { readFile, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { PUBLISH_RANKS } from "../build/publish-order.js";
import {
  badTarget,
  deployFinished,
  deployPlan,
  DRY_RUN_LISTS,
  dryRunPlan,
  missingCredentials,
  nginxMapSent,
  nothingToDeploy,
  phaseDone,
  RSYNC_MISSING,
  siteChanged,
  siteNotBuilt,
  transferFailed,
  type DeployCounts,
  type Phase,
  type PhaseKind,
} from "../messages/deploy.js";
import { byteSize, messageLanguage, say, type Message } from "../messages/messages.js";
import { readSiteManifest, siteManifestDir } from "../output/publish.js";
import { LOCK_WAIT_VARIABLE, LockWaitError, lockOutput, lockWait, OutputLockedError, type OutputLock } from "../output/output-lock.js";
import { lockRefused, lockTakenOver, lockWaiting } from "../messages/build.js";
import { lockWaitInvalid } from "../messages/settings.js";
import { NGINX_MAP_FILE } from "../hosting/hosts.js";
import { DEFAULT_KEEP_DAYS, planDeploy, type DeployPlan, type DeployUpload, type HashOf, type ListFolder } from "./plan.js";
import { contentHash, DEPLOY_RECORD_FORMAT, readDeployRecord, writeDeployRecord, type FolderListing } from "./record.js";
import { parseTarget, type DeployTarget } from "./target.js";
import { RsyncMissing, rsyncTransport } from "./targets/rsync.js";
import { missingS3Credentials, s3Transport } from "./targets/s3.js";
import { TransferError, type Transport } from "./transport.js";

export interface DeployOptions {
  /** The site folder a build published into (default _site). */
  site: string;
  /** The target, as given to --to. */
  to: string;
  dryRun?: boolean;
  /** Days a fingerprinted file gone from the site stays on the target (default 7). */
  keepDays?: number;
  /** Upload every file of the site again (a target emptied or changed by hand); what left the site is still removed or retired. */
  full?: boolean;
  env?: NodeJS.ProcessEnv;
  now?: Date;
  /** Where the deploy's lines go (default: standard output). */
  print?: (line: string) => void;
}

/** What `--report` writes (the shared contract of issue 21). */
export interface DeployReport {
  uploaded: string[];
  deleted: string[];
  /** Fingerprinted files that left the site with this deploy, kept on the target for now. */
  retired: string[];
  uploadedBytes: number;
  /** Files whose version changed but whose bytes the target had already (the record's hash): not sent. */
  unchanged: string[];
}

/** A deploy that could not be done, or failed: its message, for the operator. */
export class DeployError extends Error {
  constructor(readonly problem: Message) {
    super(problem.en);
  }
}

/** A folder entry of the manifest that the site folder does not have. */
class MissingFolder extends Error {
  constructor(readonly folder: string) {
    super(`${folder} is not in the site folder`);
  }
}

/** The files of the local folder entry `folder` (root-relative, ending in "/") of `site`, relative to it, sorted. */
export function localFolderLister(site: string): ListFolder {
  const root = path.resolve(site);
  return (folder) => {
    const listing: FolderListing = [];
    const top = path.join(root, ...folder.split("/").filter(Boolean));
    if (!statSync(top, { throwIfNoEntry: false })?.isDirectory()) throw new MissingFolder(folder);
    const walk = (dir: string, prefix: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(full, `${prefix}${entry.name}/`);
        else listing.push([`${prefix}${entry.name}`, statSync(full).size]);
      }
    };
    walk(top, "");
    return listing.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  };
}

const localPath = (root: string, file: string) => path.join(root, ...file.split("/").filter(Boolean));

/**
 * Hashes a file of the local site, for the planner (src/deploy/plan.ts calls it only for files
 * whose version changed). Synchronous because the planner is; it runs before anything is sent.
 */
export function localHasher(site: string): HashOf {
  const root = path.resolve(site);
  return (file) => {
    try {
      return contentHash(readFileSync(localPath(root, file)));
    } catch {
      return undefined; // not in the site folder: not skipped, and missingFromSite names it
    }
  };
}

/**
 * The hashes of the files uploaded, read once more from the site folder after they were sent (the
 * deploy holds the site's lock: no build changes them in between). A file that cannot be read
 * gets no hash: the next deploy then sends it if its version changes.
 */
async function hashUploaded(site: string, uploads: readonly DeployUpload[]): Promise<Record<string, string>> {
  const root = path.resolve(site);
  const hashes: Record<string, string> = {};
  const BATCH = 64;
  for (let start = 0; start < uploads.length; start += BATCH) {
    const batch = uploads.slice(start, start + BATCH);
    const read = await Promise.all(batch.map(({ file }) => readFile(localPath(root, file)).catch(() => undefined)));
    batch.forEach(({ file }, index) => {
      const bytes = read[index];
      if (bytes) hashes[file] = contentHash(bytes);
    });
  }
  return hashes;
}

/** The uploads cut into phases: consecutive files of one half (fresh or changed) and one rank. */
export function uploadPhases(uploads: readonly DeployUpload[]): DeployUpload[][] {
  const phases: DeployUpload[][] = [];
  for (const upload of uploads) {
    const last = phases.at(-1)?.[0];
    if (last && last.fresh === upload.fresh && last.rank === upload.rank) phases.at(-1)!.push(upload);
    else phases.push([upload]);
  }
  return phases;
}

const RANK_KINDS = new Map<number, PhaseKind>(Object.entries(PUBLISH_RANKS).map(([kind, rank]) => [rank, kind as PhaseKind]));

/** The files of `uploads` the site folder does not have at the size the manifest records. */
async function missingFromSite(site: string, uploads: readonly DeployUpload[]): Promise<string[]> {
  const root = path.resolve(site);
  const missing: string[] = [];
  const BATCH = 256;
  for (let start = 0; start < uploads.length; start += BATCH) {
    const batch = uploads.slice(start, start + BATCH);
    const found = await Promise.all(batch.map(({ file }) => stat(path.join(root, ...file.split("/").filter(Boolean))).catch(() => undefined)));
    batch.forEach(({ file, size }, index) => {
      const info = found[index];
      if (!info?.isFile() || info.size !== size) missing.push(file);
    });
  }
  return missing;
}

function transportFor(target: DeployTarget, site: string, env: NodeJS.ProcessEnv): Transport {
  if (target.kind !== "s3") return rsyncTransport(target, site, env);
  const missing = missingS3Credentials(env);
  if (missing.length > 0) throw new DeployError(missingCredentials(target.name, missing));
  return s3Transport(target, site, env);
}

function countsOf(plan: DeployPlan, keepDays: number): DeployCounts {
  return {
    uploads: plan.uploads.length,
    fresh: plan.uploads.filter((upload) => upload.fresh).length,
    uploadBytes: plan.uploads.reduce((sum, upload) => sum + upload.size, 0),
    unchanged: plan.unchanged.length,
    deletions: plan.deletions.length,
    retired: plan.retired.length,
    kept: plan.stillRetired.length,
    keepDays,
  };
}

/** Deploys (or, dry, plans) the site of `options.site` to `options.to`; what it did (would do) is returned. */
export async function deploySite(options: DeployOptions): Promise<DeployReport> {
  const env = options.env ?? process.env;
  const language = messageLanguage(env);
  const print = options.print ?? ((line: string) => console.log(line));
  const show = (message: Message) => print(say(message, language));

  const target = parseTarget(options.to);
  if ("problem" in target) throw new DeployError(badTarget(options.to, target.problem));
  const site = options.site.replace(/[/\\]+$/, "") || options.site;
  if (options.dryRun) return deployFrom(site, target, options, show, print);
  // The site's own lock: no build publishes into the folder while its files are sent, and no
  // second deploy of it runs beside this one against the same record.
  let lock: OutputLock;
  try {
    lock = await lockOutput(site, {
      holder: "deploy",
      wait: lockWait(env),
      report: (event) => show(event.kind === "waiting" ? lockWaiting(event.owner, event.folder, event.file) : lockTakenOver(event.owner, event.file, event.stale)),
    });
  } catch (error) {
    if (error instanceof OutputLockedError) throw new DeployError(lockRefused(error.refusal, LOCK_WAIT_VARIABLE));
    if (error instanceof LockWaitError) throw new DeployError(lockWaitInvalid(LOCK_WAIT_VARIABLE, error.value));
    throw error;
  }
  try {
    return await deployFrom(site, target, options, show, print);
  } finally {
    await lock.release();
  }
}

async function deployFrom(site: string, target: DeployTarget, options: DeployOptions, show: (message: Message) => void, print: (line: string) => void): Promise<DeployReport> {
  const env = options.env ?? process.env;
  const language = messageLanguage(env);
  const keepDays = options.keepDays ?? DEFAULT_KEEP_DAYS;
  const manifest = await readSiteManifest(site, siteManifestDir(env));
  if (!manifest) throw new DeployError(siteNotBuilt(site));
  const record = await readDeployRecord(target.name, env);
  let plan: DeployPlan;
  try {
    plan = planDeploy(manifest, record, localFolderLister(site), options.now ?? new Date(), keepDays, options.full, localHasher(site));
  } catch (error) {
    if (error instanceof MissingFolder) throw new DeployError(siteChanged(site, [error.folder]));
    throw error;
  }
  const missing = await missingFromSite(site, plan.uploads);
  if (missing.length > 0) throw new DeployError(siteChanged(site, missing));

  const counts = countsOf(plan, keepDays);
  const report: DeployReport = { uploaded: plan.uploads.map(({ file }) => file), deleted: plan.deletions, retired: plan.retired, uploadedBytes: counts.uploadBytes, unchanged: plan.unchanged };
  if (options.dryRun) {
    show(dryRunPlan(target.name, counts));
    const list = (heading: Message, lines: string[]) => lines.length > 0 && print([say(heading, language), ...lines].join("\n"));
    list(DRY_RUN_LISTS.upload, plan.uploads.map((upload) => `  + ${upload.file}  ${say(byteSize(upload.size), language)}`));
    list(DRY_RUN_LISTS.remove, plan.deletions.map((file) => `  - ${file}`));
    list(DRY_RUN_LISTS.retire, plan.retired.map((file) => `  ~ ${file}`));
    return report;
  }

  const started = performance.now();
  const phases = uploadPhases(plan.uploads);
  const removing = plan.deletions.length > 0;
  const total = phases.length + (removing ? 1 : 0);
  if (total > 0) show(deployPlan(target.name, counts));
  try {
    const transport = transportFor(target, site, env);
    for (const [index, files] of phases.entries()) {
      const phaseStarted = performance.now();
      await transport.upload(files);
      const phase: Phase = { kind: RANK_KINDS.get(files[0]!.rank) ?? "file", fresh: files[0]!.fresh };
      show(phaseDone(index + 1, total, phase, files.length, files.reduce((sum, upload) => sum + upload.size, 0), performance.now() - phaseStarted));
    }
    if (removing) {
      const phaseStarted = performance.now();
      await transport.remove(plan.deletions, plan.emptiedFolders);
      show(phaseDone(total, total, { kind: "remove" }, plan.deletions.length, 0, performance.now() - phaseStarted));
    }
  } catch (error) {
    if (error instanceof TransferError) throw new DeployError(transferFailed(target.name, error.file, error.detail, error.removing));
    if (error instanceof RsyncMissing) throw new DeployError(RSYNC_MISSING);
    throw error;
  }
  // Only the manifest's files: a shard's files are named by their content and kept in its listing.
  const siteFiles = new Set(manifest.entries.map(([file]) => file));
  const uploadedHashes = await hashUploaded(site, plan.uploads.filter(({ file }) => siteFiles.has(file)));
  await writeDeployRecord({ format: DEPLOY_RECORD_FORMAT, target: target.name, ...plan.next, hashes: { ...plan.next.hashes, ...uploadedHashes } }, env);
  show(total === 0 ? nothingToDeploy(target.name) : deployFinished(target.name, plan.uploads.length, counts.uploadBytes, plan.deletions.length, performance.now() - started));
  if (plan.uploads.some(({ file }) => file === NGINX_MAP_FILE)) show(nginxMapSent(NGINX_MAP_FILE));
  return report;
}

/** Writes `report` as JSON to `file` (--report). */
export async function writeDeployReport(file: string, report: DeployReport): Promise<void> {
  await writeFile(file, `${JSON.stringify(report, null, 2)}\n`);
}
