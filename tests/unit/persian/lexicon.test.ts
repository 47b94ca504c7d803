/**
 * Unit tests for src/persian/lexicon.ts: what a text teaches, the archive's lexicon as a sum
 * of its releases', and a shard's part of it.
 */
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { CompoundLexicon, compoundsTaught } from "../../../src/persian/lexicon.js";
import { IndexTextEncoder } from "../../../src/search/text.js";

describe("compoundsTaught", () => {
  const rows: Array<{ name: string; text: string; taught: string[] }> = [
    { name: "a compound", text: "روابط‌عمومی استان", taught: ["روابط عمومی"] },
    { name: "a compound with a suffix teaches it with and without", text: "روابط‌عمومی‌ها", taught: ["روابط عمومیها", "روابط عمومی"] },
    { name: "every time it is written", text: "آب‌رسانی و آب‌رسانی", taught: ["اب رسانی", "اب رسانی"] },
    { name: "affixes teach nothing", text: "می‌شود کتاب‌ها خانه‌ای", taught: [] },
    { name: "the ezafe teaches nothing", text: "خانه‌ی مطبوعات", taught: [] },
    { name: "punctuation around the word", text: "«روابط‌عمومی»،", taught: ["روابط عمومی"] },
    { name: "teh marbuta before the half-space is teh in the key", text: "آیة‌الله", taught: ["ایت الله"] },
    { name: "an editor's tilde teaches nothing", text: "الف~ب‌ج", taught: [] },
    { name: "no half-space, nothing", text: "روابط عمومی روابطعمومی", taught: [] },
  ];
  for (const row of rows) test(row.name, () => assert.deepEqual(compoundsTaught(row.text), row.taught));
});

describe("the archive's lexicon", () => {
  const texts = ["روابط‌عمومی استانداری", "روابط‌عمومی‌های ادارات و آب‌رسانی", "تجربه‌نگاری", "آب‌رسانی روستاها"];

  test("is the sum of what each text teaches, in any order", () => {
    const learnt = new CompoundLexicon();
    for (const text of texts) learnt.learn(text);
    assert.deepEqual(CompoundLexicon.fromTaught(texts.map(compoundsTaught)).entries(), learnt.entries());
    assert.deepEqual(CompoundLexicon.fromTaught([...texts].reverse().map(compoundsTaught)).entries(), learnt.entries());
    assert.deepEqual(CompoundLexicon.fromEntries(learnt.entries()).entries(), learnt.entries());
  });

  test("counts how often each compound was written with a half-space", () => {
    const lexicon = CompoundLexicon.fromTaught(texts.map(compoundsTaught));
    assert.equal(lexicon.seenWithHalfSpace(["روابط", "عمومی"]), 2);
    assert.equal(lexicon.seenWithHalfSpace(["تجربه", "نگاری"]), 1);
    assert.equal(lexicon.seenWithHalfSpace(["روابط", "خارجی"]), 0);
  });

  test("a joined word is cut where its parts' keys end, whatever its hamza or doubled و", () => {
    const lexicon = CompoundLexicon.fromTaught(["مسئولیت‌پذیری مسئولیت‌پذیری", "طاووس‌خانه طاووس‌خانه"].map(compoundsTaught));
    assert.deepEqual(lexicon.splitJoined("مسئولیتپذیری"), ["مسئولیت", "پذیری"]);
    assert.deepEqual(lexicon.splitJoined("مسوولیتپذیری"), ["مسوولیت", "پذیری"]);
    assert.deepEqual(lexicon.splitJoined("طاووسخانه"), ["طاووس", "خانه"]);
  });
});

describe("a shard's part of the lexicon (restrictedTo)", () => {
  const archive = CompoundLexicon.fromTaught(
    ["روابط‌عمومی روابط‌عمومی", "آب‌رسانی", "تجربه‌نگاری", "حمل‌ونقل حمل‌ونقل حمل‌ونقل", "واژه‌نوساخت"].map(compoundsTaught),
  );
  const vocabularyOf = (...texts: string[]) => {
    const vocabulary = new Set<string>();
    const encoder = new IndexTextEncoder();
    for (const text of texts) encoder.addVocabulary(text, vocabulary);
    return vocabulary;
  };
  const shardTexts = ["روابط عمومی ها و روابطعمومی استان", "آب رسانی روستاها", "حملونقل عمومی"];

  test("encodes the shard's texts exactly as the whole lexicon does", () => {
    const restricted = archive.restrictedTo(vocabularyOf(...shardTexts));
    for (const text of shardTexts) assert.equal(new IndexTextEncoder(restricted).encode(text), new IndexTextEncoder(archive).encode(text), text);
  });

  test("holds the compounds the shard writes spaced or joined, and no other", () => {
    const restricted = archive.restrictedTo(vocabularyOf(...shardTexts));
    assert.deepEqual(
      restricted.entries().map(([entry]) => entry),
      ["اب رسانی", "حمل ونقل", "روابط عمومی"],
    );
  });

  test("a shard with both words of a compound, never one after the other, does not meet it", () => {
    assert.deepEqual(archive.restrictedTo(vocabularyOf("آب شرب و خدمات رسانی", "روابط، عمومی")).entries(), []);
    assert.deepEqual(archive.restrictedTo(vocabularyOf("آب رسانی")).entries(), [["اب رسانی", 1]]);
  });

  test("counts above the threshold are cut to it, so that a compound written once more changes no shard", () => {
    const vocabulary = vocabularyOf(...shardTexts);
    const more = CompoundLexicon.fromEntries(archive.entries().map(([entry, seen]): [string, number] => [entry, entry === "حمل ونقل" ? seen + 5 : seen]));
    assert.deepEqual(more.restrictedTo(vocabulary).entries(), archive.restrictedTo(vocabulary).entries());
    assert.deepEqual(
      archive.restrictedTo(vocabulary).entries().find(([entry]) => entry === "حمل ونقل"),
      ["حمل ونقل", 2],
    );
  });
});
