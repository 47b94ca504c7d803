/**
 * Unit tests for src/persian/half-space-repair.ts: compounds written joined or with a space get
 * the half-space the archive writes them with, and nothing else changes. The lexicon is learnt
 * from a small archive of texts, as `check` learns it from the release files.
 */
import { test, describe } from "node:test";
import assert from "node:assert/strict";
import { CompoundLexicon, compoundsTaught } from "../../../src/persian/lexicon.js";
import { MIN_SEEN_FOR_SPACED_REPAIR, repairHalfSpaces, repairImportedText } from "../../../src/persian/half-space-repair.js";
import { textFingerprint } from "../../../src/persian/typography.js";

const Z = "\u200C";

/** Two releases that write the compounds with a half-space; «به‌روز», «کم‌خطر» and one three-part compound only once. */
const ARCHIVE = [
  `مدیرکل روابط${Z}عمومی گفت: تجربه${Z}نگاری در ایستگاه آتش${Z}نشانی و بهره${Z}برداری از طرح پیگیری می${Z}شود. سامانه به${Z}روز شد.`,
  `نشست روابط${Z}عمومی${Z}ها با موضوع تجربه${Z}نگاری، آتش${Z}نشانی و بهره${Z}برداری برگزار شد؛ طرح کم${Z}خطر و ایستگاه${Z}آتش${Z}نشانی.`,
];
const lexicon = CompoundLexicon.fromTaught(ARCHIVE.map(compoundsTaught));

/** The same archive, where «به‌روز» and «ایستگاه‌آتش‌نشانی» are written twice. */
const lexiconKnowingMore = CompoundLexicon.fromTaught([...ARCHIVE, `به${Z}روز و ایستگاه${Z}آتش${Z}نشانی`].map(compoundsTaught));

const withoutSpacing = (text: string) => text.replace(/[\s\u200C]+/g, "");

interface Row {
  name: string;
  input: string;
  expected: string;
  lexicon?: CompoundLexicon;
  protectedRanges?: Array<readonly [number, number]>;
}

const REPAIRED: Row[] = [
  { name: "joined", input: "روابطعمومی", expected: `روابط${Z}عمومی` },
  { name: "joined, another compound", input: "تجربهنگاری", expected: `تجربه${Z}نگاری` },
  { name: "joined, with a suffix after its half-space (kept on the last part)", input: `روابطعمومی${Z}ها`, expected: `روابط${Z}عمومی${Z}ها` },
  { name: "joined, with a plural written joined too (typography's to fix)", input: "روابطعمومیها", expected: `روابط${Z}عمومیها` },
  { name: "joined, in Arabic letters: compared by key, the editor's letters kept", input: "روابطعمومي", expected: `روابط${Z}عمومي` },
  { name: "joined, a compound whose first part is a word of its own (no phrase reads joined)", input: "سامانه بهروز شد", expected: `سامانه به${Z}روز شد`, lexicon: lexiconKnowingMore },
  { name: "spaced", input: "روابط عمومی", expected: `روابط${Z}عمومی` },
  { name: "spaced, with a suffix after a half-space on the last word", input: `روابط عمومی${Z}اش`, expected: `روابط${Z}عمومی${Z}اش` },
  { name: "spaced, with a plural suffix on the last word", input: `روابط عمومی${Z}ها`, expected: `روابط${Z}عمومی${Z}ها` },
  { name: "spaced, a plural written joined on the last word", input: "روابط عمومیها", expected: `روابط${Z}عمومیها` },
  { name: "spaced with two spaces: one half-space", input: "روابط  عمومی", expected: `روابط${Z}عمومی` },
  { name: "spaced with a tab", input: "روابط\tعمومی", expected: `روابط${Z}عمومی` },
  {
    name: "several compounds in a sentence, spaced and joined",
    input: "ایستگاه آتش نشانی و بهره برداری از تجربهنگاری",
    expected: `ایستگاه آتش${Z}نشانی و بهره${Z}برداری از تجربه${Z}نگاری`,
  },
  {
    name: "three words known as one compound: the longest is taken",
    input: "ایستگاه آتش نشانی",
    expected: `ایستگاه${Z}آتش${Z}نشانی`,
    lexicon: lexiconKnowingMore,
  },
  { name: "in link text (the target is the caller's to protect)", input: "[روابط عمومی](/news/1/)", expected: `[روابط${Z}عمومی](/news/1/)`, protectedRanges: [[13, 23]] },
  { name: "outside an HTML tag, not in it", input: `<span title="روابط عمومی">روابط عمومی</span>`, expected: `<span title="روابط عمومی">روابط${Z}عمومی</span>` },
  { name: "after an address, not in it", input: "https://x.ir/روابطعمومی روابطعمومی", expected: `https://x.ir/روابطعمومی روابط${Z}عمومی` },
];

const UNCHANGED: Row[] = [
  { name: "a compound written with a half-space only once (spaced)", input: "طرح کم خطر", expected: "طرح کم خطر" },
  { name: "a compound written with a half-space only once (joined)", input: "طرح کمخطر", expected: "طرح کمخطر" },
  { name: "a name like a compound written with a half-space only once", input: "آقای بهروز گفت", expected: "آقای بهروز گفت" },
  { name: "a phrase of a word that stands alone (به), even where the compound is known", input: "به روز دوشنبه", expected: "به روز دوشنبه", lexicon: lexiconKnowingMore },
  { name: "across punctuation", input: "روابط، عمومی", expected: "روابط، عمومی" },
  { name: "across a line break", input: "روابط\nعمومی", expected: "روابط\nعمومی" },
  { name: "across Markdown emphasis", input: "روابط **عمومی**", expected: "روابط **عمومی**" },
  { name: "a word with the ezafe's kasra: two words to its writer", input: "روابطِ عمومی", expected: "روابطِ عمومی" },
  { name: "written with the half-space already", input: `روابط${Z}عمومی و تجربه${Z}نگاری`, expected: `روابط${Z}عمومی و تجربه${Z}نگاری` },
  { name: "a half-space next to the space", input: `روابط${Z} عمومی`, expected: `روابط${Z} عمومی` },
  { name: "a compound's word next to a compound", input: `روابط${Z}عمومی عمومی`, expected: `روابط${Z}عمومی عمومی` },
  { name: "in a web address", input: "https://x.ir/روابطعمومی/", expected: "https://x.ir/روابطعمومی/" },
  { name: "in a protected range (Markdown code)", input: "`روابط عمومی` و `روابطعمومی`", expected: "`روابط عمومی` و `روابطعمومی`", protectedRanges: [[0, 13], [16, 28]] },
  { name: "three words known as one compound only once: the two-word compound inside is taken", input: "ایستگاه آتش نشانی", expected: `ایستگاه آتش${Z}نشانی` },
  { name: "words that are parts but not of one compound", input: "عمومی روابط", expected: "عمومی روابط" },
  { name: "no Persian at all", input: "Public relations 2024", expected: "Public relations 2024" },
];

describe("repairHalfSpaces: a compound the archive writes with a half-space gets it", () => {
  for (const row of REPAIRED) {
    test(`${row.name}: ${row.input}`, () => {
      assert.equal(repairHalfSpaces(row.input, row.lexicon ?? lexicon, row.protectedRanges).text, row.expected);
    });
  }
});

describe("repairHalfSpaces: what the archive does not know, or writes otherwise, is left alone", () => {
  for (const row of UNCHANGED) {
    test(`${row.name}: ${JSON.stringify(row.input)}`, () => {
      assert.equal(repairHalfSpaces(row.input, row.lexicon ?? lexicon, row.protectedRanges).text, row.expected);
    });
  }
});

describe("repairHalfSpaces: only spaces and half-spaces change, and once is enough", () => {
  for (const row of [...REPAIRED, ...UNCHANGED]) {
    test(`${row.name}: same letters, same words, repairing again changes nothing`, () => {
      const { text, repairs } = repairHalfSpaces(row.input, row.lexicon ?? lexicon, row.protectedRanges);
      assert.equal(withoutSpacing(text), withoutSpacing(row.input));
      assert.equal(textFingerprint(text), textFingerprint(row.input));
      assert.equal(text.length <= row.input.length + repairs.length, true, "at most one half-space added per repair");
      for (const repair of repairs) assert.equal(withoutSpacing(repair.to), withoutSpacing(repair.from), JSON.stringify(repair));
      // The rows' repairs keep every offset (a space for a half-space) or have no protected range.
      assert.deepEqual(repairHalfSpaces(text, row.lexicon ?? lexicon, row.protectedRanges).repairs, [], "repairing a repaired text changed it");
    });
  }
});

describe("repairHalfSpaces: each repair as written, where, and as it should be", () => {
  test("from, to and the offset in the input, in text order", () => {
    const input = "نشست روابط عمومی و روابطعمومی‌ها، ایستگاه آتش نشانی";
    const { text, repairs } = repairHalfSpaces(input, lexicon);
    assert.deepEqual(repairs, [
      { from: "روابط عمومی", to: `روابط${Z}عمومی`, offset: 5 },
      { from: `روابطعمومی${Z}ها`, to: `روابط${Z}عمومی${Z}ها`, offset: 19 },
      { from: "آتش نشانی", to: `آتش${Z}نشانی`, offset: 42 },
    ]);
    for (const repair of repairs) assert.equal(input.slice(repair.offset, repair.offset + repair.from.length), repair.from);
    assert.equal(text, `نشست روابط${Z}عمومی و روابط${Z}عمومی${Z}ها، ایستگاه آتش${Z}نشانی`);
  });

  test(`a spaced compound needs ${MIN_SEEN_FOR_SPACED_REPAIR} half-spaced writings: one more and it is repaired`, () => {
    assert.equal(MIN_SEEN_FOR_SPACED_REPAIR, 2);
    assert.equal(repairHalfSpaces("طرح کم خطر", lexicon).repairs.length, 0);
    const twice = CompoundLexicon.fromTaught([...ARCHIVE, `کم${Z}خطر`].map(compoundsTaught));
    assert.equal(repairHalfSpaces("طرح کم خطر", twice).text, `طرح کم${Z}خطر`);
    assert.equal(repairHalfSpaces("طرح کمخطر", twice).text, `طرح کم${Z}خطر`);
  });

  test("an empty lexicon changes nothing", () => {
    assert.deepEqual(repairHalfSpaces("روابطعمومی و روابط عمومی", new CompoundLexicon()), { text: "روابطعمومی و روابط عمومی", repairs: [] });
  });

  test("a lexicon that learns more repairs more (nothing remembered from before)", () => {
    const learning = CompoundLexicon.fromTaught([ARCHIVE[0]!].map(compoundsTaught));
    assert.equal(repairHalfSpaces("روابطعمومی", learning).text, "روابطعمومی");
    learning.learn(ARCHIVE[1]!);
    assert.equal(repairHalfSpaces("روابطعمومی", learning).text, `روابط${Z}عمومی`);
  });

  test("repairImportedText: the importer's entry is the same repair", () => {
    const input = "مدیرکل روابط عمومی: تجربهنگاری";
    assert.deepEqual(repairImportedText(input, lexicon), repairHalfSpaces(input, lexicon));
    assert.equal(repairImportedText(input, lexicon).text, `مدیرکل روابط${Z}عمومی: تجربه${Z}نگاری`);
  });
});
