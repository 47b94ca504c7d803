/**
 * The release page's script: src/assets/release-client.ts and the video rules it imports
 * (src/render/video.ts), bundled by esbuild into one small file, which the assets step
 * fingerprints and release pages name as /assets/release.<hash>.js (layouts/release.ts).
 */
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const CLIENT_ENTRY = fileURLToPath(new URL("./release-client.ts", import.meta.url));

export async function bundleReleaseClient(): Promise<string> {
  const result = await build({
    entryPoints: [CLIENT_ENTRY],
    bundle: true,
    // A classic script, deferred: it has no imports of its own to load, and is run once the page is parsed.
    format: "iife",
    platform: "browser",
    // As the search page's script (src/search/client-bundle.ts): phones of 2020 on.
    target: "es2020",
    minify: true,
    charset: "utf8",
    legalComments: "none",
    write: false,
    logLevel: "silent",
  });
  return result.outputFiles[0]!.text;
}
