/**
 * Interface strings, from data/strings.json: one table per interface language, the same
 * keys in each (a test holds them in step).
 */
import strings from "../data/strings.json" with { type: "json" };
import type { Language } from "../content/schema.js";

export type InterfaceStrings = (typeof strings)["fa"];

const tables: Record<Language, InterfaceStrings> = strings;

export function interfaceStrings(lang: Language): InterfaceStrings {
  return tables[lang];
}

export function directionOf(lang: Language): "rtl" | "ltr" {
  return lang === "fa" ? "rtl" : "ltr";
}

/** Fills the `{name}` placeholders of an interface string; a placeholder without a value is an error. */
export function fillString(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (placeholder, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`Internal error: no value for ${placeholder} in "${template}"`);
    return String(value);
  });
}
