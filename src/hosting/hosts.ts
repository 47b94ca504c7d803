/**
 * The hosts a site is built for (AKHBAR_HOST), in one table: what the build writes for each (how old
 * addresses are sent on, which of the host's rule files), and what each can carry, each limit with
 * the page that documents it. The build reads the setting once (src/eleventy/build.ts), hands the
 * profile to its steps through the build's context (src/context/context.ts `host`), and, before
 * anything is published, checks the site's figures against the profile's limits (`exceededLimits`):
 * an operator learns that a host cannot take the site from the build, not from the first deploy.
 *
 * A limit no page documents is left out, and its comment says so: a number guessed here would
 * either refuse a site the host takes or pass one it refuses.
 */
import type { ExceededLimit, LimitKind } from "../messages/hosting.js";
import type { Message } from "../messages/messages.js";
import type { SiteTotals } from "../output/publish.js";

export const HOST_VARIABLE = "AKHBAR_HOST";

export const HOST_NAMES = ["portable", "nginx", "s3", "netlify", "cloudflare-pages", "github-pages", "gitlab-pages"] as const;
export type HostName = (typeof HOST_NAMES)[number];

/**
 * How the host sends an old address (/News/<id>/) to the release:
 * - `pages`: a page at each address that sends the browser on (meta refresh: src/pages/redirect-pages.ts),
 *   which any host serves; ~150,000 small files at 150,000 releases;
 * - `redirects-file`: the host's `_redirects` rules, a real 301 (one placeholder rule for the common case);
 * - `nginx-map`: a map file the server's configuration includes (NGINX_MAP_FILE), a real 301.
 */
export type RedirectForm = "pages" | "redirects-file" | "nginx-map";

/** The nginx map of old addresses, in the site's root: docs/ci-examples/nginx.conf includes it. */
export const NGINX_MAP_FILE = "/.nginx-redirects.map";

const KB = 1000;
const MB = 1000 * KB;
/** A "GB" a host's page gives without saying 10⁹ or 2³⁰ bytes is taken as the smaller, 10⁹: a site the check passes is then under the limit either way. */
const GB = 1000 * MB;
const MiB = 1024 * 1024;
const GiB = 1024 * MiB;

/** What a host takes; a limit left out is not one it documents (or it has none). */
export interface HostLimits {
  /** Bytes of all the site's files together. */
  siteBytes?: number;
  /** Files of the site. */
  files?: number;
  /** The host counts folders among its files (GitLab Pages: "file entries, including directories"). */
  filesCountFolders?: boolean;
  /** Bytes of any one file. */
  fileBytes?: number;
  /** How long one deploy may take. Not checked by the build (it is known only while deploying): for docs/deploy.md and the operator. */
  deployMinutes?: number;
  /** Rules of `_redirects`: without placeholders (`static`), with them (`dynamic`), or all of them (`total`). */
  redirectRules?: { static?: number; dynamic?: number; total?: number };
  /** Bytes of the `_redirects` file itself. */
  redirectsFileBytes?: number;
  /** Rules of `_headers` (a path and its headers). */
  headerRules?: number;
}

export interface HostProfile {
  name: HostName;
  /** The host's name as the operator knows it, in both languages. */
  label: Message;
  /** How old addresses are sent on (`RedirectForm`). */
  redirects: RedirectForm;
  /** The build writes `_redirects` (Netlify's form, which Cloudflare Pages and GitLab Pages read too). */
  redirectsFile: boolean;
  /** The build writes `_headers` (caching and security headers: src/build/host-headers.ts). */
  headersFile: boolean;
  limits: HostLimits;
}

export const HOSTS: Readonly<Record<HostName, HostProfile>> = {
  // Today's output, for any host or when unsure: redirect pages, which every host serves, and both
  // rule files for the hosts that read them. It checks no limit: the host is not known.
  portable: {
    name: "portable",
    label: { fa: "قابل‌حمل (هر میزبانی)", en: "portable (any host)" },
    redirects: "pages",
    redirectsFile: true,
    headersFile: true,
    limits: {},
  },
  // Your own server. nginx itself limits neither the site nor a file (https://nginx.org/en/docs/):
  // the disk does. The headers are in its configuration (docs/ci-examples/nginx.conf), and so is
  // the map of old addresses it includes from the site (NGINX_MAP_FILE).
  nginx: {
    name: "nginx",
    label: { fa: "سرور خودتان با nginx", en: "your own server with nginx" },
    redirects: "nginx-map",
    redirectsFile: false,
    headersFile: false,
    limits: {},
  },
  // S3-compatible object storage. Many such storages serve no website routing (no redirect rules,
  // no index documents by rule): a meta-refresh page works on all of them. Headers are set per
  // object at upload (src/deploy/), not by a file.
  s3: {
    name: "s3",
    label: { fa: "فضای ذخیره‌سازی سازگار با S3", en: "S3-compatible object storage" },
    redirects: "pages",
    redirectsFile: false,
    headersFile: false,
    limits: {
      // Amazon S3: one PUT uploads an object of up to 5 GB; a larger one needs a multipart upload
      // (https://docs.aws.amazon.com/AmazonS3/latest/userguide/upload-objects.html). S3's own "GB" here is 2³⁰-based (StorageGRID, which follows it, gives 5 GiB = 5,368,709,120
      // bytes: https://docs.netapp.com/us-en/storagegrid-119/s3/put-object.html). A bucket holds any
      // number of objects of any total size (https://docs.aws.amazon.com/AmazonS3/latest/userguide/BucketRestrictions.html);
      // other S3-compatible storages document their own limits, if any.
      fileBytes: 5 * GiB,
    },
  },
  netlify: {
    name: "netlify",
    label: { fa: "Netlify", en: "Netlify" },
    redirects: "redirects-file",
    redirectsFile: true,
    headersFile: true,
    limits: {
      // "While Netlify doesn't have a limit on the number of files per deploy, we do have a limit of
      // 54,000 files per directory" (https://docs.netlify.com/site-deploys/overview/#files-per-directory-limit).
      // That per-folder limit is not checked. Read as written (files), the site's fullest folder is a
      // search shard's fragment/ (one file per release of the shard, src/search/shards.ts), far under
      // it. The page does not say whether subfolders count: if they do, /news/ (a folder per release)
      // passes it at 54,000 releases, which only a deploy would tell.
      // One file: Netlify recommends at most 10 MB, a larger one may fail to upload to its CDN
      // (https://docs.netlify.com/configure-builds/troubleshooting-tips/#large-files-or-sites): a
      // recommendation, checked as a limit, since a failed upload is what the check is for.
      fileBytes: 10 * MB,
      // Not documented: a total site size, a deploy time for a deploy from the CLI or API, or a
      // number of `_redirects` or `_headers` rules.
    },
  },
  "cloudflare-pages": {
    name: "cloudflare-pages",
    label: { fa: "Cloudflare Pages", en: "Cloudflare Pages" },
    redirects: "redirects-file",
    redirectsFile: true,
    headersFile: true,
    limits: {
      // 20,000 files per site on the Free plan; paid plans may have 100,000 (with
      // PAGES_WRANGLER_MAJOR_VERSION=4): https://developers.cloudflare.com/pages/platform/limits/#files
      // and https://developers.cloudflare.com/changelog/post/2026-01-23-pages-file-limit-increase/.
      // The Free plan's is checked: a paid plan's site between the two is refused here (use
      // `portable`, which checks no limit, and writes both rule files too).
      files: 20_000,
      // One file: at most 25 MiB (same page, #file-size).
      fileBytes: 25 * MiB,
      // "A project is limited to 2,000 static redirects and 100 dynamic redirects"
      // (https://developers.cloudflare.com/pages/configuration/redirects/#per-file).
      redirectRules: { static: 2_000, dynamic: 100 },
      // `_headers`: at most 100 rules (https://developers.cloudflare.com/pages/configuration/headers/;
      // the same as Workers' static assets: https://developers.cloudflare.com/workers/static-assets/billing-and-limitations/).
      headerRules: 100,
      // Not documented: a total site size; a time limit for a direct upload (the build time limit of
      // https://developers.cloudflare.com/pages/platform/limits/ is for builds Cloudflare runs, and
      // this site is built before it is uploaded).
    },
  },
  "github-pages": {
    name: "github-pages",
    label: { fa: "GitHub Pages", en: "GitHub Pages" },
    redirects: "pages",
    redirectsFile: false,
    headersFile: false,
    limits: {
      // "Published GitHub Pages sites may be no larger than 1 GB"; "GitHub Pages deployments will
      // timeout if they take longer than 10 minutes"
      // (https://docs.github.com/en/pages/getting-started-with-github-pages/github-pages-limits).
      siteBytes: 1 * GB,
      deployMinutes: 10,
      // One file: GitHub refuses a file larger than 100 MiB in a repository, which a site published
      // from a branch is (https://docs.github.com/en/repositories/working-with-files/managing-large-files/about-large-files-on-github).
      fileBytes: 100 * MiB,
      // Not documented: a number of files.
    },
  },
  "gitlab-pages": {
    name: "gitlab-pages",
    label: { fa: "GitLab Pages (gitlab.com)", en: "GitLab Pages (gitlab.com)" },
    // GitLab Pages reads Netlify's `_redirects`, placeholders included, and no `_headers`
    // (https://docs.gitlab.com/user/project/pages/redirects/).
    redirects: "redirects-file",
    redirectsFile: true,
    headersFile: false,
    limits: {
      // gitlab.com: a Pages site of at most 1 GB, and at most 200,000 files per Pages website
      // (https://docs.gitlab.com/user/gitlab_com/#gitlab-pages), where "the total number of file
      // entries (including directories and symlinks)" counts (https://gitlab.com/gitlab-org/gitlab/-/issues/500273).
      siteBytes: 1 * GB,
      files: 200_000,
      filesCountFolders: true,
      // `_redirects`: by default at most 1,000 rules and 65,536 bytes; beyond 1,000 rules none of
      // them is applied (https://docs.gitlab.com/user/project/pages/redirects/#create-redirects,
      // https://gitlab.com/gitlab-org/gitlab-pages/-/merge_requests/551).
      redirectRules: { total: 1_000 },
      redirectsFileBytes: 64 * 1024,
      // Not documented: the bytes of one file (beyond the site's), or a deploy time of Pages' own.
    },
  },
};

/** The profile when AKHBAR_HOST is not set: today's output, which any host serves. */
export const DEFAULT_HOST: HostProfile = HOSTS.portable;

/**
 * The profile AKHBAR_HOST names (letter case and spaces aside; unset or empty: `portable`), or
 * undefined for a value that names none (the caller says so: src/messages/hosting.ts `hostInvalid`).
 */
export function hostNamed(value: string | undefined): HostProfile | undefined {
  const name = value?.trim().toLowerCase() ?? "";
  if (name === "") return DEFAULT_HOST;
  return (HOST_NAMES as readonly string[]).includes(name) ? HOSTS[name as HostName] : undefined;
}

/** The site's figures the limits are checked against: its totals from the publication's manifest, and its rule files' rules. */
export interface SiteFigures extends SiteTotals {
  /** The rules of the `_redirects` the build wrote: without placeholders and with them. Undefined when it wrote none. */
  redirectRules?: { static: number; dynamic: number };
  /** The bytes of that `_redirects`. */
  redirectsFileBytes?: number;
  /** The rules of the `_headers` the build wrote; undefined when it wrote none. */
  headerRules?: number;
}

// What a host limits and a limit gone past are the message catalogue's types: it says them in words.
export type { ExceededLimit, LimitKind };

/** Every limit of `host` that the site's `figures` go past; a figure at the limit is within it. */
export function exceededLimits(host: HostProfile, figures: SiteFigures): ExceededLimit[] {
  const { limits } = host;
  const exceeded: ExceededLimit[] = [];
  const check = (limit: LimitKind, allowed: number | undefined, actual: number | undefined, file?: string) => {
    if (allowed !== undefined && actual !== undefined && actual > allowed) exceeded.push({ limit, allowed, actual, ...(file === undefined ? {} : { file }) });
  };
  check("site bytes", limits.siteBytes, figures.bytes);
  if (limits.filesCountFolders) check("files and folders", limits.files, figures.files + figures.folders);
  else check("files", limits.files, figures.files);
  check("file bytes", limits.fileBytes, figures.largest?.bytes, figures.largest?.file);
  const rules = figures.redirectRules;
  if (rules) {
    check("static redirect rules", limits.redirectRules?.static, rules.static);
    check("dynamic redirect rules", limits.redirectRules?.dynamic, rules.dynamic);
    check("redirect rules", limits.redirectRules?.total, rules.static + rules.dynamic);
  }
  check("redirects file bytes", limits.redirectsFileBytes, figures.redirectsFileBytes);
  check("header rules", limits.headerRules, figures.headerRules);
  return exceeded;
}
