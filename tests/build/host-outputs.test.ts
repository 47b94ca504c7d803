/**
 * The host setting (AKHBAR_HOST, src/hosting/hosts.ts) decides what the build writes, with the real
 * build command on the sample archive: nginx gets its map of old addresses and no redirect page or
 * rule file; Netlify its `_redirects` and `_headers` and no redirect page; GitHub Pages a redirect page
 * at each old address and no rule file. The build's summary gives the site's files and bytes as
 * they are on disk. A setting that names no host stops the build before it writes anything.
 *
 * A site more than its host takes is never published. The hosts' real limits are far above the
 * sample archive, and a limit the environment could lower would be a setting no operator should
 * have: the check itself is unit-tested as a table (tests/unit/hosting/hosts.test.ts), and here the
 * build is run in this process (`buildSite`) with a host whose limit the sample exceeds, passed as
 * the build's `host` option (the one the build command passes AKHBAR_HOST's profile through).
 */
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { cp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { exists, hashTree, listFiles } from "../support/html.js";
import { repoRoot, runBuild, temporaryDirectory } from "../support/run.js";
import { parseRedirectsFile, resolveRedirect } from "../support/host-redirects.js";
import { buildSite } from "../../src/eleventy/build.js";
import { HOSTS, NGINX_MAP_FILE, type HostProfile } from "../../src/hosting/hosts.js";
import { SettingError } from "../../src/content/setting-error.js";
import { byteSize } from "../../src/messages/messages.js";
import { addedReleaseFile } from "../support/release-factory.js";
import { DIRECTORY_CACHE_VARIABLE } from "../../src/search/directory-build.js";

/** The sample archive's English release: its old address and its Persian one lead to its English page. */
const ENGLISH_ID = 133120;
/** A Persian release of the sample archive. */
const PERSIAN_ID = 149840;

const ADDED = addedReleaseFile(990002, "خبر افزوده برای آزمون حد میزبان", "1403/12/21 10:00", []);

describe("what the build writes for each host", () => {
  let root: string;
  let content: string;
  // The build's lines in English, to read its summary.
  const env = { SOURCE_DATE_EPOCH: "1735000000", AKHBAR_LANG: "en" };
  const siteFor = (name: string) => path.join(root, name, "site");
  /** Builds the sample archive for `host` into a folder of its own; returns the build's log. */
  const build = async (host: string, name = host) => {
    const run = await runBuild(content, siteFor(name), { ...env, AKHBAR_HOST: host });
    assert.equal(run.code, 0, run.log);
    return run.log;
  };
  /** Which of the files that differ between hosts the site has. */
  const hostFiles = async (site: string) => ({
    redirectPages: await exists(path.join(site, "News", String(PERSIAN_ID), "index.html")),
    englishRedirectPage: await exists(path.join(site, "news", String(ENGLISH_ID), "index.html")),
    redirects: await exists(path.join(site, "_redirects")),
    headers: await exists(path.join(site, "_headers")),
    nginxMap: await exists(path.join(site, ...NGINX_MAP_FILE.split("/").filter(Boolean))),
  });

  before(async () => {
    root = await temporaryDirectory("akhbar-hosts-");
    content = path.join(root, "content");
    await cp(path.join(repoRoot, "content"), content, { recursive: true });
  });
  after(() => rm(root, { recursive: true, force: true }));

  test("nginx gets the map of old addresses, and no redirect page, _redirects or _headers; the summary gives the site's files and bytes as they are on disk", async () => {
    const log = await build("nginx");
    const site = siteFor("nginx");
    assert.deepEqual(await hostFiles(site), { redirectPages: false, englishRedirectPage: false, redirects: false, headers: false, nginxMap: true });
    const map = await readFile(path.join(site, NGINX_MAP_FILE), "utf8");
    assert.match(map, new RegExp(`^"/News/${ENGLISH_ID}/" "/en/news/${ENGLISH_ID}/";$`, "m"));
    assert.match(map, /^"~\^\/News\/\(\[0-9\]\+\)\/\?\$" "\/news\/\$1\/";$/m);
    // The release pages the map sends to are there.
    assert.ok(await exists(path.join(site, "news", String(PERSIAN_ID), "index.html")));
    assert.ok(await exists(path.join(site, "en", "news", String(ENGLISH_ID), "index.html")));

    const files = (await listFiles(site)).filter((file) => file !== ".akhbar-build");
    let bytes = 0;
    for (const file of files) bytes += (await readFile(path.join(site, file))).length;
    const summary = /^Built .+ in \d+\.\d s: \d+ releases, (\d+) files, (.+); the whole site was written\.$/m.exec(log);
    assert.ok(summary, log);
    assert.equal(Number(summary[1]), files.length);
    assert.equal(summary[2], byteSize(bytes).en);
  });

  test("Netlify gets _redirects and _headers, and no redirect page: its rules send every old address on", async () => {
    await build("netlify");
    const site = siteFor("netlify");
    assert.deepEqual(await hostFiles(site), { redirectPages: false, englishRedirectPage: false, redirects: true, headers: true, nginxMap: false });
    const rules = parseRedirectsFile(await readFile(path.join(site, "_redirects"), "utf8"));
    assert.equal(resolveRedirect(rules, `/News/${PERSIAN_ID}/`)?.to, `/news/${PERSIAN_ID}/`);
    assert.equal(resolveRedirect(rules, `/news/${ENGLISH_ID}/`)?.to, `/en/news/${ENGLISH_ID}/`);
  });

  test("GitHub Pages gets a redirect page at each old address, and neither rule file", async () => {
    await build("github-pages");
    assert.deepEqual(await hostFiles(siteFor("github-pages")), { redirectPages: true, englishRedirectPage: true, redirects: false, headers: false, nginxMap: false });
  });

  test("an AKHBAR_HOST that names no host stops the build before it writes anything, and names the hosts it may", async () => {
    const run = await runBuild(content, siteFor("unknown"), { ...env, AKHBAR_HOST: "apache" });
    assert.equal(run.code, 1, run.log);
    assert.match(run.log, /^AKHBAR_HOST=apache is no host the build knows\. Write one of: portable, nginx, s3, netlify, cloudflare-pages, github-pages, gitlab-pages/m);
    assert.match(run.log, /^Build failed: .+ was left as it was\.$/m);
    assert.equal(await exists(siteFor("unknown")), false);
  });

  describe("a site more than its host takes is not published", () => {
    /** GitHub Pages with a site limit of 1 MB: the sample archive's site is about 2 MB. */
    const tooSmall: HostProfile = { ...HOSTS["github-pages"], limits: { ...HOSTS["github-pages"].limits, siteBytes: 1_000_000 } };
    const saved = new Map<string, string | undefined>();
    /** Builds in this process, as the build command would with these caches (src/bench/run.ts puts them beside the output). */
    const buildHere = async (site: string, host: HostProfile) => {
      const beside = path.dirname(site);
      const settings: Record<string, string> = {
        ...env,
        AKHBAR_PAGE_CACHE: path.join(beside, "akhbar-page-cache"),
        AKHBAR_SEARCH_CACHE: path.join(beside, "akhbar-search-cache"),
        [DIRECTORY_CACHE_VARIABLE]: path.join(beside, "akhbar-search-directory"),
        AKHBAR_SITE_MANIFEST: path.join(beside, "akhbar-site-manifests"),
        AKHBAR_ARCHIVE_CACHE: path.join(beside, "akhbar-archive-cache"),
      };
      for (const [name, value] of Object.entries(settings)) {
        if (!saved.has(name)) saved.set(name, process.env[name]);
        process.env[name] = value;
      }
      // The build's own lines would land among the test runner's: kept out of its output.
      const log = console.log;
      const warn = console.warn;
      console.log = console.warn = () => {};
      try {
        return await buildSite({ input: content, output: site, host });
      } finally {
        console.log = log;
        console.warn = warn;
      }
    };
    after(() => {
      for (const [name, value] of saved) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
    });
    const refusal = (error: unknown) => {
      assert.ok(error instanceof SettingError, String(error));
      assert.match(error.text.en, /^The site is more than GitHub Pages \(AKHBAR_HOST=github-pages\) takes, so nothing was published:\n- the site is [\d.]+ MB; the host takes at most 1 MB\nChoose another host: /);
      assert.match(error.text.fa, /^این سایت بیش از آن است که میزبان «GitHub Pages» \(AKHBAR_HOST=github-pages\) بپذیرد، پس منتشر نشد:/);
      return true;
    };

    test("over the published site: the site stays byte for byte, its manifest with it, staging is removed, and the next build within the limits writes only what changed", async () => {
      const site = siteFor("over-published");
      await build("github-pages", "over-published");
      const published = await hashTree(site);
      const manifests = path.join(path.dirname(site), "akhbar-site-manifests");
      const manifestsBefore = await hashTree(manifests);
      await writeFile(path.join(content, "releases", "1403", "990002.md"), ADDED);
      try {
        await assert.rejects(buildHere(site, tooSmall), refusal);
        assert.deepEqual(await hashTree(site), published, "the published site changed");
        assert.deepEqual(await hashTree(manifests), manifestsBefore, "the site's manifest changed");
        assert.equal(await exists(`${site}.staging`), false, "the staging folder was left behind");
        // Still trusted: the next build, with GitHub Pages' own limits, publishes over it.
        const result = await buildHere(site, HOSTS["github-pages"]);
        assert.ok(result.changed && result.changed.moved > 0, JSON.stringify(result));
        assert.ok(await exists(path.join(site, "news", "990002", "index.html")));
        assert.ok(result.bytes > 1_000_000 && result.bytes < HOSTS["github-pages"].limits.siteBytes!, String(result.bytes));
      } finally {
        await rm(path.join(content, "releases", "1403", "990002.md"), { force: true });
      }
    });

    test("a first build: nothing is published, no output folder and no manifest are left", async () => {
      const site = siteFor("over-first");
      await assert.rejects(buildHere(site, tooSmall), refusal);
      assert.equal(await exists(site), false);
      assert.equal(await exists(`${site}.staging`), false);
      const manifests = path.join(path.dirname(site), "akhbar-site-manifests");
      assert.deepEqual((await readdir(manifests).catch(() => [])).filter((file) => file.endsWith(".json")), []);
    });
  });
});
