/**
 * `npm run check`: lints every release without building.
 * `npm run check -- --fix` first applies the safe fixes in place (typography; a file saved as
 * Windows-1256 or UTF-16 converted to UTF-8), then lints.
 * Options: --input <content folder> (default content).
 * Exit status 1 when an error remains (the build would fail or publish a broken link);
 * warnings alone exit 0, since they never break the site.
 */
import { parseArgs } from "node:util";
import { buildTime } from "../src/content/embargo.js";
import { SettingError } from "../src/content/setting-error.js";
import { problemPlace } from "../src/content/release.js";
import { firstArchiveYear } from "../src/content/site.js";
import { fixArchive, lintArchive, type LintProblem } from "../src/editors/lint.js";

let values;
try {
  ({ values } = parseArgs({ options: { input: { type: "string", default: "content" }, fix: { type: "boolean", default: false } } }));
} catch (error) {
  console.error(`${(error as Error).message}\nUsage: npm run check [-- --fix] [-- --input <content folder>]`);
  process.exit(2);
}

try {
  const now = buildTime();
  const firstYear = firstArchiveYear();
  if (values.fix) {
    const fixed = await fixArchive(values.input, now);
    for (const { file, from } of fixed.converted) console.log(`converted ${file} from ${from} to UTF-8`);
    for (const file of fixed.changed) console.log(`fixed ${file}`);
    for (const { file, reason } of fixed.refused) console.error(`not fixed ${file}: ${reason}; fix it by hand`);
  }
  const report = await lintArchive(values.input, now, firstYear);
  const line = (problem: LintProblem) => `  ${problemPlace(problem)}  ${problem.severity} [${problem.field}] ${problem.message}`;
  const errors = report.problems.filter((problem) => problem.severity === "error");
  const warnings = report.problems.filter((problem) => problem.severity === "warning");
  if (report.problems.length > 0) console.log(report.problems.map(line).join("\n"));
  const fixable = report.problems.filter((problem) => problem.fixable).length;
  const count = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
  console.log(
    `Checked ${count(report.files, "release")}: ${count(errors.length, "error")}, ${count(warnings.length, "warning")}` +
      (fixable > 0 ? ` (${fixable} fixed by \`npm run check -- --fix\`).` : "."),
  );
  process.exitCode = errors.length > 0 ? 1 : 0;
} catch (error) {
  if (error instanceof SettingError || (error as NodeJS.ErrnoException).code === "ENOENT") {
    console.error((error as Error).message);
    process.exitCode = 2;
  } else {
    throw error;
  }
}
