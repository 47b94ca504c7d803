/**
 * Unit tests for src/search/shard-lexicon.ts: the vocabulary filter, the shards' lexicon sums,
 * and the archive's lexicon kept build after build (its sums worked out from the last build's
 * equal those worked out afresh).
 */
import { describe, test, after } from "node:test";
import assert from "node:assert/strict";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { ArchiveLexicon, shardLexiconSum, storeVocabularyFilter, VocabularyFilter, type LexiconShard } from "../../../src/search/shard-lexicon.js";
import { compoundsTaught } from "../../../src/persian/lexicon.js";
import { IndexTextEncoder } from "../../../src/search/text.js";

const created: string[] = [];
after(async () => {
  for (const dir of created) await rm(dir, { recursive: true, force: true });
});

describe("VocabularyFilter", () => {
  const words = new Set(Array.from({ length: 20_000 }, (_, index) => `واژه${index}`));
  const filter = VocabularyFilter.of(words);

  test("has every word it was made of, also once stored and read back", () => {
    const again = VocabularyFilter.fromBytes(Uint8Array.from(filter.bytes));
    for (const word of words) assert.ok(filter.has(word) && again.has(word), word);
  });

  test("says yes to fewer than one word in 5,000 it lacks", () => {
    let wrong = 0;
    for (let index = 0; index < 100_000; index++) if (filter.has(`دیگر${index}`)) wrong++;
    assert.ok(wrong < 20, `${wrong} false positives in 100,000`);
  });
});

describe("the shards' lexicon sums", () => {
  const vocabularyOf = (...texts: string[]) => {
    const vocabulary = new Set<string>();
    const encoder = new IndexTextEncoder();
    for (const text of texts) encoder.addVocabulary(text, vocabulary);
    return VocabularyFilter.of(vocabulary);
  };
  const filter = vocabularyOf("روابط عمومی استان و آب رسانی روستاها");

  test("count only the entries the shard meets, in any order", () => {
    const met: Array<[string, number]> = [["روابط عمومی", 1], ["اب رسانی", 2]];
    const others: Array<[string, number]> = [["تجربه نگاری", 2], ["واژه نوساخت", 1]];
    assert.equal(shardLexiconSum(filter, [...met, ...others]), shardLexiconSum(filter, [...others].reverse().concat(met.reverse())));
    assert.equal(shardLexiconSum(filter, [...met, ...others]), shardLexiconSum(filter, met));
    assert.notEqual(shardLexiconSum(filter, met), shardLexiconSum(filter, [["روابط عمومی", 2], ["اب رسانی", 2]]));
  });
});

describe("ArchiveLexicon kept build after build", () => {
  const release = (text: string) => ({ compounds: compoundsTaught(text).join("\n") });
  const shard = (contentKey: string, ...texts: string[]): LexiconShard => ({ contentKey, releases: texts.map(release) });
  const texts: Record<string, string[]> = {
    a: ["روابط‌عمومی استانداری", "آب رسانی روستاها"],
    b: ["روابط عمومی شهرداری", "دانش بنیان"],
    c: ["دانش‌بنیان و دانش‌بنیان", "آب‌رسانی"],
  };

  test("a build's sums, worked out from the last build's, are those worked out afresh", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "akhbar-unit-shard-lexicon-"));
    created.push(dir);
    const encoder = new IndexTextEncoder();
    const filterOf = (key: string) => {
      const vocabulary = new Set<string>();
      for (const text of texts[key[0]!]!) encoder.addVocabulary(text, vocabulary);
      return VocabularyFilter.of(vocabulary);
    };
    const index = async (lexicon: ArchiveLexicon, keys: string[]) => {
      for (const key of keys) {
        if (lexicon.keyOf(key) !== undefined) continue;
        const filter = filterOf(key);
        await storeVocabularyFilter(dir, key, filter);
        lexicon.indexed(key, shardLexiconSum(filter, lexicon.entries()));
      }
      await lexicon.save(true);
    };
    // First build: a and b; then c is added; then a is gone.
    const first = await ArchiveLexicon.load(dir, "production", [shard("a1", ...texts.a!), shard("b1", ...texts.b!)]);
    await index(first, ["a1", "b1"]);
    const second = await ArchiveLexicon.load(dir, "production", [shard("a1", ...texts.a!), shard("b1", ...texts.b!), shard("c1", ...texts.c!)]);
    // c teaches «دانش‌بنیان», which b writes spaced: b's key changes without b being read.
    assert.notEqual(second.keyOf("b1"), first.keyOf("b1"));
    assert.equal(second.keyOf("c1"), undefined);
    await index(second, ["c1"]);
    const third = await ArchiveLexicon.load(dir, "production", [shard("b1", ...texts.b!), shard("c1", ...texts.c!)]);
    const fresh = await ArchiveLexicon.load(await mkdtemp(path.join(tmpdir(), "akhbar-unit-shard-lexicon-")), "production", [shard("b1", ...texts.b!), shard("c1", ...texts.c!)]);
    for (const key of ["b1", "c1"]) {
      const filter = filterOf(key);
      assert.equal(third.keyOf(key), (await keyWith(fresh, key, filter)), key);
    }
    assert.deepEqual(third.entries().sort(), fresh.entries().sort());
  });
});

/** A shard's key in a lexicon that had it indexed with this filter. */
async function keyWith(lexicon: ArchiveLexicon, contentKey: string, filter: VocabularyFilter): Promise<string | undefined> {
  lexicon.indexed(contentKey, shardLexiconSum(filter, lexicon.entries()));
  return lexicon.keyOf(contentKey);
}
