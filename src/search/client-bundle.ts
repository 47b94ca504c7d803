/**
 * The search page's script: src/search/client.ts and the Persian rules it imports, bundled by
 * esbuild into one small file, which the assets step fingerprints and serves as /assets/search.<hash>.js.
 */
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const CLIENT_ENTRY = fileURLToPath(new URL("./client.ts", import.meta.url));

export async function bundleSearchClient(): Promise<string> {
  const result = await build({
    entryPoints: [CLIENT_ENTRY],
    bundle: true,
    format: "esm",
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
