/**
 * `npm run generate -- --count 1000 --output /tmp/corpus`: writes N synthetic releases,
 * valid against the schema, for build measurements. Deterministic: the same count and
 * seed give the same files. Sentences are drawn from the sample releases in content/, so
 * the text is real Persian with its half-spaces and digits.
 */
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { DateTime } from "luxon";
import { findReleaseFiles } from "../src/content.js";
import { jalaliParts, TEHRAN_ZONE, toIsoString } from "../src/dates.js";
import { parseFrontMatter } from "../src/frontmatter.js";

const { values } = parseArgs({
  options: {
    count: { type: "string", default: "1000" },
    output: { type: "string", default: ".cache/corpus" },
    seed: { type: "string", default: "1403" },
    samples: { type: "string", default: "content" },
  },
});

/** mulberry32: a small seeded generator, so corpora are reproducible. */
function randomSource(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const COUNTIES = ["تهران", "ری", "شمیرانات", "اسلامشهر", "شهریار", "ملارد", "ورامین", "پاکدشت", "دماوند", "فیروزکوه", "رباط‌کریم", "بهارستان", "قدس", "پردیس", "پیشوا", "قرچک"];
const ORGANIZATIONS = ["استانداری تهران", "فرمانداری شهرستان ری", "بخشداری کهریزک", "شهرداری ملارد", "ستاد مدیریت بحران استان", "اداره کل راه و شهرسازی"];
const TAGS = ["روابط‌عمومی", "نشست", "بازدید", "عمرانی", "مدیریت بحران", "سلامت", "آموزش", "انتخابات", "نوروز", "گردشگری", "محیط زیست", "سرمایه‌گذاری", "افتتاح", "شهرداری", "بخشداری", "فضای مجازی"];

const count = Number(values.count);
if (!Number.isInteger(count) || count < 1) throw new Error("--count must be a positive whole number");
const random = randomSource(Number(values.seed));
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

const sentences: string[] = [];
for (const file of await findReleaseFiles(values.samples)) {
  const { body, data } = parseFrontMatter(await readFile(file, "utf8"));
  if (data.lang === "en") continue;
  for (const paragraph of body.split(/\n\s*\n/)) {
    const text = paragraph.replace(/^[#>*\-\s]+/gm, "").replace(/\[([^\]]*)\]\([^)]*\)/g, "$1").trim();
    if (text.length > 40) sentences.push(...text.split(/(?<=[.!؟])\s+/).filter((sentence) => sentence.length > 20));
  }
}
if (sentences.length === 0) throw new Error(`no sample text found under ${values.samples}`);

await rm(values.output, { recursive: true, force: true });
const start = DateTime.fromISO("2011-03-21T08:00:00", { zone: TEHRAN_ZONE });
const spanMinutes = 15 * 365 * 24 * 60;
for (let index = 0; index < count; index++) {
  const id = 100000 + index;
  const date = start.plus({ minutes: Math.floor((index / count) * spanMinutes + random() * 600) });
  const paragraphs = Array.from({ length: 3 + Math.floor(random() * 6) }, () =>
    Array.from({ length: 2 + Math.floor(random() * 3) }, () => pick(sentences)).join(" "),
  );
  const tags = [...new Set(Array.from({ length: 1 + Math.floor(random() * 3) }, () => pick(TAGS)))];
  const title = pick(sentences).split(/[،:؛.]/)[0]!.slice(0, 90).trim();
  const frontMatter = [
    "---",
    `id: ${id}`,
    `title: ${JSON.stringify(title)}`,
    `date: "${toIsoString(date)}"`,
    `lead: ${JSON.stringify(pick(sentences))}`,
    `county: ${pick(COUNTIES)}`,
    `organization: ${pick(ORGANIZATIONS)}`,
    "tags:",
    ...tags.map((tag) => `  - ${tag}`),
    "---",
  ];
  const folder = path.join(values.output, "releases", String(jalaliParts(date).year));
  await mkdir(folder, { recursive: true });
  await writeFile(path.join(folder, `${id}.md`), `${frontMatter.join("\n")}\n\n${paragraphs.join("\n\n")}\n`);
}
console.log(`Wrote ${count} releases to ${values.output}/releases/.`);
