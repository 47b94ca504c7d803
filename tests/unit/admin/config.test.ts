/**
 * The browser's editor's configuration (src/admin/config.ts), read back as Decap reads it (YAML):
 * every release field in the schema's order, required as the schema requires, the allowed values
 * of the data files, labels in Persian; the page's policy; the date field's pure parts.
 */
import assert from "node:assert/strict";
import test from "node:test";
import yaml from "js-yaml";
import { adminConfig, renderAdminConfig, releaseFieldRequired, type AdminConfigInput, type CmsField } from "../../../src/admin/config.js";
import { adminPolicyText, adminSecurityPolicy, backendOrigins, renderAdminPage } from "../../../src/admin/admin-page.js";
import { calendarMonth, dateProblem, dateReading, shiftMonth, shownDateValue, storedDateValue, withDay } from "../../../src/admin/admin-client.js";
import { COUNTIES } from "../../../src/content/counties.js";
import { RELEASE_TYPES } from "../../../src/content/release-types.js";
import { LANGUAGES, RELEASE_FIELDS, validateFrontMatter } from "../../../src/content/schema.js";
import { PAGE_FIELDS } from "../../../src/content/page-schema.js";
import { FIELD_LABELS } from "../../../src/messages/fields.js";

const INPUT: AdminConfigInput = {
  contentFolder: "content",
  years: [1401, 1402, 1403],
  currentYear: 1404,
  nextId: 150_001,
  cms: { backend: "local" },
  localBackendUrl: "http://127.0.0.1:8081/api/v1",
};

interface Collection {
  name: string;
  label: string;
  folder?: string;
  create?: boolean;
  slug?: string;
  fields?: CmsField[];
  files?: Array<{ file: string; fields: CmsField[] }>;
}

const parsed = yaml.load(renderAdminConfig(INPUT)) as { locale: string; collections: Collection[]; media_folder: string; public_folder: string; local_backend: { url: string }; backend: { name: string } };
const releases = parsed.collections.find((collection) => collection.name === "releases-1404")!;
const PERSIAN = /[\u0600-\u06FF]/;

test("the configuration is YAML that Decap reads: Persian interface, the local backend, pictures where the build reads them", () => {
  assert.equal(parsed.locale, "fa");
  assert.equal(parsed.local_backend.url, INPUT.localBackendUrl);
  assert.equal(parsed.media_folder, "content/images");
  assert.equal(parsed.public_folder, "/images");
  assert.deepEqual(adminConfig(INPUT), yaml.load(renderAdminConfig(INPUT)));
});

test("one collection of releases per year folder, newest first; only the current year's creates, each file named by its id", () => {
  const years = parsed.collections.filter((collection) => collection.name.startsWith("releases-"));
  assert.deepEqual(years.map((collection) => collection.name), ["releases-1404", "releases-1403", "releases-1402", "releases-1401"]);
  assert.deepEqual(years.map((collection) => collection.folder), ["content/releases/1404", "content/releases/1403", "content/releases/1402", "content/releases/1401"]);
  assert.deepEqual(years.map((collection) => collection.create), [true, false, false, false]);
  for (const collection of years) assert.equal(collection.slug, "{{id}}");
  assert.equal(years[1]!.label, "خبرهای ۱۴۰۳");
});

test("every release field is in the form, in the schema's order, then the text; required exactly where the schema requires", () => {
  const fields = releases.fields!;
  assert.deepEqual(fields.map((field) => field.name), [...RELEASE_FIELDS, "body"]);
  const required = fields.filter((field) => field.required !== false).map((field) => field.name);
  assert.deepEqual(required, ["id", "title", "date"]);
  for (const field of RELEASE_FIELDS) {
    assert.equal(fields.find((one) => one.name === field)!.required, releaseFieldRequired(field), field);
    // What the schema requires it refuses without: read from the schema, checked against it here.
    const { id, title, date } = { id: 1, title: "عنوان", date: "1403/02/23 10:30" };
    const minimal: Record<string, unknown> = { id, title, date };
    delete minimal[field];
    assert.equal(validateFrontMatter(minimal).ok, !releaseFieldRequired(field), field);
  }
});

test("labels are the catalogue's Persian labels; the allowed values are the data files'", () => {
  const fields = new Map(releases.fields!.map((field) => [field.name, field]));
  for (const field of RELEASE_FIELDS) {
    assert.equal(fields.get(field)!.label, FIELD_LABELS[field]!.fa, field);
    assert.match(fields.get(field)!.label, PERSIAN, field);
  }
  assert.deepEqual(fields.get("county")!.options!.map((option) => option.value), COUNTIES.map((county) => county.name));
  assert.deepEqual(fields.get("type")!.options!.map((option) => option.value), RELEASE_TYPES.map((type) => type.key));
  assert.deepEqual(fields.get("type")!.options!.map((option) => option.label), RELEASE_TYPES.map((type) => type.fa));
  assert.deepEqual(fields.get("lang")!.options!.map((option) => option.value), [...LANGUAGES]);
  assert.equal(fields.get("id")!.default, 150_001);
  assert.equal(fields.get("id")!.widget, "number");
  assert.equal(fields.get("date")!.widget, "jalali-date");
  assert.equal(fields.get("tags")!.widget, "list");
  assert.equal(fields.get("body")!.media_folder, "/content/images");
  for (const field of releases.fields!) if (field.hint !== undefined) assert.match(field.hint, PERSIAN, field.name);
});

test("pages and the site's settings are collections too, with the schemas' fields", () => {
  const pages = parsed.collections.find((collection) => collection.name === "pages")!;
  assert.equal(pages.folder, "content/pages");
  assert.deepEqual(pages.fields!.map((field) => field.name), [...PAGE_FIELDS, "body"]);
  const settings = parsed.collections.find((collection) => collection.name === "settings")!;
  assert.equal(settings.files![0]!.file, "content/site.yml");
  assert.deepEqual(settings.files![0]!.fields.map((field) => field.name), ["name", "description", "publisher", "footer", "contact", "logo", "social", "menu"]);
  for (const field of settings.files![0]!.fields) assert.match(field.label, PERSIAN, field.name);
});

test("a git service from site.yml's cms: is the backend; GitLab signs in with PKCE; the policy lets the editor reach it and the local backend only", () => {
  const gitlab = adminConfig({ ...INPUT, cms: { backend: "gitlab", repo: "ravabet/akhbar", base_url: "https://git.example.ir", app_id: "abc", editorial_workflow: true } });
  assert.deepEqual(gitlab.backend, { name: "gitlab", repo: "ravabet/akhbar", branch: "main", base_url: "https://git.example.ir", app_id: "abc", auth_type: "pkce" });
  assert.equal(gitlab.publish_mode, "editorial_workflow");
  assert.equal(adminConfig(INPUT).publish_mode, undefined);
  assert.deepEqual(backendOrigins({ backend: "gitlab", base_url: "https://git.example.ir", api_root: "https://git.example.ir/api/v4" }, INPUT.localBackendUrl), ["http://127.0.0.1:8081", "https://git.example.ir"]);
  assert.deepEqual(backendOrigins({ backend: "github" }, INPUT.localBackendUrl), ["http://127.0.0.1:8081", "https://api.github.com"]);
  const policy = adminPolicyText(adminSecurityPolicy({ backend: "github" }, INPUT.localBackendUrl), "header");
  assert.match(policy, /script-src 'self' 'unsafe-eval';/);
  assert.doesNotMatch(policy, /script-src[^;]*unsafe-inline/);
  assert.match(policy, /connect-src 'self' blob: http:\/\/127\.0\.0\.1:8081 https:\/\/api\.github\.com;/);
  assert.match(policy, /frame-ancestors 'none'$/);
  assert.doesNotMatch(adminPolicyText(adminSecurityPolicy({ backend: "github" }, INPUT.localBackendUrl), "meta"), /frame-ancestors/);
});

test("the page: Persian, right to left, for phones, not indexed, its policy in a <meta>, no inline script", () => {
  const page = renderAdminPage({
    decapFolder: "decap-cms-0123456789/",
    script: "admin.0123456789.js",
    stylesheet: "admin.0123456789.css",
    previewStyle: "../assets/site.rtl.0123456789.css",
    releaseCollections: ["releases-1404"],
    policy: "default-src 'none'",
    siteName: "آرشیو <خبرها>",
  });
  assert.match(page, /^<!doctype html>\n<html lang="fa" dir="rtl">/);
  assert.match(page, /<meta name="viewport" content="width=device-width, initial-scale=1">/);
  assert.match(page, /<meta name="robots" content="noindex, nofollow">/);
  assert.match(page, /<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;">|<meta http-equiv="Content-Security-Policy" content="default-src 'none'">/);
  assert.match(page, /آرشیو &lt;خبرها&gt;/);
  assert.deepEqual([...page.matchAll(/<script([^>]*)>/g)].map((match) => match[1]), [' src="decap-cms-0123456789/decap-cms.js"', ' src="admin.0123456789.js"']);
});

test("the Jalali date field: typed with Persian or Latin digits, kept with Latin ones, refused with the build's own Persian message", () => {
  const rows: Array<[typed: string, stored: string, shown: string, problem: boolean]> = [
    ["۱۴۰۳/۰۲/۲۳ ۱۰:۳۰", "1403/02/23 10:30", "۱۴۰۳/۰۲/۲۳ ۱۰:۳۰", false],
    ["1403/02/23 10:30", "1403/02/23 10:30", "۱۴۰۳/۰۲/۲۳ ۱۰:۳۰", false],
    ["۱۴۰۳/۰۲/۲۳", "1403/02/23", "۱۴۰۳/۰۲/۲۳", false],
    ["1403/07/31 10:00", "1403/07/31 10:00", "۱۴۰۳/۰۷/۳۱ ۱۰:۰۰", true],
    ["دیروز", "دیروز", "دیروز", true],
  ];
  for (const [typed, stored, shown, problem] of rows) {
    assert.equal(storedDateValue(typed), stored, typed);
    assert.equal(shownDateValue(stored), shown, typed);
    const message = dateProblem(stored);
    assert.equal(message !== undefined, problem, typed);
    if (message) assert.match(message, PERSIAN);
  }
  assert.equal(dateProblem(""), undefined);
  assert.equal(shownDateValue("2024-03-20T14:00:00+03:30"), "2024-03-20T14:00:00+03:30");
  assert.match(dateReading("1403/02/23 10:30"), /^در سایت: .*۱۴۰۳/);
});

test("the Jalali calendar: a month's days and first weekday (Saturday first), months across the year's end, a day picked keeps the time written", () => {
  // 1 Farvardin 1403 was a Wednesday (20 March 2024): the fifth day of the Persian week.
  assert.deepEqual(calendarMonth(1403, 1), { days: 31, firstWeekday: 4 });
  // 1 Mehr 1403 was a Sunday (22 September 2024); Mehr has 30 days.
  assert.deepEqual(calendarMonth(1403, 7), { days: 30, firstWeekday: 1 });
  // Esfand: 30 days in a leap year (1403), 29 otherwise (1402).
  assert.equal(calendarMonth(1403, 12).days, 30);
  assert.equal(calendarMonth(1402, 12).days, 29);
  assert.deepEqual(shiftMonth(1403, 12, 1), { year: 1404, month: 1 });
  assert.deepEqual(shiftMonth(1404, 1, -1), { year: 1403, month: 12 });
  assert.deepEqual(shiftMonth(1403, 5, 1), { year: 1403, month: 6 });
  assert.equal(withDay("1403/02/23 10:30", 1403, 2, 5, "08:00"), "1403/02/05 10:30");
  assert.equal(withDay("۱۴۰۳/۰۲/۲۳ ۱۰:۳۰", 1403, 3, 1, "08:00"), "1403/03/01 10:30");
  assert.equal(withDay("", 1403, 2, 5, "08:00"), "1403/02/05 08:00");
  assert.equal(withDay(undefined, 1404, 11, 30, "23:59"), "1404/11/30 23:59");
});
