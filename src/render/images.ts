/**
 * Pictures: a release's `image` and the pictures in its text become responsive AVIF, WebP
 * and JPEG files (three widths, never wider than the original) by @11ty/eleventy-img, in a
 * `<picture>` with width and height so the page does not jump while it loads. The lead
 * picture loads at once; pictures in the text load lazily, as readers scroll to them.
 *
 * SVG drawings are not rasterised (a bitmap of a drawing is heavier and blurrier): they are
 * served from /images/ as they are, with width and height read from the file. An SVG with
 * scripts is refused, since a drawing opened from the site's own address could run one.
 * Pictures on other sites (https://…) are shown as they are: a build never downloads.
 *
 * The converted files are kept in a cache folder (`.cache/akhbar-images`, or
 * AKHBAR_IMAGE_CACHE) under a name made from the picture's content: an unchanged picture
 * is never converted again, and each build copies the files it uses into its own output.
 */
import { copyFile, link, mkdir, rename, rm } from "node:fs/promises";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { cacheFolder } from "../output/cache-dir.js";
import Image, { type ImageMetadata, type ImageOptions, type ImageStat } from "@11ty/eleventy-img";
import { ContentError, type ContentProblem, type Release } from "../content/release.js";
import { lineOfField, parseFrontMatter } from "../content/front-matter.js";
import { html, type SafeHtml } from "./html.js";

export const IMAGE_WIDTHS = [400, 800, 1344];
/** The text column is 42rem wide with 1rem of padding on each side. */
export const IMAGE_SIZES = "(min-width: 42rem) 40rem, calc(100vw - 2rem)";
export const IMAGE_URL_PATH = "/img/";
export const CACHE_VARIABLE = "AKHBAR_IMAGE_CACHE";
/** EXIF orientations that turn the picture a quarter: its width and height swap. */
const QUARTER_TURNS = new Set([5, 6, 7, 8]);
const SCRIPT_IN_SVG = /<script|\son[a-z]+\s*=|javascript:/i;

export interface ImageWork {
  /** Files converted by this build. */
  converted: number;
  /** Files found in the cache, unchanged since an earlier build. */
  reused: number;
}

interface Where {
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
   * The `<picture>` for a picture of the site (`/images/…`), queued for conversion; or
   * undefined for a picture on another site. A missing or unreadable picture is a
   * ContentError naming the release file and line.
   */
  picture(src: string, attributes: { alt: string; lead: boolean }, where: Where): SafeHtml | undefined {
    if (!src.startsWith("/") || src.startsWith("//")) return undefined;
    const relative = safeDecode(src.split(/[?#]/)[0]!);
    const file = path.join(this.contentDir, ...relative.split("/"));
    if (!existsSync(file)) throw problem(where, `the picture ${relative} is missing: put it in ${path.join(this.contentDir, "images")}/ or correct the name`);
    const size = readSize(file, relative, where);
    if (size.type === "svg") return svgHtml(src, size, attributes);
    return pictureHtml(this.convert(file, relative, size, where), attributes);
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
      // Converted into a folder of this build, then renamed into the cache: a build killed
      // halfway leaves no half-written file under a final name, and a cached file, which
      // may be hard-linked into a published site, is replaced, never written over.
      this.work.converted += stats.length;
      const incoming = this.incoming();
      const task = Image(file, { ...this.options(), outputDir: incoming })
        .catch((error: unknown) => {
          throw problem(where, `${relative} could not be converted (${(error as Error).message}): save it again as JPEG or PNG`);
        })
        .then(async (converted) => {
          for (const stat of Object.values(converted).flat()) await rename(stat.outputPath, path.join(this.cacheDir, path.basename(stat.outputPath)));
        });
      // `finish` reports a failure; until then it must not count as unhandled (Node would exit).
      task.catch(() => undefined);
      this.pending.push(task);
    }
    return metadata;
  }

  private incoming(): string {
    return path.join(this.cacheDir, `.incoming-${process.pid}`);
  }

  /** Waits for the conversions and copies the files this build uses into its output folder. */
  async finish(outputDir: string): Promise<ImageWork> {
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
  let size;
  try {
    size = Image.ImageSize(file);
  } catch {
    throw problem(where, `${relative} is not a picture this site can show: use JPEG, PNG, WebP, AVIF, GIF or SVG`);
  }
  if (!size.width || !size.height) throw problem(where, `${relative} does not say how large it is: save it again from an image editor`);
  if (size.type === "svg" && SCRIPT_IN_SVG.test(readFileSync(file, "utf8"))) {
    throw problem(where, `${relative} contains a script: save the drawing again without scripts (or as PNG)`);
  }
  const turned = size.orientation !== undefined && QUARTER_TURNS.has(size.orientation);
  return turned ? { width: size.height, height: size.width, type: size.type } : { width: size.width, height: size.height, type: size.type };
}

function safeDecode(address: string): string {
  try {
    return decodeURI(address);
  } catch {
    return address;
  }
}

function problem(where: Where, message: string): ContentError {
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

/** An SVG is served as it is (copied with the other files of content/images), with its own size. */
function svgHtml(src: string, size: PictureSize, { alt, lead }: { alt: string; lead: boolean }): SafeHtml {
  const priority = lead ? html` fetchpriority="high"` : "";
  return html`<img src="${src}" width="${size.width}" height="${size.height}" alt="${alt}" loading="${lead ? "eager" : "lazy"}" decoding="async"${priority}>`;
}

function pictureHtml(metadata: ImageMetadata, { alt, lead }: { alt: string; lead: boolean }): SafeHtml {
  const loading = lead ? "eager" : "lazy";
  const priority = lead ? html` fetchpriority="high"` : "";
  const srcset = (stats: ImageStat[]) => stats.map((stat) => stat.srcset).join(", ");
  const fallback = metadata.jpeg ?? [];
  const largest = fallback[fallback.length - 1]!;
  const sources = ["avif", "webp"]
    .filter((format) => (metadata[format] ?? []).length > 0)
    .map((format) => html`<source type="${metadata[format]![0]!.sourceType}" srcset="${srcset(metadata[format]!)}" sizes="${IMAGE_SIZES}">`);
  return html`<picture>${sources}<img src="${largest.url}" srcset="${srcset(fallback)}" sizes="${IMAGE_SIZES}" width="${largest.width}" height="${largest.height}" alt="${alt}" loading="${loading}" decoding="async"${priority}></picture>`;
}

/** The lead picture of a release, or undefined when it has none or it is on another site. */
export function leadImage(pictures: ImagePipeline, release: Release): SafeHtml | undefined {
  if (!release.image) return undefined;
  return pictures.picture(release.image, { alt: release.imageAlt ?? "", lead: true }, { file: release.inputPath, field: "image", find: release.image });
}

export function imageCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  return cacheFolder("akhbar-images", CACHE_VARIABLE, env);
}

interface MarkdownImageToken {
  attrGet(name: string): string | number | null;
  children: unknown[] | null;
}

interface MarkdownLike {
  renderer: {
    rules: Record<string, ((tokens: MarkdownImageToken[], index: number, options: unknown, env: unknown, self: MarkdownRendererLike) => string) | undefined>;
    renderInlineAsText(tokens: unknown[], options: unknown, env: unknown): string;
  };
}
type MarkdownRendererLike = MarkdownLike["renderer"];

/**
 * Pictures in a release's text become converted <picture>s when the renderer is given
 * `{ page: { inputPath } }` as its environment (as Eleventy does, and src/pages/release-pages.ts).
 */
export function useConvertedPictures(library: unknown, pictures: ImagePipeline): void {
  const markdown = library as MarkdownLike;
  const plain = markdown.renderer.rules.image!;
  markdown.renderer.rules.image = (tokens, index, options, env, self) => {
    const token = tokens[index]!;
    const src = String(token.attrGet("src") ?? "");
    const file = (env as { page?: { inputPath?: string } } | undefined)?.page?.inputPath;
    if (file) {
      const alt = self.renderInlineAsText(token.children ?? [], options, env);
      const picture = pictures.picture(src, { alt, lead: false }, { file: path.relative(process.cwd(), file), field: "text", find: safeDecode(src) });
      if (picture) return picture.value;
    }
    return plain(tokens, index, options, env, self);
  };
}
