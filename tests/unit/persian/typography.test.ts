/** Unit tests for the typography rules of src/persian/typography.ts, shared by the importer and `npm run check`. */
import { test, describe } from "node:test";
import assert from "node:assert/strict";
import { applyTypographyIssues, fixTypography, textFingerprint, typographyIssues, type TypographyRule } from "../../../src/persian/typography.js";

const Z = "\u200C";

describe("fixTypography: half-spaces restored in the common affixes", () => {
  const rows: Array<{ name: string; input: string; expected: string }> = [
    { name: "spaced می", input: "صورت می گیرد", expected: `صورت می${Z}گیرد` },
    { name: "spaced نمی", input: "نمی توان گفت", expected: `نمی${Z}توان گفت` },
    { name: "spaced می with two spaces", input: "می  شود", expected: `می${Z}شود` },
    { name: "joined می + present stem + ending", input: "پیگیری میشود", expected: `پیگیری می${Z}شود` },
    { name: "joined می + past stem without ending", input: "میشد", expected: `می${Z}شد` },
    { name: "joined می + past stem + ending", input: "میگفتند", expected: `می${Z}گفتند` },
    { name: "joined نمی + verb", input: "نمیتوانند", expected: `نمی${Z}توانند` },
    { name: "joined impersonal می‌توان", input: "میتوان", expected: `می${Z}توان` },
    { name: "joined modal می‌بایست", input: "میبایست", expected: `می${Z}بایست` },
    { name: "spaced ها", input: "روابط عمومی ها", expected: `روابط عمومی${Z}ها` },
    { name: "spaced های", input: "بخشداری های استان", expected: `بخشداری${Z}های استان` },
    { name: "spaced هایی", input: "برنامه هایی", expected: `برنامه${Z}هایی` },
    { name: "spaced هایشان", input: "خانواده هایشان", expected: `خانواده${Z}هایشان` },
    { name: "joined های after ی", input: "بخشداریهای استان", expected: `بخشداری${Z}های استان` },
    { name: "joined ها after ی", input: "عمومیها", expected: `عمومی${Z}ها` },
    { name: "joined ها after ه", input: "کارگروهها", expected: `کارگروه${Z}ها` },
    { name: "spaced ترین", input: "مهم ترین وظایف", expected: `مهم${Z}ترین وظایف` },
    { name: "spaced تر", input: "بیش تر از", expected: `بیش${Z}تر از` },
    { name: "spaced ای after ه", input: "جلسه ای برگزار شد", expected: `جلسه${Z}ای برگزار شد` },
    { name: "spaced suffix after a half-spaced compound", input: `روابط${Z}عمومی ها`, expected: `روابط${Z}عمومی${Z}ها` },
    { name: "Arabic letters and a joined verb at once", input: "ميشود", expected: `می${Z}شود` },
    { name: "a fix that reveals another (two passes)", input: "مي شود و سازمان ها", expected: `می${Z}شود و سازمان${Z}ها` },
  ];
  for (const row of rows) {
    test(`${row.name}: ${row.input}`, () => {
      assert.equal(fixTypography(row.input), row.expected);
    });
  }
});

describe("fixTypography: words that only look like an affix are left alone", () => {
  const rows: Array<{ name: string; input: string }> = [
    { name: "تنها (alone) is not تن + ها", input: "تنها راه" },
    { name: "آنها: the joined pronoun is accepted spelling", input: "آنها گفتند" },
    { name: "میدان (a square)", input: "میدان آزادی" },
    { name: "میدانی (of the field)", input: "بازدید میدانی" },
    { name: "میزبان (host)", input: "به میزبانی بخشداری" },
    { name: "میز (table) and میلیون", input: "میز و میلیون" },
    { name: "میگو (shrimp): a present stem needs an ending", input: "میگو" },
    { name: "joined ترین is the standard spelling", input: "بهترین و بیشترین" },
    { name: "joined تر inside a word", input: "دختر و دفتر" },
    { name: "joined ای is ambiguous (نامه‌ای or نام‌های)", input: "نامهای" },
    { name: "ای after که is the vocative", input: "که ای کاش" },
    { name: "ای after a word that does not end in ه", input: "گفت ای مردم" },
    { name: "های after و", input: "و های و هوی" },
    { name: "تر after و (wet)", input: "خشک و تر" },
    { name: "می before و is a noun", input: "می و" },
    { name: "نهایت: ها inside a word", input: "در نهایت" },
    { name: "rhyme without affix", input: "روابط عمومی" },
    { name: "Latin text", input: "Tehran Province, 2024." },
    { name: "already correct", input: `می${Z}شود و بخشداری${Z}ها` },
    { name: "empty", input: "" },
  ];
  for (const row of rows) {
    test(`${row.name}: ${row.input}`, () => {
      assert.deepEqual(typographyIssues(row.input), []);
      assert.equal(fixTypography(row.input), row.input);
    });
  }
});

describe("fixTypography: letters, punctuation and digits", () => {
  const rows: Array<{ name: string; input: string; expected: string }> = [
    { name: "Arabic yeh and kaf", input: "مديريت كل", expected: "مدیریت کل" },
    { name: "Arabic alef maksura", input: "مصطفى", expected: "مصطفی" },
    { name: "Arabic-Indic digits", input: "سال ١٤٠٢", expected: "سال ۱۴۰۲" },
    { name: "space before a period", input: "برگزار گردید .", expected: "برگزار گردید." },
    { name: "space before a Persian comma and colon", input: "گفت : آموزش ، اخبار", expected: "گفت: آموزش، اخبار" },
    { name: "space before a question mark", input: "چرا ؟", expected: "چرا؟" },
    { name: "space before a closing guillemet", input: "«سلام »", expected: "«سلام»" },
    { name: "an ellipsis keeps its dots", input: "و غیره ...", expected: "و غیره..." },
    { name: "a decimal is not punctuation", input: "عدد .5 است", expected: "عدد .5 است" },
    { name: "a space after an address stays", input: "نشانی https://ostan-th.ir/News/1/ .", expected: "نشانی https://ostan-th.ir/News/1/ ." },
    { name: "mixed digits: Latin ones become Persian", input: "۴۲ طرح در 15 شهرستان", expected: "۴۲ طرح در ۱۵ شهرستان" },
    { name: "mixed digits: a date and a time", input: "۱۴۰۲ و 1403/02/23 ساعت 10:30", expected: "۱۴۰۲ و ۱۴۰۳/۰۲/۲۳ ساعت ۱۰:۳۰" },
    { name: "only Latin digits in Persian text: not mixed", input: "در سال 1402", expected: "در سال 1402" },
    { name: "mixed digits: a Latin code stays", input: "۱۲ مورد COVID-19 و H2O", expected: "۱۲ مورد COVID-19 و H2O" },
    { name: "mixed digits: an address stays", input: "۱۲ خبر در https://ostan-th.ir/News/149840/", expected: "۱۲ خبر در https://ostan-th.ir/News/149840/" },
    { name: "mixed digits are decided line by line", input: "۱۲ خبر\nدر 2024", expected: "۱۲ خبر\nدر 2024" },
    { name: "English text with digits", input: "In 2024, 42 projects.", expected: "In 2024, 42 projects." },
  ];
  for (const row of rows) {
    test(`${row.name}: ${row.input}`, () => {
      assert.equal(fixTypography(row.input), row.expected);
    });
  }
});

describe("typographyIssues", () => {
  test("reports each issue with its rule, offset, the text found and its replacement, in text order", () => {
    const text = "جلسه ای در مديريت با 15 نفر و ۱۲ مهمان برگزار شد .";
    const issues = typographyIssues(text);
    assert.deepEqual(
      issues.map(({ rule, index, found, replacement }) => ({ rule, index, found, replacement })),
      [
        { rule: "half-space", index: 0, found: "جلسه ای", replacement: `جلسه${Z}ای` },
        { rule: "arabic-letter", index: 11, found: "مديريت", replacement: "مدیریت" },
        { rule: "mixed-digits", index: 21, found: "15", replacement: "۱۵" },
        { rule: "space-before-punctuation", index: 48, found: " .", replacement: "." },
      ],
    );
    for (const issue of issues) assert.equal(text.slice(issue.index, issue.index + issue.found.length), issue.found);
    assert.equal(applyTypographyIssues(text, issues), `جلسه${Z}ای در مدیریت با ۱۵ نفر و ۱۲ مهمان برگزار شد.`);
  });

  test("protected ranges are left alone", () => {
    const text = "می شود `می شود` می شود";
    const issues = typographyIssues(text, [[7, 15]]);
    assert.deepEqual(issues.map((issue) => issue.index), [0, 16]);
  });

  test("every rule has a case that reports it", () => {
    const seen = new Set<TypographyRule>();
    for (const text of ["ك", "می شود", "شد .", "۱ و 2"]) for (const issue of typographyIssues(text)) seen.add(issue.rule);
    assert.deepEqual([...seen].sort(), ["arabic-letter", "half-space", "mixed-digits", "space-before-punctuation"]);
  });
});

describe("textFingerprint: what a typography fix may not change", () => {
  test("spacing, half-spaces, Arabic letter forms and digit scripts do not count", () => {
    assert.equal(textFingerprint("بخشداری های  استان ١٤٠٢"), textFingerprint(`بخشداری${Z}های استان 1402`));
    assert.equal(textFingerprint("مديريت\r\nكل"), textFingerprint("مدیریت کل"));
  });

  test("a word lost, added or changed does count", () => {
    assert.notEqual(textFingerprint("جلسه برگزار شد"), textFingerprint("جلسه برگزار"));
    assert.notEqual(textFingerprint("جلسه برگزار شد"), textFingerprint("جلسه برگزار شد شد"));
    assert.notEqual(textFingerprint("جلسه برگزار شد"), textFingerprint("نشست برگزار شد"));
    assert.notEqual(textFingerprint("برگزار شد."), textFingerprint("برگزار شد"));
  });

  test("fixTypography never changes the fingerprint, and fixing twice is fixing once", () => {
    const text = "ميشود جلسه ای ، بخشداریهای استان در 15 و ۱۶ روز مهم ترین کار ها را می کنند .";
    const once = fixTypography(text);
    assert.equal(textFingerprint(once), textFingerprint(text));
    assert.equal(fixTypography(once), once);
    assert.deepEqual(typographyIssues(once), []);
  });
});
