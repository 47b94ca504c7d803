/**
 * Unit tests for src/search/shard-index.ts's `ShardTexts`: a search worker keeps its encoders from
 * one shard's job to the next, and each shard's documents are still the ones a fresh reading
 * with the shard's own part of the lexicon gives.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { DateTime } from "luxon";
import { releaseUrl } from "../../../src/content/release.js";
import { CompoundLexicon } from "../../../src/persian/lexicon.js";
import { createMarkdown } from "../../../src/render/markdown.js";
import { markdownBlocks, releaseTexts, type SearchRelease } from "../../../src/search/document.js";
import { shardDocuments, shardVocabulary, ShardTexts, type IndexedRelease, type ShardJob } from "../../../src/search/shard-index.js";

const parser = createMarkdown();

function indexed(id: number, title: string, body: string): IndexedRelease {
  const release: SearchRelease = { id, url: releaseUrl(id), lang: "fa", title, tags: ["نشست"], date: DateTime.fromISO("2024-05-12T10:00:00+03:30"), type: "news" };
  return { release, blocks: markdownBlocks(body, parser) };
}

// The first shard writes the compounds with a half-space; the second writes them spaced and
// joined, and words of the first again (which a kept encoder has already worked out).
const SHARDS: IndexedRelease[][] = [
  [
    indexed(1, "نشست روابط‌عمومی استان", "کارگاه تجربه‌نگاری برای روابط‌عمومی‌ها برگزار شد.\n\nروابط‌عمومی استان"),
    indexed(2, "بهره‌برداری از طرح", "طرح با حضور مسئولان به بهره‌برداری رسید و بهره‌برداری ادامه دارد."),
  ],
  [
    indexed(3, "روابط عمومی و تجربه نگاری", "مسئول روابط عمومی گفت روابطعمومی استان بهره برداری را پیگیری می کند."),
    indexed(4, "نشست روابط‌عمومی استان", "کارگاه تجربه‌نگاری برای روابط‌عمومی‌ها برگزار شد."),
  ],
];

const EMPTY = new CompoundLexicon();
const lexicon = (() => {
  const learnt = new CompoundLexicon();
  for (const shard of SHARDS) for (const { release, blocks } of shard) for (const text of releaseTexts(release, blocks)) learnt.learn(text);
  return learnt.entries();
})();

const job = (shard: number, entries: Array<[string, number]>, lexiconKey?: string): ShardJob => ({
  shard: `shard-${shard}`,
  releases: [],
  target: "",
  lexicon: entries,
  ...(lexiconKey === undefined ? {} : { lexiconKey }),
});

/** A shard's documents as a job reads them with `texts`. */
function documentsOf(texts: ShardTexts, shard: number, entries: Array<[string, number]>, lexiconKey?: string) {
  const encoders = texts.encoders(job(shard, entries, lexiconKey));
  const vocabulary = shardVocabulary(SHARDS[shard]!, encoders.vocabulary);
  return { vocabulary, documents: shardDocuments(SHARDS[shard]!, encoders.documents(vocabulary)) };
}

test("encoders kept from job to job give each shard the documents and vocabulary of a fresh reading", () => {
  const kept = new ShardTexts();
  for (const round of [0, 1]) {
    for (const shard of [0, 1]) {
      const fresh = documentsOf(new ShardTexts(), shard, lexicon);
      const again = documentsOf(kept, shard, lexicon, "the archive's");
      assert.deepEqual(again.documents, fresh.documents, `shard ${shard}, round ${round}`);
      assert.deepEqual([...again.vocabulary].sort(), [...fresh.vocabulary].sort(), `shard ${shard}, round ${round}`);
    }
  }
  // The spaced compound was read as one: the lexicon was used, not only kept.
  assert.match(documentsOf(kept, 1, lexicon, "the archive's").documents[0]!.content, /روابط~عمومی/);
});

test("a job with another lexicon is read with its own, not with the encoders kept for the one before", () => {
  const kept = new ShardTexts();
  documentsOf(kept, 1, lexicon, "the archive's");
  const other = documentsOf(kept, 1, EMPTY.entries(), "an empty one");
  assert.deepEqual(other.documents, documentsOf(new ShardTexts(), 1, EMPTY.entries()).documents);
  assert.doesNotMatch(other.documents[0]!.content, /روابط~عمومی/);
});
