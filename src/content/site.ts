/**
 * Site metadata: the one place layouts, feeds and sitemaps read the site's name, address
 * and publisher from. A deployment sets SITE_URL to its own address; a site served below a
 * folder of its host (GitHub Pages: https://user.github.io/akhbar) says so in the same
 * setting, and every link, asset, feed, sitemap and the search follow it (docs/deploy.md).
 *
 * What editors set is in the content folder, in `site.yml` (`readSiteSettings`): the site's name,
 * description, publisher and footer in Persian and English, contact details, the logo, social
 * accounts and links added to the menu. The file is optional: without it, or for a field it
 * leaves out, the defaults of `siteMetadata`. It is read once per build, by the build's first
 * step (src/build/state.ts), so that the dev server picks up a change of it; SITE_URL stays a
 * deployment's setting, from the environment.
 */
import { lstatSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import yaml from "js-yaml";
import { z } from "zod";
import { toLatinDigits } from "../persian/letters.js";
import type { Message } from "../messages/messages.js";
import { logoMissing, logoNotInImages, logoNotPicture, SETTINGS_NOT_FIELDS, settingsNotYaml, siteFieldText } from "../messages/site.js";
import { contentFileKind, IMAGES_FOLDER, resolveContentAddress, SETTINGS_FILE } from "./content-files.js";
import { fieldIssues } from "./field-issues.js";
import { inputPathKey, type ContentProblem } from "./release.js";
import { LANGUAGES, type Language } from "./schema.js";
import { SettingError } from "./setting-error.js";
import { firstYearInvalid, siteUrlInvalid } from "../messages/settings.js";
import { decodeReleaseText } from "./text.js";
import { lineOfPath } from "./yaml-lines.js";

export interface SiteMetadata {
  /** Absolute base URL, without a trailing slash; with the path prefix when there is one. */
  url: string;
  /** The path the site is served under, from SITE_URL: `/`, or `/akhbar/` (with both slashes). */
  pathPrefix: string;
  name: Bilingual;
  description: Bilingual;
  /** Who publishes: the JSON-LD publisher's name. */
  publisher: Bilingual;
  /** The footer's text of every page (default: the publisher). */
  footer: Bilingual;
  contact: SiteContact;
  /** The logo (a picture of content/images/): shown in the header, the sharing picture of releases without one, the JSON-LD publisher's logo. */
  logo?: SiteLogo;
  /** The site's accounts, shown in the footer, in SOCIAL_NETWORKS's order. */
  social: SocialLink[];
  /**
   * The links the menu adds to the site's sections: the pages of content/pages/ with `menu:`, in
   * their order, then the links of site.yml's `menu:` (src/content/content-page.ts `siteMenu`).
   */
  menu: MenuLink[];
}

/**
 * The git service the browser's editor (/admin/, Decap CMS) commits to (docs/cms.md). `local` is
 * the local backend alone: `npm start` with AKHBAR_CMS_LOCAL=1, writing into the working tree.
 */
export const CMS_BACKENDS = ["local", "gitlab", "gitea", "forgejo", "github"] as const;
export type CmsBackend = (typeof CMS_BACKENDS)[number];

export interface CmsSettings {
  backend: CmsBackend;
  /** `owner/name` of the repository on the git service. */
  repo?: string;
  /** The branch releases are committed to (Decap's default: main). */
  branch?: string;
  /** The git service's address, for a self-hosted one: https://git.example.ir */
  base_url?: string;
  /** Its API, when not the service's usual one (GitLab: <base_url>/api/v4; Gitea: <base_url>/api/v1). */
  api_root?: string;
  /** The OAuth application's id (GitLab: PKCE; Gitea: its client id). */
  app_id?: string;
  /** Draft → review → publish as a merge request (GitLab and GitHub). */
  editorial_workflow?: boolean;
}

/** A text in the site's two languages. */
export interface Bilingual {
  fa: string;
  en: string;
}

export interface SiteContact {
  phone?: string;
  email?: string;
  /** The postal address. */
  address?: string;
}

export interface SiteLogo {
  /** Root-relative: `/images/logo.png`. */
  url: string;
  width: number;
  height: number;
  /**
   * A drawing's (SVG's) raster stand-in for sharing previews, which ignore SVG: a PNG made by the
   * picture pipeline (src/render/images.ts `sharingPicture`) when the build opens it, named by the
   * drawing's content, so that it keys every page with the settings. Absent for a raster logo.
   */
  sharing?: { url: string; width: number; height: number };
}

export const SOCIAL_NETWORKS = ["telegram", "instagram", "x", "aparat", "eitaa", "bale"] as const;
export type SocialNetwork = (typeof SOCIAL_NETWORKS)[number];

export interface SocialLink {
  network: SocialNetwork;
  /** An https:// address. */
  url: string;
}

/** A link of the site's menu, shown in the menu of the pages in its language. */
export interface MenuLink {
  title: string;
  /** Root-relative (`/about/`) or https://. */
  url: string;
  lang: Language;
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
    footer: { fa: "روابط‌عمومی استانداری تهران", en: "Tehran Governorate Public Relations" },
    contact: {},
    social: [],
    menu: [],
  };
}

/** SITE_URL, checked: an absolute http(s) address without query or fragment, trailing slashes dropped. */
function siteUrlSetting(setting: string | undefined): string {
  const value = setting?.trim() || "https://news.example.org";
  const url = URL.canParse(value) ? new URL(value) : undefined;
  if (!url || !/^https?:$/.test(url.protocol) || url.search || url.hash || url.username || url.password) {
    throw new SettingError(siteUrlInvalid(value));
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
    throw new SettingError(firstYearInvalid(FIRST_YEAR_VARIABLE, setting));
  }
  return year;
}

const text = z.string().trim().min(1);
/** A text in both languages; the English one, when left out, is the Persian one. */
const bilingual = z.strictObject({ fa: text, en: text.optional() });
const httpsAddress = text.refine((value) => /^https:\/\/[^\s/]+\.[^\s]+$/i.test(value) && URL.canParse(value));
/** A menu link: an address of the site (`/about/`, not `//host/`), or a page elsewhere (https://). */
const menuAddress = text.refine((value) => /^\/(?!\/)\S*$/.test(value) || (/^https:\/\/[^\s/]+\.\S+$/i.test(value) && URL.canParse(value)));

const siteFields = z.strictObject({
  name: bilingual.optional(),
  description: bilingual.optional(),
  publisher: bilingual.optional(),
  footer: bilingual.optional(),
  contact: z
    .strictObject({
      phone: text.optional(),
      email: text.regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/).optional(),
      address: text.optional(),
    })
    .optional(),
  logo: text.optional(),
  social: z.strictObject(Object.fromEntries(SOCIAL_NETWORKS.map((network) => [network, httpsAddress.optional()])) as Record<SocialNetwork, z.ZodOptional<typeof httpsAddress>>).optional(),
  menu: z.array(z.strictObject({ title: text, url: menuAddress, lang: z.enum(LANGUAGES).optional() })).optional(),
  // The browser's editor (src/admin/): which git service it commits to.
  cms: z
    .strictObject({
      backend: z.enum(CMS_BACKENDS).optional(),
      repo: text.regex(/^[^\s/]+(?:\/[^\s/]+)+$/).optional(),
      branch: text.optional(),
      base_url: httpsAddress.optional(),
      api_root: httpsAddress.optional(),
      app_id: text.optional(),
      editorial_workflow: z.boolean().optional(),
    })
    .optional(),
});

type SiteFileFields = z.output<typeof siteFields>;

/** Every field of site.yml, by its path (`social.telegram`, `menu.url`): the one list, which the messages' table follows. */
export const SITE_FIELDS: readonly string[] = fieldPaths(siteFields);

/** The fields allowed directly under `field` ("" for the top). */
function allowedAt(field: string): readonly string[] {
  const prefix = field === "" ? "" : `${field}.`;
  return SITE_FIELDS.filter((name) => name.startsWith(prefix) && !name.slice(prefix.length).includes(".")).map((name) => name.slice(prefix.length));
}

/** The paths of an object schema's fields, nested objects' and list items' fields included. */
function fieldPaths(schema: z.ZodType, prefix = ""): string[] {
  let inner: z.ZodType = schema;
  while (inner instanceof z.ZodOptional || inner instanceof z.ZodArray) inner = (inner instanceof z.ZodOptional ? inner.unwrap() : inner.element) as z.ZodType;
  if (!(inner instanceof z.ZodObject)) return [];
  return Object.entries(inner.shape as Record<string, z.ZodType>).flatMap(([key, field]) => [`${prefix}${key}`, ...fieldPaths(field, `${prefix}${key}.`)]);
}

/** Measures a picture of the content folder (src/render/images.ts, which the content folder's code may not import): its size, or undefined when it is no picture. */
export type MeasurePicture = (file: string) => { width: number; height: number } | undefined;

/** The site's settings as content/site.yml sets them, over the defaults; and its problems, each on its line. */
export interface SiteSettings {
  site: SiteMetadata;
  /**
   * Where the browser's editor (/admin/, src/admin/) saves: site.yml's `cms:`; without it, the local
   * backend only. Kept beside the site, not in it: pages are keyed by the site's settings, and
   * none of them shows this.
   */
  cms: CmsSettings;
  problems: ContentProblem[];
}

/** The editor's backend without `cms:` in site.yml: the local one alone. */
export const LOCAL_CMS: CmsSettings = { backend: "local" };

/**
 * Reads and checks `<contentDir>/site.yml` over the defaults of `siteMetadata(env)`. Without the
 * file, the defaults. The logo must be a picture of content/images/; `measure` reads its size,
 * which the JSON-LD publisher's logo states. The site's menu is left to the pages (`menu` holds
 * site.yml's own links; src/content/content-page.ts `siteMenu` puts the pages before them).
 */
export async function readSiteSettings(contentDir: string, measure: MeasurePicture, env: NodeJS.ProcessEnv = process.env): Promise<SiteSettings> {
  const defaults = siteMetadata(env);
  const location = path.join(contentDir, SETTINGS_FILE);
  const file = inputPathKey(location);
  let bytes: Uint8Array;
  try {
    bytes = await readFile(location);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return { site: defaults, cms: LOCAL_CMS, problems: [] };
    throw error;
  }
  const problem = (line: number, field: string, message: Message): SiteSettings => ({ site: defaults, cms: LOCAL_CMS, problems: [{ file, line, field, message }] });
  const decoded = decodeReleaseText(bytes);
  if (decoded.text === undefined) return { site: defaults, cms: LOCAL_CMS, problems: [{ file, ...decoded.problem }] };
  const source = decoded.text.replace(/^\uFEFF/, "");
  let data: unknown;
  try {
    data = yaml.load(source, { schema: yaml.CORE_SCHEMA });
  } catch (error) {
    if (!(error instanceof yaml.YAMLException)) throw error;
    return problem((error.mark?.line ?? 0) + 1, "file", settingsNotYaml(error.reason));
  }
  if (data === null || data === undefined) return { site: defaults, cms: LOCAL_CMS, problems: [] };
  const result = siteFields.safeParse(data, { reportInput: true });
  const problems: ContentProblem[] = [];
  if (!result.success) {
    const issues = fieldIssues(result.error.issues, { fieldText: siteFieldText, allowedAt, notFields: SETTINGS_NOT_FIELDS, wholeField: "file" });
    problems.push(...issues.map((issue) => ({ file, line: lineOfPath(source, issue.path), field: issue.field, message: issue.message, label: issue.label })));
  }
  // The logo is checked even when another field is wrong: an editor fixes everything in one pass.
  const written = (data as { logo?: unknown }).logo;
  const logoValue = result.success ? result.data.logo : typeof written === "string" && !problems.some((one) => one.field === "logo") ? written.trim() : undefined;
  const logo = logoValue === undefined ? undefined : siteLogo(contentDir, logoValue, measure);
  if (logo && "message" in logo) problems.push({ file, line: lineOfPath(source, ["logo"]), field: "logo", message: logo.message, label: siteFieldText("logo").label });
  if (!result.success || problems.length > 0) return { site: defaults, cms: LOCAL_CMS, problems: problems.sort((a, b) => a.line - b.line) };
  const cms = result.data.cms ? { ...result.data.cms, backend: result.data.cms.backend ?? "local" } : LOCAL_CMS;
  return { site: settingsOver(defaults, result.data, logo as SiteLogo | undefined), cms, problems: [] };
}

/** The settings of site.yml over the defaults. */
function settingsOver(defaults: SiteMetadata, fields: SiteFileFields, logo: SiteLogo | undefined): SiteMetadata {
  const both = (text: { fa: string; en?: string | undefined } | undefined, fallback: Bilingual): Bilingual => (text ? { fa: text.fa, en: text.en ?? text.fa } : fallback);
  const publisher = both(fields.publisher, defaults.publisher);
  const { phone, email, address } = fields.contact ?? {};
  return {
    ...defaults,
    name: both(fields.name, defaults.name),
    description: both(fields.description, defaults.description),
    publisher,
    footer: both(fields.footer, publisher),
    contact: { ...(phone ? { phone } : {}), ...(email ? { email } : {}), ...(address ? { address } : {}) },
    ...(logo ? { logo } : {}),
    social: SOCIAL_NETWORKS.flatMap((network) => {
      const url = fields.social?.[network];
      return url ? [{ network, url }] : [];
    }),
    menu: (fields.menu ?? []).map((link) => ({ title: link.title, url: link.url, lang: link.lang ?? "fa" })),
  };
}

/** The logo at `value`, with its size; or why it cannot be the logo. */
function siteLogo(contentDir: string, value: string, measure: MeasurePicture): SiteLogo | { message: Message } {
  // Only a file inside content/images/ (no `..`, hidden names or links on the way: src/content/content-files.ts).
  if (!value.startsWith(`/${IMAGES_FOLDER}/`) || value.includes("/.")) return { message: logoNotInImages(value) };
  const resolved = resolveContentAddress(contentDir, value, "picture");
  if (!resolved.ok) {
    if (contentFileKind(value) !== "picture") return { message: logoNotPicture(value) };
    const exists = lstatSync(path.join(contentDir, ...value.split("/").filter(Boolean)), { throwIfNoEntry: false }) !== undefined;
    // There, but a link or a folder: not a picture the site publishes.
    return { message: exists ? logoNotPicture(value) : logoMissing(value) };
  }
  const size = measure(resolved.file);
  if (!size) return { message: logoNotPicture(resolved.address) };
  return { url: resolved.address, ...size };
}
