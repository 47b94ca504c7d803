import type { UserConfig } from "@11ty/eleventy";
import akhbarPlugin from "./src/eleventy/plugin.js";
import { siteMetadata } from "./src/content/site.js";

export default function (eleventyConfig: UserConfig): void {
  eleventyConfig.addPlugin(akhbarPlugin);
}

// The input and output folders are not set here: the build script (`npm run build`) and
// `npm start` name them, because a config-file setting would override the build's staging folder.
// Eleventy's input is always the project's empty src/eleventy/pages/ (the plugin refuses any
// other): the content folder is data the build reads itself, never templates Eleventy runs.
export const config = {
  // Releases (.md) are rendered by src/pages/release-pages.ts, outside Eleventy's template map.
  templateFormats: ["11ty.js"],
  // Release bodies are Markdown only: a `{{` in an editor's text must never be run as a template.
  markdownTemplateEngine: false,
  htmlTemplateEngine: false,
  // The path the site is served under comes from SITE_URL (src/content/site.ts); HtmlBasePlugin
  // (src/build/host-headers.ts) writes it into every address of every page.
  pathPrefix: siteMetadata().pathPrefix,
};
