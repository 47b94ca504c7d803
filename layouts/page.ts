/** A page of content/pages/ (about us, contact…) at /<slug>/ or /en/<slug>/: its title and its Markdown text, in the site's shell. */
import { html, trustedHtml } from "../src/render/html.js";
import type { ContentPage } from "../src/content/content-page.js";
import type { SiteMetadata } from "../src/content/site.js";
import type { AssetManifest } from "../src/render/asset-manifest.js";
import { pageSharingTags } from "../src/render/structured-data.js";
import { renderPage } from "./base.js";

export interface ContentPageView {
  site: SiteMetadata;
  /** The fingerprinted assets of the build (plain addresses when absent, as in unit tests). */
  assets?: AssetManifest;
  page: Pick<ContentPage, "title" | "description" | "url" | "lang">;
  /** The text, rendered from Markdown (raw HTML escaped: src/render/markdown.ts). */
  bodyHtml: string;
}

export function renderContentPage({ site, assets, page, bodyHtml }: ContentPageView): string {
  return renderPage({
    site,
    assets,
    lang: page.lang,
    title: page.title,
    description: page.description,
    url: page.url,
    head: html`<meta name="robots" content="index, follow">
${pageSharingTags(site, page)}`,
    body: html`<article class="content-page">
<h1 class="page-title">${page.title}</h1>
<div class="release__body">
${trustedHtml(bodyHtml)}
</div>
</article>`,
  });
}
