/**
 * Unit tables for the deploy's parts other than the plan: the targets --to names
 * (src/deploy/target.ts), the record's place (src/deploy/record.ts), rsync's arguments
 * (src/deploy/targets/rsync.ts), the S3 client's settings (src/deploy/targets/s3.ts), the
 * Content-Type of each kind of file (src/deploy/content-type.ts), the Cache-Control of each file
 * as `_headers` gives it (src/build/host-headers.ts `cacheControlFor`), and the upload phases.
 */
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseTarget, targetName, type DeployTarget } from "../../../src/deploy/target.js";
import { deployRecordPath, readDeployRecord, writeDeployRecord, type DeployRecord } from "../../../src/deploy/record.js";
import { rsyncArguments } from "../../../src/deploy/targets/rsync.js";
import { missingS3Credentials, objectKey, s3ClientConfig } from "../../../src/deploy/targets/s3.js";
import { contentTypeFor } from "../../../src/deploy/content-type.js";
import { uploadPhases } from "../../../src/deploy/deploy.js";
import type { DeployUpload } from "../../../src/deploy/plan.js";
import { cacheControlFor, IMMUTABLE, planHeaderRules, renderHeadersFile, REVALIDATE, type DirectoryEntry } from "../../../src/build/host-headers.js";
import { headersFor, parseHeadersFile } from "../../../src/bench/host-rules.js";
import { TARGET_REASONS } from "../../../src/messages/deploy.js";

describe("the targets --to names", () => {
  test("a local folder, an ssh address and an s3 address, each with its canonical name", () => {
    const rows: Array<[string, DeployTarget]> = [
      ["/srv/www/", { kind: "folder", name: "/srv/www", path: "/srv/www" }],
      ["out", { kind: "folder", name: path.resolve("out"), path: path.resolve("out") }],
      ["ssh://deploy@news.example.org/var/www/akhbar", { kind: "ssh", name: "ssh://deploy@news.example.org/var/www/akhbar", user: "deploy", host: "news.example.org", port: undefined, path: "/var/www/akhbar" }],
      ["ssh://deploy@127.0.0.1:2222/srv/site/", { kind: "ssh", name: "ssh://deploy@127.0.0.1:2222/srv/site", user: "deploy", host: "127.0.0.1", port: 2222, path: "/srv/site" }],
      ["ssh://host/srv/اخبار", { kind: "ssh", name: "ssh://host/srv/اخبار", user: undefined, host: "host", port: undefined, path: "/srv/اخبار" }],
      ["s3://site-bucket", { kind: "s3", name: "s3://site-bucket", bucket: "site-bucket", prefix: "" }],
      ["s3://site-bucket/", { kind: "s3", name: "s3://site-bucket", bucket: "site-bucket", prefix: "" }],
      ["s3://site-bucket/archive/fa/", { kind: "s3", name: "s3://site-bucket/archive/fa", bucket: "site-bucket", prefix: "archive/fa" }],
    ];
    for (const [spec, target] of rows) assert.deepEqual(parseTarget(spec), target, spec);
  });

  test("an address it cannot use names what is wrong", () => {
    const rows: Array<[string, unknown]> = [
      ["ssh://host", TARGET_REASONS.ssh],
      ["ssh:///srv/www", TARGET_REASONS.ssh],
      ["s3://", TARGET_REASONS.s3],
      ["s3://bucket//x", TARGET_REASONS.s3],
      ["ftp://host/srv", TARGET_REASONS.scheme],
      ["https://example.org/", TARGET_REASONS.scheme],
    ];
    for (const [spec, problem] of rows) assert.deepEqual(parseTarget(spec), { problem }, spec);
  });

  test("the same target written two ways has one record", () => {
    assert.equal(targetName("out/"), targetName(path.resolve("out")));
    assert.equal(deployRecordPath("s3://b/p/", {}), deployRecordPath("s3://b/p", {}));
    assert.notEqual(deployRecordPath("s3://b/p", {}), deployRecordPath("s3://b/q", {}));
    assert.match(deployRecordPath("s3://b/p", { AKHBAR_CACHE_DIR: "/cache" }), /^\/cache\/akhbar-deploy\/[0-9a-f]{16}\.json$/);
    assert.match(deployRecordPath("s3://b/p", { AKHBAR_DEPLOY_RECORD: "/records" }), /^\/records\/[0-9a-f]{16}\.json$/);
  });

  test("a record is read back for its own target only, and not in another form", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "akhbar-record-"));
    try {
      const env = { AKHBAR_DEPLOY_RECORD: dir };
      const record: DeployRecord = { format: 1, target: "s3://b", manifestId: "m", entries: [["/index.html", "v", 3]], folders: {}, retired: [["/assets/a.css", "2025-01-01"]] };
      assert.equal(await readDeployRecord("s3://b", env), undefined);
      await writeDeployRecord(record, env);
      assert.deepEqual(await readDeployRecord("s3://b/", env), record);
      assert.equal(await readDeployRecord("s3://c", env), undefined);
      await writeDeployRecord({ ...record, format: 2 as 1 }, env);
      assert.equal(await readDeployRecord("s3://b", env), undefined);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe("rsync's arguments", () => {
  const folder = parseTarget("/srv/www") as Extract<DeployTarget, { kind: "folder" }>;
  const ssh = parseTarget("ssh://deploy@example.org:2222/var/www") as Extract<DeployTarget, { kind: "ssh" }>;

  test("an upload: archive mode with the exact list from standard input, never --delete", () => {
    assert.deepEqual(rsyncArguments(folder, "/site", "upload", {}), ["-a", "--files-from=-", "--from0", "--mkpath", "--ignore-times", "/site/", "/srv/www/"]);
  });

  test("a removal: the listed files missing from the source are removed, folders listed with them", () => {
    assert.deepEqual(rsyncArguments(folder, "/scratch", "remove", {}), [
      "-a",
      "--files-from=-",
      "--from0",
      "--mkpath",
      "--delete-missing-args",
      "--no-implied-dirs",
      "--force",
      "/scratch/",
      "/srv/www/",
    ]);
  });

  test("over ssh: $AKHBAR_DEPLOY_SSH (default ssh) with the target's port, to user@host:path", () => {
    assert.deepEqual(rsyncArguments(ssh, "/site", "upload", {}).slice(-4), ["-e", "ssh -p 2222", "/site/", "deploy@example.org:/var/www/"]);
    const own = rsyncArguments(ssh, "/site", "upload", { AKHBAR_DEPLOY_SSH: "ssh -i /keys/deploy -o StrictHostKeyChecking=no" });
    assert.deepEqual(own.slice(-4), ["-e", "ssh -i /keys/deploy -o StrictHostKeyChecking=no -p 2222", "/site/", "deploy@example.org:/var/www/"]);
    const noPort = parseTarget("ssh://example.org/var/www") as Extract<DeployTarget, { kind: "ssh" }>;
    assert.deepEqual(rsyncArguments(noPort, "/site", "upload", {}).slice(-4), ["-e", "ssh", "/site/", "example.org:/var/www/"]);
  });
});

describe("the S3 client", () => {
  const target = parseTarget("s3://site/archive") as Extract<DeployTarget, { kind: "s3" }>;

  test("keys are the site's paths under the prefix", () => {
    assert.equal(objectKey(target, "/news/1/index.html"), "archive/news/1/index.html");
    assert.equal(objectKey(parseTarget("s3://site") as Extract<DeployTarget, { kind: "s3" }>, "/tags/نشست/index.html"), "tags/نشست/index.html");
  });

  test("settings from the environment only: credentials, region, endpoint, path style; checksums only where required", () => {
    assert.deepEqual(missingS3Credentials({}), ["AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"]);
    assert.deepEqual(missingS3Credentials({ AWS_ACCESS_KEY_ID: "k", AWS_SECRET_ACCESS_KEY: " " }), ["AWS_SECRET_ACCESS_KEY"]);
    const env = { AWS_ACCESS_KEY_ID: "key", AWS_SECRET_ACCESS_KEY: "secret", AWS_ENDPOINT_URL: "http://127.0.0.1:9000", AKHBAR_S3_PATH_STYLE: "1", AWS_REGION: "ir-thr-1" };
    assert.deepEqual(s3ClientConfig(env), {
      region: "ir-thr-1",
      endpoint: "http://127.0.0.1:9000",
      forcePathStyle: true,
      credentials: { accessKeyId: "key", secretAccessKey: "secret" },
      requestChecksumCalculation: "WHEN_REQUIRED",
      responseChecksumValidation: "WHEN_REQUIRED",
    });
    const amazon = s3ClientConfig({ AWS_ACCESS_KEY_ID: "key", AWS_SECRET_ACCESS_KEY: "secret", AWS_SESSION_TOKEN: "token" });
    assert.equal(amazon.region, "us-east-1");
    assert.equal(amazon.endpoint, undefined);
    assert.equal(amazon.forcePathStyle, false);
    assert.deepEqual(amazon.credentials, { accessKeyId: "key", secretAccessKey: "secret", sessionToken: "token" });
    assert.equal(s3ClientConfig({ ...env, AWS_ENDPOINT_URL_S3: "http://s3.local" }).endpoint, "http://s3.local");
  });
});

test("Content-Type: text in UTF-8, Pagefind's chunks as bytes, WebAssembly, pictures and fonts by their type", () => {
  const rows: Array<[string, string]> = [
    ["/news/1/index.html", "text/html; charset=utf-8"],
    ["/feed.xml", "application/xml; charset=utf-8"],
    ["/sitemap.xml", "application/xml; charset=utf-8"],
    ["/feed.json", "application/json; charset=utf-8"],
    ["/robots.txt", "text/plain; charset=utf-8"],
    ["/assets/site.rtl.c7ede4e3ee.css", "text/css; charset=utf-8"],
    ["/assets/search.8a6fd525fc.js", "text/javascript; charset=utf-8"],
    ["/assets/fonts/Vazirmatn-Regular.afe90c1f7b.woff2", "font/woff2"],
    ["/img/tehran-400.abc123.avif", "image/avif"],
    ["/img/tehran-400.abc123.webp", "image/webp"],
    ["/img/tehran-400.abc123.jpeg", "image/jpeg"],
    ["/favicon.svg", "image/svg+xml"],
    ["/pagefind/1403-01/fragment/fa_babfbcb.pf_fragment", "application/octet-stream"],
    ["/pagefind/1403-01/index/fa_d4afef6.pf_index", "application/octet-stream"],
    ["/pagefind/1403-01/filter/fa_d2d4c48.pf_filter", "application/octet-stream"],
    ["/pagefind/1403-01/pagefind.fa_5623b19bda.pf_meta", "application/octet-stream"],
    ["/pagefind/1403-01/wasm.unknown.pagefind", "application/octet-stream"],
    ["/pagefind/1403-01/pagefind-entry.json", "application/json; charset=utf-8"],
    ["/pagefind/1403-01/pagefind.js", "text/javascript; charset=utf-8"],
    ["/app.wasm", "application/wasm"],
    ["/_headers", "text/plain; charset=utf-8"],
    ["/_redirects", "text/plain; charset=utf-8"],
    ["/attachments/report.pdf", "application/pdf"],
  ];
  for (const [file, type] of rows) assert.equal(contentTypeFor(file), type, file);
});

test("cacheControlFor gives each file the Cache-Control the site's _headers rules give it", () => {
  const shard = (name: string): DirectoryEntry => ({
    name,
    directory: true,
    children: [
      { name: "fragment", directory: true },
      { name: "index", directory: true },
      { name: "filter", directory: true },
      { name: "pagefind.js", directory: false },
      { name: "pagefind-entry.json", directory: false },
      { name: "pagefind.fa_5623b19bda.pf_meta", directory: false },
    ],
  });
  const root: DirectoryEntry[] = [
    { name: "assets", directory: true },
    { name: "img", directory: true },
    { name: "images", directory: true },
    { name: "news", directory: true },
    { name: "pagefind", directory: true, children: [shard("1403-01"), shard("1399")] },
    { name: "index.html", directory: false },
    { name: "feed.xml", directory: false },
    { name: "favicon.svg", directory: false },
  ];
  const rules = parseHeadersFile(renderHeadersFile(planHeaderRules("/", root)));
  const rows: Array<[string, string]> = [
    ["/assets/site.rtl.c7ede4e3ee.css", IMMUTABLE],
    ["/assets/fonts/Vazirmatn-Regular.afe90c1f7b.woff2", IMMUTABLE],
    ["/img/tehran-400.abc123.webp", IMMUTABLE],
    ["/images/tehran.svg", REVALIDATE],
    ["/pagefind/1403-01/fragment/fa_babfbcb.pf_fragment", IMMUTABLE],
    ["/pagefind/1399/index/fa_d4afef6.pf_index", IMMUTABLE],
    ["/pagefind/1403-01/filter/fa_d2d4c48.pf_filter", IMMUTABLE],
    ["/pagefind/1403-01/pagefind.js", REVALIDATE],
    ["/pagefind/1403-01/pagefind-entry.json", REVALIDATE],
    ["/pagefind/1403-01/pagefind.fa_5623b19bda.pf_meta", REVALIDATE],
    ["/news/1/index.html", REVALIDATE],
    ["/index.html", REVALIDATE],
    ["/feed.xml", REVALIDATE],
    ["/favicon.svg", REVALIDATE],
  ];
  for (const [file, expected] of rows) {
    assert.equal(cacheControlFor(file), expected, file);
    assert.equal(headersFor(rules, file).get("cache-control"), expected, `_headers for ${file}`);
  }
});

test("uploadPhases: one phase per run of files of one half (new or changed) and one rank", () => {
  const upload = (file: string, fresh: boolean, rank: number): DeployUpload => ({ file, size: 1, contentType: "", cacheControl: "", fresh, rank });
  const uploads = [upload("/a.css", true, 0), upload("/b.css", true, 0), upload("/news/1/index.html", true, 1), upload("/index.html", true, 3), upload("/news/2/index.html", false, 1), upload("/feed.xml", false, 3)];
  assert.deepEqual(
    uploadPhases(uploads).map((phase) => phase.map(({ file }) => file)),
    [["/a.css", "/b.css"], ["/news/1/index.html"], ["/index.html"], ["/news/2/index.html"], ["/feed.xml"]],
  );
  assert.deepEqual(uploadPhases([]), []);
});
