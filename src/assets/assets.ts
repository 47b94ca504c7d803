/**
 * Stylesheets (one source, rtlcss for right to left), the Vazirmatn font files and scripts,
 * each fingerprinted by its content (src/render/asset-manifest.ts). They are made at the start of
 * each build (src/build/steps.ts), so that pages can name them, and written into the output at its end.
 */
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { AssetManifest, ASSETS_URL, fingerprint } from "../render/asset-manifest.js";
import { FONT_FACES, fontFaceCss, subsetFonts } from "./fonts.js";
import { buildStylesheets } from "./styles.js";
import { bundleReleaseClient } from "./release-script.js";

/**
 * Every asset of the site, fingerprinted: the fonts, the stylesheets, the search page's script
 * (bundled by src/search/client-bundle.ts) and the release page's (src/assets/release-script.ts). Fonts first: the stylesheets name them, so their
 * addresses are part of the stylesheets' content.
 */
export async function buildAssetManifest(searchScript: string, releaseScript?: string): Promise<AssetManifest> {
  const fontFiles = await subsetFonts();
  const fonts = FONT_FACES.map((face) => fingerprint(`fonts/${face.name}`, fontFiles.get(face.name)!));
  // Relative to the stylesheet (both live in /assets/): right under any path prefix.
  const faces = fontFaceCss((face) => fonts.find((font) => font.name === `fonts/${face.name}`)!.url.slice(ASSETS_URL.length));
  const { ltr, rtl } = await buildStylesheets(faces);
  // The release page's script (src/assets/release-script.ts) is bundled here unless given.
  const release = fingerprint("release.js", releaseScript ?? (await bundleReleaseClient()));
  return new AssetManifest([...fonts, fingerprint("site.css", ltr), fingerprint("site.rtl.css", rtl), fingerprint("search.js", searchScript), release]);
}

/** Writes every asset into the output, under its fingerprinted name. */
export async function writeAssets(outputDir: string, manifest: AssetManifest): Promise<void> {
  for (const asset of manifest.assets) {
    const target = path.join(outputDir, asset.url);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, asset.content);
  }
}
