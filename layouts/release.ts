/** A release page at /news/<id>/. */
import { html, trustedHtml, type Renderable } from "../src/render/html.js";
import { formatEnglishDateTime, formatGregorianDate, formatJalaliDateTime, toIsoString } from "../src/persian/dates.js";
import { interfaceStrings } from "../src/render/i18n.js";
import { toPersianDigits } from "../src/persian/letters.js";
import type { Release } from "../src/content/release.js";
import type { SiteMetadata } from "../src/content/site.js";
import type { AssetManifest } from "../src/render/asset-manifest.js";
import { renderPage } from "./base.js";
import { releaseSharingTags } from "../src/render/structured-data.js";

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
}

export interface ReleasePageBrowsing {
  /** Shown above the article (breadcrumbs) and below it (previous/next, related releases). */
  before: Renderable;
  after: Renderable;
  /** Pages of the county, organization and tags (by the tag as written), where they exist. */
  countyUrl?: string;
  organizationUrl?: string;
  tagUrls: ReadonlyMap<string, string>;
}

/** The text, as a link when its page exists. */
const linkedText = (text: string, url: string | undefined) => (url ? html`<a href="${url}">${text}</a>` : text);

export function renderRelease({ site, assets, release, bodyHtml, image, browsing }: ReleasePage): string {
  const t = interfaceStrings(release.lang);
  const persian = release.lang === "fa";
  const iso = toIsoString(release.date);
  const shownDate = persian ? formatJalaliDateTime(release.date) : formatEnglishDateTime(release.date);
  const gregorian = persian ? html` <span class="release__gregorian">(${formatGregorianDate(release.date, "fa")} ${t.gregorian})</span>` : "";
  const newsCode = persian ? toPersianDigits(release.id) : String(release.id);

  const meta = [
    html`<div><dt>${t.date}</dt><dd><time datetime="${iso}">${shownDate}</time>${gregorian}</dd></div>`,
    html`<div><dt>${t.newsCode}</dt><dd>${newsCode}</dd></div>`,
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
</header>
${release.image ? html`<figure class="release__figure">${image ?? html`<img src="${release.image}" alt="${release.imageAlt}">`}</figure>` : ""}
<div class="release__body">
${trustedHtml(bodyHtml)}
</div>
<footer class="release__footer" data-pagefind-ignore>
${release.tags.length > 0 ? html`<h2 class="visually-hidden">${t.tags}</h2><ul class="tags" aria-label="${t.tags}">${release.tags.map((tag) => html`<li>${linkedText(tag, browsing?.tagUrls.get(tag))}</li>`)}</ul>` : ""}
${release.source ? html`<p class="release__source">${t.source}: <a href="${release.source}" dir="ltr" rel="noopener noreferrer">${release.source}</a></p>` : ""}
</footer>
</article>
${browsing?.after}`;

  return renderPage({
    site,
    assets,
    lang: release.lang,
    title: release.title,
    description: release.lead ?? undefined,
    url: release.url,
    head: html`<meta name="robots" content="${release.draft || release.embargoed ? "noindex" : "index, follow"}">
${releaseSharingTags(site, release)}`,
    body,
  });
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
<p class="summary__meta"><time datetime="${toIsoString(release.date)}">${persian ? formatJalaliDateTime(release.date) : formatEnglishDateTime(release.date)}</time>${release.county ? html` · ${persian ? release.county.name : release.county.english}` : ""}</p>
${release.lead ? html`<p class="summary__lead">${release.lead}</p>` : ""}
</article>`;
}
