/** Unit tests for src/persian/letters.ts: digit conversion, number formatting, letter fixes and the normalization levels. */
import { test, describe } from "node:test";
import assert from "node:assert/strict";
import {
  fixPersianLetters,
  foldForIndex,
  foldForSearch,
  foldIndexedForSearch,
  formatPersianNumber,
  toLatinDigits,
  toPersianDigits,
} from "../../../src/persian/letters.js";

describe("toPersianDigits", () => {
  const rows: Array<{ name: string; input: string | number; expected: string }> = [
    { name: "a whole number", input: 149840, expected: "۱۴۹۸۴۰" },
    { name: "zero", input: 0, expected: "۰" },
    { name: "every Latin digit", input: "0123456789", expected: "۰۱۲۳۴۵۶۷۸۹" },
    { name: "every Arabic-Indic digit", input: "٠١٢٣٤٥٦٧٨٩", expected: "۰۱۲۳۴۵۶۷۸۹" },
    { name: "a negative decimal keeps sign and point", input: -12.5, expected: "-۱۲.۵" },
    { name: "mixed Latin and Arabic-Indic digits in text", input: "abc 12 ٣٤ x", expected: "abc ۱۲ ۳۴ x" },
    { name: "a Jalali date", input: "1403/02/23 10:30", expected: "۱۴۰۳/۰۲/۲۳ ۱۰:۳۰" },
    { name: "Persian digits stay Persian", input: "کد خبر ۱۴۹۸۴۰", expected: "کد خبر ۱۴۹۸۴۰" },
    { name: "Persian text with ZWNJ and 5 digits", input: "روابط‌عمومی 5", expected: "روابط‌عمومی ۵" },
    { name: "text without digits is unchanged", input: "سلام، دنیا!", expected: "سلام، دنیا!" },
    { name: "Latin text without digits is unchanged", input: "Tehran", expected: "Tehran" },
    { name: "empty string", input: "", expected: "" },
  ];
  for (const row of rows) {
    test(`${row.name}: ${JSON.stringify(row.input)}`, () => {
      assert.equal(toPersianDigits(row.input), row.expected);
    });
  }
});

describe("toLatinDigits", () => {
  const rows: Array<{ name: string; input: string; expected: string }> = [
    { name: "every Persian digit", input: "۰۱۲۳۴۵۶۷۸۹", expected: "0123456789" },
    { name: "every Arabic-Indic digit", input: "٠١٢٣٤٥٦٧٨٩", expected: "0123456789" },
    { name: "a Persian Jalali date", input: "۱۴۰۳/۰۲/۲۳", expected: "1403/02/23" },
    { name: "mixed Persian, Arabic-Indic and Latin", input: "۱۴۰۳/٠٢/23", expected: "1403/02/23" },
    { name: "Persian text around digits is kept", input: "کد خبر ۱۴۹۸۴۰", expected: "کد خبر 149840" },
    { name: "Latin digits stay Latin", input: "2024-05-12", expected: "2024-05-12" },
    { name: "text without digits is unchanged", input: "روابط‌عمومی", expected: "روابط‌عمومی" },
    { name: "empty string", input: "", expected: "" },
  ];
  for (const row of rows) {
    test(`${row.name}: ${JSON.stringify(row.input)}`, () => {
      assert.equal(toLatinDigits(row.input), row.expected);
    });
  }

  test("round trip: Persian → Latin → Persian", () => {
    const text = "۱۴۰۳/۰۲/۲۳ ۱۰:۳۰";
    assert.equal(toPersianDigits(toLatinDigits(text)), text);
  });
});

describe("formatPersianNumber (Intl fa-IR)", () => {
  // Intl uses Persian digits, U+066C ARABIC THOUSANDS SEPARATOR «٬» and U+066B ARABIC DECIMAL SEPARATOR «٫»;
  // a negative number starts with U+200E LEFT-TO-RIGHT MARK and U+2212 MINUS SIGN.
  const rows: Array<{ input: number; expected: string }> = [
    { input: 149840, expected: "۱۴۹٬۸۴۰" },
    { input: 0, expected: "۰" },
    { input: 12, expected: "۱۲" },
    { input: 999, expected: "۹۹۹" },
    { input: 1000, expected: "۱٬۰۰۰" },
    { input: 1000000, expected: "۱٬۰۰۰٬۰۰۰" },
    { input: 0.5, expected: "۰٫۵" },
    { input: -1234.5, expected: "\u200E\u2212۱٬۲۳۴٫۵" },
  ];
  for (const row of rows) {
    test(`${row.input} → ${row.expected}`, () => {
      assert.equal(formatPersianNumber(row.input), row.expected);
    });
  }

  test("149840 is exactly these code points", () => {
    const codePoints = [...formatPersianNumber(149840)].map((character) => character.codePointAt(0));
    assert.deepEqual(codePoints, [0x6f1, 0x6f4, 0x6f9, 0x66c, 0x6f8, 0x6f4, 0x6f0]);
  });
});

describe("fixPersianLetters (safe for displayed text)", () => {
  const rows: Array<{ name: string; input: string; expected: string }> = [
    { name: "Arabic yeh and kaf", input: "مدير كل", expected: "مدیر کل" },
    { name: "alef maksura", input: "مصطفى", expected: "مصطفی" },
    { name: "Arabic-Indic digits become Persian", input: "١٤٠٢", expected: "۱۴۰۲" },
    { name: "Latin digits are left alone", input: "1402", expected: "1402" },
    { name: "teh marbuta, hamza forms and آ are kept", input: "مدرسة أ إ ؤ آ", expected: "مدرسة أ إ ؤ آ" },
    { name: "ZWNJ is kept", input: "روابط‌عمومی", expected: "روابط‌عمومی" },
  ];
  for (const row of rows) {
    test(row.name, () => assert.equal(fixPersianLetters(row.input), row.expected));
  }
});

describe("foldForSearch (one key for every spelling)", () => {
  const rows: Array<{ name: string; variants: string[]; key: string }> = [
    { name: "yeh and kaf", variants: ["مدیر کل", "مدير كل", "مدىر كل"], key: "مدیر کل" },
    { name: "digit scripts", variants: ["۱۴۰۲", "1402", "١٤٠٢"], key: "1402" },
    { name: "teh marbuta and heh with yeh", variants: ["مدرسة", "مدرسۀ", "مدرسه"], key: "مدرسه" },
    { name: "alef forms", variants: ["آب", "اب"], key: "اب" },
    { name: "hamza forms", variants: ["أمنیت", "امنیت"], key: "امنیت" },
    { name: "lone hamza", variants: ["اجزاء", "اجزا"], key: "اجزا" },
    // Hamza on any seat, or left out: the key writes the letter that stands for it when it is left out.
    { name: "hamza before و (and a doubled و)", variants: ["مسئول", "مسؤول", "مسوول", "مسول"], key: "مسول" },
    { name: "hamza between consonants", variants: ["هیئت", "هیأت", "هیات"], key: "هیات" },
    { name: "hamza between consonants, another word", variants: ["مسئله", "مسأله", "مساله"], key: "مساله" },
    { name: "hamza before ی", variants: ["رئیس", "رییس"], key: "رییس" },
    { name: "hamza after ا", variants: ["مسائل", "مسایل"], key: "مسایل" },
    { name: "hamza after آ", variants: ["آئین", "آیین"], key: "ایین" },
    { name: "hamza before ا", variants: ["تئاتر", "تیاتر"], key: "تیاتر" },
    { name: "hamza written with a seat and a و", variants: ["سئوال", "سؤال", "سوال"], key: "سوال" },
    { name: "hamza before a consonant, with a seat or alone", variants: ["جرئت", "جرأت", "جرات"], key: "جرات" },
    { name: "a doubled و", variants: ["طاووس", "طاوس"], key: "طاوس" },
    { name: "teh marbuta before a half-space and a letter is teh", variants: ["آیة‌الله", "آیت‌الله"], key: "ایت‌الله" },
    { name: "teh marbuta inside a word is teh", variants: ["آیةالله", "آیتالله"], key: "ایتالله" },
    { name: "heh with hamza above", variants: ["توسعهٔ", "توسعۀ", "توسعه"], key: "توسعه" },
    { name: "harakat and tatweel", variants: ["مُدیرِ کُلّ", "مدیـــر کل", "مدیر کل"], key: "مدیر کل" },
    { name: "tanwin", variants: ["کاملاً", "کاملا"], key: "کاملا" },
    { name: "presentation forms", variants: ["ﻛﺘﺎﺏ", "کتاب"], key: "کتاب" },
    { name: "Arabic punctuation", variants: ["الف، ب؛ ج؟", "الف, ب; ج?"], key: "الف, ب; ج?" },
    { name: "invisible characters", variants: ["تهران\u200B", "\uFEFFتهران", "ته\u00ADران", "تهران"], key: "تهران" },
    { name: "Latin case", variants: ["Tehran", "TEHRAN"], key: "tehran" },
    { name: "ZWNJ survives folding", variants: ["روابط‌عمومی"], key: "روابط‌عمومی" },
  ];
  for (const row of rows) {
    for (const variant of row.variants) {
      test(`${row.name}: ${JSON.stringify(variant)}`, () => assert.equal(foldForSearch(variant), row.key));
    }
  }

  test("is idempotent", () => {
    for (const row of rows) for (const variant of row.variants) assert.equal(foldForSearch(foldForSearch(variant)), foldForSearch(variant));
  });
});

describe("foldForIndex (the index's text: only folds a reader does not notice)", () => {
  const rows: Array<{ name: string; input: string; expected: string }> = [
    { name: "Arabic yeh, alef maksura and kaf", input: "مدير كل مصطفى", expected: "مدیر کل مصطفی" },
    { name: "three digit scripts", input: "۱۴۰۲ 1402 ١٤٠٢", expected: "1402 1402 1402" },
    { name: "tatweel is removed, harakat are kept for the excerpt", input: "مُدیـــرِ کُلّ", expected: "مُدیرِ کُلّ" },
    { name: "invisible characters", input: "\uFEFFته\u00ADران\u200B", expected: "تهران" },
    { name: "presentation forms", input: "ﻛﺘﺎﺏ", expected: "کتاب" },
    { name: "Persian punctuation", input: "الف، ب؛ ج؟ ۵٪ ۲٫۵ ۱۲٬۵۰۰", expected: "الف, ب; ج? 5% 2.5 12,500" },
    { name: "quotation marks", input: "«آغاز» “start”", expected: '"آغاز" "start"' },
    { name: "visible letter forms are kept for the excerpt", input: "مسئول مدرسۀ مدرسة آب أمنیت مؤسسه اجزاء", expected: "مسئول مدرسۀ مدرسة آب أمنیت مؤسسه اجزاء" },
    { name: "heh with hamza above is kept for the excerpt", input: "توسعهٔ", expected: "توسعهٔ" },
    { name: "Latin case is kept", input: "Tehran", expected: "Tehran" },
    { name: "ZWNJ is kept", input: "روابط‌عمومی می‌شود", expected: "روابط‌عمومی می‌شود" },
  ];
  for (const row of rows) test(row.name, () => assert.equal(foldForIndex(row.input), row.expected));

  test("is idempotent, and foldForSearch goes on from it", () => {
    for (const row of rows) {
      assert.equal(foldForIndex(foldForIndex(row.input)), foldForIndex(row.input), row.name);
      assert.equal(foldForSearch(foldForIndex(row.input)), foldForSearch(row.input), row.name);
      assert.equal(foldIndexedForSearch(foldForIndex(row.input)), foldForSearch(row.input), row.name);
    }
  });
});
