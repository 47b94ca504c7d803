/**
 * One writer at a time for an output folder. Two builds into one `_site/` share its staging
 * folder, its manifest and its journal (publish.ts): the second removed the first's staging
 * folder under it, and both published a site missing whatever the other had removed. Scheduled
 * builds every 15 minutes over a clean build that takes longer than that make the overlap real.
 *
 * The lock is a file beside the folder, `<output>.lock`, created with the `wx` flag (the create
 * fails if the file exists, in one step, so two builds can never both take it). It holds who
 * took it (build or dev server, pid, host, start time), so that a second build can say what it
 * waits for, and can tell the lock of a build that was killed: its pid no longer runs on this
 * host, or (from another host, or a pid reused since) it is older than any build takes.
 *
 * What a writer is told (waiting, a lock taken over, refused) is data here (`LockEvent`,
 * `LockRefusal`): this module is below the message catalogue, which says it in the operator's
 * language (src/messages/build.ts).
 *
 * Hand-written rather than proper-lockfile: that package's lock is an empty folder, which its
 * release and its stale check remove with rmdir, so it cannot hold the owner; and it tells a
 * killed holder only by a modification time the holder must keep renewing on a timer, which
 * neither names the holder nor sees at once that its process has gone.
 */
import { randomUUID } from "node:crypto";
import { readFileSync, rmSync } from "node:fs";
import { link, mkdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import { hostname } from "node:os";
import path from "node:path";

/** Who writes into the folder. Nobody waits for a dev server: it does not end by itself. */
export type LockHolder = "build" | "dev server" | "deploy";

export interface LockOwner {
  holder: LockHolder;
  pid: number;
  host: string;
  /** When it was taken (ISO 8601). */
  started: string;
  /** Makes the file this lock's alone, so that a release never removes a lock taken over since. */
  token: string;
}

/** How long a build waits for another, in seconds: `AKHBAR_LOCK_WAIT` (0 refuses at once). */
export const LOCK_WAIT_VARIABLE = "AKHBAR_LOCK_WAIT";
/** A clean build of the largest archive takes well under an hour: a build waits that long. */
export const DEFAULT_LOCK_WAIT_MS = 60 * 60 * 1000;
/**
 * A build's lock older than this is a killed build's even when its pid cannot be checked (it was
 * taken on another host sharing the folder) or seems to run (the pid was given to another process).
 */
export const STALE_AFTER_MS = 6 * 60 * 60 * 1000;
/** A lock file without a readable owner is one being written; past this, one whose writer died in between. */
const UNREADABLE_GRACE_MS = 10_000;
const POLL_MS = 500;

export interface LockOptions {
  holder: LockHolder;
  /** How long to wait for a build that holds the lock, in milliseconds; 0 refuses at once. */
  wait?: number;
  staleAfter?: number;
  /** How often a waiting writer looks again, in milliseconds. */
  poll?: number;
  /** Where what happens goes (waiting, a lock taken over), to be said in words by the caller. */
  report?: (event: LockEvent) => void;
}

/** Why a lock is the lock of a writer that is gone. */
export type StaleReason =
  /** The file names no owner, and is older than its writing takes: its build stopped as it took the lock. */
  | { kind: "no owner" }
  /** Its process runs no more on this host. */
  | { kind: "not running"; pid: number }
  /** A build's lock older than any build takes. */
  | { kind: "too old"; hours: number };

/** What happens while a writer takes the lock. */
export type LockEvent =
  | { kind: "waiting"; owner: LockOwner | undefined; folder: string; file: string }
  | { kind: "taken over"; owner: LockOwner | undefined; file: string; stale: StaleReason };

/** Why the lock was not taken: a dev server holds it, a build holds it and `wait` is 0, or the wait ran out. */
export interface LockRefusal {
  kind: "dev server" | "no wait" | "waited";
  owner: LockOwner | undefined;
  /** The output folder, with a trailing slash. */
  folder: string;
  file: string;
  /** How long it waited, in milliseconds. */
  waited: number;
}

/** The folder is someone else's: refused, or waited for in vain. `refusal` says who holds it; src/messages/build.ts says what to do. */
export class OutputLockedError extends Error {
  override name = "OutputLockedError";

  constructor(readonly refusal: LockRefusal) {
    super(`${refusal.folder} is locked by another writer (${refusal.file})`);
  }
}

/** `AKHBAR_LOCK_WAIT` is not a number of seconds: src/eleventy/build.ts says so as a setting's error. */
export class LockWaitError extends Error {
  override name = "LockWaitError";

  constructor(readonly value: string) {
    super(`${LOCK_WAIT_VARIABLE}=${value} is not a number of seconds`);
  }
}

export function lockFileFor(target: string): string {
  return `${path.resolve(target)}.lock`;
}

/** The wait `AKHBAR_LOCK_WAIT` sets (seconds), in milliseconds. */
export function lockWait(env: NodeJS.ProcessEnv = process.env): number {
  const text = env[LOCK_WAIT_VARIABLE]?.trim();
  if (!text) return DEFAULT_LOCK_WAIT_MS;
  const seconds = Number(text);
  if (!Number.isFinite(seconds) || seconds < 0) throw new LockWaitError(text);
  return seconds * 1000;
}

/** A lock file as found: its text, its owner when the text is one, and when it was last written. */
export interface FoundLock {
  text: string;
  owner: LockOwner | undefined;
  modified: number;
}

export interface LockCheck {
  host: string;
  now: number;
  staleAfter: number;
  running(pid: number): boolean;
}

/** Why `found` is the lock of a writer that is gone; undefined while it may still be at work. */
export function staleReason(found: FoundLock, { host, now, staleAfter, running }: LockCheck): StaleReason | undefined {
  const { owner } = found;
  if (!owner) return now - found.modified > UNREADABLE_GRACE_MS ? { kind: "no owner" } : undefined;
  if (owner.host === host && !running(owner.pid)) return { kind: "not running", pid: owner.pid };
  const started = Date.parse(owner.started);
  const age = now - (Number.isNaN(started) ? found.modified : started);
  // A dev server on this host that runs is at work however long ago it started.
  if (owner.host === host && owner.holder === "dev server") return undefined;
  if (age > staleAfter) return { kind: "too old", hours: Math.round(age / 3_600_000) };
  return undefined;
}

/** Whether process `pid` runs on this host (one of another user's counts: signalling it is refused, not unknown). */
export function processRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function parseOwner(text: string): LockOwner | undefined {
  try {
    const owner = JSON.parse(text) as Partial<LockOwner>;
    const holders: readonly unknown[] = ["build", "dev server", "deploy"];
    if (Number.isInteger(owner.pid) && typeof owner.host === "string" && typeof owner.started === "string" && holders.includes(owner.holder)) return owner as LockOwner;
  } catch {
    // Being written, or not a lock of ours: judged by its age.
  }
  return undefined;
}

async function readLock(file: string): Promise<FoundLock | undefined> {
  try {
    const [text, info] = await Promise.all([readFile(file, "utf8"), stat(file)]);
    return { text, owner: parseOwner(text), modified: info.mtimeMs };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
}

/**
 * Removes the stale lock whose text is `seen`; false when the lock was no longer that one. Moved
 * aside first and checked there, so that a lock another writer took between the look and the
 * removal is never deleted: it is linked back (a link fails rather than replace a file).
 */
async function takeOver(file: string, seen: string): Promise<boolean> {
  const aside = `${file}.${process.pid}-${randomUUID()}.stale`;
  try {
    await rename(file, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return false;
    throw error;
  }
  const moved = await readFile(aside, "utf8").catch(() => undefined);
  if (moved !== seen) {
    // Only if yet another writer took the lock in the same instant does this fail; both then hold it.
    await link(aside, file).catch(() => undefined);
  }
  await rm(aside, { force: true });
  return moved === seen;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A lock held by this process. */
export class OutputLock {
  private released = false;

  constructor(
    readonly file: string,
    private readonly text: string,
  ) {}

  /** Removes the lock file, if it is still this lock's. */
  async release(): Promise<void> {
    if (this.released) return;
    this.released = true;
    const text = await readFile(this.file, "utf8").catch(() => undefined);
    if (text === this.text) await rm(this.file, { force: true });
  }

  /** The same, for a process `exit` handler, where nothing asynchronous runs. */
  releaseSync(): void {
    if (this.released) return;
    this.released = true;
    let text: string | undefined;
    try {
      text = readFileSync(this.file, "utf8");
    } catch {
      return;
    }
    if (text === this.text) rmSync(this.file, { force: true });
  }
}

/**
 * Takes the lock of the output folder `target` for `holder`: at once when it is free; after a
 * message, when a killed writer left it; after waiting (with a message) while a build holds it.
 * Throws `OutputLockedError` when a dev server holds it, when `wait` is 0, or when the wait ends.
 */
export async function lockOutput(target: string, options: LockOptions): Promise<OutputLock> {
  const { holder, wait = DEFAULT_LOCK_WAIT_MS, staleAfter = STALE_AFTER_MS, poll = POLL_MS, report = () => {} } = options;
  const file = lockFileFor(target);
  const folder = `${path.resolve(target)}/`;
  const owner: LockOwner = { holder, pid: process.pid, host: hostname(), started: new Date().toISOString(), token: randomUUID() };
  const text = `${JSON.stringify(owner)}\n`;
  const deadline = Date.now() + wait;
  let waiting = false;
  await mkdir(path.dirname(file), { recursive: true });
  for (;;) {
    try {
      await writeFile(file, text, { flag: "wx" });
      return new OutputLock(file, text);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    const found = await readLock(file);
    if (!found) continue; // released between the two looks
    const stale = staleReason(found, { host: owner.host, now: Date.now(), staleAfter, running: processRunning });
    if (stale) {
      if (await takeOver(file, found.text)) report({ kind: "taken over", owner: found.owner, file, stale });
      continue;
    }
    const refused = (kind: LockRefusal["kind"]) => new OutputLockedError({ kind, owner: found.owner, folder, file, waited: wait });
    if (found.owner?.holder === "dev server") throw refused("dev server");
    if (wait <= 0) throw refused("no wait");
    if (Date.now() >= deadline) throw refused("waited");
    if (!waiting) report({ kind: "waiting", owner: found.owner, folder, file });
    waiting = true;
    await sleep(Math.min(poll, Math.max(0, deadline - Date.now())));
  }
}
