/**
 * A real server: the sample archive built for nginx (AKHBAR_HOST=nginx) and served by Debian's
 * nginx with docs/ci-examples/nginx.conf, as an office's own server would serve it, at the
 * host's root and under a path prefix. Checked over HTTP: the security headers and caching,
 * compression and types, the 404 page, the old addresses' 301s from the map the build writes,
 * the build's own files kept private; and in Chromium, the search through nginx.
 *
 * Then the daily cycle's last step, `npm run deploy` over SSH (rsync to a loopback sshd) into
 * the folder nginx serves: a first deploy puts the whole site there; a second build with one
 * release added, deployed, moves only the files that changed, and a reader who opened a page
 * before that deploy still gets its stylesheet and the search chunks it names.
 *
 * Without nginx (or, for the deploy, sshd and rsync) the tests are skipped on a developer
 * machine and fail on CI (CI=true); .ci/run installs them.
 */
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { cp, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import * as cheerio from "cheerio";
import type { Browser } from "playwright-core";
import { IMMUTABLE, REVALIDATE } from "../../src/build/host-headers.js";
import { SECURITY_HEADERS } from "../../src/render/security-policy.js";
import { SEAL_FILE } from "../../src/output/publish.js";
import { CHROMIUM_PATH, chromiumMissing, launchChromium } from "../../src/bench/chromium.js";
import { SSHD_PATH, startLoopbackSshd, type LoopbackSshd } from "../../src/bench/sshd.js";
import { skipWithoutChromium, withPage } from "../support/chromium.js";
import { hashTree, listFiles } from "../support/html.js";
import { NGINX_PATH, nginxMissing, skipWithoutNginx, startNginx, type NginxServer } from "../support/nginx.js";
import { repoRoot, runBuild, runNode, temporaryDirectory } from "../support/run.js";
import { addedReleaseFile } from "../support/release-factory.js";
import type { DeployReport } from "../../src/deploy/deploy.js";
import { isShardId } from "../../src/search/shards.js";
import { DIRECTORY_PATH, DIRECTORY_ROOT } from "../../src/search/directory.js";
import { DIRECTORY_CACHE_VARIABLE } from "../../src/search/directory-build.js";

/** A word of seed release 149840 (Persian) and of no other release. */
const UNIQUE_WORD = "کهریزک";
const PERSIAN_RELEASE = 149840;
/** The sample archive's English release: its Persian address is an exception to the /News/<id>/ rule. */
const ENGLISH_RELEASE = 133120;
const REDIRECT_MAP = ".nginx-redirects.map";
const SITE = "https://akhbar.test";
const WAIT = { timeout: 20_000 };
/** "Now" fixed (the news sitemap reads it): a second build changes only what its content changed. */
const SOURCE_DATE_EPOCH = String(Date.parse("2025-06-20T12:00:00+03:30") / 1000);

const ON_CI = process.env.CI === "true";
const RSYNC_PATH = "/usr/bin/rsync";
const deployToolsMissing = !existsSync(SSHD_PATH) || !existsSync(RSYNC_PATH);
const skipWithoutDeployTools: string | false =
  skipWithoutNginx ||
  (!ON_CI && deployToolsMissing ? `sshd or rsync missing: install them with \`apt-get install openssh-server rsync\` (on CI, with CI=true, this is a failure)` : false) ||
  // sshd needs its privilege-separation folder in /run, and logs in as the user that runs it.
  (!ON_CI && process.getuid?.() !== 0 ? "the loopback sshd needs root (CI runs as root)" : false);

const assertNginx = () => assert.ok(!nginxMissing, `CI=true and nginx is missing at ${NGINX_PATH}: install it with \`apt-get install -y nginx\``);

/**
 * The caches of the builds and deploys of one test folder, kept between them: the deploy reads
 * the site's manifest where the build wrote it, and keeps its record beside.
 */
function cacheEnv(work: string): NodeJS.ProcessEnv {
  const cache = (name: string) => path.join(work, "cache", name);
  return {
    AKHBAR_PAGE_CACHE: cache("page"),
    AKHBAR_SEARCH_CACHE: cache("search"),
    [DIRECTORY_CACHE_VARIABLE]: cache("search-directory"),
    AKHBAR_SITE_MANIFEST: cache("site-manifests"),
    AKHBAR_ARCHIVE_CACHE: cache("archive"),
    AKHBAR_DEPLOY_RECORD: cache("deploy"),
  };
}

/** A build for nginx, with the caches of `work`. */
function buildForNginx(content: string, output: string, work: string, siteUrl: string) {
  return runBuild(content, output, { ...cacheEnv(work), AKHBAR_HOST: "nginx", SITE_URL: siteUrl, SOURCE_DATE_EPOCH });
}

/** A GET as a browser sends it (gzip accepted), redirects not followed. */
async function get(url: string): Promise<Response> {
  return fetch(url, { redirect: "manual", headers: { "accept-encoding": "gzip" } });
}

const withoutSeal = (tree: ReadonlyMap<string, string>) => new Map([...tree].filter(([file]) => file !== SEAL_FILE));

/** The fingerprinted files of a site: what a page may name and browsers keep for a year. */
const isFingerprinted = (file: string) => /^(assets|img)\//.test(file) || /^pagefind\/[^/]+\/(fragment|index|filter)\//.test(file);
/**
 * What a reader of an older page may still ask for: its fingerprinted files, and a search shard's
 * metadata (named by its content too, and named by the shard's entry file the reader loaded).
 */
const isForOldPages = (file: string) => isFingerprinted(file) || /^pagefind\/[^/]+\/pagefind\.[^/]+\.pf_meta$/.test(file);

const VARIANTS = [
  { name: "at the host's root", prefix: "/", siteUrl: `${SITE}/` },
  { name: "under a path prefix (/akhbar/)", prefix: "/akhbar/", siteUrl: `${SITE}/akhbar/` },
] as const;

for (const variant of VARIANTS) {
  describe(`the sample archive built for nginx ${variant.name}, served by Debian's nginx with docs/ci-examples/nginx.conf`, { skip: skipWithoutNginx, timeout: 300_000 }, () => {
    let work = "";
    let siteDir = "";
    let server: NginxServer | undefined;
    /** `http://127.0.0.1:<port>/akhbar` (no last slash): followed by a root-relative path. */
    let base = "";
    /** An address of the site as the reader asks for it: the prefix, then `url`. */
    const at = (url: string) => `${variant.prefix.replace(/\/$/, "")}${url}`;

    before(async () => {
      assertNginx();
      work = await temporaryDirectory("akhbar-nginx-");
      // Under a prefix the folder nginx serves holds the site in a folder named as the prefix
      // (the example's layout); at the root the name does not matter.
      siteDir = path.join(work, "www", "akhbar");
      const build = await buildForNginx("content", siteDir, work, variant.siteUrl);
      assert.equal(build.code, 0, `the build failed:\n${build.log}`);
      const dir = path.join(work, "nginx");
      await mkdir(dir, { recursive: true });
      server = await startNginx(dir, siteDir, variant.prefix);
      base = server.url;
    });
    after(async () => {
      await server?.stop();
      if (work) await rm(work, { recursive: true, force: true });
    });

    test("nginx reads the example configuration without a warning", async () => {
      assert.doesNotMatch(await server!.errors(), /\[(warn|error|crit|alert|emerg)\]/);
    });

    // Waits for AKHBAR_HOST=nginx in the build (the hosting work of issue 21): until then the
    // build writes /News/<id>/ pages and no map, and nginx cannot start without the map.
    test("the build writes the redirect map the server includes, and no /News/<id>/ redirect pages", async () => {
      const map = await readFile(path.join(siteDir, REDIRECT_MAP), "utf8");
      // One regular expression for every /News/<id>/ (the exceptions are checked over HTTP below).
      const rule = map.split("\n").find((line) => /^\s*"?~/.test(line) && line.includes("News"));
      assert.ok(rule?.includes(at("")), `the map has no rule for ${at("/News/<id>/")}:\n${map}`);
      assert.equal(existsSync(path.join(siteDir, "News")), false, "the build wrote /News/<id>/ pages");
    });

    test("a page has the build's security headers, is asked again on every visit and is sent compressed", async () => {
      const response = await get(`${base}/news/${PERSIAN_RELEASE}/`);
      assert.equal(response.status, 200);
      for (const [name, value] of SECURITY_HEADERS) assert.equal(response.headers.get(name), value, name);
      assert.equal(response.headers.get("cache-control"), REVALIDATE);
      assert.equal(response.headers.get("content-type"), "text/html; charset=utf-8");
      assert.equal(response.headers.get("content-encoding"), "gzip");
      assert.match(response.headers.get("vary") ?? "", /accept-encoding/i);
      assert.ok((await response.text()).includes(UNIQUE_WORD));
    });

    test("feeds, sitemaps and scripts are sent compressed, with their types", async () => {
      const script = (await listFiles(path.join(siteDir, "assets"))).find((file) => file.endsWith(".js"));
      assert.ok(script, "the site has no script in assets/");
      for (const [url, type] of [
        ["/feed.xml", "text/xml"],
        ["/feed.json", "application/json"],
        ["/sitemap.xml", "text/xml"],
        [`/assets/${script}`, "application/javascript"],
      ] as const) {
        const response = await get(`${base}${url}`);
        assert.equal(response.status, 200, url);
        assert.equal(response.headers.get("content-type")?.split(";")[0], type, url);
        assert.equal(response.headers.get("content-encoding"), "gzip", url);
      }
    });

    test("the stylesheet a page names and each kind of search chunk are kept for a year; a missing one is not", async () => {
      const page = cheerio.load(await (await get(`${base}/news/${PERSIAN_RELEASE}/`)).text());
      const stylesheet = page('link[rel="stylesheet"]').attr("href");
      assert.ok(stylesheet && stylesheet.startsWith(at("/assets/")), `the page's stylesheet is ${stylesheet}`);
      const files = await listFiles(path.join(siteDir, "pagefind"));
      const chunks = ["fragment", "index", "filter"].map((kind) => files.find((file) => file.split("/")[1] === kind));
      assert.ok(chunks.every(Boolean), `the search index lacks a kind of chunk: ${files.join(", ")}`);
      for (const url of [stylesheet.slice(at("").length), ...chunks.map((file) => `/pagefind/${file}`)]) {
        const response = await get(`${base}${url}`);
        assert.equal(response.status, 200, url);
        assert.equal(response.headers.get("cache-control"), IMMUTABLE, url);
      }
      // A shard's own files name the chunks: revalidated, so that a new index shows at once.
      const entry = files.find((file) => file.endsWith("/pagefind-entry.json"));
      assert.equal((await get(`${base}/pagefind/${entry}`)).headers.get("cache-control"), REVALIDATE);
      // So are the search directory's files, which keep their names when their words' pages change.
      const directory = await get(`${base}${DIRECTORY_PATH}${DIRECTORY_ROOT}`);
      assert.deepEqual(
        { status: directory.status, type: directory.headers.get("content-type")?.split(";")[0], caching: directory.headers.get("cache-control") },
        { status: 200, type: "application/json", caching: REVALIDATE },
      );
      // Nothing may stay a year in a browser under a fingerprinted name it does not have.
      const missing = await get(`${base}/assets/site.0000000000.css`);
      assert.equal(missing.status, 404);
      assert.equal(missing.headers.get("cache-control"), REVALIDATE);
    });

    test("Pagefind's binary files (chunks, metadata, compressed WebAssembly) go as binary, not compressed again", async () => {
      const files = await listFiles(path.join(siteDir, "pagefind"));
      const binary = [/\.pf_fragment$/, /\.pf_index$/, /\.pf_filter$/, /\.pf_meta$/, /\/wasm\.[^/]+\.pagefind$/].map((pattern) => files.find((file) => pattern.test(file)));
      assert.ok(binary.every(Boolean), `the search index lacks a kind of file: ${files.join(", ")}`);
      for (const file of binary) {
        const response = await get(`${base}/pagefind/${file}`);
        assert.equal(response.status, 200, file);
        assert.equal(response.headers.get("content-type"), "application/octet-stream", file);
        assert.equal(response.headers.get("content-encoding"), null, file);
      }
    });

    test("an address the site does not have answers 404 with the site's 404 page and its headers", async () => {
      const response = await get(`${base}/news/999999999/`);
      assert.equal(response.status, 404);
      assert.equal(await response.text(), await readFile(path.join(siteDir, "404.html"), "utf8"));
      assert.equal(response.headers.get("content-security-policy"), SECURITY_HEADERS[0]![1]);
      assert.equal(response.headers.get("cache-control"), REVALIDATE);
    });

    // The /News/ rows wait for AKHBAR_HOST=nginx (the map); the last row is nginx's own.
    test("old addresses answer 301: /News/<id>/ and /News/<id> to /news/<id>/, an English release's to /en/news/<id>/, a folder without its slash to the folder", async () => {
      const rows: Array<[from: string, to: string]> = [
        [`/News/${PERSIAN_RELEASE}/`, `/news/${PERSIAN_RELEASE}/`],
        [`/News/${PERSIAN_RELEASE}`, `/news/${PERSIAN_RELEASE}/`],
        [`/news/${ENGLISH_RELEASE}/`, `/en/news/${ENGLISH_RELEASE}/`],
        [`/news/${ENGLISH_RELEASE}`, `/en/news/${ENGLISH_RELEASE}/`],
        [`/News/${ENGLISH_RELEASE}/`, `/en/news/${ENGLISH_RELEASE}/`],
        [`/News/${ENGLISH_RELEASE}`, `/en/news/${ENGLISH_RELEASE}/`],
        [`/news/${PERSIAN_RELEASE}`, `/news/${PERSIAN_RELEASE}/`],
      ];
      for (const [from, to] of rows) {
        const response = await get(`${base}${from}`);
        assert.deepEqual({ status: response.status, location: response.headers.get("location") }, { status: 301, location: at(to) }, from);
        assert.equal((await get(`${base}${to}`)).status, 200, to);
      }
    });

    test("the build's own files (the seal, the redirect map) answer 404", async () => {
      for (const file of [SEAL_FILE, REDIRECT_MAP]) {
        const response = await get(`${base}/${file}`);
        assert.equal(response.status, 404, file);
        assert.equal(await response.text(), await readFile(path.join(siteDir, "404.html"), "utf8"), file);
      }
    });

    test("the search page finds a release in Chromium through nginx, and its result opens the release", { skip: skipWithoutChromium }, async () => {
      assert.ok(!chromiumMissing, `CI=true and Chromium is missing at ${CHROMIUM_PATH}: install it with \`apt-get install -y chromium\``);
      let browser: Browser | undefined;
      try {
        browser = await launchChromium();
        await withPage(browser, async (page) => {
          const response = await page.goto(`${base}/search/?q=${encodeURIComponent(UNIQUE_WORD)}`, { waitUntil: "load" });
          assert.equal(response?.status(), 200);
          await page.locator(".search-result").first().waitFor(WAIT);
          const hrefs = await page.locator(".search-result .search-result__title a").evaluateAll((links) => links.map((link) => (link as HTMLAnchorElement).href));
          const release = hrefs.find((href) => new URL(href).pathname === at(`/news/${PERSIAN_RELEASE}/`));
          assert.ok(release, `the results link to ${JSON.stringify(hrefs)}`);
          const opened = await page.goto(release, { waitUntil: "load" });
          assert.equal(opened?.status(), 200);
          assert.ok((await page.locator("h1").textContent())?.includes(UNIQUE_WORD));
        });
      } finally {
        await browser?.close();
      }
    });
  });
}

/** A release for the second build: in the newest year, so it joins that year's search shard. */
const ADDED_ID = 990001;
const ADDED = `releases/1403/${ADDED_ID}.md`;
const ADDED_TEXT = addedReleaseFile(ADDED_ID, "خبر افزوده برای آزمون انتشار روی سرور", "1403/12/20 10:00");

// Waits for `npm run deploy` (src/deploy/, scripts/deploy.ts) and for AKHBAR_HOST=nginx.
describe("deploying over SSH into the folder nginx serves: only what changed moves, and a reader of the pages before keeps their files", { skip: skipWithoutDeployTools, timeout: 300_000 }, () => {
  let work = "";
  let content = "";
  let site = "";
  let served = "";
  let sshd: LoopbackSshd | undefined;
  let server: NginxServer | undefined;
  /** The first build: path → sha256, and the stylesheet its release pages name. */
  let first = new Map<string, string>();
  let firstStylesheet = "";

  const deploy = async (report: string) => {
    const run = await runNode(["scripts/deploy.ts", "--site", site, "--to", sshd!.target(served), "--report", report], {
      ...cacheEnv(work),
      AKHBAR_DEPLOY_SSH: sshd!.sshCommand,
    });
    assert.equal(run.code, 0, `the deploy failed:\n${run.log}`);
    const written = JSON.parse(await readFile(report, "utf8")) as DeployReport;
    // The operator is told to reload nginx exactly when a new map of old addresses was sent.
    assert.equal(/systemctl reload nginx/.test(run.log), written.uploaded.includes("/.nginx-redirects.map"), run.log);
    return written;
  };
  /** Site-relative paths, a folder entry (`pagefind/1403-01/`) standing for the site's files in it. */
  const filesOf = (entries: readonly string[], siteFiles: readonly string[]) =>
    new Set(
      entries.flatMap((entry) => {
        const file = entry.replace(/^\/+/, "");
        return file.endsWith("/") ? siteFiles.filter((name) => name.startsWith(file)) : [file];
      }),
    );

  before(async () => {
    assertNginx();
    assert.ok(!deployToolsMissing, `CI=true and sshd (${SSHD_PATH}) or rsync (${RSYNC_PATH}) is missing: install them with \`apt-get install -y openssh-server rsync\``);
    work = await temporaryDirectory("akhbar-deploy-nginx-");
    content = path.join(work, "content");
    await cp(path.join(repoRoot, "content"), content, { recursive: true });
    site = path.join(work, "build", "site");
    served = path.join(work, "www", "akhbar");
    await mkdir(served, { recursive: true });
    const build = await buildForNginx(content, site, work, `${SITE}/`);
    assert.equal(build.code, 0, `the first build failed:\n${build.log}`);
    first = await hashTree(site);
    const page = cheerio.load(await readFile(path.join(site, "news", String(PERSIAN_RELEASE), "index.html"), "utf8"));
    firstStylesheet = page('link[rel="stylesheet"]').attr("href") ?? "";
    sshd = await startLoopbackSshd(path.join(work, "sshd"));
  });
  after(async () => {
    await server?.stop();
    await sshd?.stop();
    if (work) await rm(work, { recursive: true, force: true });
  });

  test("the first deploy puts the whole site, byte for byte, into the folder nginx serves", async () => {
    const report = await deploy(path.join(work, "deploy-1.json"));
    // The seal may stay behind: the deploy's record, not the server's copy, says what the server has.
    assert.deepEqual(withoutSeal(await hashTree(served)), withoutSeal(first));
    const siteFiles = [...withoutSeal(first).keys()];
    assert.deepEqual([...filesOf(report.uploaded, siteFiles)].filter((file) => file !== SEAL_FILE).sort(), siteFiles.sort());
    // nginx reads the site's redirect map as it starts: it serves the deployed folder from now on.
    const dir = path.join(work, "nginx");
    await mkdir(dir, { recursive: true });
    server = await startNginx(dir, served, "/");
    const response = await get(`${server.url}/news/${PERSIAN_RELEASE}/`);
    assert.equal(response.status, 200);
  });

  test("a second build with one release added, deployed: the report names exactly the files that changed, one search shard's among them, and no unchanged release page", async () => {
    assert.ok(server, "the first deploy did not happen");
    await writeFile(path.join(content, ...ADDED.split("/")), ADDED_TEXT);
    const build = await buildForNginx(content, site, work, `${SITE}/`);
    assert.equal(build.code, 0, `the second build failed:\n${build.log}`);
    const second = await hashTree(site);
    const siteFiles = [...second.keys()];
    const changed = siteFiles.filter((file) => first.get(file) !== second.get(file));
    const removed = [...first.keys()].filter((file) => !second.has(file));
    // The shards are the folders of pagefind/ named by a shard id; the search directory beside them is files.
    const shards = new Set(changed.filter((file) => file.startsWith("pagefind/")).map((file) => file.split("/")[1]!).filter(isShardId));
    assert.equal(shards.size, 1, `the release changed the search shards ${[...shards].join(", ")}`);
    const [shard] = shards;
    const directoryFolder = DIRECTORY_PATH.slice(1);
    assert.ok(changed.some((file) => file.startsWith(directoryFolder)), "the release's words changed no file of the search directory");

    const report = await deploy(path.join(work, "deploy-2.json"));
    const uploaded = filesOf(report.uploaded, siteFiles);
    assert.ok(uploaded.has(`news/${ADDED_ID}/index.html`), `the new release was not uploaded: ${[...uploaded].join(", ")}`);
    // Every changed file moves (the seal may or may not) …
    const missed = changed.filter((file) => file !== SEAL_FILE && !uploaded.has(file));
    assert.deepEqual(missed, [], "changed files that were not uploaded");
    // … and nothing else but the rest of the changed shard's folder.
    const extra = [...uploaded].filter((file) => !changed.includes(file) && !file.startsWith(`pagefind/${shard}/`));
    assert.deepEqual(extra, [], "unchanged files that were uploaded");
    const unchangedReleases = siteFiles.filter((file) => /^(en\/)?news\/\d+\/index\.html$/.test(file) && !changed.includes(file));
    assert.ok(unchangedReleases.length > 0 && unchangedReleases.every((file) => !uploaded.has(file)));
    // Files the site no longer has: pages go at once, what older pages name only after a grace period.
    const deleted = filesOf(report.deleted, [...first.keys()]);
    assert.deepEqual([...deleted].filter((file) => !removed.includes(file) || isForOldPages(file)), [], "deleted files the site still has, or that older pages name");
    assert.deepEqual(removed.filter((file) => !isForOldPages(file) && !deleted.has(file)), [], "pages the site no longer has, still on the server");
    // The server now holds the new site, byte for byte, and the old fingerprinted files beside it.
    const onServer = await hashTree(served);
    assert.deepEqual(siteFiles.filter((file) => file !== SEAL_FILE && onServer.get(file) !== second.get(file)), [], "files that differ on the server from the site");
    assert.deepEqual([...onServer.keys()].filter((file) => !second.has(file) && !isForOldPages(file)), [], "files on the server that are neither in the site nor kept for older pages");
  });

  test("a reader who opened a page before that deploy still gets its stylesheet and the search chunks it names; the new release answers at its old address too", async () => {
    assert.ok(server, "the first deploy did not happen");
    const now = await hashTree(site);
    const kept = [...first.keys()].filter(isForOldPages);
    assert.ok(kept.some((file) => isFingerprinted(file) && !now.has(file)), "the second build retired no search chunk: the test proves nothing");
    assert.ok(firstStylesheet.startsWith("/assets/") && kept.includes(firstStylesheet.slice(1)), `the first build's pages name the stylesheet ${firstStylesheet}`);
    for (const file of kept) {
      const response = await get(`${server.url}/${file}`);
      assert.equal(response.status, 200, file);
      assert.equal(response.headers.get("cache-control"), isFingerprinted(file) ? IMMUTABLE : REVALIDATE, file);
    }
    assert.equal((await get(`${server.url}/news/${ADDED_ID}/`)).status, 200);
    const old = await get(`${server.url}/News/${ADDED_ID}/`);
    assert.deepEqual({ status: old.status, location: old.headers.get("location") }, { status: 301, location: `/news/${ADDED_ID}/` });
  });
});
