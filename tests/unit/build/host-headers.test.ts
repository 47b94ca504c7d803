/**
 * Unit tests for deploying: the path prefix from SITE_URL (src/content/site.ts), the `_headers` file
 * (src/build/host-headers.ts, read back as the hosts read it by src/bench/host-rules.ts), the Content-Security-Policy (src/render/security-policy.ts), prefixed _redirects,
 * absolute addresses for feeds and prefixed addresses for pages written outside Eleventy (src/render/html-urls.ts).
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import yaml from "js-yaml";
import { cacheControlFor, IMMUTABLE, listingOfPaths, planHeaderRules, renderHeadersFile, REVALIDATE, writeHostHeaders, type DirectoryEntry } from "../../../src/build/host-headers.js";
import { ELSEWHERE, OutputLedger } from "../../../src/output/publish.js";
import { isShardId } from "../../../src/search/shards.js";
import { headersFor, parseHeadersFile, patternMatches } from "../../../src/bench/host-rules.js";
import { absoluteHtmlUrls, prefixHtmlUrls, siteAbsoluteUrl } from "../../../src/render/html-urls.js";
import { renderRedirectsFile, type Redirect } from "../../../src/pages/redirect-pages.js";
import { contentSecurityPolicy } from "../../../src/render/security-policy.js";
import { siteMetadata, withPathPrefix } from "../../../src/content/site.js";
import { SettingError } from "../../../src/content/setting-error.js";
import { repoRoot } from "../../support/run.js";

test("SITE_URL gives the site's address and the path it is served under", () => {
  const cases: Array<[string | undefined, string, string]> = [
    [undefined, "https://news.example.org", "/"],
    ["", "https://news.example.org", "/"],
    ["https://akhbar.test", "https://akhbar.test", "/"],
    ["https://akhbar.test/", "https://akhbar.test", "/"],
    ["https://user.github.io/akhbar", "https://user.github.io/akhbar", "/akhbar/"],
    ["https://user.github.io/akhbar/", "https://user.github.io/akhbar", "/akhbar/"],
    ["https://example.org/a/b//", "https://example.org/a/b", "/a/b/"],
    [" HTTPS://Example.ORG/News ", "https://example.org/News", "/News/"],
    ["http://localhost:8080/x", "http://localhost:8080/x", "/x/"],
    ["https://example.org/اخبار", "https://example.org/%D8%A7%D8%AE%D8%A8%D8%A7%D8%B1", "/%D8%A7%D8%AE%D8%A8%D8%A7%D8%B1/"],
  ];
  for (const [setting, url, pathPrefix] of cases) {
    const site = siteMetadata({ SITE_URL: setting });
    assert.deepEqual({ url: site.url, pathPrefix: site.pathPrefix }, { url, pathPrefix }, String(setting));
  }
});

test("a SITE_URL that is not a site's address stops with a message that says what to write", () => {
  for (const setting of ["news.example.org", "ftp://example.org", "https://example.org/?preview=1", "https://example.org/#top", "https://user:secret@example.org", "/archive"]) {
    assert.throws(() => siteMetadata({ SITE_URL: setting }), (error: Error) => {
      assert.ok(error instanceof SettingError, "a setting problem: no stack trace");
      const { fa, en } = (error as SettingError).text;
      assert.match(fa, /^SITE_URL باید نشانی عمومی سایت باشد، مانند https:\/\/news\.example\.org یا https:\/\/user\.github\.io\/akhbar/);
      assert.ok(fa.includes(`«${setting}»`), fa);
      assert.match(en, /^SITE_URL must be the site's public address, such as https:\/\/news\.example\.org or https:\/\/user\.github\.io\/akhbar/);
      assert.ok(en.includes(`"${setting}"`), en);
      return true;
    });
  }
});

test("withPathPrefix puts a root-relative address under the prefix", () => {
  const cases: Array<[string, string, string]> = [
    ["/", "/news/1/", "/news/1/"],
    ["/", "/", "/"],
    ["/akhbar/", "/news/1/", "/akhbar/news/1/"],
    ["/akhbar/", "/", "/akhbar/"],
    ["/akhbar/", "/*", "/akhbar/*"],
    ["/a/b/", "feed.xml", "/a/b/feed.xml"],
  ];
  for (const [prefix, url, expected] of cases) assert.equal(withPathPrefix(prefix, url), expected, `${prefix} ${url}`);
});

const shard = (id: string) => ({
  name: id,
  directory: true,
  children: [
    { name: "pagefind.js", directory: false },
    { name: `pagefind.fa_${id.replace("-", "")}.pf_meta`, directory: false },
    { name: "fragment", directory: true },
    { name: "index", directory: true },
    { name: "filter", directory: true },
    { name: "pagefind-entry.json", directory: false },
  ],
});
const siteWith = (shards: readonly string[]) => [
  { name: "index.html", directory: false },
  { name: "news", directory: true },
  { name: "assets", directory: true },
  { name: "pagefind", directory: true, children: [...shards.map(shard), { name: "shards.json", directory: false }] },
  { name: "_headers", directory: false },
  { name: "_redirects", directory: false },
  { name: "feed.xml", directory: false },
  { name: "counties", directory: true },
];
const entries = siteWith(["1403-07", "1403-01", "1402-01"]);

test("planHeaderRules: security headers for all; immutable for fingerprinted folders and every shard's chunks (one rule for all shards); every other name revalidated", () => {
  const rules = planHeaderRules("/akhbar/", entries);
  const csp = `Content-Security-Policy: ${contentSecurityPolicy("header")}`;
  assert.deepEqual(
    rules.map((rule) => [rule.pattern, rule.headers.map(([name, value]) => `${name}: ${value}`).join("; ")]),
    [
      ["/akhbar/*", rules[0]!.headers.map(([name, value]) => `${name}: ${value}`).join("; ")],
      ["/akhbar/assets/*", `${csp}; Cache-Control: ${IMMUTABLE}`],
      ["/akhbar/pagefind/:shard/filter/*", `${csp}; Cache-Control: ${IMMUTABLE}`],
      ["/akhbar/pagefind/:shard/fragment/*", `${csp}; Cache-Control: ${IMMUTABLE}`],
      ["/akhbar/pagefind/:shard/index/*", `${csp}; Cache-Control: ${IMMUTABLE}`],
      ["/akhbar/", `${csp}; Cache-Control: ${REVALIDATE}`],
      ["/akhbar/counties/*", `${csp}; Cache-Control: ${REVALIDATE}`],
      ["/akhbar/feed.xml", `${csp}; Cache-Control: ${REVALIDATE}`],
      ["/akhbar/index.html", `${csp}; Cache-Control: ${REVALIDATE}`],
      ["/akhbar/news/*", `${csp}; Cache-Control: ${REVALIDATE}`],
      ["/akhbar/pagefind/shards.json", `${csp}; Cache-Control: ${REVALIDATE}`],
      ["/akhbar/pagefind/:shard/:file", `${csp}; Cache-Control: ${REVALIDATE}`],
    ],
  );
  // The policy goes with Cache-Control (one rule an address), so that /admin/'s can differ: in `/*` hosts would join two.
  assert.deepEqual(rules[0]!.headers.map(([name]) => name), ["X-Content-Type-Options", "Referrer-Policy", "X-Frame-Options"]);
});

test("planHeaderRules: as many rules for 200 shards as for one (Cloudflare Pages takes at most 100)", () => {
  const many = Array.from({ length: 200 }, (_, position) => `${1390 + Math.floor(position / 12)}-${String((position % 12) + 1).padStart(2, "0")}`);
  assert.deepEqual(planHeaderRules("/", siteWith(many)), planHeaderRules("/", siteWith(["1404-01"])));
  assert.equal(planHeaderRules("/", siteWith(many)).length, 12);
});

test("patternMatches: a placeholder is one path segment, a final * any rest, the rest literal", () => {
  const cases: Array<[string, string, boolean]> = [
    ["/pagefind/:shard/:file", "/pagefind/1403-07/pagefind.js", true],
    ["/pagefind/:shard/:file", "/pagefind/1403-07/fragment/fa_1.pf_fragment", false],
    ["/pagefind/:shard/:file", "/pagefind/shards.json", false],
    ["/pagefind/:shard/fragment/*", "/pagefind/1403-07/fragment/fa_1.pf_fragment", true],
    ["/pagefind/:shard/fragment/*", "/pagefind/1403-07/index/fa_1.pf_index", false],
    ["/pagefind/:shard/fragment/*", "/pagefind/fragment/fa_1.pf_fragment", false],
    ["/feed.xml", "/feed.xml", true],
    ["/feed.xml", "/feedaxml", false],
    ["/feed.xml", "/feed.xml/x", false],
    ["/news/*", "/news/1/", true],
    ["/*", "/", true],
  ];
  for (const [pattern, pathname, matches] of cases) assert.equal(patternMatches(pattern, pathname), matches, `${pattern} ${pathname}`);
});

test("headersFor: each address gets one Cache-Control; hosts join a header several rules set, as the file must avoid", () => {
  const rules = planHeaderRules("/", entries);
  const cases: Array<[string, string]> = [
    ["/", REVALIDATE],
    ["/index.html", REVALIDATE],
    ["/news/149840/", REVALIDATE],
    ["/assets/site.rtl.0123456789.css", IMMUTABLE],
    ["/pagefind/1403-07/fragment/fa_123.pf_fragment", IMMUTABLE],
    ["/pagefind/1402-01/index/fa_123.pf_index", IMMUTABLE],
    ["/pagefind/1403-01/filter/fa_123.pf_filter", IMMUTABLE],
    ["/pagefind/1403-07/pagefind.js", REVALIDATE],
    ["/pagefind/1403-07/pagefind.fa_140307.pf_meta", REVALIDATE],
    ["/pagefind/shards.json", REVALIDATE],
    ["/counties/%D8%B1%DB%8C/", REVALIDATE],
  ];
  for (const [pathname, caching] of cases) {
    const headers = headersFor(rules, pathname);
    assert.equal(headers.get("cache-control"), caching, pathname);
    assert.equal(headers.get("content-security-policy"), contentSecurityPolicy("header"), pathname);
  }
  // /admin/ (the browser's editor, src/admin/) gets its own policy, and only it: never joined with the site's.
  const withAdmin = planHeaderRules("/", [...entries, { name: "admin", directory: true }], "default-src 'none'; script-src 'self' 'unsafe-eval'");
  assert.equal(headersFor(withAdmin, "/admin/index.html").get("content-security-policy"), "default-src 'none'; script-src 'self' 'unsafe-eval'");
  assert.equal(headersFor(withAdmin, "/admin/").get("cache-control"), REVALIDATE);
  assert.equal(headersFor(withAdmin, "/news/1/").get("content-security-policy"), contentSecurityPolicy("header"));
  assert.equal(headersFor(withAdmin, "/").get("content-security-policy"), contentSecurityPolicy("header"));
  const overlapping = parseHeadersFile("/*\n  Cache-Control: a\n/x/*\n  Cache-Control: b\n");
  assert.equal(headersFor(overlapping, "/x/1").get("cache-control"), "a, b");
});

test("the _headers file: written and read back the same; a header line outside a rule is an error", () => {
  const rules = planHeaderRules("/", entries);
  const text = renderHeadersFile(rules);
  assert.ok(text.startsWith("# "));
  assert.match(text, /^\/assets\/\*\n {2}Content-Security-Policy: default-src 'none';[^\n]*\n {2}Cache-Control: public, max-age=31536000, immutable$/m);
  assert.deepEqual(parseHeadersFile(text), rules);
  assert.throws(() => parseHeadersFile("  Cache-Control: x\n"), /a header line outside a rule/);
});

test("the Content-Security-Policy: scripts from the site only, WebAssembly for the search, nothing inline, frames of the two video players only", () => {
  const header = contentSecurityPolicy("header");
  const directives = new Map(header.split("; ").map((directive) => [directive.split(" ")[0]!, directive.split(" ").slice(1).join(" ")]));
  assert.equal(directives.get("default-src"), "'none'");
  assert.equal(directives.get("script-src"), "'self' 'wasm-unsafe-eval'");
  assert.equal(directives.get("style-src"), "'self'");
  assert.equal(directives.get("object-src"), "'none'");
  assert.equal(directives.get("base-uri"), "'none'");
  assert.equal(directives.get("frame-ancestors"), "'none'");
  // Exactly the players' hosts (src/render/video.ts), https, no wildcard; video files from the site.
  assert.equal(directives.get("frame-src"), "https://www.youtube-nocookie.com https://www.aparat.com");
  assert.equal(directives.get("media-src"), "'self'");
  assert.equal(directives.get("child-src"), undefined);
  assert.doesNotMatch(header, /'unsafe-inline'|'unsafe-eval'|\*/);
  // A <meta> policy cannot carry frame-ancestors: browsers ignore it there with a console error.
  assert.equal(contentSecurityPolicy("meta"), header.replace("; frame-ancestors 'none'", ""));
});

test("_redirects under a path prefix: every rule's both sides carry it", () => {
  const redirects: Redirect[] = [
    { from: "/News/7/", to: "/news/7/", title: "a", lang: "fa" },
    { from: "/News/20/", to: "/en/news/20/", title: "b", lang: "en" },
  ];
  assert.equal(
    renderRedirectsFile(redirects, "/akhbar/"),
    [
      "# Old and moved addresses: first matching rule wins (Netlify, Cloudflare Pages).",
      "/akhbar/News/20/ /akhbar/en/news/20/ 301",
      "/akhbar/News/20 /akhbar/en/news/20/ 301",
      "/akhbar/News/:id/ /akhbar/news/:id/ 301",
      "/akhbar/News/:id /akhbar/news/:id/ 301",
      "",
    ].join("\n"),
  );
  assert.equal(renderRedirectsFile(redirects), renderRedirectsFile(redirects, "/"));
});

test("siteAbsoluteUrl: addresses in a page made absolute under SITE_URL, prefix kept", () => {
  const site = "https://example.org/akhbar";
  const cases: Array<[string, string]> = [
    ["/news/2/", "https://example.org/akhbar/news/2/"],
    ["../2/", "https://example.org/akhbar/news/2/"],
    ["photo.jpg", "https://example.org/akhbar/news/1/photo.jpg"],
    ["#part", "https://example.org/akhbar/news/1/#part"],
    ["/tags/%D8%B1%DB%8C/?page=2", "https://example.org/akhbar/tags/%D8%B1%DB%8C/?page=2"],
    ["/tags/ری/", "https://example.org/akhbar/tags/%D8%B1%DB%8C/"],
    ["https://other.example/x", "https://other.example/x"],
    ["//cdn.example/x.js", "//cdn.example/x.js"],
    ["mailto:pr@example.org", "mailto:pr@example.org"],
  ];
  for (const [url, expected] of cases) assert.equal(siteAbsoluteUrl(site, "/news/1/", url), expected, url);
  assert.equal(siteAbsoluteUrl("https://example.org", "/news/1/", "/news/2/"), "https://example.org/news/2/");
});

test("absoluteHtmlUrls rewrites every address attribute, text untouched", async () => {
  const html = `<p><a href="/news/2/">/news/2/</a> <img src="/images/a.jpg" srcset="/img/a-400.webp 400w, /img/a-800.webp 800w" alt=""> <a href="https://other.example/">x</a></p>`;
  assert.equal(
    await absoluteHtmlUrls(html, "https://example.org/akhbar", "/news/1/"),
    `<p><a href="https://example.org/akhbar/news/2/">/news/2/</a> <img src="https://example.org/akhbar/images/a.jpg" srcset="https://example.org/akhbar/img/a-400.webp 400w, https://example.org/akhbar/img/a-800.webp 800w" alt=""> <a href="https://other.example/">x</a></p>`,
  );
});

test("the deployment examples: the workflows are YAML that build with SITE_URL; nginx sends the build's policy", async () => {
  const docs = path.join(repoRoot, "docs", "ci-examples");
  const github = yaml.load(await readFile(path.join(docs, "github-pages.yml"), "utf8")) as { jobs: Record<string, { steps: Array<{ run?: string; env?: Record<string, string> }> }> };
  const build = github.jobs.build!.steps.find((step) => step.run === "npm run build");
  assert.equal(build?.env?.SITE_URL, "${{ steps.pages.outputs.base_url }}");
  assert.ok(github.jobs.build!.steps.some((step) => step.run === "npm run check"));
  const gitlab = yaml.load(await readFile(path.join(docs, "gitlab-pages.yml"), "utf8")) as { pages: { script: string[]; artifacts: { paths: string[] } } };
  assert.ok(gitlab.pages.script.includes(`SITE_URL="$CI_PAGES_URL" AKHBAR_HOST=gitlab-pages npm run build -- --output public`));
  assert.deepEqual(gitlab.pages.artifacts.paths, ["public"]);
  const nginx = await readFile(path.join(docs, "nginx.conf"), "utf8");
  assert.equal(/set \$csp "([^"]+)";/.exec(nginx)?.[1], contentSecurityPolicy("header"));
});

test("prefixHtmlUrls moves every root-relative address under the prefix, and nothing else; at the root it changes nothing", async () => {
  const page = `<a href="/news/1/">a</a><img src="/img/a.jpg" srcset="/img/a-320.jpg 320w, /img/a-640.jpg 640w"><a href="https://x.org/y">b</a><a href="//cdn.org/z">c</a><a href="#main">d</a><a href="rel/">e</a><meta http-equiv="refresh" content="0; url=/news/2/">`;
  const rows: Array<[prefix: string, expected: string]> = [
    ["/", page],
    [
      "/akhbar/",
      `<a href="/akhbar/news/1/">a</a><img src="/akhbar/img/a.jpg" srcset="/akhbar/img/a-320.jpg 320w, /akhbar/img/a-640.jpg 640w"><a href="https://x.org/y">b</a><a href="//cdn.org/z">c</a><a href="#main">d</a><a href="rel/">e</a><meta http-equiv="refresh" content="0; url=/akhbar/news/2/">`,
    ],
  ];
  for (const [prefix, expected] of rows) assert.equal(await prefixHtmlUrls(page, prefix), expected, prefix);
});

test("a site known only by its deploy record is listed as its folder would be: the root, pagefind/ and its shards, given the shards' insides", () => {
  const insides: DirectoryEntry[] = [
    { name: "fragment", directory: true },
    { name: "pagefind-entry.json", directory: false },
  ];
  const listing = listingOfPaths(["/index.html", "/news/1/index.html", "/News/1/index.html", "/pagefind/1404-01/", "/pagefind/pagefind-ui.js", "/assets/site.css"], insides);
  assert.deepEqual(listing, [
    { name: "index.html", directory: false },
    { name: "news", directory: true },
    { name: "News", directory: true },
    {
      name: "pagefind",
      directory: true,
      children: [
        { name: "1404-01", directory: true, children: insides },
        { name: "pagefind-ui.js", directory: false },
      ],
    },
    { name: "assets", directory: true },
  ]);
  // The rules it gives are those of the same folder listed from disk.
  const rules = planHeaderRules("/", listing);
  assert.deepEqual(
    rules.filter((rule) => rule.pattern.startsWith("/pagefind/")).map((rule) => rule.pattern),
    ["/pagefind/:shard/fragment/*", "/pagefind/pagefind-ui.js", "/pagefind/:shard/:file"],
  );
});

test("isShardId: the folders of pagefind/ named by a shard's id, and no other (the search directory's)", () => {
  for (const name of ["1404-07", "1404-07-16", "1397-10"]) assert.equal(isShardId(name), true, name);
  for (const name of ["directory", "1404", "1404-1", "1404-07-16-01", "1404-07/", "x1404-07", "pagefind-entry.json"]) assert.equal(isShardId(name), false, name);
});

/** The search directory as listed from disk: files only (src/search/directory.ts). */
const DIRECTORY: DirectoryEntry = {
  name: "directory",
  directory: true,
  children: [
    { name: "root.json", directory: false },
    { name: "g0628.json", directory: false },
    { name: "n0628.json", directory: false },
    { name: "pages-1403-07.json", directory: false },
  ],
};

test("the search directory beside the shards: its files revalidated by the shards' own-file rule, once each, and no rule more", () => {
  const withDirectory = siteWith(["1403-07", "1403-01"]).map((entry) => (entry.name === "pagefind" ? { ...entry, children: [...entry.children!, DIRECTORY] } : entry));
  const rules = planHeaderRules("/", withDirectory);
  assert.deepEqual(rules, planHeaderRules("/", siteWith(["1403-07", "1403-01"])));
  const cases: Array<[string, string]> = [
    ["/pagefind/directory/root.json", REVALIDATE],
    ["/pagefind/directory/g0628.json", REVALIDATE],
    ["/pagefind/directory/pages-1403-07.json", REVALIDATE],
    ["/pagefind/1403-07/fragment/fa_123.pf_fragment", IMMUTABLE],
    ["/pagefind/1403-07/pagefind-entry.json", REVALIDATE],
  ];
  // One Cache-Control each (a second matching rule would join its value to the first), as for object storage.
  for (const [pathname, caching] of cases) {
    assert.equal(headersFor(rules, pathname).get("cache-control"), caching, pathname);
    assert.equal(cacheControlFor(pathname), caching, pathname);
  }
  // A site whose pagefind/ holds the directory alone still gets a rule for its files.
  const alone = planHeaderRules("/", [{ name: "pagefind", directory: true, children: [DIRECTORY] }]);
  assert.equal(headersFor(alone, "/pagefind/directory/root.json").get("cache-control"), REVALIDATE);
});

test("a site known by its deploy record: the search directory's files are listed as files, not given a shard's insides", () => {
  const insides: DirectoryEntry[] = [
    { name: "fragment", directory: true },
    { name: "pagefind-entry.json", directory: false },
  ];
  const listing = listingOfPaths(["/pagefind/1404-01/", "/pagefind/directory/root.json", "/pagefind/directory/g0628.json", "/pagefind/directory/root.json"], insides);
  assert.deepEqual(listing, [
    {
      name: "pagefind",
      directory: true,
      children: [
        { name: "1404-01", directory: true, children: insides },
        { name: "directory", directory: true, children: [{ name: "root.json", directory: false }, { name: "g0628.json", directory: false }] },
      ],
    },
  ]);
  // The directory without any shard: its files get their rule, and no chunk folder is invented.
  const rules = planHeaderRules("/", listingOfPaths(["/index.html", "/pagefind/directory/root.json"], insides));
  assert.deepEqual(
    rules.filter((rule) => rule.pattern.startsWith("/pagefind/")).map((rule) => rule.pattern),
    ["/pagefind/:shard/:file"],
  );
});

test("a build for a deploy target that wrote search directory files and no shard: the shards it keeps still get their chunk rules", async () => {
  const dir = await mkdtemp(path.join(tmpdir(), "akhbar-headers-"));
  try {
    const published = ["/index.html", "/pagefind/1404-01/", "/pagefind/directory/root.json", "/pagefind/directory/g0628.json"];
    const ledger = new OutputLedger(new Map(published.map((file) => [file, "v1"])), ELSEWHERE);
    for (const file of published) ledger.record(file, file === "/pagefind/directory/g0628.json" ? "v2" : "v1");
    // What such a build writes: the one directory file that changed.
    await mkdir(path.join(dir, "pagefind", "directory"), { recursive: true });
    await writeFile(path.join(dir, "pagefind", "directory", "g0628.json"), "[]");
    await writeHostHeaders(dir, "/", ledger);
    const rules = parseHeadersFile(await readFile(path.join(dir, "_headers"), "utf8"));
    const cases: Array<[string, string]> = [
      ["/pagefind/1404-01/fragment/fa_1.pf_fragment", IMMUTABLE],
      ["/pagefind/1404-01/index/fa_1.pf_index", IMMUTABLE],
      ["/pagefind/1404-01/pagefind-entry.json", REVALIDATE],
      ["/pagefind/directory/g0628.json", REVALIDATE],
      ["/pagefind/directory/root.json", REVALIDATE],
    ];
    for (const [pathname, caching] of cases) assert.equal(headersFor(rules, pathname).get("cache-control"), caching, pathname);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
