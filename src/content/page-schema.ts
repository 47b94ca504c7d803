/**
 * The front matter of a page of content/pages/ (about us, contact…): the one definition of what
 * an editor may write in it. A page is smaller than a release: a title, and optionally its
 * address, its place in the site's menu, a description for search engines and its language.
 * Messages come from src/messages/site.ts, through src/content/field-issues.ts.
 */
import { z } from "zod";
import { toLatinDigits } from "../persian/letters.js";
import { PAGE_NOT_FIELDS, pageFieldText } from "../messages/site.js";
import { fieldIssues, type FieldIssue } from "./field-issues.js";
import { LANGUAGES } from "./schema.js";

/**
 * What an address may be written with: Latin and Persian letters, digits and hyphens. The address
 * itself is the slug as src/persian/slug.ts writes it (small letters, Latin digits, Persian letters
 * in their Persian forms), like the addresses of tags and counties.
 */
export const SLUG_PATTERN = /^[a-zA-Z0-9\u0621-\u063A\u0641-\u064A\u067E\u0686\u0698\u06A9\u06AF\u06CC\u06F0-\u06F9\u0660-\u0669-]+$/;

const text = z.string().trim().min(1);

/** `menu: ۲` is read as `menu: 2`: Persian digits are how editors type numbers. */
const menuPlace = z.preprocess(
  (input) => (typeof input === "string" && /^\s*[0-9۰-۹٠-٩]+\s*$/.test(input) ? Number(toLatinDigits(input.trim())) : input),
  z.number().int().positive(),
);

const pageFields = z.strictObject({
  title: text,
  slug: text.regex(SLUG_PATTERN).optional(),
  menu: menuPlace.optional(),
  description: text.optional(),
  lang: z
    .enum(LANGUAGES)
    .optional()
    .transform((lang) => lang ?? "fa"),
});

export type PageField = keyof typeof pageFields.shape;

/** Every front-matter field of a page, in the schema's order: the one list of them. */
export const PAGE_FIELDS: readonly PageField[] = Object.keys(pageFields.shape) as PageField[];

export type PageFrontMatter = z.output<typeof pageFields>;

/** Validates a page's front matter: the typed data, or one problem per field. */
export function validatePageFrontMatter(data: unknown): { ok: true; value: PageFrontMatter } | { ok: false; problems: FieldIssue[] } {
  const result = pageFields.safeParse(data, { reportInput: true });
  if (result.success) return { ok: true, value: result.data };
  const problems = fieldIssues(result.error.issues, {
    fieldText: pageFieldText,
    allowedAt: () => PAGE_FIELDS,
    notFields: PAGE_NOT_FIELDS,
    wholeField: "front matter",
  });
  return { ok: false, problems };
}
