/**
 * The release front-matter schema: the one definition of what an editor may write.
 * Every message says what to do, because the reader is an editor, not a programmer.
 */
import { z } from "zod";
import { closest, distance } from "fastest-levenshtein";
import type { DateTime } from "luxon";
import { parseReleaseDate } from "../persian/dates.js";
import { slugify } from "../persian/slug.js";

const IMAGE_ALT_REQUIRED = "image_alt is required with an image: describe the picture for readers who cannot see it";

export const LANGUAGES = ["fa", "en"] as const;
export type Language = (typeof LANGUAGES)[number];

const text = (field: string) =>
  z
    .string({
      error: (issue) =>
        issue.input === undefined
          ? `${field} is required: add a line \`${field}: …\``
          : issue.input === null
            ? `${field} is empty: write it, or remove the line`
            : `${field} must be text`,
    })
    .trim()
    .min(1, { error: `${field} is empty: write it, or remove the line` });

/**
 * A name that gets a page of its own (a tag, county or organization): its address is its slug,
 * and a name of punctuation only (`..`, `!!!`) has none, so its page would silently not exist.
 */
const named = (field: string, what: string) =>
  text(field).refine((value) => value === "" || slugify(value) !== "", {
    error: (issue) => `${what} "${String(issue.input)}" has no letter or digit, so it can have no page: write it in words, or remove it`,
  });

const releaseDate = z.unknown().transform((input, context): DateTime => {
  if (input === undefined || input === null) {
    context.addIssue({ code: "custom", message: "date is required: add a line such as `date: 2024-05-12T10:30:00+03:30` or `date: 1403/02/23 10:30`" });
    return z.NEVER;
  }
  const parsed = parseReleaseDate(input);
  if (!parsed.ok) {
    context.addIssue({ code: "custom", message: `date ${parsed.reason}` });
    return z.NEVER;
  }
  return parsed.date;
});

const webAddress = z
  .string({ error: "source must be a web address such as https://ostan-th.ir/News/149840/" })
  .trim()
  .refine((value) => /^https?:\/\/[^\s/]+\.[^\s]+$/i.test(value) && URL.canParse(value), {
    error: "source must be a web address starting with https:// (for example https://ostan-th.ir/News/149840/)",
  });

const releaseFields = z.strictObject(
  {
    id: z
      .number({ error: (issue) => (issue.input === undefined ? "id is required: the release's news code (کد خبر), e.g. `id: 149840`" : "id must be a whole number without quotes, e.g. `id: 149840`") })
      .int({ error: "id must be a whole number, e.g. `id: 149840`" })
      .positive({ error: "id must be a positive number" }),
    title: text("title"),
    date: releaseDate,
    lead: text("lead").optional(),
    county: named("county", "the county").optional(),
    organization: named("organization", "the organization").optional(),
    tags: z
      .array(named("each tag", "the tag"), { error: "tags must be a list, one `- tag` line each under `tags:`" })
      .optional()
      .transform((tags) => [...new Set(tags ?? [])]),
    source: webAddress.optional(),
    image: text("image")
      .refine((value) => /^\/[^\s]*$/.test(value) || /^https:\/\/[^\s]+$/i.test(value), {
        error: "image must be a path on this site such as /images/photo.jpg, or an https:// address",
      })
      .optional(),
    image_alt: text("image_alt").optional(),
    draft: z.boolean({ error: "draft must be true or false" }).optional().transform((draft) => draft ?? false),
    lang: z.enum(LANGUAGES, { error: `lang must be one of: ${LANGUAGES.join(", ")}` }).optional().transform((lang) => lang ?? "fa"),
  },
  { error: (issue) => (issue.code === "unrecognized_keys" ? undefined : "the front matter must be a list of `field: value` lines") },
);

/** A front-matter field a release file may have. */
export type ReleaseField = keyof typeof releaseFields.shape;

/**
 * Every front-matter field, in the schema's order: the one list of them. The editors write a new
 * file's fields in this order, and a misspelt field is matched against it.
 */
export const RELEASE_FIELDS: readonly ReleaseField[] = Object.keys(releaseFields.shape) as ReleaseField[];

/** The fields written as prose: always quoted when written (a colon is common in them), and their typography is checked. */
export const PROSE_FIELDS: readonly ReleaseField[] = ["title", "lead", "image_alt"];

/** Front matter as an editor writes it, before the schema's defaults and parsing (`date` is any form a release may use). */
export type ReleaseFrontMatterInput = z.input<typeof releaseFields>;

export const releaseSchema = releaseFields.superRefine((data, context) => {
  if (data.image && !data.image_alt) {
    context.addIssue({ code: "custom", path: ["image_alt"], message: IMAGE_ALT_REQUIRED });
  }
});

export type ReleaseFrontMatter = z.output<typeof releaseSchema>;

export interface FieldProblem {
  field: string;
  message: string;
  /** Which item of a list field (from 0), when the problem is one item's. */
  item?: number;
}

/** Validates front matter; returns the typed data, or one problem per field. */
export function validateFrontMatter(data: unknown): { ok: true; value: ReleaseFrontMatter } | { ok: false; problems: FieldProblem[] } {
  const result = releaseSchema.safeParse(data);
  if (result.success) return { ok: true, value: result.data };
  const problems: FieldProblem[] = [];
  for (const issue of result.error.issues) {
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) {
        const nearest = closest(key, RELEASE_FIELDS);
        // Only a near miss is a typo worth naming: «titel» → title, not «xyzzy» → id.
        const suggestion = distance(key, nearest) <= Math.max(2, Math.floor(key.length / 3)) ? nearest : undefined;
        problems.push({
          field: key,
          message: `unknown field "${key}"${suggestion ? `: did you mean "${suggestion}"?` : ""} Allowed fields: ${RELEASE_FIELDS.join(", ")}`,
        });
      }
      continue;
    }
    const item = issue.path[1];
    problems.push({ field: String(issue.path[0] ?? "front matter"), message: issue.message, ...(typeof item === "number" ? { item } : {}) });
  }
  // The schema's cross-field rule runs only when every field is valid; report it anyway,
  // so that an editor fixes everything in one pass.
  const raw = data as Record<string, unknown> | null;
  if (raw && typeof raw === "object" && raw.image && !raw.image_alt && !problems.some((problem) => problem.field === "image_alt")) {
    problems.push({ field: "image_alt", message: IMAGE_ALT_REQUIRED });
  }
  return { ok: false, problems };
}
