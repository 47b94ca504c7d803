/**
 * The archive cache (src/content/archive-cache.ts): which files git vouches for, and a load from the
 * cache that gives the same releases as reading every file.
 */
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { mkdir, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { deserialize, serialize } from "node:v8";
import { gitBlobIds, loaderCodeVersion } from "../../../src/content/archive-cache.js";
import { blobId } from "../../../src/content/release-source.js";
import { loadArchive } from "../../../src/content/load.js";
import { ContentError, type Release } from "../../../src/content/release.js";
import { folderWith, temporaryDirectory } from "../../support/run.js";

const created: string[] = [];
after(() => Promise.all(created.map((dir) => rm(dir, { recursive: true, force: true }))));

const release = (id: number, title: string, date = "1403/02/23 10:30") => `---\nid: ${id}\ntitle: "${title}"\ndate: ${date}\ncounty: ری\ntags:\n  - "نشست"\n---\n\nمتن خبر ${title}.\n`;

/** A repository with a committed content folder. */
async function repository(files: Record<string, string>): Promise<string> {
  const dir = await folderWith(files, "akhbar-unit-archive-");
  created.push(dir);
  const git = (...args: string[]) => execFileSync("git", ["-C", dir, ...args], { stdio: "pipe" });
  git("init", "-q");
  git("config", "user.email", "test@example.invalid");
  git("config", "user.name", "test");
  git("config", "core.autocrlf", "false");
  git("add", "-A");
  git("commit", "-q", "-m", "archive");
  return dir;
}

test("blob ids are git's, for text and bytes alike", () => {
  const rows = ["", "سلام\n", "---\nid: 1\n---\n"];
  for (const text of rows) {
    const expected = execFileSync("git", ["hash-object", "--stdin"], { input: text, encoding: "utf8" }).trim();
    assert.equal(blobId(text), expected, JSON.stringify(text));
    assert.equal(blobId(Buffer.from(text)), expected);
  }
});

test("git vouches for committed, unmodified files only", async () => {
  const dir = await repository({ "releases/1.md": release(1, "یک"), "releases/2.md": release(2, "دو") });
  await writeFile(path.join(dir, "releases", "2.md"), release(2, "دو، ویرایش‌شده"));
  await writeFile(path.join(dir, "releases", "3.md"), release(3, "سه"));
  const known = await gitBlobIds(dir);
  assert.deepEqual([...known.keys()].map((file) => path.relative(dir, file)), [path.join("releases", "1.md")]);
  assert.equal(known.get(path.join(dir, "releases", "1.md")), blobId(release(1, "یک")));
});

test("git vouches for nothing where it rewrites files on checkout, or outside a repository", async () => {
  const crlf = await repository({ "releases/1.md": release(1, "یک") });
  execFileSync("git", ["-C", crlf, "config", "core.autocrlf", "true"]);
  assert.equal((await gitBlobIds(crlf)).size, 0);
  const attributes = await repository({ "releases/1.md": release(1, "یک"), ".gitattributes": "*.md text eol=crlf\n" });
  assert.equal((await gitBlobIds(attributes)).size, 0);
  const plain = await folderWith({ "releases/1.md": release(1, "یک") }, "akhbar-unit-archive-");
  created.push(plain);
  assert.equal((await gitBlobIds(plain)).size, 0);
  // A repository git finds but cannot read (here, a broken index): every file is read, the build goes on.
  const broken = await repository({ "releases/1.md": release(1, "یک") });
  await writeFile(path.join(broken, ".git", "index"), "not an index");
  assert.equal((await gitBlobIds(broken)).size, 0);
});

test("a load from the cache gives the releases reading every file gives, and reads only what changed", async () => {
  const dir = await repository({ "releases/1.md": release(1, "یک"), "releases/2.md": release(2, "دو", "2024-05-12T10:30:00+03:30"), "releases/3.md": release(3, "سه", "1380/01/01") });
  const cacheDir = await temporaryDirectory("akhbar-unit-archive-cache-");
  created.push(cacheDir);
  const now = (await import("luxon")).DateTime.fromISO("2025-01-01T00:00:00+03:30");
  // Fields left unset are absent from a cached release rather than `undefined`: compared as JSON, which does not tell them apart.
  const view = (releases: readonly Release[]) => JSON.parse(JSON.stringify(releases.map(({ date, ...rest }) => ({ ...rest, date: date.toISO(), zone: date.zoneName })))) as unknown;
  const fresh = await loadArchive(dir, { includeDrafts: false, now });
  const logs: string[] = [];
  const log = console.log;
  console.log = (line: string) => logs.push(line);
  try {
    const first = await loadArchive(dir, { includeDrafts: false, now, cacheDir });
    const second = await loadArchive(dir, { includeDrafts: false, now, cacheDir });
    await writeFile(path.join(dir, "releases", "3.md"), release(3, "سه، ویرایش‌شده", "1380/01/01"));
    const third = await loadArchive(dir, { includeDrafts: false, now, cacheDir });
    assert.deepEqual(view(first.releases), view(fresh.releases));
    assert.deepEqual(view(second.releases), view(fresh.releases));
    assert.equal(third.releases.find((item) => item.id === 3)?.title, "سه، ویرایش‌شده");
  } finally {
    console.log = log;
  }
  assert.deepEqual(
    logs.map((line) => line.replace(/ \(از .*\)$/, "")),
    ["[akhbar] آرشیو: ۳ فایل، ۳ خوانده شد، ۰ بی‌تغییر", "[akhbar] آرشیو: ۳ فایل، ۰ خوانده شد، ۳ بی‌تغییر", "[akhbar] آرشیو: ۳ فایل، ۱ خوانده شد، ۲ بی‌تغییر"],
  );
  // A release dated after "now" is embargoed whether it came from its file or from the cache.
  const later = (await import("luxon")).DateTime.fromISO("2010-01-01T00:00:00+03:30");
  console.log = () => undefined;
  try {
    const embargoed = await loadArchive(dir, { includeDrafts: true, now: later, cacheDir });
    assert.deepEqual(embargoed.releases.map((item) => item.embargoed), [true, true, undefined]);
  } finally {
    console.log = log;
  }
});

test("a changed file rewrites only the cache files of its old and new blob ids", async () => {
  const files: Record<string, string> = {};
  for (let id = 1; id <= 40; id++) files[`releases/${id}.md`] = release(id, `خبر ${id}`);
  const dir = await repository(files);
  const cacheDir = await temporaryDirectory("akhbar-unit-archive-cache-");
  created.push(cacheDir);
  const options = { includeDrafts: false, cacheDir };
  const snapshot = async () => {
    const found = new Map<string, string>();
    for (const entry of await readdir(cacheDir, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile()) continue;
      const file = path.join(entry.parentPath, entry.name);
      // The inode too: a file written again under the same bytes is still a file rewritten.
      found.set(path.relative(cacheDir, file), `${(await stat(file)).ino}\n${await readFile(file, "utf8")}`);
    }
    return found;
  };
  const log = console.log;
  console.log = () => undefined;
  try {
    await loadArchive(dir, options);
    const before = await snapshot();
    const edited = release(7, "خبر ۷، ویرایش‌شده");
    await writeFile(path.join(dir, "releases", "7.md"), edited);
    await loadArchive(dir, options);
    const after = await snapshot();
    const changed = [...new Set([...before.keys(), ...after.keys()])].filter((file) => before.get(file) !== after.get(file));
    const expected = new Set([blobId(files["releases/7.md"]!), blobId(edited)].map((id) => `${id.slice(0, 2)}.v8`));
    assert.ok(before.size > 10, `${before.size} cache files for 40 releases`);
    assert.deepEqual(new Set(changed.map((file) => path.basename(file))), expected);
    // An unchanged archive writes nothing.
    await loadArchive(dir, options);
    assert.deepEqual(await snapshot(), after);
  } finally {
    console.log = log;
  }
});

test("a cache of an earlier format (JSON buckets, or one JSON file) is not read, and is removed once the archive is saved", async () => {
  const dir = await repository({ "releases/1.md": release(1, "یک"), "releases/2.md": release(2, "دو") });
  const cacheDir = await temporaryDirectory("akhbar-unit-archive-cache-");
  created.push(cacheDir);
  const cacheFolder = path.join(cacheDir, createHash("sha1").update(path.resolve(dir)).digest("hex").slice(0, 16));
  await mkdir(cacheFolder, { recursive: true });
  // Records a reader of the old format would trust: a wrong title under the real blob id.
  const wrong = (id: number, text: string) => [blobId(release(id, text)), { release: { id, title: "کهنه" }, idLine: 2 }];
  await writeFile(path.join(cacheFolder, `${blobId(release(1, "یک")).slice(0, 2)}.json`), JSON.stringify([wrong(1, "یک")]));
  await writeFile(`${cacheFolder}.json`, JSON.stringify([wrong(2, "دو")]));
  const log = console.log;
  console.log = () => undefined;
  try {
    const archive = await loadArchive(dir, { includeDrafts: false, cacheDir });
    assert.deepEqual(archive.releases.map((item) => item.title).sort(), ["یک", "دو"].sort());
    const left = await readdir(cacheFolder);
    assert.ok(left.every((name) => /^[0-9a-f]{2}\.v8$/.test(name)), left.join(", "));
    assert.equal(existsSync(`${cacheFolder}.json`), false);
  } finally {
    console.log = log;
  }
});

test("a file with a problem is never cached: a later build reports it again", async () => {
  const dir = await repository({ "releases/1.md": release(1, "یک"), "releases/2.md": release(2, "دو\u0000"), "releases/3.md": release(3, "سه").replace("id: 3", "id: 1e3") });
  const cacheDir = await temporaryDirectory("akhbar-unit-archive-cache-");
  created.push(cacheDir);
  const log = console.log;
  console.log = () => undefined;
  try {
    for (let build = 1; build <= 2; build++) {
      const error = await loadArchive(dir, { includeDrafts: false, cacheDir }).catch((caught: unknown) => caught);
      assert.ok(error instanceof ContentError, `build ${build}: ${String(error)}`);
      assert.deepEqual(error.problems.map(({ file, field }) => [path.basename(file), field]), [["2.md", "title"], ["2.md", "text"], ["3.md", "id"]], `build ${build}`);
    }
  } finally {
    console.log = log;
  }
});

test("records made by other loader code are not used, and are removed once the archive is saved", async () => {
  const dir = await repository({ "releases/1.md": release(1, "یک"), "releases/2.md": release(2, "دو") });
  const cacheDir = await temporaryDirectory("akhbar-unit-archive-cache-");
  created.push(cacheDir);
  const cacheFolder = path.join(cacheDir, createHash("sha1").update(path.resolve(dir)).digest("hex").slice(0, 16));
  await mkdir(cacheFolder, { recursive: true });
  // A record an older loader made of a file the current one refuses: it must not stand for the file.
  const refused = release(3, "سه").replace("id: 3", "id: 0x10");
  await writeFile(path.join(dir, "releases", "3.md"), refused);
  const record = { release: { id: 16, title: "سه", date: 0, tags: [], draft: false, lang: "fa", fileHash: blobId(refused), hasPictures: false, url: "/news/16/" }, idLine: 2 };
  const bucket = `${blobId(refused).slice(0, 2)}.v8`;
  await writeFile(path.join(cacheFolder, bucket), serialize({ version: "older loader", entries: [[blobId(refused), record]] }));
  execFileSync("git", ["-C", dir, "add", "-A"]);
  execFileSync("git", ["-C", dir, "commit", "-q", "-m", "a refused file"]);
  const log = console.log;
  console.log = () => undefined;
  try {
    const error = await loadArchive(dir, { includeDrafts: false, cacheDir }).catch((caught: unknown) => caught);
    assert.ok(error instanceof ContentError, String(error));
    assert.deepEqual(error.problems.map(({ file, field }) => [path.basename(file), field]), [["3.md", "id"]]);
    await rm(path.join(dir, "releases", "3.md"));
    await loadArchive(dir, { includeDrafts: false, cacheDir });
    const buckets = (await readdir(cacheFolder)).map((name) => deserialize(readFileSync(path.join(cacheFolder, name))) as { version: string });
    assert.ok(buckets.length > 0 && buckets.every((saved) => saved.version === loaderCodeVersion()), JSON.stringify(buckets.map((saved) => saved.version)));
  } finally {
    console.log = log;
  }
});

test("a release's type, update, correction and a date without a time come back from the cache as from its file", async () => {
  const file = `---\nid: 9\ntitle: "اطلاعیه"\ndate: 1402/05/12\ntype: اطلاعیه\nupdated: 1402/05/13 09:30\ncorrection: "ساعت نشست اصلاح شد."\n---\n\nمتن.\n`;
  const dir = await repository({ "releases/9.md": file });
  const cacheDir = await temporaryDirectory("akhbar-unit-archive-cache-");
  created.push(cacheDir);
  const now = (await import("luxon")).DateTime.fromISO("2025-01-01T00:00:00+03:30");
  const log = console.log;
  console.log = () => undefined;
  try {
    const releases = [];
    for (let round = 0; round < 2; round++) releases.push((await loadArchive(dir, { includeDrafts: false, now, cacheDir })).releases[0]!);
    for (const loaded of releases) {
      assert.equal(loaded.type, "notice");
      assert.equal(loaded.dateOnly, true);
      assert.equal(loaded.updatedDateOnly, false);
      assert.equal(loaded.correction, "ساعت نشست اصلاح شد.");
      assert.equal(loaded.updated?.toISO({ suppressMilliseconds: true }), "2023-08-04T09:30:00+03:30");
      assert.equal(loaded.updated?.zoneName, "Asia/Tehran");
    }
  } finally {
    console.log = log;
  }
});
