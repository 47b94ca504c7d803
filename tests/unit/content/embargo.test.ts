/** Unit tests for src/content/embargo.ts and the embargo rule of the archive loader. */
import { test, describe, after } from "node:test";
import assert from "node:assert/strict";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { DateTime } from "luxon";
import { loadArchive } from "../../../src/content/load.js";
import { toIsoString } from "../../../src/persian/dates.js";
import { buildTime, isEmbargoed } from "../../../src/content/embargo.js";
import { SettingError } from "../../../src/content/setting-error.js";
import { renderRelease, releaseSummary } from "../../../layouts/release.js";
import { siteMetadata } from "../../../src/content/site.js";
import { load } from "cheerio";

const created: string[] = [];
after(async () => {
  await Promise.all(created.map((dir) => rm(dir, { recursive: true, force: true })));
});

const at = (iso: string) => DateTime.fromISO(iso, { setZone: true });

describe("buildTime: the build's now", () => {
  const rows: Array<{ name: string; value: string; iso: string }> = [
    { name: "ISO with offset", value: "2024-05-12T10:30:00+03:30", iso: "2024-05-12T10:30:00+03:30" },
    { name: "ISO in UTC", value: "2024-05-12T07:00:00Z", iso: "2024-05-12T10:30:00+03:30" },
    { name: "Jalali, as editors write dates", value: "1403/02/23 10:30", iso: "2024-05-12T10:30:00+03:30" },
    { name: "Jalali in Persian digits", value: "۱۴۰۳/۰۲/۲۳ ۱۰:۳۰", iso: "2024-05-12T10:30:00+03:30" },
  ];
  for (const row of rows) {
    test(`AKHBAR_NOW=${row.value}`, () => {
      assert.equal(toIsoString(buildTime({ AKHBAR_NOW: row.value })), row.iso);
    });
  }

  test("without AKHBAR_NOW (or empty) it is the clock, in Tehran", () => {
    for (const env of [{}, { AKHBAR_NOW: "" }, { AKHBAR_NOW: "  " }]) {
      const before = Date.now();
      const now = buildTime(env);
      assert.ok(now.toMillis() >= before && now.toMillis() <= Date.now(), JSON.stringify(env));
      assert.equal(now.zoneName, "Asia/Tehran");
    }
  });

  test("a value that is not a date is a SettingError naming the variable", () => {
    assert.throws(() => buildTime({ AKHBAR_NOW: "tomorrow" }), (error: unknown) => {
      assert.ok(error instanceof SettingError);
      assert.deepEqual(error.text, {
        fa: "AKHBAR_NOW: «tomorrow» تاریخ نیست: آن را به شکل `1403/02/23 10:30` (شمسی، به وقت تهران) یا `2024-05-12T10:30:00+03:30` بنویسید.",
        en: `AKHBAR_NOW "tomorrow" is not a date: write it as 2024-05-12T10:30:00+03:30 or 1403/02/23 10:30`,
      });
      // Shown in the language messages are shown in: Persian unless AKHBAR_LANG=en.
      assert.equal(error.message, process.env.AKHBAR_LANG === "en" ? error.text.en : error.text.fa);
      return true;
    });
    assert.throws(() => buildTime({ AKHBAR_NOW: "1403/07/31" }), (error: unknown) => error instanceof SettingError && error.text.en === "AKHBAR_NOW 1403/7/31 is not a day of the Jalali calendar");
  });
});

describe("isEmbargoed", () => {
  const now = at("2024-05-12T10:30:00+03:30");
  const rows: Array<{ date: string; embargoed: boolean }> = [
    { date: "2024-05-12T10:30:00+03:30", embargoed: false },
    { date: "2024-05-12T10:30:01+03:30", embargoed: true },
    { date: "2024-05-12T10:29:59+03:30", embargoed: false },
    { date: "2024-05-12T07:30:01Z", embargoed: true },
    { date: "2030-01-01T00:00:00+03:30", embargoed: true },
  ];
  for (const row of rows) {
    test(`${row.date}: ${row.embargoed ? "embargoed" : "published"}`, () => {
      assert.equal(isEmbargoed(at(row.date), now), row.embargoed);
    });
  }
});

describe("loadArchive with a now", () => {
  async function archiveFolder(): Promise<string> {
    const dir = await mkdtemp(path.join(tmpdir(), "akhbar-unit-embargo-"));
    created.push(dir);
    const files: Record<string, string> = {
      "past.md": "---\nid: 1\ntitle: گذشته\ndate: 1403/02/22 10:00\n---\nمتن\n",
      "now.md": "---\nid: 2\ntitle: اکنون\ndate: 1403/02/23 10:30\n---\nمتن\n",
      "future.md": "---\nid: 3\ntitle: آینده\ndate: 1403/02/23 10:31\n---\nمتن\n",
      "future-draft.md": "---\nid: 4\ntitle: پیش‌نویس آینده\ndate: 1404/01/01\ndraft: true\n---\nمتن\n",
    };
    await mkdir(dir, { recursive: true });
    for (const [name, text] of Object.entries(files)) await writeFile(path.join(dir, name), text);
    return dir;
  }
  const now = at("2024-05-12T10:30:00+03:30");

  test("production: a release dated after now is left out, but validated and kept in byInputPath", async () => {
    const archive = await loadArchive(await archiveFolder(), { includeDrafts: false, now });
    assert.deepEqual(archive.releases.map((release) => release.id), [2, 1]);
    const byId = new Map([...archive.byInputPath.values()].map((release) => [release.id, release]));
    assert.equal(byId.get(3)?.embargoed, true);
    assert.equal(byId.get(4)?.embargoed, true);
    assert.equal(byId.get(2)?.embargoed, undefined);
    assert.equal(byId.get(1)?.embargoed, undefined);
  });

  test("preview: every release is listed, the embargoed ones marked", async () => {
    const archive = await loadArchive(await archiveFolder(), { includeDrafts: true, now });
    assert.deepEqual(archive.releases.map((release) => [release.id, release.embargoed ?? false, release.draft]), [
      [4, true, true],
      [3, true, false],
      [2, false, false],
      [1, false, false],
    ]);
  });

  test("a later now publishes what was embargoed", async () => {
    const archive = await loadArchive(await archiveFolder(), { includeDrafts: false, now: at("2024-05-12T10:31:00+03:30") });
    assert.deepEqual(archive.releases.map((release) => release.id), [3, 2, 1]);
  });
});

describe("the preview marks embargoed releases", () => {
  const base = {
    id: 7,
    title: "خبر زمان‌بندی‌شده",
    date: at("2030-01-01T10:00:00+03:30"),
    tags: [],
    draft: false,
    type: "news" as const,
    lang: "fa" as const,
    inputPath: "content/releases/7.md",
    fileHash: "0".repeat(40),
    hasPictures: false,
    url: "/news/7/",
  };

  test("release page: a note, and no indexing", () => {
    const $ = load(renderRelease({ site: siteMetadata(), release: { ...base, embargoed: true }, bodyHtml: "<p>متن</p>" }));
    assert.equal($("p.release__embargoed").text(), "انتشار زمان‌بندی‌شده: این خبر تا رسیدن تاریخش در ساخت نهایی منتشر نمی‌شود");
    assert.equal($('meta[name="robots"]').attr("content"), "noindex");
    const published = load(renderRelease({ site: siteMetadata(), release: base, bodyHtml: "<p>متن</p>" }));
    assert.equal(published("p.release__embargoed").length, 0);
    assert.equal(published('meta[name="robots"]').attr("content"), "index, follow");
  });

  test("lists: a badge beside the title, for drafts and embargoed releases only", () => {
    const badge = (release: Parameters<typeof releaseSummary>[0]) => load(releaseSummary(release).value)(".summary__badge").text();
    assert.equal(badge({ ...base, embargoed: true }), "زمان‌بندی‌شده");
    assert.equal(badge({ ...base, draft: true }), "پیش‌نویس");
    assert.equal(badge({ ...base, lang: "en", embargoed: true }), "Scheduled");
    assert.equal(badge(base), "");
  });
});
