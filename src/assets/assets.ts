/**
 * Stylesheets (one source, rtlcss for right to left), the Vazirmatn font files and scripts,
 * each fingerprinted by its content (src/render/asset-manifest.ts). They are made at the start of
 * each build, so that pages can name them, and written into the output at its end.
 */
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import type { UserConfig } from "@11ty/eleventy";
import { AssetManifest, ASSETS_URL, fingerprint, setAssetManifest } from "../render/asset-manifest.js";
import { FONT_FACES, fontFaceCss, subsetFonts } from "./fonts.js";
import { bundleSearchClient } from "../search/search-index.js";
import { buildStylesheets } from "./styles.js";
import type { AkhbarContext } from "../context/context.js";

export function registerAssets(eleventyConfig: UserConfig, context: Pick<AkhbarContext, "edited">): void {
  let manifest: AssetManifest | undefined;
  eleventyConfig.on("eleventy.before", async () => {
    // Assets are made from the code and the fonts, never from releases: a dev-server rebuild of
    // edited releases keeps them (bundling and subsetting again took a good part of a second).
    if (manifest && context.edited()) return;
    manifest = await buildAssetManifest();
    setAssetManifest(manifest);
  });
  eleventyConfig.on("eleventy.after", async ({ directories, outputMode }) => {
    if (outputMode !== "fs" || !manifest) return;
    await writeAssets(directories.output, manifest);
  });

  eleventyConfig.addPassthroughCopy({ "src/assets/favicon.svg": "favicon.svg" });
  eleventyConfig.addPassthroughCopy({ [path.join(eleventyConfig.directories.input, "images")]: "images" });
  eleventyConfig.addWatchTarget("src/");
  eleventyConfig.addWatchTarget("layouts/");
}

/** Fonts first: the stylesheets name them, so their addresses are part of the stylesheets' content. */
export async function buildAssetManifest(): Promise<AssetManifest> {
  const fontFiles = await subsetFonts();
  const fonts = FONT_FACES.map((face) => fingerprint(`fonts/${face.name}`, fontFiles.get(face.name)!));
  // Relative to the stylesheet (both live in /assets/): right under any path prefix.
  const faces = fontFaceCss((face) => fonts.find((font) => font.name === `fonts/${face.name}`)!.url.slice(ASSETS_URL.length));
  const { ltr, rtl } = await buildStylesheets(faces);
  const searchScript = fingerprint("search.js", await bundleSearchClient());
  return new AssetManifest([...fonts, fingerprint("site.css", ltr), fingerprint("site.rtl.css", rtl), searchScript]);
}

async function writeAssets(outputDir: string, manifest: AssetManifest): Promise<void> {
  for (const asset of manifest.assets) {
    const target = path.join(outputDir, asset.url);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, asset.content);
  }
}
