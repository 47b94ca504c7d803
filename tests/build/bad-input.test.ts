/**
 * A broken content file must stop the build with a message an editor can act on (file, line,
 * field, no stack trace) and leave the published site exactly as it was.
 */
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { cp, mkdir, rm } from "node:fs/promises";
import { availableParallelism } from "node:os";
import path from "node:path";
import { repoRoot, runBuild, temporaryDirectory } from "../support/run.js";
import { exists, hashTree } from "../support/html.js";

const BAD = path.join(repoRoot, "tests", "fixtures", "bad");
/** The valid releases every case's archive holds besides the broken file. */
const VALID = ["releases/1402/140210.md", "releases/1402/149840.md"];

interface ExpectedProblem {
  /** Relative to the case's content folder. */
  file: string;
  /** The reported line, or the range of lines it may be in. */
  line: number | [number, number];
  field: string;
  message: RegExp;
}

interface Case {
  name: string;
  fixture: string;
  /** `name` gives a content file's path as the build logs it; `broken` is the broken file's. */
  problems: (broken: string, name: (relative: string) => string) => ExpectedProblem[];
}

const CASES: Case[] = [
  {
    name: "bad YAML (an unclosed quote)",
    fixture: "bad-yaml.md",
    // The quote opens on line 3; YAML notices it where the quoted text runs into the next
    // field, at the latest at the closing `---` (line 5). Never before line 3, never after 5.
    problems: (file) => [{ file, line: [3, 5], field: "front matter", message: /^the front matter is not valid YAML: / }],
  },
  {
    name: "missing title",
    fixture: "missing-title.md",
    problems: (file) => [{ file, line: 1, field: "title", message: /^title is required: add a line `title: …`/ }],
  },
  {
    name: "a date that is not a date (2024-13-45)",
    fixture: "bad-date.md",
    problems: (file) => [{ file, line: 4, field: "date", message: /^date "2024-13-45" is not a date: write it as / }],
  },
  {
    name: "an impossible Jalali date (1403/07/31: Mehr has 30 days)",
    fixture: "bad-jalali-date.md",
    problems: (file) => [{ file, line: 4, field: "date", message: /^date 1403\/7\/31 is not a day of the Jalali calendar/ }],
  },
  {
    name: "an unknown field (titel:)",
    fixture: "unknown-field.md",
    problems: (file) => [
      { file, line: 1, field: "title", message: /^title is required/ },
      { file, line: 3, field: "titel", message: /^unknown field "titel": did you mean "title"\?/ },
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
        message: new RegExp(`^id 140210 is already used by ${escapeRegExp(`${name(VALID[0]!)}:2`)}; every release needs its own id \\(the next free one is 149841\\)`),
      },
    ],
  },
  {
    name: "a picture that is not in content/images",
    fixture: "missing-image.md",
    problems: (file) => [{ file, line: 5, field: "image", message: /^the picture \/images\/no-such-photo\.jpg is missing: put it in .*images\/ or correct the name$/ }],
  },
  {
    name: "no front matter at all",
    fixture: "no-front-matter.md",
    problems: (file) => [{ file, line: 1, field: "front matter", message: /^the file must start with a front-matter block/ }],
  },
  {
    name: "a file saved as Windows-1256 (Persian Windows), not UTF-8",
    fixture: "windows-1256.md",
    problems: (file) => [{ file, line: 3, field: "encoding", message: /^the file is not saved as UTF-8: it is Windows-1256 .*run `npm run check -- --fix` to convert it/ }],
  },
  {
    name: "a NUL character in the title",
    fixture: "control-character.md",
    problems: (file) => [{ file, line: 3, field: "title", message: /^the line has an invisible control character \(U\+0000\) after «.*»: delete it/ }],
  },
  {
    name: "an id written as 1e3, which YAML reads as 1000",
    fixture: "id-exponent.md",
    problems: (file) => [{ file, line: 2, field: "id", message: /^id must be written with digits only, such as `id: 149840` .*not `1e3`$/ }],
  },
  {
    name: "a tag of punctuation only (..), which would have no page",
    fixture: "punctuation-tag.md",
    problems: (file) => [{ file, line: 7, field: "tags", message: /^the tag "\.\." has no letter or digit, so it can have no page/ }],
  },
  {
    name: "a front matter without its closing ---",
    fixture: "unclosed-front-matter.md",
    problems: (file) => [{ file, line: 5, field: "front matter", message: /^the front matter is not closed: add a line with --- after the last field$/ }],
  },
];

/** A stack frame, as Node prints it, with or without Eleventy's `[11ty]` prefix. */
const STACK_FRAME = /^(?:\[11ty\])?\s+at .+:\d+:\d+\)?$/m;
/** One problem line of the build's report: `  <file>:<line>  [<field>] <message>`. */
const PROBLEM_LINE = /^(?:\[11ty\])?\s+(\S.*\.md):(\d+) {2}\[([^\]]+)\] (.*?)(?: \(via \w+\))?$/gm;

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

      const expected = testCase.problems(logPath(content, brokenRelative), (relative) => logPath(content, relative));
      const count = expected.length === 1 ? "1 problem" : `${expected.length} problems`;
      assert.match(log, new RegExp(`The archive has ${count}; nothing was published\\.`), log);
      const reported = [...log.matchAll(PROBLEM_LINE)].map(([, file, line, field, message]) => ({ file, line: Number(line), field, message: message! }));
      assert.deepEqual(
        reported.map(({ file, field }) => ({ file, field })),
        expected.map(({ file, field }) => ({ file, field })),
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
        assert.match(actual.message, problem.message);
      });
      assert.match(log, new RegExp(`^Build failed: ${escapeRegExp(output)}/ was left as it was\\.$`, "m"));

      // The published site is untouched, byte for byte, and no build folder is left beside it.
      assert.deepEqual(await hashTree(output), before);
      assert.equal(await exists(`${output}.staging`), false, "the staging folder was left behind");
      assert.equal(await exists(`${output}.previous`), false, "the previous-site folder was left behind");
    });
  }
});
