/**
 * Unit tests for the message catalogue (src/messages/): every message has both texts, the field
 * labels cover every field a problem can name, and `say` shows Persian unless AKHBAR_LANG=en.
 * The catalogues of the build's own output (content.ts, build.ts, settings.ts) are called with
 * sample values, each of their functions listed below, so a message added without a test here
 * fails this test.
 */
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync } from "node:fs";
import path from "node:path";
import { repoRoot } from "../../support/run.js";
import { byteSize, faNumber, messageLanguage, say, seconds, type Message } from "../../../src/messages/messages.js";
import { FIELD_LABELS, fieldLabel } from "../../../src/messages/fields.js";
import { RELEASE_FIELDS } from "../../../src/content/schema.js";
import { ENCODING_FIELD } from "../../../src/content/text.js";
import * as content from "../../../src/messages/content.js";
import * as build from "../../../src/messages/build.js";
import * as settings from "../../../src/messages/settings.js";

const isMessage = (value: unknown): value is Message =>
  value instanceof Object && typeof (value as Message).fa === "string" && typeof (value as Message).en === "string" && Object.keys(value).length === 2;

/** Every message found in `value` (a message, or an object or list holding messages), with where it was found. */
function messagesIn(value: unknown, where: string, found: Array<[string, Message]> = []): Array<[string, Message]> {
  if (isMessage(value)) found.push([where, value]);
  else if (Array.isArray(value)) value.forEach((item, index) => messagesIn(item, `${where}[${index}]`, found));
  else if (value instanceof Object && typeof value !== "function") for (const [key, item] of Object.entries(value)) messagesIn(item, `${where}.${key}`, found);
  return found;
}

/** Persian letters: a Persian text is written in them, not left in English. */
const PERSIAN = /[\u0600-\u06FF]/;

describe("every message of every catalogue module has a Persian and an English text", () => {
  const folder = path.join(repoRoot, "src", "messages");
  for (const file of readdirSync(folder).filter((name) => name.endsWith(".ts"))) {
    test(`src/messages/${file}: its messages' texts are not empty`, async () => {
      const module = (await import(path.join(folder, file))) as Record<string, unknown>;
      for (const [where, message] of messagesIn(module, file)) {
        assert.notEqual(message.fa.trim(), "", `${where}: empty Persian text`);
        assert.notEqual(message.en.trim(), "", `${where}: empty English text`);
      }
    });
  }
});

describe("fields in the editor's words", () => {
  test("every field of the schema has a label, and so has every field a problem names besides", () => {
    for (const field of [...RELEASE_FIELDS, "text", "front matter", "file", ENCODING_FIELD]) {
      assert.ok(FIELD_LABELS[field], `no label for ${field}`);
      assert.match(FIELD_LABELS[field]!.fa, PERSIAN, field);
      assert.notEqual(FIELD_LABELS[field]!.en, "", field);
    }
  });

  test("a release field's Persian label names the field as the editor types it", () => {
    for (const field of RELEASE_FIELDS) assert.ok(FIELD_LABELS[field]!.fa.includes(`(${field})`), `${field}: ${FIELD_LABELS[field]!.fa}`);
  });

  test("a field the table does not know is named as written", () => {
    assert.deepEqual(fieldLabel("titel"), { fa: "titel", en: "titel" });
  });
});

describe("say and messageLanguage: Persian by default, English with AKHBAR_LANG=en", () => {
  const rows: Array<[env: NodeJS.ProcessEnv, language: "fa" | "en"]> = [
    [{}, "fa"],
    [{ AKHBAR_LANG: "" }, "fa"],
    [{ AKHBAR_LANG: "fa" }, "fa"],
    [{ AKHBAR_LANG: "de" }, "fa"],
    [{ AKHBAR_LANG: "en" }, "en"],
    [{ AKHBAR_LANG: " EN " }, "en"],
  ];
  for (const [env, language] of rows) {
    test(`AKHBAR_LANG=${JSON.stringify(env.AKHBAR_LANG)} → ${language}`, () => {
      assert.equal(messageLanguage(env), language);
      assert.equal(say({ fa: "سلام", en: "hello" }, messageLanguage(env)), language === "fa" ? "سلام" : "hello");
    });
  }

  test("faNumber writes Persian digits, Arabic-Indic ones too", () => {
    assert.equal(faNumber(1403), "۱۴۰۳");
    assert.equal(faNumber("1403/7/31 ١٠"), "۱۴۰۳/۷/۳۱ ۱۰");
  });
});

/** Each function of the build's catalogues, called with sample values. */
const CALLS: Record<string, Record<string, () => Message>> = {
  content: {
    exampleLine: () => ({ fa: content.exampleLine("title"), en: content.exampleLine("title") }),
    problemsHeading: () => content.problemsHeading(3),
    warningsHeading: () => content.warningsHeading(2),
    fieldRequired: () => content.fieldRequired("title"),
    fieldEmpty: () => content.fieldEmpty("lead"),
    fieldNotText: () => content.fieldNotText("title", true),
    noLetterOrDigit: () => content.noLetterOrDigit("tag", ".."),
    dateProblemMessage: () => content.dateProblemMessage({ kind: "not a Jalali day", year: 1403, month: 7, day: 31 }),
    languageNotKnown: () => content.languageNotKnown(["fa", "en"]),
    releaseTypeNotKnown: () => content.releaseTypeNotKnown("خبرنامه", ["خبر", "اطلاعیه"], ["news", "notice"]),
    updatedDateProblem: () => content.updatedDateProblem({ kind: "not a date", input: "دیروز" }),
    updatedBeforeDate: () => content.updatedBeforeDate("1403/02/22 10:00", "1403/02/23 10:30"),
    unknownField: () => content.unknownField("titel", "title", RELEASE_FIELDS),
    idNotDigits: () => content.idNotDigits("1e3"),
    idTooLong: () => content.idTooLong("12345678901234567890"),
    duplicateId: () => content.duplicateId(500, "content/a.md:2", 734),
    translationMissing: () => content.translationMissing(133120),
    translationSameLanguage: () => content.translationSameLanguage(149840, "content/releases/1402/149840.md", "fa"),
    translationTaken: () => content.translationTaken(133120, "content/releases/1401/133120.md", 133121),
    countyNotKnown: () => content.countyNotKnown("شهریارر", "شهریار"),
    dateFarAhead: () => content.dateFarAhead("1403/03/12 12:00", "1583/02/22 10:30"),
    dateBeforeFirstYear: () => content.dateBeforeFirstYear("1369/12/29 23:59", 1370, "AKHBAR_FIRST_YEAR"),
    yamlProblem: () => content.yamlProblem({ kind: "colon in value", field: "title", quoted: 'title: "خبر: افتتاح"' }),
    replacementCharacter: () => content.replacementCharacter("U+FFFD", "استاندار", 2),
    controlCharacter: () => content.controlCharacter("U+0000", "", 0),
    whatMayBeHere: () => content.whatMayBeHere(["jpg"], ["pdf"]),
    hiddenFile: () => content.hiddenFile([".gitkeep"]),
    symbolicLink: () => content.symbolicLink("../x"),
    nodeModulesFolder: () => content.nodeModulesFolder(content.whatMayBeHere(["jpg"], ["pdf"])),
    notPublishableInFiles: () => content.notPublishableInFiles("html", ["jpg"], ["pdf"]),
    notPartOfArchive: () => content.notPartOfArchive("", content.whatMayBeHere(["jpg"], ["pdf"])),
    attachmentUnreadable: () => content.attachmentUnreadable("/images/a.pdf"),
    attachmentNotItsType: () => content.attachmentNotItsType("/images/a.pdf", "pdf"),
    addressNotInFiles: () => content.addressNotInFiles("picture", "/a.jpg", "content/images"),
    addressLeavesFiles: () => content.addressLeavesFiles("link", "/images/../a.pdf", "content/images"),
    notAPicture: () => content.notAPicture("/images/a.pdf"),
    notPublishableLink: () => content.notPublishableLink("/images/a.html", ["jpg"], ["pdf"]),
    fileMissing: () => content.fileMissing("picture", "/images/a.jpg", "content/images"),
    reachedThroughLink: () => content.reachedThroughLink("picture", "/images/a/b.jpg", "images/a", "content/images"),
    addressIsFolder: () => content.addressIsFolder("link", "/images/a.pdf"),
    pictureWithoutSize: () => content.pictureWithoutSize("/images/a.png"),
    pictureNotConverted: () => content.pictureNotConverted("/images/a.png", "unsupported image format"),
    drawingNotWellFormed: () => content.drawingNotWellFormed("line 1"),
    drawingWithoutNamespace: () => content.drawingWithoutNamespace("http://www.w3.org/2000/svg"),
    drawingOfOtherKind: () => content.drawingOfOtherKind("html"),
    drawingProblem: () => content.drawingProblem("/images/a.svg", content.DRAWING_NOT_UTF8),
    drawingsCleaned: () => content.drawingsCleaned(["/images/a.svg (<script>)"]),
  },
  build: {
    buildFinished: () => build.buildFinished({ output: "_site", elapsed: 12_345, releases: 14, files: 265, bytes: 4_200_000, changed: { moved: 3, removed: 0 } }),
    buildFailed: () => build.buildFailed("_site"),
    archiveRead: () => build.archiveRead(3, 1, 2, ".cache/akhbar-archive"),
    archiveReadAgain: () => build.archiveReadAgain(3, 1),
    archiveEditedInPlace: () => build.archiveEditedInPlace(1),
    releasePagesWritten: () => build.releasePagesWritten(2, 12, ".cache/akhbar-pages", 2),
    listPagesWritten: () => build.listPagesWritten(40, 3, 3),
    feedsWritten: () => build.feedsWritten(20, 2, 2),
    searchIndexWritten: () => build.searchIndexWritten(4, 1, 1, ".cache/akhbar-search"),
    searchDirectoryWritten: () => build.searchDirectoryWritten(40_880, 93, 713_900, ".cache/akhbar-search-directory"),
    searchIndexFailed: () => build.searchIndexFailed("Pagefind could not start"),
    picturesPublished: () => build.picturesPublished(9, 3, ".cache/akhbar-images"),
    siteDamaged: () => build.siteDamaged(4, ["/a.html", "/b.html", "/c.html"]),
    stepTimed: () => build.stepTimed({ step: "write the release pages", wallMs: 12_345, cpuMs: 11_960, rssBytes: 1_500_000_000 }),
    lockHolder: () => build.lockHolder({ holder: "dev server", pid: 7, host: "here", started: "2024-05-12T07:00:00Z" }),
    lockWaiting: () => build.lockWaiting(undefined, "_site/", "_site.lock"),
    lockTakenOver: () => build.lockTakenOver({ holder: "build", pid: 7, host: "here", started: "2024-05-12T07:00:00Z" }, "_site.lock", { kind: "too old", hours: 7 }),
    lockRefused: () => build.lockRefused({ kind: "waited", owner: undefined, folder: "_site/", file: "_site.lock", waited: 200 }, "AKHBAR_LOCK_WAIT"),
    previewReady: () => build.previewReady("http://localhost:8080/"),
    fileChanged: () => build.fileChanged("content/releases/1403/1.md"),
    previewBuilt: () => build.previewBuilt(512, 14, true),
    portInUse: () => build.portInUse(8080),
    devServerError: () => build.devServerError("EACCES"),
  },
  settings: {
    siteUrlInvalid: () => settings.siteUrlInvalid("news.example.org"),
    firstYearInvalid: () => settings.firstYearInvalid("AKHBAR_FIRST_YEAR", "1990"),
    nowInvalid: () => settings.nowInvalid("AKHBAR_NOW", { kind: "not a date", input: "tomorrow" }),
    searchWorkersInvalid: () => settings.searchWorkersInvalid("AKHBAR_SEARCH_WORKERS", "x", 16),
    lockWaitInvalid: () => settings.lockWaitInvalid("AKHBAR_LOCK_WAIT", "soon"),
    sourceDateEpochInvalid: () => settings.sourceDateEpochInvalid("yesterday"),
  },
};

describe("the build's catalogues: each message made, in Persian (with Persian digits) and English", () => {
  const modules: Record<string, Record<string, unknown>> = { content, build, settings };
  for (const [name, module] of Object.entries(modules)) {
    test(`src/messages/${name}.ts: every function is called here`, () => {
      const functions = Object.entries(module).filter(([, value]) => typeof value === "function").map(([key]) => key);
      assert.deepEqual(functions.sort(), Object.keys(CALLS[name]!).sort());
    });
    for (const [call, make] of Object.entries(CALLS[name]!)) {
      if (call === "exampleLine") continue;
      test(`${name}.${call}`, () => {
        const message = make();
        assert.ok(isMessage(message));
        assert.match(message.fa, PERSIAN, `${call}: the Persian text is not Persian: ${message.fa}`);
        assert.notEqual(message.fa, message.en);
        assert.doesNotMatch(message.en, /[\u0600-\u06FF]{2,} [\u0600-\u06FF]{2,} [\u0600-\u06FF]{2,}/, `${call}: Persian words in the English text`);
      });
    }
    test(`src/messages/${name}.ts: every message constant is Persian in its Persian text`, () => {
      for (const [where, message] of messagesIn(Object.fromEntries(Object.entries(module).filter(([, value]) => typeof value !== "function")), name)) {
        assert.match(message.fa, PERSIAN, where);
      }
    });
  }

  test("the summary: Persian digits, the Persian decimal separator, the counts grouped, the site's size", () => {
    assert.deepEqual(build.buildFinished({ output: "_site", elapsed: 12_345, releases: 14, files: 33_265, bytes: 412_345_678, changed: { moved: 3, removed: 1 } }), {
      fa: "سایت _site/ در ۱۲٫۳ ثانیه ساخته شد: ۱۴ خبر، ۳۳٬۲۶۵ فایل، ۴۱۲٫۳ مگابایت؛ ۳ فایل تغییر کرد و ۱ فایل برداشته شد.",
      en: "Built _site/ in 12.3 s: 14 releases, 33265 files, 412.3 MB; 3 files changed, 1 removed.",
    });
    assert.deepEqual(build.buildFinished({ output: "site", elapsed: 900, releases: 1, files: 1, bytes: 512 }), {
      fa: "سایت site/ در ۰٫۹ ثانیه ساخته شد: ۱ خبر، ۱ فایل، ۵۱۲ بایت؛ کل سایت نوشته شد.",
      en: "Built site/ in 0.9 s: 1 release, 1 file, 512 bytes; the whole site was written.",
    });
  });

  test("the list of problems' heading: Persian digits", () => {
    assert.deepEqual(content.problemsHeading(12), {
      fa: "در آرشیو ۱۲ مشکل هست و چیزی منتشر نشد. خط‌های زیر را درست کنید و دوباره بسازید:",
      en: "The archive has 12 problems; nothing was published. Fix the lines below and build again:",
    });
  });
});

test("byteSize: sizes as the hosts' pages write them (powers of 1000), one decimal or none, in Persian and English; seconds with one decimal", () => {
  const cases: Array<[number, string, string]> = [
    [0, "۰ بایت", "0 bytes"],
    [512, "۵۱۲ بایت", "512 bytes"],
    [999, "۹۹۹ بایت", "999 bytes"],
    [1_000, "۱ کیلوبایت", "1 KB"],
    [12_199, "۱۲٫۲ کیلوبایت", "12.2 KB"],
    [4_200_000, "۴٫۲ مگابایت", "4.2 MB"],
    [412_345_678, "۴۱۲٫۳ مگابایت", "412.3 MB"],
    [497_000_000, "۴۹۷ مگابایت", "497 MB"],
    [1_000_000_000, "۱ گیگابایت", "1 GB"],
    [6_100_000_000, "۶٫۱ گیگابایت", "6.1 GB"],
  ];
  for (const [bytes, fa, en] of cases) assert.deepEqual(byteSize(bytes), { fa, en }, String(bytes));
  assert.deepEqual(seconds(12_345), { fa: "۱۲٫۳", en: "12.3" });
});
