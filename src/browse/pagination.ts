/**
 * Paging arithmetic for every list of releases (latest news, Jalali archives, counties,
 * organizations, tags): how many pages a list has, which items a page shows, where a page
 * lives and which page numbers its navigation offers. Pure functions over numbers.
 */

/** Releases on one list page. */
export const PAGE_SIZE = 20;

/**
 * /news/ covers only the newest releases: newest-first pages over the whole archive would
 * shift every page with each new release. Older releases are listed by Jalali month.
 */
export const LATEST_PAGE_LIMIT = 50;

/** How many pages a list of `total` items has. An empty list still has its first page, which says so. */
export function pageCount(total: number, size: number = PAGE_SIZE): number {
  if (!Number.isInteger(total) || total < 0) throw new RangeError(`total must be a whole number ≥ 0, got ${total}`);
  if (!Number.isInteger(size) || size < 1) throw new RangeError(`size must be a whole number ≥ 1, got ${size}`);
  return Math.max(1, Math.ceil(total / size));
}

/** The first and past-the-last positions (0-based) of page `page` (1-based) in a list of `total` items. */
export function pageBounds(page: number, total: number, size: number = PAGE_SIZE): { start: number; end: number } {
  if (!Number.isInteger(page) || page < 1 || page > pageCount(total, size)) {
    throw new RangeError(`page ${page} is not a page of a list of ${total} items (${pageCount(total, size)} pages)`);
  }
  const start = (page - 1) * size;
  return { start, end: Math.min(total, start + size) };
}

/** The items that page `page` (1-based) shows. */
export function pageItems<T>(items: readonly T[], page: number, size: number = PAGE_SIZE): T[] {
  const { start, end } = pageBounds(page, items.length, size);
  return items.slice(start, end);
}

/** `/news/` for page 1, `/news/page/2/` for page 2: the first page keeps the list's own address. */
export function pagedUrl(base: string, page: number): string {
  if (!base.endsWith("/")) throw new Error(`a list address ends with "/": ${base}`);
  return page === 1 ? base : `${base}page/${page}/`;
}

export type PageLink = number | "gap";

/**
 * The page numbers a page's navigation shows: the first and last pages, and `around` pages
 * either side of the current one; "gap" stands for the pages left out. A gap never hides
 * a single page: that page is shown instead, since it takes the same room.
 */
export function pageLinks(current: number, count: number, around = 2): PageLink[] {
  if (!Number.isInteger(count) || count < 1) throw new RangeError(`count must be a whole number ≥ 1, got ${count}`);
  if (!Number.isInteger(current) || current < 1 || current > count) throw new RangeError(`page ${current} is not between 1 and ${count}`);
  const shown = new Set<number>([1, count]);
  for (let page = current - around; page <= current + around; page++) if (page >= 1 && page <= count) shown.add(page);
  const pages = [...shown].sort((a, b) => a - b);
  const links: PageLink[] = [];
  pages.forEach((page, index) => {
    const previous = pages[index - 1];
    if (previous !== undefined && page - previous === 2) links.push(previous + 1);
    else if (previous !== undefined && page - previous > 2) links.push("gap");
    links.push(page);
  });
  return links;
}

/*
 * Archive paging, for the lists that grow at their newest end (a year, a month, a county, an
 * organization, a tag). Newest-first pages numbered from the newest shift every page of a
 * list by one release whenever a release is added: at 150,000 releases one day's release
 * rewrote ~3,600 list pages (the year's, the county's, each tag's). Here the numbered pages
 * are counted from the OLDEST release: /page/1/ always holds a list's oldest PAGE_SIZE
 * releases, /page/2/ the next ones, and a page, once full, never changes while releases are
 * added after it. The list's own address (its front page, page 0 here) shows the newest
 * releases: those not yet on a numbered page, between PAGE_SIZE and 2·PAGE_SIZE − 1 of them
 * (all of them when the list is shorter), so that a numbered page is made only when it is full
 * and the newest releases always have a page.
 */

/** The front page of an archive-paged list, as a page number. */
export const FRONT_PAGE = 0;

/** How many numbered (full, older) pages an archive-paged list of `total` releases has. */
export function archivedPageCount(total: number, size: number = PAGE_SIZE): number {
  pageCount(total, size); // checks both numbers
  return Math.max(0, Math.floor(total / size) - 1);
}

/** The newest-first positions [start, end) that page `page` (FRONT_PAGE or 1…archived pages) of an archive-paged list shows. */
export function archivePageBounds(page: number, total: number, size: number = PAGE_SIZE): { start: number; end: number } {
  const archived = archivedPageCount(total, size);
  if (!Number.isInteger(page) || page < FRONT_PAGE || page > archived) {
    throw new RangeError(`page ${page} is not a page of an archive-paged list of ${total} items (${archived} numbered pages)`);
  }
  // Numbered page k holds the oldest-first positions [size·(k−1), size·k); the front, the rest.
  if (page === FRONT_PAGE) return { start: 0, end: total - archived * size };
  return { start: total - page * size, end: total - (page - 1) * size };
}

/** The items that page `page` of an archive-paged list (newest first) shows. */
export function archivePageItems<T>(items: readonly T[], page: number, size: number = PAGE_SIZE): T[] {
  const { start, end } = archivePageBounds(page, items.length, size);
  return items.slice(start, end);
}

/** The page of an archive-paged list of `total` that shows the item at newest-first `position`. */
export function archivePageOfPosition(position: number, total: number, size: number = PAGE_SIZE): number {
  if (!Number.isInteger(position) || position < 0 || position >= total) throw new RangeError(`position ${position} is not in a list of ${total} items`);
  const page = Math.floor((total - 1 - position) / size) + 1;
  return page > archivedPageCount(total, size) ? FRONT_PAGE : page;
}

/** The address of page `page` of an archive-paged list at `base`: the front page is the list's own address. */
export function archivePageUrl(base: string, page: number): string {
  return page === FRONT_PAGE ? pagedUrl(base, 1) : `${base}page/${page}/`;
}

/**
 * The pages an archive-paged list's navigation offers on page `current`, newest first: the
 * front page, numbered pages around the current one, page 1, with gaps. Worked out as
 * `pageLinks` over steps from the front, so that it never names the number of pages itself:
 * a page's navigation changes only when pages near it are added.
 */
export function archivePageLinks(current: number, archived: number, around = 2): PageLink[] {
  const step = (page: number) => (page === FRONT_PAGE ? 1 : archived - page + 2);
  const pageAt = (link: number) => (link === 1 ? FRONT_PAGE : archived - link + 2);
  return pageLinks(step(current), archived + 1, around).map((link) => (link === "gap" ? link : pageAt(link)));
}
