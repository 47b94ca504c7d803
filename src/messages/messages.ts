/**
 * The one message catalogue: every message an editor or operator reads from `build`, `start`,
 * `check`, `import` and `new` (errors, warnings, summaries, prompts) is a `Message` with a Persian
 * and an English text, written in the catalogue modules beside this file (one per area). Persian
 * is shown by default; `AKHBAR_LANG=en` shows English, for an operator who reads no Persian.
 *
 * A message is made where the problem is found and turned into text once, with `say`, where it
 * is printed or stored: tests assert both texts (`message.fa`, `message.en`).
 */
import { toPersianDigits } from "../persian/letters.js";

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
