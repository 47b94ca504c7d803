/**
 * Scripts the reader's browser runs (the search page's, the release page's): bundled by esbuild
 * with their imports into one small minified file, which the assets step fingerprints. One place
 * for what both share: the browsers they must run in.
 */
import { build } from "esbuild";

/** Bundles the TypeScript file `entry` (a path) as an ES module or a classic script. */
export async function bundleBrowserScript(entry: string, format: "esm" | "iife"): Promise<string> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    format,
    platform: "browser",
    // Browsers of 2020 on (Chrome 80, Safari 14): readers' phones are not all new.
    target: "es2020",
    minify: true,
    charset: "utf8",
    legalComments: "none",
    write: false,
    logLevel: "silent",
  });
  return result.outputFiles[0]!.text;
}
