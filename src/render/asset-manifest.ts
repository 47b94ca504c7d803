/**
 * Fingerprinted assets: every stylesheet, script and font is served under a name that
 * carries a hash of its content (`/assets/site.rtl.3f2a9c0b1d.css`), so hosts can let
 * browsers keep it for a year without asking again (`_headers`, src/build/host-headers.ts), and a
 * changed file is a new address that no cache has seen.
 *
 * The manifest is made at the start of each build (src/assets/assets.ts), kept in the build's
 * context, and handed to the layouts, which ask it for addresses by the asset's plain name
 * (`assetUrl(assets, "site.rtl.css")`); outside a build (a unit test rendering one layout)
 * the plain, unfingerprinted address is returned.
 */
import { createHash } from "node:crypto";

/** Where assets are served from, root-relative (HtmlBasePlugin adds the path prefix in pages). */
export const ASSETS_URL = "/assets/";
/** Hex digits of SHA-256 in a name: 40 bits, no collision among a site's few assets. */
export const HASH_LENGTH = 10;

export interface Asset {
  /** The plain name under /assets/: `site.rtl.css`, `fonts/Vazirmatn-Regular.woff2`. */
  name: string;
  /** The fingerprinted address: `/assets/site.rtl.3f2a9c0b1d.css`. */
  url: string;
  content: Buffer;
}

export function contentHash(content: Buffer | string): string {
  return createHash("sha256").update(content).digest("hex").slice(0, HASH_LENGTH);
}

/** `fonts/a.woff2` + content → `fonts/a.<hash>.woff2` (the hash goes before the last extension). */
export function fingerprintedName(name: string, content: Buffer | string): string {
  const slash = name.lastIndexOf("/");
  const dot = name.lastIndexOf(".");
  const hash = contentHash(content);
  return dot > slash + 1 ? `${name.slice(0, dot)}.${hash}${name.slice(dot)}` : `${name}.${hash}`;
}

export function fingerprint(name: string, content: Buffer | string): Asset {
  const bytes = typeof content === "string" ? Buffer.from(content) : content;
  return { name, url: `${ASSETS_URL}${fingerprintedName(name, bytes)}`, content: bytes };
}

/** `="<prefix>/assets/<stem>.<hash><extension>"`: an attribute whose value is an asset's fingerprinted address. */
const FINGERPRINTED_ATTRIBUTE = new RegExp(`="([^"\\s]*?)${ASSETS_URL}([^"\\s]+?)\\.[0-9a-f]{${HASH_LENGTH}}((?:\\.[A-Za-z0-9]+)?)"`, "g");

export class AssetManifest {
  private readonly byName: ReadonlyMap<string, Asset>;

  constructor(readonly assets: readonly Asset[]) {
    this.byName = new Map(assets.map((asset) => [asset.name, asset]));
  }

  /** Every asset's address, in one string: what a cached page that names them depends on. */
  key(): string {
    return this.assets.map((asset) => asset.url).join("\n");
  }

  /**
   * A page written with another build's assets, their fingerprinted addresses replaced by this
   * manifest's: the page this build renders when nothing but the assets changed, since a page names
   * an asset only by its address, as an attribute's whole value (layouts/base.ts, release.ts,
   * search.ts; none inlines one). Only such values are replaced (after any path prefix), never text.
   */
  readdressed(page: string): string {
    return page.replace(FINGERPRINTED_ATTRIBUTE, (whole, before: string, stem: string, extension: string) => {
      const asset = this.byName.get(`${stem}${extension}`);
      return asset ? `="${before}${asset.url}"` : whole;
    });
  }

  url(name: string): string {
    const asset = this.byName.get(name);
    if (!asset) throw new Error(`Internal error: no asset named ${name} (known: ${[...this.byName.keys()].join(", ")})`);
    return asset.url;
  }
}

/** The served address of an asset, by its plain name; without a manifest (a unit test rendering one layout), its plain address. */
export function assetUrl(manifest: AssetManifest | undefined, name: string): string {
  return manifest ? manifest.url(name) : `${ASSETS_URL}${name}`;
}
