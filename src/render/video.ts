/**
 * Video addresses: which addresses an editor writes are a video the page may play, and the
 * player each one is played in. Two hosts of video (YouTube, and Aparat, which Iranian offices
 * use) and the site's own files (`/files/….mp4`, `.webm`). Anything else is not a video and stays
 * the link or text it was: an address of another host, `http:`, a look-alike host, user
 * information before the host, an id with characters an id never has.
 *
 * The players' addresses are made here from the id alone, never copied from what the editor
 * wrote, and the release page's script (src/assets/release-client.ts) accepts only an address
 * `isPlayerAddress` accepts: these pure functions run in the build and in the reader's browser
 * alike, so they import nothing.
 */

export type VideoProvider = "youtube" | "aparat" | "file";

export interface Video {
  provider: VideoProvider;
  /** YouTube's 11-character id, Aparat's hash, or the file's address on the site (`/files/a.mp4`). */
  id: string;
  /** Where the video can be watched without the site's script: its page on the provider, or the file. */
  pageUrl: string;
  /** What plays it: the provider's player (loaded only when the reader asks), or the file itself. */
  embedUrl: string;
}

/** The hosts of the players, exactly: the Content-Security-Policy's frame-src (src/render/security-policy.ts). */
export const PLAYER_ORIGINS: readonly string[] = ["https://www.youtube-nocookie.com", "https://www.aparat.com"];

/** The folder of the content folder whose videos a page may play, at its address (src/content/content-files.ts). */
export const VIDEO_FILES_URL = "/files/";
export const VIDEO_FILE_EXTENSIONS: readonly string[] = ["mp4", "webm"];

const YOUTUBE_ID = /^[A-Za-z0-9_-]{11}$/;
const YOUTUBE_HOSTS = new Set(["www.youtube.com", "youtube.com", "m.youtube.com"]);
/** Aparat's hashes are short letters and digits (5 characters for years, 7 or 8 now); 32 leaves room, and bounds it. */
const APARAT_HASH = /^[A-Za-z0-9]{4,32}$/;
const APARAT_HOSTS = new Set(["www.aparat.com", "aparat.com"]);
/** A start time as YouTube writes it: seconds (`90`, `90s`) or `1h2m3s`. */
const START_TIME = /^(?:(\d{1,2})h)?(?:(\d{1,3})m)?(?:(\d{1,6})s?)?$/;
/** Longer than any address an editor pastes: nothing longer is read. */
const MAX_ADDRESS_LENGTH = 2048;

const youtubeVideo = (id: string, start: number | undefined): Video => ({
  provider: "youtube",
  id,
  pageUrl: `https://www.youtube.com/watch?v=${id}${start ? `&t=${start}s` : ""}`,
  embedUrl: `https://www.youtube-nocookie.com/embed/${id}?autoplay=1${start ? `&start=${start}` : ""}`,
});

const aparatVideo = (hash: string): Video => ({
  provider: "aparat",
  id: hash,
  pageUrl: `https://www.aparat.com/v/${hash}`,
  embedUrl: `https://www.aparat.com/video/video/embed/videohash/${hash}/vt/frame?autoplay=true`,
});

/** Seconds from a `t=`/`start=` value, or undefined when there is none or it is not a time. */
function startSeconds(value: string | null): number | undefined {
  if (!value) return undefined;
  const match = START_TIME.exec(value);
  if (!match) return undefined;
  const seconds = Number(match[1] ?? 0) * 3600 + Number(match[2] ?? 0) * 60 + Number(match[3] ?? 0);
  return seconds > 0 ? seconds : undefined;
}

/** The path's parts, without a trailing slash (`/shorts/ID/` is `/shorts/ID`). */
const pathParts = (url: URL) => url.pathname.replace(/\/$/, "").split("/").slice(1);

function youtube(url: URL): Video | undefined {
  const start = startSeconds(url.searchParams.get("t") ?? url.searchParams.get("start"));
  let id: string | undefined;
  const parts = pathParts(url);
  if (url.hostname === "youtu.be") {
    if (parts.length === 1) id = parts[0];
  } else if (YOUTUBE_HOSTS.has(url.hostname)) {
    if (parts.length === 1 && parts[0] === "watch") id = url.searchParams.get("v") ?? undefined;
    else if (parts.length === 2 && (parts[0] === "shorts" || parts[0] === "embed" || parts[0] === "live")) id = parts[1];
  }
  return id !== undefined && YOUTUBE_ID.test(id) ? youtubeVideo(id, start) : undefined;
}

function aparat(url: URL): Video | undefined {
  if (!APARAT_HOSTS.has(url.hostname)) return undefined;
  const parts = pathParts(url);
  // `/v/HASH`, or `/v/HASH/the-title` as Aparat's share button writes it.
  if ((parts.length !== 2 && parts.length !== 3) || parts[0] !== "v") return undefined;
  const hash = parts[1]!;
  return APARAT_HASH.test(hash) ? aparatVideo(hash) : undefined;
}

/**
 * A file of the site under /files/ with a video's extension, as an editor links to it
 * (`/files/visit.mp4`, percent-encoded or not). Whether the file is there, and may be published,
 * is the picture pipeline's business (src/render/images.ts), as for any file a release links to.
 */
function videoFile(address: string): Video | undefined {
  if (!address.startsWith(VIDEO_FILES_URL) || /[?#"'<>\\\s]/.test(address)) return undefined;
  const extension = /\.([A-Za-z0-9]+)$/.exec(address)?.[1]?.toLowerCase();
  if (extension === undefined || !VIDEO_FILE_EXTENSIONS.includes(extension)) return undefined;
  // No part that leaves the folder or hides: the address resolver refuses them too, this only keeps them out of the markup.
  if (address.split("/").slice(1).some((part) => part === "" || part.startsWith(".") || /%2e|%2f|%5c/i.test(part))) return undefined;
  return { provider: "file", id: address, pageUrl: address, embedUrl: address };
}

/**
 * The video at `address`, or undefined when it is not one: https only, on the providers' own
 * hosts, with no user information or port, and an id of the provider's form; or a video file of
 * the site.
 */
export function recogniseVideo(address: string): Video | undefined {
  if (address.length > MAX_ADDRESS_LENGTH) return undefined;
  if (address.startsWith("/") && !address.startsWith("//")) return videoFile(address);
  // The URL parser reads the host as a browser would: `https://www.youtube.com@evil.example/` is evil.example's.
  if (!/^https:\/\//i.test(address)) return undefined;
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    return undefined;
  }
  if (url.protocol !== "https:" || url.username !== "" || url.password !== "" || url.port !== "") return undefined;
  return youtube(url) ?? aparat(url);
}

/** The players' addresses exactly as this module makes them, and nothing else. */
const PLAYER_ADDRESSES = [
  /^https:\/\/www\.youtube-nocookie\.com\/embed\/[A-Za-z0-9_-]{11}\?autoplay=1(?:&start=\d{1,7})?$/,
  /^https:\/\/www\.aparat\.com\/video\/video\/embed\/videohash\/[A-Za-z0-9]{4,32}\/vt\/frame\?autoplay=true$/,
];

/**
 * Whether `address` is a player this module makes: what the release page's script checks before
 * it opens a frame, whatever a page's markup says.
 */
export function isPlayerAddress(address: string): boolean {
  return PLAYER_ADDRESSES.some((pattern) => pattern.test(address));
}
