/**
 * Unit tests for the search worker pool (src/search/pool.ts, src/search/worker.ts) and the
 * shards indexed through it (src/search/search-index.ts `buildSearchShards`), over a small generated archive
 * cut into many shards:
 * - the number of workers (AKHBAR_SEARCH_WORKERS);
 * - shards indexed in two worker threads are the bytes of the one-thread build, with the
 *   reports in the shards' order, and no more threads than asked for;
 * - shards all in the cache start no worker;
 * - a release file that changed during the build fails the whole index with the message of the
 *   one-thread build, and once the failure is thrown nothing writes into the site any more;
 * - a build that stops the index (its signal) gets a failure, and no shard is written after;
 * - the pool itself: a job's error is its error, and the pool never has more threads than its size.
 */
import assert from "node:assert/strict";
import { appendFile, readFile, rm } from "node:fs/promises";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { after, before, describe, test } from "node:test";
import { indexArchive } from "../../../src/browse/archive-index.js";
import { loadArchive } from "../../../src/content/load.js";
import { SettingError } from "../../../src/content/setting-error.js";
import { ShardCache } from "../../../src/search/shard-cache.js";
import { shardJobRelease } from "../../../src/search/shard-index.js";
import { searchWorkerCount, ShardWorkerPool } from "../../../src/search/pool.js";
import { searchShards, type SearchShard } from "../../../src/search/shards.js";
import { buildSearchShards, stopSearchIndexer } from "../../../src/search/search-index.js";
import { hashTree } from "../../support/html.js";
import { runNode, temporaryDirectory } from "../../support/run.js";

/** A cap that cuts the generated archive's years into several shards, of different sizes. */
const SMALL_CAP = 3;

let folder = "";
let corpus = "";

async function shardsOf(content: string): Promise<SearchShard[]> {
  const archive = await loadArchive(content, { includeDrafts: false });
  return searchShards(indexArchive(archive.releases), SMALL_CAP);
}

const reportOf = (shards: readonly SearchShard[], indexed: boolean) =>
  shards.map((shard) => ({ id: shard.id, year: shard.year, pages: shard.releases.length, indexed }));

before(async () => {
  folder = await temporaryDirectory("akhbar-pool-");
  corpus = path.join(folder, "corpus");
  const generated = await runNode(["scripts/generate-corpus.ts", "--count", "60", "--sample-words", "--output", corpus]);
  assert.equal(generated.code, 0, generated.log);
});

after(async () => {
  await stopSearchIndexer();
  await rm(folder, { recursive: true, force: true });
});

describe("searchWorkerCount", () => {
  test("one per core up to two by default; AKHBAR_SEARCH_WORKERS sets it, 0 included; anything else is a setting error", () => {
    const byDefault = searchWorkerCount({});
    assert.ok(byDefault >= 1 && byDefault <= 2, `default ${byDefault}`);
    assert.equal(searchWorkerCount({ AKHBAR_SEARCH_WORKERS: "" }), byDefault);
    assert.equal(searchWorkerCount({ AKHBAR_SEARCH_WORKERS: "0" }), 0);
    assert.equal(searchWorkerCount({ AKHBAR_SEARCH_WORKERS: " 3 " }), 3);
    for (const written of ["-1", "two", "1.5", "17"]) {
      assert.throws(() => searchWorkerCount({ AKHBAR_SEARCH_WORKERS: written }), (error: unknown) => {
        assert.ok(error instanceof SettingError);
        assert.match(error.text.en, new RegExp(`^AKHBAR_SEARCH_WORKERS=${written.replace(".", "\\.")}: give the number of threads`));
        assert.match(error.text.fa, new RegExp(`^AKHBAR_SEARCH_WORKERS=${written.replace(".", "\\.")} به کار نمی‌آید: شمار رشته‌هایی را بدهید`));
        return true;
      });
    }
  });
});

describe("shards indexed in worker threads", () => {
  test("the bytes of the one-thread build, the reports in the shards' order, at most two threads", async () => {
    const shards = await shardsOf(corpus);
    assert.ok(shards.length >= 15, `${shards.length} shards`);
    assert.ok(new Set(shards.map((shard) => shard.releases.length)).size > 1, "shards of different sizes finish in another order than they start");
    const one = await buildSearchShards(path.join(folder, "one-thread"), shards, { workers: 0 });
    const two = await buildSearchShards(path.join(folder, "two-workers"), shards, { workers: 2 });
    assert.deepEqual(one, { shards: reportOf(shards, true), workersStarted: 0, keys: new Map() });
    assert.deepEqual(two, { shards: reportOf(shards, true), workersStarted: 2, keys: new Map() });
    assert.deepEqual(await hashTree(path.join(folder, "two-workers")), await hashTree(path.join(folder, "one-thread")));
  });

  test("shards all in the cache start no worker; the workers' cache entries are the one-thread build's bytes", async () => {
    const shards = await shardsOf(corpus);
    const cache = new ShardCache(path.join(folder, "cache"), "test-version");
    const filled = await buildSearchShards(path.join(folder, "filled"), shards, { cache, workers: 2 });
    assert.deepEqual(filled.shards, reportOf(shards, true));
    const again = await buildSearchShards(path.join(folder, "from-cache"), shards, { cache: new ShardCache(path.join(folder, "cache"), "test-version"), workers: 2, prune: true });
    assert.deepEqual({ shards: again.shards, workersStarted: again.workersStarted }, { shards: reportOf(shards, false), workersStarted: 0 });
    // The keys the workers worked out are those the next build works out from the shards' vocabularies.
    assert.deepEqual(new Map([...again.keys].sort()), new Map([...filled.keys].sort()));
    assert.equal(again.keys.size, shards.length);
    const oneThread = await hashTree(path.join(folder, "one-thread"));
    assert.deepEqual(await hashTree(path.join(folder, "from-cache")), oneThread);
    assert.deepEqual(await hashTree(path.join(folder, "filled")), oneThread);
  });

  test("a release file changed during the build fails the whole index with its message; nothing writes after", async () => {
    const content = path.join(folder, "changing");
    const copied = await runNode(["scripts/generate-corpus.ts", "--count", "60", "--sample-words", "--output", content]);
    assert.equal(copied.code, 0, copied.log);
    const shards = await shardsOf(content);
    // A shard in the middle, so that shards before and after it are under way or still to come.
    const changed = shards[Math.floor(shards.length / 2)]!.releases[0]!;
    await appendFile(changed.inputPath, "\nجمله‌ای که پس از خواندن آرشیو افزوده شد.\n");
    const site = path.join(folder, "failed");
    await assert.rejects(buildSearchShards(site, shards, { workers: 2 }), {
      message: `${changed.inputPath} changed while the site was being built: build again`,
    });
    const written = await hashTree(site);
    await sleep(300);
    assert.deepEqual(await hashTree(site), written, "a worker went on writing after the index failed");
    // The one-thread build fails the same way.
    await assert.rejects(buildSearchShards(path.join(folder, "failed-one-thread"), shards, { workers: 0 }), {
      message: `${changed.inputPath} changed while the site was being built: build again`,
    });
  });

  test("a stopped index fails, and writes no shard once it has settled", async () => {
    const shards = await shardsOf(corpus);
    const controller = new AbortController();
    const site = path.join(folder, "stopped");
    const building = buildSearchShards(site, shards, { workers: 2, signal: controller.signal });
    controller.abort();
    await assert.rejects(building);
    const written = await hashTree(site).catch(() => new Map<string, string>());
    assert.ok(written.size < (await hashTree(path.join(folder, "one-thread"))).size, "the index was not stopped");
    await sleep(300);
    assert.deepEqual(await hashTree(site).catch(() => new Map<string, string>()), written);
  });
});

describe("ShardWorkerPool", () => {
  test("a job's error is its error; never more threads than the pool's size", async () => {
    const shards = await shardsOf(corpus);
    const pool = new ShardWorkerPool(2);
    try {
      const job = (shard: SearchShard) => ({ shard: shard.id, releases: shard.releases.map(shardJobRelease), target: path.join(folder, "pool", shard.id), lexicon: [] });
      await Promise.all(shards.slice(0, 5).map((shard) => pool.run(job(shard))));
      assert.equal(pool.started, 2);
      const entry = JSON.parse(await readFile(path.join(folder, "pool", shards[0]!.id, "pagefind-entry.json"), "utf8")) as { languages: Record<string, unknown> };
      assert.ok("fa" in entry.languages);

      const missing = path.join(folder, "missing.md");
      const broken = { ...job(shards[0]!), releases: [{ ...shardJobRelease(shards[0]!.releases[0]!), inputPath: missing }] };
      await assert.rejects(pool.run(broken), (error: unknown) => {
        assert.ok(error instanceof Error);
        assert.match(error.message, /ENOENT/);
        assert.ok(error.message.includes(missing), error.message);
        return true;
      });
      // The worker that failed a job takes the next one.
      await pool.run(job(shards[1]!));
      assert.equal(pool.started, 2);
    } finally {
      await pool.close();
    }
    await assert.rejects(pool.run({ shard: "x", releases: [], target: path.join(folder, "closed"), lexicon: [] }), /stopped/);
  });
});
