/**
 * Unit tests for src/search/pagefind-bundle.ts: Pagefind's bundle put in one order whatever order
 * its hash maps gave, with file names that follow from the content.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { gzipSync } from "node:zlib";
import { canonicalPagefindBundle, readPagefindFile, writePagefindFile, type BundleFile } from "../../../src/search/pagefind-bundle.js";

type Values = Array<[string, number[]]>;

/** A small bundle as Pagefind writes it, with its filters' values and filter list in the given orders. */
function bundle(countyValues: Values, metaFilters: Array<[string, string]>, languages: string[], sorts: Values = [["date", [1, 0]]]): BundleFile[] {
  const entry = Object.fromEntries(languages.map((language) => [language, { hash: `${language}_00000meta`, wasm: null, page_count: 2 }]));
  return [
    { path: "pagefind-entry.json", content: Buffer.from(JSON.stringify({ version: "1.5.2", languages: entry })) },
    { path: "filter/fa_aaaaaaa.pf_filter", content: writePagefindFile(["county", countyValues]) },
    { path: "filter/fa_bbbbbbb.pf_filter", content: writePagefindFile(["year", [["1403", [0, 1]]]]) },
    { path: "pagefind.fa_00000meta.pf_meta", content: writePagefindFile(["1.5.2", [["fa_1111111", 20]], [], metaFilters, sorts, ["title"]]) },
    { path: "fragment/fa_1111111.pf_fragment", content: Buffer.from("fragment") },
  ];
}

const county: Values = [["ری", [1]], ["تهران", [0]], ["شمیرانات", [0, 1]]];
const filters: Array<[string, string]> = [["year", "fa_bbbbbbb"], ["county", "fa_aaaaaaa"]];

test("two bundles that differ only in hash-map order come out byte-identical", () => {
  const rows: Array<[name: string, a: BundleFile[], b: BundleFile[]]> = [
    ["filter values", bundle(county, filters, ["fa"]), bundle([...county].reverse(), filters, ["fa"])],
    ["metadata filter list", bundle(county, filters, ["fa"]), bundle(county, [...filters].reverse(), ["fa"])],
    ["languages", bundle(county, filters, ["fa", "en"]), bundle(county, filters, ["en", "fa"])],
    ["metadata sorts", bundle(county, filters, ["fa"], [["id", [0, 1]], ["date", [1, 0]]]), bundle(county, filters, ["fa"], [["date", [1, 0]], ["id", [0, 1]]])],
  ];
  for (const [name, a, b] of rows) {
    const plain = (files: BundleFile[]) => files.map((file) => [file.path, Buffer.from(file.content).toString("hex")]);
    assert.deepEqual(plain(canonicalPagefindBundle(a)), plain(canonicalPagefindBundle(b)), name);
  }
});

test("the renamed files are named by their content and every reference follows them", () => {
  const files = canonicalPagefindBundle(bundle([...county].reverse(), filters, ["fa"]));
  const paths = files.map((file) => file.path);
  assert.deepEqual(paths, [...paths].sort(), "sorted by path");
  assert.ok(paths.includes("fragment/fa_1111111.pf_fragment"), "other files are kept as they are");
  const filterFiles = files.filter((file) => file.path.startsWith("filter/"));
  assert.equal(filterFiles.length, 2);
  for (const file of filterFiles) assert.match(file.path, /^filter\/fa_[0-9a-f]{7}\.pf_filter$/);
  const countyFile = filterFiles.find((file) => (readPagefindFile(file.content) as [string])[0] === "county")!;
  assert.deepEqual(readPagefindFile(countyFile.content), ["county", [["تهران", [0]], ["ری", [1]], ["شمیرانات", [0, 1]]]]);

  const entry = JSON.parse(Buffer.from(files.find((file) => file.path === "pagefind-entry.json")!.content).toString()) as { languages: { fa: { hash: string } } };
  assert.match(entry.languages.fa.hash, /^fa_[0-9a-f]{10}$/);
  const meta = files.find((file) => file.path === `pagefind.${entry.languages.fa.hash}.pf_meta`);
  assert.ok(meta, "the entry names the rewritten metadata file");
  const decoded = readPagefindFile(meta.content) as unknown[];
  const hashOf = (file: BundleFile) => file.path.slice("filter/".length, -".pf_filter".length);
  assert.deepEqual(decoded[3], [["county", hashOf(countyFile)], ["year", hashOf(filterFiles.find((file) => file !== countyFile)!)]]);
  assert.deepEqual([decoded[0], decoded[1], decoded[4], decoded[5]], ["1.5.2", [["fa_1111111", 20]], [["date", [1, 0]]], ["title"]], "the rest of the metadata is unchanged");
});

test("a file that is not Pagefind's is refused", () => {
  assert.throws(() => readPagefindFile(gzipSync("<html></html>")), /does not start with pagefind_dcd/);
});
