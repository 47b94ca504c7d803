/**
 * `npm run generate -- --count 1000 --output /tmp/corpus`: writes N synthetic releases,
 * valid against the schema, for build measurements (src/bench/corpus.ts says how they are made).
 * Deterministic: the same count, seed and word list give the same files.
 *
 * The vocabulary is Debian's myspell-fa dictionary (`apt-get install myspell-fa`); without
 * it the sentences of the sample releases in content/ are used, with a warning, and the
 * corpus is still valid but poorer in words (its search index is smaller than the real one).
 * --dictionary <file.dic> names another hunspell word list; --sample-words takes the sample
 * releases' words even where the dictionary is installed, so that the corpus is the same on
 * every machine (the tests' archives). The word list changes only the words: the releases' ids,
 * dates, counties and lengths come from the seed alone.
 */
import { existsSync } from "node:fs";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { findReleaseFiles } from "../src/content/load.js";
import { DICTIONARY_PATHS, generateCorpus, parseDictionary } from "../src/bench/corpus.js";
import { jalaliParts } from "../src/persian/dates.js";
import { parseFrontMatter } from "../src/content/front-matter.js";

const { values } = parseArgs({
  options: {
    count: { type: "string", default: "1000" },
    output: { type: "string", default: ".cache/corpus" },
    seed: { type: "string", default: "1403" },
    samples: { type: "string", default: "content" },
    dictionary: { type: "string" },
    "sample-words": { type: "boolean", default: false },
  },
});

const count = Number(values.count);
if (!Number.isInteger(count) || count < 1) throw new Error("--count must be a positive whole number");

const sentences: string[] = [];
for (const file of await findReleaseFiles(values.samples)) {
  const { body, data } = parseFrontMatter(await readFile(file, "utf8"));
  if (data.lang === "en") continue;
  for (const paragraph of body.split(/\n\s*\n/)) {
    const text = paragraph.replace(/^[#>*\-\s]+/gm, "").replace(/\[([^\]]*)\]\([^)]*\)/g, "$1").replace(/[*_]/g, "").trim();
    if (text.length > 40) sentences.push(...text.split(/(?<=[.!؟])\s+/).filter((sentence) => sentence.length > 20));
  }
}

if (values.dictionary && values["sample-words"]) throw new Error("--dictionary and --sample-words exclude each other");
const dictionary = values["sample-words"] ? undefined : (values.dictionary ?? DICTIONARY_PATHS.find((file) => existsSync(file)));
const words = dictionary ? parseDictionary(await readFile(dictionary, "utf8")) : [];
if (values.dictionary && words.length === 0) throw new Error(`${values.dictionary} holds no Persian words`);
if (!dictionary && !values["sample-words"]) console.warn("The myspell-fa dictionary is not installed (apt-get install myspell-fa): using the sample releases' words.");
if (words.length === 0 && sentences.length === 0) throw new Error(`no vocabulary: install myspell-fa, or put releases under ${values.samples}`);

await rm(values.output, { recursive: true, force: true });
const folders = new Set<string>();
let bytes = 0;
for (const release of generateCorpus({ count, seed: Number(values.seed), words, sentences })) {
  const folder = path.join(values.output, "releases", String(jalaliParts(release.date).year));
  if (!folders.has(folder)) await mkdir(folder, { recursive: true });
  folders.add(folder);
  await writeFile(path.join(folder, `${release.id}.md`), release.text);
  bytes += Buffer.byteLength(release.text);
}
console.log(
  `Wrote ${count} releases (${(bytes / count / 1024).toFixed(1)} KB each on average; words: ${dictionary ?? "sample releases"}) to ${values.output}/releases/.`,
);
