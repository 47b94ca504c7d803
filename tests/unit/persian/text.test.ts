/** Unit tests for src/persian/text.ts: digit conversion, number formatting and normalization. */
import { test, describe } from "node:test";
import assert from "node:assert/strict";
import {
  attachSpacedAffixes,
  compoundParts,
  fixPersianLetters,
  foldForIndex,
  foldForSearch,
  foldIndexedForSearch,
  formatPersianNumber,
  normalizeQuery,
  showInPersian,
  slugify,
  toLatinDigits,
  toPersianDigits,
  withoutSuffix,
} from "../../../src/persian/text.js";

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
    { name: "waw with hamza", variants: ["مسؤول", "مسوول"], key: "مسوول" },
    { name: "yeh with hamza", variants: ["مسئول", "مسیول"], key: "مسیول" },
    { name: "harakat and tatweel", variants: ["مُدیرِ کُلّ", "مدیـــر کل", "مدیر کل"], key: "مدیر کل" },
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

describe("foldForIndex (the index's text: only folds a reader does not notice)", () => {
  const rows: Array<{ name: string; input: string; expected: string }> = [
    { name: "Arabic yeh, alef maksura and kaf", input: "مدير كل مصطفى", expected: "مدیر کل مصطفی" },
    { name: "three digit scripts", input: "۱۴۰۲ 1402 ١٤٠٢", expected: "1402 1402 1402" },
    { name: "harakat and tatweel", input: "مُدیـــرِ کُلّ", expected: "مدیر کل" },
    { name: "invisible characters", input: "\uFEFFته\u00ADران\u200B", expected: "تهران" },
    { name: "presentation forms", input: "ﻛﺘﺎﺏ", expected: "کتاب" },
    { name: "Persian punctuation", input: "الف، ب؛ ج؟ ۵٪ ۲٫۵ ۱۲٬۵۰۰", expected: "الف, ب; ج? 5% 2.5 12,500" },
    { name: "quotation marks", input: "«آغاز» “start”", expected: '"آغاز" "start"' },
    { name: "visible letter forms are kept for the excerpt", input: "مسئول مدرسۀ مدرسة آب أمنیت مؤسسه اجزاء", expected: "مسئول مدرسۀ مدرسة آب أمنیت مؤسسه اجزاء" },
    { name: "heh with hamza above: the hamza is harakat", input: "مدرسهٔ", expected: "مدرسه" },
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

describe("compoundParts (a folded word's parts between its half-spaces)", () => {
  const rows: Array<{ word: string; parts: string[] }> = [
    { word: "کتاب", parts: ["کتاب"] },
    { word: "روابط‌عمومی", parts: ["روابط", "عمومی"] },
    { word: "روابط‌عمومی‌ها", parts: ["روابط", "عمومیها"] },
    { word: "می‌شود", parts: ["میشود"] },
    { word: "نمی‌توان", parts: ["نمیتوان"] },
    { word: "کتاب‌ها", parts: ["کتابها"] },
    { word: "کتاب‌های", parts: ["کتابهای"] },
    { word: "بزرگ‌تر", parts: ["بزرگتر"] },
    { word: "بزرگ‌ترین", parts: ["بزرگترین"] },
    { word: "خانه‌ای", parts: ["خانهای"] },
    { word: "برنامه‌اش", parts: ["برنامهاش"] },
    { word: "بین‌المللی", parts: ["بین", "المللی"] },
    { word: "شیوه‌نامه‌های", parts: ["شیوه", "نامههای"] },
    { word: "کار‌می‌کند", parts: ["کار", "میکند"] },
    { word: "\u200Cها", parts: ["ها"] },
    { word: "می‌", parts: ["می"] },
  ];
  for (const row of rows) test(JSON.stringify(row.word), () => assert.deepEqual(compoundParts(row.word), row.parts));

  test("as written, affixes keep their half-space", () => {
    assert.deepEqual(compoundParts("روابط‌عمومی‌ها", true), ["روابط", "عمومی‌ها"]);
    assert.deepEqual(compoundParts("نمی‌توان", true), ["نمی‌توان"]);
    assert.deepEqual(compoundParts("می‌", true), ["می"]);
    for (const row of rows) assert.deepEqual(compoundParts(row.word, true).map((part) => part.replaceAll("\u200C", "")), row.parts);
  });
});

describe("attachSpacedAffixes (prefixes and suffixes typed as words of their own)", () => {
  const rows: Array<{ words: string[]; expected: string[] }> = [
    { words: ["می", "شود"], expected: ["می‌شود"] },
    { words: ["نمی", "شود", "که"], expected: ["نمی‌شود", "که"] },
    { words: ["کتاب", "ها"], expected: ["کتاب‌ها"] },
    { words: ["روابط", "عمومی", "های"], expected: ["روابط", "عمومی‌های"] },
    { words: ["بزرگ", "ترین", "طرح"], expected: ["بزرگ‌ترین", "طرح"] },
    { words: ["ها"], expected: ["ها"] },
    { words: ["می"], expected: ["می"] },
    { words: ["می", "ها"], expected: ["می‌ها"] },
    { words: ["خانه", "ای"], expected: ["خانه", "ای"] },
    { words: ["ميدان", "آزادی"], expected: ["ميدان", "آزادی"] },
  ];
  for (const row of rows) test(row.words.join(" "), () => assert.deepEqual(attachSpacedAffixes(row.words), row.expected));
});

describe("withoutSuffix", () => {
  const rows: Array<{ key: string; expected: string }> = [
    { key: "عمومیها", expected: "عمومی" },
    { key: "کتابهایی", expected: "کتاب" },
    { key: "بزرگترین", expected: "بزرگ" },
    { key: "تنها", expected: "تن" },
    { key: "ها", expected: "ها" },
    { key: "کتاب", expected: "کتاب" },
  ];
  for (const row of rows) test(row.key, () => assert.equal(withoutSuffix(row.key), row.expected));
});

describe("normalizeQuery (every spelling of a query gives the same words)", () => {
  const rows: Array<{ name: string; variants: string[]; expected: string }> = [
    { name: "Arabic letters", variants: ["مدیر کل", "مدير كل", "مُدیـر کل"], expected: "مدیر کل" },
    { name: "digit scripts", variants: ["۱۴۰۲", "1402", "١٤٠٢"], expected: "1402" },
    { name: "a compound, joined or with a half-space", variants: ["روابط‌عمومی", "روابطعمومی", "روابط‌عمومي"], expected: "روابطعمومی" },
    { name: "a compound with a space stays two words", variants: ["روابط عمومی", "روابط  عمومي"], expected: "روابط عمومی" },
    { name: "the prefix می", variants: ["می‌شود", "میشود", "می شود", "مي شود"], expected: "میشود" },
    { name: "the prefix نمی", variants: ["نمی‌شود", "نمیشود", "نمی شود"], expected: "نمیشود" },
    { name: "the suffix ها", variants: ["کتاب‌ها", "کتابها", "کتاب ها"], expected: "کتابها" },
    { name: "the suffix های", variants: ["بخشداری‌های", "بخشداریهای", "بخشداری های"], expected: "بخشداریهای" },
    { name: "the suffixes تر and ترین", variants: ["بزرگ‌ترین", "بزرگترین", "بزرگ ترین"], expected: "بزرگترین" },
    { name: "hamza and teh marbuta forms", variants: ["مسئول مدرسۀ", "مسیول مدرسه", "مسئول مدرسة", "مسئول مدرسهٔ"], expected: "مسیول مدرسه" },
    { name: "punctuation around words", variants: ["«روابط‌عمومی»،", '"روابطعمومی"'], expected: "روابطعمومی" },
    { name: "empty", variants: ["", "  ", "«»"], expected: "" },
  ];
  for (const row of rows) {
    for (const variant of row.variants) test(`${row.name}: ${JSON.stringify(variant)}`, () => assert.equal(normalizeQuery(variant), row.expected));
  }

  test("is idempotent", () => {
    for (const row of rows) for (const variant of row.variants) assert.equal(normalizeQuery(normalizeQuery(variant)), normalizeQuery(variant));
  });
});

describe("showInPersian (a word of index text, shown in Persian)", () => {
  const rows: Array<{ word: string; expected: string }> = [
    { word: "1402", expected: "۱۴۰۲" },
    { word: "1402,", expected: "۱۴۰۲،" },
    { word: "12,500", expected: "۱۲٬۵۰۰" },
    { word: "2.5", expected: "۲٫۵" },
    { word: "1402.", expected: "۱۴۰۲." },
    { word: "چرا?", expected: "چرا؟" },
    { word: "5%", expected: "۵٪" },
    { word: "الف;", expected: "الف؛" },
    { word: '"آغاز"', expected: "«آغاز»" },
    { word: '"آغاز",', expected: "«آغاز»،" },
    { word: "https://ostan-th.ir/News/149840/", expected: "https://ostan-th.ir/News/149840/" },
    { word: "COVID-19", expected: "COVID-19" },
  ];
  for (const row of rows) test(row.word, () => assert.equal(showInPersian(row.word), row.expected));
});
