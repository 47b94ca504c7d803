/**
 * Typed XML templates for feeds and sitemaps, with escaping by default: the same discipline
 * as src/render/html.ts (every interpolated value is escaped unless it is `SafeXml` made by `xml`
 * itself). Written here rather than taken from an XML builder because the documents are
 * small and fixed, a builder would add a second way of writing markup to the project, and
 * one rule no builder applies for us matters: XML 1.0 cannot carry most control characters
 * even escaped (a form feed pasted from Word would make the whole feed unreadable), so
 * they are dropped.
 */

export class SafeXml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

export type XmlValue = SafeXml | string | number | null | undefined | false | readonly XmlValue[];

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };

/** Characters XML 1.0 does not allow anywhere: C0 controls but tab/LF/CR, lone surrogates, U+FFFE/U+FFFF. */
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function escapeXml(value: string): string {
  return value.replace(NOT_XML, "").replace(/[&<>"']/g, (character) => ESCAPES[character]!);
}

function render(value: XmlValue): string {
  if (value instanceof SafeXml) return value.value;
  if (Array.isArray(value)) return value.map(render).join("");
  if (value === null || value === undefined || value === false) return "";
  return escapeXml(String(value));
}

export function xml(strings: TemplateStringsArray, ...values: XmlValue[]): SafeXml {
  let out = strings[0]!;
  for (let index = 0; index < values.length; index++) out += render(values[index]!) + strings[index + 1]!;
  return new SafeXml(out);
}

/** A whole document, with its declaration. */
export function xmlDocument(root: SafeXml): string {
  return `<?xml version="1.0" encoding="utf-8"?>\n${root.value}\n`;
}
