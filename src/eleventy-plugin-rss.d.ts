/** The part of @11ty/eleventy-plugin-rss that Akhbar uses; the package ships no types. */
declare module "@11ty/eleventy-plugin-rss" {
  /** Rewrites every URL attribute of `html` (href, src, srcset, …) against `base`. */
  export function convertHtmlToAbsoluteUrls(html: string, base: string): Promise<string>;
}
