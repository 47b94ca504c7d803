/** `npm run new` (src/editors/new-release.ts, src/editors/release-file.ts, scripts/new.ts). */
import { test, describe, after } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { cp, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { DateTime } from "luxon";
import { loadArchive } from "../../../src/content/load.js";
import { parseYaml } from "../../../src/content/front-matter.js";
import { createRelease, NewReleaseError, newReleaseFields, splitTags, TITLE_QUESTION } from "../../../src/editors/new-release.js";
import { IMAGE_ALT_REQUIRED, noLetterOrDigit, releaseTypeNotKnown, SOURCE_NOT_ADDRESS } from "../../../src/messages/content.js";
import { RELEASE_TYPES } from "../../../src/content/release-types.js";
import type { Message } from "../../../src/messages/messages.js";
import { renderReleaseFile, setFrontMatterFields, yamlValue } from "../../../src/editors/release-file.js";
import { repoRoot } from "../../support/run.js";

const NOW = DateTime.fromISO("2024-05-12T10:30:45+03:30", { setZone: true });
const created: string[] = [];
after(async () => {
  await Promise.all(created.map((dir) => rm(dir, { recursive: true, force: true })));
});

async function sampleArchive(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), "akhbar-unit-new-"));
  created.push(dir);
  await cp(path.join(repoRoot, "content"), dir, { recursive: true });
  return dir;
}

const EXPECTED_FILE = `---
id: 149901
title: "نشست شورای اداری شهرستان"
date: 1403/02/23 10:30
# type: اطلاعیه   # نوع خبر: خبر، اطلاعیه، بیانیه، مصاحبه، گزارش، گزارش تصویری، گزارش ویدیویی (بی این خط، خبر)
# lead: ""   # خلاصهٔ یک‌جمله‌ای خبر
county: رباط‌کریم
# organization: ""   # دستگاه منتشرکننده
tags:
  - نشست
  - شورای اداری
# source: https://ostan-th.ir/News/…/   # نشانی خبر در پایگاه پیشین
# image: /images/…   # تصویر: /images/نام-فایل.jpg از پوشهٔ content/images
# image_alt: ""   # توصیف تصویر برای کسی که آن را نمی‌بیند (با تصویر الزامی است)
# draft: true   # پیش‌نویس: در سایت منتشر نمی‌شود
# lang: en   # زبان: fa یا en
# updated: 1403/02/24 09:00   # تاریخ و ساعت ویرایش پس از انتشار
# correction: ""   # اصلاحیه: چه چیزی درست شد (با updated)
# translation: 133120   # کد همین خبر به زبان دیگر
---

`;

describe("createRelease", () => {
  test("the next free id, now in Tehran as a Jalali date, every field; the build accepts the file", async () => {
    const content = await sampleArchive();
    const { file, id } = await createRelease(
      { title: "نشست شورای اداری شهرستان", county: "رباط كريم", tags: ["نشست", "شورای اداری"] },
      { contentDir: content, now: NOW },
    );
    assert.equal(id, 149901);
    assert.equal(path.relative(content, path.resolve(file)), path.join("releases", "1403", "149901.md"));
    assert.equal(await readFile(file, "utf8"), EXPECTED_FILE);
    const archive = await loadArchive(content, { includeDrafts: false, now: NOW });
    const release = [...archive.byInputPath.values()].find((candidate) => candidate.id === 149901);
    assert.equal(release?.date.toISO(), "2024-05-12T10:30:00.000+03:30");
    assert.equal(archive.releases[0], release, "dated now, it is the newest published release");
  });

  test("in a terminal, the title is asked for in Persian", async () => {
    const content = await sampleArchive();
    const questions: Message[] = [];
    const { file } = await createRelease({}, { contentDir: content, now: NOW, ask: async (question) => (questions.push(question), "  بازدید استاندار از جلسه ای  ") });
    assert.deepEqual(questions, [TITLE_QUESTION]);
    assert.deepEqual(TITLE_QUESTION, { fa: "عنوان خبر را بنویسید (Enter برای پایان): ", en: "Write the release's title (Enter to finish): " });
    // The typography `npm run check -- --fix` would correct is corrected at once.
    assert.match(await readFile(file, "utf8"), /^title: "بازدید استاندار از جلسه\u200Cای"$/m);
  });

  test("the organization, tags and picture description get the typography check --fix would give them", async () => {
    const content = await sampleArchive();
    const { file } = await createRelease(
      { title: "خبر", organization: "استانداري تهران", tags: ["روابط عمومي", "نشست ها"], image: "/images/x.jpg", imageAlt: "عكس نشست" },
      { contentDir: content, now: NOW },
    );
    const text = await readFile(file, "utf8");
    assert.match(text, /^organization: استانداری تهران$/m);
    assert.match(text, /^ {2}- روابط عمومی\n {2}- نشست\u200Cها$/m);
    assert.match(text, /^image_alt: "عکس نشست"$/m);
  });

  test("a file whose front matter is broken still reserves its id, and is never overwritten", async () => {
    const content = await sampleArchive();
    const broken = path.join(content, "releases", "1403", "149901.md");
    await writeFile(broken, "---\ntitle: [unclosed\n---\n");
    const named = path.join(content, "releases", "1403", "notes.md");
    await writeFile(named, "---\nid: 149950\ntitle: x: y: z\n---\n");
    const { id } = await createRelease({ title: "خبر" }, { contentDir: content, now: NOW });
    assert.equal(id, 149951);
    assert.equal(await readFile(broken, "utf8"), "---\ntitle: [unclosed\n---\n");
  });

  test("an id in Persian digits is taken by npm run new as the number it is", async () => {
    const content = await sampleArchive();
    await writeFile(path.join(content, "releases", "1403", "persian-id.md"), "---\nid: ۱۵۰۰۰۲\ntitle: خبر\ndate: 1403/02/23\n---\n");
    const { file, id } = await createRelease({ title: "خبر" }, { contentDir: content, now: NOW });
    assert.equal(id, 150003);
    assert.match(await readFile(file, "utf8"), /^id: 150003$/m);
    const archive = await loadArchive(content, { includeDrafts: true, now: NOW });
    assert.ok([...archive.byInputPath.values()].some((release) => release.id === 150002), "the build reads the Persian id as the same number");
  });

  test("a mistake writes nothing", async () => {
    const content = await sampleArchive();
    const before = (await readdir(content, { recursive: true })).sort();
    await assert.rejects(createRelease({ title: "خبر", county: "تهرا" }, { contentDir: content, now: NOW }), NewReleaseError);
    await assert.rejects(createRelease({}, { contentDir: content, now: NOW }), NewReleaseError);
    assert.deepEqual((await readdir(content, { recursive: true })).sort(), before);
  });
});

describe("newReleaseFields: what the editor gave is checked with the build's schema, and refused in both languages", () => {
  const missingTitle: Message = {
    fa: 'عنوان خبر نوشته نشده است: آن را با --title بدهید، مثلاً npm run new -- --title "عنوان خبر"',
    en: 'the title is missing: npm run new -- --title "عنوان خبر"',
  };
  const rows: Array<{ name: string; options: Parameters<typeof newReleaseFields>[0]; message: Message }> = [
    { name: "no title", options: {}, message: missingTitle },
    { name: "a blank title", options: { title: "   " }, message: missingTitle },
    {
      name: "an unknown county",
      options: { title: "خبر", county: "تهرا" },
      message: { fa: '--county: «تهرا» شهرستانی از استان نیست؛ آیا منظورتان «تهران» است؟ مثلاً --county "تهران"', en: '--county "تهرا" is not a county of the province: did you mean "تهران"?' },
    },
    {
      name: "an impossible date",
      options: { title: "خبر", date: "1403/07/31" },
      message: {
        fa: "--date: ۱۴۰۳/۷/۳۱ روزی از تقویم شمسی نیست: فروردین تا شهریور ۳۱ روز دارند، مهر تا بهمن ۳۰ روز و اسفند ۲۹ روز (در سال کبیسه ۳۰)؛ ماه و روز را درست کنید، مثلاً `date: 1403/07/30 10:30`.",
        en: "--date 1403/7/31 is not a day of the Jalali calendar",
      },
    },
    {
      name: "an unknown language",
      options: { title: "خبر", lang: "ar" },
      message: { fa: "--lang باید fa یا en باشد، نه «ar»: مثلاً --lang en برای خبر انگلیسی", en: '--lang must be fa or en, not "ar"' },
    },
    // The build's own messages (src/messages/content.ts), named by the option that gave the field.
    { name: "an image without its description", options: { title: "خبر", image: "/images/a.jpg" }, message: { fa: `--image-alt: ${IMAGE_ALT_REQUIRED.fa}`, en: `--image-alt: ${IMAGE_ALT_REQUIRED.en}` } },
    { name: "a source that is not an address", options: { title: "خبر", source: "ostan-th.ir" }, message: { fa: `--source: ${SOURCE_NOT_ADDRESS.fa}`, en: `--source: ${SOURCE_NOT_ADDRESS.en}` } },
    {
      name: "a release type that is none of the list",
      options: { title: "خبر", type: "خبرنامه" },
      message: {
        fa: `--type: ${releaseTypeNotKnown("خبرنامه", RELEASE_TYPES.map((type) => type.fa), RELEASE_TYPES.map((type) => type.key)).fa}`,
        en: `--type: ${releaseTypeNotKnown("خبرنامه", RELEASE_TYPES.map((type) => type.fa), RELEASE_TYPES.map((type) => type.key)).en}`,
      },
    },
    {
      name: "a tag of punctuation only",
      options: { title: "خبر", tags: ["نشست", "!!!"] },
      message: { fa: `--tags: ${noLetterOrDigit("tag", "!!!").fa}`, en: '--tags: the tag "!!!" has no letter or digit, so it can have no page: write it in words, or remove it' },
    },
  ];
  for (const row of rows) {
    test(row.name, () => {
      assert.throws(() => newReleaseFields(row.options, 1, NOW), (error: unknown) => {
        assert.ok(error instanceof NewReleaseError);
        assert.deepEqual(error.problem, row.message);
        return true;
      });
    });
  }

  test("--type is written as given, by its Persian name or its key; the file is news without it", () => {
    assert.equal(newReleaseFields({ title: "خبر", type: " اطلاعیه " }, 3, NOW).fields.type, "اطلاعیه");
    assert.equal(newReleaseFields({ title: "خبر", type: "photo-report" }, 3, NOW).fields.type, "photo-report");
    const file = renderReleaseFile(newReleaseFields({ title: "خبر", type: "مصاحبه" }, 3, NOW).fields, "");
    assert.match(file, /^type: مصاحبه$/m);
    assert.match(renderReleaseFile(newReleaseFields({ title: "خبر" }, 3, NOW).fields, ""), /^# type: اطلاعیه {3}# نوع خبر: خبر، اطلاعیه، /m);
  });

  test("a future --date is kept as written: the release is embargoed until then", () => {
    const { fields, date } = newReleaseFields({ title: "خبر", date: "1403/03/01 08:00", draft: true, lang: "en" }, 3, NOW);
    assert.deepEqual([fields.date, date.toISO(), fields.draft, fields.lang], ["1403/03/01 08:00", "2024-05-21T08:00:00.000+03:30", true, "en"]);
  });
});

describe("release-file helpers", () => {
  test("splitTags: Persian and Latin commas, repeated flags, blanks dropped", () => {
    assert.deepEqual(splitTags(["نشست، شورا", "عمرانی,  ", " بودجه ", "،", ""]), ["نشست", "شورا", "عمرانی", "بودجه"]);
  });

  const values: Array<{ value: string; field: string; written: string }> = [
    { value: "ملارد", field: "county", written: "ملارد" },
    { value: "https://ostan-th.ir/News/1/", field: "source", written: "https://ostan-th.ir/News/1/" },
    { value: "1402", field: "county", written: '"1402"' },
    { value: "yes", field: "organization", written: '"yes"' },
    { value: "a: b", field: "organization", written: '"a: b"' },
    { value: "#x", field: "organization", written: '"#x"' },
    { value: "عنوان ساده", field: "title", written: '"عنوان ساده"' },
    { value: 'O\'Reilly "quoted"', field: "organization", written: 'O\'Reilly "quoted"' },
    { value: "'quoted at the start'", field: "organization", written: '"\'quoted at the start\'"' },
    { value: "ends with a space ", field: "organization", written: '"ends with a space "' },
  ];
  for (const row of values) {
    test(`yamlValue(${row.value}, ${row.field}) → ${row.written}`, () => {
      assert.equal(yamlValue(row.value, row.field), row.written);
      // YAML reads back exactly the text.
      assert.deepEqual(parseYaml(`${row.field}: ${row.written}`), { [row.field]: row.value });
    });
  }

  test("setFrontMatterFields: replaces, uncomments, appends, keeps the rest", () => {
    const source = '---\n# a note\nid: 1\ntitle: >\n  old\n  title\n# lead: ""   # hint\ncounty: ری\n---';
    assert.equal(
      setFrontMatterFields(source, { title: "تازه", lead: "نقل", source: "https://ostan-th.ir/News/1/", date: undefined }),
      '---\n# a note\nid: 1\ntitle: "تازه"\nlead: "نقل"\ncounty: ری\nsource: https://ostan-th.ir/News/1/\n---',
    );
  });

  test("renderReleaseFile writes header comments and every field in the schema's order", () => {
    const text = renderReleaseFile({ id: 2, title: "خبر", date: "1403/02/23 10:30", draft: true, source: "https://ostan-th.ir/News/2/" }, "متن.", ["یادداشت"]);
    assert.deepEqual(
      text.split("\n").map((line) => /^#?\s*([a-z_]+):/.exec(line)?.[1] ?? line),
      ["---", "# یادداشت", "id", "title", "date", "type", "lead", "county", "organization", "tags", '#   - ""', "source", "image", "image_alt", "draft", "lang", "updated", "correction", "translation", "---", "", "متن.", ""],
    );
  });
});

describe("npm run new (the command)", () => {
  /** `language`: AKHBAR_LANG, Persian ("") unless said. */
  function runNew(args: string[], language = ""): Promise<{ code: number | null; out: string }> {
    return new Promise((resolve, reject) => {
      // stdin is not a terminal here, as in CI: the title must come as a flag.
      const env = { ...process.env, AKHBAR_NOW: "1403/02/23 10:30", AKHBAR_LANG: language };
      const child = spawn(process.execPath, ["--import", "tsx", "scripts/new.ts", ...args], { cwd: repoRoot, stdio: ["ignore", "pipe", "pipe"], env });
      let out = "";
      child.stdout.on("data", (chunk) => (out += chunk));
      child.stderr.on("data", (chunk) => (out += chunk));
      child.on("error", reject);
      child.on("close", (code) => resolve({ code, out }));
    });
  }

  test("prints the new file's path; without a title and without a terminal it exits 1 and writes nothing", async () => {
    const content = await mkdtemp(path.join(tmpdir(), "akhbar-unit-new-cli-"));
    created.push(content);
    await mkdir(path.join(content, "releases"), { recursive: true });
    const made = await runNew(["--input", content, "--title", "خبر تازه", "--county", "ملارد", "--tags", "نشست، شورا"]);
    assert.equal(made.code, 0, made.out);
    const expected = path.relative(repoRoot, path.join(content, "releases", "1403", "1.md"));
    assert.equal(made.out.trim().split("\n").at(-1), expected);
    const missing = await runNew(["--input", content]);
    assert.equal(missing.code, 1, missing.out);
    assert.equal(
      missing.out.trim(),
      'چیزی نوشته نشد: عنوان خبر نوشته نشده است: آن را با --title بدهید، مثلاً npm run new -- --title "عنوان خبر"\n' +
        'نحوهٔ اجرا: npm run new -- --title "عنوان خبر" [--county ملارد] [--tags "نشست، شورا"] [--date "1403/02/23 10:30"] [--draft]',
    );
    const english = await runNew(["--input", content], "en");
    assert.equal(english.code, 1, english.out);
    assert.match(english.out, /^Nothing was written: the title is missing: npm run new -- --title "عنوان خبر"$/m);
    assert.match(english.out, /^Usage: npm run new -- --title/m);
    assert.deepEqual((await readdir(content, { recursive: true })).filter((file) => file.endsWith(".md")), [path.join("releases", "1403", "1.md")]);
  });

  test("--help says what new does, exit 0", async () => {
    const help = await runNew(["--help"]);
    assert.equal(help.code, 0, help.out);
    assert.match(help.out, /^خبر تازه‌ای با شناسهٔ آزاد بعدی و تاریخ اکنون/m);
    const english = await runNew(["-h"], "en");
    assert.match(english.out, /^Creates a release with the next free id/m);
  });

  test("a wrong command line exits 2, saying what is wrong in Persian (English under AKHBAR_LANG=en)", async () => {
    const unknown = await runNew(["--titel", "خبر"]);
    assert.equal(unknown.code, 2, unknown.out);
    assert.match(unknown.out, /^گزینهٔ --titel شناخته نیست: املای آن را بررسی کنید/m);
    const noValue = await runNew(["--title"], "en");
    assert.equal(noValue.code, 2, noValue.out);
    assert.match(noValue.out, /^the option --title needs a value: write it after the option, e.g. --title "…"$/m);
    const positional = await runNew(["خبر"]);
    assert.equal(positional.code, 2, positional.out);
    assert.match(positional.out, /^«خبر» اینجا معنایی ندارد: این دستور نام فایل نمی‌گیرد؛ اگر مقدار گزینه‌ای است، آن را در گیومه بگذارید، مثلاً --title "عنوان خبر"$/m);
    const draftValue = await runNew(["--draft=yes", "--title", "خبر"], "en");
    assert.equal(draftValue.code, 2, draftValue.out);
    assert.match(draftValue.out, /^the option --draft takes no value: write --draft alone$/m);
  });

  test("a content folder that does not exist: exit 2, said in Persian", async () => {
    const missing = path.join(tmpdir(), "akhbar-no-such-content");
    const run = await runNew(["--input", missing, "--title", "خبر"]);
    assert.equal(run.code, 2, run.out);
    assert.equal(run.out.trim(), `پوشهٔ محتوا ${missing} پیدا نشد: نام پوشه را درست بنویسید، مثلاً npm run new -- --input content`);
  });
});
