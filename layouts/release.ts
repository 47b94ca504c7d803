/** A release page at /news/<id>/. */
import { html, trustedHtml, type Renderable } from "../src/render/html.js";
import { formatGregorianDate, formatShownDate, toIsoString } from "../src/persian/dates.js";
import { DEFAULT_RELEASE_TYPE, releaseType } from "../src/content/release-types.js";
import { interfaceStrings } from "../src/render/i18n.js";
import { toPersianDigits } from "../src/persian/letters.js";
import type { Release } from "../src/content/release.js";
import type { SiteMetadata } from "../src/content/site.js";
import { assetUrl, type AssetManifest } from "../src/render/asset-manifest.js";
import { renderPage } from "./base.js";
import { releaseSharingTags, type SharingPicture } from "../src/render/structured-data.js";
import { renderShareLinks } from "./share-links.js";
import { absoluteUrl } from "../src/render/absolute-url.js";
import type { FoundVideo } from "../src/render/video-markdown.js";

export interface ReleasePage {
  site: SiteMetadata;
  /** The fingerprinted assets of the build (plain addresses when absent, as in unit tests). */
  assets?: AssetManifest;
  release: Release;
  /** The body, rendered from Markdown. */
  bodyHtml: string;
  /** The lead picture, converted (src/render/images.ts); without it, the plain `image`. */
  image?: Renderable;
  /** Browsing additions (src/browse/release-navigation.ts, layouts/release-browsing.ts). */
  browsing?: ReleasePageBrowsing;
  /** The raster picture the release is shared with (src/render/images.ts `sharingPicture`), when it has a picture of the site. */
  sharingPicture?: SharingPicture | undefined;
  /** The same release in the other language, when this build gives it a page: hreflang alternates and a link to it. */
  translation?: Release | undefined;
  /** The body's videos, found while it was rendered (src/render/video-markdown.ts): the JSON-LD's VideoObjects. */
  videos?: readonly FoundVideo[];
}

export interface ReleasePageBrowsing {
  /** Shown above the article (breadcrumbs) and below it (previous/next, related releases). */
  before: Renderable;
  after: Renderable;
  /** Pages of the county, organization and tags (by the tag as written), where they exist. */
  countyUrl?: string;
  organizationUrl?: string;
  tagUrls: ReadonlyMap<string, string>;
  /** The list of the release's type, where it exists. */
  typeUrl?: string | undefined;
}

/** The text, as a link when its page exists. */
const linkedText = (text: string, url: string | undefined) => (url ? html`<a href="${url}">${text}</a>` : text);

export function renderRelease({ site, assets, release, bodyHtml, image, browsing, videos, sharingPicture, translation }: ReleasePage): string {
  const t = interfaceStrings(release.lang);
  const persian = release.lang === "fa";
  const iso = toIsoString(release.date);
  // A day written without a time is shown without one (never «ساعت ۰۰:۰۰»).
  const shownDate = formatShownDate(release.date, release.lang, !release.dateOnly);
  const gregorian = persian ? html` <span class="release__gregorian">(${formatGregorianDate(release.date, "fa")} ${t.gregorian})</span>` : "";
  const newsCode = persian ? toPersianDigits(release.id) : String(release.id);

  const meta = [
    html`<div><dt>${t.date}</dt><dd><time datetime="${iso}">${shownDate}</time>${gregorian}</dd></div>`,
    release.updated ? html`<div><dt>${t.updated}</dt><dd><time datetime="${toIsoString(release.updated)}">${formatShownDate(release.updated, release.lang, !release.updatedDateOnly)}</time></dd></div>` : "",
    html`<div><dt>${t.newsCode}</dt><dd>${newsCode}</dd></div>`,
    html`<div><dt>${t.releaseType}</dt><dd>${linkedText(releaseType(release.type)[release.lang], browsing?.typeUrl)}</dd></div>`,
    release.county ? html`<div><dt>${t.county}</dt><dd>${linkedText(persian ? release.county.name : release.county.english, browsing?.countyUrl)}</dd></div>` : "",
    release.organization ? html`<div><dt>${t.organization}</dt><dd>${linkedText(release.organization, browsing?.organizationUrl)}</dd></div>` : "",
  ];

  const body = html`${browsing?.before}
<article class="release" data-pagefind-body>
${release.draft ? html`<p class="release__draft" role="note" data-pagefind-ignore>${t.draft}</p>` : ""}
${release.embargoed ? html`<p class="release__draft release__embargoed" role="note" data-pagefind-ignore>${t.embargoed}</p>` : ""}
<header class="release__header">
<h1 class="release__title">${release.title}</h1>
${release.lead ? html`<p class="release__lead">${release.lead}</p>` : ""}
<dl class="release__meta" data-pagefind-ignore>${meta}</dl>
${translationLink(release, translation)}
</header>
${release.correction ? html`<p class="release__correction" role="note" data-pagefind-ignore><strong>${t.correction}:</strong> ${release.correction}</p>` : ""}
${release.image ? html`<figure class="release__figure">${image ?? html`<img src="${release.image}" alt="${release.imageAlt}">`}</figure>` : ""}
<div class="release__body">
${trustedHtml(bodyHtml)}
</div>
<footer class="release__footer" data-pagefind-ignore>
${release.tags.length > 0 ? html`<h2 class="visually-hidden">${t.tags}</h2><ul class="tags" aria-label="${t.tags}">${release.tags.map((tag) => html`<li>${linkedText(tag, browsing?.tagUrls.get(tag))}</li>`)}</ul>` : ""}
${renderShareLinks(absoluteUrl(site.url, release.url), release.title, release.lang)}
${release.source ? html`<p class="release__source">${t.source}: <a href="${release.source}" dir="ltr" rel="noopener noreferrer">${release.source}</a></p>` : ""}
</footer>
</article>
${browsing?.after}`;

  // release.js (src/assets/release-client.ts) opens a video's player when asked and makes copy-link buttons work; deferred, from the site.
  return renderPage({
    site,
    assets,
    lang: release.lang,
    title: release.title,
    description: release.lead ?? undefined,
    url: release.url,
    alternates: translation ? (persian ? { fa: release.url, en: translation.url } : { fa: translation.url, en: release.url }) : undefined,
    head: html`<meta name="robots" content="${release.draft || release.embargoed ? "noindex" : "index, follow"}">
${releaseSharingTags(site, release, videos, sharingPicture)}
<script defer src="${assetUrl(assets, "release.js")}"></script>`,
    body,
  });
}

/** The link to the release's translation, in the translation's language («Read this release in English»). */
function translationLink(release: Release, translation: Release | undefined) {
  if (!translation) return "";
  const t = interfaceStrings(release.lang);
  return html`<p class="release__translation" data-pagefind-ignore><a href="${translation.url}" hreflang="${translation.lang}" lang="${translation.lang}" dir="${translation.lang === "fa" ? "rtl" : "ltr"}">${t.otherLanguageRelease}</a></p>`;
}

/** Shared by list pages: one line per release. */
export function releaseSummary(release: Release, headingLevel: 2 | 3 = 2) {
  const persian = release.lang === "fa";
  const t = interfaceStrings(release.lang);
  // Only the preview lists drafts and embargoed releases; the badge tells the editor which.
  const badge = release.draft ? t.draftBadge : release.embargoed ? t.embargoedBadge : undefined;
  const heading = html`<a href="${release.url}">${release.title}</a>${badge ? html` <span class="summary__badge">${badge}</span>` : ""}`;
  return html`<article class="summary" lang="${release.lang}" dir="${persian ? "rtl" : "ltr"}">
${headingLevel === 2 ? html`<h2 class="summary__title">${heading}</h2>` : html`<h3 class="summary__title">${heading}</h3>`}
<p class="summary__meta"><time datetime="${toIsoString(release.date)}">${formatShownDate(release.date, release.lang, !release.dateOnly)}</time>${release.type === DEFAULT_RELEASE_TYPE ? "" : html` · ${releaseType(release.type)[release.lang]}`}${release.county ? html` · ${persian ? release.county.name : release.county.english}` : ""}</p>
${release.lead ? html`<p class="summary__lead">${release.lead}</p>` : ""}
</article>`;
}
