/**
 * Unit tests for src/output/output-lock.ts: one writer at a time for an output folder; a second
 * one waits (with a message) for a build, never for a dev server, and gives up after its wait; a
 * lock left by a killed writer is taken over with a message; a release removes only its own lock.
 * The lock reports what happens as data; its messages are src/messages/build.ts's, checked here in
 * Persian and English.
 */
import { after, test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { hostname, tmpdir } from "node:os";
import path from "node:path";
import {
  DEFAULT_LOCK_WAIT_MS,
  lockFileFor,
  lockOutput,
  lockWait,
  LockWaitError,
  OutputLockedError,
  staleReason,
  type FoundLock,
  type LockEvent,
  type LockOwner,
} from "../../../src/output/output-lock.js";
import { lockRefused, lockTakenOver, lockWaiting } from "../../../src/messages/build.js";

const created: string[] = [];
after(async () => {
  await Promise.all(created.map((dir) => rm(dir, { recursive: true, force: true })));
});
/** An output folder's path in a new temporary folder (the output itself need not exist). */
const output = async () => {
  const dir = await mkdtemp(path.join(tmpdir(), "akhbar-unit-output-lock-"));
  created.push(dir);
  return path.join(dir, "site");
};
const owner = (fields: Partial<LockOwner>): LockOwner => ({ holder: "build", pid: 1234, host: "here", started: new Date(0).toISOString(), token: "t", ...fields });
const lockText = (fields: Partial<LockOwner>) => `${JSON.stringify(owner(fields))}\n`;

/** The pid of a process that has ended. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ["-e", ""], { stdio: "ignore" });
  await new Promise((resolve) => child.on("exit", resolve));
  return child.pid!;
}

test("staleReason: a lock is a killed writer's when its pid runs no more on this host, or, for a build, when it is older than any build", () => {
  const HOUR = 3_600_000;
  const now = 100 * HOUR;
  const running = (pid: number) => pid === 1;
  const check = { host: "here", now, staleAfter: 6 * HOUR, running };
  const at = (hoursAgo: number) => new Date(now - hoursAgo * HOUR).toISOString();
  const rows: Array<[name: string, found: FoundLock, stale: boolean]> = [
    ["a build running on this host", { text: "", owner: owner({ pid: 1, started: at(1) }), modified: now }, false],
    ["a build whose process is gone", { text: "", owner: owner({ pid: 2, started: at(0) }), modified: now }, true],
    ["a build on another host, young", { text: "", owner: owner({ pid: 2, host: "there", started: at(1) }), modified: now }, false],
    ["a build on another host, older than any build", { text: "", owner: owner({ pid: 2, host: "there", started: at(7) }), modified: now }, true],
    ["a build on this host older than any build (its pid given to another process)", { text: "", owner: owner({ pid: 1, started: at(7) }), modified: now }, true],
    ["a dev server running on this host for days", { text: "", owner: owner({ holder: "dev server", pid: 1, started: at(72) }), modified: now }, false],
    ["a dev server whose process is gone", { text: "", owner: owner({ holder: "dev server", pid: 2, started: at(0) }), modified: now }, true],
    ["a lock being written (no owner yet)", { text: "", owner: undefined, modified: now - 1000 }, false],
    ["a lock whose writer died as it took it", { text: "", owner: undefined, modified: now - 60_000 }, true],
  ];
  for (const [name, found, stale] of rows) assert.equal(staleReason(found, check) !== undefined, stale, name);
  assert.deepEqual(staleReason(rows[1]![1], check), { kind: "not running", pid: 2 });
  assert.deepEqual(staleReason(rows[3]![1], check), { kind: "too old", hours: 7 });
  assert.deepEqual(staleReason(rows[8]![1], check), { kind: "no owner" });
});

test("lockWait: AKHBAR_LOCK_WAIT in seconds, an hour without it; anything but a number of seconds is refused", () => {
  assert.equal(lockWait({}), DEFAULT_LOCK_WAIT_MS);
  assert.equal(lockWait({ AKHBAR_LOCK_WAIT: "0" }), 0);
  assert.equal(lockWait({ AKHBAR_LOCK_WAIT: " 90 " }), 90_000);
  for (const value of ["-1", "soon", "1e999"]) assert.throws(() => lockWait({ AKHBAR_LOCK_WAIT: value }), (error: unknown) => error instanceof LockWaitError && error.value === value, value);
});

test("a free folder is locked at once, and the lock says who holds it; the release removes it", async () => {
  const site = await output();
  const lock = await lockOutput(site, { holder: "build", wait: 0 });
  assert.equal(lock.file, `${site}.lock`);
  assert.equal(lockFileFor(site), lock.file);
  const held = JSON.parse(await readFile(lock.file, "utf8")) as LockOwner;
  assert.equal(held.holder, "build");
  assert.equal(held.pid, process.pid);
  assert.equal(held.host, hostname());
  assert.ok(Math.abs(Date.parse(held.started) - Date.now()) < 60_000, held.started);
  await lock.release();
  await assert.rejects(readFile(lock.file), { code: "ENOENT" });
});

test("a second writer refuses at once with a wait of 0, saying who holds the folder", async () => {
  const site = await output();
  const first = await lockOutput(site, { holder: "build" });
  try {
    await assert.rejects(lockOutput(site, { holder: "build", wait: 0 }), (error: unknown) => {
      assert.ok(error instanceof OutputLockedError);
      assert.equal(error.refusal.kind, "no wait");
      assert.equal(error.refusal.owner?.pid, process.pid);
      const message = lockRefused(error.refusal, "AKHBAR_LOCK_WAIT");
      assert.match(message.en, new RegExp(`^a build \\(pid ${process.pid} on .*\\) is writing into .*site/: try again when it has finished \\(AKHBAR_LOCK_WAIT=0 does not wait\\)`));
      assert.match(message.fa, new RegExp(`^ساختی دیگر \\(فرایند ${process.pid} روی .*\\) در .*site/ می‌نویسد: وقتی کارش تمام شد دوباره بسازید \\(AKHBAR_LOCK_WAIT=0 منتظر نمی‌ماند\\)`));
      return true;
    });
  } finally {
    await first.release();
  }
});

test("a second build waits, with one message, and takes the lock when the first releases it", async () => {
  const site = await output();
  const first = await lockOutput(site, { holder: "build" });
  const events: LockEvent[] = [];
  setTimeout(() => void first.release(), 300);
  const second = await lockOutput(site, { holder: "build", wait: 10_000, poll: 20, report: (event) => events.push(event) });
  await second.release();
  assert.equal(events.length, 1, JSON.stringify(events));
  const event = events[0]!;
  assert.ok(event.kind === "waiting");
  const message = lockWaiting(event.owner, event.folder, event.file);
  assert.match(message.en, /^\[akhbar\] waiting for a build \(pid \d+ on .*\) to finish writing into .*site\/ \(its lock: .*site\.lock\)$/);
  assert.match(message.fa, /^\[akhbar\] منتظر می‌مانیم تا ساختی دیگر \(فرایند \d+ روی .*\) نوشتن در .*site\/ را تمام کند \(قفل آن: .*site\.lock\)$/);
});

test("a wait that runs out fails with a message that names the lock and how to clear it", async () => {
  const site = await output();
  const first = await lockOutput(site, { holder: "build" });
  try {
    await assert.rejects(lockOutput(site, { holder: "build", wait: 200, poll: 20 }), (error: unknown) => {
      assert.ok(error instanceof OutputLockedError);
      assert.equal(error.refusal.kind, "waited");
      const message = lockRefused(error.refusal, "AKHBAR_LOCK_WAIT");
      assert.match(message.en, /still holds .*site\.lock after a wait of 0\.2 s \(AKHBAR_LOCK_WAIT\)/);
      assert.match(message.en, /If no build is running, remove .*site\.lock\.$/);
      assert.match(message.fa, /پس از ۰٫۲ ثانیه انتظار \(AKHBAR_LOCK_WAIT\) هنوز .*site\.lock را نگه داشته است/);
      assert.match(message.fa, /اگر هیچ ساختی در کار نیست، .*site\.lock را پاک کنید\.$/);
      return true;
    });
  } finally {
    await first.release();
  }
});

test("nobody waits for the dev server: a build refuses at once while it holds the folder", async () => {
  const site = await output();
  const server = await lockOutput(site, { holder: "dev server" });
  try {
    const started = Date.now();
    await assert.rejects(lockOutput(site, { holder: "build", wait: 60_000 }), (error: unknown) => {
      assert.ok(error instanceof OutputLockedError);
      assert.equal(error.refusal.kind, "dev server");
      const message = lockRefused(error.refusal, "AKHBAR_LOCK_WAIT");
      assert.match(message.en, /^the dev server \(npm start, pid \d+ .*\) is writing into .*: stop it first, or use another folder \(--output\)/);
      assert.match(message.fa, /^سرور پیش‌نمایش \(npm start، فرایند \d+ .*\) در .* می‌نویسد: نخست آن را ببندید، یا پوشهٔ دیگری بدهید \(--output\)/);
      return true;
    });
    assert.ok(Date.now() - started < 5_000, "it waited");
  } finally {
    await server.release();
  }
});

test("a lock left by a killed writer (its pid runs no more) is taken over, with a message", async () => {
  const site = await output();
  const pid = await deadPid();
  await writeFile(`${site}.lock`, lockText({ pid, host: hostname(), started: new Date().toISOString() }));
  const events: LockEvent[] = [];
  const lock = await lockOutput(site, { holder: "build", wait: 0, report: (event) => events.push(event) });
  assert.equal((JSON.parse(await readFile(lock.file, "utf8")) as LockOwner).pid, process.pid);
  await lock.release();
  assert.equal(events.length, 1);
  const event = events[0]!;
  assert.ok(event.kind === "taken over");
  assert.deepEqual(event.stale, { kind: "not running", pid });
  const message = lockTakenOver(event.owner, event.file, event.stale);
  assert.match(message.en, new RegExp(`^\\[akhbar\\] taking over .*site\\.lock, left by a build \\(pid ${pid} .*\\): process ${pid} is no longer running$`));
  assert.match(message.fa, new RegExp(`^\\[akhbar\\] قفل .*site\\.lock که ساختی دیگر \\(فرایند ${pid} .*\\) به جا گذاشته بود گرفته شد: فرایند ${pid} دیگر در کار نیست$`));
});

test("a release leaves alone a lock that is no longer its own", async () => {
  const site = await output();
  const lock = await lockOutput(site, { holder: "build" });
  const other = lockText({ pid: process.pid, host: hostname(), token: "another", started: new Date().toISOString() });
  await writeFile(lock.file, other);
  await lock.release();
  assert.equal(await readFile(lock.file, "utf8"), other);
  const sync = await output();
  const syncLock = await lockOutput(sync, { holder: "dev server" });
  syncLock.releaseSync();
  await assert.rejects(readFile(syncLock.file), { code: "ENOENT" });
});

test("writers started together hold the lock one after another, never two at once", async () => {
  const site = await output();
  let holding = 0;
  let most = 0;
  await Promise.all(
    Array.from({ length: 6 }, async () => {
      const lock = await lockOutput(site, { holder: "build", wait: 30_000, poll: 5 });
      holding++;
      most = Math.max(most, holding);
      await new Promise((resolve) => setTimeout(resolve, 20));
      holding--;
      await lock.release();
    }),
  );
  assert.equal(most, 1);
});
