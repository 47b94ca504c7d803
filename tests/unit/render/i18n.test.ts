/** Unit tests for src/render/i18n.ts: both interface languages have every string. */
import { test } from "node:test";
import assert from "node:assert/strict";
import strings from "../../../src/data/strings.json" with { type: "json" };
import { directionOf, fillString, interfaceStrings } from "../../../src/render/i18n.js";

test("fa and en have the same keys, none empty", () => {
  assert.deepEqual(Object.keys(strings.en).sort(), Object.keys(strings.fa).sort());
  for (const [lang, table] of Object.entries(strings)) {
    for (const [key, value] of Object.entries(table)) assert.ok(value.trim().length > 0, `${lang}.${key} is empty`);
  }
});

test("Persian strings use Persian letters, not Arabic ي/ك", () => {
  for (const [key, value] of Object.entries(strings.fa)) assert.doesNotMatch(value, /[يك]/, `fa.${key}`);
});

test("interfaceStrings and directionOf", () => {
  assert.equal(interfaceStrings("fa").search, "جستجو");
  assert.equal(interfaceStrings("en").search, "Search");
  assert.equal(directionOf("fa"), "rtl");
  assert.equal(directionOf("en"), "ltr");
});

test("fillString fills every placeholder, and names a missing one", () => {
  assert.equal(fillString("خبرهای {month} {year}", { month: "اسفند", year: "۱۴۰۳" }), "خبرهای اسفند ۱۴۰۳");
  assert.equal(fillString("{count} {count}", { count: 2 }), "2 2");
  assert.equal(fillString("no placeholder", {}), "no placeholder");
  assert.throws(() => fillString("صفحهٔ {page}", { count: 1 }), /no value for \{page\}/);
});

test("every placeholder has the same names in fa and en", () => {
  const names = (value: string) => [...value.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();
  for (const [key, value] of Object.entries(strings.fa)) {
    assert.deepEqual(names(strings.en[key as keyof typeof strings.en]), names(value), key);
  }
});
