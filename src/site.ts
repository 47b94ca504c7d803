/**
 * Site metadata: the one place layouts, feeds and sitemaps read the site's name, address
 * and publisher from. A deployment sets SITE_URL to its own address.
 */
export interface SiteMetadata {
  /** Absolute base URL, without a trailing slash. */
  url: string;
  name: { fa: string; en: string };
  description: { fa: string; en: string };
  publisher: { fa: string; en: string };
  /** The publisher's logo (root-relative or https://), for feeds and JSON-LD; none yet. */
  logo?: string;
}

export function siteMetadata(env: NodeJS.ProcessEnv = process.env): SiteMetadata {
  return {
    url: (env.SITE_URL ?? "https://news.example.org").replace(/\/+$/, ""),
    name: { fa: "آرشیو خبرهای استانداری تهران", en: "Tehran Governorate News Archive" },
    description: {
      fa: "خبرها و اطلاعیه‌های روابط‌عمومی استانداری تهران و شهرستان‌های استان",
      en: "News releases of the Tehran Governorate public-relations office",
    },
    publisher: { fa: "روابط‌عمومی استانداری تهران", en: "Tehran Governorate Public Relations" },
  };
}
