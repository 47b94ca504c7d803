/** Unit tests for src/persian/slug.ts: URL slugs that keep Persian letters. */
import { test, describe } from "node:test";
import assert from "node:assert/strict";
import { slugify } from "../../../src/persian/slug.js";

describe("slugify", () => {
  const rows: Array<{ input: string; expected: string }> = [
    { input: "روابط‌عمومی", expected: "روابط-عمومی" },
    { input: "روابط عمومی", expected: "روابط-عمومی" },
    { input: "روابط عمومي", expected: "روابط-عمومی" },
    { input: "  مدیریت  بحران! ", expected: "مدیریت-بحران" },
    { input: "آب و فاضلاب", expected: "آب-و-فاضلاب" },
    { input: "نوروز ۱۴۰۳", expected: "نوروز-1403" },
    { input: "Public Relations", expected: "public-relations" },
    { input: "رباط‌کریم", expected: "رباط-کریم" },
  ];
  for (const row of rows) {
    test(JSON.stringify(row.input), () => assert.equal(slugify(row.input), row.expected));
  }

  test("is idempotent", () => {
    for (const row of rows) assert.equal(slugify(slugify(row.input)), row.expected);
  });
});
