/**
 * Unit tests for src/search/text.ts: the index's text (compounds, extra spellings, hidden
 * metadata), the compounds an archive teaches, and how the search page reads it back.
 */
import { CompoundLexicon } from "../../../src/persian/lexicon.js";
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import {
  excerptOf,
  hideFromSearch,
  IndexTextEncoder,
  queryTerms,
  readIndexText,
  revealHidden,
  showText,
  wordMatches,
} from "../../../src/search/text.js";

/** One piece of an editor's text as the index stores it (the build encodes many with one encoder). */
function encodeIndexText(text: string, lexicon?: CompoundLexicon): string {
  return new IndexTextEncoder(lexicon).encode(text);
}

function lexiconOf(...texts: string[]): CompoundLexicon {
  const lexicon = new CompoundLexicon();
  for (const text of texts) lexicon.learn(text);
  return lexicon;
}

// «روابط‌عمومی» twice (so also split where written joined), «تجربه‌نگاری» once.
const LEXICON = lexiconOf("مدیرکل روابط‌عمومی استانداری", "روابط‌عمومی‌های ادارات", "تجربه‌نگاری", "آب‌انبار و آب‌انبار", "اجزاء‌کار اجزاء‌کار");

describe("encodeIndexText: the index's text, and how the search page shows it", () => {
  const rows: Array<{ name: string; text: string; encoded: string; shown: string }> = [
    { name: "Arabic letters become Persian in the text", text: "مدير كل", encoded: "مدیر کل", shown: "مدیر کل" },
    { name: "digits are Latin in the index, Persian on display", text: "سال ۱۴۰۲ و ١٤٠٣", encoded: "سال 1402 و 1403", shown: "سال ۱۴۰۲ و ۱۴۰۳" },
    { name: "a compound with a half-space", text: "روابط‌عمومی", encoded: "روابط~عمومی", shown: "روابط‌عمومی" },
    { name: "a learnt compound with a space", text: "روابط عمومي", encoded: "روابط~عمومی", shown: "روابط‌عمومی" },
    { name: "a compound seen twice, written joined", text: "روابطعمومی", encoded: "روابط~عمومی", shown: "روابط‌عمومی" },
    { name: "a compound seen once is not split where written joined", text: "تجربهنگاری", encoded: "تجربهنگاری", shown: "تجربهنگاری" },
    { name: "but is joined where written with a space", text: "تجربه نگاری", encoded: "تجربه~نگاری", shown: "تجربه‌نگاری" },
    // A part with an affix's half-space is shown so, and gets bare parts as an extra spelling.
    { name: "a compound with a suffix, spaced", text: "روابط عمومی ها", encoded: "~روابط~عمومیها روابط~عمومی‌ها", shown: "روابط‌عمومی‌ها" },
    { name: "a compound with a suffix, half-spaces", text: "روابط‌عمومی‌های", encoded: "~روابط~عمومیهای روابط~عمومی‌های", shown: "روابط‌عمومی‌های" },
    { name: "a compound with a suffix, joined", text: "روابطعمومیهای", encoded: "روابط~عمومیهای", shown: "روابط‌عمومیهای" },
    { name: "a joined compound with a suffix after a half-space", text: "روابطعمومی‌ها", encoded: "~روابط~عمومیها روابط~عمومی‌ها", shown: "روابط‌عمومی‌ها" },
    { name: "punctuation around a compound", text: "«روابط‌عمومی»،", encoded: '"روابط~عمومی",', shown: "«روابط‌عمومی»،" },
    { name: "affixes keep or get their half-space", text: "می شود، می‌شود، میشود و کتاب ها", encoded: "می‌شود, می‌شود, میشود و کتاب‌ها", shown: "می‌شود، می‌شود، میشود و کتاب‌ها" },
    { name: "punctuation keeps a suffix apart", text: "کتاب، ها", encoded: "کتاب, ها", shown: "کتاب، ها" },
    { name: "a word with another search key gets it as an extra word first", text: "مسئول", encoded: "~مسول مسئول", shown: "مسئول" },
    { name: "harakat are kept for the reader, and left out of the key", text: "توسعهٔ کاملاً", encoded: "~توسعه توسعهٔ ~کاملا کاملاً", shown: "توسعهٔ کاملاً" },
    { name: "the ezafe after a half-space is left out of the key", text: "خانه‌ی مطبوعات", encoded: "~خانه خانه‌ی مطبوعات", shown: "خانه‌ی مطبوعات" },
    { name: "a lone ezafe joins its word", text: "خانه ی فرهنگ", encoded: "~خانه خانه‌ی فرهنگ", shown: "خانه‌ی فرهنگ" },
    { name: "می between numbers is the month May", text: "۱۷ می ۲۰۲۳", encoded: "17 می 2023", shown: "۱۷ می ۲۰۲۳" },
    { name: "می before a verb is its prefix", text: "۱۷ نفر می روند", encoded: "17 نفر می‌روند", shown: "۱۷ نفر می‌روند" },
    { name: "Persian letters and digits in one word are its parts", text: "کووید۱۹", encoded: "~کوید~19 کووید~19", shown: "کووید‌۱۹" },
    { name: "teh marbuta is read as ه and as ت", text: "آیة‌الله", encoded: "~ایت~الله ~ایه~الله آیة~الله", shown: "آیة‌الله" },
    { name: "alef with madda", text: "آموزش", encoded: "~اموزش آموزش", shown: "آموزش" },
    { name: "heh with yeh", text: "مدرسۀ", encoded: "~مدرسه مدرسۀ", shown: "مدرسۀ" },
    { name: "a compound with another key", text: "آب‌انبار", encoded: "~اب~انبار آب~انبار", shown: "آب‌انبار" },
    { name: "a joined compound with another key", text: "آبانبار", encoded: "~اب~انبار آب~انبار", shown: "آب‌انبار" },
    { name: "a letter folded away stays with its part", text: "اجزاءکار", encoded: "~اجزا~کار اجزاء~کار", shown: "اجزاء‌کار" },
    { name: "a date stays one word", text: "۱۴۰۲/۰۵/۱۲", encoded: "1402/05/12", shown: "۱۴۰۲/۰۵/۱۲" },
    { name: "an editor's own joiner", text: "a~b", encoded: "a\uFF5Eb", shown: "a~b" },
    { name: "Latin text keeps its case", text: "Tehran PR", encoded: "Tehran PR", shown: "Tehran PR" },
    { name: "a stray half-space at a word's end", text: "کتاب\u200C است", encoded: "کتاب است", shown: "کتاب است" },
  ];
  for (const row of rows) {
    test(row.name, () => {
      const encoded = encodeIndexText(row.text, LEXICON);
      assert.equal(encoded, row.encoded);
      assert.equal(showText(encoded, "fa"), row.shown);
    });
  }

  test("an English release keeps Latin digits and punctuation", () => {
    assert.equal(showText(encodeIndexText("In 2024, 12 towns?"), "en"), "In 2024, 12 towns?");
  });

  test("one encoder for many texts gives what a fresh one gives", () => {
    const encoder = new IndexTextEncoder(LEXICON);
    for (const row of [...rows, ...rows]) assert.equal(encoder.encode(row.text), row.encoded, row.name);
  });

  test("encoders that share their split texts, each with its own lexicon, give what fresh ones give", () => {
    // The vocabulary pass splits a shard's texts (no lexicon); its documents are read with one.
    const withoutLexicon = new IndexTextEncoder();
    const withLexicon = withoutLexicon.readingWith(LEXICON);
    for (const row of [...rows, ...rows]) {
      withoutLexicon.addVocabulary(row.text, new Set());
      assert.equal(withLexicon.encode(row.text), row.encoded, row.name);
      assert.equal(withoutLexicon.encode(row.text), encodeIndexText(row.text), row.name);
    }
  });
});

describe("CompoundLexicon", () => {
  test("finds compounds written with spaces, longest first", () => {
    const lexicon = lexiconOf("جمهوری‌اسلامی‌ایران", "جمهوری‌اسلامی");
    assert.equal(lexicon.compoundAt(["جمهوری", "اسلامی", "ایران", "است"]), 3);
    assert.equal(lexicon.compoundAt(["جمهوری", "اسلامی", "است"]), 2);
    assert.equal(lexicon.compoundAt(["جمهوری", "است"]), 0);
    assert.equal(lexicon.compoundAt(["اسلامی", "ایران"]), 0);
  });

  test("learns nothing from affixes", () => {
    const lexicon = lexiconOf("می‌شود می‌شود کتاب‌ها کتاب‌ها");
    assert.equal(lexicon.compoundAt(["می", "شود"]), 0);
    assert.deepEqual(lexicon.splitJoined("کتابها"), ["کتابها"]);
  });

  test("splits a joined word only into parts of two letters or more", () => {
    const lexicon = lexiconOf("حمل‌ونقل حمل‌ونقل و‌الا و‌الا");
    assert.deepEqual(lexicon.splitJoined("حملونقل"), ["حمل", "ونقل"]);
    assert.deepEqual(lexicon.splitJoined("والا"), ["والا"]);
  });
});

describe("hidden metadata", () => {
  test("every word starts with a tatweel, which no query has, and is revealed again", () => {
    const hidden = hideFromSearch("۲۳ اردیبهشت ۱۴۰۳، ساعت ۱۰:۳۰");
    assert.equal(hidden, "ـ۲۳ ـاردیبهشت ـ۱۴۰۳، ـساعت ـ۱۰:۳۰");
    assert.equal(revealHidden(hidden), "۲۳ اردیبهشت ۱۴۰۳، ساعت ۱۰:۳۰");
    assert.ok(queryTerms(hidden).every((term) => !term.startsWith("ـ")));
  });
});

describe("reading the index text back", () => {
  const content = encodeIndexText("مسئول روابط‌عمومی گفت: آموزش ۱۴۰۲/۰۵ آغاز می شود.", LEXICON);

  test("extra spellings are not shown, and lend their keys to the next word", () => {
    const words = readIndexText(content);
    assert.deepEqual(
      words.map((word) => word.text),
      ["مسئول", "روابط~عمومی", "گفت:", "آموزش", "1402/05", "آغاز", "می‌شود."],
    );
    assert.deepEqual(words[0]!.keys, ["مسول", "مسول"]);
    assert.deepEqual(words[1]!.keys, ["روابطعمومی", "روابط", "عمومی"]);
    assert.deepEqual(words[4]!.keys, ["140205", "1402", "05"]);
  });

  const rows: Array<{ query: string; matched: string[] }> = [
    { query: "مسئول", matched: ["مسئول"] },
    { query: "مسوول", matched: ["مسئول"] },
    { query: "مسؤول", matched: ["مسئول"] },
    { query: "روابط عمومی", matched: ["روابط~عمومی"] },
    { query: "روابطعمومی", matched: ["روابط~عمومی"] },
    { query: "عمومی", matched: ["روابط~عمومی"] },
    { query: "اموزش", matched: ["آموزش"] },
    { query: "۱۴۰۲", matched: ["1402/05"] },
    { query: "می‌شود", matched: ["می‌شود."] },
    { query: "میشود", matched: ["می‌شود."] },
    { query: "آغ", matched: ["آغاز"] },
    { query: "شود", matched: [] },
  ];
  for (const row of rows) {
    test(`the words «${row.query}» marks`, () => {
      const terms = queryTerms(row.query);
      assert.deepEqual(readIndexText(content).filter((word) => wordMatches(word, terms)).map((word) => word.text), row.matched);
    });
  }
});

describe("excerptOf", () => {
  const words = readIndexText(Array.from({ length: 100 }, (_, position) => (position === 60 || position === 70 ? "روابط~عمومی" : `واژه${position}`)).join(" "));

  test("the window with the most matches, with the matches in its middle", () => {
    // Words 60 and 70 match: the windows of 20 words holding both start at 51 to 60; the middle one at 55.
    const parts = excerptOf(words, queryTerms("روابط عمومی"), "fa", 20);
    const text = parts.map((part) => part.text).join("");
    assert.ok(text.startsWith("… واژه۵۵ واژه۵۶ واژه۵۷ واژه۵۸ واژه۵۹ روابط‌عمومی واژه۶۱"), text);
    assert.ok(text.endsWith(" روابط‌عمومی واژه۷۱ واژه۷۲ واژه۷۳ واژه۷۴ …"), text);
    assert.deepEqual(parts.filter((part) => part.marked).map((part) => part.text), ["روابط‌عمومی", "روابط‌عمومی"]);
  });

  test("a short text is shown whole, without ellipses", () => {
    const parts = excerptOf(readIndexText("متن کوتاه روابط~عمومی"), queryTerms("عمومی"), "fa");
    assert.deepEqual(parts, [
      { text: "متن کوتاه ", marked: false },
      { text: "روابط‌عمومی", marked: true },
    ]);
  });

  test("without a query, the beginning", () => {
    const text = excerptOf(words, [], "fa", 3).map((part) => part.text).join("");
    assert.equal(text, "واژه۰ واژه۱ واژه۲ …");
  });
});
