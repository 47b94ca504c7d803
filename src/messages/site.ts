/**
 * The messages of the site's own content besides releases: the pages of content/pages/ (about
 * us, contact…) and the site's settings in content/site.yml. Each names the field in the editor's
 * words, says what is wrong and shows the right form, as the release messages do; the file and
 * line are added where the problem is reported (a ContentProblem).
 *
 * The field tables say, for each field, its label, the rule it follows and an example line: the
 * common messages (missing, empty, not written right, unknown field) are made from them, so that
 * every field is described the same way.
 */
import { faNumber, type Message } from "./messages.js";

/** What the messages say of one field: its name in the editor's words, the rule, a line to copy. */
export interface FieldText {
  label: Message;
  /** What a right value is, as a phrase («عددی درست و مثبت»). */
  rule: Message;
  /** A right line, as the editor types it: `menu: 1`. */
  example: string;
}

const TEXT_RULE: Message = { fa: "متنی در یک سطر", en: "one line of text" };
const BILINGUAL_RULE: Message = {
  fa: "دو سطر زیر آن، fa: برای متن فارسی و en: برای متن انگلیسی (اختیاری)، هر کدام با دو فاصله در آغاز سطر",
  en: "two lines below it, fa: for the Persian text and en: for the English one (optional), each indented by two spaces",
};
const HTTPS_RULE: Message = { fa: "نشانی کاملی که با https:// آغاز می‌شود", en: "a full address starting with https://" };

/** The front-matter fields of a page of content/pages/ (src/content/page-schema.ts `PAGE_FIELDS`; a test keeps them in step). */
export const PAGE_FIELD_TEXTS: Readonly<Record<string, FieldText>> = {
  title: { label: { fa: "عنوان صفحه (title)", en: "title" }, rule: TEXT_RULE, example: "title: درباره ما" },
  slug: {
    label: { fa: "نشانی صفحه (slug)", en: "slug" },
    rule: { fa: "فقط حرف فارسی یا لاتین، رقم و خط تیره (-)، بی‌فاصله", en: "Persian or Latin letters, digits and hyphens (-) only, without spaces" },
    example: "slug: about",
  },
  menu: {
    label: { fa: "جای صفحه در منوی سایت (menu)", en: "menu" },
    rule: { fa: "عددی درست و مثبت (۱ برای نخستین پیوند منو)", en: "a positive whole number (1 for the menu's first link)" },
    example: "menu: 1",
  },
  description: { label: { fa: "توضیح صفحه (description)", en: "description" }, rule: TEXT_RULE, example: "description: معرفی روابط‌عمومی استانداری" },
  lang: { label: { fa: "زبان (lang)", en: "lang" }, rule: { fa: "fa (فارسی) یا en (انگلیسی)", en: "fa or en" }, example: "lang: en" },
};

const bilingual = (fa: string, en: string, example: string): FieldText => ({ label: { fa: `${fa} (${en})`, en }, rule: BILINGUAL_RULE, example });
/** The Persian and English lines of a bilingual field: «نام سایت به فارسی (name.fa)». */
const inLanguage = (fa: string, en: string, example: string): Record<string, FieldText> => ({
  fa: { label: { fa: `${fa} به فارسی (${en}.fa)`, en: `${en}.fa` }, rule: TEXT_RULE, example: `fa: ${example}` },
  en: { label: { fa: `${fa} به انگلیسی (${en}.en)`, en: `${en}.en` }, rule: TEXT_RULE, example: "en: …" },
});
const social = (fa: string, en: string, example: string): FieldText => ({ label: { fa: `${fa} (${en})`, en: `social.${en}` }, rule: HTTPS_RULE, example: `${en}: ${example}` });

const NAME = bilingual("نام سایت", "name", "name:");
const DESCRIPTION = bilingual("توضیح سایت", "description", "description:");
const PUBLISHER = bilingual("نام ناشر", "publisher", "publisher:");
const FOOTER = bilingual("متن پانویس", "footer", "footer:");

/**
 * The fields of content/site.yml, by their path (`social.telegram`; a list's items by the list's
 * name: `menu.url`). src/content/site.ts's schema has the same fields; a test keeps them in step.
 */
export const SITE_FIELD_TEXTS: Readonly<Record<string, FieldText>> = {
  name: NAME,
  ...prefixed("name", inLanguage("نام سایت", "name", "روابط‌عمومی استانداری تهران")),
  description: DESCRIPTION,
  ...prefixed("description", inLanguage("توضیح سایت", "description", "خبرها و اطلاعیه‌های روابط‌عمومی")),
  publisher: PUBLISHER,
  ...prefixed("publisher", inLanguage("نام ناشر", "publisher", "روابط‌عمومی استانداری تهران")),
  footer: FOOTER,
  ...prefixed("footer", inLanguage("متن پانویس", "footer", "نقل خبرها با ذکر منبع آزاد است.")),
  contact: {
    label: { fa: "راه‌های تماس (contact)", en: "contact" },
    rule: { fa: "سطرهای phone:، email: و address: زیر آن، هر کدام با دو فاصله در آغاز سطر", en: "lines phone:, email: and address: below it, each indented by two spaces" },
    example: "contact:",
  },
  "contact.phone": { label: { fa: "تلفن (phone)", en: "contact.phone" }, rule: TEXT_RULE, example: "phone: 021-61081" },
  "contact.email": {
    label: { fa: "ایمیل (email)", en: "contact.email" },
    rule: { fa: "نشانی ایمیلی درست", en: "an e-mail address" },
    example: "email: pr@example.ir",
  },
  "contact.address": { label: { fa: "نشانی پستی (address)", en: "contact.address" }, rule: TEXT_RULE, example: "address: تهران، خیابان پاستور" },
  logo: {
    label: { fa: "لوگو (logo)", en: "logo" },
    rule: { fa: "تصویری در پوشهٔ content/images/ که با /images/ نوشته شود", en: "a picture in content/images/, written from /images/" },
    example: "logo: /images/logo.png",
  },
  social: {
    label: { fa: "شبکه‌های اجتماعی (social)", en: "social" },
    rule: { fa: "سطرهایی مانند telegram: زیر آن، هر کدام با دو فاصله در آغاز سطر", en: "lines such as telegram: below it, each indented by two spaces" },
    example: "social:",
  },
  "social.telegram": social("تلگرام", "telegram", "https://t.me/ostandari_tehran"),
  "social.instagram": social("اینستاگرام", "instagram", "https://www.instagram.com/ostandari_tehran"),
  "social.x": social("ایکس", "x", "https://x.com/ostandari_tehran"),
  "social.aparat": social("آپارات", "aparat", "https://www.aparat.com/ostandari_tehran"),
  "social.eitaa": social("ایتا", "eitaa", "https://eitaa.com/ostandari_tehran"),
  "social.bale": social("بله", "bale", "https://ble.ir/ostandari_tehran"),
  menu: {
    label: { fa: "پیوندهای منو (menu)", en: "menu" },
    rule: {
      fa: "فهرستی زیر آن، هر پیوند با سطری «- title: …» و سطری «  url: …»",
      en: "a list below it, each link a line «- title: …» and a line «  url: …»",
    },
    example: "menu:",
  },
  "menu.title": { label: { fa: "عنوان پیوند منو (title)", en: "menu.title" }, rule: TEXT_RULE, example: "- title: پایگاه استانداری" },
  "menu.url": {
    label: { fa: "نشانی پیوند منو (url)", en: "menu.url" },
    rule: { fa: "نشانی‌ای در همین سایت که با / آغاز شود، یا نشانی کاملی با https://", en: "an address of this site starting with /, or a full https:// address" },
    example: "url: https://ostan-th.ir/",
  },
  "menu.lang": { label: { fa: "زبان پیوند منو (lang)", en: "menu.lang" }, rule: { fa: "fa (فارسی) یا en (انگلیسی)", en: "fa or en" }, example: "lang: en" },
  // The browser's editor (/admin/, docs/cms.md): the git service it commits to.
  cms: {
    label: { fa: "ویرایشگر مرورگر (cms)", en: "cms" },
    rule: { fa: "سطرهای backend:، repo: و مانند آن زیر آن، هر کدام با دو فاصله در آغاز سطر", en: "lines backend:, repo: and the like below it, each indented by two spaces" },
    example: "cms:",
  },
  "cms.backend": {
    label: { fa: "سرویس گیت ویرایشگر (backend)", en: "cms.backend" },
    rule: { fa: "یکی از local، gitlab، gitea، forgejo یا github", en: "one of local, gitlab, gitea, forgejo, github" },
    example: "backend: gitlab",
  },
  "cms.repo": {
    label: { fa: "مخزن گیت (repo)", en: "cms.repo" },
    rule: { fa: "نام مخزن به شکل «گروه/نام»، بی‌فاصله", en: "the repository as owner/name, without spaces" },
    example: "repo: ravabet/akhbar",
  },
  "cms.branch": { label: { fa: "شاخهٔ گیت (branch)", en: "cms.branch" }, rule: TEXT_RULE, example: "branch: main" },
  "cms.base_url": { label: { fa: "نشانی سرویس گیت (base_url)", en: "cms.base_url" }, rule: HTTPS_RULE, example: "base_url: https://git.example.ir" },
  "cms.api_root": { label: { fa: "نشانی API سرویس گیت (api_root)", en: "cms.api_root" }, rule: HTTPS_RULE, example: "api_root: https://git.example.ir/api/v4" },
  "cms.app_id": { label: { fa: "شناسهٔ برنامهٔ OAuth (app_id)", en: "cms.app_id" }, rule: TEXT_RULE, example: "app_id: 1a2b3c…" },
  "cms.editorial_workflow": {
    label: { fa: "گردش کار انتشار (editorial_workflow)", en: "cms.editorial_workflow" },
    rule: { fa: "true (پیش‌نویس، بازبینی، انتشار) یا false", en: "true (draft, review, publish) or false" },
    example: "editorial_workflow: true",
  },
};

function prefixed(parent: string, fields: Record<string, FieldText>): Record<string, FieldText> {
  return Object.fromEntries(Object.entries(fields).map(([key, text]) => [`${parent}.${key}`, text]));
}

/** A field that the table does not know (it is reported as unknown, but may still need a label). */
function textOf(table: Readonly<Record<string, FieldText>>, field: string): FieldText {
  return table[field] ?? { label: { fa: field, en: field }, rule: TEXT_RULE, example: `${field}: …` };
}

export const pageFieldText = (field: string): FieldText => textOf(PAGE_FIELD_TEXTS, field);
export const siteFieldText = (field: string): FieldText => textOf(SITE_FIELD_TEXTS, field);

/** The field is not there. */
export function fieldRequired(field: FieldText): Message {
  return {
    fa: `«${field.label.fa}» نوشته نشده است: سطری مانند \`${field.example}\` بیفزایید.`,
    en: `${field.label.en} is required: add a line such as \`${field.example}\``,
  };
}

/** The field is there with nothing after its colon. */
export function fieldEmpty(field: FieldText): Message {
  return {
    fa: `«${field.label.fa}» خالی است: آن را بنویسید (مانند \`${field.example}\`) یا سطرش را بردارید.`,
    en: `${field.label.en} is empty: write it (such as \`${field.example}\`) or remove the line`,
  };
}

/** The field's value does not follow its rule; `value` as written, when it can be shown. */
export function fieldInvalid(field: FieldText, value?: string): Message {
  const shown = value === undefined || value.length > 80 ? "" : value;
  return {
    fa: `«${field.label.fa}» درست نوشته نشده است${shown ? ` («${shown}»)` : ""}: باید ${field.rule.fa} باشد، مانند \`${field.example}\`.`,
    en: `${field.label.en} is not written right${shown ? ` ("${shown}")` : ""}: it must be ${field.rule.en}, such as \`${field.example}\``,
  };
}

/** A field the file may not have: usually a typo, and the nearest allowed field is named. */
export function unknownField(field: string, suggestion: string | undefined, allowed: readonly string[]): Message {
  return {
    fa: `فیلد «${field}» شناخته نیست${suggestion ? `؛ آیا منظورتان «${suggestion}» بود؟` : "."} فیلدهای مجاز: ${allowed.join("، ")}.`,
    en: `unknown field "${field}"${suggestion ? `: did you mean "${suggestion}"?` : "."} Allowed fields: ${allowed.join(", ")}`,
  };
}

/** A page's front matter is not a list of `field: value` lines. */
export const PAGE_NOT_FIELDS: Message = {
  fa: "سرآغاز صفحه (بین دو خط ---) باید سطرهایی به شکل «فیلد: مقدار» باشد، مانند `title: درباره ما`.",
  en: "the front matter must be a list of `field: value` lines, such as `title: About us`",
};

/** The page has no `slug:`, and its file's name cannot be an address. */
export function pageNameNotAddress(name: string): Message {
  const slug = PAGE_FIELD_TEXTS.slug!;
  return {
    fa: `نام فایل «${name}» نمی‌تواند نشانی صفحه باشد (نشانی ${slug.rule.fa} است): سطری مانند \`${slug.example}\` بیفزایید، یا فایل را با نامی مانند about.md ذخیره کنید.`,
    en: `the file's name "${name}" cannot be the page's address (${slug.rule.en}): add a line such as \`${slug.example}\`, or save the file under a name such as about.md`,
  };
}

/** The page's address is one of the site's own sections (/news/, /search/…). */
export function pageAddressIsSection(url: string): Message {
  return {
    fa: `نشانی ${url} از آنِ یکی از بخش‌های خود سایت است و صفحه نمی‌تواند آن را بگیرد: نشانی دیگری بنویسید، مانند \`slug: about-us\`.`,
    en: `the address ${url} is one of the site's own sections, so a page cannot have it: choose another, such as \`slug: about-us\``,
  };
}

/** Two pages would have the same address. */
export function pageAddressTaken(url: string, other: string): Message {
  return {
    fa: `نشانی ${url} را صفحهٔ ${other} هم دارد و هر صفحه نشانی خودش را می‌خواهد: برای یکی از آن دو نشانی دیگری بنویسید، مانند \`slug: contact-us\`.`,
    en: `the address ${url} is already the address of ${other}; every page needs its own: give one of them another, such as \`slug: contact-us\``,
  };
}

/** A Markdown file below a sub-folder of pages/ (pages are only the files directly in it). */
export const PAGE_IN_SUBFOLDER: Message = {
  fa: "صفحه‌ها باید مستقیماً در پوشهٔ pages/ باشند، نه در زیرپوشه‌ای از آن: فایل را به content/pages/ ببرید (خبرها در content/releases/ هستند).",
  en: "pages are the files directly in pages/, not in a folder below it: move the file to content/pages/ (releases go under content/releases/)",
};

/** content/site.yml is not YAML. */
export function settingsNotYaml(reason: string): Message {
  return {
    fa: `فایل تنظیمات سایت را نمی‌توان خواند (${reason}): تورفتگی‌ها (فاصله‌های آغاز سطر) و دونقطه‌ها را بررسی کنید؛ هر سطر به شکل «فیلد: مقدار» است، مانند \`logo: /images/logo.png\`.`,
    en: `the site's settings cannot be read (${reason}): check the indentation and colons; each line is \`field: value\`, such as \`logo: /images/logo.png\``,
  };
}

/** content/site.yml is not a list of `field: value` lines. */
export const SETTINGS_NOT_FIELDS: Message = {
  fa: "فایل تنظیمات سایت باید سطرهایی به شکل «فیلد: مقدار» باشد، مانند `logo: /images/logo.png`.",
  en: "the site's settings must be a list of `field: value` lines, such as `logo: /images/logo.png`",
};

/** The logo's address does not lead into content/images/. */
export function logoNotInImages(value: string): Message {
  return fieldInvalid(SITE_FIELD_TEXTS.logo!, value);
}

/** The logo is not in content/images/. */
export function logoMissing(address: string): Message {
  return {
    fa: `تصویر لوگو ${address} پیدا نشد: آن را در پوشهٔ content/images/ بگذارید یا نامش را در site.yml درست بنویسید (مانند \`logo: /images/logo.png\`).`,
    en: `the logo ${address} is missing: put it in content/images/ or correct its name in site.yml (such as \`logo: /images/logo.png\`)`,
  };
}

/** The logo is not a picture the site can show (or not a regular file of content/images/). */
export function logoNotPicture(address: string): Message {
  return {
    fa: `${address} تصویری نیست که سایت بتواند به‌عنوان لوگو نشان دهد: لوگو را با قالب PNG، JPEG، WebP یا SVG در پوشهٔ content/images/ ذخیره کنید (خودِ فایل، نه میان‌بُر).`,
    en: `${address} is not a picture the site can show as its logo: save the logo as PNG, JPEG, WebP or SVG in content/images/ (the file itself, not a link)`,
  };
}

/** The build's line on the pages it wrote. */
export function pagesWritten(pages: number, written: number): Message {
  return {
    fa: `[akhbar] صفحه‌ها: ${faNumber(pages)} صفحه از content/pages/، ${faNumber(written)} فایل نوشته شد`,
    en: `[akhbar] pages: ${pages} (content/pages/), ${written} files written`,
  };
}
