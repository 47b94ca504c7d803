/**
 * The dev server's rebuild after an editor saved releases without moving them in the archive
 * (src/content/load.ts `editArchiveInPlace`): only the pages, feeds, redirects and search shards that
 * show the saved releases are made again. Its output must be the output a first build of the
 * saved archive makes, byte for byte: a page left out of the rebuild would show the old text.
 * Two saves in a row (a title and body; then two releases at once, a lead added to one), on a
 * generated archive dense enough that neighbours and related windows overlap.
 */
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { generateCorpus } from "../../src/bench/corpus.js";
import { jalaliParts } from "../../src/persian/dates.js";
import { hashTree } from "../support/html.js";
import { runNode, temporaryDirectory, type BuildRun } from "../support/run.js";

const SENTENCES = [
  "نشست شورای هماهنگی روابط عمومی‌های استان با حضور مدیران شهرستان‌ها برگزار شد.",
  "در این نشست گزارشی از برنامه‌های بخشداری‌ها و طرح‌های عمرانی ارائه شد.",
  "فرماندار با اشاره به اهمیت اطلاع‌رسانی به‌موقع بر هماهنگی دستگاه‌ها تأکید کرد.",
  "بودجهٔ طرح‌های آب و فاضلاب روستایی در سال جاری افزایش یافته است.",
];

let work = "";
let content = "";
let rebuilt: BuildRun;
let savedId = "";
let fresh: BuildRun;
// In English (AKHBAR_LANG=en): the tests read the build's progress lines, whatever language editors get.
const env = (cache: string) => ({ AKHBAR_NOW: "2026-06-01T12:00:00+03:30", SOURCE_DATE_EPOCH: "1780300800", AKHBAR_CACHE_DIR: path.join(work, cache), AKHBAR_LANG: "en" });

before(async () => {
  work = await temporaryDirectory("akhbar-preview-rebuild-");
  content = path.join(work, "content");
  const files = new Map<string, string>();
  for (const release of generateCorpus({ count: 160, seed: 7, words: [], sentences: SENTENCES, years: 1 })) {
    files.set(path.posix.join("releases", String(jalaliParts(release.date).year), `${release.id}.md`), release.text);
  }
  for (const [file, text] of files) {
    await mkdir(path.dirname(path.join(content, file)), { recursive: true });
    await writeFile(path.join(content, file), text);
  }
  // Releases in the middle of the archive, whose neighbours and related windows are full.
  const names = [...files.keys()].sort();
  const [first, second, third] = [names[80]!, names[81]!, names[40]!];
  savedId = first;
  const edit = (file: string, change: (text: string) => string) => change(files.get(file)!);
  const steps = [
    { [first]: edit(first, (text) => text.replace(/^title: .*$/m, 'title: "عنوان ویرایش‌شدهٔ خبر"').concat("\nبندی که ویراستار افزود.\n")) },
    {
      [second]: edit(second, (text) => text.replace(/^lead: .*\n/m, "").replace(/^title: .*$/m, '$&\nlead: "خلاصه‌ای که ویراستار نوشت"')),
      [third]: edit(third, (text) => text.replace(/^title: .*$/m, 'title: "عنوانی دیگر"')),
    },
  ];
  await writeFile(path.join(work, "steps.json"), JSON.stringify(steps));
  rebuilt = await runNode(["tests/support/preview-rebuilds.ts", content, path.join(work, "rebuilt"), path.join(work, "steps.json")], env("cache-rebuilt"));
  // The archive as saved, built by a first build with caches of its own.
  fresh = await runNode(["tests/support/preview-rebuilds.ts", content, path.join(work, "fresh")], env("cache-fresh"));
});

after(() => (process.env.KEEP ? undefined : rm(work, { recursive: true, force: true })));

test("both saves are rebuilt in place, making only the pages that show the saved releases", () => {
  assert.equal(rebuilt.code, 0, rebuilt.log);
  assert.equal(fresh.code, 0, fresh.log);
  assert.match(rebuilt.log, /\[step 1\][\s\S]*1 saved release edited in place[\s\S]*\[step 2\][\s\S]*2 saved releases edited in place/);
  const releasePass = [...rebuilt.log.matchAll(/release pages: (\d+) rendered, (\d+) unchanged/g)].map(([, rendered, unchanged]) => Number(rendered) + Number(unchanged));
  assert.equal(releasePass.length, 3, rebuilt.log);
  assert.equal(releasePass[0], 160);
  // The saved release, its neighbours and its related windows: some dozens, not the archive.
  for (const pages of releasePass.slice(1)) assert.ok(pages > 2 && pages < 160, `${pages} release pages made by a rebuild`);
});

test("the rebuilt output is the output of a first build of the saved archive, byte for byte", async () => {
  const [after, expected] = await Promise.all([hashTree(path.join(work, "rebuilt")), hashTree(path.join(work, "fresh"))]);
  // _headers is left out: the dev server plans it before its search index is written (the index
  // follows the reload), so a first build's names no shard yet; hosts read it, the dev server does not.
  const differing = [...new Set([...after.keys(), ...expected.keys()])].filter((file) => file !== "_headers" && after.get(file) !== expected.get(file));
  assert.deepEqual(differing, []);
  assert.ok(after.size > 500, `${after.size} files`);
  // And the saves are in it: the first save's title on its release's page.
  const id = savedId.replace(/^.*\/(\d+)\.md$/, "$1");
  assert.match(await readFile(path.join(work, "rebuilt", "news", id, "index.html"), "utf8"), /عنوان ویرایش‌شدهٔ خبر/);
});
