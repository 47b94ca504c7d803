/**
 * Release pages: every Markdown file under the content folder is a release, rendered by
 * markdown-it into the release layout at /news/<id>/.
 */
import type { EleventyPageData, UserConfig } from "@11ty/eleventy";
import { inputPathKey, isShown, releaseUrl, type Release } from "./content.js";
import type { AkhbarContext } from "./context.js";
import { parseReleaseDate } from "./dates.js";
import { parseYaml } from "./frontmatter.js";
import type { Language } from "./schema.js";
import { createMarkdown } from "./markdown.js";
import { renderRelease } from "../layouts/release.js";
import { leadImage } from "./images.js";
import { releasePageBrowsing } from "./browse-pages.js";

const RELEASE_LAYOUT = "akhbar-release.11ty.js";

export function registerReleasePages(eleventyConfig: UserConfig, context: AkhbarContext): void {
  const releaseOf = (data: EleventyPageData): Release => {
    const release = context.archive().byInputPath.get(inputPathKey(data.page.inputPath));
    if (!release) throw new Error(`Internal error: ${data.page.inputPath} was not validated`);
    return release;
  };

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

  eleventyConfig.addGlobalData("layout", RELEASE_LAYOUT);
  eleventyConfig.addGlobalData("permalink", () => (data: EleventyPageData & { id: number; draft?: boolean; lang?: Language }) => {
    // Drafts and embargoed releases get no page in production; the archive knows which they are.
    const release = context.archive().byInputPath.get(inputPathKey(data.page.inputPath));
    const shown = release ? isShown(release, { includeDrafts: context.includeDrafts() }) : !data.draft || context.includeDrafts();
    return shown ? `${releaseUrl(data.id, data.lang)}index.html` : false;
  });
  // Lists are made from the validated archive; Eleventy's own collections are not used.
  eleventyConfig.addGlobalData("eleventyExcludeFromCollections", true);

  eleventyConfig.addTemplate(`_includes/${RELEASE_LAYOUT}`, {
    render: (data) => {
      const release = releaseOf(data);
      return renderRelease({ site: context.site, release, bodyHtml: data.content, image: leadImage(release), browsing: releasePageBrowsing(context, release) });
    },
  });
}
