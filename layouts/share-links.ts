/**
 * A release page's share links (src/render/share-links.ts): plain links, named by text in the
 * page's language (no icon to fetch), each with an accessible name that says what it does
 * («هم‌رسانی در تلگرام»). The apps' addresses open in a new tab (on a phone, the app); e-mail in the
 * reader's mail program. The copy-link button is hidden until the release page's own script shows
 * it and copies the address (`[data-akhbar-copy]`): without script nothing broken shows.
 */
import { html, type SafeHtml } from "../src/render/html.js";
import { fillString, interfaceStrings } from "../src/render/i18n.js";
import { shareAddresses, type ShareNetwork } from "../src/render/share-links.js";
import type { Language } from "../src/content/schema.js";

/** The share links of the page at the absolute address `url`, titled `title`. */
export function renderShareLinks(url: string, title: string, lang: Language): SafeHtml {
  const t = interfaceStrings(lang);
  const names: Record<ShareNetwork, string> = { telegram: t.telegram, whatsapp: t.whatsapp, x: t.x, email: t.email };
  const links = shareAddresses(url, title).map(({ network, href }) => {
    if (network === "email") return html`<li><a class="share-links__link" href="${href}" aria-label="${t.shareByEmail}">${names.email}</a></li>`;
    return html`<li><a class="share-links__link" href="${href}" target="_blank" rel="noopener noreferrer" aria-label="${fillString(t.shareOn, { network: names[network] })}">${names[network]}</a></li>`;
  });
  return html`<section class="share-links" aria-labelledby="share-links-title">
<h2 class="share-links__title" id="share-links-title">${t.share}</h2>
<ul class="share-links__list">${links}</ul>
<button type="button" class="share-links__copy" hidden data-akhbar-copy="${url}" data-akhbar-copied="${t.linkCopied}">${t.copyLink}</button>
</section>`;
}
