/**
 * Typed HTML templates with escaping by default. Every interpolated value is escaped
 * unless it is already `SafeHtml`: markup built by `html` itself, or rendered Markdown
 * passed through `trustedHtml`. A few lines do this; a template engine would add a
 * second, untyped language to the project.
 */

export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

export type Renderable = SafeHtml | string | number | boolean | null | undefined | readonly Renderable[];

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (character) => ESCAPES[character]!);
}

function render(value: Renderable): string {
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(render).join("");
  if (value === null || value === undefined || value === false || value === true) return "";
  return escapeHtml(String(value));
}

export function html(strings: TemplateStringsArray, ...values: Renderable[]): SafeHtml {
  let out = strings[0]!;
  for (let index = 0; index < values.length; index++) {
    out += render(values[index]!) + strings[index + 1]!;
  }
  return new SafeHtml(out);
}

/** Marks markup as safe. Only for HTML the build made itself, such as rendered Markdown. */
export function trustedHtml(markup: string): SafeHtml {
  return new SafeHtml(markup);
}
