/**
 * A page that sends the reader on to a release's address: old links (/News/<id>/) and the
 * Persian address of an English release. No script: a meta refresh for browsers, a canonical
 * link for search engines (which treat an immediate refresh as a permanent redirect), noindex,
 * and a visible link for everyone else. Deliberately bare: it is seen for a moment, if at all.
 */
import { html } from "../src/render/html.js";
import { directionOf, interfaceStrings } from "../src/render/i18n.js";
import type { Language } from "../src/content/schema.js";
import { faviconLink, securityPolicyMeta } from "./base.js";

export interface RedirectPage {
  /** Root-relative address to go to. */
  to: string;
  /** Absolute address of the same, for the canonical link. */
  canonical: string;
  /** The release's title, as the link text. */
  title: string;
  lang: Language;
}

export function renderRedirect({ to, canonical, title, lang }: RedirectPage): string {
  const t = interfaceStrings(lang);
  return html`<!doctype html>
<html lang="${lang}" dir="${directionOf(lang)}">
<head>
<meta charset="utf-8">
${securityPolicyMeta}
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${t.redirectTitle}</title>
<meta name="robots" content="noindex">
<link rel="canonical" href="${canonical}">
${faviconLink}
<meta http-equiv="refresh" content="0; url=${to}">
</head>
<body>
<p>${t.redirectText} <a href="${to}">${title}</a></p>
</body>
</html>
`.value;
}
