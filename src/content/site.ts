/**
 * Site metadata: the one place layouts, feeds and sitemaps read the site's name, address
 * and publisher from. A deployment sets SITE_URL to its own address; a site served below a
 * folder of its host (GitHub Pages: https://user.github.io/akhbar) says so in the same
 * setting, and every link, asset, feed, sitemap and the search follow it (docs/deploy.md).
 */
import { toLatinDigits } from "../persian/letters.js";
import { SettingError } from "./setting-error.js";

export interface SiteMetadata {
  /** Absolute base URL, without a trailing slash; with the path prefix when there is one. */
  url: string;
  /** The path the site is served under, from SITE_URL: `/`, or `/akhbar/` (with both slashes). */
  pathPrefix: string;
  name: { fa: string; en: string };
  description: { fa: string; en: string };
  publisher: { fa: string; en: string };
  /** The publisher's logo (root-relative or https://), for feeds and JSON-LD; none yet. */
  logo?: string;
}

export function siteMetadata(env: NodeJS.ProcessEnv = process.env): SiteMetadata {
  const url = siteUrlSetting(env.SITE_URL);
  return {
    url,
    pathPrefix: pathPrefixOf(url),
    name: { fa: "آرشیو خبرهای استانداری تهران", en: "Tehran Governorate News Archive" },
    description: {
      fa: "خبرها و اطلاعیه‌های روابط‌عمومی استانداری تهران و شهرستان‌های استان",
      en: "News releases of the Tehran Governorate public-relations office",
    },
    publisher: { fa: "روابط‌عمومی استانداری تهران", en: "Tehran Governorate Public Relations" },
  };
}

/** SITE_URL, checked: an absolute http(s) address without query or fragment, trailing slashes dropped. */
function siteUrlSetting(setting: string | undefined): string {
  const value = setting?.trim() || "https://news.example.org";
  const url = URL.canParse(value) ? new URL(value) : undefined;
  if (!url || !/^https?:$/.test(url.protocol) || url.search || url.hash || url.username || url.password) {
    throw new SettingError(
      `SITE_URL must be the site's public address, such as https://news.example.org or https://user.github.io/akhbar (no query, no #), not "${value}"`,
    );
  }
  return url.href.replace(/\/+$/, "");
}

/** The path part of the site's address, as Eleventy's pathPrefix wants it: `/` or `/a/b/`. */
export function pathPrefixOf(siteUrl: string): string {
  const pathname = new URL(siteUrl).pathname.replace(/\/+$/, "");
  return `${pathname}/`;
}

/** A root-relative address of the site (`/news/1/`) as the host serves it, under the path prefix. */
export function withPathPrefix(pathPrefix: string, url: string): string {
  return `${pathPrefix.replace(/\/$/, "")}${url.startsWith("/") ? "" : "/"}${url}`;
}

export const FIRST_YEAR_VARIABLE = "AKHBAR_FIRST_YEAR";

/**
 * The Jalali year of the archive's oldest releases: a release dated before it is most likely a
 * typo, and `npm run check` and the build warn of it. AKHBAR_FIRST_YEAR sets it (Latin or Persian
 * digits); the default, 1370 (1991), is before any release of the governorate's site.
 */
export function firstArchiveYear(env: NodeJS.ProcessEnv = process.env): number {
  const setting = env[FIRST_YEAR_VARIABLE]?.trim();
  if (setting === undefined || setting === "") return 1370;
  const year = Number(toLatinDigits(setting));
  if (!/^[0-9۰-۹]{4}$/.test(setting) || year < 1300 || year >= 1500) {
    throw new SettingError(`${FIRST_YEAR_VARIABLE} must be a Jalali year such as 1370 (the archive's first year), not "${setting}"`);
  }
  return year;
}
