/**
 * Unit tables for src/deploy/plan.ts: what a deploy uploads, in which order, what it removes and
 * what it keeps a while, from the site's manifest and the target's record alone.
 */
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { planDeploy, type DeployPlan, type ListFolder } from "../../../src/deploy/plan.js";
import type { DeployRecord, FolderListing } from "../../../src/deploy/record.js";
import { IMMUTABLE, REVALIDATE } from "../../../src/build/host-headers.js";
import { FOLDER_SIZE, type ManifestEntry } from "../../../src/output/publish.js";
import { DIRECTORY_PATH, DIRECTORY_ROOT } from "../../../src/search/directory.js";

const NOW = new Date("2025-03-10T12:00:00Z");
const TODAY = "2025-03-10";
const SHARD = "/pagefind/1403-01/";

/** A manifest of `entries`: [file, version, size?]; a folder entry (ending "/") gets FOLDER_SIZE. */
const manifestOf = (...entries: Array<[string, string, number?]>) => ({
  id: `m-${entries.map(([file, version]) => `${file}@${version}`).join(",")}`,
  entries: entries.map(([file, version, size]): ManifestEntry => [file, version, file.endsWith("/") ? FOLDER_SIZE : (size ?? 100)]),
});

type RecordParts = Pick<DeployRecord, "entries" | "folders" | "retired">;
/** A record that deployed `manifest`, with the folder listings and retired files given. */
const recordOf = (manifest: { entries: ManifestEntry[] }, folders: Record<string, FolderListing> = {}, retired: Array<[string, string]> = []): RecordParts => ({
  entries: manifest.entries,
  folders,
  retired,
});

/** Lists folders from a table, counting the calls. */
function lister(table: Record<string, FolderListing>): ListFolder & { calls: string[] } {
  const calls: string[] = [];
  const list = (folder: string) => {
    calls.push(folder);
    const listing = table[folder];
    assert.ok(listing, `listed a folder the table lacks: ${folder}`);
    return listing;
  };
  return Object.assign(list, { calls });
}

const files = (plan: DeployPlan) => plan.uploads.map(({ file, fresh }) => `${fresh ? "new" : "changed"} ${file}`);

const SITE = manifestOf(
  ["/index.html", "i1"],
  ["/news/1/index.html", "n1"],
  ["/news/2/index.html", "n2"],
  ["/News/2/index.html", "r2"],
  ["/assets/site.aaa.css", "css-a"],
  ["/feed.xml", "f1"],
  [SHARD, "s1"],
);
const SHARD_FILES: FolderListing = [
  ["fragment/fa_1.pf_fragment", 10],
  ["fragment/fa_2.pf_fragment", 20],
  ["index/fa_i.pf_index", 30],
  ["pagefind-entry.json", 40],
  ["pagefind.fa_old.pf_meta", 50],
  ["pagefind.js", 60],
];

describe("planDeploy", () => {
  test("a target given nothing yet: every file is new, files before release pages before the search index before the documents; nothing removed", () => {
    const list = lister({ [SHARD]: SHARD_FILES });
    const plan = planDeploy(SITE, undefined, list, NOW);
    assert.deepEqual(files(plan), [
      "new /assets/site.aaa.css",
      "new /news/1/index.html",
      "new /news/2/index.html",
      ...SHARD_FILES.map(([name]) => `new ${SHARD}${name}`),
      "new /News/2/index.html",
      "new /feed.xml",
      "new /index.html",
    ]);
    assert.deepEqual(plan.deletions, []);
    assert.deepEqual(plan.retired, []);
    assert.deepEqual(plan.next, { manifestId: SITE.id, entries: SITE.entries, folders: { [SHARD]: SHARD_FILES }, retired: [], hashes: {} });
    assert.deepEqual(plan.unchanged, []);
    const css = plan.uploads.find((upload) => upload.file === "/assets/site.aaa.css")!;
    assert.deepEqual([css.contentType, css.cacheControl, css.size], ["text/css; charset=utf-8", IMMUTABLE, 100]);
    const page = plan.uploads.find((upload) => upload.file === "/news/1/index.html")!;
    assert.deepEqual([page.contentType, page.cacheControl], ["text/html; charset=utf-8", REVALIDATE]);
    const chunk = plan.uploads.find((upload) => upload.file === `${SHARD}fragment/fa_1.pf_fragment`)!;
    assert.deepEqual([chunk.contentType, chunk.cacheControl, chunk.size], ["application/octet-stream", IMMUTABLE, 10]);
  });

  test("the target has the site as it is: nothing to upload, nothing to remove, and no shard is listed", () => {
    const list = lister({});
    const plan = planDeploy(SITE, recordOf(SITE, { [SHARD]: SHARD_FILES }), list, NOW);
    assert.deepEqual([plan.uploads, plan.deletions, plan.retired, list.calls], [[], [], [], []]);
    assert.deepEqual(plan.next.folders, { [SHARD]: SHARD_FILES });
  });

  test("new and changed files: all the new ones first, whatever their rank, then the changed ones by rank", () => {
    const next = manifestOf(
      ["/index.html", "i2"],
      ["/news/1/index.html", "n1-edited"],
      ["/news/2/index.html", "n2"],
      ["/news/3/index.html", "n3"],
      ["/News/2/index.html", "r2"],
      ["/News/3/index.html", "r3"],
      ["/assets/site.aaa.css", "css-a"],
      ["/feed.xml", "f2"],
      ["/tags/new/index.html", "t1"],
      [SHARD, "s1"],
    );
    const plan = planDeploy(next, recordOf(SITE, { [SHARD]: SHARD_FILES }), lister({}), NOW);
    assert.deepEqual(files(plan), [
      "new /news/3/index.html",
      "new /News/3/index.html",
      "new /tags/new/index.html",
      "changed /news/1/index.html",
      "changed /feed.xml",
      "changed /index.html",
    ]);
    assert.deepEqual(plan.deletions, []);
  });

  test("a release taken out: its page and redirect page are removed, with the folders they leave empty", () => {
    const next = manifestOf(["/index.html", "i2"], ["/news/1/index.html", "n1"], ["/assets/site.aaa.css", "css-a"], ["/feed.xml", "f2"], [SHARD, "s1"]);
    const plan = planDeploy(next, recordOf(SITE, { [SHARD]: SHARD_FILES }), lister({}), NOW);
    assert.deepEqual(files(plan), ["changed /feed.xml", "changed /index.html"]);
    assert.deepEqual(plan.deletions, ["/News/2/index.html", "/news/2/index.html"]);
    // /News/ holds nothing else: the whole folder goes; /news/ keeps /news/1/.
    assert.deepEqual(plan.emptiedFolders, ["/News/", "/news/2/"]);
    assert.deepEqual(plan.retired, []);
  });

  describe("a stylesheet replaced: the old one stays for readers of older pages, then goes after keepDays", () => {
    const next = manifestOf(
      ["/index.html", "i2"],
      ["/news/1/index.html", "n1b"],
      ["/news/2/index.html", "n2b"],
      ["/News/2/index.html", "r2"],
      ["/assets/site.bbb.css", "css-b"],
      ["/feed.xml", "f1"],
      [SHARD, "s1"],
    );
    const shard = { [SHARD]: SHARD_FILES };

    test("the deploy that replaces it retires it with today's date and removes nothing", () => {
      const plan = planDeploy(next, recordOf(SITE, shard), lister({}), NOW);
      assert.deepEqual(files(plan), ["new /assets/site.bbb.css", "changed /news/1/index.html", "changed /news/2/index.html", "changed /index.html"]);
      assert.deepEqual(plan.deletions, []);
      assert.deepEqual(plan.retired, ["/assets/site.aaa.css"]);
      assert.deepEqual(plan.next.retired, [["/assets/site.aaa.css", TODAY]]);
    });

    const rows: Array<[since: string, keepDays: number, removed: boolean]> = [
      ["2025-03-09", 7, false],
      ["2025-03-04", 7, false],
      ["2025-03-03", 7, true],
      ["2024-12-01", 7, true],
      ["2025-03-09", 1, true],
      ["2025-03-10", 0, true],
      ["not a date", 7, true],
    ];
    for (const [since, keepDays, removed] of rows) {
      test(`retired on ${since}, kept ${keepDays} days: ${removed ? "removed" : "still kept"} on ${TODAY}`, () => {
        const plan = planDeploy(next, recordOf(next, shard, [["/assets/site.aaa.css", since]]), lister({}), NOW, keepDays);
        assert.deepEqual(plan.uploads, []);
        assert.deepEqual(plan.deletions, removed ? ["/assets/site.aaa.css"] : []);
        assert.deepEqual(plan.next.retired, removed ? [] : [["/assets/site.aaa.css", since]]);
        assert.deepEqual(plan.emptiedFolders, []);
      });
    }

    test("with --keep-days 0 it is removed by the deploy that replaces it", () => {
      const plan = planDeploy(next, recordOf(SITE, shard), lister({}), NOW, 0);
      assert.deepEqual(plan.retired, ["/assets/site.aaa.css"]);
      assert.deepEqual(plan.deletions, ["/assets/site.aaa.css"]);
      assert.deepEqual(plan.next.retired, []);
    });
  });

  test("a search shard changed: only it is listed; its new files are uploaded, its top-level files again, its chunks the target has are not; what left it is retired", () => {
    const other = "/pagefind/1399/";
    const before = manifestOf(["/index.html", "i1"], [SHARD, "s1"], [other, "o1"]);
    const next = manifestOf(["/index.html", "i1"], [SHARD, "s2"], [other, "o1"]);
    const local: FolderListing = [
      ["filter/fa_f.pf_filter", 5],
      ["fragment/fa_1.pf_fragment", 10],
      ["fragment/fa_3.pf_fragment", 33],
      ["index/fa_i.pf_index", 31],
      ["pagefind-entry.json", 41],
      ["pagefind.fa_new.pf_meta", 52],
      ["pagefind.js", 60],
    ];
    const list = lister({ [SHARD]: local });
    const plan = planDeploy(next, recordOf(before, { [SHARD]: SHARD_FILES, [other]: [["pagefind.js", 1]] }), list, NOW);
    assert.deepEqual(list.calls, [SHARD]);
    assert.deepEqual(files(plan), [
      `new ${SHARD}filter/fa_f.pf_filter`,
      `new ${SHARD}fragment/fa_3.pf_fragment`,
      `new ${SHARD}pagefind.fa_new.pf_meta`,
      // Named by its content but of another size than the target's: sent again.
      `changed ${SHARD}index/fa_i.pf_index`,
      `changed ${SHARD}pagefind-entry.json`,
      `changed ${SHARD}pagefind.js`,
    ]);
    assert.deepEqual(plan.retired, [`${SHARD}fragment/fa_2.pf_fragment`, `${SHARD}pagefind.fa_old.pf_meta`]);
    assert.deepEqual(plan.deletions, []);
    assert.deepEqual(plan.next.folders, { [SHARD]: local, [other]: [["pagefind.js", 1]] });
  });

  test("the search directory's files are the manifest's own files: sent under their names when changed, revalidated, and removed at once when gone", () => {
    const directory = (name: string) => `${DIRECTORY_PATH}${name}`;
    const before = manifestOf(["/index.html", "i1"], [SHARD, "s1"], [directory(DIRECTORY_ROOT), "r1"], [directory("g0628.json"), "g1"], [directory("g0627.json"), "h1"]);
    // The shard's release added a word that split group 0628 into 062806xx: its file goes, two come.
    const next = manifestOf(["/index.html", "i1"], [SHARD, "s1"], [directory(DIRECTORY_ROOT), "r2"], [directory("g06280627.json"), "a1"], [directory("n0628.json"), "b1"], [directory("g0627.json"), "h1"]);
    const list = lister({});
    const plan = planDeploy(next, recordOf(before, { [SHARD]: SHARD_FILES }), list, NOW);
    assert.deepEqual(list.calls, [], "a directory file is no folder to list");
    assert.deepEqual(files(plan), [`new ${directory("g06280627.json")}`, `new ${directory("n0628.json")}`, `changed ${directory(DIRECTORY_ROOT)}`]);
    for (const upload of plan.uploads) assert.deepEqual([upload.contentType.split(";")[0], upload.cacheControl], ["application/json", REVALIDATE], upload.file);
    // Not fingerprinted (src/build/host-headers.ts cacheControlFor): a search after the deploy reads the new root, which names the new files.
    assert.deepEqual([plan.deletions, plan.retired, plan.emptiedFolders], [[directory("g0628.json")], [], []]);
  });

  test("a shard gone from the site: its files are retired, and once removed its folder goes with them", () => {
    const before = manifestOf(["/index.html", "i1"], [SHARD, "s1"]);
    const next = manifestOf(["/index.html", "i1"]);
    const first = planDeploy(next, recordOf(before, { [SHARD]: SHARD_FILES }), lister({}), NOW);
    assert.deepEqual(first.retired, SHARD_FILES.map(([name]) => `${SHARD}${name}`));
    assert.deepEqual([first.deletions, first.emptiedFolders], [[], []]);
    const later = planDeploy(next, { ...recordOf(next), retired: first.next.retired }, lister({}), new Date("2025-03-20T00:00:00Z"));
    assert.deepEqual(later.deletions, SHARD_FILES.map(([name]) => `${SHARD}${name}`));
    assert.deepEqual(later.emptiedFolders, ["/pagefind/"]);
  });

  test("a retired file back in the site is uploaded and is no longer retired; a chunk back in its shard likewise", () => {
    const next = manifestOf(["/index.html", "i1"], ["/assets/site.aaa.css", "css-a"], [SHARD, "s3"]);
    const before = manifestOf(["/index.html", "i1"], [SHARD, "s2"]);
    const local: FolderListing = [...SHARD_FILES, ["fragment/fa_9.pf_fragment", 90]];
    const retired: Array<[string, string]> = [
      ["/assets/site.aaa.css", "2025-03-09"],
      [`${SHARD}fragment/fa_9.pf_fragment`, "2025-03-09"],
      ["/assets/site.zzz.css", "2025-03-09"],
    ];
    const plan = planDeploy(next, recordOf(before, { [SHARD]: SHARD_FILES }, retired), lister({ [SHARD]: local }), NOW);
    assert.deepEqual(files(plan).filter((line) => line.startsWith("new")), ["new /assets/site.aaa.css", `new ${SHARD}fragment/fa_9.pf_fragment`]);
    assert.deepEqual(plan.next.retired, [["/assets/site.zzz.css", "2025-03-09"]]);
    assert.deepEqual(plan.deletions, []);
  });

  test("a folder that still holds a retired file is not removed with the files that go", () => {
    const next = manifestOf(["/index.html", "i1"]);
    const retired: Array<[string, string]> = [
      [`${SHARD}fragment/fa_1.pf_fragment`, "2025-01-01"],
      [`${SHARD}pagefind.js`, "2025-03-09"],
    ];
    const plan = planDeploy(next, recordOf(next, {}, retired), lister({}), NOW);
    assert.deepEqual(plan.deletions, [`${SHARD}fragment/fa_1.pf_fragment`]);
    assert.deepEqual(plan.emptiedFolders, [`${SHARD}fragment/`]);
    assert.deepEqual(plan.next.retired, [[`${SHARD}pagefind.js`, "2025-03-09"]]);
  });

  test("a chunk retired from a shard the site still has is removed alone: the shard's folders keep the files it lists", () => {
    const next = manifestOf(["/index.html", "i1"], [SHARD, "s1"]);
    const retired: Array<[string, string]> = [
      [`${SHARD}fragment/fa_old.pf_fragment`, "2025-01-01"],
      [`${SHARD}index/fa_old.pf_index`, "2025-01-01"],
      [`${SHARD}filter/fa_old.pf_filter`, "2025-01-01"],
    ];
    const plan = planDeploy(next, recordOf(next, { [SHARD]: SHARD_FILES }, retired), lister({}), NOW);
    assert.deepEqual(plan.deletions, retired.map(([file]) => file).sort());
    // filter/ has no file left in the shard's listing; fragment/ and index/ have.
    assert.deepEqual(plan.emptiedFolders, [`${SHARD}filter/`]);
  });

  describe("a file whose version changed: its bytes are hashed, and it is not uploaded when the target has them", () => {
    // As after an upgrade of Akhbar: every version names the code, so every version changes.
    const before = manifestOf(["/index.html", "i1"], ["/news/1/index.html", "n1"], ["/news/2/index.html", "n2"], ["/feed.xml", "f1"]);
    const next = manifestOf(["/index.html", "i1-up"], ["/news/1/index.html", "n1-up"], ["/news/2/index.html", "n2-up", 120], ["/feed.xml", "f1"]);
    const recorded = { "/index.html": "aaaa", "/news/1/index.html": "bbbb", "/news/2/index.html": "cccc", "/feed.xml": "dddd" };
    /** Hashes from a table, counting the calls. */
    const hasher = (table: Record<string, string>) => {
      const calls: string[] = [];
      return Object.assign((file: string) => (calls.push(file), table[file]), { calls });
    };

    test("the same hash: not uploaded, reported unchanged, and the new record keeps its hash at its new version; a file of another hash is uploaded", () => {
      const hashOf = hasher({ "/index.html": "aaaa", "/news/1/index.html": "b-edited" });
      const plan = planDeploy(next, { ...recordOf(before), hashes: recorded }, lister({}), NOW, 7, false, hashOf);
      assert.deepEqual(files(plan), ["changed /news/1/index.html", "changed /news/2/index.html"]);
      assert.deepEqual(plan.unchanged, ["/index.html"]);
      // /feed.xml kept its version: not hashed; /news/2/ is of another size: the target cannot have its bytes, not hashed either.
      assert.deepEqual(hashOf.calls.sort(), ["/index.html", "/news/1/index.html"]);
      assert.deepEqual(plan.next.entries, next.entries);
      // The uploaded files' hashes are the deploy's to add once sent.
      assert.deepEqual(plan.next.hashes, { "/index.html": "aaaa", "/feed.xml": "dddd" });
    });

    test("a record without hashes (written before they were kept): every changed file is uploaded and nothing is hashed", () => {
      const hashOf = hasher({ "/index.html": "aaaa", "/news/1/index.html": "bbbb" });
      const plan = planDeploy(next, recordOf(before), lister({}), NOW, 7, false, hashOf);
      assert.deepEqual(files(plan), ["changed /news/1/index.html", "changed /news/2/index.html", "changed /index.html"]);
      assert.deepEqual([plan.unchanged, hashOf.calls, plan.next.hashes], [[], [], {}]);
    });

    test("a file that cannot be read is uploaded (and the deploy then finds it missing)", () => {
      const plan = planDeploy(next, { ...recordOf(before), hashes: recorded }, lister({}), NOW, 7, false, hasher({}));
      assert.deepEqual(files(plan), ["changed /news/1/index.html", "changed /news/2/index.html", "changed /index.html"]);
    });

    test("resend: every file is uploaded, nothing is hashed, and no hash is carried into the new record", () => {
      const hashOf = hasher({ "/index.html": "aaaa", "/news/1/index.html": "bbbb" });
      const plan = planDeploy(next, { ...recordOf(before), hashes: recorded }, lister({}), NOW, 7, true, hashOf);
      assert.deepEqual(files(plan), ["changed /news/1/index.html", "changed /news/2/index.html", "changed /feed.xml", "changed /index.html"]);
      assert.deepEqual([plan.unchanged, hashOf.calls, plan.next.hashes], [[], [], {}]);
    });

    test("a file gone from the site leaves the record's hashes with it", () => {
      const plan = planDeploy(manifestOf(["/index.html", "i1"]), { ...recordOf(before), hashes: recorded }, lister({}), NOW, 7, false, hasher({}));
      assert.deepEqual(plan.next.hashes, { "/index.html": "aaaa" });
    });
  });

  test("resend: every file of the site is uploaded again, shards listed in full, and what left the site is still retired or removed", () => {
    const next = manifestOf(["/index.html", "i1"], ["/news/1/index.html", "n1"], ["/assets/site.bbb.css", "css-b"], [SHARD, "s1"]);
    const list = lister({ [SHARD]: SHARD_FILES });
    const plan = planDeploy(next, recordOf(SITE, { [SHARD]: SHARD_FILES }), list, NOW, 7, true);
    assert.deepEqual(list.calls, [SHARD]);
    assert.deepEqual(files(plan), [
      "new /assets/site.bbb.css",
      "changed /news/1/index.html",
      ...SHARD_FILES.map(([name]) => `changed ${SHARD}${name}`),
      "changed /index.html",
    ]);
    assert.deepEqual(plan.deletions, ["/News/2/index.html", "/feed.xml", "/news/2/index.html"]);
    assert.deepEqual(plan.retired, ["/assets/site.aaa.css"]);
  });
});
