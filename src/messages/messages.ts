/**
 * The one message catalogue: every message an editor or operator reads from `build`, `start`,
 * `check`, `import` and `new` (errors, warnings, summaries, prompts) is a `Message` with a Persian
 * and an English text, written in the catalogue modules beside this file (one per area). Persian
 * is shown by default; `AKHBAR_LANG=en` shows English, for an operator who reads no Persian.
 *
 * A message is made where the problem is found and turned into text once, with `say`, where it
 * is printed or stored: tests assert both texts (`message.fa`, `message.en`).
 */
import { formatPersianNumber, toPersianDigits } from "../persian/letters.js";

export type MessageLanguage = "fa" | "en";

export const LANGUAGE_VARIABLE = "AKHBAR_LANG";

/** A text in both languages. Persian texts write numbers with Persian digits (`faNumber`). */
export interface Message {
  readonly fa: string;
  readonly en: string;
}

/** The language messages are shown in: AKHBAR_LANG=en for English, Persian otherwise. */
export function messageLanguage(env: NodeJS.ProcessEnv = process.env): MessageLanguage {
  return env[LANGUAGE_VARIABLE]?.trim().toLowerCase() === "en" ? "en" : "fa";
}

/** The message's text in the language shown. */
export function say(message: Message, language: MessageLanguage = messageLanguage()): string {
  return message[language];
}

/** A number (or a text with digits, such as a line number or a date) as a Persian message writes it. */
export function faNumber(value: number | string): string {
  return toPersianDigits(value);
}

/** A count as a Persian message writes it: Persian digits, grouped (۳۳٬۰۰۰). */
export function faCount(value: number): string {
  return formatPersianNumber(value);
}

/** A decimal written with a point (`12.3`) in Persian digits with the Persian decimal separator: «۱۲٫۳». */
export function faDecimal(text: string): string {
  return faNumber(text).replace(".", "٫");
}

/** English's "1 file", "2 files". */
export function plural(value: number, word: string): string {
  return `${value} ${word}${value === 1 ? "" : "s"}`;
}

/** Milliseconds as seconds with one decimal: «۱۲٫۳» and «12.3». */
export function seconds(ms: number): Message {
  const text = (ms / 1000).toFixed(1);
  return { fa: faDecimal(text), en: text };
}

const SIZE_UNITS: ReadonlyArray<readonly [number, string, string]> = [
  [1e9, "گیگابایت", "GB"],
  [1e6, "مگابایت", "MB"],
  [1e3, "کیلوبایت", "KB"],
];

/**
 * A number of bytes as a size, in powers of 1000 as hosts state their limits: «۴۱۲٫۳ مگابایت» and
 * «412.3 MB» (one decimal, none when it is 0); bytes below a kilobyte.
 */
export function byteSize(bytes: number): Message {
  const unit = SIZE_UNITS.find(([size]) => bytes >= size);
  if (!unit) return { fa: `${faCount(bytes)} بایت`, en: `${bytes} bytes` };
  const [size, fa, en] = unit;
  const text = (bytes / size).toFixed(1).replace(/\.0$/, "");
  return { fa: `${faDecimal(text)} ${fa}`, en: `${text} ${en}` };
}
