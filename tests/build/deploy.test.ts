/**
 * `npm run deploy` (scripts/deploy.ts, src/deploy/) on the sample archive, against real targets:
 * a local folder and a "server" over SSH with Debian's rsync, and a real S3-compatible server
 * (s3rver, started here on a loopback port). A first deploy gives the target the whole site but
 * its seal; after one release is edited and the site rebuilt, the next deploy uploads only what
 * changed and leaves the fingerprinted files the old pages name (pictures, search chunks) on the
 * target; a release taken out is removed with its folders; a dry run changes nothing; a deploy
 * that fails says where and leaves the record as it was; files whose version changed but whose
 * bytes did not (an upgrade of Akhbar) are not sent again.
 */
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { chmod, copyFile, cp, readFile, readdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { GetObjectCommand, HeadObjectCommand, ListObjectsV2Command, type S3Client } from "@aws-sdk/client-s3";
import { exists, hashTree, listFiles, loadPage } from "../support/html.js";
import { repoRoot, runBuild, runNode, temporaryDirectory } from "../support/run.js";
import { startS3Server, type S3Server } from "../support/s3-server.js";
import { deployRecordPath, readDeployRecord } from "../../src/deploy/record.js";
import type { DeployReport } from "../../src/deploy/deploy.js";
import { IMMUTABLE, REVALIDATE } from "../../src/build/host-headers.js";
import { contentVersion, manifestId, readSiteManifest, SEAL_FILE, type Manifest, type ManifestEntry } from "../../src/output/publish.js";
import { formatPersianNumber } from "../../src/persian/letters.js";
import { isShardId } from "../../src/search/shards.js";
import { DIRECTORY_PATH, DIRECTORY_ROOT } from "../../src/search/directory.js";

const EDITED = "releases/1402/140210.md";
const REMOVED = "releases/1399/121350.md";
const BUCKET = "site";

describe("deploying the sample archive", () => {
  let root: string;
  let content: string;
  let s3: S3Server;
  const site = () => path.join(root, "site");
  const folderTarget = () => path.join(root, "target");
  const S3_TARGET = `s3://${BUCKET}/archive`;
  const buildEnv = { SOURCE_DATE_EPOCH: "1735000000" };
  const deployEnv = () => ({ AKHBAR_SITE_MANIFEST: path.join(root, "akhbar-site-manifests"), AKHBAR_DEPLOY_RECORD: path.join(root, "records"), ...s3.env });

  const build = async () => {
    const run = await runBuild(content, site(), buildEnv);
    assert.equal(run.code, 0, run.log);
  };
  /** Runs `npm run deploy -- <args>` with a report; returns the exit code, the output and the report. */
  const deploy = async (args: string[], env: Record<string, string> = {}) => {
    const report = path.join(root, `report-${Math.random().toString(36).slice(2)}.json`);
    const run = await runNode(["scripts/deploy.ts", "--site", site(), "--report", report, ...args], { ...deployEnv(), ...env });
    const written = (await exists(report)) ? (JSON.parse(await readFile(report, "utf8")) as DeployReport) : undefined;
    return { ...run, report: written };
  };
  /** The site's files as a target should hold them: every file but the seal. */
  const siteFiles = async () => {
    const files = await hashTree(site());
    files.delete(SEAL_FILE);
    return files;
  };
  const relative = (files: readonly string[]) => files.map((file) => file.replace(/^\//, ""));
  /** A file of a search shard (`pagefind/<shard id>/…`): every file of a shard is kept for older pages, not only its chunks (src/deploy/plan.ts). */
  const inShard = (file: string) => file.startsWith("pagefind/") && isShardId(file.split("/")[1]!);
  /** Kept on the target a while after it left the site. Not the search directory's files beside the shards: they keep their names, so one gone is removed. */
  const fingerprinted = (file: string) => /^(img|assets)\//.test(file) || inShard(file);

  /** Every object key under the target's prefix, without it. */
  const objectKeys = async (client: S3Client) => {
    const keys: string[] = [];
    let token: string | undefined;
    do {
      const page = await client.send(new ListObjectsV2Command({ Bucket: BUCKET, Prefix: "archive/", ContinuationToken: token }));
      for (const object of page.Contents ?? []) keys.push(object.Key!.slice("archive/".length));
      token = page.NextContinuationToken;
    } while (token);
    return keys.sort();
  };

  /** Every folder under `dir` that holds nothing. */
  const emptyFolders = async (dir: string): Promise<string[]> => {
    const found: string[] = [];
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      if (!entry.isDirectory()) continue;
      const inside = path.join(dir, entry.name);
      if ((await readdir(inside)).length === 0) found.push(inside);
      else found.push(...(await emptyFolders(inside)));
    }
    return found;
  };

  let firstSite: Map<string, string>;
  let firstTarget: string;
  let secondSite: Map<string, string>;
  let firstManifest: Manifest;
  let secondManifest: Manifest;
  const manifest = async () => (await readSiteManifest(site(), path.join(root, "akhbar-site-manifests")))!;
  let secondReport: DeployReport;

  before(async () => {
    root = await temporaryDirectory("akhbar-deploy-");
    content = path.join(root, "content");
    await cp(path.join(repoRoot, "content"), content, { recursive: true });
    for (const picture of ["photo.jpg", "turned.jpg"]) await copyFile(path.join(repoRoot, "tests", "fixtures", "images", picture), path.join(content, "images", picture));
    // A photograph, converted into fingerprinted files under /img/: the edit below replaces it.
    const edited = path.join(content, ...EDITED.split("/"));
    await writeFile(edited, (await readFile(edited, "utf8")).replace("image: /images/tehran-council.svg", "image: /images/photo.jpg"));
    s3 = await startS3Server(path.join(root, "s3"), [BUCKET]);
    await build();
    firstSite = await siteFiles();
    firstManifest = await manifest();
  });
  after(async () => {
    await s3?.close();
    await rm(root, { recursive: true, force: true });
  });

  test("a site folder without a build's sealed manifest is refused with a message to build first, and nothing is written", async () => {
    const run = await runNode(["scripts/deploy.ts", "--site", content, "--to", path.join(root, "nowhere")], deployEnv());
    assert.equal(run.code, 1, run.log);
    assert.match(run.log, /نخست npm run build را با همین پوشهٔ خروجی اجرا کنید/);
    assert.equal(await exists(path.join(root, "nowhere")), false);
  });

  test("a first deploy to a local folder gives it every file of the site but the seal, byte for byte", async () => {
    const run = await deploy(["--to", folderTarget()]);
    assert.equal(run.code, 0, run.log);
    assert.match(run.log, /^انتشار در .+ انجام شد: /m);
    assert.deepEqual(await hashTree(folderTarget()), firstSite);
    assert.deepEqual(relative(run.report!.uploaded).sort(), [...firstSite.keys()].sort());
    assert.ok(run.report!.uploaded.some((file) => file.startsWith("/img/")), "the photograph's converted files are part of the site");
    const record = await readDeployRecord(folderTarget(), deployEnv());
    assert.ok(record, "the record is written after the deploy succeeded");
    firstTarget = path.join(root, "target-first");
    await cp(folderTarget(), firstTarget, { recursive: true });
  });

  test("a first deploy to S3-compatible storage stores every file but the seal, each with its Content-Type and Cache-Control", async () => {
    const run = await deploy(["--to", S3_TARGET]);
    assert.equal(run.code, 0, run.log);
    assert.deepEqual(await objectKeys(s3.client), [...firstSite.keys()].sort());
    const stylesheet = [...firstSite.keys()].find((file) => /^assets\/site\.rtl\.[0-9a-f]+\.css$/.test(file))!;
    const chunk = [...firstSite.keys()].find((file) => /^pagefind\/[^/]+\/fragment\//.test(file))!;
    const rows: Array<[string, string, string]> = [
      ["news/140210/index.html", "text/html; charset=utf-8", REVALIDATE],
      [stylesheet, "text/css; charset=utf-8", IMMUTABLE],
      [chunk, "application/octet-stream", IMMUTABLE],
      ["feed.xml", "application/xml; charset=utf-8", REVALIDATE],
      [`${DIRECTORY_PATH}${DIRECTORY_ROOT}`.slice(1), "application/json; charset=utf-8", REVALIDATE],
    ];
    for (const [file, type, caching] of rows) {
      const head = await s3.client.send(new HeadObjectCommand({ Bucket: BUCKET, Key: `archive/${file}` }));
      assert.deepEqual([head.ContentType, head.CacheControl], [type, caching], file);
    }
    // The object is the file's bytes, with no framing of the upload's encoding around them.
    const page = await s3.client.send(new GetObjectCommand({ Bucket: BUCKET, Key: "archive/news/140210/index.html" }));
    assert.deepEqual(Buffer.from(await page.Body!.transformToByteArray()), await readFile(path.join(site(), "news", "140210", "index.html")));
  });

  test("after one release is edited and the site rebuilt, a dry run lists the changes and changes neither the target nor its record", async () => {
    const edited = path.join(content, ...EDITED.split("/"));
    const text = (await readFile(edited, "utf8")).replace("image: /images/photo.jpg", "image: /images/turned.jpg").replace("۴۲ طرح عمرانی در شهرستان‌های استان", "۴۳ طرح عمرانی در شهرستان‌های استان");
    await writeFile(edited, text);
    await build();
    secondSite = await siteFiles();
    secondManifest = await manifest();
    const recordBefore = await readFile(deployRecordPath(folderTarget(), deployEnv()), "utf8");
    const run = await deploy(["--to", folderTarget(), "--dry-run"]);
    assert.equal(run.code, 0, run.log);
    assert.match(run.log, /^اجرای آزمایشی، چیزی تغییر نمی‌کند\. برای .+: [۰-۹٬]+ فایل بارگذاری/m);
    assert.match(run.log, /^ {2}\+ \/news\/140210\/index\.html {2}.+$/m);
    assert.match(run.log, /^ {2}~ \/img\//m);
    assert.deepEqual(await hashTree(folderTarget()), firstSite);
    assert.equal(await readFile(deployRecordPath(folderTarget(), deployEnv()), "utf8"), recordBefore);
    secondReport = run.report!;
  });

  test("the next deploy uploads only the changed files, and the fingerprinted files the old pages name stay on the target", async () => {
    const run = await deploy(["--to", folderTarget()]);
    assert.equal(run.code, 0, run.log);
    const report = run.report!;
    assert.deepEqual(report, secondReport, "the dry run said what the deploy did");
    const changed = [...secondSite.keys()].filter((file) => firstSite.get(file) !== secondSite.get(file));
    const gone = [...firstSite.keys()].filter((file) => !secondSite.has(file));
    const uploaded = relative(report.uploaded);
    for (const file of changed) assert.ok(uploaded.includes(file), `${file} changed and was not uploaded`);
    // The files uploaded are those whose version in the site's manifest changed and whose bytes
    // differ from what the first deploy sent (a page whose inputs changed may come out the same
    // bytes: it is reported unchanged, not sent), and files of the search shards that changed.
    const versions = (manifest: Manifest) => new Map(manifest.entries.map(([file, version]) => [file.slice(1), version]));
    const [before, now] = [versions(firstManifest), versions(secondManifest)];
    const newVersions = [...now].filter(([file, version]) => !file.endsWith("/") && before.get(file) !== version).map(([file]) => file);
    const changedShards = [...now].filter(([file, version]) => file.endsWith("/") && before.get(file) !== version).map(([file]) => file);
    assert.ok(changedShards.length > 0 && changedShards.length < [...now.keys()].filter((file) => file.endsWith("/")).length, changedShards.join(", "));
    const inChangedShard = (file: string) => changedShards.some((shard) => file.startsWith(shard));
    const sameBytes = (file: string) => firstSite.has(file) && firstSite.get(file) === secondSite.get(file);
    assert.deepEqual(uploaded.filter((file) => !inChangedShard(file)).sort(), newVersions.filter((file) => !sameBytes(file)).sort());
    assert.deepEqual(relative(report.unchanged).sort(), newVersions.filter(sameBytes).sort());
    // In a changed shard: what is new or changed, and its top-level files, sent again whatever their bytes.
    for (const file of uploaded.filter(inChangedShard)) assert.ok(changed.includes(file) || /^pagefind\/[^/]+\/[^/]+$/.test(file), `${file} was uploaded unchanged`);
    assert.ok(uploaded.length < secondSite.size / 3, `${uploaded.length} of ${secondSite.size} files uploaded`);
    assert.ok(changed.includes("news/140210/index.html"));
    // The old photograph's files and search chunks left the site: kept, not removed.
    assert.ok(gone.some((file) => file.startsWith("img/")) && gone.some((file) => file.startsWith("pagefind/")), gone.join(", "));
    assert.deepEqual(relative(report.retired).sort(), gone.filter(fingerprinted).sort());
    assert.deepEqual(relative(report.deleted).sort(), gone.filter((file) => !fingerprinted(file)).sort());

    const target = await hashTree(folderTarget());
    assert.deepEqual([...target.keys()].sort(), [...new Set([...secondSite.keys(), ...gone.filter(fingerprinted)])].sort());
    for (const [file, hash] of secondSite) assert.equal(target.get(file), hash, file);
    // A reader who opened the release before the deploy still gets every file that page names.
    const oldPage = await loadPage(firstTarget, "news/140210/index.html");
    const named = oldPage("link[href], script[src], img[src], source[srcset], img[srcset]")
      .toArray()
      .flatMap((element) => [oldPage(element).attr("href"), oldPage(element).attr("src"), ...(oldPage(element).attr("srcset") ?? "").split(",").map((part) => part.trim().split(/\s+/)[0])])
      .filter((url): url is string => Boolean(url) && /^\/(assets|img)\//.test(url!));
    assert.ok(named.some((url) => url.startsWith("/img/")) && named.some((url) => url.startsWith("/assets/")), named.join(", "));
    for (const url of named) assert.ok(target.has(decodeURIComponent(url.slice(1))), `${url}, named by the page before the deploy, is gone`);
    for (const file of (await listFiles(path.join(firstTarget, "pagefind"))).filter((file) => inShard(`pagefind/${file}`))) assert.ok(target.has(`pagefind/${file}`), `search file pagefind/${file} is gone`);
  });

  test("the same change deployed to S3-compatible storage uploads the same files, and keeps the old ones", async () => {
    const run = await deploy(["--to", S3_TARGET]);
    assert.equal(run.code, 0, run.log);
    assert.deepEqual(run.report, secondReport);
    const gone = [...firstSite.keys()].filter((file) => !secondSite.has(file));
    assert.deepEqual(await objectKeys(s3.client), [...new Set([...secondSite.keys(), ...gone.filter(fingerprinted)])].sort());
  });

  test("a release taken out is removed with its folders, and with --keep-days 0 the retired files go too: the target is the site", async () => {
    await rm(path.join(content, ...REMOVED.split("/")));
    await build();
    const run = await deploy(["--to", folderTarget(), "--keep-days", "0"]);
    assert.equal(run.code, 0, run.log);
    assert.ok(run.report!.deleted.includes("/news/121350/index.html"), run.report!.deleted.join(", "));
    assert.ok(run.report!.deleted.includes("/News/121350/index.html"), run.report!.deleted.join(", "));
    assert.deepEqual(await hashTree(folderTarget()), await siteFiles());
    assert.equal(await exists(path.join(folderTarget(), "news", "121350")), false, "the release's folder is left behind");
    assert.deepEqual(await emptyFolders(folderTarget()), []);
    const record = await readDeployRecord(folderTarget(), deployEnv());
    assert.deepEqual(record?.retired, []);
  });

  test("the removal deployed to S3-compatible storage deletes the release's page and leaves the site's files", async () => {
    const run = await deploy(["--to", S3_TARGET, "--keep-days", "0"]);
    assert.equal(run.code, 0, run.log);
    assert.deepEqual(await objectKeys(s3.client), [...(await siteFiles()).keys()].sort());
    await assert.rejects(s3.client.send(new HeadObjectCommand({ Bucket: BUCKET, Key: "archive/news/121350/index.html" })), (error: Error) => error.name === "NotFound");
  });

  test("over SSH, rsync runs $AKHBAR_DEPLOY_SSH with the target's user and port, and the remote folder gets the site", async () => {
    // A stand-in for ssh that records how it was called and runs the remote rsync here.
    const log = path.join(root, "ssh.log");
    const fake = path.join(root, "fake-ssh");
    await writeFile(fake, `#!/bin/sh\nprintf '%s\\n' "$*" >> '${log}'\nwhile [ $# -gt 0 ] && [ "$1" != rsync ]; do shift; done\nexec "$@"\n`);
    await chmod(fake, 0o755);
    const remote = path.join(root, "remote", "www");
    const run = await deploy(["--to", `ssh://deployer@127.0.0.1:2222${remote}`], { AKHBAR_DEPLOY_SSH: `${fake} -o BatchMode=yes` });
    assert.equal(run.code, 0, run.log);
    assert.deepEqual(await hashTree(remote), await siteFiles());
    const calls = (await readFile(log, "utf8")).trim().split("\n");
    assert.ok(calls.length > 0);
    for (const call of calls) assert.match(call, /^-o BatchMode=yes -p 2222 -l deployer 127\.0\.0\.1 rsync --server /);
  });

  test("--full sends every file again: a file removed from the target by hand is back", async () => {
    await rm(path.join(folderTarget(), "index.html"));
    const run = await deploy(["--to", folderTarget(), "--full"]);
    assert.equal(run.code, 0, run.log);
    const site = await siteFiles();
    assert.deepEqual(relative(run.report!.uploaded).sort(), [...site.keys()].sort());
    assert.deepEqual(await hashTree(folderTarget()), site);
  });

  test("after an upgrade of Akhbar changes every page's version but not its bytes, the next deploy sends nothing and reports the files as unchanged", async () => {
    // An upgrade changes the versions because they are build-cache keys that hash Akhbar's own code
    // (src/output/code-version.ts: src/, layouts/, the lockfile, Node's version); no setting changes
    // them from outside, and editing the checkout under test would change it for the other tests. So
    // the upgrade is simulated where the deploy reads it: the site's manifest is written again with
    // every file's version changed (its bytes, sizes and files untouched), under a new id, and the
    // seal names that id, as a build by another Akhbar would leave them. Search shards keep their
    // version: theirs hash only the indexing code, and their chunks are named by their content.
    const manifestDir = path.join(root, "akhbar-site-manifests");
    const built = await manifest();
    const entries = built.entries.map((entry): ManifestEntry => (entry[0].endsWith("/") ? entry : [entry[0], `${entry[1]}-upgraded`, entry[2]]));
    const upgraded: Manifest = { ...built, id: manifestId(entries.map(([file, version]) => [file, version])), entries };
    await writeFile(path.join(manifestDir, `${contentVersion(path.resolve(site())).slice(0, 16)}.json`), JSON.stringify(upgraded));
    await writeFile(path.join(site(), SEAL_FILE), `${upgraded.id}\n`);
    assert.equal((await manifest()).id, upgraded.id, "the deploy reads the rewritten manifest");
    const files = entries.filter(([file]) => !file.endsWith("/")).map(([file]) => file).sort();
    const before = await hashTree(folderTarget());

    const dry = await deploy(["--to", folderTarget(), "--dry-run"]);
    assert.equal(dry.code, 0, dry.log);
    assert.ok(dry.log.includes(`${formatPersianNumber(files.length)} فایل نسخهٔ تازه دارد ولی بایت‌هایش همان است که مقصد دارد و فرستاده نمی‌شود`), dry.log);

    const run = await deploy(["--to", folderTarget()]);
    assert.equal(run.code, 0, run.log);
    assert.deepEqual(run.report, dry.report, "the dry run said what the deploy did");
    assert.deepEqual([run.report!.uploaded, run.report!.deleted, run.report!.uploadedBytes], [[], [], 0]);
    assert.deepEqual([...run.report!.unchanged].sort(), files);
    assert.deepEqual(await hashTree(folderTarget()), before);
    // The record has the new versions with the hashes it had: the next deploy has nothing to compare.
    const record = (await readDeployRecord(folderTarget(), deployEnv()))!;
    assert.deepEqual(record.entries, entries);
    assert.deepEqual(Object.keys(record.hashes ?? {}).sort(), files);
    const again = await deploy(["--to", folderTarget(), "--dry-run"]);
    assert.deepEqual([again.report!.uploaded, again.report!.unchanged], [[], []]);
  });

  test("an upload that fails exits non-zero, names the target and the file, and writes no record", async () => {
    const run = await deploy(["--to", "s3://no-such-bucket", "--full"]);
    assert.equal(run.code, 1, run.log);
    assert.match(run.log, /^بارگذاری فایل \/\S+ در s3:\/\/no-such-bucket انجام نشد: NoSuchBucket/m);
    assert.match(run.log, /سابقهٔ انتشار این مقصد دست نخورد/);
    assert.equal(await readDeployRecord("s3://no-such-bucket", deployEnv()), undefined);

    const blocked = path.join(root, "a-file");
    await writeFile(blocked, "not a folder");
    const folder = await deploy(["--to", path.join(blocked, "www")], { AKHBAR_LANG: "en" });
    assert.equal(folder.code, 1, folder.log);
    assert.match(folder.log, new RegExp(`^Uploading to ${blocked}/www failed: rsync exited with \\d+`, "m"));
    assert.equal(await readDeployRecord(path.join(blocked, "www"), deployEnv()), undefined);
  });

  test("--to is required, and a target it cannot read is named", async () => {
    const missing = await runNode(["scripts/deploy.ts", "--site", site()], deployEnv());
    assert.equal(missing.code, 1);
    assert.match(missing.log, /مقصد را با --to بدهید/);
    const wrong = await runNode(["scripts/deploy.ts", "--site", site(), "--to", "ftp://example.org/www"], deployEnv());
    assert.equal(wrong.code, 1);
    assert.match(wrong.log, /مقصد «ftp:\/\/example\.org\/www» خوانده نشد/);
  });
});
