/**
 * The Markdown renderer for release bodies. Raw HTML in Markdown is escaped, not passed
 * through: editors paste from Word and old web pages, and nothing they paste may run in
 * a reader's browser. markdown-it's link validation already refuses javascript:, vbscript:
 * and file: links.
 */
import MarkdownIt from "markdown-it";
import { useVideos } from "./video-markdown.js";

type Markdown = InstanceType<typeof MarkdownIt>;

export function createMarkdown(): Markdown {
  const markdown = new MarkdownIt({ html: false, linkify: true, typographer: false, breaks: false });

  const renderImage = markdown.renderer.rules.image!;
  markdown.renderer.rules.image = (tokens, index, options, env, self) => {
    // Body images sit below the fold; lazy loading saves readers on slow networks.
    tokens[index]!.attrSet("loading", "lazy");
    tokens[index]!.attrSet("decoding", "async");
    return renderImage(tokens, index, options, env, self);
  };

  const renderLinkOpen = markdown.renderer.rules.link_open ?? ((tokens, index, options, _env, self) => self.renderToken(tokens, index, options));
  markdown.renderer.rules.link_open = (tokens, index, options, env, self) => {
    const href = String(tokens[index]!.attrGet("href") ?? "");
    if (/^https?:\/\//i.test(href)) tokens[index]!.attrSet("rel", "noopener noreferrer");
    return renderLinkOpen(tokens, index, options, env, self);
  };

  // Videos (src/render/video-markdown.ts): only for a renderer given `{ videos }` in its environment.
  useVideos(markdown);

  return markdown;
}
