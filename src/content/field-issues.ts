/**
 * zod's issues as editors' messages, for the files besides releases (the pages of content/pages/
 * and content/site.yml): each issue becomes one problem naming its field, from the field tables
 * of src/messages/site.ts (label, rule, example). A misspelt field is matched against the fields
 * allowed where it stands, and the nearest is named when it is a near miss.
 */
import { closest, distance } from "fastest-levenshtein";
import type { z } from "zod";
import { fieldLabel } from "../messages/fields.js";
import type { Message } from "../messages/messages.js";
import { fieldEmpty, fieldInvalid, fieldRequired, unknownField, type FieldText } from "../messages/site.js";

/** A problem of one field, before it is placed in its file. */
export interface FieldIssue {
  /** Where the value is: `["social", "telegram"]`, `["menu", 2, "url"]`. */
  path: ReadonlyArray<string | number>;
  /** The field's name in the tables and in the report: the path's names, without list positions (`menu.url`). */
  field: string;
  message: Message;
  /** The field in the editor's words (the tables of src/messages/site.ts). */
  label: Message;
}

export interface IssueReading {
  /** The texts of a field, by its name (`social.telegram`). */
  fieldText(field: string): FieldText;
  /** The fields allowed at `field` ("" for the top), to name the nearest to a misspelt one. */
  allowedAt(field: string): readonly string[];
  /** The message when the whole is not a list of `field: value` lines, and the field it is reported under. */
  notFields: Message;
  wholeField: string;
}

/** The name of the field at `path`: its names joined by dots, list positions left out. */
export function fieldNameOf(path: ReadonlyArray<PropertyKey>): string {
  return path.filter((part): part is string => typeof part === "string").join(".");
}

/** A value as a message may quote it: text and numbers as written, anything else not at all. */
function shown(input: unknown): string | undefined {
  return typeof input === "string" || typeof input === "number" || typeof input === "boolean" ? String(input) : undefined;
}

/** Only a near miss is a typo worth naming: «titel» → title, not «xyzzy» → lang. */
export function nearestField(key: string, allowed: readonly string[]): string | undefined {
  if (allowed.length === 0) return undefined;
  const nearest = closest(key, [...allowed]);
  return distance(key, nearest) <= Math.max(2, Math.floor(key.length / 3)) ? nearest : undefined;
}

/** One problem per field of zod's issues (parsed with `reportInput: true`, so that values can be quoted). */
export function fieldIssues(issues: readonly z.core.$ZodIssue[], reading: IssueReading): FieldIssue[] {
  const problems: FieldIssue[] = [];
  for (const issue of issues) {
    const path = issue.path.filter((part): part is string | number => typeof part !== "symbol");
    const field = fieldNameOf(path);
    if (issue.code === "unrecognized_keys") {
      const allowed = reading.allowedAt(field);
      for (const key of issue.keys) {
        const name = field === "" ? key : `${field}.${key}`;
        problems.push({ path: [...path, key], field: name, message: unknownField(key, nearestField(key, allowed), allowed), label: { fa: name, en: name } });
      }
      continue;
    }
    if (path.length === 0) {
      problems.push({ path, field: reading.wholeField, message: reading.notFields, label: fieldLabel(reading.wholeField) });
      continue;
    }
    const text = reading.fieldText(field);
    const input = "input" in issue ? issue.input : undefined;
    let message: Message;
    if (issue.code === "invalid_type" && input === undefined) message = fieldRequired(text);
    else if (input === null || (issue.code === "too_small" && issue.origin === "string")) message = fieldEmpty(text);
    else message = fieldInvalid(text, shown(input));
    problems.push({ path, field, message, label: text.label });
  }
  return problems;
}
