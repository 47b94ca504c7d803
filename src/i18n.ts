/** Interface strings, one table per interface language. */
import type { Language } from "./schema.js";

const strings = {
  fa: {
    skipToContent: "پرش به محتوای اصلی",
    home: "صفحهٔ اصلی",
    search: "جستجو",
    searchLabel: "جستجو در خبرها",
    searchPlaceholder: "مثلاً: روابط عمومی",
    latestNews: "تازه‌ترین خبرها",
    newsCode: "کد خبر",
    date: "تاریخ",
    county: "شهرستان",
    organization: "منبع",
    tags: "برچسب‌ها",
    source: "نشانی خبر در پایگاه پیشین",
    gregorian: "میلادی",
    draft: "پیش‌نویس: این خبر در ساخت نهایی منتشر نمی‌شود",
    noReleases: "هنوز خبری منتشر نشده است.",
    searchNeedsJs: "جستجو در این صفحه به جاوااسکریپت نیاز دارد. می‌توانید تازه‌ترین خبرها را در صفحهٔ اصلی ببینید.",
    notFoundTitle: "صفحه پیدا نشد",
    notFoundText: "صفحه‌ای که به دنبال آن بودید در این نشانی نیست. شاید جابه‌جا شده باشد؛ آن را جستجو کنید یا به صفحهٔ اصلی بروید.",
  },
  en: {
    skipToContent: "Skip to main content",
    home: "Home",
    search: "Search",
    searchLabel: "Search the news",
    searchPlaceholder: "e.g. public relations",
    latestNews: "Latest news",
    newsCode: "News code",
    date: "Date",
    county: "County",
    organization: "Issued by",
    tags: "Tags",
    source: "Original address on the old website",
    gregorian: "Gregorian",
    draft: "Draft: this release is not published in production builds",
    noReleases: "No releases have been published yet.",
    searchNeedsJs: "Search needs JavaScript. The latest news is on the home page.",
    notFoundTitle: "Page not found",
    notFoundText: "There is no page at this address. Search for it or go to the home page.",
  },
} as const satisfies Record<Language, Record<string, string>>;

export type InterfaceStrings = (typeof strings)[Language];

export function interfaceStrings(lang: Language): InterfaceStrings {
  return strings[lang];
}

export function directionOf(lang: Language): "rtl" | "ltr" {
  return lang === "fa" ? "rtl" : "ltr";
}
