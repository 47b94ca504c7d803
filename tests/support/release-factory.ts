/** A release object for unit tests, without reading any file. */
import { DateTime } from "luxon";
import { releaseUrl, type Release } from "../../src/content/release.js";

export function makeRelease(id: number, iso: string, extra: Partial<Release> = {}): Release {
  const lang = extra.lang ?? "fa";
  return {
    id,
    title: `خبر ${id}`,
    date: DateTime.fromISO(iso, { setZone: true }),
    tags: [],
    draft: false,
    type: "news",
    lang,
    inputPath: `content/releases/${id}.md`,
    fileHash: "0".repeat(40),
    hasPictures: false,
    url: releaseUrl(id, lang),
    ...extra,
  };
}

/** The file of a release added by a test to a copy of the sample archive (in Ray, tagged «نشست» unless `tags` says otherwise). */
export function addedReleaseFile(id: number, title: string, date: string, tags: readonly string[] = ["نشست"]): string {
  const tagLines = tags.length > 0 ? `tags:\n${tags.map((tag) => `  - "${tag}"\n`).join("")}` : "";
  return `---\nid: ${id}\ntitle: "${title}"\ndate: "${date}"\ncounty: ری\n${tagLines}---\n\nمتن خبر افزوده.\n`;
}
