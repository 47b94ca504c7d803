/// <reference lib="dom" />
/**
 * The search page's script, bundled by esbuild (search.ts) and served fingerprinted as /assets/search.<hash>.js (assets.ts).
 *
 * It reads the search from the address (/search/?q=…&county=…&organization=…&tag=…&type=…&year=…&sort=relevance),
 * runs it with Pagefind's JavaScript API, and keeps the address in step with the form
 * (history.replaceState), so a search can be shared and bookmarked. The query is normalized
 * with the same Persian rules as the index (`normalizeQuery`), so every spelling of a word
 * finds every spelling in the text. Results are built with DOM calls, never from markup:
 * nothing from the index is parsed as HTML.
 *
 * Every search covers the whole archive. The index is in shards (shards.ts); the search
 * directory (directory.ts) says, before any shard is loaded, how many releases of each shard
 * match the query's words and filters, and which pages. So the status gives the archive-wide
 * count at once and a word the archive lacks loads nothing more. Newest first (the default),
 * the page shows those pages from their fragments, ten at a time, with no Pagefind index at
 * all; by relevance, Pagefind loads every shard that holds results and orders them by score.
 */
import { gunzipSync } from "fflate";
import { formatPersianNumber, toPersianDigits } from "../persian/letters.js";
import { normalizeQuery } from "../persian/words.js";
import { DIRECTORY_FORMAT, DIRECTORY_PATH, DIRECTORY_ROOT, fileForTerm, filterKey, intersectPages, readSplit, shardPagesFile, termPages, type DirectoryFile, type DirectoryRoot, type ShardPagesList } from "./directory.js";
import { excerptOf, queryTerms, queryWords, readIndexText, revealHidden, showText, type ExcerptPart, type QueryWord } from "./text.js";
import { candidateShards, combineShardResults, SEARCH_BUNDLE_PATH, shardFolder, yearShards, type CandidateShard, type ShardListing } from "./shards.js";

/**
 * Where the shards and the directory are, found from this script's own address (/assets/search.<hash>.js):
 * right under any path prefix the site is served below, with nothing for the page to pass along.
 */
const BUNDLE_URL = new URL(`..${SEARCH_BUNDLE_PATH}`, import.meta.url);
const DIRECTORY_URL = new URL(`..${DIRECTORY_PATH}`, import.meta.url);
const PAGE_SIZE = 10;
/** The filter each shard's index gets in the browser (see shardLoader); no document has it. */
const SHARD_FILTER = "shard";
const TYPING_PAUSE_MS = 250;
/** Shards loaded at once for a search by relevance: each is two small requests (entry, metadata). */
const SHARDS_AT_ONCE = 6;
const FILTERS = ["county", "organization", "tag", "type", "year"] as const;
type FilterName = (typeof FILTERS)[number];
/** The filters Pagefind and the directory know; the year is the choice of shards (each shard is of one year). */
const KEYED_FILTERS = ["county", "organization", "tag", "type"] as const;

interface SearchState {
  query: string;
  filters: Partial<Record<FilterName, string>>;
  /** "" is newest first (also what older addresses' `sort=date` meant); "relevance" is by score. */
  sort: "" | "relevance";
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

type PagefindFilters = Record<string, string | { any: string[] }>;

interface PagefindApi {
  options(options: { basePath?: string; mergeFilter: Record<string, string> }): Promise<void>;
  init(): Promise<void>;
  mergeIndex(path: string, options: { mergeFilter: Record<string, string> }): Promise<void>;
  search(term: string | null, options: { filters?: PagefindFilters; sort?: Record<string, "asc" | "desc"> }): Promise<{ results: PagefindResult[] }>;
}

interface Strings {
  found: string;
  foundInYear: string;
  foundFiltered: string;
  foundFilteredInYear: string;
  notFound: string;
  notFoundFiltered: string;
  failed: string;
  ranking: string;
}

/** One search: what it looks for, the shards that hold its results, and what the page has of them. */
interface Search {
  /** The query as Pagefind gets it ("" for filters alone). */
  query: string;
  /** The query as the reader wrote it, for the status. */
  shownQuery: string;
  terms: string[];
  /** County, organization and tag, for Pagefind. */
  filters: Record<string, string>;
  year: string | undefined;
  byDate: boolean;
  /** Newest first, with their counts from the directory (on the English page, their pages: see `run`). */
  candidates: CandidateShard[];
  /** How many releases match in the whole archive (or the year). */
  total: number;
  /** The directory's pages of the search in each shard (directory.ts page numbers); undefined: every page of the candidates. */
  pages?: Map<string, Uint8Array> | undefined;
  /** The results found so far, in the order shown. */
  results: PagefindResult[];
  /** How many of the candidates `results` covers. */
  searched: number;
  shown: number;
}

function stateFromAddress(address: URL): SearchState {
  const params = address.searchParams;
  const filters: SearchState["filters"] = {};
  for (const name of FILTERS) {
    const value = params.get(name)?.trim();
    if (value) filters[name] = value;
  }
  return { query: params.get("q") ?? "", filters, sort: params.get("sort") === "relevance" ? "relevance" : "" };
}

function addressOf(state: SearchState): string {
  const params = new URLSearchParams();
  if (state.query.trim() !== "") params.set("q", state.query);
  for (const name of FILTERS) {
    const value = state.filters[name];
    if (value) params.set(name, value);
  }
  if (state.sort === "relevance") params.set("sort", "relevance");
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
    return { query: input.value, filters, sort: select("sort").value === "relevance" ? "relevance" : "" };
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
  const listing = JSON.parse(form.dataset.shards ?? "[]") as ShardListing[];
  const pageCounts = new Map(listing.map((shard) => [shard.id, shard.pages]));
  // Pagefind itself is loaded only for what the directory cannot do: ordering by relevance, and
  // the English page. Newest first, results come from the shards' fragments (fragmentReader).
  const loadShard = shardLoader(BUNDLE_URL);
  // The directory is of the Persian index only: the English index is stemmed, so its words
  // are not the query's, and the English section is small enough to search whole (see `run`).
  const directory = lang === "fa" ? directoryReader(DIRECTORY_URL) : undefined;
  const fragments = fragmentReader(DIRECTORY_URL, BUNDLE_URL);

  let latest = 0;
  let current: Search | undefined;
  /** Whether «more» is loading shards: a second press waits for it. */
  let fetchingMore = false;

  const numberText = (value: number): string => (lang === "fa" ? formatPersianNumber(value) : englishNumber.format(value));
  const outcomeText = (search: Search): string => {
    const values = { count: numberText(search.total), query: search.shownQuery, year: search.year === undefined ? "" : lang === "fa" ? toPersianDigits(search.year) : search.year };
    const words = search.shownQuery !== "";
    if (search.total === 0) return fill(words ? strings.notFound : strings.notFoundFiltered, values);
    if (words) return fill(search.year === undefined ? strings.found : strings.foundInYear, values);
    return fill(search.year === undefined ? strings.foundFiltered : strings.foundFilteredInYear, values);
  };

  const isCurrent = (search: Search) => search === current;
  const complete = (search: Search) => search.searched >= search.candidates.length;

  /** Searches one shard with Pagefind: this search's query and filters, its answer kept to that shard. */
  const searchShard = async (search: Search, id: string): Promise<PagefindResult[]> => {
    const api = await loadShard(id);
    // Every shard's index is merged into one Pagefind, which searches them all: the shard
    // filter (each index's own, see shardLoader) keeps the answer to this shard's, so that
    // the page orders the shards itself.
    const response = await api.search(search.query === "" ? null : search.query, {
      filters: { ...search.filters, [SHARD_FILTER]: id },
      ...(search.byDate ? { sort: { date: "desc" as const } } : {}),
    });
    return response.results;
  };

  /**
   * Newest first, from the directory: the next candidate shards' pages, in their date order
   * (the shard's pages file, fetched once), until the search holds `wanted` results. A
   * result's fragment is fetched when it is shown; no Pagefind index is needed.
   */
  const fillTo = async (search: Search, wanted: number): Promise<void> => {
    while (isCurrent(search) && search.results.length < wanted && !complete(search)) {
      const { id } = search.candidates[search.searched]!;
      const { newest } = await fragments.list(id);
      if (!isCurrent(search)) return;
      search.searched++;
      // No pages from the directory: a year alone, every page of its shards.
      const bits = search.pages?.get(id);
      for (const page of newest) {
        if (!bits || bits[page >> 3]! & (1 << (page & 7))) search.results.push({ score: 0, data: () => fragments.data(id, page) });
      }
    }
  };

  /**
   * Every candidate shard loaded, a few at a time (the status counts them as they come; a
   * search typed over this one stops the loading), then one search over them all: Pagefind
   * orders the merged indexes' results by score. One search, not one per shard: Pagefind
   * searches every merged index on each call.
   */
  const searchEvery = async (search: Search, progress: (loaded: number) => void): Promise<PagefindResult[]> => {
    if (search.candidates.length === 0) return [];
    let loaded = 0;
    let next = 0;
    progress(loaded);
    const loader = async (): Promise<void> => {
      while (next < search.candidates.length && isCurrent(search)) {
        await loadShard(search.candidates[next++]!.id);
        loaded++;
        if (isCurrent(search)) progress(loaded);
      }
    };
    await Promise.all(Array.from({ length: Math.min(SHARDS_AT_ONCE, search.candidates.length) }, loader));
    if (!isCurrent(search)) return [];
    const api = await loadShard(search.candidates[0]!.id);
    if (search.byDate) return combineShardResults(await Promise.all(search.candidates.map((shard) => searchShard(search, shard.id))), true);
    const response = await api.search(search.query === "" ? null : search.query, {
      filters: { ...search.filters, [SHARD_FILTER]: { any: search.candidates.map((shard) => shard.id) } },
    });
    return combineShardResults([response.results], false);
  };

  /** Appends up to `count` results below those shown. */
  const showMore = async (search: Search, count = PAGE_SIZE): Promise<HTMLLIElement[]> => {
    const page = await Promise.all(search.results.slice(search.shown, search.shown + count).map((result) => result.data()));
    if (!isCurrent(search)) return [];
    const items = page.map((data) => resultElement(data, search.terms));
    list.append(...items);
    search.shown += items.length;
    more.hidden = search.shown >= (complete(search) ? search.results.length : search.total);
    return items;
  };

  const clear = (text = ""): void => {
    current = undefined;
    list.replaceChildren();
    list.removeAttribute("aria-busy");
    more.hidden = true;
    status.textContent = text;
  };

  /** The pages of a search on the Persian page, per shard, from the directory; undefined: every page (a year alone). */
  const pagesInDirectory = async (reader: DirectoryReader, terms: readonly string[], filters: Record<string, string>): Promise<Map<string, Uint8Array> | undefined> => {
    const keys: Array<[key: string, exact: boolean]> = [...terms.map((term): [string, boolean] => [term, false]), ...Object.entries(filters).map(([name, value]): [string, boolean] => [filterKey(name, value), true])];
    if (keys.length === 0) return undefined;
    return intersectPages(await Promise.all(keys.map(([key, exact]) => reader.pages(key, exact, pageCounts))));
  };

  /**
   * The terms to look for: a compound typed with a half-space that no release holds whole is
   * asked for by its parts, which the index holds wherever it is written with a space.
   */
  const termsInDirectory = async (reader: DirectoryReader, words: readonly QueryWord[]): Promise<string[]> => {
    const terms = await Promise.all(
      words.map(async (word) => (word.parts.length > 1 && (await reader.pages(word.term, false, pageCounts)).size === 0 ? word.parts : [word.term])),
    );
    return terms.flat();
  };

  /** Runs the search in the form. */
  const run = async (): Promise<void> => {
    const id = ++latest;
    const state = readForm();
    history.replaceState(null, "", addressOf(state));
    const shownQuery = state.query.trim();
    const filters: Record<string, string> = {};
    for (const name of KEYED_FILTERS) if (state.filters[name]) filters[name] = state.filters[name]!;
    const year = state.filters.year;
    if (shownQuery === "" && Object.keys(filters).length === 0 && year === undefined) {
      clear();
      return;
    }
    const words = queryWords(state.query);
    // Should the directory not answer, the words are looked for whole; the search below then says what failed.
    const terms = directory ? await termsInDirectory(directory, words).catch(() => words.map((word) => word.term)) : queryTerms(state.query);
    if (id !== latest) return;
    const search: Search = {
      // Words without a letter or digit (punctuation alone) find nothing.
      query: terms.length > 0 ? (directory ? terms.join(" ") : normalizeQuery(state.query)) : "",
      shownQuery,
      terms,
      filters,
      year,
      // Without words there is no relevance to order by: newest first.
      byDate: state.sort !== "relevance" || terms.length === 0,
      candidates: [],
      total: 0,
      results: [],
      searched: 0,
      shown: 0,
    };
    list.setAttribute("aria-busy", "true");
    try {
      // A year filter needs that year's shards alone; a year the site does not have finds nothing.
      const scope = year === undefined ? listing : yearShards(listing, year);
      // Words without a letter or digit, or a year the site does not have: nothing to look up.
      if ((shownQuery !== "" && terms.length === 0) || scope.length === 0) search.candidates = [];
      else if (directory) {
        search.pages = await pagesInDirectory(directory, terms, filters);
        search.candidates = candidateShards(scope, search.pages);
      }
      // The English page: every shard of its listing (the English section is small), counted
      // from Pagefind's own results once they are all searched.
      else search.candidates = scope.map((shard) => ({ id: shard.id, count: shard.pages }));
      if (id !== latest) return;
      current = search;
      list.replaceChildren();
      more.hidden = true;
      // The archive-wide count is known before any shard is loaded: said at once. (The English
      // page knows it once its shards are searched.)
      search.total = search.candidates.reduce((sum, shard) => sum + shard.count, 0);
      status.textContent = directory ? outcomeText(search) : "";
      if (directory && search.byDate) {
        await fillTo(search, PAGE_SIZE);
      } else {
        const outcome = status.textContent;
        const results = await searchEvery(search, (loaded) => {
          if (directory) status.textContent = `${outcome} ${fill(strings.ranking, { loaded: numberText(loaded), total: numberText(search.candidates.length) })}`;
        });
        if (!isCurrent(search)) return;
        search.results = results;
        search.searched = search.candidates.length;
        if (!directory) search.total = results.length;
      }
      if (!isCurrent(search)) return;
      await showMore(search);
      if (!isCurrent(search)) return;
      status.textContent = outcomeText(search);
      list.removeAttribute("aria-busy");
    } catch {
      if (id !== latest) return;
      clear(strings.failed);
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
    const search = current;
    if (!search || fetchingMore) return;
    fetchingMore = true;
    list.setAttribute("aria-busy", "true");
    try {
      await fillTo(search, search.shown + PAGE_SIZE);
      const items = await showMore(search);
      // Keyboard and screen-reader users continue at the first new result.
      items[0]?.querySelector("a")?.focus();
    } catch {
      if (isCurrent(search)) {
        more.hidden = true;
        status.textContent = strings.failed;
      }
    } finally {
      fetchingMore = false;
      if (isCurrent(search)) list.removeAttribute("aria-busy");
    }
  });

  const initial = stateFromAddress(new URL(location.href));
  // The directory's root comes as the page opens: a search then needs only its words' files
  // before it can count. No shard is loaded before a search says which it needs.
  directory?.split().catch(() => undefined);
  showState(initial);
  form.hidden = false;
  // The box is not focused on arrival: the skip link stays the first tab stop, and a screen
  // reader starts at the top of the page like on every other page.
  if (initial.query.trim() !== "" || Object.keys(initial.filters).length > 0) void run();
}

const englishNumber = new Intl.NumberFormat("en-GB");

interface DirectoryReader {
  /** The split prefixes, from the root file (fetched once; again after a failure). */
  split(): Promise<ReadonlySet<string>>;
  /** The pages holding `key` per shard (`termPages`): a word's prefix match, or a filter key `exact`ly. */
  pages(key: string, exact: boolean, pageCounts: ReadonlyMap<string, number>): Promise<Map<string, Uint8Array>>;
}

/**
 * Reads the search directory (directory.ts) as searches need it: the root once, each group or
 * node file once for the page's life (a reader refining a query asks for the same words again).
 * A file that is not there (404) holds no key: the word is in no release, which is an answer,
 * not a failure. Any other failure is tried again by the next search.
 */
function directoryReader(base: URL): DirectoryReader {
  let root: Promise<{ text: string; split: ReadonlySet<string> }> | undefined;
  const files = new Map<string, Promise<DirectoryFile | undefined>>();
  const fetchJson = async (name: string, fresh = false): Promise<unknown> => {
    const response = await fetch(new URL(name, base), fresh ? { cache: "no-cache" } : {});
    if (response.status === 404) return undefined;
    if (!response.ok) throw new Error(`${name}: HTTP ${response.status}`);
    return response.json();
  };
  const loadRoot = (fresh: boolean) => {
    const load = fetchJson(DIRECTORY_ROOT, fresh).then((value) => {
      const data = value as DirectoryRoot | undefined;
      if (data?.format !== DIRECTORY_FORMAT) throw new Error(`the search directory's root is not of format ${DIRECTORY_FORMAT}`);
      return { text: data.split, split: readSplit(data.split) };
    });
    root = load;
    load.catch(() => {
      if (root === load) root = undefined;
    });
    return load;
  };
  const split = async (): Promise<ReadonlySet<string>> => (await (root ?? loadRoot(false))).split;
  const file = (name: string): Promise<DirectoryFile | undefined> => {
    let load = files.get(name);
    if (!load) {
      const loading = fetchJson(name) as Promise<DirectoryFile | undefined>;
      files.set(name, (load = loading));
      loading.catch(() => files.delete(name));
    }
    return load;
  };
  return {
    split,
    async pages(key, exact, pageCounts) {
      let data = await file(fileForTerm(key, await split()).file);
      if (!data) {
        // No file: no key there, or a root from before the site was published again (a group
        // split or merged since). The root is asked again, past any cache; if it changed, so
        // did the files: they are all fetched again.
        const before = (await root)?.text;
        const after = await loadRoot(true);
        if (after.text !== before) {
          files.clear();
          data = await file(fileForTerm(key, after.split).file);
        }
      }
      return data ? termPages(data, key, pageCounts, exact) : new Map();
    },
  };
}

interface FragmentReader {
  /** A shard's pages file: its fragments and its pages' date order. */
  list(shard: string): Promise<ShardPagesList>;
  /** What a result shows of the page at `page` (the directory's numbering) of a shard: its fragment. */
  data(shard: string, page: number): Promise<PagefindData>;
}

/**
 * Reads results without Pagefind: a shard's list of fragments (directory.ts `shardPagesFile`)
 * names each page's fragment in the shard's bundle, which holds what a result shows (address,
 * text, title, date, county). Each list and fragment is fetched once. Fragments are gzip files
 * ("pagefind_dcd" and JSON), unpacked with fflate (a host that sends them unpacked is read as
 * they come). Addresses are made as Pagefind makes them: under the folder above /pagefind/.
 */
function fragmentReader(directory: URL, bundle: URL): FragmentReader {
  const lists = new Map<string, Promise<ShardPagesList>>();
  const fragments = new Map<string, Promise<PagefindData>>();
  const siteBase = bundle.pathname.replace(/pagefind\/$/, "");
  const once = <T>(cache: Map<string, Promise<T>>, key: string, load: () => Promise<T>): Promise<T> => {
    let promise = cache.get(key);
    if (!promise) {
      cache.set(key, (promise = load()));
      promise.catch(() => cache.delete(key));
    }
    return promise;
  };
  const fetchOk = async (url: URL): Promise<Response> => {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`${url.pathname}: HTTP ${response.status}`);
    return response;
  };
  const list = (shard: string) => once(lists, shard, async () => (await (await fetchOk(new URL(shardPagesFile(shard), directory))).json()) as ShardPagesList);
  return {
    list,
    async data(shard, page) {
      const name = (await list(shard)).fragments[page];
      if (name === undefined) throw new Error(`${shard}: no page ${page}`);
      return once(fragments, `${shard}/${name}`, async () => {
        const bytes = new Uint8Array(await (await fetchOk(new URL(`${shardFolder(shard)}fragment/${name}.pf_fragment`, bundle))).arrayBuffer());
        const packed = !FRAGMENT_SIGNATURE.every((byte, index) => bytes[index] === byte);
        const text = new TextDecoder().decode((packed ? gunzipSync(bytes) : bytes).subarray(FRAGMENT_SIGNATURE.length));
        const fragment = JSON.parse(text) as PagefindData;
        // As Pagefind's own results: its zero-width spaces out of the text, the address under the site's folder.
        return { ...fragment, content: fragment.content.replace(/\u200B/g, ""), url: /^(https?:)?\/\//.test(fragment.url) ? fragment.url : `${siteBase}/${fragment.url}`.replace(/\/+/g, "/") };
      });
    },
  };
}

/** What Pagefind puts before the JSON of a fragment: "pagefind_dcd". */
const FRAGMENT_SIGNATURE = Array.from("pagefind_dcd", (character) => character.charCodeAt(0));

/**
 * Loads the shards into one Pagefind: the first one loaded (the first a search needs) is
 * Pagefind's own index, which also brings its script, worker and WebAssembly from that
 * shard's folder; each other shard
 * is merged into it (`mergeIndex`, which fetches only that shard's metadata and, later, its
 * chunks). Each shard is loaded once; a failed load is tried again by the next search.
 *
 * Each index gets a filter of its own, `shard` = its id, through Pagefind's `mergeFilter`
 * (a filter Pagefind adds in the browser to every page of that index: nothing in the bundle,
 * nothing to fetch). Pagefind searches every merged index at once; this filter keeps each
 * answer to the shards asked for.
 */
function shardLoader(base: URL): (id: string) => Promise<PagefindApi> {
  let primary: Promise<PagefindApi> | undefined;
  const loads = new Map<string, Promise<PagefindApi>>();
  return (id) => {
    let load = loads.get(id);
    if (load) return load;
    const folder = shardPath(id, base);
    const mergeFilter = { [SHARD_FILTER]: id };
    if (primary === undefined) {
      load = primary = (import(`${folder}pagefind.js`) as Promise<PagefindApi>).then(async (module) => {
        // Before init: Pagefind's own index takes its options when it starts.
        await module.options({ basePath: folder, mergeFilter });
        await module.init();
        return module;
      });
      // Tried again by the next search.
      load.catch(() => {
        primary = undefined;
      });
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

/** A shard's folder as Pagefind takes it: a path on this site, as Pagefind makes its own (results link to paths, not to full addresses). */
function shardPath(id: string, base: URL): string {
  const url = new URL(shardFolder(id), base);
  return url.origin === location.origin ? url.pathname : url.href;
}

const form = document.querySelector<HTMLFormElement>("form[data-search-form]");
if (form) start(form);
