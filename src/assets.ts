/** Stylesheets (one source, rtlcss for right to left), the Vazirmatn font files and scripts. */
import path from "node:path";
import type { UserConfig } from "@11ty/eleventy";
import { addPage } from "./site-pages.js";
import { buildStylesheets } from "./styles.js";

// The Non-Latin cut of Vazirmatn: 22 KB a weight instead of 50 KB. Latin text uses the
// reader's system font, which is there already.
const FONT_DIR = "node_modules/vazirmatn/misc/Non-Latin/fonts/webfonts";
const FONT_FILES = ["Vazirmatn-NL-Regular.woff2", "Vazirmatn-NL-Bold.woff2"];

export function registerAssets(eleventyConfig: UserConfig): void {
  addPage(eleventyConfig, "site-ltr", "/assets/site.css", async () => (await buildStylesheets()).ltr);
  addPage(eleventyConfig, "site-rtl", "/assets/site.rtl.css", async () => (await buildStylesheets()).rtl);

  eleventyConfig.addPassthroughCopy({ "src/assets/favicon.svg": "favicon.svg" });
  for (const font of FONT_FILES) eleventyConfig.addPassthroughCopy({ [`${FONT_DIR}/${font}`]: `assets/fonts/${font}` });
  eleventyConfig.addPassthroughCopy({ [path.join(eleventyConfig.directories.input, "images")]: "images" });
  eleventyConfig.addWatchTarget("src/");
  eleventyConfig.addWatchTarget("layouts/");
}
