/**
 * A release file's text and its hash, for whatever reads a release again after the archive
 * was loaded (its page, its search document). A module of its own so that the search index's
 * code (shard-index.ts, whose hash keys the search shards in the build cache) does not take
 * in the archive loader: a change to how the archive is read does not re-index 150,000 releases.
 */
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";

/** Git's blob id of a file's bytes: the `fileHash` of every release, however it was learnt (src/content/archive-cache.ts). */
export function blobId(source: string | Uint8Array): string {
  const bytes = typeof source === "string" ? Buffer.from(source, "utf8") : source;
  return createHash("sha1").update(`blob ${bytes.byteLength}\0`).update(bytes).digest("hex");
}

/** The `fileHash` of a release file's text: git's blob id of its bytes. */
export function fileHashOf(source: string): string {
  return blobId(source);
}

/**
 * A release's file read again (to render or index it) after the archive was loaded. Caches key
 * what is made from it on `fileHash`: a file changed since, by an editor saving during the
 * build, would store a page under the hash of another text, so the build stops instead.
 */
export async function readReleaseSource(release: { inputPath: string; fileHash: string }): Promise<string> {
  const source = await readFile(release.inputPath, "utf8");
  if (fileHashOf(source) !== release.fileHash) {
    throw new Error(`${release.inputPath} changed while the site was being built: build again`);
  }
  return source;
}
