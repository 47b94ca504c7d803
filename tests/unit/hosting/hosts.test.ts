/**
 * Unit tests for src/hosting/hosts.ts: AKHBAR_HOST read and refused with its message
 * (src/eleventy/build.ts `hostSetting`), the table of hosts (what each gets written, the limits their
 * pages document), the check of a site's figures against a host's limits (under, at and over each),
 * and its message (src/messages/hosting.ts).
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { DEFAULT_HOST, exceededLimits, HOST_NAMES, HOSTS, hostNamed, type HostProfile, type LimitKind, type SiteFigures } from "../../../src/hosting/hosts.js";
import { hostSetting } from "../../../src/eleventy/build.js";
import { SettingError } from "../../../src/content/setting-error.js";
import { hostLimitsExceeded } from "../../../src/messages/hosting.js";

test("AKHBAR_HOST names a host, letter case and spaces aside; unset or empty is the portable output", () => {
  const cases: Array<[string | undefined, string | undefined]> = [
    [undefined, "portable"],
    ["", "portable"],
    ["  ", "portable"],
    ["nginx", "nginx"],
    [" S3 ", "s3"],
    ["Netlify", "netlify"],
    ["cloudflare-pages", "cloudflare-pages"],
    ["github-pages", "github-pages"],
    ["GITLAB-PAGES", "gitlab-pages"],
    ["github", undefined],
    ["apache", undefined],
    ["cloudflare pages", undefined],
  ];
  for (const [value, name] of cases) assert.equal(hostNamed(value)?.name, name, String(value));
  assert.equal(DEFAULT_HOST, HOSTS.portable);
});

test("an AKHBAR_HOST that names no host stops the build with a message that lists the hosts, in Persian and English", () => {
  assert.equal(hostSetting({}).name, "portable");
  assert.equal(hostSetting({ AKHBAR_HOST: "nginx" }).name, "nginx");
  assert.throws(
    () => hostSetting({ AKHBAR_HOST: "apache" }),
    (error: unknown) => {
      assert.ok(error instanceof SettingError);
      assert.equal(
        error.text.fa,
        "AKHBAR_HOST=apache میزبانی نیست که ساخت بشناسد. یکی از این‌ها را بنویسید: portable، nginx، s3، netlify، cloudflare-pages، github-pages، gitlab-pages (بی آن: portable، که روی هر میزبانی کار می‌کند؛ docs/deploy.md را ببینید).",
      );
      assert.equal(
        error.text.en,
        "AKHBAR_HOST=apache is no host the build knows. Write one of: portable, nginx, s3, netlify, cloudflare-pages, github-pages, gitlab-pages (unset: portable, which works on any host; see docs/deploy.md)",
      );
      return true;
    },
  );
});

test("the table: every host once, named as the setting names it, with a label in both languages", () => {
  assert.deepEqual(Object.keys(HOSTS).sort(), [...HOST_NAMES].sort());
  for (const name of HOST_NAMES) {
    const host = HOSTS[name];
    assert.equal(host.name, name);
    assert.notEqual(host.label.fa.trim(), "", name);
    assert.notEqual(host.label.en.trim(), "", name);
    // A host sent to `_redirects` for its redirects gets the file.
    if (host.redirects === "redirects-file") assert.equal(host.redirectsFile, true, name);
    for (const [limit, value] of Object.entries(host.limits)) {
      if (typeof value === "number") assert.ok(Number.isInteger(value) && value > 0, `${name}: ${limit}`);
    }
  }
});

test("the table: what each host gets written", () => {
  const written = Object.fromEntries(HOST_NAMES.map((name) => [name, [HOSTS[name].redirects, HOSTS[name].redirectsFile, HOSTS[name].headersFile]]));
  assert.deepEqual(written, {
    // Today's output: redirect pages, _redirects and _headers, for any host.
    portable: ["pages", true, true],
    nginx: ["nginx-map", false, false],
    s3: ["pages", false, false],
    netlify: ["redirects-file", true, true],
    "cloudflare-pages": ["redirects-file", true, true],
    "github-pages": ["pages", false, false],
    "gitlab-pages": ["redirects-file", true, false],
  });
});

test("the table: the limits the hosts' pages document, and none where they document none", () => {
  assert.deepEqual(HOSTS.portable.limits, {});
  assert.deepEqual(HOSTS.nginx.limits, {});
  assert.deepEqual(HOSTS.s3.limits, { fileBytes: 5 * 1024 ** 3 });
  assert.deepEqual(HOSTS.netlify.limits, { fileBytes: 10_000_000 });
  assert.deepEqual(HOSTS["cloudflare-pages"].limits, { files: 20_000, fileBytes: 25 * 1024 ** 2, redirectRules: { static: 2_000, dynamic: 100 }, headerRules: 100 });
  assert.deepEqual(HOSTS["github-pages"].limits, { siteBytes: 1_000_000_000, deployMinutes: 10, fileBytes: 100 * 1024 ** 2 });
  assert.deepEqual(HOSTS["gitlab-pages"].limits, { siteBytes: 1_000_000_000, files: 200_000, filesCountFolders: true, redirectRules: { total: 1_000 }, redirectsFileBytes: 65_536 });
});

/** A host whose every limit is 100 (the rules of `_redirects` all together: 150), for the table below. */
const hundred = (countsFolders = false): HostProfile => ({
  ...HOSTS.portable,
  name: "github-pages",
  limits: {
    siteBytes: 100,
    files: 100,
    ...(countsFolders ? { filesCountFolders: true } : {}),
    fileBytes: 100,
    redirectRules: { static: 100, dynamic: 100, total: 150 },
    redirectsFileBytes: 100,
    headerRules: 100,
  },
});

/** A site within every limit of `hundred`. */
const small: SiteFigures = { files: 10, folders: 10, bytes: 10, largest: { file: "/index.html", bytes: 10 }, redirectRules: { static: 2, dynamic: 2 }, redirectsFileBytes: 10, headerRules: 10 };

test("exceededLimits: each limit, under it, at it and over it (over only is exceeded)", () => {
  const rows: Array<[LimitKind, (figure: number) => SiteFigures, string?]> = [
    ["site bytes", (figure) => ({ ...small, bytes: figure })],
    ["files", (figure) => ({ ...small, files: figure })],
    ["file bytes", (figure) => ({ ...small, largest: { file: "/img/big.webp", bytes: figure } }), "/img/big.webp"],
    ["static redirect rules", (figure) => ({ ...small, redirectRules: { static: figure, dynamic: 0 } })],
    ["dynamic redirect rules", (figure) => ({ ...small, redirectRules: { static: 0, dynamic: figure } })],
    ["redirects file bytes", (figure) => ({ ...small, redirectsFileBytes: figure })],
    ["header rules", (figure) => ({ ...small, headerRules: figure })],
  ];
  for (const [limit, figures, file] of rows) {
    assert.deepEqual(exceededLimits(hundred(), figures(99)), [], `${limit}: under`);
    assert.deepEqual(exceededLimits(hundred(), figures(100)), [], `${limit}: at`);
    assert.deepEqual(exceededLimits(hundred(), figures(101)), [{ limit, allowed: 100, actual: 101, ...(file ? { file } : {}) }], `${limit}: over`);
  }
  // The rules all together: 100 + 50 is at the total, 100 + 51 over it.
  assert.deepEqual(exceededLimits(hundred(), { ...small, redirectRules: { static: 100, dynamic: 50 } }), []);
  assert.deepEqual(exceededLimits(hundred(), { ...small, redirectRules: { static: 100, dynamic: 51 } }), [{ limit: "redirect rules", allowed: 150, actual: 151 }]);
  // A host that counts folders among its files: 60 files and 40 folders are at its limit, 41 over it.
  assert.deepEqual(exceededLimits(hundred(true), { ...small, files: 60, folders: 40 }), []);
  assert.deepEqual(exceededLimits(hundred(true), { ...small, files: 60, folders: 41 }), [{ limit: "files and folders", allowed: 100, actual: 101 }]);
  assert.deepEqual(exceededLimits(hundred(), { ...small, files: 60, folders: 41 }), [], "folders are not files to another host");
});

test("exceededLimits: a rule file the build did not write, and a site without files, are within every limit; several limits gone past are all given", () => {
  assert.deepEqual(exceededLimits(hundred(), { files: 0, folders: 0, bytes: 0 }), []);
  assert.deepEqual(
    exceededLimits(hundred(), { ...small, files: 500, bytes: 900 }).map(({ limit }) => limit),
    ["site bytes", "files"],
  );
  // The portable output and nginx check nothing: a site of any size.
  const huge: SiteFigures = { files: 10_000_000, folders: 10_000_000, bytes: 1e13, largest: { file: "/x", bytes: 1e11 }, redirectRules: { static: 1e6, dynamic: 2 }, headerRules: 1e4 };
  assert.deepEqual(exceededLimits(HOSTS.portable, huge), []);
  assert.deepEqual(exceededLimits(HOSTS.nginx, huge), []);
  assert.deepEqual(exceededLimits(HOSTS.s3, huge), [{ limit: "file bytes", allowed: 5 * 1024 ** 3, actual: 1e11, file: "/x" }]);
});

test("the message of a site more than its host takes: the host, each limit with the host's figure and the site's, and what to do", () => {
  const message = hostLimitsExceeded("AKHBAR_HOST", "github-pages", HOSTS["github-pages"].label, [
    { limit: "site bytes", allowed: 1_000_000_000, actual: 1_234_000_000 },
    { limit: "file bytes", allowed: 104_857_600, actual: 150_000_000, file: "/images/film.mp4" },
  ]);
  assert.equal(
    message.fa,
    [
      "این سایت بیش از آن است که میزبان «GitHub Pages» (AKHBAR_HOST=github-pages) بپذیرد، پس منتشر نشد:",
      "- حجم سایت ۱٫۲ گیگابایت است؛ این میزبان دست بالا ۱ گیگابایت می‌پذیرد.",
      "- بزرگ‌ترین فایل سایت، /images/film.mp4، ۱۵۰ مگابایت است؛ این میزبان فایلی بزرگ‌تر از ۱۰۴٫۹ مگابایت نمی‌پذیرد.",
      "میزبان دیگری برگزینید: سرور خودتان با nginx (AKHBAR_HOST=nginx) و فضای ذخیره‌سازی سازگار با S3 (AKHBAR_HOST=s3) سایتی به هر اندازه را می‌پذیرند؛ docs/deploy.md را ببینید.",
    ].join("\n"),
  );
  assert.equal(
    message.en,
    [
      "The site is more than GitHub Pages (AKHBAR_HOST=github-pages) takes, so nothing was published:",
      "- the site is 1.2 GB; the host takes at most 1 GB",
      "- the site's largest file, /images/film.mp4, is 150 MB; the host takes no file over 104.9 MB",
      "Choose another host: your own server with nginx (AKHBAR_HOST=nginx) and S3-compatible object storage (AKHBAR_HOST=s3) take a site of any size; see docs/deploy.md.",
    ].join("\n"),
  );
  // Every kind of limit has its line in both languages.
  const kinds: LimitKind[] = ["site bytes", "files", "files and folders", "file bytes", "redirect rules", "static redirect rules", "dynamic redirect rules", "redirects file bytes", "header rules"];
  for (const limit of kinds) {
    const { fa, en } = hostLimitsExceeded("AKHBAR_HOST", "x", { fa: "x", en: "x" }, [{ limit, allowed: 1, actual: 2, file: "/f" }]);
    assert.match(fa.split("\n")[1]!, /^- .*[\u0600-\u06FF].*۲/, limit);
    assert.match(en.split("\n")[1]!, /^- [^\u0600-\u06FF]*2/, limit);
  }
});
