/** The part of @11ty/posthtml-urls that Akhbar uses; the package ships no types. */
declare module "@11ty/posthtml-urls" {
  import type { Plugin } from "posthtml";
  /** A PostHTML plugin that passes every address attribute of the tree through `eachURL`. */
  export default function urls(options: { eachURL: (url: string, attribute: string, tag: string) => string | Promise<string> }): Plugin<unknown>;
}
