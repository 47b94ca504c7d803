/**
 * Where a reader shares a release: the documented share addresses of the apps Iranian readers
 * use, as plain links (no script, nothing loaded from another site until the reader follows one).
 * Each takes the release's absolute canonical address and its title, percent-encoded
 * (`encodeURIComponent`: Persian titles, `&`, `#` and `?` in them stay inside their parameter).
 *
 * - Telegram: https://t.me/share/url?url=…&text=… (core.telegram.org/widgets/share)
 * - WhatsApp: https://wa.me/?text=… (text only: the address goes at the end of the text)
 * - X: https://x.com/intent/tweet?text=…&url=… (docs.x.com, "Web intent")
 * - e-mail: mailto:?subject=…&body=… (RFC 6068: line breaks as CRLF)
 *
 * Eitaa and Bale are left out: no documented share address of theirs could be confirmed (Bale's
 * documentation names a share page among its ble.ir links without its parameters; Eitaa's none).
 * One could be added here as a line, once its address is documented.
 */
export const SHARE_NETWORKS = ["telegram", "whatsapp", "x", "email"] as const;
export type ShareNetwork = (typeof SHARE_NETWORKS)[number];

export interface ShareAddress {
  network: ShareNetwork;
  href: string;
}

/** The share addresses of the page at the absolute address `url`, titled `title`, in SHARE_NETWORKS's order. */
export function shareAddresses(url: string, title: string): ShareAddress[] {
  const address = encodeURIComponent(url);
  const text = encodeURIComponent(title);
  return [
    { network: "telegram", href: `https://t.me/share/url?url=${address}&text=${text}` },
    { network: "whatsapp", href: `https://wa.me/?text=${encodeURIComponent(`${title}\n${url}`)}` },
    { network: "x", href: `https://x.com/intent/tweet?text=${text}&url=${address}` },
    { network: "email", href: `mailto:?subject=${text}&body=${encodeURIComponent(`${title}\r\n\r\n${url}`)}` },
  ];
}
