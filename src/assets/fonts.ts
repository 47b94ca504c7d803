/**
 * The web font: Vazirmatn (regular and bold), subset to the characters Persian text uses.
 *
 * Vazirmatn's Non-Latin cut (22 KB a weight) still carries Arabic, Urdu and Kurdish letters
 * and the Arabic presentation forms; a Persian page never uses them. Subsetting with
 * harfbuzz (subset-font, harfbuzz's own subsetter compiled to WebAssembly) keeps every glyph
 * those characters reach through the font's shaping rules (initial, medial and final forms,
 * ligatures, the `ss01` style set the stylesheet asks for), so Persian text shapes exactly as
 * with the full font, at about 13 KB a weight.
 *
 * Latin text (English pages, digits and punctuation written with ASCII) is drawn with the
 * reader's system font, which is there already: `unicode-range` in the @font-face rules is
 * made from the same character list, so a browser downloads the font only for a page that
 * shows Persian, and never asks it for a character it does not have.
 *
 * A subset depends only on the font file, the character list and the subsetter, so it is
 * made once and kept in a cache folder (`.cache/akhbar-fonts`, or AKHBAR_FONT_CACHE) under
 * a name made from those three: builds after the first read it from there.
 */
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { mkdir, readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { writeFileAtomic } from "../output/atomic-write.js";
import { cacheFolder } from "../output/cache-dir.js";

const require = createRequire(import.meta.url);

export interface FontFace {
  /** The name under /assets/fonts/ before fingerprinting. */
  name: string;
  /** The file in the vazirmatn package. */
  source: string;
  weight: 400 | 700;
}

const VAZIRMATN_DIR = "misc/Non-Latin/fonts/webfonts";

export const FONT_FACES: readonly FontFace[] = [
  { name: "Vazirmatn-Regular.woff2", source: `${VAZIRMATN_DIR}/Vazirmatn-NL-Regular.woff2`, weight: 400 },
  { name: "Vazirmatn-Bold.woff2", source: `${VAZIRMATN_DIR}/Vazirmatn-NL-Bold.woff2`, weight: 700 },
];

/**
 * The faces Persian pages preload: both, as every page sets text in both (headlines and the
 * site's name are bold). A face found late swaps in after the text is laid out with the
 * system font and moves it (Lighthouse measured a layout shift of 0.13 on the home page
 * with the regular face alone preloaded); at 12 KB each, both arrive with the stylesheet.
 */
export const PRELOADED_FONTS: readonly string[] = FONT_FACES.map((face) => face.name);

/**
 * The code points Persian text on the site uses, as inclusive ranges: Persian letters
 * (with the Arabic letters an editor's text may keep: ة, ي, ك, أ, إ, ؤ, ئ, ء), diacritics
 * and tatweel, Persian and Arabic-Indic digits with the Persian decimal and thousands
 * separators and percent sign, Persian punctuation (، ؛ ؟), the rial sign, and the
 * zero-width non-joiner (نیم‌فاصله) and direction marks that Persian typing relies on.
 */
export const FONT_CODE_POINTS: ReadonlyArray<readonly [number, number]> = [
  [0x060c, 0x060c],
  [0x061b, 0x061b],
  [0x061f, 0x061f],
  [0x0621, 0x063a],
  [0x0640, 0x0655],
  [0x0660, 0x066d],
  [0x0670, 0x0670],
  [0x067e, 0x067e],
  [0x0686, 0x0686],
  [0x0698, 0x0698],
  [0x06a9, 0x06a9],
  [0x06af, 0x06af],
  [0x06c0, 0x06c0],
  [0x06cc, 0x06cc],
  [0x06f0, 0x06f9],
  [0x200c, 0x200f],
  [0xfdfc, 0xfdfc],
];

/** Every character of FONT_CODE_POINTS, as the text subset-font keeps glyphs for. */
export function fontCharacters(ranges: ReadonlyArray<readonly [number, number]> = FONT_CODE_POINTS): string {
  let text = "";
  for (const [first, last] of ranges) for (let code = first; code <= last; code++) text += String.fromCodePoint(code);
  return text;
}

/** The CSS `unicode-range` value of the same ranges: `U+60C, U+621-63A, …`. */
export function unicodeRange(ranges: ReadonlyArray<readonly [number, number]> = FONT_CODE_POINTS): string {
  const hex = (code: number) => code.toString(16).toUpperCase();
  return ranges.map(([first, last]) => (first === last ? `U+${hex(first)}` : `U+${hex(first)}-${hex(last)}`)).join(", ");
}

/** The @font-face rules, given where each face is served from (relative to the stylesheet, or root-relative). */
export function fontFaceCss(urlOf: (face: FontFace) => string, faces: readonly FontFace[] = FONT_FACES): string {
  return faces
    .map(
      (face) => `@font-face {
  font-family: "Vazirmatn";
  src: url("${urlOf(face)}") format("woff2");
  font-weight: ${face.weight};
  font-style: normal;
  font-display: swap;
  unicode-range: ${unicodeRange()};
}
`,
    )
    .join("\n");
}

export const FONT_CACHE_VARIABLE = "AKHBAR_FONT_CACHE";

/** The subset font files, `name` → bytes, from the cache or made now. */
export async function subsetFonts(env: NodeJS.ProcessEnv = process.env, faces: readonly FontFace[] = FONT_FACES): Promise<Map<string, Buffer>> {
  const cacheDir = path.resolve(cacheFolder("akhbar-fonts", FONT_CACHE_VARIABLE, env));
  const characters = fontCharacters();
  const subsetter = subsetterVersion();
  const fonts = new Map<string, Buffer>();
  for (const face of faces) {
    const original = await readFile(require.resolve(`vazirmatn/${face.source}`));
    const key = createHash("sha256").update(original).update("\0").update(characters).update("\0").update(subsetter).digest("hex").slice(0, 32);
    const cached = path.join(cacheDir, `${face.name.replace(/\.woff2$/, "")}-${key}.woff2`);
    if (existsSync(cached)) {
      fonts.set(face.name, await readFile(cached));
      continue;
    }
    const { default: subsetFont } = await import("subset-font");
    const subset = await subsetFont(original, characters, { targetFormat: "woff2" });
    await mkdir(cacheDir, { recursive: true });
    // Written beside and renamed: builds running side by side never read half a file.
    await writeFileAtomic(cached, subset);
    fonts.set(face.name, subset);
  }
  return fonts;
}

/** The versions of subset-font and of the harfbuzz it runs: a new subsetter makes new subsets. */
function subsetterVersion(): string {
  // harfbuzzjs does not export its package.json: found from its entry point instead.
  const versionOf = (entry: string) => {
    let dir = path.dirname(require.resolve(entry));
    while (!existsSync(path.join(dir, "package.json"))) dir = path.dirname(dir);
    return (JSON.parse(readFileSync(path.join(dir, "package.json"), "utf8")) as { version: string }).version;
  };
  const subsetter = require.resolve("subset-font");
  const harfbuzz = createRequire(subsetter).resolve("harfbuzzjs");
  return `subset-font ${versionOf(subsetter)}, harfbuzzjs ${versionOf(harfbuzz)}`;
}
