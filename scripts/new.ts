/**
 * `npm run new`: creates a release file and prints its path.
 *   npm run new -- --title "عنوان" [--lead …] [--county ملارد] [--organization …] [--type اطلاعیه] [--tags "الف، ب"]
 *                  [--source https://…] [--image /images/x.jpg --image-alt …] [--date 1403/02/23 10:30]
 *                  [--draft] [--lang en] [--input <content folder>]
 * In a terminal, it asks for the title when --title is not given.
 * Every message is in Persian, or in English under AKHBAR_LANG=en (src/messages/editors.ts).
 */
import { createInterface } from "node:readline/promises";
import { existsSync } from "node:fs";
import { parseArgs } from "node:util";
import { buildTime } from "../src/content/embargo.js";
import { SettingError } from "../src/content/setting-error.js";
import { createRelease, NewReleaseError, splitTags } from "../src/editors/new-release.js";
import { say, type Message } from "../src/messages/messages.js";
import { argumentError, NEW_HELP, missingContentFolder, NEW, NEW_USAGE } from "../src/messages/editors.js";

let parsed;
try {
  parsed = parseArgs({
    options: {
      title: { type: "string" },
      lead: { type: "string" },
      county: { type: "string" },
      organization: { type: "string" },
      type: { type: "string" },
      tags: { type: "string", multiple: true },
      source: { type: "string" },
      image: { type: "string" },
      "image-alt": { type: "string" },
      date: { type: "string" },
      draft: { type: "boolean" },
      lang: { type: "string" },
      input: { type: "string", default: "content" },
      help: { type: "boolean", short: "h" },
    },
  });
} catch (error) {
  console.error(`${say(argumentError(error as NodeJS.ErrnoException))}\n${say(NEW_USAGE)}`);
  process.exit(2);
}
const { values } = parsed;
if (values.help) {
  console.log(say(NEW_HELP));
  process.exit(0);
}
if (!existsSync(values.input)) {
  console.error(say(missingContentFolder(values.input, "new")));
  process.exit(2);
}

const ask = process.stdin.isTTY
  ? async (question: Message) => {
      const terminal = createInterface({ input: process.stdin, output: process.stdout });
      try {
        return await terminal.question(say(question));
      } finally {
        terminal.close();
      }
    }
  : undefined;

try {
  const { file } = await createRelease(
    {
      title: values.title,
      lead: values.lead,
      county: values.county,
      organization: values.organization,
      type: values.type,
      tags: splitTags(values.tags ?? []),
      source: values.source,
      image: values.image,
      imageAlt: values["image-alt"],
      date: values.date,
      draft: values.draft,
      lang: values.lang,
    },
    { contentDir: values.input, now: buildTime(), ask },
  );
  console.log(file);
} catch (error) {
  if (error instanceof NewReleaseError) {
    console.error(`${say(NEW.nothingWritten(error.problem))}\n${say(NEW_USAGE)}`);
    process.exitCode = 1;
  } else if (error instanceof SettingError) {
    console.error(`${say(NEW.nothingWritten(error.text))}\n${say(NEW_USAGE)}`);
    process.exitCode = 1;
  } else {
    throw error;
  }
}
