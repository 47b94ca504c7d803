/**
 * Synthetic archives for measurements: N releases, valid against the schema, whose shape
 * follows the real archive closely enough that a build of them costs what the real one
 * would. Pure functions over seeded random sources: the same seed and count give the same
 * files, byte for byte, on every machine that has the same word list, and the same archive
 * (ids, dates, counties, organizations, number of tags, body lengths) whatever the word list:
 * its shape and its words are drawn from two separate streams.
 *
 * The words come from Debian's myspell-fa dictionary (330,000 Persian word forms) when it
 * is installed, drawn with a Zipf distribution (a few words very often, most words rarely,
 * as in any text) and mixed with the common function words that a dictionary lists only
 * once. Without the dictionary the sentences of the sample releases are used instead, so
 * the generator runs on any machine; the search index then holds far fewer distinct words.
 */
import { DateTime } from "luxon";
import { COUNTIES as counties } from "../content/counties.js";
import { TEHRAN_ZONE, toIsoString } from "../persian/dates.js";

/** Where Debian installs the dictionary (`apt-get install myspell-fa`). */
export const DICTIONARY_PATHS = ["/usr/share/hunspell/fa_IR.dic", "/usr/share/myspell/dicts/fa_IR.dic", "/usr/share/hunspell/fa.dic"];

/** Changes whenever the same options give other files: a corpus kept from an older generator is made again (scripts/bench.ts). */
export const GENERATOR_VERSION = 2;

export type Random = () => number;

/** mulberry32: a small seeded generator, so corpora are reproducible. */
export function randomSource(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Picks from weighted items by binary search over the cumulative weights. */
export class WeightedPicker<T> {
  private readonly cumulative: number[] = [];
  private readonly total: number;

  constructor(
    private readonly items: readonly T[],
    weights: readonly number[],
  ) {
    if (items.length === 0 || items.length !== weights.length) throw new Error("WeightedPicker needs one weight per item, and items");
    let sum = 0;
    for (const weight of weights) this.cumulative.push((sum += weight));
    this.total = sum;
  }

  pick(random: Random): T {
    const target = random() * this.total;
    let low = 0;
    let high = this.cumulative.length - 1;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.cumulative[middle]! > target) high = middle;
      else low = middle + 1;
    }
    return this.items[low]!;
  }
}

/** Zipf weights 1/rank^s: rank 1 is the most frequent. */
export function zipfWeights(count: number, exponent = 1): number[] {
  return Array.from({ length: count }, (_, rank) => 1 / (rank + 1) ** exponent);
}

/** A deterministic shuffle (Fisher–Yates), so a word's frequency rank does not follow the alphabet. */
export function shuffled<T>(items: readonly T[], random: Random): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

const PERSIAN_WORD = /^[\u0621-\u064A\u067E\u0686\u0698\u06A9\u06AF\u06CC\u200C]{2,14}$/u;

/** The words of a hunspell .dic file: the first line is the count, affix flags follow a slash. */
export function parseDictionary(text: string): string[] {
  const words: string[] = [];
  for (const line of text.split("\n").slice(1)) {
    const word = line.split("/")[0]!.trim();
    if (PERSIAN_WORD.test(word)) words.push(word);
  }
  return words;
}

/** The words any Persian news text is mostly made of; a dictionary lists each once. */
export const FUNCTION_WORDS = [
  "و", "در", "به", "از", "که", "این", "را", "با", "برای", "آن", "است", "شد", "می‌شود", "کرد", "های", "شهرستان",
  "استان", "تهران", "گفت", "داد", "بر", "تا", "نیز", "یک", "پروژه", "مردم", "طرح", "سال", "خدمات", "مدیریت", "جلسه",
  "توسعه", "اجرای", "همچنین", "بخش", "شهر", "روستا", "اعتبار", "میلیارد", "ریال", "پیشرفت", "فرماندار", "استاندار",
];

/** Subjects with their weights: a few frequent tags and a long tail, as in the old website's archive. */
export const COMMON_TAGS = [
  "روابط‌عمومی", "نشست", "بازدید", "عمرانی", "مدیریت بحران", "سلامت", "آموزش", "انتخابات", "نوروز", "گردشگری",
  "محیط زیست", "سرمایه‌گذاری", "افتتاح", "شهرداری", "بخشداری", "فضای مجازی", "کشاورزی", "آب", "برق", "گاز",
  "راه", "مسکن", "اشتغال", "ورزش", "فرهنگ", "امنیت", "ترافیک", "آلودگی هوا", "سیل", "زلزله", "کرونا", "مدارس",
  "بهداشت", "تولید", "صنعت", "معدن", "بازار", "تنظیم بازار", "قیمت", "حمل و نقل", "مترو", "بزرگراه", "پل",
  "روستایی", "عشایر", "زنان", "جوانان", "خیرین", "بهزیستی", "کمیته امداد", "هفته دولت", "دهه فجر", "محرم",
  "اربعین", "مشارکت", "شورای اداری", "شورای شهر", "سفر استانی", "جهاد سازندگی",
];

export const ORGANIZATION_KINDS = ["فرمانداری شهرستان", "شهرداری", "اداره آموزش و پرورش", "شبکه بهداشت و درمان", "اداره جهاد کشاورزی"];
export const PROVINCE_ORGANIZATIONS = [
  "استانداری تهران", "ستاد مدیریت بحران استان", "اداره کل راه و شهرسازی", "اداره کل میراث فرهنگی",
  "سازمان مدیریت و برنامه‌ریزی استان", "شورای هماهنگی روابط‌عمومی‌ها", "اداره کل حفاظت محیط زیست",
  "شرکت آب منطقه‌ای تهران", "اداره کل ورزش و جوانان", "اداره کل بهزیستی",
];

export interface CorpusOptions {
  count: number;
  seed: number;
  /** Dictionary words; empty when the dictionary is not installed. */
  words: readonly string[];
  /** Whole sentences from the sample releases: the fallback vocabulary, and an occasional real sentence. */
  sentences: readonly string[];
  /** The first release's date; the archive spans `years` from it. */
  start?: DateTime;
  years?: number;
  firstId?: number;
}

export interface GeneratedRelease {
  id: number;
  date: DateTime;
  /** The file's text: front matter and Markdown body. */
  text: string;
}

/**
 * Everything that is drawn once per corpus: who, where and which words. Its own draws, and the
 * words and sentences it gives, come from the words' stream (`random`); the caller picks counties,
 * organizations and tags with the shape's stream.
 */
class Vocabulary {
  readonly word: () => string;
  readonly county: WeightedPicker<string | undefined>;
  readonly organization: WeightedPicker<string>;
  readonly tag: WeightedPicker<string>;

  constructor(
    private readonly random: Random,
    words: readonly string[],
    readonly sentences: readonly string[],
  ) {
    if (words.length > 0) {
      const ranked = shuffled(words, random);
      const dictionary = new WeightedPicker(ranked, zipfWeights(ranked.length, 0.9));
      const common = new WeightedPicker(FUNCTION_WORDS, zipfWeights(FUNCTION_WORDS.length, 0.8));
      // About two words in five are function words, as in Persian prose.
      this.word = () => (random() < 0.4 ? common.pick(random) : dictionary.pick(random));
    } else {
      const sampleWords = sentences.flatMap((sentence) => sentence.split(/\s+/)).filter((word) => word.length > 0);
      if (sampleWords.length === 0) throw new Error("no vocabulary: install myspell-fa or give sample releases");
      this.word = () => sampleWords[Math.floor(random() * sampleWords.length)]!;
    }
    // Tehran's own county has most of the news; about one release in ten names no county.
    const countyNames: Array<string | undefined> = [...counties.map((county) => county.name), undefined];
    this.county = new WeightedPicker(countyNames, [...zipfWeights(counties.length, 1.1), 0.35]);
    const organizations = [
      ...PROVINCE_ORGANIZATIONS,
      ...counties.flatMap((county) => ORGANIZATION_KINDS.map((kind) => `${kind} ${county.name}`)),
    ];
    this.organization = new WeightedPicker(organizations, zipfWeights(organizations.length, 1));
    // The long tail: 400 rarer subjects made of dictionary (or sample) words.
    const tail = Array.from({ length: 400 }, () => `${this.word()} ${this.word()}`.replace(/\s+/g, " ").slice(0, 40).trim());
    const tags = [...new Set([...COMMON_TAGS, ...tail])];
    this.tag = new WeightedPicker(tags, zipfWeights(tags.length, 1));
  }

  sentence(minWords: number, maxWords: number): string {
    if (this.sentences.length > 0 && this.random() < 0.1) return this.sentences[Math.floor(this.random() * this.sentences.length)]!;
    const length = minWords + Math.floor(this.random() * (maxWords - minWords + 1));
    const words = Array.from({ length }, () => this.word());
    // A comma now and then, as Persian writers use «،».
    if (length > 10) words[Math.floor(length / 2)] += "،";
    return `${words.join(" ")}.`;
  }
}

/** Standard normal by Box–Muller. */
function normal(random: Random): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

/**
 * Release dates over `years`: the office published more each year (weight grows linearly
 * from 1 to 3), on working days (Friday rarely, Thursday less), in office hours, and little
 * over the Nowruz holidays. Sorted, so news codes grow with dates as on the old website.
 */
export function releaseDates(count: number, random: Random, start: DateTime, years: number): DateTime[] {
  const days = Math.round(years * 365.2425);
  const dayWeights = Array.from({ length: days }, (_, day) => {
    const date = start.plus({ days: day });
    const growth = 1 + (2 * day) / days;
    const weekday = date.weekday === 5 ? 0.1 : date.weekday === 4 ? 0.5 : 1; // luxon: 5 = Friday
    const nowruz = date.month === 3 && date.day >= 21 ? 0.25 : date.month === 4 && date.day <= 3 ? 0.25 : 1;
    return growth * weekday * nowruz;
  });
  const dayPicker = new WeightedPicker(Array.from({ length: days }, (_, day) => day), dayWeights);
  const minutes: number[] = [];
  for (let i = 0; i < count; i++) {
    const hour = Math.min(22, Math.max(7, 12 + 2.5 * normal(random)));
    minutes.push(dayPicker.pick(random) * 1440 + Math.floor(hour * 60));
  }
  minutes.sort((a, b) => a - b);
  return minutes.map((minute) => start.startOf("day").plus({ minutes: minute }));
}

/** Body length in bytes: log-normal around 6.3 KB, mean near 8 KB (9 KB with front matter), from a short note to a long report. */
function bodyBytes(random: Random): number {
  return Math.round(Math.min(60000, Math.max(900, 6300 * Math.exp(0.7 * normal(random)))));
}

/** A body of about `target` bytes: how many blocks that takes depends on the words, so every draw here is from the words' stream. */
function body(vocabulary: Vocabulary, random: Random, id: number, firstId: number, target: number): string {
  const blocks: string[] = [];
  let size = 0;
  while (size < target) {
    let block: string;
    const kind = random();
    if (kind < 0.06 && blocks.length > 0) block = `## ${vocabulary.sentence(3, 7).slice(0, -1)}`;
    else if (kind < 0.1) block = Array.from({ length: 2 + Math.floor(random() * 4) }, () => `- ${vocabulary.sentence(4, 12)}`).join("\n");
    else if (kind < 0.13) block = `> ${vocabulary.sentence(10, 25)}`;
    else {
      const sentences = Array.from({ length: 2 + Math.floor(random() * 4) }, () => vocabulary.sentence(8, 26));
      if (random() < 0.15) sentences[0] = `**${sentences[0]!.slice(0, -1)}**.`;
      if (random() < 0.05 && id > firstId) {
        const earlier = firstId + Math.floor(random() * (id - firstId));
        sentences.push(`[${vocabulary.sentence(3, 6).slice(0, -1)}](/news/${earlier}/).`);
      }
      block = sentences.join(" ");
    }
    blocks.push(block);
    size += Buffer.byteLength(block) + 2;
  }
  return blocks.join("\n\n");
}

const yamlString = (text: string) => JSON.stringify(text);

/** The corpus, one release at a time (a 150,000-release corpus is never held in memory). */
export function* generateCorpus(options: CorpusOptions): Generator<GeneratedRelease> {
  // Two streams. A word costs a dictionary two draws and the sample sentences one, so anything
  // drawn after words from one stream would change with the word list: the archive's shape (dates,
  // counties, organizations, tags, lengths) has a stream of its own, seeded by `seed`, and the
  // words theirs, seeded by the shape's first draw.
  const shape = randomSource(options.seed);
  const wording = randomSource(Math.floor(shape() * 2 ** 32));
  const vocabulary = new Vocabulary(wording, options.words, options.sentences);
  const start = options.start ?? DateTime.fromISO("2011-03-21T00:00:00", { zone: TEHRAN_ZONE });
  const firstId = options.firstId ?? 135000;
  const dates = releaseDates(options.count, shape, start, options.years ?? 15);
  for (const [index, date] of dates.entries()) {
    const id = firstId + index;
    const county = vocabulary.county.pick(shape);
    const tags = [...new Set(Array.from({ length: 1 + Math.floor(shape() * shape() * 5) }, () => vocabulary.tag.pick(shape)))];
    const hasLead = shape() < 0.85;
    const organization = vocabulary.organization.pick(shape);
    const hasSource = shape() < 0.7;
    const target = bodyBytes(shape);
    const frontMatter = [
      "---",
      `id: ${id}`,
      `title: ${yamlString(vocabulary.sentence(6, 14).slice(0, -1).slice(0, 120).trim())}`,
      `date: "${toIsoString(date)}"`,
      ...(hasLead ? [`lead: ${yamlString(vocabulary.sentence(12, 30))}`] : []),
      ...(county ? [`county: ${county}`] : []),
      `organization: ${yamlString(organization)}`,
      "tags:",
      ...tags.map((tag) => `  - ${yamlString(tag)}`),
      ...(hasSource ? [`source: https://ostan-th.ir/News/${id}/`] : []),
      "---",
    ];
    yield { id, date, text: `${frontMatter.join("\n")}\n\n${body(vocabulary, wording, id, firstId, target)}\n` };
  }
}
