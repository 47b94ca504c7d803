/**
 * The state of a build, and of the builds that follow it in the same process (the dev server
 * rebuilds after every save): the archive read, its indexes, the build's caches and helpers,
 * and the search index under way. One `BuildState` per Eleventy instance (src/eleventy/plugin.ts);
 * the steps (steps.ts) read it through the `AkhbarContext` it implements and change it only here.
 */
import { rm } from "node:fs/promises";
import path from "node:path";
import { indexArchive, type ArchiveIndex } from "../browse/archive-index.js";
import { buildBrowseIndex, type BrowseIndex } from "../browse/lists.js";
import { archiveCacheDir } from "../content/archive-cache.js";
import { isSpecialFile, SETTINGS_FILE } from "../content/content-files.js";
import { buildTime } from "../content/embargo.js";
import { editArchiveInPlace, isReleaseFile, loadArchive, reloadArchive, type LoadOptions } from "../content/load.js";
import { readSiteContent, type ContentPage } from "../content/content-page.js";
import { ContentError, inputPathKey, type Archive, type Release } from "../content/release.js";
import { LOCAL_CMS, siteMetadata, type CmsSettings, type SiteMetadata } from "../content/site.js";
import type { AkhbarContext } from "../context/context.js";
import { DEFAULT_HOST, type HostProfile, type SiteFigures } from "../hosting/hosts.js";
import { planRedirects, type Redirect } from "../pages/redirect-pages.js";
import { PageCache, pageCacheDir } from "../output/page-cache.js";
import { PreviewOutput } from "../output/preview-output.js";
import { SEAL_FILE, type OutputLedger, type Publication } from "../output/publish.js";
import type { AssetManifest } from "../render/asset-manifest.js";
import { ImagePipeline, imageCacheDir, measurePicture } from "../render/images.js";
import { isDrawingAddress } from "../render/structured-data.js";
import type { DirectoryReport } from "../search/directory-build.js";
import type { SearchIndexReport } from "../search/search-index.js";

/** A search index being written. */
export interface SearchIndexing {
  /** What was indexed, and the directory made from it; rejects with the first shard's failure. */
  report: Promise<{ index: SearchIndexReport; directory: DirectoryReport }>;
  /** Stops it: no shard is started, those under way write nothing more. */
  stop(): void;
  /** Settles, never failing, once nothing writes any more. */
  settled: Promise<void>;
}

export class BuildState implements AkhbarContext {
  /**
   * SITE_URL's settings (checked when the build's Eleventy is set up), and from the build's first
   * step on those of content/site.yml and the site's menu, read again by every build.
   */
  site: SiteMetadata = siteMetadata();
  /** The browser's editor's git service (site.yml's `cms:`, src/admin/): not in `site`, which keys every page. */
  cms: CmsSettings = LOCAL_CMS;
  /** The production build's publication (src/output/publish.ts), set by src/eleventy/build.ts; none in the dev server. */
  publication: Publication | undefined;
  /**
   * The content folder the builds read, set by whoever runs Eleventy (src/eleventy/build.ts,
   * scripts/serve.ts). It is never Eleventy's input: nothing in it is read as a template or data.
   */
  contentDir: string | undefined;
  /** The dev server: the files saved since its last rebuild (Eleventy's watcher's queue). */
  changedFiles: string[] | undefined;
  /** The search index under way, from its start to the step that waits for it. */
  searchIndexing: SearchIndexing | undefined;
  /** The dev server's index, still being written after the rebuild that started it (it is not waited for). */
  previewIndex: Promise<void> = Promise.resolve();
  /** This build leaves out the /News/<id>/ pages: its file system ignores letter case (src/pages/redirect-pages.ts). */
  skipLegacyPages = false;
  /**
   * The host the site is built for (AKHBAR_HOST), set by src/eleventy/build.ts before Eleventy reads
   * its configuration (which pages Eleventy renders depends on it). The dev server serves what any
   * host serves: the portable output.
   */
  host: HostProfile = DEFAULT_HOST;
  /** What the build wrote of the host's rule files, for the check of the host's limits (src/hosting/hosts.ts `exceededLimits`). */
  hostFiles: Pick<SiteFigures, "redirectRules" | "redirectsFileBytes" | "headerRules"> = {};

  private drafts = false;
  private pages: readonly ContentPage[] = [];
  private loaded: Archive | undefined;
  private archiveIndex: ArchiveIndex | undefined;
  private browseIndex: BrowseIndex | undefined;
  private redirectPlan: { archive: Archive; redirects: Redirect[]; files: Map<string, string> } | undefined;
  private editedReleases: Set<Release> | undefined;
  private cache: PageCache | undefined;
  private manifest: AssetManifest | undefined;
  private pipeline: ImagePipeline | undefined;
  private preview: PreviewOutput | undefined;

  archive(): Archive {
    if (!this.loaded) throw new Error("Internal error: the archive is read by the build's first step, before any page renders");
    return this.loaded;
  }

  index(): ArchiveIndex {
    return (this.archiveIndex ??= indexArchive(this.archive().releases));
  }

  browse(): BrowseIndex {
    return (this.browseIndex ??= buildBrowseIndex(this.archive().releases, this.index()));
  }

  includeDrafts(): boolean {
    return this.drafts;
  }

  contentPages(): readonly ContentPage[] {
    return this.pages;
  }

  pageCache(): PageCache {
    if (!this.cache) throw new Error("Internal error: the page cache is opened by the build's first step, before any page renders");
    return this.cache;
  }

  assets(): AssetManifest {
    if (!this.manifest) throw new Error("Internal error: the assets are made before any page renders");
    return this.manifest;
  }

  pictures(): ImagePipeline {
    if (!this.pipeline) throw new Error("Internal error: the picture pipeline is opened before any page renders");
    return this.pipeline;
  }

  ledger(): OutputLedger | undefined {
    return this.publication?.ledger ?? this.preview?.ledger;
  }

  edited(): ReadonlySet<Release> | undefined {
    return this.editedReleases;
  }

  /** The old and moved addresses of the archive, planned once per archive read (an edit in place keeps them). */
  redirects(): Redirect[] {
    const archive = this.archive();
    if (this.redirectPlan?.archive !== archive) this.redirectPlan = { archive, redirects: planRedirects(archive.releases), files: new Map() };
    return this.redirectPlan.redirects;
  }

  /**
   * The rule file `name` (`_redirects`, the nginx map) made by `render` from the redirects, made again
   * only for another archive: an edit in place changed no address.
   */
  redirectsFile(name: string, render: (redirects: readonly Redirect[]) => string): string {
    const redirects = this.redirects();
    const files = this.redirectPlan!.files;
    let file = files.get(name);
    if (file === undefined) files.set(name, (file = render(redirects)));
    return file;
  }

  /**
   * Reads the archive of a new build of `contentDir` into `outputDir`. The dev server (`preview`)
   * shows drafts and embargoed releases, and after saves that moved no release (src/content/load.ts
   * `editArchiveInPlace`) keeps the archive and its indexes and makes only the files that show the
   * saved releases.
   */
  async readArchive(contentDir: string, outputDir: string, preview: boolean): Promise<void> {
    // The site's settings and pages are a few small files, read by every build: a change of
    // site.yml or of a page is in the dev server's next rebuild. Their problems are reported with
    // the releases', in one list.
    const siteContent = await readSiteContent(contentDir, measurePicture);
    this.hostFiles = {};
    try {
      await this.readReleases(contentDir, outputDir, preview);
    } catch (error) {
      if (!(error instanceof ContentError) || siteContent.problems.length === 0) throw error;
      throw new ContentError([...error.problems, ...siteContent.problems].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line));
    }
    if (siteContent.problems.length > 0) {
      // As after a failed read of the releases: the next rebuild reads every file again.
      this.loaded = undefined;
      throw new ContentError(siteContent.problems);
    }
    this.site = siteContent.site;
    this.cms = siteContent.cms;
    this.pages = siteContent.pages;
  }

  /** The releases' part of `readArchive`. */
  private async readReleases(contentDir: string, outputDir: string, preview: boolean): Promise<void> {
    this.drafts = preview;
    const previous = this.loaded;
    const changed = this.changedFiles;
    // Forgotten until this read succeeds: a rebuild after a failed one reads every file again.
    this.loaded = undefined;
    this.changedFiles = undefined;
    this.editedReleases = undefined;
    this.cache = new PageCache(pageCacheDir(), undefined, preview);
    // The dev server passes over hidden files (editors' swap and lock files); a production build refuses them.
    const options: LoadOptions = { includeDrafts: preview, now: buildTime(), cacheDir: archiveCacheDir(), skipHidden: preview };
    if (!preview) {
      this.newArchive(await loadArchive(contentDir, options));
      return;
    }
    // The dev server writes into its output in place: a production build must not trust that site's manifest.
    await rm(path.join(outputDir, SEAL_FILE), { force: true });
    this.preview ??= new PreviewOutput(outputDir);
    // A release file replaced by a link is read again in full, where the archive loader reports it.
    const onlyReleasesChanged = previous && changed && changed.every((file) => isReleaseFile(contentDir, file) && !isSpecialFile(file));
    // Saves that moved no release in the archive: the archive and its indexes stay, and only the
    // pages showing the saved releases are made again (at 150,000 releases, a rebuild that keyed
    // every page took 15 s). Only over an output the last rebuild wrote in full.
    if (onlyReleasesChanged && this.preview.intact) this.editedReleases = await editArchiveInPlace(previous, changed, options);
    this.preview.begin(this.editedReleases !== undefined);
    if (this.editedReleases) {
      this.loaded = previous;
      return;
    }
    this.newArchive(onlyReleasesChanged ? await reloadArchive(previous, changed, options) : await loadArchive(contentDir, options));
  }

  private newArchive(archive: Archive): void {
    this.loaded = archive;
    this.archiveIndex = undefined;
    this.browseIndex = undefined;
  }

  /** Whether this build keeps the assets of the last one: made from the code and the fonts, never from releases. */
  keepsAssets(): boolean {
    return this.manifest !== undefined && this.editedReleases !== undefined;
  }

  setAssets(manifest: AssetManifest): void {
    this.manifest = manifest;
  }

  openPictures(contentDir: string): void {
    this.pipeline = new ImagePipeline(contentDir, imageCacheDir());
    // A drawing as the logo is shared as a raster (sharing previews ignore SVG), made now, before
    // any page is keyed: its address, named by the drawing's content, is then in the settings
    // that key every page, and changes when the logo does.
    const { logo } = this.site;
    if (logo && isDrawingAddress(logo.url)) {
      const sharing = this.pipeline.sharingPicture(logo.url, { file: inputPathKey(path.join(contentDir, SETTINGS_FILE)), field: "logo", find: logo.url });
      if (sharing) this.site = { ...this.site, logo: { ...logo, sharing } };
    }
  }

  /**
   * Resolves once nothing writes into the output any more: the search index under way, if any, is
   * written or failed, and so is the dev server's, which its rebuild did not wait for. `stop`: a
   * failed build stops the index first (nothing will publish it).
   */
  async searchIndexSettled({ stop = false } = {}): Promise<void> {
    if (stop) this.searchIndexing?.stop();
    await Promise.all([this.searchIndexing?.settled, this.previewIndex]);
  }

  /** The dev server: what its output holds is no longer known (a step that writes after the rebuild failed). */
  forgetPreviewOutput(): void {
    this.preview?.forget();
  }

  /** The build's last step: a production build drops the cached pages it did not use; the dev server removes what its output no longer has. */
  async close(): Promise<void> {
    if (!this.drafts) await this.pageCache().prune();
    else await this.preview?.finish();
  }
}
