/** Unit tests for src/bench/corpus.ts (the synthetic archive generator) and src/bench/process-tree.ts. */
import { test, describe } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { DateTime } from "luxon";
import { generateCorpus, parseDictionary, randomSource, releaseDates, shuffled, WeightedPicker, zipfWeights } from "../../../src/bench/corpus.js";
import { readReleaseFile } from "../../../src/content/load.js";
import { TEHRAN_ZONE } from "../../../src/persian/dates.js";
import { parseTimes } from "../../../src/bench/process-tree.js";

const WORDS = ["آب", "آباد", "کتاب", "کتابخانه", "روستا", "شهرداری", "نشست", "بازدید", "خیابان", "مدرسه"];
const SENTENCES = ["نشست شورای اداری شهرستان با حضور فرماندار برگزار شد.", "عملیات اجرایی پروژه آغاز شد و تا پایان سال ادامه دارد."];
const NOW = DateTime.fromISO("2030-01-01T00:00:00", { zone: TEHRAN_ZONE });

const hashOf = (options: Parameters<typeof generateCorpus>[0]) => {
  const hash = createHash("sha256");
  for (const release of generateCorpus(options)) hash.update(release.text);
  return hash.digest("hex");
};

describe("parseDictionary", () => {
  const cases: Array<{ name: string; text: string; expected: string[] }> = [
    { name: "skips the count line and affix flags", text: "3\nآب/A\nکتاب\nروستا/BC\n", expected: ["آب", "کتاب", "روستا"] },
    { name: "keeps half-spaces inside words", text: "1\nمی‌شود\n", expected: ["می‌شود"] },
    { name: "drops Latin words, digits and single letters", text: "4\nabc\nب\n۱۲۳\nشهر\n", expected: ["شهر"] },
  ];
  for (const { name, text, expected } of cases) test(name, () => assert.deepEqual(parseDictionary(text), expected));
});

describe("random helpers", () => {
  test("the same seed gives the same sequence, another seed another", () => {
    const a = randomSource(7);
    const b = randomSource(7);
    const c = randomSource(8);
    const first = [a(), a(), a()];
    assert.deepEqual([b(), b(), b()], first);
    assert.notDeepEqual([c(), c(), c()], first);
  });

  test("zipfWeights are 1/rank^s", () => assert.deepEqual(zipfWeights(4, 1), [1, 1 / 2, 1 / 3, 1 / 4]));

  test("WeightedPicker never picks an item of weight zero and follows the weights", () => {
    const picker = new WeightedPicker(["a", "b", "c"], [3, 0, 1]);
    const random = randomSource(1);
    const counts = { a: 0, b: 0, c: 0 };
    for (let i = 0; i < 4000; i++) counts[picker.pick(random) as "a" | "b" | "c"]++;
    assert.equal(counts.b, 0);
    assert.ok(counts.a > 2 * counts.c, `a ${counts.a} should be about 3 × c ${counts.c}`);
  });

  test("shuffled keeps every item", () => assert.deepEqual(shuffled(WORDS, randomSource(3)).sort(), [...WORDS].sort()));
});

describe("releaseDates", () => {
  const start = DateTime.fromISO("2011-03-21T00:00:00", { zone: TEHRAN_ZONE });
  const dates = releaseDates(3000, randomSource(5), start, 15);

  test("sorted, and within the 15 years", () => {
    for (let i = 1; i < dates.length; i++) assert.ok(dates[i]!.toMillis() >= dates[i - 1]!.toMillis());
    assert.ok(dates[0]! >= start);
    assert.ok(dates.at(-1)! < start.plus({ years: 15, days: 1 }));
  });

  test("the office publishes more in later years, and little on Fridays", () => {
    const firstYear = dates.filter((date) => date < start.plus({ years: 1 })).length;
    const lastYear = dates.filter((date) => date >= start.plus({ years: 14 })).length;
    assert.ok(lastYear > 2 * firstYear, `last year ${lastYear} vs first year ${firstYear}`);
    const fridays = dates.filter((date) => date.weekday === 5).length;
    assert.ok(fridays < dates.length / 30, `${fridays} Friday releases of ${dates.length}`);
  });
});

describe("generateCorpus", () => {
  const options = { count: 200, seed: 1403, words: WORDS, sentences: SENTENCES };
  const releases = [...generateCorpus(options)];

  test("deterministic: the same options give the same files; another seed others", () => {
    assert.equal(hashOf(options), hashOf(options));
    assert.notEqual(hashOf({ ...options, seed: 1404 }), hashOf(options));
  });

  test("every release is valid against the schema, with increasing ids", () => {
    for (const [index, release] of releases.entries()) {
      const result = readReleaseFile(`corpus/${release.id}.md`, release.text, NOW);
      assert.deepEqual(result.problems, [], release.text.slice(0, 400));
      assert.equal(result.release!.id, 135000 + index);
    }
  });

  test("bodies average close to 8 KB, as the real archive's", () => {
    const average = releases.reduce((sum, release) => sum + Buffer.byteLength(release.text), 0) / releases.length;
    assert.ok(average > 6000 && average < 12000, `average ${average} bytes`);
  });

  test("the word list changes the words only: ids, dates, counties, organizations, leads and sources stay", () => {
    // Every front-matter line but the title, the lead's text and the tags (some tags are made of words).
    const shapeOf = (text: string) =>
      text
        .split("---\n")[1]!
        .split("\n")
        .filter((line) => /^(id|date|county|organization|source):/.test(line) || line.startsWith("lead:"))
        .map((line) => (line.startsWith("lead:") ? "lead" : line));
    const withSamples = [...generateCorpus({ ...options, words: [] })];
    assert.deepEqual(
      withSamples.map((release) => shapeOf(release.text)),
      releases.map((release) => shapeOf(release.text)),
    );
    assert.notEqual(withSamples[0]!.text, releases[0]!.text);
  });

  test("without dictionary words the sample sentences' words are used", () => {
    const [first] = [...generateCorpus({ ...options, count: 1, words: [] })];
    const body = first!.text.split("---\n")[2]!;
    const persianWords = (text: string) => text.match(/[\u0621-\u06CC\u200C]+/g) ?? [];
    const sampleWords = new Set(persianWords(SENTENCES.join(" ")));
    const bodyWords = persianWords(body);
    assert.ok(bodyWords.length > 100);
    for (const word of bodyWords) assert.ok(sampleWords.has(word), `${word} is not from the samples`);
  });
});

describe("parseTimes", () => {
  const cases = [
    { text: "0m0.010s 0m0.002s\n1m2.500s 0m3.250s\n", expected: 65.75 },
    { text: "0m0.000s 0m0.000s\n0m0.125s 0m0.000s", expected: 0.125 },
  ];
  for (const { text, expected } of cases) test(`reads the children's line of ${JSON.stringify(text)}`, () => assert.equal(parseTimes(text), expected));
});
