/**
 * The content folder is data, never code (issue 19): whatever editors commit under content/ must
 * never run on the build machine, publish a file from outside content/, or run a script in a
 * reader's browser. Whole builds (`npm run build`) and `npm run check` of content folders with
 * planted code, symbolic links, paths that climb out of content/images/, a drawing full of
 * scripts and files no release uses; the published drawing is opened in Chromium without any CSP.
 */
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { cp, mkdir, readFile, readdir, rm, symlink, writeFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import type { Browser } from "playwright-core";
import { launchChromium } from "../../src/bench/chromium.js";
import { serveStatic } from "../../src/bench/static-server.js";
import { skipWithoutChromium } from "../support/chromium.js";
import { repoRoot, runBuild, runNode, temporaryDirectory, type BuildRun } from "../support/run.js";
import { faNumber } from "../../src/messages/messages.js";
import { unusedFile } from "../../src/messages/editors.js";

/** The valid releases every case's archive holds (140210 shows content/images/tehran-council.svg). */
const VALID = ["releases/1402/140210.md", "releases/1402/149840.md"];

let work = "";
before(async () => {
  work = await temporaryDirectory("akhbar-content-safety-");
});
after(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

/** A content folder of the valid releases and the sample pictures they use, plus `files` (relative path → text). */
async function contentFolder(name: string, files: Record<string, string | Buffer> = {}): Promise<string> {
  const content = path.join(work, name, "content");
  for (const file of VALID) {
    await mkdir(path.dirname(path.join(content, file)), { recursive: true });
    await cp(path.join(repoRoot, "content", file), path.join(content, file));
  }
  // The pictures these releases and the settings use: any other would be a file nothing uses (a warning).
  for (const picture of ["images/logo.png", "images/tehran-council.svg"]) {
    await mkdir(path.dirname(path.join(content, picture)), { recursive: true });
    await cp(path.join(repoRoot, "content", picture), path.join(content, picture));
  }
  // The site's settings name the logo (content/images/logo.png): without them it would be a file nothing uses.
  await cp(path.join(repoRoot, "content", "site.yml"), path.join(content, "site.yml"));
  for (const [file, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(content, file)), { recursive: true });
    await writeFile(path.join(content, file), text);
  }
  return content;
}

/** How the build and check name a file of a content folder: relative to the repository (their working directory). */
const logPath = (content: string, relative: string) => path.relative(repoRoot, path.join(content, relative)).split(path.sep).join("/");

/** The problems a log lists (the build's and check's formats alike, check's severity in English or Persian): `file[:line] [field] message`. */
function problemsIn(log: string): string[] {
  const line = /^(?:\[11ty\])?\s+(\S+?)(?::(\d+))? {2}(?:error |warning |خطا |هشدار )?\[([^\]]+)\] (.*?)(?: \(via \w+\))?$/gm;
  return [...log.matchAll(line)].map(([, file, number, field, message]) => `${file}${number ? `:${number}` : ""} [${field}] ${message}`);
}

function runCheck(content: string): Promise<BuildRun> {
  return runNode(["scripts/check.ts", "--input", content]);
}

async function build(content: string): Promise<{ run: BuildRun; output: string }> {
  const output = path.join(path.dirname(content), "site");
  const run = await runBuild(content, output, { AKHBAR_IMAGE_CACHE: path.join(path.dirname(content), "images-cache") });
  return { run, output };
}

describe("the content folder is data, never code", { concurrency: 2 }, () => {
  test("code planted anywhere in the content folder never runs: the build and check fail, naming each file", async () => {
    const markers = path.join(work, "markers");
    await mkdir(markers, { recursive: true });
    const marker = (name: string) => path.join(markers, name);
    /** A module that leaves a marker file the moment it is loaded, and looks like what Eleventy reads. */
    const code = (name: string, body = "export default {};") => `import { writeFileSync } from "node:fs";\nwriteFileSync(${JSON.stringify(marker(name))}, "ran");\n${body}\n`;
    const planted: Record<string, string> = {
      "releases/zz/evil.11ty.js": code("template", 'export default { data: { permalink: "/evil/index.html" }, render() { return "<script>alert(1)</script>"; } };'),
      "releases/1402/1402.11tydata.js": code("directory-data"),
      "_data/evil.js": code("global-data"),
      "_data/site.cjs": code("global-data-cjs"),
      "releases/_includes/layout.njk": "{{ content | safe }}",
      "releases/page.njk": "---\npermalink: /njk/index.html\n---\n<script>alert(1)</script>",
      "images/page.html": "<script>alert(1)</script>",
      "eleventy.config.js": code("config"),
      ".htaccess": "AddHandler cgi-script .md",
    };
    const content = await contentFolder("planted", planted);
    const { run, output } = await build(content);
    assert.equal(run.code, 1, run.log);
    assert.match(run.log, new RegExp(`در آرشیو ${faNumber(Object.keys(planted).length)} مشکل هست و چیزی منتشر نشد\\.`), run.log);
    const named = problemsIn(run.log).map((problem) => problem.split(" ")[0]!);
    assert.deepEqual(named.sort(), Object.keys(planted).map((file) => logPath(content, file)).sort(), run.log);
    assert.match(run.log, /releases\/zz\/evil\.11ty\.js {2}\[فایل\] فایل \.js جزو آرشیو نیست \(هیچ چیز در پوشهٔ محتوا اجرا نمی‌شود؛ پوشهٔ محتوا خبرها \(فایل‌های \.md\) و در پوشهٔ images\/ تصویرها/);
    assert.match(run.log, /images\/page\.html {2}\[فایل\] فایل \.html را نمی‌توان منتشر کرد: پوشهٔ images\/ تصویر/);
    assert.equal(existsSync(output), false, "nothing was published");

    const check = await runCheck(content);
    assert.equal(check.code, 1, check.log);
    assert.deepEqual(
      problemsIn(check.log).filter((problem) => problem.includes("[فایل]")).map((problem) => problem.split(" ")[0]!).sort(),
      named.sort(),
      check.log,
    );

    // Eleventy itself, pointed at the content folder, stops before it reads a file of it.
    const direct = await runNode(["node_modules/@11ty/eleventy/cmd.cjs", "--config=.eleventy.ts", `--input=${content}`, `--output=${path.join(work, "planted", "direct")}`]);
    assert.notEqual(direct.code, 0, direct.log);
    assert.match(direct.log, /Eleventy's input must be src\/eleventy\/pages\//, direct.log);
    assert.equal(existsSync(path.join(work, "planted", "direct")), false);

    assert.deepEqual(await readdir(markers), [], "a planted file ran");
  });

  test("a symbolic link anywhere in the content folder is an error naming it, in the build and in check", async () => {
    const content = await contentFolder("links");
    const outside = path.join(work, "links", "outside");
    await mkdir(outside, { recursive: true });
    await cp(path.join(repoRoot, "tests", "fixtures", "images", "photo.jpg"), path.join(outside, "photo.jpg"));
    // To a file of the build machine, to a picture outside, to a release, and to a folder.
    await symlink(path.join(repoRoot, "package.json"), path.join(content, "images", "cfg.txt"));
    await symlink(path.join(outside, "photo.jpg"), path.join(content, "images", "photo.jpg"));
    await symlink(path.join("1402", "140210.md"), path.join(content, "releases", "linked.md"));
    await symlink(outside, path.join(content, "images", "shared"));
    const links = ["images/cfg.txt", "images/photo.jpg", "images/shared", "releases/linked.md"].map((file) => logPath(content, file));

    const { run, output } = await build(content);
    assert.equal(run.code, 1, run.log);
    const problems = problemsIn(run.log);
    assert.deepEqual(problems.map((problem) => problem.split(" ")[0]).sort(), links, run.log);
    for (const problem of problems) assert.match(problem, /\[فایل\] این یک پیوند نمادین \(symbolic link\) به .+ است: پوشهٔ محتوا فایل نگه می‌دارد، نه پیوند/);
    assert.equal(existsSync(output), false);

    const check = await runCheck(content);
    assert.equal(check.code, 1, check.log);
    assert.deepEqual(problemsIn(check.log), problems, "check names the same links, the same way");
  });

  test("a path that climbs out of content/images/ is an error, the same in the build and in check", async () => {
    const traversal = "/images/../../node_modules/app-builder-lib/templates/icons/electron-linux/appIcon.png";
    const release = (id: number, fields: string, body = "متن خبر.") => `---\nid: ${id}\ntitle: خبر ${id}\ndate: 1403/02/23 10:30\n${fields}---\n\n${body}\n`;
    const content = await contentFolder("traversal", {
      "releases/1403/900301.md": release(900301, `image: ${traversal}\nimage_alt: نشان\n`),
      "releases/1403/900302.md": release(900302, "", "[بیانیه](/images/../../secret.pdf) را بخوانید."),
    });
    // The files are there, beside the content folder: only the path keeps them out.
    const icon = path.join(content, "..", "node_modules", "app-builder-lib", "templates", "icons", "electron-linux", "appIcon.png");
    await mkdir(path.dirname(icon), { recursive: true });
    await writeFile(icon, Buffer.from("89504e470d0a1a0a0000000d4948445200000001000000010806000000", "hex"));
    await writeFile(path.join(content, "..", "secret.pdf"), "%PDF-1.7 secret");
    const inside = `باید فایلی درون ${path.join(content, "images")}/ را نام ببرد (بی ".."، "." یا نام پنهان در مسیرش): نشانی را از /images/ بنویسید، مثلاً /images/photo.jpg.`;
    const image = `${logPath(content, "releases/1403/900301.md")}:5 [تصویر (image)] تصویر ${traversal} ${inside}`;
    const link = `${logPath(content, "releases/1403/900302.md")}:7 [متن خبر] فایل /images/../../secret.pdf ${inside}`;

    const check = await runCheck(content);
    assert.equal(check.code, 1, check.log);
    assert.deepEqual(problemsIn(check.log), [image, link], check.log);

    const { run, output } = await build(content);
    assert.equal(run.code, 1, run.log);
    // The build stops at the first page that names one: whichever it is, it says what check says.
    const built = problemsIn(run.log);
    assert.equal(built.length, 1, run.log);
    assert.ok([image, link].includes(built[0]!), `the build and check disagree:\n${built[0]}`);
    assert.equal(existsSync(output), false);
  });

  test("only the files releases use are published, drawings without their scripts; check warns of the others", { skip: skipWithoutChromium, timeout: 240_000 }, async (t) => {
    // A server that counts what anything asks of it: a published drawing must load nothing.
    const asked: string[] = [];
    const beacon: Server = createServer((request, response) => {
      asked.push(request.url ?? "");
      response.setHeader("Content-Type", request.url?.endsWith(".css") ? "text/css" : "image/png");
      response.end();
    });
    await new Promise<void>((resolve) => beacon.listen(0, "127.0.0.1", resolve));
    t.after(() => {
      beacon.closeAllConnections();
      return new Promise((resolve) => beacon.close(resolve));
    });
    const elsewhere = `http://127.0.0.1:${(beacon.address() as AddressInfo).port}`;
    const payload = [
      `<svg xmlns="http://www.w3.org/2000/svg" xmlns:s="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="200" height="100" onload="window.__pwned = 'onload'">`,
      `<script>window.__pwned = "script"</script>`,
      `<s:script>window.__pwned = "s:script"</s:script>`,
      `<foreignObject width="100" height="50"><body xmlns="http://www.w3.org/1999/xhtml"><iframe src="javascript:parent.__pwned='iframe'"></iframe></body></foreignObject>`,
      `<image href="${elsewhere}/image.png" width="10" height="10"/><image xlink:href="${elsewhere}/xlink.png" width="10" height="10"/>`,
      `<style>@import url(${elsewhere}/import.css);</style>`,
      `<a href="javascript:window.__pwned='link'"><rect width="50" height="50" fill="#239f40"/></a>`,
      `</svg>`,
    ].join("\n");
    const content = await contentFolder("published", {
      "images/payload.svg": payload,
      "images/statement.pdf": "%PDF-1.7\n",
      "images/unused.pdf": "%PDF-1.7\n",
      "releases/1403/900401.md": `---\nid: 900401\ntitle: خبر با نقشه\ndate: 1403/02/23 10:30\n---\n\n![نقشه](/images/payload.svg)\n\n[بیانیه](/images/statement.pdf)\n`,
    });
    await cp(path.join(repoRoot, "tests", "fixtures", "images", "photo.jpg"), path.join(content, "images", "unused.jpg"));

    const { run, output } = await build(content);
    assert.equal(run.code, 0, run.log);
    assert.match(run.log, /^\[akhbar\] این طرح‌ها بی آنچه نباید داشته باشند منتشر شدند \(npm run check آن را نام می‌برد\): \/images\/payload\.svg \(/m);
    assert.deepEqual((await readdir(path.join(output, "images"))).sort(), ["logo.png", "payload.svg", "statement.pdf", "tehran-council.svg"], "only what the releases and the site's settings (its logo) use");
    assert.deepEqual(await readFile(path.join(output, "images", "tehran-council.svg")), await readFile(path.join(repoRoot, "content", "images", "tehran-council.svg")));
    const published = await readFile(path.join(output, "images", "payload.svg"), "utf8");
    assert.doesNotMatch(published, /script|onload|foreignObject|iframe|javascript:|@import|127\.0\.0\.1/i, published);

    const check = await runCheck(content);
    assert.equal(check.code, 0, check.log);
    const warnings = problemsIn(check.log);
    assert.ok(warnings.includes(`${logPath(content, "images/unused.jpg")} [فایل] ${unusedFile("picture", "/images/unused.jpg").fa}`), check.log);
    assert.ok(warnings.includes(`${logPath(content, "images/unused.pdf")} [فایل] ${unusedFile("file", "/images/unused.pdf").fa}`), check.log);
    assert.match(unusedFile("picture", "/images/unused.jpg").fa, /^هیچ خبری از این تصویر استفاده نمی‌کند، پس منتشر نمی‌شود/);
    const cleaned = warnings.find((warning) => warning.startsWith(`${logPath(content, "images/payload.svg")} [فایل] سایت این نقاشی (SVG) را بدون `));
    for (const part of ["<script>", "<s:script>", "onload", "<foreignObject>", "<style>", "href", "xlink:href"]) assert.ok(cleaned?.includes(part), `${part} is not named:\n${check.log}`);

    // In Chromium, without any CSP: the drawing as published runs nothing and loads nothing; the
    // drawing as committed does both (the check can see it).
    const committed = await serveStatic(path.join(content, "images"));
    const site = await serveStatic(output);
    let browser: Browser | undefined;
    try {
      browser = await launchChromium();
      /** Opens the drawing as a reader would open its address: what its scripts left, and what the browser reported. */
      const open = async (url: string) => {
        const context = await browser!.newContext();
        const page = await context.newPage();
        const reported: string[] = [];
        page.on("dialog", (dialog) => {
          reported.push(`a ${dialog.type()} dialog`);
          void dialog.dismiss();
        });
        page.on("pageerror", (error) => reported.push(`page error: ${error.message}`));
        await page.goto(url, { waitUntil: "load" });
        await page.waitForTimeout(500);
        const pwned = await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned);
        const root = await page.evaluate(() => document.documentElement.localName);
        await context.close();
        return { pwned, root, reported };
      };
      const before = await open(`${committed.url}/payload.svg`);
      assert.ok(before.pwned, "the committed drawing runs its script (the test can see one)");
      assert.ok(asked.length > 0, "the committed drawing loads from elsewhere");
      asked.length = 0;
      const shown = await open(`${site.url}/images/payload.svg`);
      assert.deepEqual(shown, { pwned: undefined, root: "svg", reported: [] }, "a script ran, or the browser reported one");
      assert.deepEqual(asked, [], "the published drawing loaded something from elsewhere");
    } finally {
      await browser?.close();
      await Promise.all([committed.close(), site.close()]);
    }
  });
});
