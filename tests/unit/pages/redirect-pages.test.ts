/** Unit tests for src/pages/redirect-pages.ts: which old addresses lead where, the _redirects file and its rules, and the nginx map. */
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import * as cheerio from "cheerio";
import { newestFirst } from "../../../src/content/release.js";
import { countRedirectRules, fileSystemIgnoresCase, planRedirects, renderNginxMap, renderRedirectsFile, sourceLegacyPath } from "../../../src/pages/redirect-pages.js";
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

test("countRedirectRules: rules without placeholders are static, those with a placeholder or a splat dynamic; comments and blank lines are none", () => {
  assert.deepEqual(countRedirectRules(renderRedirectsFile(planRedirects(releases))), { static: 6, dynamic: 2 });
  assert.deepEqual(countRedirectRules("# a comment\n\n/a /b 301\n  /c/* /d/:splat 301\n/e/:x /f/:x\n"), { static: 1, dynamic: 2 });
  assert.deepEqual(countRedirectRules(""), { static: 0, dynamic: 0 });
});

/** A map file's entries as nginx reads them: each quoted string unescaped (`\"` and `\\`). */
function readNginxMap(text: string): Array<[key: string, value: string]> {
  const unquote = (quoted: string) => quoted.slice(1, -1).replace(/\\(["\\])/g, "$1");
  return text
    .split("\n")
    .filter((line) => line !== "" && !line.startsWith("#"))
    .map((line) => {
      const match = /^("(?:[^"\\]|\\.)*") ("(?:[^"\\]|\\.)*");$/.exec(line);
      assert.ok(match, `not an entry of a map: ${line}`);
      return [unquote(match[1]!), unquote(match[2]!)];
    });
}

/**
 * Where nginx's map sends `uri` ($uri: decoded): an exact string first, compared ignoring ASCII
 * letter case, then the first regular expression that matches (`~`: case-sensitive), its `$1` filled.
 */
function resolveNginxMap(entries: ReadonlyArray<[string, string]>, uri: string): string | undefined {
  const fold = (text: string) => text.replace(/[A-Z]/g, (letter) => letter.toLowerCase());
  const exact = entries.find(([key]) => !key.startsWith("~") && fold(key) === fold(uri));
  if (exact) return exact[1];
  for (const [key, value] of entries) {
    if (!key.startsWith("~")) continue;
    const match = new RegExp(key.slice(1)).exec(uri);
    if (match) return value.replace(/\$(\d)/g, (_, group: string) => match[Number(group)] ?? "");
  }
  return undefined;
}

test("the nginx map: each exception once (nginx compares strings ignoring letter case), then one case-sensitive expression for /News/<id>/; every address resolves where planned", () => {
  const redirects = planRedirects(releases);
  const text = renderNginxMap(redirects);
  assert.ok(text.startsWith("# "), "a comment first: it says what the file is");
  assert.deepEqual(readNginxMap(text), [
    ["/News/20/", "/en/news/20/"],
    ["/News/20", "/en/news/20/"],
    // /news/20/ and /news/20 are the same strings to nginx: not written again (nginx refuses a map with a string twice).
    ["/News/500/", "/news/12/"],
    ["/News/500", "/news/12/"],
    ["~^/News/([0-9]+)/?$", "/news/$1/"],
  ]);
  const entries = readNginxMap(text);
  for (const { from, to } of redirects) for (const form of [from, from.slice(0, -1)]) assert.equal(resolveNginxMap(entries, form), to, form);
  // A release's own page, and what is no old address, are not sent anywhere.
  for (const uri of ["/news/13/", "/news/13", "/News/13/x/", "/News/x/", "/en/news/20/"]) assert.equal(resolveNginxMap(entries, uri), undefined, uri);
});

test("the nginx map under a path prefix: entries decoded as nginx's $uri is, targets encoded; a prefix's $, quotes and regular-expression characters written safely", () => {
  const redirects = planRedirects(releases);
  // SITE_URL=https://example.org/اخبار: the prefix is percent-encoded (src/content/site.ts).
  const persian = "/%D8%A7%D8%AE%D8%A8%D8%A7%D8%B1/";
  const entries = readNginxMap(renderNginxMap(redirects, persian));
  assert.deepEqual(entries[0], ["/اخبار/News/20/", `${persian}en/news/20/`]);
  assert.deepEqual(entries.at(-1), ["~^/اخبار/News/([0-9]+)/?$", `${persian}news/$1/`]);
  for (const { from, to } of redirects) assert.equal(resolveNginxMap(entries, `/اخبار${from}`), `${persian.slice(0, -1)}${to}`, from);
  assert.equal(resolveNginxMap(entries, "/News/13/"), undefined, "outside the prefix");

  // A prefix nginx would misread if written as it is: `$` starts a variable in a value, `.` is any character in an expression.
  const odd = `/a.b$c"d/`;
  const text = renderNginxMap(redirects, odd);
  // In the file each backslash is doubled and each quote escaped: nginx reads `\\.` as `\.`.
  assert.ok(text.includes(String.raw`"~^/a\\.b\\$c\"d/News/([0-9]+)/?$" "/a.b%24c\"d/news/$1/";`), text);
  const oddEntries = readNginxMap(text);
  assert.equal(resolveNginxMap(oddEntries, `/a.b$c"d/News/13/`), `/a.b%24c"d/news/13/`);
  assert.equal(resolveNginxMap(oddEntries, `/aXb$c"d/News/13/`), undefined, "the dot is a dot");
  assert.equal(resolveNginxMap(oddEntries, `/a.b$c"d/News/20`), `/a.b%24c"d/en/news/20/`);
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
