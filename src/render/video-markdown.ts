/**
 * Videos in a release's text: a paragraph that is only a video's address (linkified), or only
 * `[title](address)`, is a video (src/render/video.ts says which addresses are). Any other
 * paragraph, and any address that is not a video, is left as markdown-it made it.
 *
 * On a release page a video of YouTube or Aparat is a light placeholder: a link to the video's
 * page on the provider, drawn as a poster with a play button, which the page's script
 * (src/assets/release-client.ts) replaces with the provider's player when the reader clicks it.
 * Until then the page asks nothing of the provider: no frame, no picture, no script. Without the
 * script the link still takes the reader to the video. A file of the site is a `<video>` that
 * loads nothing before it is played. In a feed (readers drop frames and scripts) a video is a link.
 *
 * Only a renderer given `{ videos: … }` in its environment does this (release pages, feeds);
 * elsewhere a video's address stays the link it is.
 */
import type { MarkdownIt, StateCore, Token } from "markdown-it";
import type { Language } from "../content/schema.js";
import { html } from "./html.js";
import { fillString, interfaceStrings } from "./i18n.js";
import { recogniseVideo, type Video } from "./video.js";

export interface VideoEnv {
  videos?: BodyVideos;
}

/** What the renderer needs to show a body's videos, and what it found. */
export interface BodyVideos {
  /** A placeholder that the page's script turns into a player (release pages), or a plain link (feeds). */
  form: "player" | "link";
  /** The release's title and language: a video whose link has no text of its own is «ویدیو: <title>». */
  releaseTitle: string;
  lang: Language;
  /** Filled while the body is rendered: its videos, in order, with their titles (the page's JSON-LD). */
  found: FoundVideo[];
}

export interface FoundVideo extends Video {
  title: string;
}

interface VideoMeta extends Record<string, unknown> {
  video: FoundVideo;
  form: BodyVideos["form"];
  lang: Language;
}

const PROVIDER_KEYS = { youtube: "videoYoutube", aparat: "videoAparat", file: "videoFile" } as const;

/** The text of a link's children, as the reader sees it. */
function linkText(children: readonly Token[]): string {
  return children
    .filter((child) => child.type === "text" || child.type === "code_inline" || child.type === "text_special")
    .map((child) => child.content)
    .join("")
    .trim();
}

/**
 * The video a paragraph's inline content is, when it is a single link to one and nothing else
 * (an image or other text beside or inside the link makes it an ordinary paragraph).
 */
function paragraphVideo(inline: Token, env: BodyVideos): FoundVideo | undefined {
  const children = (inline.children ?? []).filter((child) => !(child.type === "text" && child.content.trim() === ""));
  const first = children[0];
  const last = children[children.length - 1];
  if (!first || first.type !== "link_open" || last?.type !== "link_close") return undefined;
  const inner = children.slice(1, -1);
  if (inner.some((child) => child.type === "link_open" || child.type === "image" || child.type === "link_close")) return undefined;
  const href = String(first.attrGet("href") ?? "");
  const video = recogniseVideo(href);
  if (!video) return undefined;
  const written = first.markup === "linkify" || first.markup === "autolink" ? "" : linkText(inner);
  // A link whose text is its own address has no title either.
  const title = written === "" || /^https?:\/\//i.test(written) ? fillString(interfaceStrings(env.lang).videoTitle, { title: env.releaseTitle }) : written;
  return { ...video, title };
}

/** A link token to `href` with `text`, in the state's own token kind. */
function linkTokens(state: StateCore, href: string, inside: Token[], className?: string): Token[] {
  const open = new state.Token("link_open", "a", 1);
  open.attrs = [["href", href]];
  if (className) open.attrSet("class", className);
  const close = new state.Token("link_close", "a", -1);
  return [open, ...inside, close];
}

function textToken(state: StateCore, content: string): Token {
  const token = new state.Token("text", "", 0);
  token.content = content;
  return token;
}

/** The core rule: each video paragraph becomes video_open, an inline link, video_close. */
function videoParagraphs(state: StateCore): void {
  const env = (state.env as VideoEnv | undefined)?.videos;
  if (!env) return;
  const tokens = state.tokens;
  for (let index = 0; index + 2 < tokens.length; index++) {
    const [open, inline, close] = [tokens[index]!, tokens[index + 1]!, tokens[index + 2]!];
    if (open.type !== "paragraph_open" || inline.type !== "inline" || close.type !== "paragraph_close" || open.hidden) continue;
    const video = paragraphVideo(inline, env);
    if (!video) continue;
    env.found.push(video);
    const meta: VideoMeta = { video, form: env.form, lang: env.lang };
    open.type = "video_open";
    open.tag = "figure";
    open.meta = meta;
    close.type = "video_close";
    close.tag = "figure";
    close.meta = meta;
    // The link stays a link token, so that what every link gets (rel on other sites'
    // addresses, a file of the content folder published: src/render/images.ts) it gets too.
    if (env.form === "link" || video.provider === "file") {
      inline.children = linkTokens(state, video.pageUrl, [textToken(state, video.title)]);
    } else {
      const label = new state.Token("video_label", "", 0);
      label.meta = meta;
      inline.children = linkTokens(state, video.pageUrl, [label], "video__link");
    }
    index += 2;
  }
}

const metaOf = (token: Token) => token.meta as unknown as VideoMeta;

/** Registers the video paragraphs and their markup on a markdown-it renderer (src/render/markdown.ts). */
export function useVideos(markdown: MarkdownIt): void {
  markdown.core.ruler.push("akhbar_video", videoParagraphs);
  markdown.renderer.rules.video_open = (tokens, index) => {
    const { video, form } = metaOf(tokens[index]!);
    if (form === "link") return `<p class="video-link">`;
    if (video.provider === "file") return html`<figure class="video video--file">\n<video class="video__player" controls preload="none" src="${video.embedUrl}">`.value;
    return html`<figure class="video video--${video.provider}" data-akhbar-video="${video.embedUrl}">\n`.value;
  };
  markdown.renderer.rules.video_close = (tokens, index) => {
    const { video, form } = metaOf(tokens[index]!);
    if (form === "link") return "</p>\n";
    if (video.provider === "file") return html`</video>\n<figcaption class="video__caption">${video.title}</figcaption>\n</figure>\n`.value;
    return "\n</figure>\n";
  };
  markdown.renderer.rules.video_label = (tokens, index) => {
    const { video, lang } = metaOf(tokens[index]!);
    const t = interfaceStrings(lang);
    // The play button is drawn by the stylesheet; the link's name is the title and where it plays.
    return html`<span class="video__play" aria-hidden="true"></span><span class="video__title">${video.title}</span><span class="video__provider">${t[PROVIDER_KEYS[video.provider]]}</span>`.value;
  };
}

/** The environment that shows a release's videos in `form`, with an empty list for the renderer to fill. */
export function bodyVideos(form: BodyVideos["form"], release: { title: string; lang: Language }): { videos: BodyVideos } {
  return { videos: { form, releaseTitle: release.title, lang: release.lang, found: [] } };
}
