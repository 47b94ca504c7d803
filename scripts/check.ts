/**
 * `npm run check`: lints every release without building.
 * `npm run check -- --fix` first applies the safe fixes in place (typography, in the text and the
 * front matter's text fields; a file saved as Windows-1256 or UTF-16 converted to UTF-8; a release
 * file moved to releases/<Jalali year>/<id>.md), then lints.
 * Options: --input <content folder> (default content).
 * Exit status 1 when an error remains (the build would fail or publish a broken link);
 * warnings alone exit 0, since they never break the site; 2 for a wrong command line or setting.
 * Every line is in Persian, or in English under AKHBAR_LANG=en (src/messages/editors.ts).
 */
import { existsSync } from "node:fs";
import { parseArgs } from "node:util";
import { buildTime } from "../src/content/embargo.js";
import { SettingError } from "../src/content/setting-error.js";
import { problemLabel, problemPlace } from "../src/content/release.js";
import { firstArchiveYear } from "../src/content/site.js";
import { fixArchive, lintArchive, type LintProblem } from "../src/editors/lint.js";
import { say } from "../src/messages/messages.js";
import { argumentError, CHECK_HELP, CHECK_USAGE, checkSummary, FIX_REPORT, halfSpacesWritten, missingContentFolder, SEVERITY } from "../src/messages/editors.js";

let values;
try {
  ({ values } = parseArgs({
    options: { input: { type: "string", default: "content" }, fix: { type: "boolean", default: false }, help: { type: "boolean", short: "h", default: false } },
  }));
} catch (error) {
  console.error(`${say(argumentError(error as NodeJS.ErrnoException))}\n${say(CHECK_USAGE)}`);
  process.exit(2);
}

if (values.help) {
  console.log(say(CHECK_HELP));
  process.exit(0);
}

if (!existsSync(values.input)) {
  console.error(say(missingContentFolder(values.input, "check")));
  process.exit(2);
}

try {
  const now = buildTime();
  const firstYear = firstArchiveYear();
  if (values.fix) {
    const fixed = await fixArchive(values.input, now);
    for (const { file, from } of fixed.converted) console.log(say(FIX_REPORT.converted(file, from)));
    for (const file of fixed.changed) console.log(say(FIX_REPORT.fixed(file)));
    for (const { file, repairs } of fixed.halfSpaces) console.log(say(halfSpacesWritten(file, repairs)));
    for (const { from, to } of fixed.moved) console.log(say(FIX_REPORT.moved(from, to)));
    for (const { from, to } of fixed.notMoved) console.error(say(FIX_REPORT.notMoved(from, to)));
    for (const { file, reason } of fixed.refused) console.error(say(FIX_REPORT.refused(file, reason)));
  }
  const report = await lintArchive(values.input, now, firstYear);
  const line = (problem: LintProblem) =>
    `  ${problemPlace(problem)}  ${say(SEVERITY[problem.severity])} [${say(problemLabel(problem))}] ${say(problem.message)}`;
  const errors = report.problems.filter((problem) => problem.severity === "error");
  const warnings = report.problems.filter((problem) => problem.severity === "warning");
  if (report.problems.length > 0) console.log(report.problems.map(line).join("\n"));
  const fixable = report.problems.filter((problem) => problem.fixable).length;
  console.log(say(checkSummary(report.files, errors.length, warnings.length, fixable)));
  process.exitCode = errors.length > 0 ? 1 : 0;
} catch (error) {
  if (error instanceof SettingError) {
    console.error(say(error.text));
    process.exitCode = 2;
  } else {
    throw error;
  }
}
