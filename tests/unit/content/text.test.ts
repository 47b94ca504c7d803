/**
 * Bad text is refused, losing nothing (src/content/text.ts, release-id.ts, plausible-dates.ts and
 * the loader's use of them): a file that is not UTF-8, control characters, ids not written in
 * digits, tags without letters and an unclosed front matter are problems with file, line and
 * field; implausible dates are warnings; a Windows-1256 or UTF-16 file converts without loss.
 */
import { test, describe, after } from "node:test";
import assert from "node:assert/strict";
import { mkdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { DateTime } from "luxon";
import { loadArchive, readReleaseFile } from "../../../src/content/load.js";
import { ContentError } from "../../../src/content/release.js";
import { badCharacterProblems, convertToUtf8, decodeReleaseText, encodeWindows1256, lineOfFirstBadByte } from "../../../src/content/text.js";
import { readWrittenId, writtenValue } from "../../../src/content/release-id.js";
import { dateWarnings } from "../../../src/content/plausible-dates.js";
import { firstArchiveYear } from "../../../src/content/site.js";
import { SettingError } from "../../../src/content/setting-error.js";
import { lineOfListItem } from "../../../src/content/front-matter.js";
import { folderWith } from "../../support/run.js";

const created: string[] = [];
after(() => Promise.all(created.map((dir) => rm(dir, { recursive: true, force: true }))));

const NOW = DateTime.fromISO("2024-06-01T12:00:00+03:30", { setZone: true });

/** A release file: `id:`, `title:` and `date:` on lines 2 to 4 (these `lines` replace them), then the other `lines`, and the body from line 6 on. */
function file(lines: string[], body = "متن خبر.\n"): string {
  const head = ["id: 1", "title: خبر", "date: 1403/02/23 10:30"].map((line) => lines.find((given) => given.startsWith(line.slice(0, line.indexOf(":") + 1))) ?? line);
  const rest = lines.filter((line) => !head.includes(line));
  return `---\n${[...head, ...rest].join("\n")}\n---\n${body}`;
}

/**
 * The Persian text of a release as Persian Windows saves it: Windows-1256 has the Arabic yeh
 * (ي) and Latin digits where a Persian keyboard on the web types ی and ۱۲۳.
 */
const PERSIAN_WINDOWS = "---\nid: 149850\ntitle: نشست شوراي اداري استان\ndate: 1403/02/23 10:30\ntags:\n  - «گزارش»\n---\n\nاستاندار گفت: پروژه‌ها، ژرف و چشمگير؛ آيا کار پيش مي‌رود؟\n";

describe("bad text is refused with its file, line and field", () => {
  /** Each problem's place, and its message in English (`message`) and in Persian (`fa`). */
  const rows: Array<{ name: string; source: string | Uint8Array; line: number; field: string; message: RegExp; fa: RegExp }> = [
    {
      name: "a Windows-1256 file names the line of its first non-UTF-8 byte and how to convert it",
      source: encodeWindows1256(PERSIAN_WINDOWS)!,
      line: 3,
      field: "encoding",
      message: /^the file is not saved as UTF-8: it is Windows-1256 \(Persian Windows.*run `npm run check -- --fix` to convert it, or open it in your editor and save it as UTF-8$/,
      fa: /^فایل با نویسه‌گذاری UTF-8 ذخیره نشده است: نویسه‌گذاری آن Windows-1256 .*`npm run check -- --fix` را اجرا کنید تا آن را تبدیل کند/,
    },
    {
      name: "a UTF-16 file (Notepad's \"Unicode\") is named so",
      source: Buffer.from(`\uFEFF${file([])}`, "utf16le"),
      line: 1,
      field: "encoding",
      message: /^the file is saved as UTF-16 \("Unicode"\), not UTF-8: run `npm run check -- --fix`/,
      fa: /^فایل با نویسه‌گذاری UTF-16 \(«Unicode»\) ذخیره شده است، نه UTF-8: `npm run check -- --fix`/,
    },
    {
      name: "invalid UTF-8 bytes in a UTF-8 file are not taken for Windows-1256",
      source: Buffer.concat([Buffer.from(file([], "بند نخست\n\nبند دوم ")), Buffer.from([0xd8]), Buffer.from(" پایان\n")]),
      line: 8,
      field: "encoding",
      message: /^the file is not saved as UTF-8: its letters would be lost from this line on; open it in your editor and save it as UTF-8/,
      fa: /^فایل با نویسه‌گذاری UTF-8 ذخیره نشده است و حرف‌هایش از این خط به بعد از دست می‌روند/,
    },
    {
      name: "a NUL in a front-matter value names the field",
      source: file(['lead: "خلاصه\u0000"']),
      line: 5,
      field: "lead",
      message: /^the line has an invisible control character \(U\+0000\) after «lead: "خلاصه»: delete it/,
      fa: /^در این خط پس از «lead: "خلاصه» یک نویسهٔ کنترلی نامرئی \(U\+0000\) هست: آن را پاک کنید/,
    },
    {
      name: "a control character in the body names the text",
      source: file([], "بند نخست\n\nبند\u0008 دوم\n"),
      line: 8,
      field: "text",
      message: /^the line has an invisible control character \(U\+0008\) after «بند»/,
      fa: /^در این خط پس از «بند» یک نویسهٔ کنترلی نامرئی \(U\+0008\) هست/,
    },
    {
      name: "DEL and C1 characters are control characters too, counted per line",
      source: file([], "متن\u007F و\u0085 خبر\n"),
      line: 6,
      field: "text",
      message: /\(U\+007F\) after «متن» \(and 1 more on this line\)/,
      fa: /پس از «متن» \(و ۱ نویسهٔ دیگر در همین خط\) یک نویسهٔ کنترلی نامرئی \(U\+007F\)/,
    },
    {
      name: "a control character on a list item's line names the list",
      source: file(["tags:", "  - نشست\u001B"]),
      line: 6,
      field: "tags",
      message: /^the line has an invisible control character \(U\+001B\)/,
      fa: /^در این خط .*\(U\+001B\)/,
    },
    {
      name: "� (U+FFFD) marks letters already lost and is refused",
      source: file([], "استاندار \uFFFD\uFFFD\uFFFD گفت\n"),
      line: 6,
      field: "text",
      message: /^the line has «�» \(U\+FFFD\) after «استاندار» \(and 2 more on this line\), the mark a wrong conversion leaves/,
      fa: /^در این خط پس از «استاندار» \(و ۲ نویسهٔ دیگر در همین خط\) نویسهٔ «�» \(U\+FFFD\) هست/,
    },
    ...["1e3", "0x10", "1.0", "-5", "+5", "1_000", "0o17", ".inf", "1e+3", "149,840", "abc"].map((written) => ({
      name: `id: ${written} is refused (digits only)`,
      source: file([`id: ${written}`]),
      line: 2,
      field: "id",
      message: new RegExp(`^id must be written with digits only, such as \`id: 149840\` \\(or in Persian digits, \`id: ۱۴۹۸۴۰\`\\), not \`${written.replace(/[.+]/g, "\\$&")}\`$`),
      fa: new RegExp(`^شناسه را فقط با رقم بنویسید، مثلاً \`id: 149840\` \\(یا با رقم‌های فارسی، \`id: ۱۴۹۸۴۰\`\\)، نه \`${written.replace(/[.+]/g, "\\$&")}\`\\.$`),
    })),
    {
      name: "a quoted id keeps today's message",
      source: file(['id: "149840"']),
      line: 2,
      field: "id",
      message: /^id must be a whole number without quotes, e.g. `id: 149840`$/,
      fa: /^شناسه باید عددی بی‌گیومه باشد، مثلاً `id: 149840`\.$/,
    },
    {
      name: "an id longer than a number can hold is refused",
      source: file(["id: 12345678901234567890"]),
      line: 2,
      field: "id",
      message: /^id 12345678901234567890 is too long for a news code/,
      fa: /^شناسهٔ ۱۲۳۴۵۶۷۸۹۰۱۲۳۴۵۶۷۸۹۰ برای کد خبر بیش از اندازه بلند است/,
    },
    {
      name: "id 0 in Persian digits is not positive",
      source: file(["id: ۰"]),
      line: 2,
      field: "id",
      message: /^id must be a positive number$/,
      fa: /^شناسه باید عددی بزرگ‌تر از صفر باشد/,
    },
    {
      name: "a tag of punctuation only (..) is refused on its own line",
      source: file(["tags:", "  - نشست", '  - ".."']),
      line: 7,
      field: "tags",
      message: /^the tag "\.\." has no letter or digit, so it can have no page: write it in words, or remove it$/,
      fa: /^برچسب «\.\.» هیچ حرف یا رقمی ندارد، پس صفحه‌ای هم نمی‌تواند داشته باشد: آن را با کلمه بنویسید، یا بردارید\.$/,
    },
    {
      name: "a tag of punctuation only in a one-line list (!!!) is refused on that line",
      source: file(["tags: [نشست, '!!!']"]),
      line: 5,
      field: "tags",
      message: /^the tag "!!!" has no letter or digit/,
      fa: /^برچسب «!!!» هیچ حرف یا رقمی ندارد/,
    },
    {
      name: "a county of punctuation only is refused",
      source: file(['county: "..."']),
      line: 5,
      field: "county",
      message: /^the county "\.\.\." has no letter or digit/,
      fa: /^شهرستان «\.\.\.» هیچ حرف یا رقمی ندارد/,
    },
    {
      name: "an organization of punctuation only is refused",
      source: file(['organization: "!!!"']),
      line: 5,
      field: "organization",
      message: /^the organization "!!!" has no letter or digit/,
      fa: /^دستگاه «!!!» هیچ حرف یا رقمی ندارد/,
    },
    {
      name: "a front matter without its closing --- says where to add it",
      source: "---\nid: 1\ntitle: خبر\ndate: 1403/02/23\ntags:\n  - نشست\n\nمتن خبر.\n",
      line: 7,
      field: "front matter",
      message: /^the front matter is not closed: add a line with --- after the last field$/,
      fa: /^سرآغاز فایل بسته نشده است: پس از آخرین فیلد خطی با `---` بیفزایید\.$/,
    },
    {
      name: "a front matter without its closing --- nor any text is refused too (it used to be a release without text)",
      source: "---\nid: 1\ntitle: خبر\ndate: 1403/02/23\n",
      line: 5,
      field: "front matter",
      message: /^the front matter is not closed/,
      fa: /^سرآغاز فایل بسته نشده است/,
    },
  ];
  for (const row of rows) {
    test(row.name, () => {
      const result = readReleaseFile("x.md", typeof row.source === "string" ? Buffer.from(row.source) : row.source, NOW);
      assert.equal(result.release, undefined);
      assert.equal(result.problems.length, 1, JSON.stringify(result.problems));
      const [problem] = result.problems;
      assert.deepEqual({ file: problem!.file, line: problem!.line, field: problem!.field }, { file: "x.md", line: row.line, field: row.field });
      assert.match(problem!.message.en, row.message);
      assert.match(problem!.message.fa, row.fa);
    });
  }

  test("a control character does not hide the file's other problems", () => {
    const result = readReleaseFile("x.md", Buffer.from(file(["id: 1e3", 'title: "خبر\u0000"', "lang: de"])), NOW);
    assert.deepEqual(
      result.problems.map(({ line, field }) => [line, field]),
      [
        [3, "title"],
        [2, "id"],
        [5, "lang"],
      ],
    );
    assert.equal(result.id, undefined, "an id written otherwise than in digits counts for nothing");
  });
});

describe("text that is fine", () => {
  const rows: Array<{ name: string; source: string | Uint8Array; id: number; title?: string }> = [
    { name: "an id in Persian digits is the same number", source: file(["id: ۱۵۰۰۰۲"]), id: 150002 },
    { name: "an id in Arabic-Indic digits, with a comment, is the same number", source: file(["id: ١٥٠٠٠٢   # کد خبر"]), id: 150002 },
    { name: "an id of mixed digits is read digit by digit", source: file(["id: 15۰۰٠2"]), id: 150002 },
    { name: "an id on the line below `id:` is read there", source: "---\nid:\n  149840\ntitle: خبر\ndate: 1403/02/23\n---\n", id: 149840 },
    { name: "a front matter written as one {…} keeps what YAML reads", source: "---\n{id: 7, title: خبر, date: 1403/02/23}\n---\nمتن\n", id: 7 },
    {
      name: "a byte-order mark, tabs, Windows line ends, the half-space, ZWJ and bidi marks are text",
      source: Buffer.from(`\uFEFF${file(["title: روابط\u200Cعمومی \u200D\u200F\u200E\u202B\u202C\u2067\u2069"]).replaceAll("\n", "\r\n")}\tپایان`),
      id: 1,
      title: "روابط\u200Cعمومی \u200D\u200F\u200E\u202B\u202C\u2067\u2069",
    },
  ];
  for (const row of rows) {
    test(row.name, () => {
      const bytes = typeof row.source === "string" ? Buffer.from(row.source) : row.source;
      const result = readReleaseFile("x.md", bytes, NOW);
      assert.deepEqual(result.problems, []);
      assert.equal(result.release?.id, row.id);
      assert.equal(result.id?.value, row.id);
      if (row.title) assert.equal(result.release?.title, row.title);
      // The hash is git's blob id of the bytes, whether the file is given as bytes or as text.
      assert.equal(result.release?.fileHash, readReleaseFile("x.md", new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes), NOW).release?.fileHash);
    });
  }
});

describe("decoding and converting", () => {
  test("every byte of Windows-1256 round-trips: 256 bytes, 256 different characters", () => {
    const bytes = Uint8Array.from({ length: 256 }, (_, byte) => byte);
    const text = new TextDecoder("windows-1256").decode(bytes);
    assert.equal(new Set(text).size, 256);
    assert.deepEqual(encodeWindows1256(text), bytes);
    assert.equal(encodeWindows1256("ی۱"), undefined, "the Persian yeh and digits have no byte in Windows-1256");
  });

  test("a Windows-1256 file converts to UTF-8 losing nothing: every character gives back its byte", () => {
    const bytes = encodeWindows1256(PERSIAN_WINDOWS)!;
    const converted = convertToUtf8(bytes);
    assert.deepEqual(converted, { text: PERSIAN_WINDOWS, from: "Windows-1256" });
    assert.deepEqual(encodeWindows1256(converted.text), bytes);
    assert.deepEqual(decodeReleaseText(Buffer.from(converted.text)), { text: PERSIAN_WINDOWS });
  });

  test("a UTF-8 byte-order mark before Windows-1256 text is kept as the mark", () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), encodeWindows1256(PERSIAN_WINDOWS)!]);
    assert.deepEqual(convertToUtf8(bytes), { text: `\uFEFF${PERSIAN_WINDOWS}`, from: "Windows-1256" });
  });

  test("UTF-16 files with their byte-order mark convert, either byte order", () => {
    const text = file(["tags:", "  - نشست"]);
    const little = Buffer.from(`\uFEFF${text}`, "utf16le");
    const big = Buffer.from(little).swap16();
    assert.deepEqual(convertToUtf8(little), { text, from: "UTF-16" });
    assert.deepEqual(convertToUtf8(big), { text, from: "UTF-16" });
  });

  const refused: Array<[string, Uint8Array]> = [
    ["a UTF-8 file", Buffer.from(file([]))],
    ["a Latin-1 file (French, not Persian)", Buffer.from("---\nid: 1\ntitle: café à Téhéran\n---\n", "latin1")],
    ["a UTF-8 file with a bad byte", Buffer.concat([Buffer.from("سلام بر همه "), Buffer.from([0xff])])],
    ["UTF-16 cut in the middle of a character", Buffer.from(`\uFEFFسلام`, "utf16le").subarray(0, 5)],
  ];
  for (const [name, bytes] of refused) {
    test(`not converted: ${name}`, () => {
      assert.equal(convertToUtf8(bytes), undefined);
    });
  }

  test("the line of the first bad byte is counted past � the file holds as UTF-8", () => {
    const bytes = Buffer.concat([Buffer.from("یک\n\uFFFD دو\nسه "), Buffer.from([0x80]), Buffer.from("\nچهار")]);
    assert.equal(lineOfFirstBadByte(bytes), 3);
    assert.equal(lineOfFirstBadByte(Buffer.from([0xc3])), 1);
  });

  test("a file's byte-order mark is kept in its text, so the text's bytes are the file's", () => {
    assert.deepEqual(decodeReleaseText(Buffer.from("\uFEFF---\n")), { text: "\uFEFF---\n" });
  });

  test("bad characters of a file without front matter are in its text", () => {
    assert.deepEqual(
      badCharacterProblems("سطر\nدو\u0007").map(({ line, field }) => [line, field]),
      [[2, "text"]],
    );
  });
});

describe("an id as written", () => {
  const values: Array<[string, string, string | undefined]> = [
    ["a plain value", "\nid: 149840\ntitle: x", "149840"],
    ["a comment after it", "\nid: 12  # کد خبر\n", "12"],
    ["a value on the next, indented line", "\nid:\n  # کد\n  149840\ntitle: x", "149840"],
    ["an empty value", "\nid:\ntitle: x", ""],
    ["no id line", "\ntitle: x", undefined],
  ];
  for (const [name, frontMatter, expected] of values) {
    test(`writtenValue: ${name}`, () => {
      assert.equal(writtenValue(frontMatter, "id"), expected);
    });
  }

  const ids: Array<[string | undefined, ReturnType<typeof readWrittenId>]> = [
    ["149840", { value: 149840 }],
    ["۱۴۹۸۴۰", { value: 149840 }],
    ["١٤٩٨٤٠", { value: 149840 }],
    ["007", { value: 7 }],
    ['"149840"', undefined],
    ["'149840'", undefined],
    ["", undefined],
    [undefined, undefined],
  ];
  for (const [written, expected] of ids) {
    test(`readWrittenId(${JSON.stringify(written)}) → ${JSON.stringify(expected)}`, () => {
      assert.deepEqual(readWrittenId(written), expected);
    });
  }
});

describe("implausible dates are warnings", () => {
  const warningOf = dateWarnings(NOW, 1370);
  const at = (text: string) => DateTime.fromISO(text, { zone: "Asia/Tehran" });
  const rows: Array<{ name: string; date: DateTime; warning: string | undefined; fa?: string }> = [
    {
      name: "a year typo, 2204, is an embargo of centuries",
      date: at("2204-05-12T10:30"),
      warning: "the date is more than a year after this build (1403/03/12 12:00): the release is embargoed until 1583/02/22 10:30; if the year is a typo, correct it",
      fa: "تاریخ بیش از یک سال پس از زمان این ساخت (۱۴۰۳/۰۳/۱۲ ۱۲:۰۰) است و خبر تا ۱۵۸۳/۰۲/۲۲ ۱۰:۳۰ منتشر نمی‌شود: اگر سال اشتباه تایپ شده، آن را درست کنید.",
    },
    { name: "9999-01-01 too", date: at("9999-01-01"), warning: "the date is more than a year after this build (1403/03/12 12:00): the release is embargoed until 9377/10/12 00:00; if the year is a typo, correct it" },
    { name: "a year ahead to the minute is scheduled, not a typo", date: NOW.plus({ years: 1 }), warning: undefined },
    { name: "today is fine", date: NOW, warning: undefined },
    { name: "the first day of the first year is fine", date: at("1991-03-21T00:00"), warning: undefined },
    {
      name: "the day before the first year is warned of",
      date: at("1991-03-20T23:59"),
      warning: "the date 1369/12/29 23:59 is before 1370, the archive's first year (AKHBAR_FIRST_YEAR): if the year is a typo, correct it",
      fa: "تاریخ ۱۳۶۹/۱۲/۲۹ ۲۳:۵۹ پیش از ۱۳۷۰، نخستین سال آرشیو (AKHBAR_FIRST_YEAR)، است: اگر سال اشتباه تایپ شده، آن را درست کنید.",
    },
  ];
  for (const row of rows) {
    test(row.name, () => {
      const warning = warningOf(row.date);
      assert.equal(warning?.en, row.warning);
      if (row.fa) assert.equal(warning?.fa, row.fa);
      else if (row.warning) assert.ok(warning!.fa.includes("اگر سال اشتباه تایپ شده"), warning!.fa);
    });
  }

  const settings: Array<[string | undefined, number | RegExp]> = [
    [undefined, 1370],
    ["", 1370],
    ["1385", 1385],
    ["۱۳۸۵", 1385],
    ["1990", /^AKHBAR_FIRST_YEAR must be a Jalali year such as 1370 \(the archive's first year\), not "1990"$/],
    ["1990", /^AKHBAR_FIRST_YEAR باید یک سال شمسی باشد، مانند AKHBAR_FIRST_YEAR=1370 \(نخستین سال آرشیو\)، نه «1990»\.$/],
    ["85", /must be a Jalali year/],
    ["next", /must be a Jalali year/],
  ];
  for (const [setting, expected] of settings) {
    test(`AKHBAR_FIRST_YEAR=${JSON.stringify(setting)} → ${expected}`, () => {
      const env = setting === undefined ? {} : { AKHBAR_FIRST_YEAR: setting };
      if (typeof expected === "number") assert.equal(firstArchiveYear(env), expected);
      // The setting's message in both languages; the error's own message in the language shown (Persian by default).
      else assert.throws(() => firstArchiveYear(env), (error: unknown) => error instanceof SettingError && (expected.test(error.text.en) || expected.test(error.text.fa)) && error.message === error.text.fa);
    });
  }

  test("the loader keeps the warnings, prints them after its summary, and builds", async () => {
    const dir = await folderWith(
      {
        "1403/1.md": file(["id: 1", "date: 2204-05-12"]),
        "1403/2.md": file(["id: 2", "date: 1303/02/23"]),
        "1403/3.md": file(["id: 3"]),
      },
      "akhbar-unit-text-",
    );
    created.push(dir);
    const printed: string[] = [];
    const warn = console.warn;
    console.warn = (line: string) => printed.push(line);
    let archive;
    try {
      archive = await loadArchive(dir, { includeDrafts: false, now: NOW, firstYear: 1370 });
    } finally {
      console.warn = warn;
    }
    assert.deepEqual(archive.releases.map((release) => release.id), [3, 2]);
    const name = (relative: string) => path.relative(process.cwd(), path.join(dir, relative)).split(path.sep).join("/");
    assert.deepEqual(
      archive.warnings?.map(({ file, line, field }) => [file, line, field]),
      [
        [name("1403/1.md"), 4, "date"],
        [name("1403/2.md"), 4, "date"],
      ],
    );
    assert.equal(printed.length, 1);
    assert.ok(printed[0]!.startsWith("[akhbar] ۲ هشدار (ساخت ادامه می‌یابد):\n"), printed[0]);
    assert.ok(printed[0]!.includes(`  ${name("1403/1.md")}:4  [تاریخ (date)] تاریخ بیش از یک سال پس از زمان این ساخت (۱۴۰۳/۰۳/۱۲ ۱۲:۰۰) است و خبر تا ۱۵۸۳/۰۲/۲۲ ۰۰:۰۰ منتشر نمی‌شود`), printed[0]);
    assert.ok(archive.warnings![0]!.message.en.startsWith("the date is more than a year after this build (1403/03/12 12:00): the release is embargoed until 1583/02/22 00:00"));
  });
});

describe("the loader reads bytes", () => {
  test("a file that is not UTF-8 stops the build, with the others' problems", async () => {
    const dir = await folderWith({ "1403/2.md": file(["id: 0x10"]) }, "akhbar-unit-text-");
    created.push(dir);
    await mkdir(path.join(dir, "1403"), { recursive: true });
    await writeFile(path.join(dir, "1403", "1.md"), encodeWindows1256(PERSIAN_WINDOWS)!);
    const error = await loadArchive(dir, { includeDrafts: false, now: NOW }).catch((caught: unknown) => caught);
    assert.ok(error instanceof ContentError, String(error));
    assert.deepEqual(
      error.problems.map(({ line, field }) => [line, field]),
      [
        [3, "encoding"],
        [2, "id"],
      ],
    );
  });

  test("lineOfListItem finds a list's item, or the list's line", () => {
    const frontMatter = "\nid: 1\ntags:\n  - یک\n  # یادداشت\n  - دو\nlang: fa";
    assert.equal(lineOfListItem(frontMatter, "tags", 0), 4);
    assert.equal(lineOfListItem(frontMatter, "tags", 1), 6);
    assert.equal(lineOfListItem(frontMatter, "tags", 2), 3);
    assert.equal(lineOfListItem("\ntags: [یک, دو]", "tags", 1), 2);
  });
});
