/**
 * The page shell every page shares: head, skip link, header (the site's name and logo, the search
 * box, the menu: the site's sections, then the pages and links of the site's settings), footer
 * (the settings' footer text, contact details and social accounts: src/content/site.ts).
 */
import { html, type Renderable, type SafeHtml } from "../src/render/html.js";
import { directionOf, interfaceStrings } from "../src/render/i18n.js";
import type { Language } from "../src/content/schema.js";
import type { SiteMetadata } from "../src/content/site.js";
import { toLatinDigits } from "../src/persian/letters.js";
import { siteFeedLinks } from "../src/render/feed-links.js";
import { assetUrl, type AssetManifest } from "../src/render/asset-manifest.js";
import { PRELOADED_FONTS } from "../src/assets/fonts.js";
import { contentSecurityPolicy } from "../src/render/security-policy.js";

/** First in every head: the policy covers everything the page loads after it (src/render/security-policy.ts). */
export const securityPolicyMeta = html`<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy("meta")}">`;

/** Every page names the icon, so browsers do not ask for a missing /favicon.ico. */
export const faviconLink = html`<link rel="icon" href="/favicon.svg" type="image/svg+xml">`;
import { ARCHIVE_URL, LATEST_NEWS_URL, TERM_SECTION_URLS } from "../src/browse/urls.js";

export interface PageShell {
  site: SiteMetadata;
  /** The fingerprinted assets of the build; without it (a unit test rendering one layout) the plain addresses. */
  assets?: AssetManifest | undefined;
  lang: Language;
  /** The page's own title; the site name is appended. */
  title?: string;
  description?: string;
  /** Root-relative URL of this page. */
  url: string;
  head?: Renderable;
  body: Renderable;
  /**
   * The page's address in each language, when it exists in both (a release and its translation,
   * the two home pages): hreflang alternates in the head, and the header's language switch leads
   * to the other one (without it, to the other language's home).
   */
  alternates?: Readonly<Record<Language, string>> | undefined;
}

/** The other interface language. */
const otherLanguage = (lang: Language): Language => (lang === "fa" ? "en" : "fa");

/** `<link rel="alternate" hreflang>` for each language of a page that has both, and x-default: the Persian one. */
function alternateLinks(site: SiteMetadata, alternates: PageShell["alternates"]): SafeHtml | "" {
  if (!alternates) return "";
  return html`<link rel="alternate" hreflang="fa" href="${site.url}${alternates.fa}">
<link rel="alternate" hreflang="en" href="${site.url}${alternates.en}">
<link rel="alternate" hreflang="x-default" href="${site.url}${alternates.fa}">
`;
}

/** The header's language switch: the page in the other language, or that language's home; named in that language. */
function languageSwitch(page: PageShell): SafeHtml {
  const other = otherLanguage(page.lang);
  const url = page.alternates?.[other] ?? (other === "en" ? "/en/" : "/");
  return html`<a class="language-switch" href="${url}" hreflang="${other}" lang="${other}" dir="${directionOf(other)}">${interfaceStrings(page.lang).otherLanguageName}</a>`;
}

export function renderPage(page: PageShell): string {
  const t = interfaceStrings(page.lang);
  const siteName = page.site.name[page.lang];
  const fullTitle = page.title ? `${page.title} | ${siteName}` : siteName;
  const stylesheet = assetUrl(page.assets, directionOf(page.lang) === "rtl" ? "site.rtl.css" : "site.css");
  const sections: Array<[string, string]> = [
    ["/", t.home],
    [LATEST_NEWS_URL, t.latestNews],
    [ARCHIVE_URL, t.archive],
    [TERM_SECTION_URLS.county, t.counties],
    [TERM_SECTION_URLS.organization, t.organizations],
    [TERM_SECTION_URLS.type, t.types],
    [TERM_SECTION_URLS.tag, t.tags],
    ["/search/", t.search],
    // The pages with `menu:` and the links of site.yml, in the page's language.
    ...page.site.menu.filter((link) => link.lang === page.lang).map((link): [string, string] => [link.url, link.title]),
  ];
  const { logo } = page.site;
  const document: SafeHtml = html`<!doctype html>
<html lang="${page.lang}" dir="${directionOf(page.lang)}">
<head>
<meta charset="utf-8">
${securityPolicyMeta}
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${fullTitle}</title>
<meta name="description" content="${page.description ?? page.site.description[page.lang]}">
<meta name="color-scheme" content="light dark">
<link rel="canonical" href="${page.site.url}${page.url}">
${faviconLink}
${page.lang === "fa" ? PRELOADED_FONTS.map((font) => html`<link rel="preload" href="${assetUrl(page.assets, `fonts/${font}`)}" as="font" type="font/woff2" crossorigin>
`) : ""}
<link rel="stylesheet" href="${stylesheet}">
${siteFeedLinks(page.site, page.lang)}
${alternateLinks(page.site, page.alternates)}${page.head}
</head>
<body>
<a class="skip-link" href="#main">${t.skipToContent}</a>
<header class="site-header">
<div class="site-header__inner">
<a class="site-name" href="${page.lang === "en" ? "/en/" : "/"}">${logo ? html`<img class="site-logo" src="${logo.url}" width="${logo.width}" height="${logo.height}" alt="">` : ""}${siteName}</a>
<form class="site-search" role="search" action="${page.lang === "en" ? "/en/search/" : "/search/"}" method="get">
<label class="visually-hidden" for="site-search-query">${t.searchLabel}</label>
<input id="site-search-query" name="q" type="search" placeholder="${t.searchPlaceholder}" autocomplete="off">
<button type="submit">${t.search}</button>
</form>
${languageSwitch(page)}
</div>
<nav class="site-nav" aria-label="${t.siteNavigation}"><ul>${sections.map(([url, label]) => html`<li><a href="${url}"${url === page.url ? html` aria-current="page"` : ""}>${label}</a></li>`)}</ul></nav>
</header>
<main id="main" tabindex="-1">
${page.body}
</main>
${siteFooter(page)}
</body>
</html>
`;
  return document.value;
}

/** The footer: the settings' text, then the contact details and the social accounts, when the settings have them. */
function siteFooter(page: PageShell): SafeHtml {
  const t = interfaceStrings(page.lang);
  const { footer, contact, social } = page.site;
  const phone = contact.phone ? html`${t.phone}: ${phoneLink(contact.phone)}` : "";
  const email = contact.email ? html`${t.email}: <a href="mailto:${contact.email}" dir="ltr">${contact.email}</a>` : "";
  const reach = [phone, email].filter((part) => part !== "");
  const details =
    contact.address || reach.length > 0
      ? html`<address class="site-contact">
${contact.address ? html`<p>${contact.address}</p>` : ""}${reach.length > 0 ? html`<p>${reach.map((part, index) => html`${index > 0 ? " · " : ""}${part}`)}</p>` : ""}
</address>`
      : "";
  const accounts =
    social.length > 0
      ? html`<nav class="site-social" aria-label="${t.socialAccounts}"><ul>${social.map((link) => html`<li><a href="${link.url}" rel="me noopener noreferrer">${t[link.network]}</a></li>`)}</ul></nav>`
      : "";
  return html`<footer class="site-footer">
<p>${footer[page.lang]}</p>
${details}${accounts}
</footer>`;
}

/**
 * A telephone number as written, as a link to call it when it is made of digits (Persian ones
 * too), spaces, dashes and a leading +. Its spaces and dashes do not break: a number split over
 * two lines is misread.
 */
function phoneLink(phone: string): SafeHtml {
  const latin = toLatinDigits(phone);
  const unbroken = phone.replace(/-/g, "\u2011").replace(/\s/g, "\u00a0");
  if (!/^\+?[\d\s()-]{3,}$/.test(latin)) return html`<span dir="ltr">${unbroken}</span>`;
  return html`<a href="tel:${latin.replace(/[^\d+]/g, "")}" dir="ltr">${unbroken}</a>`;
}
