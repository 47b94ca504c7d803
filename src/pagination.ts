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

/** The page (1-based) that shows the item at `position` (0-based). */
export function pageOfPosition(position: number, size: number = PAGE_SIZE): number {
  if (!Number.isInteger(position) || position < 0) throw new RangeError(`position must be a whole number ≥ 0, got ${position}`);
  return Math.floor(position / size) + 1;
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
