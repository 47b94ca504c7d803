/**
 * How Netlify and Cloudflare Pages read a site's `_headers` file (src/build/host-headers.ts writes
 * it): the rules, and the headers they give an address. The local static server (static-server.ts)
 * serves a built site with them, as those hosts would.
 */

/** A rule of a `_headers` file: the shape src/build/host-headers.ts plans and writes. */
export interface HeaderRule {
  /** A path pattern as the hosts read it: exact, with `:name` placeholders (one path segment each), or ending in `*` (any rest of the path). */
  pattern: string;
  headers: Array<readonly [string, string]>;
}

/** Reads a `_headers` file (the form src/build/host-headers.ts writes). */
export function parseHeadersFile(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  for (const line of text.split("\n")) {
    if (line.trim() === "" || line.trimStart().startsWith("#")) continue;
    if (!/^\s/.test(line)) {
      rules.push({ pattern: line.trim(), headers: [] });
      continue;
    }
    const rule = rules.at(-1);
    const colon = line.indexOf(":");
    if (!rule || colon === -1) throw new Error(`_headers: a header line outside a rule, or without a colon: «${line}»`);
    rule.headers.push([line.slice(0, colon).trim(), line.slice(colon + 1).trim()]);
  }
  return rules;
}

/** Whether a rule's pattern matches `pathname` as the hosts read it: `:name` is one path segment, a final `*` any rest. */
export function patternMatches(pattern: string, pathname: string): boolean {
  const splat = pattern.endsWith("*");
  const parts = (splat ? pattern.slice(0, -1) : pattern).split(/(:[A-Za-z]\w*)/);
  const source = parts.map((part, position) => (position % 2 === 1 ? "[^/]+" : part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))).join("");
  return new RegExp(`^${source}${splat ? "" : "$"}`).test(pathname);
}

/** The headers a host sends for `pathname` (percent-encoded, as requested): every matching rule's, values of one name joined. */
export function headersFor(rules: readonly HeaderRule[], pathname: string): Map<string, string> {
  const headers = new Map<string, string>();
  for (const rule of rules) {
    if (!patternMatches(rule.pattern, pathname)) continue;
    for (const [name, value] of rule.headers) {
      const key = name.toLowerCase();
      headers.set(key, headers.has(key) ? `${headers.get(key)}, ${value}` : value);
    }
  }
  return headers;
}
