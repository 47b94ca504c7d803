/**
 * `npm run build`: the production build into _site/.
 * Options: --input <content folder> (default content), --output <folder> (default _site).
 */
import { parseArgs } from "node:util";
import { buildSite } from "../src/build.js";

const { values } = parseArgs({
  options: {
    input: { type: "string", default: "content" },
    output: { type: "string", default: "_site" },
  },
});

const started = performance.now();
try {
  await buildSite({ input: values.input, output: values.output });
  console.log(`Built ${values.output}/ in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
} catch {
  // Eleventy has already printed the problem (for content errors: file, line, field).
  console.error(`Build failed: ${values.output}/ was left as it was.`);
  process.exitCode = 1;
}
