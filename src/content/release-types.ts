/**
 * The kinds of release a governorate's public-relations office publishes: the one table of them.
 * An editor writes a type's Persian name (`type: اطلاعیه`) or its key (`type: notice`); a release
 * without `type:` is news. Each type has a list and feeds at /types/<key>/ (src/browse/), a search
 * filter (src/search/document.ts) and its schema.org type (src/render/structured-data.ts). The key
 * is the address: Latin letters, so that a shared link stays readable, and unchanged if the Persian
 * name is ever reworded.
 */

export interface ReleaseType {
  /** What the build holds and the address uses: `/types/notice/`, `?type=notice`. */
  key: string;
  /** The name an editor writes and a Persian page shows. */
  fa: string;
  /** The name on English pages. */
  en: string;
  /** The list's title: the name in the plural. */
  plural: { fa: string; en: string };
  /** schema.org's type of article: a report from the scene where schema.org has one. */
  schemaType: "NewsArticle" | "ReportageNewsArticle";
}

export const RELEASE_TYPES = [
  { key: "news", fa: "خبر", en: "News", plural: { fa: "خبرها", en: "News" }, schemaType: "NewsArticle" },
  { key: "notice", fa: "اطلاعیه", en: "Notice", plural: { fa: "اطلاعیه‌ها", en: "Notices" }, schemaType: "NewsArticle" },
  { key: "statement", fa: "بیانیه", en: "Statement", plural: { fa: "بیانیه‌ها", en: "Statements" }, schemaType: "NewsArticle" },
  { key: "interview", fa: "مصاحبه", en: "Interview", plural: { fa: "مصاحبه‌ها", en: "Interviews" }, schemaType: "NewsArticle" },
  { key: "report", fa: "گزارش", en: "Report", plural: { fa: "گزارش‌ها", en: "Reports" }, schemaType: "ReportageNewsArticle" },
  { key: "photo-report", fa: "گزارش تصویری", en: "Photo report", plural: { fa: "گزارش‌های تصویری", en: "Photo reports" }, schemaType: "ReportageNewsArticle" },
  { key: "video-report", fa: "گزارش ویدیویی", en: "Video report", plural: { fa: "گزارش‌های ویدیویی", en: "Video reports" }, schemaType: "ReportageNewsArticle" },
] as const satisfies readonly ReleaseType[];

export type ReleaseTypeKey = (typeof RELEASE_TYPES)[number]["key"];

/** A release that does not say: news. */
export const DEFAULT_RELEASE_TYPE: ReleaseTypeKey = "news";

const byKey = new Map<string, ReleaseType>(RELEASE_TYPES.map((type) => [type.key, type]));

/**
 * Spellings a Persian keyboard gives one name: «ي»/«ك» for «ی»/«ک», a space or none for the
 * half-space (ZWNJ), tatweel and doubled spaces. Compared without them, «گزارش  تصويري» is found.
 */
const folded = (text: string) =>
  text
    .trim()
    .toLowerCase()
    .replace(/ي/g, "ی")
    .replace(/ك/g, "ک")
    .replace(/[\u200c\u0640\s]+/g, "");

const byWritten = new Map<string, ReleaseTypeKey>(RELEASE_TYPES.flatMap((type) => [[folded(type.fa), type.key], [folded(type.key), type.key]] as const));

/** The type an editor wrote (its Persian name or its key), or undefined for none of the table's. */
export function findReleaseType(written: string): ReleaseTypeKey | undefined {
  return byWritten.get(folded(written));
}

/** The type of a key the build holds. */
export function releaseType(key: ReleaseTypeKey): ReleaseType {
  const type = byKey.get(key);
  if (!type) throw new Error(`Internal error: no release type "${key}"`);
  return type;
}
