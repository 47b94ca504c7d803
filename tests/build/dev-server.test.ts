/**
 * `npm start` end to end (scripts/serve.ts): the dev server builds the sample archive, serves it,
 * and rebuilds a release saved in the content folder, seen by the content watcher
 * (src/build/content-watcher.ts) and by it alone.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { cp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { get } from "node:http";
import path from "node:path";
import { DEV_SERVER_LINES, startDevServer } from "../support/dev-server.js";
import { repoRoot, temporaryDirectory } from "../support/run.js";

test("npm start: a saved release is rebuilt once, written and served", async () => {
  const work = await temporaryDirectory("akhbar-dev-server-");
  const input = path.join(work, "content");
  const output = path.join(work, "site");
  await cp(path.join(repoRoot, "content"), input, { recursive: true });
  const server = await startDevServer(input, output, path.join(work, "cache"));
  const { port, waitFor } = server;
  try {
    await waitFor(DEV_SERVER_LINES.ready, 0);
    // As an editor would, a moment after the first build: Eleventy's own watcher is ready by then, and would report the save too if it watched the content folder.
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const folder = path.join(input, "releases", (await readdir(path.join(input, "releases"))).sort()[0]!);
    const name = (await readdir(folder)).filter((file) => file.endsWith(".md")).sort()[0]!;
    const file = path.join(folder, name);
    const source = await readFile(file, "utf8");
    const id = /^id: *(\d+)/m.exec(source)?.[1];
    assert.ok(id, `${name} names its id`);
    const sentence = `جملهٔ تازه‌ای که ویراستار نوشت ${Date.now()}`;

    const from = server.log().length;
    await writeFile(file, `${source}\n${sentence}\n`);
    await waitFor(new RegExp(`${DEV_SERVER_LINES.changed.source}[\\s\\S]*${DEV_SERVER_LINES.built.source}`, "m"), from, 30);
    // Room for a second report of the same save, had Eleventy's own watcher seen it too.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const changes = server.log().slice(from).match(DEV_SERVER_LINES.changed) ?? [];
    assert.equal(changes.length, 1, `one rebuild for one save:\n${server.log().slice(from)}`);
    assert.ok(changes[0]!.endsWith(name), changes[0]);
    // The build's own lines, in Persian: none of Eleventy's.
    assert.match(server.log(), /^\[akhbar\] فایل تغییر کرد: .*$/m);
    assert.match(server.log(), /^\[akhbar\] پیش‌نمایش در [۰-۹]+٫[۰-۹] ثانیه دوباره ساخته شد: [۰-۹]+ خبر\.$/m);
    assert.doesNotMatch(server.log(), /\[11ty\]|Wrote \d+ files|Watching…/);

    const page = path.join(output, "news", id, "index.html");
    assert.ok((await readFile(page, "utf8")).includes(sentence), "the rebuilt page has the new sentence");
    const served = await fetch(`http://localhost:${port}/news/${id}/`);
    assert.equal(served.status, 200);
    assert.ok((await served.text()).includes(sentence), "the server serves the rebuilt page");
  } finally {
    await server.stop();
    await rm(work, { recursive: true, force: true });
  }
});

/**
 * A page as a browser's navigation asks for it: Node's fetch says it is not one (Sec-Fetch-Mode),
 * and the dev server adds its live-reload script to navigations only.
 */
function getPage(url: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    get(url, { headers: { accept: "text/html" } }, (response) => {
      let text = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => (text += chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, text }));
    }).on("error", reject);
  });
}

test("npm start: an archive with a problem at the start serves its error page for every page, and the save that fixes it builds the site", async () => {
  const work = await temporaryDirectory("akhbar-dev-server-");
  const input = path.join(work, "content");
  await cp(path.join(repoRoot, "content"), input, { recursive: true });
  const file = path.join(input, "releases", "1402", "149840.md");
  const good = await readFile(file, "utf8");
  await writeFile(file, good.replace("id: 149840", "id: abc"));
  const server = await startDevServer(input, path.join(work, "site"), path.join(work, "cache"));
  try {
    // The first build fails; the dev server goes on (src/eleventy/dev-server-errors.ts, scripts/serve.ts).
    await server.waitFor(DEV_SERVER_LINES.ready, 0);
    // The problem in the terminal too, as the build prints it: file, line, field, what to do.
    assert.match(server.log(), /^در آرشیو ۱ مشکل هست و چیزی منتشر نشد\./m);
    assert.match(server.log(), /149840\.md:3 {2}\[شناسه \(id\)\] شناسه را فقط با رقم بنویسید/);
    assert.match(server.log(), DEV_SERVER_LINES.failed);
    for (const address of ["/", "/news/149840/", "/archive/"]) {
      const { status, text } = await getPage(`${server.url}${address}`);
      assert.equal(status, 200, address);
      assert.ok(text.includes('<html lang="fa" dir="rtl">'), `${address} is the Persian error page:\n${text.slice(0, 300)}`);
      assert.ok(text.includes("149840.md") && text.includes("خط ۳"), `${address} names the file and line`);
      assert.ok(text.includes("/.11ty/reload-client.js"), `${address} has the dev server's live-reload script`);
    }

    const from = server.log().length;
    await writeFile(file, good);
    await server.waitFor(DEV_SERVER_LINES.built, from, 60);
    const { status, text } = await getPage(`${server.url}/news/149840/`);
    assert.equal(status, 200);
    assert.ok(!text.includes("149840.md") && text.includes("کهریزک"), "the release is served again");
  } finally {
    await server.stop();
    await rm(work, { recursive: true, force: true });
  }
});
