/**
 * What one build shares: every step of the build (src/build/steps.ts) is handed this, and reads
 * the site, the archive, its indexes, the build caches and the build's own helpers (fingerprinted
 * assets, the picture pipeline, the record of what it writes) from it, never from module state:
 * the dev server runs build after build in one process, and none may see another's leftovers.
 *
 * The archive is read once per build, by the build's first step, and never put in Eleventy's
 * data cascade: the cascade copies data into every page, and 150,000 releases copied into
 * 150,000 pages is quadratic.
 */
import type { ArchiveIndex } from "../browse/archive-index.js";
import type { BrowseIndex } from "../browse/lists.js";
import type { ContentPage } from "../content/content-page.js";
import type { Archive, Release } from "../content/release.js";
import type { SiteMetadata } from "../content/site.js";
import type { HostProfile } from "../hosting/hosts.js";
import type { OutputLedger } from "../output/publish.js";
import type { PageCache } from "../output/page-cache.js";
import type { AssetManifest } from "../render/asset-manifest.js";
import type { ImagePipeline } from "../render/images.js";

export interface AkhbarContext {
  /** The site's settings (SITE_URL, content/site.yml) and its menu, read by the build's first step. */
  site: SiteMetadata;
  /** The host the site is built for (AKHBAR_HOST, src/hosting/hosts.ts): which redirect form and rule files the build writes. */
  host: HostProfile;
  /** The pages of content/pages/ (about us, contact…), read with the archive. */
  contentPages(): readonly ContentPage[];
  /** The validated archive of the build under way. */
  archive(): Archive;
  /** Years, months, counties, organizations, tags and neighbours of the published releases; made once per build. */
  index(): ArchiveIndex;
  /** The list pages' indexes over `index()`; made once per build. */
  browse(): BrowseIndex;
  /** Drafts are shown in `npm start` and left out of production builds. */
  includeDrafts(): boolean;
  /**
   * The build cache of rendered pages and feeds (src/output/page-cache.ts), one per build: a production
   * build prunes what none of its writers used, once they have all written.
   */
  pageCache(): PageCache;
  /** The stylesheets', fonts' and script's fingerprinted addresses, which every page names. */
  assets(): AssetManifest;
  /** The build's picture pipeline: the pages ask it for `<picture>`s; it publishes the converted files. */
  pictures(): ImagePipeline;
  /**
   * The record of every file this build writes, against the site it is written over
   * (src/output/publish.ts): a file the published site has in the same version is not written.
   * Undefined when the output has no record (every file is written and compared by its bytes).
   */
  ledger(): OutputLedger | undefined;
  /**
   * The dev server's rebuild after saves that changed no release's placement (src/content/load.ts
   * `editArchiveInPlace`): the releases edited in place. Each writer then makes only the files
   * that show one of them, and the rest of the output stays as the last rebuild wrote it.
   * Undefined in every other build, which makes every file.
   */
  edited(): ReadonlySet<Release> | undefined;
}
