/**
 * `npm run build`: the production build into _site/.
 * Options: --input <content folder> (default content), --output <folder> (default _site).
 */
import { parseArgs } from "node:util";
import { buildSite, eleventyReported } from "../src/eleventy/build.js";
import { SettingError } from "../src/content/setting-error.js";
import { siteMetadata } from "../src/content/site.js";
import { OutputLockedError } from "../src/output/output-lock.js";

const { values } = parseArgs({
  options: {
    input: { type: "string", default: "content" },
    output: { type: "string", default: "_site" },
  },
});

const started = performance.now();
try {
  // A SITE_URL that cannot be used stops the build here, with its message, before Eleventy reads its configuration.
  siteMetadata();
  await buildSite({ input: values.input, output: values.output });
  console.log(`Built ${values.output}/ in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
} catch (error) {
  // Eleventy has already printed what went wrong while it built (for content errors: file, line,
  // field); a setting, another build holding the output, or a failure after Eleventy (publishing
  // the site), is printed here.
  if (error instanceof SettingError || error instanceof OutputLockedError) console.error(error.message);
  else if (!eleventyReported(error)) console.error(error);
  console.error(`Build failed: ${values.output}/ was left as it was.`);
  process.exitCode = 1;
}
