/// <reference lib="dom" />
/**
 * The search page's script, bundled by esbuild (search.ts) and served fingerprinted as /assets/search.<hash>.js (assets.ts).
 *
 * It reads the search from the address (/search/?q=…&county=…&organization=…&tag=…&year=…&sort=date),
 * runs it with Pagefind's JavaScript API, and keeps the address in step with the form
 * (history.replaceState), so a search can be shared and bookmarked. The query is normalized
 * with the same Persian rules as the index (`normalizeQuery`), so every spelling of a word
 * finds every spelling in the text. Results are built with DOM calls, never from markup:
 * nothing from the index is parsed as HTML.
 */
import { formatPersianNumber, toPersianDigits } from "../persian/letters.js";
import { normalizeQuery } from "../persian/words.js";
import { excerptOf, queryTerms, readIndexText, revealHidden, showText, unmatchedTerms, type ExcerptPart } from "./text.js";
import { combineShardResults, olderShards, searchedScope, searchNextShard, SEARCH_BUNDLE_PATH, shardFolder, yearShards, type SearchedScope, type ShardListing } from "./shards.js";

/**
 * Where the shards are, found from this script's own address (/assets/search.<hash>.js):
 * right under any path prefix the site is served below, with nothing for the page to pass along.
 */
const BUNDLE_URL = new URL(`..${SEARCH_BUNDLE_PATH}`, import.meta.url);
const PAGE_SIZE = 10;
/** The filter each shard's index gets in the browser (see shardLoader); no document has it. */
const SHARD_FILTER = "shard";
const TYPING_PAUSE_MS = 250;
const FILTERS = ["county", "organization", "tag", "year"] as const;
type FilterName = (typeof FILTERS)[number];

interface SearchState {
  query: string;
  filters: Partial<Record<FilterName, string>>;
  /** "" is relevance; "date" is newest first. */
  sort: "" | "date";
}

interface PagefindData {
  url: string;
  content: string;
  meta: Record<string, string | undefined>;
}

interface PagefindResult {
  score: number;
  data(): Promise<PagefindData>;
}

interface PagefindApi {
  options(options: { mergeFilter: Record<string, string> }): Promise<void>;
  init(): Promise<void>;
  mergeIndex(path: string, options: { mergeFilter: Record<string, string> }): Promise<void>;
  search(term: string | null, options: { filters?: Record<string, string>; sort?: Record<string, "asc" | "desc"> }): Promise<{ results: PagefindResult[] }>;
}

interface Strings {
  found: string;
  foundFiltered: string;
  notFound: string;
  notFoundFiltered: string;
  failed: string;
  yearsSearched: string;
  yearSearched: string;
  sinceMonth: string;
  sinceDay: string;
  /** The Jalali months' names in the page's language, Farvardin first. */
  months: string[];
}

function stateFromAddress(address: URL): SearchState {
  const params = address.searchParams;
  const filters: SearchState["filters"] = {};
  for (const name of FILTERS) {
    const value = params.get(name)?.trim();
    if (value) filters[name] = value;
  }
  return { query: params.get("q") ?? "", filters, sort: params.get("sort") === "date" ? "date" : "" };
}

function addressOf(state: SearchState): string {
  const params = new URLSearchParams();
  if (state.query.trim() !== "") params.set("q", state.query);
  for (const name of FILTERS) {
    const value = state.filters[name];
    if (value) params.set(name, value);
  }
  if (state.sort === "date") params.set("sort", "date");
  const search = params.toString();
  return search === "" ? location.pathname : `${location.pathname}?${search}`;
}

function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function excerptElement(parts: readonly ExcerptPart[]): HTMLParagraphElement {
  const paragraph = element("p", "search-result__excerpt");
  for (const part of parts) paragraph.append(part.marked ? element("mark", undefined, part.text) : part.text);
  return paragraph;
}

/** One result: title (a link), Jalali date and county, and an excerpt with the matched words marked. */
function resultElement(data: PagefindData, terms: readonly string[]): HTMLLIElement {
  const lang = revealHidden(data.meta.lang ?? "fa") || "fa";
  const title = data.meta.title ?? "";
  const words = readIndexText(data.content);
  // The stored text starts with the title, which the result shows as its heading.
  const titleLength = readIndexText(title).length;

  const item = element("li", "search-result");
  const heading = element("h2", "search-result__title");
  const link = element("a", undefined, showText(title, lang));
  link.href = data.url;
  heading.append(link);
  const details = [data.meta.date, data.meta.county].filter((value): value is string => Boolean(value)).map(revealHidden);
  const meta = element("p", "search-result__meta", details.join(" · "));
  const excerpt = excerptElement(excerptOf(words.slice(titleLength), terms, lang));
  if (lang !== "fa") {
    for (const node of [heading, excerpt]) {
      node.lang = lang;
      node.dir = "ltr";
    }
  }
  item.append(heading, meta, excerpt);
  return item;
}

function start(form: HTMLFormElement): void {
  const strings = JSON.parse(form.dataset.strings ?? "{}") as Strings;
  const input = form.elements.namedItem("q") as HTMLInputElement;
  const status = document.getElementById("search-status")!;
  const list = document.getElementById("search-results")!;
  const more = document.getElementById("search-more") as HTMLButtonElement;
  const select = (name: string) => form.elements.namedItem(name) as HTMLSelectElement;

  const readForm = (): SearchState => {
    const filters: SearchState["filters"] = {};
    for (const name of FILTERS) if (select(name).value) filters[name] = select(name).value;
    return { query: input.value, filters, sort: select("sort").value === "date" ? "date" : "" };
  };

  const showState = (state: SearchState): void => {
    input.value = state.query;
    for (const name of FILTERS) {
      const value = state.filters[name] ?? "";
      const field = select(name);
      // A tag or organization outside the list (a link from elsewhere) gets its own option,
      // named from its slug until its results show more.
      if (value && !Array.from(field.options).some((option) => option.value === value)) field.add(new Option(value.replaceAll("-", " "), value));
      field.value = value;
    }
    select("sort").value = state.sort;
    // Filters chosen in the address are shown, not folded away.
    const options = form.querySelector<HTMLDetailsElement>("details[data-search-options]");
    if (options && (state.sort !== "" || Object.keys(state.filters).length > 0)) options.open = true;
  };

  const lang = document.documentElement.lang || "fa";
  const older = document.getElementById("search-older") as HTMLButtonElement;
  const listing = JSON.parse(form.dataset.shards ?? "[]") as ShardListing[];
  const loadShard = shardLoader(BUNDLE_URL);
  /** How many of the newest shards a search without a year filter covers; grows, never shrinks. */
  let searched = 0;

  let latest = 0;
  let results: PagefindResult[] = [];
  let shown = 0;
  let terms: string[] = [];

  const showMore = async (search: number, count = PAGE_SIZE): Promise<HTMLLIElement[]> => {
    const page = await Promise.all(results.slice(shown, shown + count).map((result) => result.data()));
    if (search !== latest) return [];
    const items = page.map((data) => resultElement(data, terms));
    list.append(...items);
    shown += items.length;
    more.hidden = shown >= results.length;
    return items;
  };

  const yearText = (year: number): string => (lang === "fa" ? toPersianDigits(year) : String(year));
  const scopeText = (scope: SearchedScope): string => {
    if (scope.kind === "year") return fill(strings.yearSearched, { year: yearText(scope.year) });
    if (scope.kind === "years") return fill(strings.yearsSearched, { oldest: yearText(scope.oldest), newest: yearText(scope.newest) });
    const month = strings.months[scope.month - 1] ?? String(scope.month);
    if (scope.day === 1) return fill(strings.sinceMonth, { month, year: yearText(scope.year) });
    return fill(strings.sinceDay, { day: lang === "fa" ? toPersianDigits(scope.day) : String(scope.day), month, year: yearText(scope.year) });
  };

  /** Runs the search in the form. `keep`: show at least that many results (a search over more shards). */
  const run = async (keep = 0): Promise<void> => {
    const search = ++latest;
    const state = readForm();
    history.replaceState(null, "", addressOf(state));
    const query = normalizeQuery(state.query);
    const filters = Object.fromEntries(Object.entries(state.filters).filter((entry): entry is [string, string] => Boolean(entry[1])));
    const filtered = Object.keys(filters).length > 0;
    if (query === "" && !filtered) {
      list.replaceChildren();
      more.hidden = true;
      older.hidden = true;
      status.textContent = "";
      return;
    }
    list.setAttribute("aria-busy", "true");
    try {
      // Without words there is no relevance to order by: newest first.
      const byDate = state.sort === "date" || query === "";
      const wanted = queryTerms(state.query);
      const searchShard = async (id: string): Promise<PagefindResult[]> => {
        const api = await loadShard(id);
        // Every shard's index is merged into one Pagefind, which searches them all: the shard
        // filter (each index's own, see shardLoader) keeps the answer to this shard's, so that
        // the page orders the shards itself.
        const response = await api.search(query === "" ? null : query, { filters: { ...filters, [SHARD_FILTER]: id }, ...(byDate ? { sort: { date: "desc" as const } } : {}) });
        const first = response.results[0];
        // A shard whose index lacks a query word answers with Pagefind's best effort: not results.
        // (The English index is stemmed: its words are not the query's, so it is not checked.)
        if (first && lang === "fa" && wanted.length > 0 && unmatchedTerms((await first.data()).content, wanted).length > 0) return [];
        return response.results;
      };
      const byShard: PagefindResult[][] = [];
      const year = filters.year;
      if (year !== undefined) {
        // A year filter needs that year's shards alone; a year the site does not have finds nothing.
        byShard.push(...(await Promise.all(yearShards(listing, year).map((shard) => searchShard(shard.id)))));
      } else {
        byShard.push(...(await Promise.all(listing.slice(0, Math.max(searched, 1)).map((shard) => searchShard(shard.id)))));
        let found = byShard.reduce((sum, answer) => sum + answer.length, 0);
        while (search === latest && searchNextShard(listing, byShard.length, found, PAGE_SIZE)) {
          const answer = await searchShard(listing[byShard.length]!.id);
          byShard.push(answer);
          found += answer.length;
        }
        searched = Math.max(searched, byShard.length);
      }
      if (search !== latest) return;
      results = combineShardResults(byShard, byDate);
      shown = 0;
      terms = queryTerms(state.query);
      list.replaceChildren();
      await showMore(search, Math.max(keep, PAGE_SIZE));
      if (search !== latest) return;
      const count = formatPersianNumber(results.length);
      const shownQuery = state.query.trim();
      const outcome =
        results.length === 0
          ? fill(query === "" ? strings.notFoundFiltered : strings.notFound, { query: shownQuery })
          : fill(query === "" ? strings.foundFiltered : strings.found, { count, query: shownQuery });
      // Older shards are searched when the reader asks: the status says what this search covered.
      const scope = year === undefined ? searchedScope(listing, searched) : undefined;
      older.hidden = scope === undefined;
      status.textContent = scope === undefined ? outcome : `${outcome} ${scopeText(scope)}`;
    } catch {
      if (search !== latest) return;
      list.replaceChildren();
      more.hidden = true;
      older.hidden = true;
      status.textContent = strings.failed;
    } finally {
      if (search === latest) list.removeAttribute("aria-busy");
    }
  };

  let typing: number | undefined;
  input.addEventListener("input", () => {
    window.clearTimeout(typing);
    typing = window.setTimeout(() => void run(), TYPING_PAUSE_MS);
  });
  form.addEventListener("change", (event) => {
    if (event.target instanceof HTMLSelectElement) void run();
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    window.clearTimeout(typing);
    void run();
  });
  more.addEventListener("click", async () => {
    const items = await showMore(latest);
    // Keyboard and screen-reader users continue at the first new result.
    items[0]?.querySelector("a")?.focus();
  });
  older.addEventListener("click", async () => {
    searched = olderShards(listing, searched);
    await run(shown);
    // The button stays where it was while older shards remain; after the last, focus goes to the results.
    if (older.hidden) list.querySelector("a")?.focus();
  });

  const initial = stateFromAddress(new URL(location.href));
  // Pagefind starts as the page opens, with the shard the first search will need.
  const first = yearShards(listing, initial.filters.year ?? "")[0] ?? listing[0];
  if (first) loadShard(first.id).catch(() => undefined);
  showState(initial);
  form.hidden = false;
  // The box is not focused on arrival: the skip link stays the first tab stop, and a screen
  // reader starts at the top of the page like on every other page.
  if (initial.query.trim() !== "" || Object.keys(initial.filters).length > 0) void run();
}

/**
 * Loads the shards into one Pagefind: the first one loaded is Pagefind's own index, which
 * also brings its script, worker and WebAssembly; each other shard is merged into it
 * (`mergeIndex`, which fetches only that shard's metadata and, later, its chunks). Each shard
 * is loaded once; a failed load is tried again by the next search.
 *
 * Each index gets a filter of its own, `shard` = its id, through Pagefind's `mergeFilter`
 * (a filter Pagefind adds in the browser to every page of that index: nothing in the bundle,
 * nothing to fetch). Pagefind searches every merged index at once; this filter keeps each
 * answer to one shard. The year filter could do it while a shard was a year; a year is now
 * several shards.
 */
function shardLoader(base: URL): (id: string) => Promise<PagefindApi> {
  let primary: Promise<PagefindApi> | undefined;
  const loads = new Map<string, Promise<PagefindApi>>();
  return (id) => {
    let load = loads.get(id);
    if (load) return load;
    const url = new URL(shardFolder(id), base);
    // A path on this site, as Pagefind makes its own: results link to paths, not to full addresses.
    const folder = url.origin === location.origin ? url.pathname : url.href;
    const mergeFilter = { [SHARD_FILTER]: id };
    if (primary === undefined) {
      load = primary = import(`${folder}pagefind.js`).then(async (module: PagefindApi) => {
        // Before init: Pagefind's own index takes its options when it starts.
        await module.options({ mergeFilter });
        await module.init();
        return module;
      });
      load.catch(() => (primary = undefined));
    } else {
      load = primary.then(async (api) => {
        await api.mergeIndex(folder, { mergeFilter });
        return api;
      });
    }
    loads.set(id, load);
    load.catch(() => loads.delete(id));
    return load;
  };
}

const form = document.querySelector<HTMLFormElement>("form[data-search-form]");
if (form) start(form);
