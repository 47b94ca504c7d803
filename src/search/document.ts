/**
 * What the search index holds for one release: a small HTML document made for Pagefind
 * (never published), with the release's text as `text.ts` encodes it, the metadata a
 * result shows, the filters (county, organization, tag, release type, Jalali year) and the sort key (date).
 * The published page keeps the editor's text; only this document is normalized.
 */
import type MarkdownIt from "markdown-it";

type Markdown = InstanceType<typeof MarkdownIt>;
import type { DateTime } from "luxon";
import type { Language } from "../content/schema.js";
import type { Release } from "../content/release.js";
import { formatShownDate, jalaliParts } from "../persian/dates.js";
import type { ReleaseTypeKey } from "../content/release-types.js";
import { html } from "../render/html.js";
import { slugify } from "../persian/slug.js";
import { hideFromSearch, type IndexTextEncoder } from "./text.js";

type Token = ReturnType<Markdown["parse"]>[number];

/**
 * What a search document is made from: a release's fields that the index shows, filters or
 * sorts on. Narrower than `Release` so that a worker thread (worker.ts) can rebuild it
 * from plain data; a `Release` is one.
 */
export interface SearchRelease {
  id: number;
  url: string;
  lang: Language;
  title: string;
  lead?: string;
  organization?: string;
  tags: readonly string[];
  county?: Pick<NonNullable<Release["county"]>, "name" | "slug">;
  date: DateTime;
  /** The release's type (src/content/release-types.ts): a filter, by its key. */
  type: ReleaseTypeKey;
  /** A date written without a time: the result shows the day only. */
  dateOnly?: boolean;
}

export interface TextBlock {
  /** Headings keep their rank (Pagefind weighs them above paragraphs); the title alone is h1. */
  tag: "h2" | "h3" | "h4" | "h5" | "h6" | "p";
  text: string;
}

/** The text of a release body, block by block, as markdown-it reads it for the page. */
export function markdownBlocks(markdown: string, parser: Markdown): TextBlock[] {
  const blocks: TextBlock[] = [];
  let heading: TextBlock["tag"] | undefined;
  for (const token of parser.parse(markdown, {})) {
    if (token.type === "heading_open") heading = token.tag === "h1" ? "h2" : (token.tag as TextBlock["tag"]);
    else if (token.type === "heading_close") heading = undefined;
    else if (token.type === "inline") blocks.push({ tag: heading ?? "p", text: inlineText(token.children ?? []) });
    else if (token.type === "fence" || token.type === "code_block") blocks.push({ tag: "p", text: token.content });
  }
  return blocks.filter((block) => block.text.trim() !== "");
}

function inlineText(tokens: readonly Token[]): string {
  return tokens
    .map((token) => {
      if (token.type === "text" || token.type === "code_inline") return token.content;
      if (token.type === "softbreak" || token.type === "hardbreak") return " ";
      // An image's description is text readers meet on the page.
      if (token.type === "image") return inlineText(token.children ?? []);
      return "";
    })
    .join("");
}

/** The words a lexicon learns from a release: every text a reader sees. */
export function releaseTexts(release: SearchRelease, blocks: readonly TextBlock[]): string[] {
  return [release.title, release.lead ?? "", release.organization ?? "", ...release.tags, ...blocks.map((block) => block.text)];
}

/** Filter values: slugs, so that every spelling of a county, organization or tag is one value. */
export interface SearchFilterValues {
  county?: string;
  organization?: string;
  tags: string[];
  type: ReleaseTypeKey;
  year: string;
}

export function searchFilterValues(release: SearchRelease): SearchFilterValues {
  const tags = [...new Set(release.tags.map(slugify).filter((slug) => slug !== ""))];
  const organization = release.organization ? slugify(release.organization) : "";
  return {
    county: release.county?.slug,
    organization: organization === "" ? undefined : organization,
    tags,
    type: release.type,
    year: String(jalaliParts(release.date).year),
  };
}

/** Newest first is descending order of this key: the instant, then the news code. */
/**
 * A page's place in the search directory (directory.ts): its news code, in the order Pagefind
 * sorts it. A new release has the next code, so it comes last in its shard even when it is
 * dated earlier than others there, and the places of the others do not move.
 */
export function idSortKey(release: SearchRelease): string {
  return String(release.id).padStart(12, "0");
}

export function dateSortKey(release: SearchRelease): string {
  return `${String(release.date.toMillis()).padStart(15, "0")}-${String(release.id).padStart(12, "0")}`;
}

/**
 * `language` picks the Pagefind index the document goes into: every release goes into the
 * Persian index, which the Persian search page searches; English releases also go into an
 * English one, which the English search page (/en/search/, `<html lang="en">`) loads.
 */
export function searchDocument(release: SearchRelease, blocks: readonly TextBlock[], encoder: IndexTextEncoder, language: Language = "fa"): string {
  const filters = searchFilterValues(release);
  const title = encoder.encode(release.title);
  const document = html`<!doctype html>
<html lang="${language}">
<head>
<meta data-pagefind-meta="title[content]" content="${title}">
<meta data-pagefind-meta="date[content]" content="${hideFromSearch(formatShownDate(release.date, "fa", !release.dateOnly))}">
${release.county ? html`<meta data-pagefind-meta="county[content]" content="${hideFromSearch(release.county.name)}">` : ""}
${release.lang === "fa" ? "" : html`<meta data-pagefind-meta="lang[content]" content="${hideFromSearch(release.lang)}">`}
${filters.county ? html`<meta data-pagefind-filter="county[content]" content="${filters.county}">` : ""}
${filters.organization ? html`<meta data-pagefind-filter="organization[content]" content="${filters.organization}">` : ""}
${filters.tags.map((tag) => html`<meta data-pagefind-filter="tag[content]" content="${tag}">`)}
<meta data-pagefind-filter="type[content]" content="${filters.type}">
<meta data-pagefind-filter="year[content]" content="${filters.year}">
<meta data-pagefind-sort="date[content]" content="${dateSortKey(release)}">
<meta data-pagefind-sort="id[content]" content="${idSortKey(release)}">
</head>
<body>
<h1>${title}</h1>
${release.lead ? html`<p>${encoder.encode(release.lead)}</p>` : ""}
${blocks.map((block) => html`<${block.tag}>${encoder.encode(block.text)}</${block.tag}>`)}
</body>
</html>
`;
  return document.value;
}
