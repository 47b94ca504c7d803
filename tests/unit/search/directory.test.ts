/**
 * Unit tests for src/search/directory.ts, the search directory's format, which the build writes
 * and the search page reads: page sets as text (round trips, and which form each takes), the
 * files that keep a key (groups, nodes, split prefixes), and what the page makes of them (a
 * term's pages as the union over the keys it begins, a filter key's exactly, several terms'
 * intersection).
 */
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import {
  countPages,
  decodePages,
  encodePages,
  fileForTerm,
  filterKey,
  groupFile,
  groupOf,
  intersectPages,
  isExactGroup,
  nodeFile,
  readSplit,
  termPages,
  writeSplit,
  type DirectoryFile,
} from "../../../src/search/directory.js";

/** The page numbers a bitmap holds, ascending. */
function pagesOf(bits: Uint8Array, pageCount: number): number[] {
  const pages: number[] = [];
  for (let page = 0; page < pageCount; page++) if (bits[page >> 3]! & (1 << (page & 7))) pages.push(page);
  return pages;
}

/** A bitmap of `pageCount` bits holding `pages`. */
function bitmap(pageCount: number, ...pages: number[]): Uint8Array {
  const bits = new Uint8Array(Math.ceil(pageCount / 8));
  for (const page of pages) bits[page >> 3]! |= 1 << (page & 7);
  return bits;
}

const range = (from: number, to: number, step = 1) => Array.from({ length: Math.ceil((to - from) / step) }, (_, index) => from + index * step);

describe("encodePages and decodePages: a page set as text and back", () => {
  const rows: Array<{ name: string; pages: number[]; pageCount: number; form: "all" | "list" | "lacking" | "bitmap" | "empty" }> = [
    { name: "no page", pages: [], pageCount: 20, form: "empty" },
    { name: "every page: «*»", pages: range(0, 20), pageCount: 20, form: "all" },
    { name: "every page of one", pages: [0], pageCount: 1, form: "all" },
    { name: "a sparse set: a list of gaps", pages: [0, 4, 15], pageCount: 40, form: "list" },
    { name: "a sparse set with gaps over 35 (two base-36 digits)", pages: [3, 100, 700], pageCount: 750, form: "list" },
    { name: "a dense set: a bitmap", pages: range(0, 40).filter((page) => page % 3 !== 0), pageCount: 40, form: "bitmap" },
    { name: "every page but one: the list of those it lacks", pages: range(1, 20), pageCount: 20, form: "lacking" },
    { name: "1,500 pages but three: the list of those it lacks", pages: range(0, 1_500).filter((page) => ![0, 700, 1_499].includes(page)), pageCount: 1_500, form: "lacking" },
    { name: "a page count not a multiple of 8, its last page set", pages: range(0, 13).filter((page) => page !== 5), pageCount: 13, form: "lacking" },
    { name: "a page count not a multiple of 8, dense, its last page set", pages: [0, 2, 4, 6, 8, 9, 10, 12], pageCount: 13, form: "bitmap" },
    { name: "a page count not a multiple of 8, sparse", pages: [2, 12], pageCount: 13, form: "list" },
    { name: "1,500 pages, one in three", pages: range(0, 1_500, 3), pageCount: 1_500, form: "bitmap" },
    { name: "1,500 pages, a few", pages: [0, 749, 1_499], pageCount: 1_500, form: "list" },
    { name: "1,500 pages, all", pages: range(0, 1_500), pageCount: 1_500, form: "all" },
  ];
  for (const row of rows) {
    test(row.name, () => {
      const encoded = encodePages(row.pages, row.pageCount);
      const form = encoded === "*" ? "all" : encoded === "" ? "empty" : encoded.startsWith("=") ? "bitmap" : encoded.startsWith("!") ? "lacking" : "list";
      assert.equal(form, row.form, `encoded as ${encoded}`);
      const bits = decodePages(encoded, row.pageCount);
      assert.equal(bits.length, Math.ceil(row.pageCount / 8));
      assert.deepEqual(pagesOf(bits, row.pageCount), row.pages);
      assert.equal(countPages(bits), row.pages.length);
    });
  }

  test("the list form is gaps in base 36: pages 0, 4 and 15 are «0,3,a»", () => {
    assert.equal(encodePages([0, 4, 15], 40), "0,3,a");
    assert.deepEqual(pagesOf(decodePages("0,3,a", 40), 40), [0, 4, 15]);
  });

  test("the shortest form is kept: the pages, the pages it lacks, or a bitmap", () => {
    const listOf = (pages: readonly number[]) => pages.map((page, index) => (page - (pages[index - 1] ?? -1) - 1).toString(36)).join(",");
    // «=» and base64url without padding: 4 characters for 3 bytes, one more than the bytes for the rest.
    const bitmapLength = (pageCount: number) => {
      const bytes = Math.ceil(pageCount / 8);
      return 1 + 4 * Math.floor(bytes / 3) + (bytes % 3 === 0 ? 0 : (bytes % 3) + 1);
    };
    const sets: Array<[number[], number]> = [
      [[1, 2, 3], 750],
      [range(0, 64, 2), 750],
      [range(0, 300, 7), 750],
      [[5, 600], 750],
      [range(0, 100, 2), 100],
      [[0, 1, 2, 3, 4, 5, 6, 7, 8], 13],
      [range(0, 750).filter((page) => page % 100 !== 0), 750],
      [range(0, 750).filter((page) => page % 5 !== 0), 750],
      [range(0, 400), 750],
    ];
    for (const [pages, pageCount] of sets) {
      const lacking = range(0, pageCount).filter((page) => !pages.includes(page));
      const shortest = Math.min(listOf(pages).length, 1 + listOf(lacking).length, bitmapLength(pageCount));
      const encoded = encodePages(pages, pageCount);
      assert.equal(encoded.length, shortest, `${pages.length} of ${pageCount} pages: ${encoded}`);
      assert.deepEqual(pagesOf(decodePages(encoded, pageCount), pageCount), pages);
    }
  });

  test("a page past the count is dropped when read, not written past the bitmap", () => {
    assert.deepEqual(pagesOf(decodePages("0,3,a", 10), 10), [0, 4]);
  });
});

describe("countPages", () => {
  const rows: Array<{ name: string; bits: Uint8Array; count: number }> = [
    { name: "empty", bits: new Uint8Array(0), count: 0 },
    { name: "no bit set", bits: new Uint8Array(4), count: 0 },
    { name: "every bit of every byte", bits: new Uint8Array([255, 255, 255]), count: 24 },
    { name: "bits across bytes", bits: bitmap(30, 0, 7, 8, 29), count: 4 },
    { name: "alternate bits", bits: new Uint8Array([0b10101010, 0b01010101]), count: 8 },
  ];
  for (const row of rows) test(row.name, () => assert.equal(countPages(row.bits), row.count));
});

describe("writeSplit and readSplit: the root's split prefixes, front-coded, and back", () => {
  const long = "ا".repeat(40);
  const rows: Array<{ name: string; prefixes: string[] }> = [
    { name: "none", prefixes: [] },
    { name: "one letter", prefixes: ["ا"] },
    { name: "a chain", prefixes: ["ا", "اس", "است", "استا"] },
    { name: "siblings and a new letter", prefixes: ["ب", "بو", "بود", "بوس", "ت", "ت1"] },
    { name: "a filter key's prefixes", prefixes: [filterKey("tag", "x").slice(0, 1), filterKey("tag", "x").slice(0, 4)] },
    { name: "more than 35 letters shared", prefixes: [long, `${long}ب`, `${long}بت`] },
  ];
  for (const row of rows) {
    test(row.name, () => {
      const text = writeSplit(row.prefixes);
      assert.deepEqual([...readSplit(text)], row.prefixes);
    });
  }

  test("shorter than the prefixes one by one", () => {
    const prefixes = ["است", "استا", "استان", "استاند", "استانداری"];
    assert.ok(writeSplit(prefixes).length < prefixes.join(" ").length);
  });
});

describe("groupOf and fileForTerm: the file that holds a key, with split prefixes", () => {
  // «ا» is split, and so are «اس» and «است» under it; «ب» is not.
  const split = new Set(["ا", "اس", "است"]);
  const rows: Array<{ name: string; key: string; group: string; file: string; node: boolean }> = [
    { name: "a key whose first letter is not split: the group of that letter", key: "بودجه", group: "ب", file: groupFile("ب"), node: false },
    { name: "a one-letter key, not split", key: "ب", group: "ب", file: groupFile("ب"), node: false },
    { name: "a key under a split letter: the group of its first prefix that is not split", key: "اداره", group: "اد", file: groupFile("اد"), node: false },
    { name: "a key under two split prefixes", key: "استان", group: "استا", file: groupFile("استا"), node: false },
    { name: "a key under three split prefixes: a group one letter longer", key: "استخدام", group: "استخ", file: groupFile("استخ"), node: false },
    { name: "a term that is itself split: its node, the union of every key under it", key: "اس", group: "اس\u0000", file: nodeFile("اس"), node: true },
    { name: "a one-letter term that is split: its node", key: "ا", group: "ا\u0000", file: nodeFile("ا"), node: true },
  ];
  for (const row of rows) {
    test(row.name, () => {
      if (!row.node) assert.equal(groupOf(row.key, split), row.group);
      assert.deepEqual(fileForTerm(row.key, split), { file: row.file, node: row.node });
    });
  }

  test("a key whose every prefix is split is kept in its exact group, which the page never reads (it reads the node)", () => {
    const group = groupOf("است", split);
    assert.equal(group, "است\u0000");
    assert.ok(isExactGroup(group));
    assert.ok(!isExactGroup(groupOf("استان", split)));
    assert.deepEqual(fileForTerm("است", split), { file: nodeFile("است"), node: true });
  });

  test("with nothing split, every key is in the group of its first letter", () => {
    assert.deepEqual(["استان", "ا", "بودجه"].map((key) => groupOf(key, new Set())), ["ا", "ا", "ب"]);
  });

  test("a filter key is never split: its group is its first unsplit prefix, however long", () => {
    const key = filterKey("county", "ری");
    const filterSplit = new Set([key.slice(0, 1), key.slice(0, 2)]);
    assert.deepEqual(fileForTerm(key, filterSplit), { file: groupFile(key.slice(0, 3)), node: false });
  });

  test("file names: g or n, then each UTF-16 code unit in four hex digits", () => {
    assert.equal(groupFile("ab"), "g00610062.json");
    assert.equal(nodeFile("ا"), "n0627.json");
    assert.equal(groupFile("ب"), "g0628.json");
    // A code point outside the BMP is two code units: still one name per prefix.
    assert.equal(groupFile("😀"), "gd83dde00.json");
  });
});

describe("termPages: a term's pages per shard, from its file", () => {
  const counts = new Map([
    ["1403-01", 10],
    ["1404-01", 20],
  ]);
  const county = filterKey("county", "ری");
  const longerCounty = filterKey("county", "ریگ");
  // Keys sorted, as the build writes them.
  const file: DirectoryFile = [
    [county, [["1403-01", encodePages([1, 4], 10)]]],
    [longerCounty, [["1403-01", encodePages([8], 10)]]],
    ["بود", [["1403-01", encodePages([9], 10)]]],
    [
      "بودجه",
      [
        ["1403-01", encodePages([0, 2], 10)],
        ["1404-01", encodePages([5], 20)],
      ],
    ],
    ["بودجهای", [["1404-01", encodePages([19], 20)]]],
    // A shard the page does not list (another language's listing, or one since removed).
    ["بودجهریزی", [["1399-01", "*"]]],
    ["بودجهها", [["1403-01", encodePages([2, 3], 10)]]],
    ["بودن", [["1404-01", encodePages([7], 20)]]],
  ];
  const rows: Array<{ name: string; term: string; exact?: boolean; pages: Record<string, number[]> }> = [
    {
      name: "the union over every key the term begins, the term itself among them; not the shorter key it begins with",
      term: "بودجه",
      pages: { "1403-01": [0, 2, 3], "1404-01": [5, 19] },
    },
    { name: "a longer term: only the keys that start with it", term: "بودجهه", pages: { "1403-01": [2, 3] } },
    { name: "a short term: every key under it", term: "بود", pages: { "1403-01": [0, 2, 3, 9], "1404-01": [5, 7, 19] } },
    { name: "a term no key starts with: nothing (not Pagefind's shorter word)", term: "بودجهبندی", pages: {} },
    { name: "a filter key, exactly: not the longer value that starts like it", term: county, exact: true, pages: { "1403-01": [1, 4] } },
    { name: "a filter value not in the archive: nothing", term: filterKey("county", "ورامین"), exact: true, pages: {} },
    { name: "exact on a word: that key alone", term: "بودجه", exact: true, pages: { "1403-01": [0, 2], "1404-01": [5] } },
  ];
  for (const row of rows) {
    test(row.name, () => {
      const pages = termPages(file, row.term, counts, row.exact);
      assert.deepEqual(Object.fromEntries([...pages].map(([shard, bits]) => [shard, pagesOf(bits, counts.get(shard)!)])), row.pages);
    });
  }

  test("a node file: its one entry is the term's pages", () => {
    const node: DirectoryFile = [["است", [["1404-01", encodePages(range(0, 20, 2), 20)]]]];
    assert.deepEqual(pagesOf(termPages(node, "است", counts).get("1404-01")!, 20), range(0, 20, 2));
  });

  test("the union does not change the file's own bitmaps", () => {
    const before = JSON.stringify(file);
    termPages(file, "بود", counts);
    termPages(file, "بود", counts);
    assert.equal(JSON.stringify(file), before);
  });
});

describe("intersectPages: every term's pages, per shard", () => {
  const shard = (pageCount: number, ...pages: number[]) => bitmap(pageCount, ...pages);
  const rows: Array<{ name: string; perTerm: Array<Map<string, Uint8Array>>; pages: Record<string, number[]> }> = [
    { name: "no term: nothing", perTerm: [], pages: {} },
    {
      name: "one term: its pages",
      perTerm: [new Map([["a", shard(10, 1, 2)]])],
      pages: { a: [1, 2] },
    },
    {
      name: "two terms: the pages both hold",
      perTerm: [new Map([["a", shard(10, 1, 2, 9)]]), new Map([["a", shard(10, 2, 9, 5)]])],
      pages: { a: [2, 9] },
    },
    {
      name: "a shard missing one term is dropped",
      perTerm: [
        new Map([
          ["a", shard(10, 1)],
          ["b", shard(16, 3, 15)],
        ]),
        new Map([["b", shard(16, 15)]]),
      ],
      pages: { b: [15] },
    },
    {
      name: "a shard whose intersection is empty is dropped",
      perTerm: [
        new Map([
          ["a", shard(10, 1)],
          ["b", shard(16, 3)],
        ]),
        new Map([
          ["a", shard(10, 2)],
          ["b", shard(16, 3, 4)],
        ]),
      ],
      pages: { b: [3] },
    },
    {
      name: "a term found nowhere: nothing anywhere",
      perTerm: [new Map([["a", shard(10, 1)]]), new Map()],
      pages: {},
    },
    {
      name: "three terms, the smallest first or not",
      perTerm: [
        new Map([
          ["a", shard(10, 0, 1, 2, 3)],
          ["b", shard(10, 0)],
        ]),
        new Map([["a", shard(10, 1, 2, 3)]]),
        new Map([
          ["a", shard(10, 3, 2)],
          ["b", shard(10, 0)],
        ]),
      ],
      pages: { a: [2, 3] },
    },
  ];
  for (const row of rows) {
    test(row.name, () => {
      const inputs = row.perTerm.map((map) => JSON.stringify([...map].map(([id, bits]) => [id, [...bits]])));
      const result = intersectPages(row.perTerm);
      assert.deepEqual(Object.fromEntries([...result].map(([id, bits]) => [id, pagesOf(bits, bits.length * 8)])), row.pages);
      // The terms' own bitmaps are left as they were (the page keeps a term's pages for the next search).
      assert.deepEqual(
        row.perTerm.map((map) => JSON.stringify([...map].map(([id, bits]) => [id, [...bits]]))),
        inputs,
      );
    });
  }
});
