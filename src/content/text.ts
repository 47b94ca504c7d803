/**
 * The text of a release file: its bytes read as UTF-8, and the characters no release may hold.
 *
 * A file saved in another encoding used to be read with � (U+FFFD) in place of every letter,
 * and published so: the bytes are now decoded with a fatal decoder, and a file that is not
 * UTF-8 is a problem naming the line of its first bad byte. A file from Persian Windows
 * (Windows-1256) or saved as "Unicode" (UTF-16) is recognized, and `npm run check -- --fix`
 * converts it (`convertToUtf8`), only when the conversion gives back the file's bytes exactly.
 *
 * Control characters (C0 but tab, newline and carriage return; DEL; C1) and � are refused
 * rather than removed: they are invisible or stand where text was lost, and taking them out
 * would hide the loss. The editor deletes them, or retypes the text around them. The byte-order
 * mark at the start, the half-space (ZWNJ), ZWJ and the bidi marks Persian uses are text.
 */
import type { ContentProblem } from "./release.js";
import type { Message } from "../messages/messages.js";
import { controlCharacter, NOT_UTF8, replacementCharacter, SAVED_AS_UTF16, SAVED_AS_WINDOWS_1256 } from "../messages/content.js";

/** The field a problem with a file's encoding is reported under. */
export const ENCODING_FIELD = "encoding";

export type DecodedText = { text: string } | { text?: undefined; problem: Omit<ContentProblem, "file"> };

const utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

/**
 * A release file's bytes as text, or the problem when they are not UTF-8. The byte-order mark is
 * kept (the front-matter reader drops it), so the text's UTF-8 bytes are the file's, and so is its hash.
 */
export function decodeReleaseText(bytes: Uint8Array): DecodedText {
  try {
    return { text: utf8.decode(bytes) };
  } catch {
    return { problem: { line: lineOfFirstBadByte(bytes), field: ENCODING_FIELD, message: encodingMessage(bytes) } };
  }
}

function encodingMessage(bytes: Uint8Array): Message {
  const converted = convertToUtf8(bytes);
  if (converted?.from === "UTF-16") return SAVED_AS_UTF16;
  return converted ? SAVED_AS_WINDOWS_1256 : NOT_UTF8;
}

/** The 1-based line of the first byte that is not UTF-8 (of bytes that are not UTF-8). */
export function lineOfFirstBadByte(bytes: Uint8Array): number {
  // The lenient decoder puts U+FFFD for each bad sequence; a U+FFFD the file holds as UTF-8 (EF BF BD) is not one.
  const lenient = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
  let offset = 0;
  let from = 0;
  for (let index = lenient.indexOf("\uFFFD"); index !== -1; index = lenient.indexOf("\uFFFD", index + 1)) {
    offset += Buffer.byteLength(lenient.slice(from, index));
    from = index;
    if (!(bytes[offset] === 0xef && bytes[offset + 1] === 0xbf && bytes[offset + 2] === 0xbd)) {
      return lenient.slice(0, index).split("\n").length;
    }
  }
  return 1;
}

/** The text of Windows-1256 bytes, and the byte each character comes from (the encoding maps all 256 bytes, each to its own character). */
const windows1256 = new TextDecoder("windows-1256");
const WINDOWS_1256_BYTES = new Map([...windows1256.decode(Uint8Array.from({ length: 256 }, (_, byte) => byte))].map((character, byte) => [character, byte]));

/** `text` in Windows-1256, or undefined when a character of it has no byte there. */
export function encodeWindows1256(text: string): Uint8Array | undefined {
  const bytes = new Uint8Array(text.length);
  for (let index = 0; index < text.length; index++) {
    const byte = WINDOWS_1256_BYTES.get(text[index]!);
    if (byte === undefined) return undefined;
    bytes[index] = byte;
  }
  return bytes;
}

/** Letters and marks of Persian text (the Arabic block, the half-space, « and »): what a Persian file's non-ASCII characters are. */
const PERSIAN_CHARACTER = /[\u0600-\u06FF\u200C-\u200F«»]/u;

export interface Conversion {
  text: string;
  from: "Windows-1256" | "UTF-16";
}

/**
 * The text of a file that is not UTF-8 but was saved as UTF-16 with its byte-order mark, or as
 * Windows-1256 with Persian text (most of its non-ASCII characters are Persian letters; a file
 * in another encoding would be read as something else). Undefined when the file is neither,
 * or when the text would not give back the file's bytes exactly: nothing is lost either way.
 */
export function convertToUtf8(bytes: Uint8Array): Conversion | undefined {
  if (isUtf8(bytes)) return undefined;
  const utf16 = bytes[0] === 0xff && bytes[1] === 0xfe ? "utf-16le" : bytes[0] === 0xfe && bytes[1] === 0xff ? "utf-16be" : undefined;
  if (utf16) {
    let text: string;
    try {
      text = new TextDecoder(utf16, { fatal: true }).decode(bytes);
    } catch {
      return undefined;
    }
    const back = Buffer.from(`\uFEFF${text}`, "utf16le");
    if (utf16 === "utf-16be") back.swap16();
    return Buffer.compare(back, bytes) === 0 ? { text, from: "UTF-16" } : undefined;
  }
  // A UTF-8 byte-order mark before Windows-1256 text (an editor that added one): kept as the mark.
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const rest = bytes.subarray(bom);
  // UTF-8 with a few bad bytes is not Windows-1256: read so, its letters would be garbled.
  let lost = 0;
  let kept = 0;
  for (const character of new TextDecoder("utf-8", { ignoreBOM: true }).decode(rest)) {
    if (character === "\uFFFD") lost++;
    else if (character > "\u007F") kept++;
  }
  if (kept >= lost) return undefined;
  const text = windows1256.decode(rest);
  const foreign = [...text].filter((character) => character > "\u007F");
  const persian = foreign.filter((character) => PERSIAN_CHARACTER.test(character)).length;
  if (persian === 0 || persian * 2 < foreign.length) return undefined;
  const back = encodeWindows1256(text);
  return back && Buffer.compare(back, rest) === 0 ? { text: `${bom ? "\uFEFF" : ""}${text}`, from: "Windows-1256" } : undefined;
}

function isUtf8(bytes: Uint8Array): boolean {
  try {
    utf8.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** C0 controls but tab, newline and carriage return; DEL; C1 controls; and �, which stands where text was lost. */
const BAD_CHARACTERS = "\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F\\uFFFD";
const HAS_BAD_CHARACTER = new RegExp(`[${BAD_CHARACTERS}]`);
const BAD_CHARACTER = new RegExp(`[${BAD_CHARACTERS}]`, "g");
const CONTROL_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;

/** A top-level front-matter field's line: `title: …`. */
const FIELD_LINE = /^([A-Za-z_][\w-]*)\s*:/;

/**
 * One problem per line that holds a control character or �, with the field the line belongs
 * to (`text` for the body). Lines and fields are the file's, read as the front-matter reader
 * reads them: the block between the opening `---` and the next line that starts with `---`.
 */
export function badCharacterProblems(text: string): Array<Omit<ContentProblem, "file">> {
  if (!HAS_BAD_CHARACTER.test(text)) return [];
  const lines = text.split("\n");
  const opens = lines[0]?.replace(/^\uFEFF/, "").replace(/\r$/, "") === "---";
  const closing = opens ? lines.findIndex((line, index) => index > 0 && line.startsWith("---")) : -1;
  const problems: Array<Omit<ContentProblem, "file">> = [];
  let field = "front matter";
  lines.forEach((line, index) => {
    if (opens && (closing === -1 || index < closing) && index > 0) field = FIELD_LINE.exec(line)?.[1] ?? field;
    const found = [...line.matchAll(BAD_CHARACTER)];
    if (found.length === 0) return;
    const where = !opens || (closing !== -1 && index > closing) ? "text" : index === 0 || index === closing ? "front matter" : field;
    problems.push({ line: index + 1, field: where, message: badCharacterMessage(line, found) });
  });
  return problems;
}

function badCharacterMessage(line: string, found: RegExpMatchArray[]): Message {
  const first = found[0]!;
  const before = line.slice(Math.max(0, first.index! - 24), first.index).replace(CONTROL_CHARACTER, "").trim();
  const code = `U+${first[0]!.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`;
  return first[0] === "\uFFFD" ? replacementCharacter(code, before, found.length - 1) : controlCharacter(code, before, found.length - 1);
}

/** `text` without its control characters: read for the other problems of a file that is refused for them. */
export function withoutControlCharacters(text: string): string {
  return text.replace(CONTROL_CHARACTER, "");
}
