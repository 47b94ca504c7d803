/**
 * A release's `id` as the editor wrote it. YAML reads `id: 1e3` as 1000, `id: 0x10` as 16 and
 * `id: 1.0` as 1, and `id: ۱۵۰۰۰۲` (Persian digits, as a Persian keyboard types them) as text:
 * what YAML made of the line cannot tell a news code from a typo, so the line itself is read.
 * An id is digits only: Latin, Persian (۰-۹) or Arabic-Indic (٠-٩), which mean the same number.
 */
import { toLatinDigits } from "../persian/letters.js";
import type { Message } from "../messages/messages.js";
import { idNotDigits, idTooLong } from "../messages/content.js";

const ID_DIGITS = /^[0-9۰-۹٠-٩]+$/;

/**
 * The text of `field`'s value on its line of the front matter (`frontMatter` as ParsedFile
 * keeps it), without a trailing comment; a value on the indented lines below an empty
 * `field:` line is read there. Undefined when no line starts with `field:`.
 */
export function writtenValue(frontMatter: string, field: string): string | undefined {
  const lines = frontMatter.split(/\r?\n/);
  const index = lines.findIndex((line) => line.startsWith(`${field}:`));
  if (index === -1) return undefined;
  const withoutComment = (text: string) => text.replace(/(?:^|\s+)#.*$/, "").trim();
  const value = withoutComment(lines[index]!.slice(field.length + 1));
  if (value !== "") return value;
  for (const line of lines.slice(index + 1)) {
    if (!/^\s/.test(line)) break;
    const next = withoutComment(line);
    if (next !== "") return next;
  }
  return "";
}

export type WrittenId = { value: number } | { message: Message };

/**
 * What an `id:` line says: its number, when it is written with digits only; a problem, when
 * it is written otherwise (`1e3`, `0x10`, `1.0`, `-5`, `+5`, `1_000`, …); undefined to leave the
 * id to the schema (no id line, an empty one, or a quoted value: the schema's "without quotes").
 */
export function readWrittenId(written: string | undefined): WrittenId | undefined {
  if (written === undefined || written === "" || /^["']/.test(written)) return undefined;
  if (!ID_DIGITS.test(written)) {
    return { message: idNotDigits(written) };
  }
  const value = Number(toLatinDigits(written));
  if (!Number.isSafeInteger(value)) return { message: idTooLong(written) };
  return { value };
}
