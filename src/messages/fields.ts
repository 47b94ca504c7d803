/**
 * The front-matter fields in the editor's words: a Persian message names a field by its Persian
 * label with the name the editor types beside it («عنوان (title)»), so that the editor recognises
 * both. A test keeps this table in step with the schema (src/content/schema.ts `RELEASE_FIELDS`).
 */
import type { Message } from "./messages.js";

export const FIELD_LABELS: Readonly<Record<string, Message>> = {
  id: { fa: "شناسه (id)", en: "id" },
  title: { fa: "عنوان (title)", en: "title" },
  date: { fa: "تاریخ (date)", en: "date" },
  lead: { fa: "لید (lead)", en: "lead" },
  county: { fa: "شهرستان (county)", en: "county" },
  organization: { fa: "دستگاه (organization)", en: "organization" },
  tags: { fa: "برچسب‌ها (tags)", en: "tags" },
  source: { fa: "نشانی منبع (source)", en: "source" },
  image: { fa: "تصویر (image)", en: "image" },
  image_alt: { fa: "متن جایگزین تصویر (image_alt)", en: "image_alt" },
  draft: { fa: "پیش‌نویس (draft)", en: "draft" },
  lang: { fa: "زبان (lang)", en: "lang" },
  translation: { fa: "ترجمه (translation)", en: "translation" },
  type: { fa: "نوع خبر (type)", en: "type" },
  updated: { fa: "تاریخ به‌روزرسانی (updated)", en: "updated" },
  correction: { fa: "اصلاحیه (correction)", en: "correction" },
  text: { fa: "متن خبر", en: "text" },
  "front matter": { fa: "سرآغاز فایل (بین دو خط ---)", en: "front matter" },
  file: { fa: "فایل", en: "file" },
  encoding: { fa: "نویسه‌گذاری فایل", en: "encoding" },
};

/** A field's label; a field the table does not know is named as the editor typed it. */
export function fieldLabel(field: string): Message {
  return FIELD_LABELS[field] ?? { fa: field, en: field };
}

/**
 * What each optional field is for, in Persian: shown beside a field that `npm run new` writes
 * commented out (src/editors/release-file.ts) and as the help text of the field in the browser's
 * editor (src/admin/config.ts). `type:` is described where the release types are known.
 */
export const FIELD_HINTS: Readonly<Record<string, string>> = {
  lead: "خلاصهٔ یک‌جمله‌ای خبر",
  county: "شهرستان، مثلاً ملارد",
  organization: "دستگاه منتشرکننده",
  tags: "برچسب‌ها، هر کدام در یک خط",
  source: "نشانی خبر در پایگاه پیشین",
  image: "تصویر: /images/نام-فایل.jpg از پوشهٔ content/images",
  image_alt: "توصیف تصویر برای کسی که آن را نمی‌بیند (با تصویر الزامی است)",
  draft: "پیش‌نویس: در سایت منتشر نمی‌شود",
  lang: "زبان: fa یا en",
  updated: "تاریخ و ساعت ویرایش پس از انتشار",
  correction: "اصلاحیه: چه چیزی درست شد (با updated)",
  translation: "کد همین خبر به زبان دیگر",
};
