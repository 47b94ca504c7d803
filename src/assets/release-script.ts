/**
 * The release page's script: src/assets/release-client.ts and the video rules it imports
 * (src/render/video.ts), bundled (src/render/browser-script.ts) into one small file, which the
 * assets step fingerprints and release pages name as /assets/release.<hash>.js (layouts/release.ts).
 */
import { fileURLToPath } from "node:url";
import { bundleBrowserScript } from "../render/browser-script.js";

const CLIENT_ENTRY = fileURLToPath(new URL("./release-client.ts", import.meta.url));

/** A classic script, deferred: it has no imports of its own to load, and runs once the page is parsed. */
export function bundleReleaseClient(): Promise<string> {
  return bundleBrowserScript(CLIENT_ENTRY, "iife");
}
