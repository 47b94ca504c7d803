/**
 * Pictures as figures, and photo reports as galleries, in a release's text:
 *
 * - A paragraph that is one picture is a `<figure>`; the picture's Markdown title is its caption
 *   (`![متن جایگزین](/images/x.jpg "زیرنویس عکس")` → `<figure class="figure">…<figcaption>…`).
 *   A picture inside a sentence stays where it is, in its paragraph.
 * - A paragraph that is two or more pictures, each on its own line, is a gallery: a list of
 *   figures, each with its caption, in a `<figure class="gallery">` named for screen readers by
 *   the interface strings (`gallery`). The grid is the stylesheet's (src/assets/site.css); the
 *   pictures are lazy `<picture>`s like any other, with `sizes` for a gallery's cell, each linked
 *   to its largest file (src/render/images.ts reads the `figure` meta this rule gives them).
 *
 * A markdown-it core rule, so that every renderer of a body draws the same structure: a release
 * page (converted pictures), a feed (plain `<img>`). The parse itself is untouched for `check`
 * and the search index, which read pictures' descriptions from the tokens as before. The caption
 * is text, escaped as any text is.
 */
import type MarkdownIt from "markdown-it";
import type { StateCore, Token } from "markdown-it";
import type { Language } from "../content/schema.js";
import { toPersianDigits } from "../persian/letters.js";
import { fillString, interfaceStrings } from "./i18n.js";

type Markdown = InstanceType<typeof MarkdownIt>;

/** How a picture is placed, for the picture's renderer (src/render/images.ts). */
export type FigureRole = "single" | "gallery";

export interface FigureMeta {
  figure?: FigureRole;
}

/** The environment's language (release pages and feeds give it); Persian otherwise. */
export interface FiguresEnv {
  lang?: Language;
}

/**
 * The pictures of a paragraph that is made only of pictures, each on its own line (blank text
 * around them aside), or undefined for any other paragraph: one with words, a link, or two
 * pictures on one line.
 */
export function pictureRun(children: readonly Token[]): Token[] | undefined {
  const pictures: Token[] = [];
  let lineHasPicture = false;
  for (const child of children) {
    if (child.type === "image") {
      if (lineHasPicture) return undefined;
      pictures.push(child);
      lineHasPicture = true;
    } else if (child.type === "softbreak" || child.type === "hardbreak") {
      // A line's trailing spaces (a hard break) are an editor's accident more often than a wish.
      lineHasPicture = false;
    } else if (!(child.type === "text" && child.content.trim() === "")) {
      return undefined;
    }
  }
  return pictures.length > 0 ? pictures : undefined;
}

/** The caption a picture's Markdown title gives, and the picture without a `title` (the caption says it). */
function takeCaption(picture: Token): string {
  const caption = String(picture.attrGet("title") ?? "").trim();
  picture.attrs = (picture.attrs ?? []).filter(([name]) => name !== "title");
  return caption;
}

function markPicture(picture: Token, role: FigureRole): void {
  picture.meta = { ...(picture.meta as object | null), figure: role } satisfies FigureMeta;
}

/** `<figure>` picture `<figcaption>`caption`</figcaption></figure>` as inline tokens (no figcaption without a caption). */
function figureTokens(state: StateCore, picture: Token, role: FigureRole): Token[] {
  const caption = takeCaption(picture);
  markPicture(picture, role);
  if (caption === "") return [picture];
  const open = new state.Token("figcaption_open", "figcaption", 1);
  const text = new state.Token("text", "", 0);
  text.content = caption;
  const close = new state.Token("figcaption_close", "figcaption", -1);
  return [picture, open, text, close];
}

function tag(state: StateCore, type: string, name: string, nesting: 1 | -1, className?: string): Token {
  const token = new state.Token(type, name, nesting);
  if (className) token.attrSet("class", className);
  return token;
}

/** The core rule: picture paragraphs become figures, and picture-only paragraphs of several pictures galleries. */
function figureParagraphs(state: StateCore): void {
  const tokens = state.tokens;
  for (let index = 0; index + 2 < tokens.length; index++) {
    const [open, inline, close] = [tokens[index]!, tokens[index + 1]!, tokens[index + 2]!];
    // A tight list's paragraphs are hidden (no <p>): left as they are.
    if (open.type !== "paragraph_open" || inline.type !== "inline" || close.type !== "paragraph_close" || open.hidden) continue;
    const pictures = pictureRun(inline.children ?? []);
    if (!pictures) continue;
    open.type = "figure_open";
    open.tag = "figure";
    close.type = "figure_close";
    close.tag = "figure";
    if (pictures.length === 1) {
      open.attrSet("class", "figure");
      inline.children = figureTokens(state, pictures[0]!, "single");
    } else {
      open.attrSet("class", "gallery");
      open.meta = { pictures: pictures.length };
      inline.children = [
        tag(state, "gallery_list_open", "ul", 1, "gallery__items"),
        ...pictures.flatMap((picture) => [
          tag(state, "gallery_item_open", "li", 1, "gallery__item"),
          tag(state, "gallery_figure_open", "figure", 1),
          ...figureTokens(state, picture, "gallery"),
          tag(state, "gallery_figure_close", "figure", -1),
          tag(state, "gallery_item_close", "li", -1),
        ]),
        tag(state, "gallery_list_close", "ul", -1),
      ];
    }
    index += 2;
  }
}

/** The gallery's name for screen readers: «گزارش تصویری (۶ عکس)». */
export function galleryLabel(count: number, lang: Language): string {
  return fillString(interfaceStrings(lang).gallery, { count: lang === "fa" ? toPersianDigits(count) : count });
}

/** Registers figures and galleries on a markdown-it renderer (once per renderer). */
export function useFigures(markdown: Markdown): void {
  if (markdown.core.ruler.getRules("").some((rule) => rule.name === figureParagraphs.name)) return;
  markdown.core.ruler.push("akhbar_figures", figureParagraphs);
  markdown.renderer.rules.figure_open = (tokens, index, options, env, self) => {
    const token = tokens[index]!;
    const count = (token.meta as { pictures?: number } | null)?.pictures;
    // The gallery's name, set as the page is rendered: it is in the page's language. The renderer escapes it.
    if (count !== undefined) token.attrSet("aria-label", galleryLabel(count, (env as FiguresEnv | undefined)?.lang ?? "fa"));
    return self.renderToken(tokens, index, options);
  };
}
