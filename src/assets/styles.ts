/** The stylesheets: the one CSS source as is (left to right) and through rtlcss (right to left). */
import { readFile } from "node:fs/promises";
import rtlcss from "rtlcss";

const SOURCE = new URL("./site.css", import.meta.url);

/** `fontFaces` (the @font-face rules, src/assets/fonts.ts) go first, as @font-face rules should. */
export async function buildStylesheets(fontFaces = ""): Promise<{ ltr: string; rtl: string }> {
  const ltr = `${fontFaces}${fontFaces ? "\n" : ""}${await readFile(SOURCE, "utf8")}`;
  return { ltr, rtl: rtlcss.process(ltr) };
}
