/**
 * `npm run build`: the production build into _site/.
 * Options: --input <content folder> (default content), --output <folder> (default _site),
 * --verbose (Eleventy's own output too), --since-deploy <target> (write into the output only what
 * differs from what `npm run deploy -- --to <target>` last gave the target: docs/deploy.md).
 * It prints the build's own lines, in Persian (AKHBAR_LANG=en: English): its steps, then either
 * the summary or what stopped it (an editor's problems with file, line and field; a setting; for
 * an unexpected error, its stack, for the operator).
 */
import { parseArgs } from "node:util";
import { buildSite } from "../src/eleventy/build.js";
import { describeBuildError, VERBOSE_FLAG } from "../src/eleventy/build-log.js";
import { siteMetadata } from "../src/content/site.js";
import { readDeployRecord } from "../src/deploy/record.js";
import { say } from "../src/messages/messages.js";
import { buildFailed, buildFinished } from "../src/messages/build.js";

const { values } = parseArgs({
  options: {
    input: { type: "string", default: "content" },
    output: { type: "string", default: "_site" },
    "since-deploy": { type: "string" },
    [VERBOSE_FLAG]: { type: "boolean", default: false },
  },
});

const started = performance.now();
try {
  // A SITE_URL that cannot be used stops the build here, with its message, before Eleventy reads its configuration.
  siteMetadata();
  // Without a record (the target's first deploy), the whole site is built, and deployed whole.
  const record = values["since-deploy"] ? await readDeployRecord(values["since-deploy"]) : undefined;
  const result = await buildSite({
    input: values.input,
    output: values.output,
    verbose: values[VERBOSE_FLAG],
    ...(record ? { publishedElsewhere: record.entries } : {}),
  });
  console.log(say(buildFinished({ output: values.output, elapsed: performance.now() - started, ...result })));
} catch (error) {
  // Eleventy is quiet: whatever stopped the build (content, a setting, another build holding the
  // output, a failure while publishing) is printed here, once.
  console.error(describeBuildError(error));
  console.error(say(buildFailed(values.output)));
  process.exitCode = 1;
}
