/**
 * `npm start` end to end (scripts/serve.ts): the dev server builds the sample archive, serves it,
 * and rebuilds a release saved in the content folder, seen by the content watcher
 * (src/build/content-watcher.ts) and by it alone.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { cp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import path from "node:path";
import { repoRoot, temporaryDirectory } from "../support/run.js";

/** A port nothing listens on now. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

test("npm start: a saved release is rebuilt once, written and served", async () => {
  const work = await temporaryDirectory("akhbar-dev-server-");
  const input = path.join(work, "content");
  const output = path.join(work, "site");
  await cp(path.join(repoRoot, "content"), input, { recursive: true });
  const port = await freePort();
  const server = spawn(process.execPath, ["--import", "tsx", "scripts/serve.ts", "--input", input, "--output", output, "--port", String(port)], {
    cwd: repoRoot,
    env: { ...process.env, AKHBAR_CACHE_DIR: path.join(work, "cache") },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  const exited = new Promise<never>((_, reject) => server.on("exit", (code) => reject(new Error(`the dev server stopped (exit ${code}):\n${log}`))));
  const waitFor = (pattern: RegExp, from: number, seconds = 120) =>
    Promise.race([
      exited,
      new Promise<void>((resolve, reject) => {
        const until = Date.now() + seconds * 1000;
        const check = () => {
          if (pattern.test(log.slice(from))) resolve();
          else if (Date.now() > until) reject(new Error(`no ${pattern} within ${seconds} s:\n${log.slice(from)}`));
          else setTimeout(check, 50);
        };
        check();
      }),
    ]);
  server.stdout.on("data", (chunk: Buffer) => (log += chunk.toString()));
  server.stderr.on("data", (chunk: Buffer) => (log += chunk.toString()));
  try {
    await waitFor(/Watching…/, 0);
    // As an editor would, a moment after the first build: Eleventy's own watcher is ready by then, and would report the save too if it watched the content folder.
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const folder = path.join(input, "releases", (await readdir(path.join(input, "releases"))).sort()[0]!);
    const name = (await readdir(folder)).filter((file) => file.endsWith(".md")).sort()[0]!;
    const file = path.join(folder, name);
    const source = await readFile(file, "utf8");
    const id = /^id: *(\d+)/m.exec(source)?.[1];
    assert.ok(id, `${name} names its id`);
    const sentence = `جملهٔ تازه‌ای که ویراستار نوشت ${Date.now()}`;

    const from = log.length;
    await writeFile(file, `${source}\n${sentence}\n`);
    await waitFor(/File changed[\s\S]*Wrote/, from, 30);
    // Room for a second report of the same save, had Eleventy's own watcher seen it too.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const changes = log.slice(from).match(/File changed: [^\n]*/g) ?? [];
    assert.equal(changes.length, 1, `one rebuild for one save:\n${log.slice(from)}`);
    assert.ok(changes[0]!.endsWith(name), changes[0]);

    const page = path.join(output, "news", id, "index.html");
    assert.ok((await readFile(page, "utf8")).includes(sentence), "the rebuilt page has the new sentence");
    const served = await fetch(`http://localhost:${port}/news/${id}/`);
    assert.equal(served.status, 200);
    assert.ok((await served.text()).includes(sentence), "the server serves the rebuilt page");
  } finally {
    server.kill("SIGINT");
    await new Promise((resolve) => (server.exitCode === null && server.signalCode === null ? server.once("exit", resolve) : resolve(undefined)));
    await rm(work, { recursive: true, force: true });
  }
});
