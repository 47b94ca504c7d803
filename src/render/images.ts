/**
 * Pictures: a release's `image` and the pictures in its text become responsive AVIF, WebP
 * and JPEG files (three widths, never wider than the original) by @11ty/eleventy-img, in a
 * `<picture>` with width and height so the page does not jump while it loads. The lead
 * picture loads at once; pictures in the text load lazily, as readers scroll to them.
 *
 * SVG drawings are not rasterised (a bitmap of a drawing is heavier and blurrier): they are
 * served from /images/, with width and height read from the file, cleaned of scripts and of
 * references outside the drawing first (src/render/svg.ts), since a drawing opened from the
 * site's own address could run one. Pictures on other sites (https://…) are shown as they
 * are: a build never downloads.
 *
 * Only the files of content/images/ that a page of this build uses are published, each at its
 * own address (/images/…): the pictures (the original too, which feeds and search results
 * show), the cleaned drawings, and the attachments (pdf, docx, xlsx) the text links to; so are
 * the attachments of content/files/ (/files/…). A link to an attachment says its type and size
 * after it («(PDF، ۲٫۳ مگابایت)»): each file a page links to is measured once per build. Every
 * address is read by src/content/content-files.ts, as `npm run check` reads it, so a path
 * that leaves content/images/ or content/files/ (`..`, a symbolic link) is an error, never a
 * published file.
 *
 * Pictures alone in their paragraph are figures, and paragraphs of pictures galleries
 * (src/render/figures.ts): a gallery's pictures are drawn for its cells (GALLERY_SIZES) and
 * each is a link to its largest file.
 *
 * The converted files are kept in a cache folder (`.cache/akhbar-images`, or
 * AKHBAR_IMAGE_CACHE) under a name made from the picture's content: an unchanged picture
 * is never converted again, and each build copies the files it uses into its own output.
 */
import { copyFile, link, mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { cacheFolder } from "../output/cache-dir.js";
import { contentVersion, type OutputLedger } from "../output/publish.js";
import type MarkdownIt from "markdown-it";
import Image, { type ImageMetadata, type ImageOptions, type ImageStat } from "@11ty/eleventy-img";
import { ContentError, type ContentProblem, type Release } from "../content/release.js";
import { attachmentProblem, attachmentType, decodeAddress, isContentAddress, resolveContentAddress, type ContentFileKind } from "../content/content-files.js";
import type { Language } from "../content/schema.js";
import { formatFileSize } from "../persian/file-size.js";
import { useFigures, type FigureMeta, type FigureRole, type FiguresEnv } from "./figures.js";
import { fillString, interfaceStrings } from "./i18n.js";
import { lineOfField, parseFrontMatter } from "../content/front-matter.js";
import { html, type SafeHtml } from "./html.js";
import { sanitizeSvg } from "./svg.js";
import { say, type Message } from "../messages/messages.js";
import { drawingProblem, drawingsCleaned, notAPicture, pictureNotConverted, pictureWithoutSize } from "../messages/content.js";

export const IMAGE_WIDTHS = [400, 800, 1344];
/** The text column is 42rem wide with 1rem of padding on each side. */
export const IMAGE_SIZES = "(min-width: 42rem) 40rem, calc(100vw - 2rem)";
/**
 * A gallery's cell (src/assets/site.css): two columns with a 0.5rem gap on phones, three in the
 * 40rem column from 42rem: a phone is not sent the column's width for a half-width cell.
 */
export const GALLERY_SIZES = "(min-width: 42rem) 13rem, calc(50vw - 1.25rem)";
export const IMAGE_URL_PATH = "/img/";
/** A drawing shared as a picture is drawn this wide, or this high when it is taller than wide. */
export const SHARING_SIZE = 1200;
export const CACHE_VARIABLE = "AKHBAR_IMAGE_CACHE";
/** EXIF orientations that turn the picture a quarter: its width and height swap. */
const QUARTER_TURNS = new Set([5, 6, 7, 8]);

export interface ImageWork {
  /** Files converted by this build. */
  converted: number;
  /** Files found in the cache, unchanged since an earlier build. */
  reused: number;
}

/** What a link to a file of the content folder names: a picture, or an attachment of a type and size. */
export type LinkedFile = { kind: "picture" } | { kind: "attachment"; extension: string; mediaType?: string; bytes: number };

/** How a picture of the text is shown: alone or in a gallery (src/render/figures.ts), or the lead picture. */
export interface PictureAttributes {
  alt: string;
  lead: boolean;
  figure?: FigureRole;
}

export interface Where {
  file: string;
  field: string;
  /** Text to find in the file for the line (the picture's address). */
  find: string;
}

export class ImagePipeline {
  private pending: Array<Promise<unknown>> = [];
  /** Cache file → URL path, for every file a page of this build uses. */
  private used = new Map<string, string>();
  /** Each source picture's files, worked out once per build. */
  private converted = new Map<string, ImageMetadata>();
  /** Files of the content folder published at their own address (`/images/…`): the file, or a drawing's cleaned bytes. */
  private originals = new Map<string, { file: string; bytes?: Buffer }>();
  /** The files links name, by address, each resolved, checked and measured once per build. */
  private linked = new Map<string, LinkedFile>();
  /** Drawings published without parts of them (src/render/svg.ts), with those parts, for the build's log. */
  private cleaned: string[] = [];
  private work: ImageWork = { converted: 0, reused: 0 };

  constructor(
    private readonly contentDir: string,
    private readonly cacheDir: string,
  ) {}

  private options(): ImageOptions {
    return {
      widths: IMAGE_WIDTHS,
      formats: ["avif", "webp", "jpeg"],
      // Keep every format for every picture: the markup is written before the file is read
      // by sharp, so the two must not disagree about transparent or animated pictures.
      formatFiltering: [],
      outputDir: this.cacheDir,
      urlPath: IMAGE_URL_PATH,
      // eleventy-img's own cache keeps every source picture's bytes in memory for the whole
      // build (gigabytes for a large archive); the pipeline checks the cache folder itself.
      useCache: false,
    };
  }

  /**
   * A picture of the site (`/images/…`), published at its own address, with its size; undefined
   * for a picture on another site. A missing or unreadable picture is a ContentError naming the
   * release file and line.
   */
  private sitePicture(src: string, where: Where): { file: string; address: string; size: PictureSize } | undefined {
    if (!src.startsWith("/") || src.startsWith("//")) return undefined;
    const resolved = resolveContentAddress(this.contentDir, src, "picture");
    if (!resolved.ok) throw problem(where, resolved.message);
    const { file, address } = resolved;
    const size = readSize(file, address, where);
    this.publish(file, address, size, where);
    return { file, address, size };
  }

  /**
   * The `<picture>` for a picture of the site (`/images/…`), queued for conversion; or
   * undefined for a picture on another site. A missing or unreadable picture is a
   * ContentError naming the release file and line.
   */
  picture(src: string, attributes: PictureAttributes, where: Where): SafeHtml | undefined {
    const found = this.sitePicture(src, where);
    if (!found) return undefined;
    const { file, address, size } = found;
    if (size.type === "svg") return svgHtml(src, size, attributes);
    return pictureHtml(this.convert(file, address, size, where), attributes);
  }

  /**
   * A link in a release's text to a file of the content folder (`/files/report.pdf`,
   * `/images/report.pdf`, or a picture): the file is published at that address, and what it is
   * returned (an attachment's size read once a build, however many pages link to it: only the
   * files pages link to are asked, never the folder). A missing file, or one that may not be
   * published, is a ContentError naming the release file and line.
   */
  linkedFile(href: string, where: Where): LinkedFile {
    const known = this.linked.get(decodeAddress(href));
    if (known) return known;
    const resolved = resolveContentAddress(this.contentDir, href, "link");
    if (!resolved.ok) throw problem(where, resolved.message);
    const { file, address, kind } = resolved;
    let linked: LinkedFile;
    if (kind === "picture") {
      this.publish(file, address, readSize(file, address, where), where);
      linked = { kind };
    } else {
      const wrong = attachmentProblem(file, address);
      if (wrong) throw problem(where, wrong);
      this.originals.set(address, { file });
      const type = attachmentType(address);
      linked = { kind, extension: type?.extension ?? "", mediaType: type?.mediaType, bytes: statSync(file).size };
    }
    this.linked.set(address, linked);
    return linked;
  }

  /** Publishes a picture at its own address: a drawing once cleaned (src/render/svg.ts), any other as it is. */
  private publish(file: string, address: string, size: PictureSize, where: Where): void {
    if (this.originals.has(address)) return;
    if (size.type !== "svg") {
      this.originals.set(address, { file });
      return;
    }
    const drawing = sanitizeSvg(readFileSync(file));
    if (!drawing.ok) throw problem(where, drawingProblem(address, drawing.message));
    if (drawing.removed.length > 0) this.cleaned.push(`${address} (${drawing.removed.join(", ")})`);
    this.originals.set(address, { file, bytes: drawing.bytes });
  }

  private convert(file: string, relative: string, size: PictureSize, where: Where): ImageMetadata {
    let metadata = this.converted.get(file);
    if (metadata) return metadata;
    metadata = Image.statsByDimensionsSync(file, size.width, size.height, this.options());
    this.converted.set(file, metadata);
    const stats = Object.values(metadata).flat();
    for (const stat of stats) this.used.set(stat.outputPath, stat.url);
    // The names carry a hash of the picture's content: files already in the cache are this
    // picture, unchanged, and it is not converted again.
    const present = stats.filter((stat) => existsSync(stat.outputPath));
    if (present.length === stats.length) {
      this.work.reused += stats.length;
    } else {
      this.work.converted += stats.length;
      this.queue(file, this.options(), relative, where);
    }
    return metadata;
  }

  /**
   * Converts `source` with `options` in the background. Into a folder of this build, then renamed
   * into the cache: a build killed halfway leaves no half-written file under a final name, and a
   * cached file, which may be hard-linked into a published site, is replaced, never written over.
   */
  private queue(source: string | Buffer, options: ImageOptions, address: string, where: Where): void {
    const task = Image(source, { ...options, outputDir: this.incoming() })
      .catch((error: unknown) => {
        throw problem(where, pictureNotConverted(address, (error as Error).message));
      })
      .then(async (converted) => {
        for (const stat of Object.values(converted).flat()) await rename(stat.outputPath, path.join(this.cacheDir, path.basename(stat.outputPath)));
      });
    // `finish` reports a failure; until then it must not count as unhandled (Node would exit).
    task.catch(() => undefined);
    this.pending.push(task);
  }

  // Sharing pictures: og:image is never an SVG, which sharing previews ignore.

  /**
   * The raster picture a page is shared with, for a picture of the site (undefined for one on
   * another site): a picture's largest converted JPEG (the one its page already names); a
   * drawing's PNG, drawn from its cleaned bytes (src/render/svg.ts) SHARING_SIZE wide (or high),
   * converted and cached like the other pictures, its name made from the drawing's content.
   */
  sharingPicture(src: string, where: Where): { url: string; width: number; height: number } | undefined {
    const found = this.sitePicture(src, where);
    if (!found) return undefined;
    const { file, address, size } = found;
    const metadata = size.type === "svg" ? this.drawing(file, address, size, where) : this.convert(file, address, size, where);
    const largest = (metadata.png ?? metadata.jpeg ?? []).at(-1)!;
    return { url: largest.url, width: largest.width, height: largest.height };
  }

  /** A drawing of the content folder as one PNG for sharing, queued for conversion unless the cache has it. */
  private drawing(file: string, address: string, size: PictureSize, where: Where): ImageMetadata {
    const key = `${file}\0sharing`;
    const known = this.converted.get(key);
    if (known) return known;
    const bytes = this.originals.get(address)?.bytes ?? readFileSync(file);
    const width = size.height > size.width ? Math.max(1, Math.round((SHARING_SIZE * size.width) / size.height)) : SHARING_SIZE;
    const height = Math.max(1, Math.round((width * size.height) / size.width));
    // Drawn at the density that gives `width` pixels: not a 72 dpi bitmap enlarged. The options
    // are in the name's hash, with the bytes.
    const density = Math.max(72, Math.ceil((72 * width) / size.width));
    const options: ImageOptions = { ...this.options(), widths: [width], formats: ["png"], sharpOptions: { density } };
    const metadata = Image.statsByDimensionsSync(bytes, width, height, options);
    this.converted.set(key, metadata);
    const stats = Object.values(metadata).flat();
    for (const stat of stats) this.used.set(stat.outputPath, stat.url);
    if (stats.every((stat) => existsSync(stat.outputPath))) {
      this.work.reused += stats.length;
      return metadata;
    }
    this.work.converted += stats.length;
    this.queue(bytes, options, address, where);
    return metadata;
  }

  private incoming(): string {
    return path.join(this.cacheDir, `.incoming-${process.pid}`);
  }

  /**
   * Waits for the conversions and copies the files this build uses into its output folder. The
   * files published at their own address are recorded in `ledger` (src/output/publish.ts): one the
   * site already has in the same version is not written.
   */
  async finish(outputDir: string, ledger?: OutputLedger): Promise<ImageWork> {
    try {
      await Promise.all(this.pending);
    } finally {
      await rm(this.incoming(), { recursive: true, force: true });
    }
    const entries = [...this.used].map(([cached, url]) => [cached, path.join(outputDir, ...url.split("/").filter((part) => part !== ""))] as const);
    for (const folder of new Set(entries.map(([, target]) => path.dirname(target)))) await mkdir(folder, { recursive: true });
    for (let start = 0; start < entries.length; start += 64) {
      await Promise.all(entries.slice(start, start + 64).map(([cached, target]) => placeFile(cached, target)));
    }
    if (this.cleaned.length > 0) console.warn(say(drawingsCleaned(this.cleaned)));
    const originals = [...this.originals];
    for (let start = 0; start < originals.length; start += 64) {
      await Promise.all(
        originals.slice(start, start + 64).map(async ([address, { file, bytes }]) => {
          const content = bytes ?? (await readFile(file));
          if (ledger?.record(address, contentVersion(content))) return;
          const target = path.join(outputDir, ...address.split("/").filter((part) => part !== ""));
          await mkdir(path.dirname(target), { recursive: true });
          await writeFile(target, content);
        }),
      );
    }
    return this.work;
  }
}

/**
 * A hard link when the cache and the output share a file system (no copy of thousands of
 * pictures per build; cached files are never rewritten in place), a copy otherwise.
 */
async function placeFile(cached: string, target: string): Promise<void> {
  try {
    await link(cached, target);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EEXIST") return;
    if (code !== "EXDEV" && code !== "EPERM" && code !== "ENOTSUP") throw error;
    await copyFile(cached, target);
  }
}

interface PictureSize {
  width: number;
  height: number;
  type?: string;
}

/** The size readers see: an EXIF quarter turn swaps width and height, as the converted file will. */
function readSize(file: string, relative: string, where: Where): PictureSize {
  const size = pictureSize(file, relative);
  if (!("width" in size)) throw problem(where, size);
  return size;
}

/** The picture's size, or what is wrong with it. */
function pictureSize(file: string, relative: string): PictureSize | Message {
  let size;
  try {
    size = Image.ImageSize(file);
  } catch {
    return notAPicture(relative);
  }
  if (!size.width || !size.height) return pictureWithoutSize(relative);
  const turned = size.orientation !== undefined && QUARTER_TURNS.has(size.orientation);
  return turned ? { width: size.height, height: size.width, type: size.type } : { width: size.width, height: size.height, type: size.type };
}

/**
 * The size readers see of the picture `file`, or undefined when it is not a picture the site can
 * show: how src/content/site.ts measures the logo (the content folder's code may not import this
 * module), which the JSON-LD publisher's logo and the page header state.
 */
export function measurePicture(file: string): { width: number; height: number } | undefined {
  const size = pictureSize(file, file);
  return "width" in size ? { width: size.width, height: size.height } : undefined;
}

/** What the build makes of a file of the content folder that a release uses: a problem that stops it, or what cleaning a drawing takes out. */
export interface ContentFileInspection {
  problem?: Message;
  /** A drawing's parts that are not published (src/render/svg.ts); empty or absent when it is published as it is. */
  removed?: string[];
}

/**
 * The build's own checks of a file it would publish (`npm run check` asks the same, so that the
 * two agree): a picture must be one and say its size, a drawing must be well-formed SVG, an
 * attachment must be of its type.
 */
export function inspectContentFile(file: string, address: string, kind: ContentFileKind): ContentFileInspection {
  if (kind === "attachment") return { problem: attachmentProblem(file, address) };
  const size = pictureSize(file, address);
  if (!("width" in size)) return { problem: size };
  if (size.type !== "svg") return {};
  const drawing = sanitizeSvg(readFileSync(file));
  return drawing.ok ? { removed: drawing.removed } : { problem: drawingProblem(address, drawing.message) };
}

function problem(where: Where, message: Message): ContentError {
  const detail: ContentProblem = { file: where.file, line: lineIn(where), field: where.field, message };
  return new ContentError([detail]);
}

/** The line of the picture in its file, read only when there is a problem to report. */
function lineIn(where: Where): number {
  try {
    const source = readFileSync(where.file, "utf8");
    if (where.field === "image") return lineOfField(parseFrontMatter(source).frontMatter, "image");
    const index = source.split("\n").findIndex((line) => line.includes(where.find));
    return index === -1 ? 1 : index + 1;
  } catch {
    return 1;
  }
}

/** An SVG is served from its own address (published cleaned by `finish`), with its own size. */
function svgHtml(src: string, size: PictureSize, { alt, lead }: PictureAttributes): SafeHtml {
  const priority = lead ? html` fetchpriority="high"` : "";
  return html`<img src="${src}" width="${size.width}" height="${size.height}" alt="${alt}" loading="${lead ? "eager" : "lazy"}" decoding="async"${priority}>`;
}

function pictureHtml(metadata: ImageMetadata, { alt, lead, figure }: PictureAttributes): SafeHtml {
  const loading = lead ? "eager" : "lazy";
  const sizes = figure === "gallery" ? GALLERY_SIZES : IMAGE_SIZES;
  const priority = lead ? html` fetchpriority="high"` : "";
  const srcset = (stats: ImageStat[]) => stats.map((stat) => stat.srcset).join(", ");
  const fallback = metadata.jpeg ?? [];
  const largest = fallback[fallback.length - 1]!;
  const sources = ["avif", "webp"]
    .filter((format) => (metadata[format] ?? []).length > 0)
    .map((format) => html`<source type="${metadata[format]![0]!.sourceType}" srcset="${srcset(metadata[format]!)}" sizes="${sizes}">`);
  const picture = html`<picture>${sources}<img src="${largest.url}" srcset="${srcset(fallback)}" sizes="${sizes}" width="${largest.width}" height="${largest.height}" alt="${alt}" loading="${loading}" decoding="async"${priority}></picture>`;
  // A gallery's cell is small: its link opens the largest file, for any reader, keyboard and all.
  // A picture without a description would be a link without a name: it is not linked.
  if (figure !== "gallery" || alt.trim() === "") return picture;
  return html`<a class="gallery__open" href="${largest.url}">${picture}</a>`;
}

/** The lead picture of a release, or undefined when it has none or it is on another site. */
export function leadImage(pictures: ImagePipeline, release: Release): SafeHtml | undefined {
  if (!release.image) return undefined;
  return pictures.picture(release.image, { alt: release.imageAlt ?? "", lead: true }, { file: release.inputPath, field: "image", find: release.image });
}

/** The raster picture a release is shared with, when its `image` is a picture of the site. */
export function releaseSharingPicture(pictures: ImagePipeline, release: Release): { url: string; width: number; height: number } | undefined {
  if (!release.image) return undefined;
  return pictures.sharingPicture(release.image, { file: release.inputPath, field: "image", find: release.image });
}

export function imageCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  return cacheFolder("akhbar-images", CACHE_VARIABLE, env);
}

interface MarkdownImageToken {
  type: string;
  meta: unknown;
  attrGet(name: string): string | number | null;
  attrSet(name: string, value: string): void;
  children: unknown[] | null;
}

interface MarkdownLike {
  renderer: {
    rules: Record<string, ((tokens: MarkdownImageToken[], index: number, options: unknown, env: unknown, self: MarkdownRendererLike) => string) | undefined>;
    renderInlineAsText(tokens: unknown[], options: unknown, env: unknown): string;
    renderToken(tokens: MarkdownImageToken[], index: number, options: unknown): string;
  };
}
type MarkdownRendererLike = MarkdownLike["renderer"];

/** The environment the renderer is given: the release file (for messages) and the page's language. */
interface PicturesEnv extends FiguresEnv {
  page?: { inputPath?: string };
}

/** An attachment's type and size as readers read them after its link: «(PDF، ۲٫۳ مگابایت)». */
export function attachmentMeta(extension: string, bytes: number, lang: Language): string {
  return fillString(interfaceStrings(lang).attachmentMeta, { type: extension.toUpperCase(), size: formatFileSize(bytes, lang) });
}

/**
 * Pictures in a release's text become converted <picture>s (figures and galleries:
 * src/render/figures.ts), and the files its links name in content/images/ and content/files/ are
 * published, an attachment's link followed by its type and size, when the renderer is given
 * `{ page: { inputPath }, lang }` as its environment (src/pages/release-pages.ts).
 */
export function useConvertedPictures(library: unknown, pictures: ImagePipeline): void {
  useFigures(library as InstanceType<typeof MarkdownIt>);
  const markdown = library as MarkdownLike;
  const linkOpen = markdown.renderer.rules.link_open ?? ((tokens, index, options, _env, self) => self.renderToken(tokens, index, options));
  markdown.renderer.rules.link_open = (tokens, index, options, env, self) => {
    const token = tokens[index]!;
    const href = String(token.attrGet("href") ?? "");
    const file = (env as PicturesEnv | undefined)?.page?.inputPath;
    if (file && isContentAddress(href)) {
      const linked = pictures.linkedFile(href, { file: path.relative(process.cwd(), file), field: "text", find: decodeAddress(href) });
      if (linked.kind === "attachment") {
        token.attrSet("class", "attachment");
        if (linked.mediaType) token.attrSet("type", linked.mediaType);
        // Links do not nest: the next link_close is this link's, which says the type and size after it.
        const close = tokens.slice(index + 1).find((candidate) => candidate.type === "link_close");
        if (close) close.meta = { ...(close.meta as object | null), attachment: linked };
      }
    }
    return linkOpen(tokens, index, options, env, self);
  };
  const linkClose = markdown.renderer.rules.link_close ?? ((tokens, index, options, _env, self) => self.renderToken(tokens, index, options));
  markdown.renderer.rules.link_close = (tokens, index, options, env, self) => {
    const closed = linkClose(tokens, index, options, env, self);
    const attachment = (tokens[index]!.meta as { attachment?: LinkedFile } | null)?.attachment;
    if (attachment?.kind !== "attachment") return closed;
    const lang = (env as PicturesEnv | undefined)?.lang ?? "fa";
    return `${closed} ${html`<span class="attachment__meta">${attachmentMeta(attachment.extension, attachment.bytes, lang)}</span>`.value}`;
  };
  const plain = markdown.renderer.rules.image!;
  markdown.renderer.rules.image = (tokens, index, options, env, self) => {
    const token = tokens[index]!;
    const src = String(token.attrGet("src") ?? "");
    const file = (env as PicturesEnv | undefined)?.page?.inputPath;
    if (file) {
      const alt = self.renderInlineAsText(token.children ?? [], options, env);
      const figure = (token.meta as FigureMeta | null)?.figure;
      const picture = pictures.picture(src, { alt, lead: false, figure }, { file: path.relative(process.cwd(), file), field: "text", find: decodeAddress(src) });
      if (picture) return picture.value;
    }
    return plain(tokens, index, options, env, self);
  };
}
