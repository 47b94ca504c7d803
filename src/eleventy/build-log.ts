/**
 * What the build prints, instead of Eleventy. Eleventy's own lines said nothing true to a reader of
 * this build: "Wrote 12 files in 85.92 seconds" counted the few pages Eleventy renders of a site of
 * 33,000 files the build writes itself, and an editor's error came as "Problem writing Eleventy
 * templates:" with `[11ty]` before every line of it. So Eleventy is kept quiet (`quietEleventy`:
 * its logger, which also prints its errors, is turned off), the build catches what stops it and
 * prints it in the operator's language (`describeBuildError`), and the summary is the build's
 * (src/messages/build.ts). `--verbose` lets Eleventy's own output through.
 */
import { inspect } from "node:util";
import type { Eleventy } from "@11ty/eleventy";
import { ContentError, formatProblems } from "../content/release.js";
import { SettingError } from "../content/setting-error.js";
import { LOCK_WAIT_VARIABLE, LockWaitError, lockWait, OutputLockedError } from "../output/output-lock.js";
import { lockRefused, lockTakenOver, lockWaiting, OLD_MANIFEST, siteDamaged, UNEXPECTED_ERROR } from "../messages/build.js";
import { lockWaitInvalid } from "../messages/settings.js";
import { messageLanguage, say, type MessageLanguage } from "../messages/messages.js";
import type { LockEvent } from "../output/output-lock.js";
import type { PublicationEvent } from "../output/publish.js";

/** The command-line flag that lets Eleventy's own output through. */
export const VERBOSE_FLAG = "verbose";

/** Eleventy's logger, which prints its progress, its summary and the errors it meets, turned off (unless `verbose`). */
export function quietEleventy(eleventy: Eleventy, verbose: boolean): void {
  if (!verbose) eleventy.disableLogger();
}

/** The errors an error wraps: Eleventy wraps what a template or an event handler throws (`originalError`, `cause`). */
function causes(error: unknown): unknown[] {
  const chain: unknown[] = [];
  let current: unknown = error;
  while (current instanceof Object && !chain.includes(current) && chain.length < 10) {
    chain.push(current);
    const next = (current as { originalError?: unknown; cause?: unknown }).originalError ?? (current as { cause?: unknown }).cause;
    current = next;
  }
  return chain;
}

/**
 * What the operator is shown of an error that stopped a build: the editors' problems (file, line,
 * field, what to do), a setting's message, who holds the output folder; or, for an error no
 * message explains (a bug, a full disk), a line saying so and the whole error with its stack.
 */
export function describeBuildError(error: unknown, language: MessageLanguage = messageLanguage()): string {
  for (const cause of causes(error)) {
    if (cause instanceof ContentError) return formatProblems(cause.problems, language);
    if (cause instanceof SettingError) return say(cause.text, language);
    if (cause instanceof OutputLockedError) return say(lockRefused(cause.refusal, LOCK_WAIT_VARIABLE), language);
    if (cause instanceof LockWaitError) return say(lockWaitInvalid(LOCK_WAIT_VARIABLE, cause.value), language);
  }
  return `${say(UNEXPECTED_ERROR, language)}\n${inspect(error, { depth: 6 })}`;
}

/** Whether `error` is one the operator is told of in words (no stack trace). */
export function isExplained(error: unknown): boolean {
  return causes(error).some((cause) => cause instanceof ContentError || cause instanceof SettingError || cause instanceof OutputLockedError || cause instanceof LockWaitError);
}

/** The output lock's events, in words. */
export function describeLockEvent(event: LockEvent): string {
  return say(event.kind === "waiting" ? lockWaiting(event.owner, event.folder, event.file) : lockTakenOver(event.owner, event.file, event.stale));
}

/** The publication's findings, in words. */
export function describePublicationEvent(event: PublicationEvent): string {
  return say(event.kind === "old manifest" ? OLD_MANIFEST : siteDamaged(event.count, event.examples));
}

/** AKHBAR_LOCK_WAIT, in milliseconds; a value that is no number of seconds is a setting's error. */
export function outputLockWait(env: NodeJS.ProcessEnv = process.env): number {
  try {
    return lockWait(env);
  } catch (error) {
    if (error instanceof LockWaitError) throw new SettingError(lockWaitInvalid(LOCK_WAIT_VARIABLE, error.value));
    throw error;
  }
}
