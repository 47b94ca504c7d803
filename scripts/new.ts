/**
 * `npm run new`: creates a release file and prints its path.
 *   npm run new -- --title "عنوان" [--lead …] [--county ملارد] [--organization …] [--tags "الف، ب"]
 *                  [--source https://…] [--image /images/x.jpg --image-alt …] [--date 1403/02/23 10:30]
 *                  [--draft] [--lang en] [--input <content folder>]
 * In a terminal, it asks for the title when --title is not given.
 */
import { createInterface } from "node:readline/promises";
import { parseArgs } from "node:util";
import { buildTime } from "../src/content/embargo.js";
import { SettingError } from "../src/content/setting-error.js";
import { createRelease, NewReleaseError, splitTags } from "../src/editors/new-release.js";

const USAGE = 'Usage: npm run new -- --title "عنوان خبر" [--county ملارد] [--tags "الف، ب"] [--date 1403/02/23 10:30] [--draft]';

let parsed;
try {
  parsed = parseArgs({
    options: {
      title: { type: "string" },
      lead: { type: "string" },
      county: { type: "string" },
      organization: { type: "string" },
      tags: { type: "string", multiple: true },
      source: { type: "string" },
      image: { type: "string" },
      "image-alt": { type: "string" },
      date: { type: "string" },
      draft: { type: "boolean" },
      lang: { type: "string" },
      input: { type: "string", default: "content" },
    },
  });
} catch (error) {
  console.error(`${(error as Error).message}\n${USAGE}`);
  process.exit(2);
}
const { values } = parsed;

const ask = process.stdin.isTTY
  ? async (question: string) => {
      const terminal = createInterface({ input: process.stdin, output: process.stdout });
      try {
        return await terminal.question(question);
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
  if (error instanceof NewReleaseError || error instanceof SettingError) {
    console.error(`Nothing was written: ${error.message}\n${USAGE}`);
    process.exitCode = 1;
  } else {
    throw error;
  }
}
