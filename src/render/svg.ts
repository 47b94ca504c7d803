/**
 * Drawings (SVG) from the content folder, made safe to publish. An SVG opened from the site's own
 * address is a document of the site: a script in it (`<script>`, a namespaced `<s:script>`, an
 * `onload=`, a `javascript:` link, HTML in a `<foreignObject>`) would run with the site's
 * rights. A regular expression cannot tell, so the drawing is parsed as XML, as a browser parses
 * it, and cleaned by DOMPurify (an allowlist of SVG elements and attributes) on jsdom.
 *
 * DOMPurify does not read CSS nor tell a link from a resource, so two hooks add what a drawing
 * on this site must not have either: references to anything outside the drawing (an `href` other
 * than `#…`, a `url(…)` other than `url(#…)`, CSS `@import`), which would load when the drawing
 * is opened. A link (`<a href="https://…">`) stays, since it loads nothing; so does a `<use>` of a
 * part of the same drawing.
 *
 * A drawing from which nothing had to go is published byte for byte as the editor saved it;
 * otherwise the cleaned drawing is published, and `npm run check` names what went. Only the
 * drawing itself is ever published: a DOCTYPE (whose entities jsdom and browsers expand
 * differently) or a processing instruction before it means the cleaned drawing is published.
 */
import { createRequire } from "node:module";
import type { DOMPurify, RemovedAttribute, RemovedElement, WindowLike } from "dompurify";
import type { JSDOM as JsdomClass } from "jsdom";
import type { Message } from "../messages/messages.js";
import { DRAWING_NOT_UTF8, drawingNotWellFormed, drawingOfOtherKind, drawingWithoutNamespace } from "../messages/content.js";

const SVG_NAMESPACE = "http://www.w3.org/2000/svg";
/** jsdom's document for XML it cannot parse, as Firefox's. */
const PARSE_ERROR_NAMESPACE = "http://www.mozilla.org/newlayout/xml/parsererror.xml";
/** Embedded pictures (`<image href="data:…">`, as drawing programs save them); never an embedded SVG or HTML. */
const RASTER_DATA = /^data:image\/(?:png|jpe?g|gif|webp|avif)[;,]/i;
const CSS_URL = /url\s*\(\s*(['"]?)\s*([^'")\s]*)/gi;
/** CSS that loads from elsewhere, or hides what it does in escapes. */
const CSS_OUTSIDE = /@import|image-set\s*\(|\\/i;

export type SvgResult =
  | {
      ok: true;
      /** What to publish: the file as it is when nothing had to go, otherwise the cleaned drawing. */
      bytes: Buffer;
      /** What was taken out (`<script>`, `onload`, `href`, …), for the editor; empty when the file is published as it is. */
      removed: string[];
    }
  /** What is wrong, said of the drawing ("is not …"): src/messages/content.ts `drawingProblem` names the drawing. */
  | { ok: false; message: Message };

interface Sanitizer {
  purify: DOMPurify;
  window: JsdomClass["window"];
  /** What the hooks took out during the sanitize under way. */
  hooked: string[];
}

let sanitizer: Sanitizer | undefined;

/** jsdom and DOMPurify, loaded on the first drawing (a third of a second, which builds without drawings do not pay). */
function loadSanitizer(): Sanitizer {
  if (sanitizer) return sanitizer;
  const require = createRequire(import.meta.url);
  const { JSDOM } = require("jsdom") as { JSDOM: typeof JsdomClass };
  const createDOMPurify = require("dompurify") as (window: WindowLike) => DOMPurify;
  const { window } = new JSDOM("");
  const purify = createDOMPurify(window as unknown as WindowLike);
  const made: Sanitizer = { purify, window, hooked: [] };
  purify.addHook("uponSanitizeAttribute", (node, event) => {
    if (!event.keepAttr) return;
    const name = event.attrName;
    const value = event.attrValue;
    const tag = node.nodeName.toLowerCase();
    const reference = name === "href" || name === "xlink:href";
    // Presentation attributes (`fill`, `filter`, …) are CSS values as much as `style` is.
    const keep = reference ? value.startsWith("#") || tag === "a" || (tag === "image" && RASTER_DATA.test(value)) : isInsideCss(value);
    if (!keep) event.keepAttr = false;
  });
  purify.addHook("uponSanitizeElement", (node, event) => {
    if (event.tagName !== "style" || isInsideCss(node.textContent ?? "")) return;
    made.hooked.push("<style>");
    node.parentNode?.removeChild(node);
  });
  return (sanitizer = made);
}

/** Whether CSS (a stylesheet, or an attribute value, which may be one) refers only to the drawing itself. */
function isInsideCss(text: string): boolean {
  if (CSS_OUTSIDE.test(text)) return false;
  for (const match of text.matchAll(CSS_URL)) if (!match[2]!.startsWith("#")) return false;
  return true;
}

/** How the editor is told what went: `<script>`, `onload`; undefined for a namespace declaration, which does nothing. */
function describe(entry: RemovedElement | RemovedAttribute): string | undefined {
  if ("attribute" in entry) {
    const name = entry.attribute?.name ?? "an attribute";
    return name.startsWith("xmlns:") ? undefined : name;
  }
  const name = entry.element.nodeName;
  return name.startsWith("#") ? `a ${name.slice(1).replace("-", " ")}` : `<${name}>`;
}

/** The XML declaration's encoding, if it names one. */
function declaredEncoding(text: string): string | undefined {
  return /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([^"']+)["']/.exec(text)?.[1]?.toLowerCase();
}

/** `source` (an SVG file's bytes) made safe to publish, or why it cannot be. */
export function sanitizeSvg(source: Uint8Array): SvgResult {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(source);
  } catch {
    return { ok: false, message: DRAWING_NOT_UTF8 };
  }
  const { purify, window, hooked } = loadSanitizer();
  const document = new window.DOMParser().parseFromString(text, "image/svg+xml");
  const root = document.documentElement;
  if (!root || root.namespaceURI === PARSE_ERROR_NAMESPACE) {
    const detail = root?.textContent?.trim().split("\n")[0];
    return { ok: false, message: drawingNotWellFormed(detail) };
  }
  if (root.localName === "svg" && root.namespaceURI !== SVG_NAMESPACE) {
    return { ok: false, message: drawingWithoutNamespace(SVG_NAMESPACE) };
  }
  if (root.namespaceURI !== SVG_NAMESPACE || root.localName !== "svg") {
    return { ok: false, message: drawingOfOtherKind(root.nodeName) };
  }
  const removed: string[] = [];
  for (const node of document.childNodes) {
    if (node === root || node.nodeType === node.COMMENT_NODE) continue;
    removed.push(node.nodeType === node.DOCUMENT_TYPE_NODE ? "<!DOCTYPE>" : `<?${node.nodeName}?>`);
  }
  hooked.length = 0;
  purify.sanitize(root, {
    IN_PLACE: true,
    USE_PROFILES: { svg: true, svgFilters: true },
    ADD_ATTR: ["role"],
    // DOMPurify drops every <use>, for the drawings it could once fetch; here a <use> may only
    // name a part of the same drawing (`#id`), which the hook ensures.
    ADD_TAGS: ["use"],
    // Children of an element taken out go with it (a script's text, a program's private data).
    KEEP_CONTENT: false,
    // DOM clobbering needs a script of the page; a drawing published alone has none, and keeps its ids.
    SANITIZE_DOM: false,
  });
  const taken = purify.removed.length + hooked.length + removed.length;
  removed.push(...hooked, ...purify.removed.flatMap((entry) => describe(entry) ?? []));
  const encoding = declaredEncoding(text);
  if (taken === 0 && (encoding === undefined || encoding === "utf-8")) return { ok: true, bytes: Buffer.from(source), removed: [] };
  const described = [...new Set(removed)];
  return {
    ok: true,
    bytes: Buffer.from(`${new window.XMLSerializer().serializeToString(root)}\n`, "utf8"),
    removed: taken > 0 && described.length === 0 ? ["namespace declarations"] : described,
  };
}
