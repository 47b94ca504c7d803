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
import { formatPersianNumber, normalizeQuery } from "./persian.js";
import { excerptOf, queryTerms, readIndexText, revealHidden, showText, type ExcerptPart } from "./search-text.js";

/**
 * Pagefind's script, found from this script's own address (/assets/search.<hash>.js): right
 * under any path prefix the site is served below, with nothing for the page to pass along.
 */
const PAGEFIND_URL = new URL("../pagefind/pagefind.js", import.meta.url).href;
const PAGE_SIZE = 10;
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
  data(): Promise<PagefindData>;
}

interface PagefindApi {
  init(): Promise<void>;
  search(term: string | null, options: { filters?: Record<string, string>; sort?: Record<string, "asc" | "desc"> }): Promise<{ results: PagefindResult[] }>;
}

interface Strings {
  found: string;
  foundFiltered: string;
  notFound: string;
  notFoundFiltered: string;
  failed: string;
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

  const pagefind: Promise<PagefindApi> = import(PAGEFIND_URL).then(async (module: PagefindApi) => {
    await module.init();
    return module;
  });
  // A failed download is reported when a search needs it, not as an unhandled rejection now.
  pagefind.catch(() => undefined);

  let latest = 0;
  let results: PagefindResult[] = [];
  let shown = 0;
  let terms: string[] = [];

  const showMore = async (search: number): Promise<HTMLLIElement[]> => {
    const page = await Promise.all(results.slice(shown, shown + PAGE_SIZE).map((result) => result.data()));
    if (search !== latest) return [];
    const items = page.map((data) => resultElement(data, terms));
    list.append(...items);
    shown += items.length;
    more.hidden = shown >= results.length;
    return items;
  };

  const run = async (): Promise<void> => {
    const search = ++latest;
    const state = readForm();
    history.replaceState(null, "", addressOf(state));
    const query = normalizeQuery(state.query);
    const filters = Object.fromEntries(Object.entries(state.filters).filter((entry): entry is [string, string] => Boolean(entry[1])));
    const filtered = Object.keys(filters).length > 0;
    if (query === "" && !filtered) {
      list.replaceChildren();
      more.hidden = true;
      status.textContent = "";
      return;
    }
    list.setAttribute("aria-busy", "true");
    try {
      const api = await pagefind;
      // Without words there is no relevance to order by: newest first.
      const sort = state.sort === "date" || query === "" ? { date: "desc" as const } : undefined;
      const response = await api.search(query === "" ? null : query, { filters, ...(sort ? { sort } : {}) });
      if (search !== latest) return;
      results = response.results;
      shown = 0;
      terms = queryTerms(state.query);
      list.replaceChildren();
      await showMore(search);
      if (search !== latest) return;
      const count = formatPersianNumber(results.length);
      const shownQuery = state.query.trim();
      status.textContent =
        results.length === 0
          ? fill(query === "" ? strings.notFoundFiltered : strings.notFound, { query: shownQuery })
          : fill(query === "" ? strings.foundFiltered : strings.found, { count, query: shownQuery });
    } catch {
      if (search !== latest) return;
      list.replaceChildren();
      more.hidden = true;
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

  const initial = stateFromAddress(new URL(location.href));
  showState(initial);
  form.hidden = false;
  // The box is not focused on arrival: the skip link stays the first tab stop, and a screen
  // reader starts at the top of the page like on every other page.
  if (initial.query.trim() !== "" || Object.keys(initial.filters).length > 0) void run();
}

const form = document.querySelector<HTMLFormElement>("form[data-search-form]");
if (form) start(form);
