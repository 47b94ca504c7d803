/**
 * What a release page tells search engines and sharing previews: schema.org NewsArticle as
 * JSON-LD, OpenGraph and Twitter card tags. Everything absolute; dates with the Tehran offset.
 */
import { absoluteUrl } from "./absolute-url.js";
import { lastModified, type Release } from "../content/release.js";
import { releaseType } from "../content/release-types.js";
import { toIsoString } from "../persian/dates.js";
import { html, trustedHtml, type SafeHtml } from "./html.js";
import type { SiteMetadata } from "../content/site.js";
import type { FoundVideo } from "./video-markdown.js";

export function newsArticle(site: SiteMetadata, release: Release, videos: readonly FoundVideo[] = [], picture?: SharingPicture): Record<string, unknown> {
  const canonical = absoluteUrl(site.url, release.url);
  const date = toIsoString(release.date);
  const publisher = {
    "@type": "Organization",
    name: site.publisher[release.lang],
    url: absoluteUrl(site.url, "/"),
    ...(site.logo ? { logo: imageObject(site, site.logo.sharing ?? site.logo) } : {}),
  };
  return {
    "@context": "https://schema.org",
    // ReportageNewsArticle for a report from the scene, else NewsArticle (src/content/release-types.ts).
    "@type": releaseType(release.type).schemaType,
    headline: release.title,
    ...(release.lead ? { description: release.lead } : {}),
    datePublished: date,
    // A release corrected after publication says when (`updated:`).
    dateModified: toIsoString(lastModified(release)),
    ...ownPictureField(site, release, picture),
    author: release.organization ? { "@type": "Organization", name: release.organization } : publisher,
    publisher,
    mainEntityOfPage: { "@type": "WebPage", "@id": canonical },
    url: canonical,
    inLanguage: release.lang,
    ...(release.tags.length > 0 ? { keywords: release.tags.join(", ") } : {}),
    ...(videos.length > 0 ? { video: videos.map((video) => videoObject(site, release, video, ownPicture(release, picture) ?? sharingLogo(site))) } : {}),
  };
}

/**
 * A video of the release's text (src/render/video-markdown.ts) as schema.org VideoObject: its
 * player (embedUrl) or, for a file of the site, the file (contentUrl); uploaded with the release,
 * pictured by the release's sharing picture or the site's logo, never a drawing (the provider's
 * own poster would be a request to it).
 */
function videoObject(site: SiteMetadata, release: Release, video: FoundVideo, thumbnail: SharingPicture | undefined): Record<string, unknown> {
  return {
    "@type": "VideoObject",
    name: video.title,
    description: release.lead ?? video.title,
    uploadDate: toIsoString(release.date),
    ...(thumbnail ? { thumbnailUrl: absoluteUrl(site.url, thumbnail.url) } : {}),
    ...(video.provider === "file" ? { contentUrl: absoluteUrl(site.url, video.embedUrl) } : { embedUrl: video.embedUrl, url: video.pageUrl }),
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

// Sharing pictures: never an SVG, which sharing previews ignore.

/**
 * A raster picture a page is shared with, as the picture pipeline made it (src/render/images.ts
 * `sharingPicture`): a converted JPEG of the release's picture, or a PNG drawn from an SVG.
 */
export interface SharingPicture {
  /** Root-relative (`/img/…`) or absolute. */
  url: string;
  width?: number;
  height?: number;
}

/** Whether an address names a drawing (`.svg`, before any query or fragment). */
export function isDrawingAddress(url: string): boolean {
  return /\.svgz?(?:[?#]|$)/i.test(url);
}

/** The release's own sharing picture: the pipeline's raster, else its `image` unless that is a drawing (never an SVG). */
function ownPicture(release: Release, picture: SharingPicture | undefined): SharingPicture | undefined {
  if (picture) return picture;
  return release.image && !isDrawingAddress(release.image) ? { url: release.image } : undefined;
}

/** The logo as a sharing picture: its raster stand-in for a drawing, itself otherwise; none for a drawing without one. */
function sharingLogo(site: SiteMetadata): SharingPicture | undefined {
  if (!site.logo) return undefined;
  if (site.logo.sharing) return site.logo.sharing;
  return isDrawingAddress(site.logo.url) ? undefined : site.logo;
}

function imageObject(site: SiteMetadata, picture: SharingPicture): Record<string, unknown> {
  return { "@type": "ImageObject", url: absoluteUrl(site.url, picture.url), ...(picture.width && picture.height ? { width: picture.width, height: picture.height } : {}) };
}

/** NewsArticle's `image`: the release's own picture (a raster), with its size when the pipeline made it. */
function ownPictureField(site: SiteMetadata, release: Release, picture: SharingPicture | undefined): Record<string, unknown> {
  const own = ownPicture(release, picture);
  if (!own) return {};
  return { image: [own.width && own.height ? imageObject(site, own) : absoluteUrl(site.url, own.url)] };
}

/** The picture a page is shared with: its own, or else the site's logo (with its size and the site's name as its description). */
interface SharingImage {
  url: string;
  alt: string;
  width?: number;
  height?: number;
}

function sharingImage(site: SiteMetadata, lang: Release["lang"], image?: SharingPicture & { alt: string }): SharingImage | undefined {
  if (image) return { url: absoluteUrl(site.url, image.url), alt: image.alt, width: image.width, height: image.height };
  const logo = sharingLogo(site);
  if (!logo) return undefined;
  return { url: absoluteUrl(site.url, logo.url), alt: site.name[lang], width: logo.width, height: logo.height };
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
export function releaseSharingTags(site: SiteMetadata, release: Release, videos: readonly FoundVideo[] = [], picture?: SharingPicture): SafeHtml {
  const canonical = absoluteUrl(site.url, release.url);
  const description = release.lead ?? site.description[release.lang];
  const ownRaster = ownPicture(release, picture);
  const own = ownRaster !== undefined;
  const image = sharingImage(site, release.lang, ownRaster ? { ...ownRaster, alt: release.imageAlt ?? "" } : undefined);
  const date = toIsoString(release.date);
  const shared: SharedPage = { title: release.title, description, url: canonical, lang: release.lang, image };
  return html`${openGraphTags(site, "article", shared)}<meta property="article:published_time" content="${date}">
<meta property="article:modified_time" content="${toIsoString(lastModified(release))}">
${release.tags.map((tag) => html`<meta property="article:tag" content="${tag}">
`)}${twitterTags(own ? "summary_large_image" : "summary", shared)}${jsonLdScript(newsArticle(site, release, videos, picture))}`;
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
