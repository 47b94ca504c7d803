/** Unit tests for src/persian/file-size.ts: a file's size as readers read it, in Persian and English. */
import { test } from "node:test";
import assert from "node:assert/strict";
import { formatFileSize } from "../../../src/persian/file-size.js";

const KB = 1024;
const MB = 1024 * KB;

test("formatFileSize: the largest unit the size fills, one decimal under ten, Persian digits and «٫»", () => {
  const rows: Array<[bytes: number, fa: string, en: string]> = [
    [0, "۰ بایت", "0 bytes"],
    [900, "۹۰۰ بایت", "900 bytes"],
    [1023, "۱۰۲۳ بایت", "1023 bytes"],
    [KB, "۱ کیلوبایت", "1 KB"],
    [1536, "۱٫۵ کیلوبایت", "1.5 KB"],
    [340 * KB + 100, "۳۴۰ کیلوبایت", "340 KB"],
    // Just under a megabyte would read «۱۰۲۴ کیلوبایت»: it is the next unit.
    [MB - 10, "۱ مگابایت", "1 MB"],
    [Math.round(2.3 * MB), "۲٫۳ مگابایت", "2.3 MB"],
    [Math.round(9.96 * MB), "۱۰ مگابایت", "10 MB"],
    [2 * MB, "۲ مگابایت", "2 MB"],
    [15.4 * MB, "۱۵ مگابایت", "15 MB"],
    [3.25 * 1024 * MB, "۳٫۳ گیگابایت", "3.3 GB"],
  ];
  for (const [bytes, fa, en] of rows) {
    assert.equal(formatFileSize(bytes, "fa"), fa, String(bytes));
    assert.equal(formatFileSize(bytes, "en"), en, String(bytes));
  }
});
