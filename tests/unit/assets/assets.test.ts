/**
 * Unit tests for the assets: fingerprinted names (src/render/asset-manifest.ts) and the subset web
 * font (src/assets/fonts.ts): which characters it keeps, that those are every character the site's
 * Persian text uses, and that subsetting is repeatable and cached.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { AssetManifest, assetUrl, contentHash, fingerprint, fingerprintedName } from "../../../src/render/asset-manifest.js";
import { findReleaseFiles } from "../../../src/content/load.js";
import { findPageFiles } from "../../../src/content/content-page.js";
import { FONT_CODE_POINTS, FONT_FACES, fontCharacters, fontFaceCss, subsetFonts, unicodeRange } from "../../../src/assets/fonts.js";
import { repoRoot } from "../../support/run.js";

test("the content hash: the first 10 hex digits of SHA-256", () => {
  assert.equal(contentHash("abc"), "ba7816bf8f");
  assert.equal(contentHash(Buffer.from("abc")), "ba7816bf8f");
});

test("fingerprintedName puts the hash before the last extension", () => {
  const cases: Array<[string, string]> = [
    ["site.css", "site.ba7816bf8f.css"],
    ["site.rtl.css", "site.rtl.ba7816bf8f.css"],
    ["fonts/Vazirmatn-Regular.woff2", "fonts/Vazirmatn-Regular.ba7816bf8f.woff2"],
    ["search.js", "search.ba7816bf8f.js"],
    ["LICENSE", "LICENSE.ba7816bf8f"],
    ["fonts/.hidden", "fonts/.hidden.ba7816bf8f"],
  ];
  for (const [name, expected] of cases) assert.equal(fingerprintedName(name, "abc"), expected, name);
});

test("assetUrl: the plain address outside a build, the fingerprinted one from the build's manifest; an unknown name is an error", () => {
  assert.equal(assetUrl(undefined, "site.css"), "/assets/site.css");
  const manifest = new AssetManifest([fingerprint("site.css", "abc"), fingerprint("fonts/a.woff2", Buffer.from([1, 2, 3]))]);
  assert.equal(assetUrl(manifest, "site.css"), "/assets/site.ba7816bf8f.css");
  assert.equal(assetUrl(manifest, "fonts/a.woff2"), `/assets/fonts/a.${contentHash(Buffer.from([1, 2, 3]))}.woff2`);
  assert.throws(() => assetUrl(manifest, "missing.js"), /no asset named missing\.js/);
  assert.equal(manifest.key(), "/assets/site.ba7816bf8f.css\n" + assetUrl(manifest, "fonts/a.woff2"), "the key names every address");
});

test("readdressed: an attribute naming another build's fingerprinted asset names this build's; text, other assets and unknown names stay", () => {
  const before = new AssetManifest([fingerprint("site.rtl.css", "old"), fingerprint("fonts/Vazirmatn-Regular.woff2", "old"), fingerprint("release.js", "old")]);
  const after = new AssetManifest([fingerprint("site.rtl.css", "new"), fingerprint("fonts/Vazirmatn-Regular.woff2", "old"), fingerprint("release.js", "new")]);
  const cases: Array<[string, string]> = [
    [`<link rel="stylesheet" href="${before.url("site.rtl.css")}">`, `<link rel="stylesheet" href="${after.url("site.rtl.css")}">`],
    // After the site's path prefix.
    [`<script defer src="/archive${before.url("release.js")}"></script>`, `<script defer src="/archive${after.url("release.js")}"></script>`],
    // An asset that did not change.
    [`<link href="${before.url("fonts/Vazirmatn-Regular.woff2")}">`, `<link href="${after.url("fonts/Vazirmatn-Regular.woff2")}">`],
    // Text that happens to hold an address, and an asset this build does not have.
    [`<p>${before.url("site.rtl.css")}</p>`, `<p>${before.url("site.rtl.css")}</p>`],
    [`<a href="/assets/gone.0123456789.css">`, `<a href="/assets/gone.0123456789.css">`],
  ];
  for (const [page, expected] of cases) assert.equal(after.readdressed(page), expected, page);
  assert.notEqual(before.url("site.rtl.css"), after.url("site.rtl.css"));
});

test("the font's unicode-range is the list of code points it keeps", () => {
  assert.equal(unicodeRange(), "U+60C, U+61B, U+61F, U+621-63A, U+640-655, U+660-66D, U+670, U+67E, U+686, U+698, U+6A9, U+6AF, U+6C0, U+6CC, U+6F0-6F9, U+200C-200F, U+FDFC");
  const characters = fontCharacters();
  assert.equal([...characters].length, FONT_CODE_POINTS.reduce((sum, [first, last]) => sum + last - first + 1, 0));
  for (const kept of ["پ", "چ", "ژ", "ک", "گ", "ی", "ۀ", "ء", "آ", "ة", "ي", "ك", "۰", "۹", "٫", "٬", "٪", "،", "؛", "؟", "\u200c", "\u064b", "\u0670", "\ufdfc"]) {
    assert.ok(characters.includes(kept), `${kept} (U+${kept.codePointAt(0)!.toString(16)}) is not kept`);
  }
  for (const dropped of ["a", " ", "ٹ", "ڈ", "ە", "\ufe8d"]) assert.ok(!characters.includes(dropped), `U+${dropped.codePointAt(0)!.toString(16)} is kept`);
});

test("@font-face rules: one per face, with its address, weight, swap and the unicode-range", () => {
  const css = fontFaceCss((face) => `fonts/${face.name}`);
  const faces = [...css.matchAll(/@font-face \{([^}]*)\}/g)].map((match) => match[1]!);
  assert.equal(faces.length, FONT_FACES.length);
  for (const [index, face] of FONT_FACES.entries()) {
    assert.ok(faces[index]!.includes(`src: url("fonts/${face.name}") format("woff2");`));
    assert.ok(faces[index]!.includes(`font-weight: ${face.weight};`));
    assert.ok(faces[index]!.includes("font-display: swap;"));
    assert.ok(faces[index]!.includes(`unicode-range: ${unicodeRange()};`));
  }
});

/** Code points of Arabic script (and the joiners and direction marks) in a text. */
function arabicScriptCharacters(text: string): Set<string> {
  return new Set([...text].filter((character) => /[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff\u200c-\u200f]/u.test(character)));
}

test("the font keeps every Persian character of the interface strings and of the sample releases, pages and settings", async () => {
  const kept = new Set(fontCharacters());
  const strings = JSON.parse(await readFile(path.join(repoRoot, "src", "data", "strings.json"), "utf8")) as { fa: Record<string, string> };
  let text = Object.values(strings.fa).join(" ");
  for (const file of await findReleaseFiles(path.join(repoRoot, "content"))) text += await readFile(file, "utf8");
  for (const file of await findPageFiles(path.join(repoRoot, "content"))) text += await readFile(file, "utf8");
  text += await readFile(path.join(repoRoot, "content", "site.yml"), "utf8");
  const used = arabicScriptCharacters(text);
  assert.ok(used.size > 40, `only ${used.size} characters`);
  assert.deepEqual([...used].filter((character) => !kept.has(character)).map((character) => `U+${character.codePointAt(0)!.toString(16)}`), []);
});

test("subsetting: WOFF2 files half the size of the Non-Latin cut, the same bytes every time, kept in the cache", async () => {
  const [first, second] = [await mkdtemp(path.join(tmpdir(), "akhbar-fonts-")), await mkdtemp(path.join(tmpdir(), "akhbar-fonts-"))];
  try {
    const made = await subsetFonts({ AKHBAR_FONT_CACHE: first });
    const again = await subsetFonts({ AKHBAR_FONT_CACHE: second });
    const require = createRequire(import.meta.url);
    for (const face of FONT_FACES) {
      const font = made.get(face.name)!;
      assert.equal(font.subarray(0, 4).toString("latin1"), "wOF2", face.name);
      assert.ok(font.equals(again.get(face.name)!), `${face.name}: two subsets differ`);
      const original = (await stat(require.resolve(`vazirmatn/${face.source}`))).size;
      assert.ok(font.length < original * 0.65, `${face.name}: ${font.length} bytes, the original ${original}`);
    }
    const cached = (await readdir(first)).sort();
    assert.equal(cached.length, FONT_FACES.length);
    // A cached subset is read, not made again: the cache file's bytes are what comes back.
    const marked = cached.find((file) => file.startsWith("Vazirmatn-Regular-"))!;
    await writeFile(path.join(first, marked), "from the cache");
    const fromCache = await subsetFonts({ AKHBAR_FONT_CACHE: first });
    assert.equal(fromCache.get("Vazirmatn-Regular.woff2")!.toString(), "from the cache");
    assert.ok(fromCache.get("Vazirmatn-Bold.woff2")!.equals(made.get("Vazirmatn-Bold.woff2")!));
    assert.deepEqual((await readdir(first)).sort(), cached);
  } finally {
    await rm(first, { recursive: true, force: true });
    await rm(second, { recursive: true, force: true });
  }
});
