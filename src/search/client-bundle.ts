/**
 * The search page's script: src/search/client.ts and the Persian rules it imports, bundled
 * (src/render/browser-script.ts) into one small file, which the assets step fingerprints and serves
 * as /assets/search.<hash>.js.
 */
import { fileURLToPath } from "node:url";
import { bundleBrowserScript } from "../render/browser-script.js";

const CLIENT_ENTRY = fileURLToPath(new URL("./client.ts", import.meta.url));

export function bundleSearchClient(): Promise<string> {
  return bundleBrowserScript(CLIENT_ENTRY, "esm");
}
