/**
 * How Netlify and Cloudflare Pages read a site's `_redirects` file (src/pages/redirect-pages.ts
 * writes it): for the tests that follow an old address to where a host would send it.
 */

export interface RedirectRule {
  from: string;
  to: string;
  status: number;
}

/** Reads a `_redirects` file (the subset src/pages/redirect-pages.ts writes). */
export function parseRedirectsFile(text: string): RedirectRule[] {
  return text
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "" && !line.startsWith("#"))
    .map((line) => {
      const [from = "", to = "", status = "302"] = line.split(/\s+/);
      return { from, to, status: Number(status) };
    });
}

/** Where a host sends `pathname`, by the first matching rule; `:name` matches one path segment. */
export function resolveRedirect(rules: readonly RedirectRule[], pathname: string): RedirectRule | undefined {
  for (const rule of rules) {
    const names: string[] = [];
    const pattern = rule.from.split(/(:[A-Za-z]\w*)/).map((part) => {
      if (part.startsWith(":")) {
        names.push(part.slice(1));
        return "([^/]+)";
      }
      return part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    });
    const match = new RegExp(`^${pattern.join("")}$`).exec(pathname);
    if (!match) continue;
    let to = rule.to;
    names.forEach((name, index) => (to = to.replaceAll(`:${name}`, match[index + 1]!)));
    return { ...rule, to };
  }
  return undefined;
}
