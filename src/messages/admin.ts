/**
 * The browser's editor's own words (src/admin/): its page, its collections, the hints of its form,
 * the Jalali date field and calendar, and the words of Decap CMS's Persian translation that say
 * something else than meant. The editor's interface is Persian only (Decap's locale `fa`), so these
 * are Persian texts, not Messages. Pure data: the editor's script in the browser imports it too.
 */
import { toPersianDigits } from "../persian/letters.js";

/** Hints for the release fields whose form widget is not typed as a YAML line is (src/messages/fields.ts FIELD_HINTS are the rest). */
export const CMS_FORM_HINTS: Readonly<Partial<Record<string, string>>> = {
  date: "سال/ماه/روز ساعت:دقیقه به تقویم شمسی، مانند ۱۴۰۳/۰۲/۲۳ ۱۰:۳۰ (رقم فارسی یا لاتین)",
  updated: "سال/ماه/روز ساعت:دقیقه به تقویم شمسی، مانند ۱۴۰۳/۰۲/۲۴ ۰۹:۰۰",
  tags: "برچسب‌ها را با ویرگول (،) از هم جدا کنید",
  image: "تصویر اصلی خبر: از پوشهٔ content/images بارگذاری یا انتخاب کنید",
  lang: "زبان خبر",
  type: "نوع خبر (بی آن، خبر)",
  id: "کد خبر: شمارهٔ بعدیِ آزاد آرشیو پیشنهاد شده است؛ دو خبر یک کد ندارند",
  title: "عنوان خبر",
};

export const ADMIN_TEXT = {
  pageTitle: (siteName: string) => `ویرایشگر خبرها · ${siteName}`,
  noScript: "ویرایشگر خبرها با جاوااسکریپت کار می‌کند: آن را در مرورگر روشن کنید.",
  releasesOfYear: (year: number) => `خبرهای ${toPersianDigits(year)}`,
  release: "خبر",
  newReleaseHere: "خبر تازه را در این سال بیفزایید؛ فایلش content/releases/<سال>/<کد>.md است.",
  pages: "صفحه‌ها",
  page: "صفحه",
  pageText: "متن صفحه",
  pageTextHint: "متن صفحه به Markdown",
  settings: "تنظیمات سایت",
  settingsFile: "تنظیمات سایت (site.yml)",
  releaseTextHint: "متن خبر؛ تصویر در سطری جدا، با توضیحش زیر آن",
  sourcePattern: "نشانی کاملی که با https:// آغاز می‌شود",
  languageNames: { fa: "فارسی", en: "English" },
  /** Before the date as readers will see it, below the date field. */
  onTheSite: "در سایت: ",
  datePlaceholder: "۱۴۰۳/۰۲/۲۳ ۱۰:۳۰",
  calendar: "تقویم",
  closeCalendar: "بستن تقویم",
  previousMonth: "ماه پیش",
  nextMonth: "ماه بعد",
  /** The Persian week, from Saturday. */
  weekdays: ["ش", "ی", "د", "س", "چ", "پ", "ج"],
  preview: "پیش‌نمایش",
  text: "متن",
} as const;

/** Words of Decap's Persian translation (its `fa` locale) that say something else than meant («صرفه جویی» for Save). */
export const DECAP_PERSIAN_CORRECTIONS = {
  editor: {
    editorToolbar: { save: "ذخیره", saving: "در حال ذخیره…", duplicate: "رونوشت", publishAndDuplicate: "انتشار و رونوشت", publishNow: "اکنون منتشر شود" },
    editorWidgets: {
      markdown: { link: "پیوند", bulletedList: "فهرست نشانه‌دار", numberedList: "فهرست شماره‌دار", headings: "عنوان‌ها", richText: "متن", markdown: "Markdown" },
      list: { add: "افزودن %{item}", addType: "افزودن %{item}" },
    },
  },
  app: { header: { content: "محتوا", media: "رسانه‌ها", quickAdd: "افزودن" } },
  collection: { sidebar: { collections: "بخش‌ها", allCollections: "همهٔ بخش‌ها" } },
  mediaLibrary: { mediaLibraryModal: { chooseSelected: "انتخاب همین", deleteSelected: "پاک کردن انتخاب‌شده", mediaAssets: "رسانه‌ها" } },
  ui: {
    toast: {
      missingRequiredField: "فیلدی الزامی خالی مانده است: پیش از ذخیره آن را پر کنید.",
      entrySaved: "ذخیره شد",
      entryPublished: "منتشر شد",
      onFailToPersist: "ذخیره نشد: %{details}",
    },
  },
};
