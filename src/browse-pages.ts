/**
 * Browsing the archive: latest news (/news/), the Jalali archive (/archive/…), counties,
 * organizations and tags, and what release pages add (breadcrumbs, previous/next, related).
 *
 * Every list page comes from ONE virtual template paginated by Eleventy over a global
 * array of light page descriptors (src/list-pages.ts): kind, key, page number and address.
 * Eleventy shares that array by reference with every page's data, and each page looks its
 * releases up in the build's indexes when it renders, so no release object enters the data
 * cascade and no page scans the archive.
 */
import type { EleventyPageData, UserConfig } from "@11ty/eleventy";
import type { ArchiveIndex } from "./collections.js";
import type { Release } from "./content.js";
import type { AkhbarContext } from "./context.js";
import { ARCHIVE_URL, TERM_SECTION_URLS } from "./browse-urls.js";
import { buildBrowseIndex, listPages, TERM_KINDS, type BrowseIndex, type ListPage } from "./list-pages.js";
import { releaseBrowsing } from "./release-browsing.js";
import { addPage } from "./site-pages.js";
import { renderArchiveIndex } from "../layouts/archive.js";
import { renderListPage } from "../layouts/list.js";
import type { ReleasePageBrowsing } from "../layouts/release.js";
import { releaseBreadcrumbs, releaseFollowUps } from "../layouts/release-browsing.js";
import { renderTermIndex } from "../layouts/terms.js";

const LIST_PAGES_DATA = "akhbarListPages";
const LIST_PAGE_ALIAS = "akhbarListPage";

const browseIndexes = new WeakMap<ArchiveIndex, BrowseIndex>();

/** The browsing indexes of the build under way, made once per build (the archive index is). */
export function browseIndexOf(context: AkhbarContext): BrowseIndex {
  const index = context.index();
  let browse = browseIndexes.get(index);
  if (!browse) browseIndexes.set(index, (browse = buildBrowseIndex(context.archive().releases, index)));
  return browse;
}

/** What the release layout shows for browsing (see layouts/release.ts). */
export function releasePageBrowsing(context: AkhbarContext, release: Release): ReleasePageBrowsing {
  const browsing = releaseBrowsing(context.index(), browseIndexOf(context), release);
  return {
    before: releaseBreadcrumbs(release.lang, browsing),
    after: releaseFollowUps(release.lang, browsing),
    countyUrl: browsing.countyUrl,
    organizationUrl: browsing.organizationUrl,
    tagUrls: browsing.tagUrls,
  };
}

export function registerBrowsePages(eleventyConfig: UserConfig, context: AkhbarContext): void {
  const { site } = context;
  // A function: Eleventy calls it when it reads global data, after `eleventy.before` has read the archive.
  eleventyConfig.addGlobalData(LIST_PAGES_DATA, () => listPages(browseIndexOf(context)));

  const pageOf = (data: EleventyPageData): ListPage => data[LIST_PAGE_ALIAS] as ListPage;
  eleventyConfig.addTemplate(
    "akhbar/list-pages.11ty.js",
    { render: (data) => renderListPage({ site, page: pageOf(data), browse: browseIndexOf(context) }) },
    {
      pagination: { data: LIST_PAGES_DATA, size: 1, alias: LIST_PAGE_ALIAS },
      permalink: (data: EleventyPageData) => `${pageOf(data).url}index.html`,
      layout: false,
    },
  );

  addPage(eleventyConfig, "archive", `${ARCHIVE_URL}index.html`, () => renderArchiveIndex({ site, years: context.index().years }));
  for (const kind of TERM_KINDS) {
    const terms = { county: "counties", organization: "organizations", tag: "tags" } as const;
    addPage(eleventyConfig, `${kind}-index`, `${TERM_SECTION_URLS[kind]}index.html`, () =>
      renderTermIndex({ site, kind, terms: context.index()[terms[kind]] }),
    );
  }
}
