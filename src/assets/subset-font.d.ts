/** The part of subset-font that Akhbar uses; the package ships no types. */
declare module "subset-font" {
  export interface SubsetOptions {
    targetFormat?: "woff2" | "woff" | "truetype" | "sfnt";
    noHinting?: boolean;
  }
  /** A copy of `font` with only the glyphs `text` needs (shaping rules followed). */
  export default function subsetFont(font: Buffer, text: string, options?: SubsetOptions): Promise<Buffer>;
}
