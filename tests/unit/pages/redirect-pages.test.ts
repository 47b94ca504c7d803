/** Unit tests for src/pages/redirect-pages.ts: which old addresses lead where, and the _redirects file. */
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import * as cheerio from "cheerio";
import { newestFirst } from "../../../src/content/release.js";
import { fileSystemIgnoresCase, planRedirects, renderRedirectsFile, sourceLegacyPath } from "../../../src/pages/redirect-pages.js";
import { parseRedirectsFile, resolveRedirect } from "../../support/host-redirects.js";
import { renderRedirect } from "../../../layouts/redirect.js";
import { makeRelease } from "../../support/release-factory.js";

test("sourceLegacyPath: only /News/<n>/ addresses of the old website", () => {
  const cases: Array<[string | undefined, string | undefined]> = [
    ["https://ostan-th.ir/News/149840/", "/News/149840/"],
    ["http://www.ostan-th.ir/news/12", "/News/12/"],
    ["https://OSTAN-TH.IR/News/7/", "/News/7/"],
    ["https://ostan-th.ir/News/149840/extra/", undefined],
    ["https://ostan-th.ir/Page/1/", undefined],
    ["https://example.org/News/149840/", undefined],
    ["not a url", undefined],
    [undefined, undefined],
  ];
  for (const [source, expected] of cases) assert.equal(sourceLegacyPath(source), expected, String(source));
});

const releases = [
  makeRelease(10, "2024-01-01T10:00:00+03:30", { source: "https://ostan-th.ir/News/10/" }),
  makeRelease(11, "2024-01-02T10:00:00+03:30", { source: "https://ostan-th.ir/News/500/" }),
  makeRelease(12, "2024-01-03T10:00:00+03:30", { source: "https://ostan-th.ir/News/500/" }),
  makeRelease(13, "2024-01-04T10:00:00+03:30", { source: "https://ostan-th.ir/News/10/" }),
  makeRelease(20, "2024-01-05T10:00:00+03:30", { lang: "en", title: "English" }),
].sort(newestFirst);

test("planRedirects: every id at /News/<id>/; English releases from /news/<id>/; other old numbers from sources, ids first, newest first", () => {
  assert.deepEqual(
    planRedirects(releases).map(({ from, to }) => `${from} → ${to}`),
    [
      "/News/20/ → /en/news/20/",
      "/news/20/ → /en/news/20/",
      "/News/13/ → /news/13/",
      "/News/12/ → /news/12/",
      "/News/11/ → /news/11/",
      "/News/10/ → /news/10/",
      // 12 and 11 both name /News/500/: the newer keeps it; 13's source names 10's own id, which 10 keeps.
      "/News/500/ → /news/12/",
    ],
  );
});

test("the _redirects file: exceptions first, then one placeholder rule a form; every address resolves where planned", () => {
  const redirects = planRedirects(releases);
  const text = renderRedirectsFile(redirects);
  assert.deepEqual(text.split("\n").filter((line) => line && !line.startsWith("#")), [
    "/News/20/ /en/news/20/ 301",
    "/News/20 /en/news/20/ 301",
    "/news/20/ /en/news/20/ 301",
    "/news/20 /en/news/20/ 301",
    "/News/500/ /news/12/ 301",
    "/News/500 /news/12/ 301",
    "/News/:id/ /news/:id/ 301",
    "/News/:id /news/:id/ 301",
  ]);
  const rules = parseRedirectsFile(text);
  for (const { from, to } of redirects) {
    for (const form of [from, from.slice(0, -1)]) assert.deepEqual(resolveRedirect(rules, form), { from: rules.find((rule) => resolveRedirect([rule], form))!.from, to, status: 301 }, form);
  }
  assert.equal(resolveRedirect(rules, "/news/13/"), undefined);
  assert.equal(resolveRedirect(rules, "/News/13/x/"), undefined);
});

test("resolveRedirect: first match wins; a placeholder is one path segment", () => {
  const rules = parseRedirectsFile("# comment\n/a/:x/ /b/:x/ 301\n/a/1/ /never/ 301\n/c /d\n");
  assert.deepEqual(resolveRedirect(rules, "/a/1/"), { from: "/a/:x/", to: "/b/1/", status: 301 });
  assert.deepEqual(resolveRedirect(rules, "/c"), { from: "/c", to: "/d", status: 302 });
  assert.equal(resolveRedirect(rules, "/a/1/2/"), undefined);
  assert.equal(resolveRedirect(rules, "/a.1/"), undefined);
});

test("the redirect page: meta refresh, canonical, noindex and a visible link, the title escaped", () => {
  const $ = cheerio.load(renderRedirect({ to: "/en/news/20/", canonical: "https://akhbar.test/en/news/20/", title: `</a><script>x</script>`, lang: "en" }));
  assert.deepEqual({ lang: $("html").attr("lang"), dir: $("html").attr("dir") }, { lang: "en", dir: "ltr" });
  assert.equal($('meta[http-equiv="refresh"]').attr("content"), "0; url=/en/news/20/");
  assert.equal($('link[rel="canonical"]').attr("href"), "https://akhbar.test/en/news/20/");
  assert.equal($('meta[name="robots"]').attr("content"), "noindex");
  assert.equal($("body a").attr("href"), "/en/news/20/");
  assert.equal($("body a").text(), "</a><script>x</script>");
  assert.equal($("script").length, 0);
});

test("fileSystemIgnoresCase tells this machine's file system as it is, and leaves nothing behind", async () => {
  const dir = await mkdtemp(path.join(tmpdir(), "akhbar-case-"));
  try {
    const ignoresCase = fileSystemIgnoresCase(path.join(dir, "not", "yet", "made"));
    // Linux file systems (where CI runs) tell «a» from «A»; macOS and Windows by default do not.
    assert.equal(ignoresCase, process.platform !== "linux");
    assert.deepEqual(await readdir(dir), []);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
