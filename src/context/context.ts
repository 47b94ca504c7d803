/**
 * What every part of the build shares: the site metadata and the archive of the build
 * under way. The archive is read once per build, in `eleventy.before`, and never put in
 * Eleventy's data cascade: the cascade copies data into every page, and 150,000 releases
 * copied into 150,000 pages is quadratic.
 */
import type { ArchiveIndex } from "../browse/archive-index.js";
import type { Archive, Release } from "../content/load.js";
import type { PageCache } from "../output/page-cache.js";
import type { SiteMetadata } from "../content/site.js";

export interface AkhbarContext {
  site: SiteMetadata;
  /** The validated archive of the build under way. */
  archive(): Archive;
  /** Years, months, counties, organizations, tags and neighbours of the published releases; made once per build. */
  index(): ArchiveIndex;
  /** Drafts are shown in `npm start` and left out of production builds. */
  includeDrafts(): boolean;
  /**
   * The build cache of rendered pages and feeds (src/output/page-cache.ts), one per build: a production
   * build prunes what none of its writers used, once they have all written.
   */
  pageCache(): PageCache;
  /**
   * The dev server's rebuild after saves that changed no release's placement (src/content/load.ts
   * `editArchiveInPlace`): the releases edited in place. Each writer then makes only the files
   * that show one of them, and the rest of the output stays as the last rebuild wrote it.
   * Undefined in every other build, which makes every file.
   */
  edited(): ReadonlySet<Release> | undefined;
  /** The dev server: what its output holds is no longer known (a step that writes after the rebuild failed). */
  forgetPreviewOutput?(): void;
}
