/**
 * The release front-matter schema: the one definition of what an editor may write.
 * Every message says what to do, because the reader is an editor, not a programmer: the
 * messages are the catalogue's (src/messages/content.ts), in Persian and English.
 */
import { z } from "zod";
import { closest, distance } from "fastest-levenshtein";
import type { DateTime } from "luxon";
import { formatJalaliInput, parseReleaseDate } from "../persian/dates.js";
import { DEFAULT_RELEASE_TYPE, findReleaseType, RELEASE_TYPES, type ReleaseTypeKey } from "./release-types.js";
import { slugify } from "../persian/slug.js";
import type { Message } from "../messages/messages.js";
import {
  dateProblemMessage,
  DRAFT_NOT_BOOLEAN,
  fieldEmpty,
  fieldNotText,
  fieldRequired,
  ID_NOT_A_NUMBER,
  ID_NOT_POSITIVE,
  ID_NOT_WHOLE,
  IMAGE_ALT_REQUIRED,
  IMAGE_NOT_AN_ADDRESS,
  languageNotKnown,
  noLetterOrDigit,
  NOT_FIELD_LINES,
  releaseTypeNotKnown,
  updatedBeforeDate,
  updatedDateProblem,
  SOURCE_NOT_ADDRESS,
  SOURCE_NOT_TEXT,
  TAGS_NOT_A_LIST,
  TRANSLATION_NOT_AN_ID,
  unknownField,
  type NamedKind,
} from "../messages/content.js";

/**
 * zod keeps an issue's message as a string: a catalogue message travels through it as JSON and is
 * read back by `validateFrontMatter`, so that both its languages reach the editor.
 */
const carry = (message: Message): string => JSON.stringify(message);

function carried(text: string): Message {
  try {
    const message = JSON.parse(text) as Partial<Message> | null;
    if (typeof message?.fa === "string" && typeof message.en === "string") return { fa: message.fa, en: message.en };
  } catch {
    // zod's own text (a check without a message of ours): shown as it is.
  }
  return { fa: text, en: text };
}

export const LANGUAGES = ["fa", "en"] as const;
export type Language = (typeof LANGUAGES)[number];

/** A text field, or (`item`) an item of the list field `field`. */
const text = (field: string, item = false) =>
  z
    .string({
      error: (issue) => carry(issue.input === undefined ? fieldRequired(field) : issue.input === null ? fieldEmpty(field, item) : fieldNotText(field, item)),
    })
    .trim()
    .min(1, { error: carry(fieldEmpty(field, item)) });

/**
 * A name that gets a page of its own (a tag, county or organization): its address is its slug,
 * and a name of punctuation only (`..`, `!!!`) has none, so its page would silently not exist.
 */
const named = (field: string, kind: NamedKind, item = false) =>
  text(field, item).refine((value) => value === "" || slugify(value) !== "", {
    error: (issue) => carry(noLetterOrDigit(kind, String(issue.input))),
  });

/**
 * The tags of one list item. A comma, Persian «،» or Latin «,», separates tags: YAML reads
 * `tags: [نشست، روابط عمومی]` (and `- نشست، روابط عمومی`) as one item, which would otherwise become
 * the one tag «نشست-روابط-عمومی» without a word said. A tag therefore never contains a comma. An
 * item of commas only is kept whole, so that it is refused as a tag without a letter.
 */
export function splitTagItem(item: string): string[] {
  const tags = item.split(/[,،]/).map((tag) => tag.trim()).filter((tag) => tag !== "");
  return tags.length > 0 ? tags : [item];
}

const releaseDate = z.unknown().transform((input, context): DateTime => {
  if (input === undefined || input === null) {
    context.addIssue({ code: "custom", message: carry(fieldRequired("date")) });
    return z.NEVER;
  }
  const parsed = parseReleaseDate(input);
  if (!parsed.ok) {
    context.addIssue({ code: "custom", message: carry(dateProblemMessage(parsed.problem)) });
    return z.NEVER;
  }
  return parsed.date;
});

/** `updated:`, when a release was changed after it was published: read as `date` is. */
const updatedDate = z.unknown().transform((input, context): DateTime => {
  const parsed = parseReleaseDate(input);
  if (!parsed.ok) {
    context.addIssue({ code: "custom", message: carry(updatedDateProblem(parsed.problem)) });
    return z.NEVER;
  }
  return parsed.date;
});

/**
 * Whether a date field's value, as written, gives a time of day (`1402/05/12 10:30`) or a day
 * alone (`1402/05/12`): a page shows a day alone without «ساعت ۰۰:۰۰». The schema's output keeps
 * the instant only; the loader asks this of the same text (src/content/load.ts).
 */
export function writtenWithTime(input: unknown): boolean {
  const parsed = parseReleaseDate(input);
  return !parsed.ok || parsed.timeGiven;
}

/** `type:`, a Persian name or a key of src/content/release-types.ts; without it, news. */
const releaseTypeField = z.unknown().optional().transform((input, context): ReleaseTypeKey => {
  if (input === undefined) return DEFAULT_RELEASE_TYPE;
  if (typeof input !== "string") {
    context.addIssue({ code: "custom", message: carry(input === null ? fieldEmpty("type") : fieldNotText("type")) });
    return z.NEVER;
  }
  const type = findReleaseType(input);
  if (type === undefined) {
    context.addIssue({ code: "custom", message: carry(releaseTypeNotKnown(input.trim(), RELEASE_TYPES.map((known) => known.fa), RELEASE_TYPES.map((known) => known.key))) });
    return z.NEVER;
  }
  return type;
});

const webAddress = z
  .string({ error: carry(SOURCE_NOT_TEXT) })
  .trim()
  .refine((value) => /^https?:\/\/[^\s/]+\.[^\s]+$/i.test(value) && URL.canParse(value), { error: carry(SOURCE_NOT_ADDRESS) });

const releaseFields = z.strictObject(
  {
    id: z
      .number({ error: (issue) => carry(issue.input === undefined ? fieldRequired("id") : ID_NOT_A_NUMBER) })
      .int({ error: carry(ID_NOT_WHOLE) })
      .positive({ error: carry(ID_NOT_POSITIVE) }),
    title: text("title"),
    date: releaseDate,
    type: releaseTypeField,
    lead: text("lead").optional(),
    county: named("county", "county").optional(),
    organization: named("organization", "organization").optional(),
    tags: z
      .array(text("tags", true).transform(splitTagItem).pipe(z.array(named("tags", "tag", true))), { error: carry(TAGS_NOT_A_LIST) })
      .optional()
      .transform((tags) => [...new Set((tags ?? []).flat())]),
    source: webAddress.optional(),
    image: text("image")
      .refine((value) => /^\/[^\s]*$/.test(value) || /^https:\/\/[^\s]+$/i.test(value), { error: carry(IMAGE_NOT_AN_ADDRESS) })
      .optional(),
    image_alt: text("image_alt").optional(),
    draft: z.boolean({ error: carry(DRAFT_NOT_BOOLEAN) }).optional().transform((draft) => draft ?? false),
    lang: z.enum(LANGUAGES, { error: carry(languageNotKnown(LANGUAGES)) }).optional().transform((lang) => lang ?? "fa"),
    updated: updatedDate.optional(),
    correction: text("correction").optional(),
    // The id of the same release in the other language: that it exists and is in the
    // other language is checked over the whole archive once it is loaded (src/content/load.ts).
    translation: z
      .number({ error: carry(TRANSLATION_NOT_AN_ID) })
      .int({ error: carry(TRANSLATION_NOT_AN_ID) })
      .positive({ error: carry(TRANSLATION_NOT_AN_ID) })
      .optional(),
  },
  { error: (issue) => (issue.code === "unrecognized_keys" ? undefined : carry(NOT_FIELD_LINES)) },
);

/** A front-matter field a release file may have. */
export type ReleaseField = keyof typeof releaseFields.shape;

/**
 * Every front-matter field, in the schema's order: the one list of them. The editors write a new
 * file's fields in this order, and a misspelt field is matched against it.
 */
export const RELEASE_FIELDS: readonly ReleaseField[] = Object.keys(releaseFields.shape) as ReleaseField[];

/** The fields written as prose: always quoted when written (a colon is common in them), and their typography is checked. */
export const PROSE_FIELDS: readonly ReleaseField[] = ["title", "lead", "image_alt", "correction"];

/** Front matter as an editor writes it, before the schema's defaults and parsing (`date` is any form a release may use). */
export type ReleaseFrontMatterInput = z.input<typeof releaseFields>;

export const releaseSchema = releaseFields.superRefine((data, context) => {
  if (data.image && !data.image_alt) {
    context.addIssue({ code: "custom", path: ["image_alt"], message: carry(IMAGE_ALT_REQUIRED) });
  }
  const updatedTooEarly = updatedBeforeDateProblem(data.date, data.updated);
  if (updatedTooEarly) context.addIssue({ code: "custom", path: ["updated"], message: carry(updatedTooEarly) });
});

/** An update is after the release: `updated` before `date` is a typo (a year or month off). */
function updatedBeforeDateProblem(date: DateTime | undefined, updated: DateTime | undefined): Message | undefined {
  if (!date || !updated || updated.toMillis() >= date.toMillis()) return undefined;
  return updatedBeforeDate(formatJalaliInput(updated), formatJalaliInput(date));
}

export type ReleaseFrontMatter = z.output<typeof releaseSchema>;

export interface FieldProblem {
  field: string;
  message: Message;
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
        problems.push({ field: key, message: unknownField(key, suggestion, RELEASE_FIELDS) });
      }
      continue;
    }
    const item = issue.path[1];
    problems.push({ field: String(issue.path[0] ?? "front matter"), message: carried(issue.message), ...(typeof item === "number" ? { item } : {}) });
  }
  // The schema's cross-field rule runs only when every field is valid; report it anyway,
  // so that an editor fixes everything in one pass.
  const raw = data as Record<string, unknown> | null;
  if (raw && typeof raw === "object" && raw.image && !raw.image_alt && !problems.some((problem) => problem.field === "image_alt")) {
    problems.push({ field: "image_alt", message: IMAGE_ALT_REQUIRED });
  }
  if (raw && typeof raw === "object" && raw.updated !== undefined && !problems.some((problem) => problem.field === "updated" || problem.field === "date")) {
    const [date, updated] = [parseReleaseDate(raw.date), parseReleaseDate(raw.updated)];
    const tooEarly = date.ok && updated.ok ? updatedBeforeDateProblem(date.date, updated.date) : undefined;
    if (tooEarly) problems.push({ field: "updated", message: tooEarly });
  }
  return { ok: false, problems };
}
