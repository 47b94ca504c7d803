/** Unit tests for src/persian/words.ts: half-spaces, affixes, compound parts and query normalization. */
import { test, describe } from "node:test";
import assert from "node:assert/strict";
import { attachSpacedAffixes, compoundParts, normalizeQuery, showInPersian, withoutSuffix } from "../../../src/persian/words.js";

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
    { name: "hamza and teh marbuta forms", variants: ["مسئول مدرسۀ", "مسوول مدرسه", "مسؤول مدرسة", "مسئول مدرسهٔ"], expected: "مسول مدرسه" },
    { name: "the ezafe after a final ه, however written", variants: ["خانه‌ی مطبوعات", "خانهٔ مطبوعات", "خانۀ مطبوعات", "خانه ی مطبوعات", "خانه مطبوعات"], expected: "خانه مطبوعات" },
    { name: "a lone ی joins the word before it", variants: ["کتاب ی", "کتابی"], expected: "کتابی" },
    { name: "می before a number is the month May", variants: ["۱۷ می ۲۰۲۳", "17 می 2023"], expected: "17 می 2023" },
    { name: "می after a number is the month May", variants: ["۱۷ می"], expected: "17 می" },
    { name: "می before a Latin word is a word", variants: ["می 5G"], expected: "می 5g" },
    { name: "می before a month's name is a word", variants: ["می ژوئن"], expected: "می ژوین" },
    { name: "a hyphen between letters and digits: pieces", variants: ["کووید-۱۹", "کووید ۱۹", "کووید۱۹", "کوويد-19"], expected: "کوید 19" },
    { name: "a slash between words: pieces", variants: ["آموزش/پرورش", "آموزش پرورش"], expected: "اموزش پرورش" },
    { name: "a number with separators stays one", variants: ["۱۴۰۲/۰۵/۱۲"], expected: "1402/05/12" },
    { name: "a Latin code with digits stays one", variants: ["mp3"], expected: "mp3" },
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
