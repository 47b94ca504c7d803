/** The stylesheets: the one CSS source as is (left to right) and through rtlcss (right to left). */
import { readFile } from "node:fs/promises";
import rtlcss from "rtlcss";

const SOURCE = new URL("./styles/site.css", import.meta.url);

export async function buildStylesheets(): Promise<{ ltr: string; rtl: string }> {
  const ltr = await readFile(SOURCE, "utf8");
  return { ltr, rtl: rtlcss.process(ltr) };
}
