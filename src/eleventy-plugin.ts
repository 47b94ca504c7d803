/**
 * Akhbar as an Eleventy plugin: loads and validates the archive before each build, gives
 * every release its layout and address, adds the site's own pages, stylesheets and fonts,
 * and indexes the written site for search. `.eleventy.ts` only registers this.
 */
import path from "node:path";
import type { EleventyPageData, UserConfig } from "@11ty/eleventy";
import { inputPathKey, loadArchive, releaseUrl, type Archive, type Release } from "./content.js";
import { parseYaml } from "./frontmatter.js";
import { parseReleaseDate } from "./dates.js";
import { createMarkdown } from "./markdown.js";
import { buildSearchIndex } from "./search.js";
import { siteMetadata } from "./site.js";
import { buildStylesheets } from "./styles.js";
import { renderRelease } from "../layouts/release.js";
import { renderHome } from "../layouts/home.js";
import { renderSearch } from "../layouts/search.js";
import { renderNotFound } from "../layouts/not-found.js";

const RELEASE_LAYOUT = "akhbar-release.11ty.js";
const FONT_FILES = ["Vazirmatn-NL-Regular.woff2", "Vazirmatn-NL-Bold.woff2"];
const FONT_DIR = "node_modules/vazirmatn/misc/Non-Latin/fonts/webfonts";

export default function akhbarPlugin(eleventyConfig: UserConfig): void {
  const site = siteMetadata();
  let archive: Archive | undefined;
  let includeDrafts = false;

  const currentArchive = (): Archive => {
    if (!archive) throw new Error("Internal error: the archive is read in eleventy.before, before any page renders");
    return archive;
  };
  const releaseOf = (data: EleventyPageData): Release => {
    const release = currentArchive().byInputPath.get(inputPathKey(data.page.inputPath));
    if (!release) throw new Error(`Internal error: ${data.page.inputPath} was not validated`);
    return release;
  };

  eleventyConfig.on("eleventy.before", async ({ directories, runMode }) => {
    includeDrafts = runMode !== "build";
    archive = await loadArchive(directories.input, { includeDrafts });
  });

  eleventyConfig.setLibrary("md", createMarkdown());
  eleventyConfig.setFrontMatterParsingOptions({
    engines: {
      // Eleventy reads `date` itself and knows no Jalali dates: hand it the instant the
      // date module read. The archive loader has already reported any date it could not read.
      yaml: (text: string) => {
        const data = parseYaml(text);
        const date = parseReleaseDate(data.date);
        return date.ok ? { ...data, date: date.date.toJSDate() } : data;
      },
    },
  });

  // Every Markdown file is a release: it gets the release layout and its address from its id.
  eleventyConfig.addGlobalData("layout", RELEASE_LAYOUT);
  eleventyConfig.addGlobalData("permalink", () => (data: EleventyPageData & { id: number; draft?: boolean }) =>
    data.draft && !includeDrafts ? false : `${releaseUrl(data.id)}index.html`,
  );
  // Release lists come from the validated archive; Eleventy's collections are not needed.
  eleventyConfig.addGlobalData("eleventyExcludeFromCollections", true);

  eleventyConfig.addTemplate(`_includes/${RELEASE_LAYOUT}`, {
    render: (data) => renderRelease({ site, release: releaseOf(data), bodyHtml: data.content }),
  });
  const page = (virtualPath: string, permalink: string, render: () => string | Promise<string>) =>
    eleventyConfig.addTemplate(virtualPath, { render }, { permalink, layout: false });

  page("akhbar/home.11ty.js", "/index.html", () => renderHome({ site, releases: currentArchive().releases }));
  page("akhbar/search.11ty.js", "/search/index.html", () => renderSearch({ site }));
  page("akhbar/not-found.11ty.js", "/404.html", () => renderNotFound({ site }));
  page("akhbar/site-ltr.11ty.js", "/assets/site.css", async () => (await buildStylesheets()).ltr);
  page("akhbar/site-rtl.11ty.js", "/assets/site.rtl.css", async () => (await buildStylesheets()).rtl);

  eleventyConfig.addPassthroughCopy({ "src/assets/search.js": "assets/search.js" });
  for (const font of FONT_FILES) eleventyConfig.addPassthroughCopy({ [`${FONT_DIR}/${font}`]: `assets/fonts/${font}` });
  eleventyConfig.addPassthroughCopy({ [path.join(eleventyConfig.directories.input, "images")]: "images" });
  eleventyConfig.addWatchTarget("src/");
  eleventyConfig.addWatchTarget("layouts/");

  eleventyConfig.on("eleventy.after", async ({ directories }) => {
    await buildSearchIndex(directories.output);
  });
}
