/**
 * The browser's editor's configuration (`/admin/config.yml`, Decap CMS), made at build time from
 * the project's own sources, never written by hand: the release fields, their order and which are
 * required come from the zod schema (src/content/schema.ts), their Persian labels and help texts from
 * the message catalogue (src/messages/fields.ts, src/messages/site.ts), the allowed values from the
 * data files (counties, release types, languages). A field added to the schema is in the form at the
 * next build, and a test fails until it has a label.
 *
 * Releases are one collection per Jalali year folder (`content/releases/1403/`): Decap lists a
 * folder collection by reading every file in it, so a collection of the whole archive (150,000
 * files) would be read on every visit; a year's folder is the convention `npm run new` follows,
 * and the new release's file is `<year>/<id>.md` without a path template (Decap's `{{year}}` is the
 * Gregorian year of the moment of saving, not the release's Jalali year). Only the current year's
 * collection creates releases.
 */
import yaml from "js-yaml";
import { z } from "zod";
import { COUNTIES } from "../content/counties.js";
import { PAGE_FIELDS } from "../content/page-schema.js";
import { RELEASE_TYPES } from "../content/release-types.js";
import { LANGUAGES, RELEASE_FIELDS, releaseSchema, type ReleaseField } from "../content/schema.js";
import { SOCIAL_NETWORKS, type CmsSettings } from "../content/site.js";
import { FIELD_HINTS, fieldLabel } from "../messages/fields.js";
import { pageFieldText, siteFieldText } from "../messages/site.js";
import { ADMIN_TEXT, CMS_FORM_HINTS } from "../messages/admin.js";
import { JALALI_WIDGET } from "./widget-name.js";

export { JALALI_WIDGET };

/** A field of Decap's configuration (only the options Akhbar uses). */
export interface CmsField {
  name: string;
  label: string;
  widget: string;
  required?: boolean;
  hint?: string;
  default?: unknown;
  options?: Array<{ label: string; value: string }>;
  value_type?: "int";
  min?: number;
  pattern?: [string, string];
  fields?: CmsField[];
  field?: CmsField;
  choose_url?: boolean;
  media_folder?: string;
  public_folder?: string;
  allow_add?: boolean;
}

export interface AdminConfigInput {
  /** Where the content folder is inside the git repository: `content`. */
  contentFolder: string;
  /** The Jalali years that have a folder under content/releases/, and the current one. */
  years: readonly number[];
  /** The current Jalali year (Tehran time): its collection creates releases. */
  currentYear: number;
  /** The archive's next free id (src/content/release.ts `nextId`): the new release's default. */
  nextId: number;
  cms: CmsSettings;
  /** The local backend (decap-server): used when /admin/ is opened on localhost. */
  localBackendUrl: string;
}


const shape = (releaseSchema as unknown as { shape: Record<ReleaseField, z.ZodType> }).shape;

/** Whether the schema refuses a release without `field` (read from the schema, not listed). */
export function releaseFieldRequired(field: ReleaseField): boolean {
  return !shape[field].safeParse(undefined).success;
}

/** A release field as a form field: widget, label, help text, required or not, allowed values. */
function releaseField(field: ReleaseField, input: AdminConfigInput): CmsField {
  const base = { name: field, label: fieldLabel(field).fa, required: releaseFieldRequired(field) };
  const hint = CMS_FORM_HINTS[field] ?? FIELD_HINTS[field];
  const withHint = hint ? { ...base, hint } : base;
  switch (field) {
    case "id":
      return { ...withHint, widget: "number", value_type: "int", min: 1, default: input.nextId };
    case "translation":
      return { ...withHint, widget: "number", value_type: "int", min: 1 };
    case "date":
    case "updated":
      return { ...withHint, widget: JALALI_WIDGET };
    case "type":
      return { ...withHint, widget: "select", options: RELEASE_TYPES.map((type) => ({ label: type.fa, value: type.key })) };
    case "county":
      return { ...withHint, widget: "select", options: COUNTIES.map((county) => ({ label: county.name, value: county.name })) };
    case "lang":
      return { ...withHint, widget: "select", options: LANGUAGES.map((lang) => ({ label: ADMIN_TEXT.languageNames[lang], value: lang })) };
    case "tags":
      return { ...withHint, widget: "list", default: [] };
    case "draft":
      return { ...withHint, widget: "boolean", default: false };
    case "image":
      return { ...withHint, widget: "image", choose_url: false };
    case "lead":
    case "correction":
      return { ...withHint, widget: "text" };
    case "source":
      return { ...withHint, widget: "string", pattern: ["^https?://[^\\s/]+\\.[^\\s]+$", ADMIN_TEXT.sourcePattern] };
    default:
      return { ...withHint, widget: "string" };
  }
}

/** The release's text: Markdown, with pictures in content/images and attachments in content/files. */
function bodyField(contentFolder: string): CmsField {
  return {
    name: "body",
    label: fieldLabel("text").fa,
    widget: "markdown",
    required: false,
    hint: ADMIN_TEXT.releaseTextHint,
    media_folder: `/${contentFolder}/images`,
    public_folder: "/images",
  };
}

/** The release fields of the form, in the schema's order, then the text. */
export function releaseFormFields(input: AdminConfigInput): CmsField[] {
  return [...RELEASE_FIELDS.map((field) => releaseField(field, input)), bodyField(input.contentFolder)];
}

/** The fields of a page of content/pages/ (src/content/page-schema.ts). */
function pageFormFields(contentFolder: string): CmsField[] {
  const fields = PAGE_FIELDS.map((field): CmsField => {
    const label = pageFieldText(field).label.fa;
    // The file is named by the address (`slug`), so the form asks for it; the schema takes the file's name instead.
    const required = field === "title" || field === "slug";
    switch (field) {
      case "menu":
        return { name: field, label, required, widget: "number", value_type: "int", min: 1 };
      case "lang":
        return { name: field, label, required, widget: "select", options: LANGUAGES.map((lang) => ({ label: ADMIN_TEXT.languageNames[lang], value: lang })) };
      case "description":
        return { name: field, label, required, widget: "text" };
      default:
        return { name: field, label, required, widget: "string" };
    }
  });
  return [...fields, { ...bodyField(contentFolder), label: ADMIN_TEXT.pageText, hint: ADMIN_TEXT.pageTextHint }];
}

/** The site's settings (content/site.yml), without `cms:` (the editor's own settings stay in git). */
function siteFormFields(): CmsField[] {
  const label = (field: string) => siteFieldText(field).label.fa;
  const text = (path: string, name: string): CmsField => ({ name, label: label(path), widget: "string", required: false });
  const bilingual = (name: string): CmsField => ({ name, label: label(name), widget: "object", required: false, fields: [text(`${name}.fa`, "fa"), text(`${name}.en`, "en")] });
  return [
    bilingual("name"),
    bilingual("description"),
    bilingual("publisher"),
    bilingual("footer"),
    { name: "contact", label: label("contact"), widget: "object", required: false, fields: ["phone", "email", "address"].map((name) => text(`contact.${name}`, name)) },
    { name: "logo", label: label("logo"), widget: "image", required: false, choose_url: false },
    { name: "social", label: label("social"), widget: "object", required: false, fields: SOCIAL_NETWORKS.map((name) => text(`social.${name}`, name)) },
    {
      name: "menu",
      label: label("menu"),
      widget: "list",
      required: false,
      fields: [
        { ...text("menu.title", "title"), required: true },
        { ...text("menu.url", "url"), required: true },
        { name: "lang", label: label("menu.lang"), widget: "select", required: false, options: LANGUAGES.map((lang) => ({ label: ADMIN_TEXT.languageNames[lang], value: lang })) },
      ],
    },
  ];
}

/** The backend section: the git service of site.yml's `cms:`, or the local proxy alone. */
function backendOf(cms: CmsSettings): Record<string, unknown> {
  if (cms.backend === "local") {
    // Never reached from a public address: Decap uses the local backend only on localhost, and
    // there `local_backend` takes over; elsewhere this backend asks to sign in to nothing.
    return { name: "git-gateway", branch: cms.branch ?? "main" };
  }
  const backend: Record<string, unknown> = { name: cms.backend, repo: cms.repo, branch: cms.branch ?? "main" };
  if (cms.base_url) backend.base_url = cms.base_url;
  if (cms.api_root) backend.api_root = cms.api_root;
  if (cms.app_id) backend.app_id = cms.app_id;
  // GitLab's sign-in without a server of our own: PKCE with the OAuth application's id.
  if (cms.backend === "gitlab" && cms.app_id) backend.auth_type = "pkce";
  return backend;
}

/** The whole configuration, as an object (js-yaml writes it: `renderAdminConfig`). */
export function adminConfig(input: AdminConfigInput): Record<string, unknown> {
  const folder = input.contentFolder;
  const years = [...new Set([...input.years, input.currentYear])].sort((a, b) => b - a);
  const releaseFields = releaseFormFields(input);
  const releases = years.map((year) => ({
    name: `releases-${year}`,
    label: ADMIN_TEXT.releasesOfYear(year),
    label_singular: ADMIN_TEXT.release,
    description: year === input.currentYear ? ADMIN_TEXT.newReleaseHere : undefined,
    folder: `${folder}/releases/${year}`,
    create: year === input.currentYear,
    delete: false,
    extension: "md",
    format: "frontmatter",
    // The file is named by the release's id, as `npm run new` names it.
    slug: "{{id}}",
    identifier_field: "title",
    summary: "{{title}} ({{id}})",
    sortable_fields: ["id", "title"],
    fields: releaseFields,
  }));
  return {
    locale: "fa",
    ...(input.cms.editorial_workflow && input.cms.backend !== "local" ? { publish_mode: "editorial_workflow" } : {}),
    backend: backendOf(input.cms),
    local_backend: { url: input.localBackendUrl, allowed_hosts: ["localhost", "127.0.0.1"] },
    media_folder: `${folder}/images`,
    public_folder: "/images",
    slug: { encoding: "unicode", clean_accents: false, sanitize_replacement: "-" },
    collections: [
      ...releases.map((collection) => Object.fromEntries(Object.entries(collection).filter(([, value]) => value !== undefined))),
      {
        name: "pages",
        label: ADMIN_TEXT.pages,
        label_singular: ADMIN_TEXT.page,
        folder: `${folder}/pages`,
        create: true,
        extension: "md",
        format: "frontmatter",
        slug: "{{fields.slug}}",
        fields: pageFormFields(folder),
      },
      {
        name: "settings",
        label: ADMIN_TEXT.settings,
        delete: false,
        editor: { preview: false },
        files: [{ name: "site", label: ADMIN_TEXT.settingsFile, file: `${folder}/site.yml`, fields: siteFormFields() }],
      },
    ],
  };
}

/** `/admin/config.yml`. */
export function renderAdminConfig(input: AdminConfigInput): string {
  return `# Written by the build (src/admin/config.ts) from the schema and data files: edit those, not this.\n${yaml.dump(adminConfig(input), { lineWidth: -1, noRefs: true })}`;
}

