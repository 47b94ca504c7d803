/**
 * `npm run import -- <files…>`: imports pages saved from the old website (ostan-th.ir) as
 * release files. Options: --date <date> (Jalali or ISO, for every file given; without it a
 * new release is saved as a draft dated now), --input <content folder> (default content).
 * Importing a page again updates its release instead of adding a second one.
 */
import { parseArgs } from "node:util";
import { buildTime } from "../src/content/embargo.js";
import { SettingError } from "../src/content/setting-error.js";
import { importFiles } from "../src/editors/importer.js";

const USAGE = "Usage: npm run import -- [--date 1403/02/23 10:30] <page.txt>…";

let parsed;
try {
  parsed = parseArgs({ allowPositionals: true, options: { date: { type: "string" }, input: { type: "string", default: "content" } } });
} catch (error) {
  console.error(`${(error as Error).message}\n${USAGE}`);
  process.exit(2);
}
const { values, positionals } = parsed;
if (positionals.length === 0) {
  console.error(`Name the files to import.\n${USAGE}`);
  process.exit(2);
}

try {
  const results = await importFiles(positionals, { contentDir: values.input, date: values.date, now: buildTime() });
  for (const result of results) {
    console.log(`${result.action} ${result.file} (id ${result.id}) from ${result.input}`);
    for (const warning of result.warnings) console.log(`  warning: ${warning}`);
  }
  console.log("Check the result with `npm run check` and preview it with `npm start`.");
} catch (error) {
  if (error instanceof SettingError || error instanceof Error) {
    console.error(`Import stopped: ${error.message}`);
    process.exitCode = 1;
  } else {
    throw error;
  }
}
