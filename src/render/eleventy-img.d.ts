/**
 * The part of @11ty/eleventy-img 6 that Akhbar uses (the package ships no TypeScript types).
 */
declare module "@11ty/eleventy-img" {
  export interface ImageStat {
    format: string;
    width: number;
    height: number;
    url: string;
    sourceType: string;
    srcset: string;
    filename?: string;
    outputPath: string;
  }

  export type ImageMetadata = Record<string, ImageStat[]>;

  export interface ImageOptions {
    widths?: Array<number | "auto">;
    formats?: string[];
    outputDir?: string;
    urlPath?: string;
    formatFiltering?: string[];
    useCache?: boolean;
    sharpAvifOptions?: Record<string, unknown>;
    sharpWebpOptions?: Record<string, unknown>;
    sharpJpegOptions?: Record<string, unknown>;
    /** Options of sharp's constructor (a drawing's `density`). */
    sharpOptions?: Record<string, unknown>;
  }

  interface ImageFunction {
    (src: string | Buffer, options?: ImageOptions): Promise<ImageMetadata>;
    statsByDimensionsSync(src: string | Buffer, width: number, height: number, options?: ImageOptions): ImageMetadata;
    ImageSize(path: string): { width?: number; height?: number; type?: string; orientation?: number };
  }

  const Image: ImageFunction;
  export default Image;
}
