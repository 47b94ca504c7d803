/**
 * What a release page tells search engines and sharing previews: schema.org NewsArticle as
 * JSON-LD, OpenGraph and Twitter card tags. Everything absolute; dates with the Tehran offset.
 */
import { absoluteUrl } from "./absolute-url.js";
import type { Release } from "../content/release.js";
import { toIsoString } from "../persian/dates.js";
import { html, trustedHtml, type SafeHtml } from "./html.js";
import type { SiteMetadata } from "../content/site.js";

export function newsArticle(site: SiteMetadata, release: Release): Record<string, unknown> {
  const canonical = absoluteUrl(site.url, release.url);
  const date = toIsoString(release.date);
  const publisher = {
    "@type": "Organization",
    name: site.publisher[release.lang],
    url: absoluteUrl(site.url, "/"),
    ...(site.logo ? { logo: { "@type": "ImageObject", url: absoluteUrl(site.url, site.logo.url), width: site.logo.width, height: site.logo.height } } : {}),
  };
  return {
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    headline: release.title,
    ...(release.lead ? { description: release.lead } : {}),
    datePublished: date,
    // Releases are not edited after publication; the schema has no separate field for it.
    dateModified: date,
    ...(release.image ? { image: [absoluteUrl(site.url, release.image)] } : {}),
    author: release.organization ? { "@type": "Organization", name: release.organization } : publisher,
    publisher,
    mainEntityOfPage: { "@type": "WebPage", "@id": canonical },
    url: canonical,
    inLanguage: release.lang,
    ...(release.tags.length > 0 ? { keywords: release.tags.join(", ") } : {}),
  };
}

/**
 * JSON for inside a <script> element: `<`, `>` and `&` written as \u escapes (still the same
 * JSON) so that no value, such as a title with `</script>` or `<!--`, can end or bend the
 * element; U+2028/U+2029 likewise, for older JavaScript parsers.
 */
export function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

export function jsonLdScript(value: unknown): SafeHtml {
  return html`<script type="application/ld+json">${trustedHtml(scriptSafeJson(value))}</script>`;
}

const OG_LOCALES = { fa: "fa_IR", en: "en_US" } as const;

/** The picture a page is shared with: its own, or else the site's logo (with its size and the site's name as its description). */
interface SharingImage {
  url: string;
  alt: string;
  width?: number;
  height?: number;
}

function sharingImage(site: SiteMetadata, lang: Release["lang"], image?: { url: string; alt: string }): SharingImage | undefined {
  if (image) return { url: absoluteUrl(site.url, image.url), alt: image.alt };
  if (!site.logo) return undefined;
  return { url: absoluteUrl(site.url, site.logo.url), alt: site.name[lang], width: site.logo.width, height: site.logo.height };
}

/** og:image and its details (a logo states its size, a release's picture is converted to several). */
function ogImageTags(image: SharingImage | undefined): SafeHtml | "" {
  if (!image) return "";
  const size = image.width && image.height ? html`<meta property="og:image:width" content="${image.width}">
<meta property="og:image:height" content="${image.height}">
` : "";
  return html`<meta property="og:image" content="${image.url}">
${size}<meta property="og:image:alt" content="${image.alt}">
`;
}

/** The head tags of a release page for sharing previews and search engines. Without a picture of its own, the site's logo is the release's sharing picture. */
export function releaseSharingTags(site: SiteMetadata, release: Release): SafeHtml {
  const canonical = absoluteUrl(site.url, release.url);
  const description = release.lead ?? site.description[release.lang];
  const own = release.image !== undefined;
  const image = sharingImage(site, release.lang, release.image ? { url: release.image, alt: release.imageAlt ?? "" } : undefined);
  const date = toIsoString(release.date);
  const shared: SharedPage = { title: release.title, description, url: canonical, lang: release.lang, image };
  return html`${openGraphTags(site, "article", shared)}<meta property="article:published_time" content="${date}">
<meta property="article:modified_time" content="${date}">
${release.tags.map((tag) => html`<meta property="article:tag" content="${tag}">
`)}${twitterTags(own ? "summary_large_image" : "summary", shared)}${jsonLdScript(newsArticle(site, release))}`;
}

/** What a sharing preview shows of a page: its title, description, absolute address, language and picture. */
interface SharedPage {
  title: string;
  description: string;
  url: string;
  lang: Release["lang"];
  image: SharingImage | undefined;
}

function openGraphTags(site: SiteMetadata, type: "article" | "website", page: SharedPage): SafeHtml {
  return html`<meta property="og:type" content="${type}">
<meta property="og:site_name" content="${site.name[page.lang]}">
<meta property="og:title" content="${page.title}">
<meta property="og:description" content="${page.description}">
<meta property="og:url" content="${page.url}">
<meta property="og:locale" content="${OG_LOCALES[page.lang]}">
${ogImageTags(page.image)}`;
}

function twitterTags(card: "summary" | "summary_large_image", page: SharedPage): SafeHtml {
  return html`<meta name="twitter:card" content="${card}">
<meta name="twitter:title" content="${page.title}">
<meta name="twitter:description" content="${page.description}">
${page.image ? html`<meta name="twitter:image" content="${page.image.url}">
<meta name="twitter:image:alt" content="${page.image.alt}">
` : ""}`;
}

/** The head tags of a page of content/pages/ (about us, contact…) for sharing previews: a web page, shared with the site's logo. */
export function pageSharingTags(site: SiteMetadata, page: { title: string; description?: string | undefined; url: string; lang: Release["lang"] }): SafeHtml {
  const shared: SharedPage = {
    title: page.title,
    description: page.description ?? site.description[page.lang],
    url: absoluteUrl(site.url, page.url),
    lang: page.lang,
    image: sharingImage(site, page.lang),
  };
  return html`${openGraphTags(site, "website", shared)}${twitterTags("summary", shared)}`;
}
