/**
 * Release bodies as HTML for feeds, without rendering every release a second time: a feed
 * entry reads its file again and renders the Markdown with the same renderer as the release
 * page (src/render/markdown.ts), once per release per build however many feeds carry it. Links and
 * images are made absolute, as a feed reader has no page to resolve them against.
 *
 * Bodies are not kept for the whole build: the site holds 150,000 releases, and a release
 * is forgotten as soon as the last feed that carries it has taken it (`expect` says how many
 * will), so memory stays bounded by the releases still waiting rather than by every release
 * any feed carries.
 */
import { absoluteHtmlUrls } from "../render/html-urls.js";
import type { Release } from "../content/release.js";
import { readReleaseSource } from "../content/release-source.js";
import { parseFrontMatter } from "../content/front-matter.js";
import { createMarkdown } from "../render/markdown.js";
import { useFigures } from "../render/figures.js";
import { bodyVideos } from "../render/video-markdown.js";

export type BodyRenderer = (release: Release) => Promise<string>;

export class ReleaseBodies {
  private readonly pending = new Map<Release, { body: Promise<string>; usesLeft: number }>();
  private readonly expected = new Map<Release, number>();
  /** How many bodies were rendered: a test can tell a cached body from a second rendering. */
  rendered = 0;

  constructor(private readonly renderBody: BodyRenderer) {}

  /** Announces that `release` will be asked for once more. */
  expect(release: Release): void {
    this.expected.set(release, (this.expected.get(release) ?? 0) + 1);
  }

  /** The body of `release`, rendered on the first call and forgotten after the last expected one. */
  get(release: Release): Promise<string> {
    let entry = this.pending.get(release);
    if (!entry) {
      this.rendered++;
      entry = { body: this.renderBody(release), usesLeft: this.expected.get(release) ?? 1 };
      this.pending.set(release, entry);
    }
    entry.usesLeft--;
    if (entry.usesLeft <= 0) {
      this.pending.delete(release);
      this.expected.delete(release);
    }
    return entry.body;
  }
}

/** Renders a release's body from its file, with absolute links, for a site at `siteUrl`. */
export function renderBodyFromFile(siteUrl: string): BodyRenderer {
  const markdown = createMarkdown();
  // Figures and galleries as on the release page, of plain pictures (src/render/figures.ts).
  useFigures(markdown);
  return async (release) => {
    const { body } = parseFrontMatter(await readReleaseSource(release));
    // A video is a link to it: feed readers drop frames and scripts (src/render/video-markdown.ts).
    return absoluteHtmlUrls(markdown.render(body, { lang: release.lang, ...bodyVideos("link", release) }), siteUrl, release.url);
  };
}
