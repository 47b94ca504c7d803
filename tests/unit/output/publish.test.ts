/**
 * Unit tests for src/output/publish.ts: the published site is checked against its manifest
 * (sizes, folders) before it is trusted; a manifest without sizes is not trusted at all; changed
 * files move in publishing order. Whole builds over a published site: tests/build/publish.test.ts.
 */
import { after, test } from "node:test";
import assert from "node:assert/strict";
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describePublicationEvent } from "../../../src/eleventy/build-log.js";
import { OLD_MANIFEST, siteDamaged } from "../../../src/messages/build.js";
import { documentsLast, FOLDER_SIZE, manifestId, MANIFEST_FORMAT, orderMoves, Publication, SEAL_FILE, siteTotals, verifySite, type ManifestEntry } from "../../../src/output/publish.js";

const created: string[] = [];
after(async () => {
  await Promise.all(created.map((dir) => rm(dir, { recursive: true, force: true })));
});
const folder = async () => {
  const dir = await mkdtemp(path.join(tmpdir(), "akhbar-unit-publish-"));
  created.push(dir);
  return dir;
};
const write = async (root: string, file: string, content: string) => {
  await mkdir(path.dirname(path.join(root, file)), { recursive: true });
  await writeFile(path.join(root, file), content);
};

/** A build through `publication`: each file recorded, and written to staging unless the site has it. Folders end in `/`. */
async function build(publication: Publication, files: Record<string, string>): Promise<void> {
  await publication.prepare();
  for (const [file, content] of Object.entries(files)) {
    if (publication.ledger.record(file, content)) continue;
    if (file.endsWith("/")) await write(publication.staging, `${file}entry.json`, content);
    else await write(publication.staging, file, content);
  }
  await publication.commit();
}

/** The manifest file a publication keeps in `manifests` (one site per folder here). */
async function manifestOf(manifests: string): Promise<{ format?: number; id: string; entries: ManifestEntry[] }> {
  const name = (await readdir(manifests)).find((file) => file.endsWith(".json"));
  assert.ok(name, "no manifest was written");
  return JSON.parse(await readFile(path.join(manifests, name), "utf8"));
}

test("verifySite: an entry holds when its file has the recorded size, or its folder is a folder; anything else is damaged", async () => {
  const root = await folder();
  await write(root, "index.html", "12345");
  await write(root, "news/1/index.html", "abc");
  await write(root, "pagefind/1403/entry.json", "{}");
  await write(root, "pagefind/1404", "a file where a folder was");
  const entries: ManifestEntry[] = [
    ["/index.html", "v", 5],
    ["/news/1/index.html", "v", 4],
    ["/news/2/index.html", "v", 3],
    ["/pagefind/1403/", "k", FOLDER_SIZE],
    ["/pagefind/1404/", "k", FOLDER_SIZE],
    ["/pagefind/1405/", "k", FOLDER_SIZE],
    ["/news/1/", "v", 3],
  ];
  const { intact, damaged } = await verifySite(root, entries);
  assert.deepEqual(
    intact.map(([file]) => file),
    ["/index.html", "/pagefind/1403/"],
  );
  assert.deepEqual(damaged, ["/news/1/index.html", "/news/2/index.html", "/pagefind/1404/", "/pagefind/1405/", "/news/1/"]);
});

test("verifySite checks every entry of a manifest larger than one batch of stats", async () => {
  const root = await folder();
  const entries: ManifestEntry[] = [];
  for (let index = 0; index < 1000; index++) {
    await write(root, `p/${index}.html`, "x".repeat(index % 7));
    entries.push([`/p/${index}.html`, "v", index === 777 ? 99 : index % 7]);
  }
  const { intact, damaged } = await verifySite(root, entries);
  assert.equal(intact.length, 999);
  assert.deepEqual(damaged, ["/p/777.html"]);
});

test("orderMoves: the files the site lacks first, then those it replaces; each half by rank, then by path", () => {
  const isNew = (file: string) => file.includes("new");
  const moves = ["/new/index.html", "/old/index.html", "/old/site.css", "/new/site.css", "/feed.xml", "/new/b.svg", "/new/a.svg"];
  assert.deepEqual(orderMoves(moves, isNew, documentsLast), ["/new/a.svg", "/new/b.svg", "/new/site.css", "/new/index.html", "/old/site.css", "/feed.xml", "/old/index.html"]);
  assert.deepEqual(
    orderMoves(["/b", "/a", "/c"], () => false, (file) => (file === "/c" ? 0 : 1)),
    ["/c", "/a", "/b"],
  );
});

test("documentsLast: pages, feeds, sitemaps, robots.txt and the host's rule files after every other file", () => {
  for (const file of ["/index.html", "/feed.xml", "/feed.json", "/robots.txt", "/_redirects", "/_headers", "/en/news/1/index.html"]) assert.equal(documentsLast(file), 1, file);
  for (const file of ["/assets/site.1.css", "/assets/fonts/a.woff2", "/img/a-400.webp", "/favicon.svg", "/pagefind/1403/"]) assert.equal(documentsLast(file), 0, file);
});

test("the manifest records each file's size (a folder kept whole as a folder, with what it holds), and its id, the site's seal, is that of the files and versions alone", async () => {
  const root = await folder();
  const target = path.join(root, "site");
  const manifests = path.join(root, "manifests");
  await build(new Publication(target, `${target}.staging`, manifests), { "/index.html": "home", "/news/1/index.html": "release one", "/pagefind/1403/": "{}" });
  const manifest = await manifestOf(manifests);
  assert.equal(manifest.format, MANIFEST_FORMAT);
  assert.deepEqual(manifest.entries, [
    ["/index.html", "home", 4],
    ["/news/1/index.html", "release one", 11],
    ["/pagefind/1403/", "{}", FOLDER_SIZE, { files: 1, bytes: 2, largest: 2, folders: 0 }],
  ]);
  const id = manifestId(manifest.entries.map(([file, version]) => [file, version]));
  assert.equal(manifest.id, id);
  assert.equal(await readFile(path.join(target, SEAL_FILE), "utf8"), `${id}\n`);

  // Over the site: the kept file keeps its recorded size, the moved one has its new size.
  await build(new Publication(target, `${target}.staging`, manifests), { "/index.html": "home, longer", "/news/1/index.html": "release one", "/pagefind/1403/": "{}" });
  assert.deepEqual((await manifestOf(manifests)).entries.slice(0, 2), [
    ["/index.html", "home, longer", 12],
    ["/news/1/index.html", "release one", 11],
  ]);
});

test("a manifest written by an older Akhbar (no sizes) is not trusted: the site is built in full, with a message", async () => {
  const root = await folder();
  const target = path.join(root, "site");
  const manifests = path.join(root, "manifests");
  await build(new Publication(target, `${target}.staging`, manifests), { "/index.html": "home" });
  const name = (await readdir(manifests)).find((file) => file.endsWith(".json"))!;
  const { id, entries } = await manifestOf(manifests);
  await writeFile(path.join(manifests, name), JSON.stringify({ id, entries: entries.map(([file, version]) => [file, version]) }));

  const messages: string[] = [];
  const publication = new Publication(target, `${target}.staging`, manifests, { report: (event) => messages.push(describePublicationEvent(event)) });
  await publication.prepare();
  assert.equal(publication.incremental, false);
  // Said in the language shown: Persian by default (src/messages/build.ts; English: tests/unit/messages/catalogue.test.ts).
  assert.match(messages.join("\n"), /^\[akhbar\] فهرست سایت منتشرشده را نسخه‌ای قدیمی‌تر از Akhbar نوشته و اندازهٔ همهٔ فایل‌ها و پوشه‌ها را ندارد: کل سایت دوباره ساخته می‌شود\.$/);
  assert.equal(OLD_MANIFEST.en, "[akhbar] the site's manifest was written by an older Akhbar and does not record the sizes of all its files and folders: the whole site is built again");
});

test("a manifest of the previous form (sizes, but not what its folders kept whole hold) is not trusted: the site is built in full once", async () => {
  const root = await folder();
  const target = path.join(root, "site");
  const manifests = path.join(root, "manifests");
  await build(new Publication(target, `${target}.staging`, manifests), { "/index.html": "home", "/pagefind/1403/": "{}" });
  const name = (await readdir(manifests)).find((file) => file.endsWith(".json"))!;
  const { id, entries } = await manifestOf(manifests);
  await writeFile(path.join(manifests, name), JSON.stringify({ format: 2, id, entries: entries.map(([file, version, size]) => [file, version, size]) }));
  const publication = new Publication(target, `${target}.staging`, manifests);
  await publication.prepare();
  assert.equal(publication.incremental, false);
});

test("siteTotals: files, folders and bytes of a site from its manifest alone, a folder kept whole by what it holds; the largest file, or the folder that holds it", () => {
  const entries: ManifestEntry[] = [
    ["/index.html", "v", 1_000],
    ["/news/1/index.html", "v", 5_000],
    ["/news/2/index.html", "v", 4_000],
    ["/pagefind/1403/", "k", FOLDER_SIZE, { files: 40, bytes: 90_000, largest: 7_000, folders: 3 }],
    // A size not known counts as a file of no bytes; a folder kept whole whose contents are not known, as a folder.
    ["/robots.txt", "v", -2],
    ["/pagefind/1404/", "k", FOLDER_SIZE],
  ];
  // Folders: /news/, /news/1/, /news/2/, /pagefind/, /pagefind/1403/ (and its 3), /pagefind/1404/.
  assert.deepEqual(siteTotals(entries), { files: 44, folders: 9, bytes: 100_000, largest: { file: "/pagefind/1403/", bytes: 7_000 } });
  assert.deepEqual(siteTotals(entries.slice(0, 3)), { files: 3, folders: 3, bytes: 10_000, largest: { file: "/news/1/index.html", bytes: 5_000 } });
  assert.deepEqual(siteTotals([]), { files: 0, folders: 0, bytes: 0 });
});

test("survey: the new site's totals before anything of it is published, kept folders' from the manifest, changed ones' listed; discard leaves the site as it was", async () => {
  const root = await folder();
  const target = path.join(root, "site");
  const staging = `${target}.staging`;
  const manifests = path.join(root, "manifests");
  await build(new Publication(target, staging, manifests), { "/index.html": "home", "/pagefind/1403/": "{}", "/pagefind/1404/": "[1,2]" });

  const publication = new Publication(target, staging, manifests);
  await publication.prepare();
  for (const [file, content] of Object.entries({ "/index.html": "home, longer", "/news/9/index.html": "nine", "/pagefind/1403/": "{}", "/pagefind/1404/": "[1,2,3]" })) {
    if (publication.ledger.record(file, content)) continue;
    await write(staging, file.endsWith("/") ? `${file}entry.json` : file, content);
  }
  const before = await readFile(path.join(target, "index.html"), "utf8");
  // 1403 kept (2 bytes, from the manifest), 1404 changed (7 bytes, listed in staging).
  assert.deepEqual(await publication.survey(), { files: 4, folders: 5, bytes: 12 + 4 + 2 + 7, largest: { file: "/index.html", bytes: 12 } });
  assert.equal(await readFile(path.join(target, "index.html"), "utf8"), before, "nothing moved");
  assert.equal(await readFile(path.join(target, SEAL_FILE), "utf8"), `${(await manifestOf(manifests)).id}\n`, "the seal stays: the site is not being changed");
  await publication.discard();
  await assert.rejects(readdir(staging), { code: "ENOENT" });
  const next = new Publication(target, staging, manifests);
  await next.prepare();
  assert.equal(next.incremental, true, "the site is trusted as it was");

  // A full build is surveyed before it is swapped in.
  const fresh = path.join(root, "fresh");
  const full = new Publication(fresh, `${fresh}.staging`, path.join(root, "fresh-manifests"));
  await full.prepare();
  full.ledger.record("/a.html", "a");
  await write(full.staging, "/a.html", "aaa");
  assert.deepEqual(await full.survey(), { files: 1, folders: 0, bytes: 3, largest: { file: "/a.html", bytes: 3 } });
  await assert.rejects(readdir(fresh), { code: "ENOENT" });
  await full.commit();
  assert.equal(await readFile(path.join(fresh, "a.html"), "utf8"), "aaa");
});

test("files of the site missing or changed since its manifest are written again, and removed if the new build has them no more", async () => {
  const root = await folder();
  const target = path.join(root, "site");
  const manifests = path.join(root, "manifests");
  const files = { "/index.html": "home", "/404.html": "not found", "/news/1/index.html": "one", "/news/2/index.html": "two", "/pagefind/1403/": "{}" };
  await build(new Publication(target, `${target}.staging`, manifests), files);
  await rm(path.join(target, "404.html"));
  await writeFile(path.join(target, "news", "1", "index.html"), "one, edited by hand");
  await writeFile(path.join(target, "news", "2", "index.html"), "two, edited by hand");
  await rm(path.join(target, "pagefind", "1403"), { recursive: true });

  const messages: string[] = [];
  const publication = new Publication(target, `${target}.staging`, manifests, { report: (event) => messages.push(describePublicationEvent(event)) });
  const { "/news/2/index.html": _gone, ...kept } = files;
  await build(publication, kept);
  assert.equal(publication.incremental, true);
  assert.equal(messages.join("\n"), "[akhbar] سایت منتشرشده با فهرستش نمی‌خواند: ۴ فایل نیست یا تغییر کرده است (/404.html، /news/1/index.html، /news/2/index.html، …) و دوباره نوشته می‌شود.");
  assert.equal(
    siteDamaged(4, ["/404.html", "/news/1/index.html", "/news/2/index.html"]).en,
    "[akhbar] the published site differs from its manifest: 4 missing or changed (/404.html, /news/1/index.html, /news/2/index.html, …), written again",
  );
  assert.equal(await readFile(path.join(target, "404.html"), "utf8"), "not found");
  assert.equal(await readFile(path.join(target, "news", "1", "index.html"), "utf8"), "one");
  assert.equal(await readFile(path.join(target, "pagefind", "1403", "entry.json"), "utf8"), "{}");
  await assert.rejects(readFile(path.join(target, "news", "2", "index.html")), { code: "ENOENT" });

  // Repaired, the site is trusted in full again.
  const next = new Publication(target, `${target}.staging`, manifests, { report: (event) => messages.push(describePublicationEvent(event)) });
  messages.length = 0;
  await next.prepare();
  assert.equal(next.incremental, true);
  assert.deepEqual(messages, []);
});
