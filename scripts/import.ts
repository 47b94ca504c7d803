/**
 * `npm run import -- <files…>`: imports pages saved from the old website (ostan-th.ir) as
 * release files. Options: --date <date> (Jalali or ISO, for every file given; without it a
 * new release is saved as a draft dated now; with it, a release imported before is dated and
 * published), --input <content folder> (default content).
 * Importing a page again updates its release instead of adding a second one.
 * Every line is in Persian, or in English under AKHBAR_LANG=en (src/messages/editors.ts).
 */
import { existsSync } from "node:fs";
import { parseArgs } from "node:util";
import { buildTime } from "../src/content/embargo.js";
import { SettingError } from "../src/content/setting-error.js";
import { ImportError, importFiles } from "../src/editors/importer.js";
import { say } from "../src/messages/messages.js";
import { argumentError, IMPORT_HELP, missingContentFolder, IMPORT_NEXT, IMPORT_NO_FILES, IMPORT_USAGE, importDone, importStopped, importWarningLine } from "../src/messages/editors.js";

let parsed;
try {
  parsed = parseArgs({ allowPositionals: true, options: { date: { type: "string" }, input: { type: "string", default: "content" }, help: { type: "boolean", short: "h" } } });
} catch (error) {
  console.error(`${say(argumentError(error as NodeJS.ErrnoException))}\n${say(IMPORT_USAGE)}`);
  process.exit(2);
}
const { values, positionals } = parsed;
if (values.help) {
  console.log(say(IMPORT_HELP));
  process.exit(0);
}
if (positionals.length === 0) {
  console.error(`${say(IMPORT_NO_FILES)}\n${say(IMPORT_USAGE)}`);
  process.exit(2);
}
if (!existsSync(values.input)) {
  console.error(say(missingContentFolder(values.input, "import")));
  process.exit(2);
}

try {
  const results = await importFiles(positionals, { contentDir: values.input, date: values.date, now: buildTime() });
  for (const result of results) {
    console.log(say(importDone(result.action, result.file, result.id, result.input)));
    for (const warning of result.warnings) console.log(say(importWarningLine(warning)));
  }
  console.log(say(IMPORT_NEXT));
} catch (error) {
  if (error instanceof ImportError) {
    console.error(say(importStopped(error.problem)));
    process.exitCode = 1;
  } else if (error instanceof SettingError) {
    console.error(say(importStopped(error.text)));
    process.exitCode = 1;
  } else if (error instanceof Error) {
    // The file system (a folder that cannot be written): in its own words.
    console.error(say(importStopped({ fa: error.message, en: error.message })));
    process.exitCode = 1;
  } else {
    throw error;
  }
}
