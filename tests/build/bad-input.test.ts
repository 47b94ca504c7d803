/**
 * A broken content file must stop the build with a message an editor can act on (file, line,
 * field in the editor's words, what to do; no stack trace, none of Eleventy's `[11ty]` lines) and
 * leave the published site exactly as it was. The messages are Persian by default: every case is
 * built so; one build of all the broken files with AKHBAR_LANG=en checks the English ones.
 */
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { cp, mkdir, rm } from "node:fs/promises";
import { availableParallelism } from "node:os";
import path from "node:path";
import { repoRoot, runBuild, temporaryDirectory } from "../support/run.js";
import { exists, hashTree } from "../support/html.js";
import { fieldLabel } from "../../src/messages/fields.js";
import { faNumber } from "../../src/messages/messages.js";

const BAD = path.join(repoRoot, "tests", "fixtures", "bad");
/** The valid releases every case's archive holds besides the broken file. */
const VALID = ["releases/1402/140210.md", "releases/1402/149840.md"];

interface ExpectedProblem {
  /** Relative to the case's content folder. */
  file: string;
  /** The reported line, or the range of lines it may be in. */
  line: number | [number, number];
  /** The field as the schema names it: the log shows its label (src/messages/fields.ts). */
  field: string;
  /** The message in Persian, as a build prints it by default. */
  fa: RegExp;
  /** The message in English (AKHBAR_LANG=en). */
  en: RegExp;
}

interface Case {
  name: string;
  fixture: string;
  /** `name` gives a content file's path as the build logs it; `broken` is the broken file's. */
  problems: (broken: string, name: (relative: string) => string) => ExpectedProblem[];
  /** Found when the pages are made, after the archive is read: not among the archive's problems when another file stops the build first. */
  whenRendering?: boolean;
}

const CASES: Case[] = [
  {
    name: "bad YAML (an unclosed quote): the line that opens it",
    fixture: "bad-yaml.md",
    // The quote opens on line 3; YAML notices it where the quoted text runs into the next field:
    // the build names the line that opens it.
    problems: (file) => [
      {
        file,
        line: 3,
        field: "front matter",
        fa: /^گیومه‌ای \("\) که مقدار عنوان \(title\) با آن آغاز شده بسته نشده است: آن را در پایان مقدار ببندید، مثلاً `title: "…"`\.$/,
        en: /^the quote \("\) that opens the value of title is not closed: close it at the end of the value/,
      },
    ],
  },
  {
    name: "an unquoted colon in the title (title: خبر: افتتاح …): put the value in quotes",
    fixture: "unquoted-colon.md",
    problems: (file) => [
      {
        file,
        line: 3,
        field: "front matter",
        fa: /^مقدار عنوان \(title\) دونقطه \(:\) دارد و برای همین خوانده نمی‌شود: مقدار را در گیومه بگذارید: `title: "خبر: افتتاح مدرسهٔ تازه در ری"`$/,
        en: /^the value of title has a colon, which cannot be read without quotes: put the value in quotes: `title: "خبر: افتتاح مدرسهٔ تازه در ری"`$/,
      },
    ],
  },
  {
    name: "missing title",
    fixture: "missing-title.md",
    problems: (file) => [{ file, line: 1, field: "title", fa: /^عنوان \(title\) نوشته نشده است و لازم است: خطی مانند `title: .*` به سرآغاز فایل بیفزایید\.$/, en: /^title is required: add a line `title: …`/ }],
  },
  {
    name: "a date that is not a date (2024-13-45)",
    fixture: "bad-date.md",
    problems: (file) => [{ file, line: 4, field: "date", fa: /^«2024-13-45» تاریخ نیست: آن را به شکل `1403\/02\/23 10:30` .*بنویسید\.$/, en: /^date "2024-13-45" is not a date: write it as / }],
  },
  {
    name: "an impossible Jalali date (1403/07/31: Mehr has 30 days)",
    fixture: "bad-jalali-date.md",
    problems: (file) => [{ file, line: 4, field: "date", fa: /^۱۴۰۳\/۷\/۳۱ روزی از تقویم شمسی نیست: .*مهر تا بهمن ۳۰ روز/, en: /^date 1403\/7\/31 is not a day of the Jalali calendar/ }],
  },
  {
    name: "an unknown field (titel:)",
    fixture: "unknown-field.md",
    problems: (file) => [
      { file, line: 1, field: "title", fa: /^عنوان \(title\) نوشته نشده است/, en: /^title is required/ },
      { file, line: 3, field: "titel", fa: /^فیلد `titel` شناخته نیست: آیا منظورتان `title` بود؟/, en: /^unknown field "titel": did you mean "title"\?/ },
    ],
  },
  {
    name: "a duplicate id (140210, already the sample's)",
    fixture: "duplicate-id.md",
    // The problem is reported at the second file, and names the first: both files are named.
    problems: (file, name) => [
      {
        file,
        line: 2,
        field: "id",
        fa: new RegExp(`^شناسهٔ ۱۴۰۲۱۰ را پیش‌تر ${escapeRegExp(`${name(VALID[0]!)}:2`)} گرفته است؛ هر خبر شناسهٔ خودش را لازم دارد: نخستین شناسهٔ آزاد را بنویسید، \`id: \\d+\`\\.$`),
        en: new RegExp(`^id 140210 is already used by ${escapeRegExp(`${name(VALID[0]!)}:2`)}; every release needs its own id \\(the next free one is \\d+\\)`),
      },
    ],
  },
  {
    name: "a picture that is not in content/images",
    fixture: "missing-image.md",
    whenRendering: true,
    problems: (file) => [
      {
        file,
        line: 5,
        field: "image",
        fa: /^تصویر \/images\/no-such-photo\.jpg پیدا نمی‌شود: آن را در .*images\/ بگذارید یا نامش را درست کنید\.$/,
        en: /^the picture \/images\/no-such-photo\.jpg is missing: put it in .*images\/ or correct the name$/,
      },
    ],
  },
  {
    name: "no front matter at all",
    fixture: "no-front-matter.md",
    problems: (file) => [{ file, line: 1, field: "front matter", fa: /^فایل باید با سرآغاز شروع شود: خطی با `---`/, en: /^the file must start with a front-matter block/ }],
  },
  {
    name: "a file saved as Windows-1256 (Persian Windows), not UTF-8",
    fixture: "windows-1256.md",
    problems: (file) => [
      {
        file,
        line: 3,
        field: "encoding",
        fa: /^فایل با نویسه‌گذاری UTF-8 ذخیره نشده است: نویسه‌گذاری آن Windows-1256 .*`npm run check -- --fix` را اجرا کنید تا آن را تبدیل کند/,
        en: /^the file is not saved as UTF-8: it is Windows-1256 .*run `npm run check -- --fix` to convert it/,
      },
    ],
  },
  {
    name: "a NUL character in the title",
    fixture: "control-character.md",
    problems: (file) => [{ file, line: 3, field: "title", fa: /^در این خط پس از «.*» یک نویسهٔ کنترلی نامرئی \(U\+0000\) هست: آن را پاک کنید/, en: /^the line has an invisible control character \(U\+0000\) after «.*»: delete it/ }],
  },
  {
    name: "an id written as 1e3, which YAML reads as 1000",
    fixture: "id-exponent.md",
    problems: (file) => [{ file, line: 2, field: "id", fa: /^شناسه را فقط با رقم بنویسید، مثلاً `id: 149840` .*نه `1e3`\.$/, en: /^id must be written with digits only, such as `id: 149840` .*not `1e3`$/ }],
  },
  {
    name: "a tag of punctuation only (..), which would have no page",
    fixture: "punctuation-tag.md",
    problems: (file) => [{ file, line: 7, field: "tags", fa: /^برچسب «\.\.» هیچ حرف یا رقمی ندارد، پس صفحه‌ای هم نمی‌تواند داشته باشد/, en: /^the tag "\.\." has no letter or digit, so it can have no page/ }],
  },
  {
    name: "a release type that is none of the list (type: خبرنامه)",
    fixture: "unknown-type.md",
    problems: (file) => [
      {
        file,
        line: 5,
        field: "type",
        fa: /^نوع خبر «خبرنامه» شناخته نیست: یکی از خبر، اطلاعیه، .*گزارش ویدیویی را بنویسید، مثلاً `type: اطلاعیه` \(بی این خط، خبر\)\.$/,
        en: /^type "خبرنامه" is not a release type: write one of خبر, اطلاعیه, .* \(or news, notice, .*\); without the line, a release is news$/,
      },
    ],
  },
  {
    name: "an update dated before the release (updated: 1403/01/23, date: 1403/02/23)",
    fixture: "updated-before-date.md",
    problems: (file) => [
      {
        file,
        line: 5,
        field: "updated",
        fa: /^تاریخ به‌روزرسانی \(۱۴۰۳\/۰۱\/۲۳ ۱۰:۳۰\) پیش از تاریخ خود خبر \(۱۴۰۳\/۰۲\/۲۳ ۱۰:۳۰\) است: /,
        en: /^updated \(1403\/01\/23 10:30\) is before the release's date \(1403\/02\/23 10:30\)/,
      },
    ],
  },
  {
    name: "a front matter without its closing ---",
    fixture: "unclosed-front-matter.md",
    problems: (file) => [{ file, line: 5, field: "front matter", fa: /^سرآغاز فایل بسته نشده است: پس از آخرین فیلد خطی با `---` بیفزایید\.$/, en: /^the front matter is not closed: add a line with --- after the last field$/ }],
  },
];

/** A stack frame, as Node prints it, with or without Eleventy's `[11ty]` prefix. */
const STACK_FRAME = /^(?:\[11ty\])?\s+at .+:\d+:\d+\)?$/m;
/** One problem line of the build's report: `  <file>:<line>  [<field>] <message>`. */
const PROBLEM_LINE = /^\s+(\S.*\.md):(\d+) {2}\[([^\]]+)\] (.*)$/gm;
/** What Eleventy printed of a failed build, which the build prints no more. */
const ELEVENTY_LINES = /\[11ty\]|Problem writing Eleventy templates|\(via ContentError\)|Wrote \d+ files/;

/** The problems a build's log lists, in its order. */
function reportedIn(log: string): Array<{ file: string; line: number; field: string; message: string }> {
  return [...log.matchAll(PROBLEM_LINE)].map(([, file, line, field, message]) => ({ file: file!, line: Number(line), field: field!, message: message! }));
}

/** Checks the reported problems against the expected, in `language`: files, fields (in the editor's words), lines and messages. */
function assertProblems(log: string, expected: readonly ExpectedProblem[], language: "fa" | "en"): void {
  const reported = reportedIn(log);
  assert.deepEqual(
    reported.map(({ file, field }) => ({ file, field })),
    expected.map(({ file, field }) => ({ file, field: fieldLabel(field)[language] })),
    `the log names other files or fields than expected:\n${log}`,
  );
  expected.forEach((problem, index) => {
    const actual = reported[index]!;
    if (Array.isArray(problem.line)) {
      const [first, last] = problem.line;
      assert.ok(actual.line >= first && actual.line <= last, `[${problem.field}] reported on line ${actual.line}, not within ${first}–${last}`);
    } else {
      assert.equal(actual.line, problem.line, `[${problem.field}] line`);
    }
    assert.match(actual.message, problem[language]);
  });
}

let work = "";
let goodSite = "";
let goodHashes = new Map<string, string>();

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** How the build names a file of a content folder: relative to the repository (its working directory). */
function logPath(content: string, relative: string): string {
  return path.relative(repoRoot, path.join(content, relative)).split(path.sep).join("/");
}

async function validContent(content: string): Promise<void> {
  for (const file of VALID) {
    await mkdir(path.dirname(path.join(content, file)), { recursive: true });
    await cp(path.join(repoRoot, "content", file), path.join(content, file));
  }
  await cp(path.join(repoRoot, "content", "images"), path.join(content, "images"), { recursive: true });
}

before(async () => {
  work = await temporaryDirectory();
  const content = path.join(work, "good", "content");
  await validContent(content);
  goodSite = path.join(work, "good", "site");
  const run = await runBuild(content, goodSite);
  assert.equal(run.code, 0, `the good site did not build:\n${run.log}`);
  goodHashes = await hashTree(goodSite);
  assert.ok(goodHashes.has("index.html") && goodHashes.has("news/140210/index.html") && goodHashes.has("news/149840/index.html"));
});

after(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

// Each case spawns one build (~1.5 s of CPU): run as many at once as there are cores.
describe("a broken content file stops the build and leaves the site as it was", { concurrency: Math.min(4, availableParallelism()) }, () => {
  for (const testCase of CASES) {
    test(testCase.name, async () => {
      const root = path.join(work, path.basename(testCase.fixture, ".md"));
      const content = path.join(root, "content");
      await validContent(content);
      const brokenRelative = `releases/bad/${testCase.fixture}`;
      await mkdir(path.join(content, "releases", "bad"), { recursive: true });
      await cp(path.join(BAD, testCase.fixture), path.join(content, brokenRelative));

      // The site as published by the last good build.
      const output = path.join(root, "site");
      await cp(goodSite, output, { recursive: true });
      const before = await hashTree(output);
      assert.deepEqual(before, goodHashes);

      const run = await runBuild(content, output);
      const log = run.log;

      assert.notEqual(run.code, 0, `the build succeeded:\n${log}`);
      assert.equal(run.code, 1, log);
      assert.doesNotMatch(log, STACK_FRAME, "the log has a stack trace");
      assert.doesNotMatch(log, /stack trace|Internal error/i, log);
      assert.doesNotMatch(log, ELEVENTY_LINES, log);

      const expected = testCase.problems(logPath(content, brokenRelative), (relative) => logPath(content, relative));
      assert.match(log, new RegExp(`^در آرشیو ${faNumber(expected.length)} مشکل هست و چیزی منتشر نشد\\. خط‌های زیر را درست کنید و دوباره بسازید:$`, "m"), log);
      assertProblems(log, expected, "fa");
      assert.match(log, new RegExp(`^ساخت انجام نشد: ${escapeRegExp(output)}/ همان‌گونه که بود ماند\\.$`, "m"));

      // The published site is untouched, byte for byte, and no build folder is left beside it.
      assert.deepEqual(await hashTree(output), before);
      assert.equal(await exists(`${output}.staging`), false, "the staging folder was left behind");
      assert.equal(await exists(`${output}.previous`), false, "the previous-site folder was left behind");
    });
  }
});

test("with AKHBAR_LANG=en, every broken file's problems are printed in English, and so is the build's last line", async () => {
  const root = path.join(work, "english");
  const content = path.join(root, "content");
  await validContent(content);
  await mkdir(path.join(content, "releases", "bad"), { recursive: true });
  // A picture is checked when its page is made: the archive's problems stop the build before.
  const cases = CASES.filter((testCase) => !testCase.whenRendering);
  for (const testCase of cases) await cp(path.join(BAD, testCase.fixture), path.join(content, "releases", "bad", testCase.fixture));
  const output = path.join(root, "site");
  await cp(goodSite, output, { recursive: true });
  const before = await hashTree(output);

  const run = await runBuild(content, output, { AKHBAR_LANG: "en" });
  const log = run.log;
  assert.equal(run.code, 1, log);
  assert.doesNotMatch(log, STACK_FRAME, "the log has a stack trace");
  assert.doesNotMatch(log, ELEVENTY_LINES, log);
  // The archive's problems are sorted by file, then line.
  const expected = cases
    .flatMap((testCase) => testCase.problems(logPath(content, `releases/bad/${testCase.fixture}`), (relative) => logPath(content, relative)))
    .sort((a, b) => a.file.localeCompare(b.file));
  assert.match(log, new RegExp(`^The archive has ${expected.length} problems; nothing was published\\. Fix the lines below and build again:$`, "m"), log);
  assertProblems(log, expected, "en");
  assert.match(log, new RegExp(`^Build failed: ${escapeRegExp(output)}/ was left as it was\\.$`, "m"));
  assert.deepEqual(await hashTree(output), before);
});
