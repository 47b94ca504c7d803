/**
 * Builds that overlap on one output folder (src/output/output-lock.ts), with the real build
 * command: two started together both end and leave the site a clean build makes, the second
 * having waited for the first; a build refuses when told not to wait, or when its wait runs
 * out; a lock left by a killed build is taken over; nobody builds into a folder the dev server
 * writes into.
 */
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { cp, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { hostname } from "node:os";
import path from "node:path";
import { exists, hashTree } from "../support/html.js";
import { repoRoot, runBuild, runNode, temporaryDirectory, type BuildRun } from "../support/run.js";
import { lockOutput } from "../../src/output/output-lock.js";

const env = { SOURCE_DATE_EPOCH: "1735000000" };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The pid of a process that has ended. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ["-e", ""], { stdio: "ignore" });
  await new Promise((resolve) => child.on("exit", resolve));
  return child.pid!;
}

describe("builds that overlap on one output folder", () => {
  let root: string;
  let content: string;
  let clean: Map<string, string>;
  /** A fresh output folder of its own (with its own caches beside it: src/bench/run.ts). */
  const output = (name: string) => path.join(root, name, "site");

  before(async () => {
    root = await temporaryDirectory("akhbar-overlap-");
    content = path.join(root, "content");
    await cp(path.join(repoRoot, "content"), content, { recursive: true });
    const run = await runBuild(content, output("clean"), env);
    assert.equal(run.code, 0, run.log);
    clean = await hashTree(output("clean"));
  });
  after(() => rm(root, { recursive: true, force: true }));

  test("two builds started 0.3 s apart both end; the second waits for the first, and the site is the one a clean build makes", async () => {
    const site = output("together");
    const build = (extra: NodeJS.ProcessEnv = {}) =>
      runNode([...(extra.STOP_PUBLISHING_PAUSE ? ["--import", "./tests/support/stop-publishing.ts"] : []), "scripts/build.ts", "--input", content, "--output", site], {
        ...env,
        AKHBAR_CACHE_DIR: path.join(path.dirname(site), "cache"),
        ...extra,
      });
    // The first stops for a moment as it publishes, the moment two builds undid each other's
    // work: the second, started 0.3 s after it, surely arrives while the first is at work.
    const first = build({ STOP_PUBLISHING_SITE: site, STOP_PUBLISHING_PAUSE: "2000" });
    await sleep(300);
    const second = build();
    const runs: BuildRun[] = await Promise.all([first, second]);
    for (const run of runs) assert.equal(run.code, 0, run.log);
    const logs = runs.map((run) => run.log).join("\n----\n");
    assert.match(runs[0]!.log, /^\[stop-publishing\] pausing/m, logs);
    // In Persian, the build's default: it waited, then found nothing left to change.
    assert.match(runs[1]!.log, /^\[akhbar\] منتظر می‌مانیم تا ساختی دیگر \(فرایند \d+ روی .*\) نوشتن در .*site\/ را تمام کند/m, logs);
    assert.match(runs[1]!.log, /^سایت .*site\/ در [۰-۹٫]+ ثانیه ساخته شد: [۰-۹٬]+ خبر، [۰-۹٬]+ فایل، [۰-۹٫]+ (?:بایت|کیلوبایت|مگابایت)؛ ۰ فایل تغییر کرد\.$/m, logs);
    assert.deepEqual(await hashTree(site), clean);
    assert.equal(await exists(`${site}.lock`), false, "the lock was left behind");
    assert.equal(await exists(`${site}.staging`), false, "the staging folder was left behind");
  });

  test("while another build holds the folder, a build told not to wait refuses at once, and one whose wait runs out fails; each says who holds it, and the site stays as it was", async () => {
    const site = output("clean");
    // This process holds the folder, as a running build would.
    const lock = await lockOutput(site, { holder: "build", wait: 0 });
    try {
      const refused = await runBuild(content, site, { ...env, AKHBAR_LOCK_WAIT: "0" });
      assert.equal(refused.code, 1, refused.log);
      assert.match(refused.log, new RegExp(`^ساختی دیگر \\(فرایند ${process.pid} روی .*\\) در .*site/ می‌نویسد: وقتی کارش تمام شد دوباره بسازید`, "m"));
      assert.match(refused.log, /^ساخت انجام نشد: .*site\/ همان‌گونه که بود ماند\./m);
      const refusedInEnglish = await runBuild(content, site, { ...env, AKHBAR_LOCK_WAIT: "0", AKHBAR_LANG: "en" });
      assert.equal(refusedInEnglish.code, 1, refusedInEnglish.log);
      assert.match(refusedInEnglish.log, new RegExp(`^a build \\(pid ${process.pid} on .*\\) is writing into .*site/: try again when it has finished`, "m"));
      assert.match(refusedInEnglish.log, /^Build failed: .*site\/ was left as it was\./m);

      const gaveUp = await runBuild(content, site, { ...env, AKHBAR_LOCK_WAIT: "1", AKHBAR_LANG: "en" });
      assert.equal(gaveUp.code, 1, gaveUp.log);
      assert.match(gaveUp.log, /^\[akhbar\] waiting for a build/m);
      assert.match(gaveUp.log, /^a build \(pid \d+ .*\) still holds .*site\.lock after a wait of 1 s \(AKHBAR_LOCK_WAIT\): try again when it has finished\. If no build is running, remove .*site\.lock\./m);
      assert.deepEqual(await hashTree(site), clean);
    } finally {
      await lock.release();
    }
  });

  test("a lock left by a killed build (its pid runs no more) is taken over, with a message", async () => {
    const site = output("stale");
    const pid = await deadPid();
    await mkdir(path.dirname(site), { recursive: true });
    await writeFile(`${site}.lock`, `${JSON.stringify({ holder: "build", pid, host: hostname(), started: new Date().toISOString(), token: "killed" })}\n`);
    const run = await runBuild(content, site, env);
    assert.equal(run.code, 0, run.log);
    assert.match(run.log, new RegExp(`^\\[akhbar\\] قفل .*site\\.lock که ساختی دیگر \\(فرایند ${pid} روی .*\\) به جا گذاشته بود گرفته شد: فرایند ${pid} دیگر در کار نیست$`, "m"));
    assert.equal(await exists(`${site}.lock`), false, "the lock was left behind");
    assert.deepEqual(await hashTree(site), clean);
  });

  test("a build refuses at once to write into a folder the dev server writes into, and says so", async () => {
    const site = output("clean");
    const lock = `${JSON.stringify({ holder: "dev server", pid: process.pid, host: hostname(), started: new Date().toISOString(), token: "serving" })}\n`;
    await writeFile(`${site}.lock`, lock);
    try {
      const run = await runBuild(content, site, env);
      assert.equal(run.code, 1, run.log);
      assert.match(run.log, new RegExp(`^سرور پیش‌نمایش \\(npm start، فرایند ${process.pid} روی .*\\) در .*site/ می‌نویسد: نخست آن را ببندید، یا پوشهٔ دیگری بدهید \\(--output\\)`, "m"));
      assert.equal(await readFile(`${site}.lock`, "utf8"), lock, "the dev server's lock was touched");
      assert.deepEqual(await hashTree(site), clean);
    } finally {
      await rm(`${site}.lock`, { force: true });
    }
  });
});
