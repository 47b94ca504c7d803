/**
 * `npm run deploy`: publishes the site a build wrote to a target, uploading only what changed
 * since the last deploy to that target (src/deploy/deploy.ts).
 *   npm run deploy -- --to <target> [--site _site] [--dry-run] [--keep-days 7] [--report file.json] [--full]
 * <target>: a local folder; ssh://user@host[:port]/absolute/path (rsync over ssh, $AKHBAR_DEPLOY_SSH);
 * s3://bucket[/prefix] (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_REGION, AWS_ENDPOINT_URL,
 * AKHBAR_S3_PATH_STYLE=1). Prints in Persian (AKHBAR_LANG=en: English); exits 1 when it could not
 * deploy, leaving the target's record as it was. --full uploads every file again (a target emptied or
 * changed by hand).
 */
import { parseArgs } from "node:util";
import { deploySite, DeployError, writeDeployReport } from "../src/deploy/deploy.js";
import { DEFAULT_KEEP_DAYS } from "../src/deploy/plan.js";
import { badKeepDays, DEPLOY_FAILED, USAGE } from "../src/messages/deploy.js";
import { say } from "../src/messages/messages.js";

const OPTIONS = {
  site: { type: "string", default: "_site" },
  to: { type: "string" },
  "dry-run": { type: "boolean", default: false },
  "keep-days": { type: "string", default: String(DEFAULT_KEEP_DAYS) },
  report: { type: "string" },
  full: { type: "boolean", default: false },
} as const;

/** The options given, or undefined (with the usage printed) for an option it does not know. */
function options() {
  try {
    return parseArgs({ options: OPTIONS }).values;
  } catch (error) {
    console.error((error as Error).message);
    console.error(say(USAGE));
    process.exitCode = 1;
    return undefined;
  }
}

const values = options();
if (values) {
  try {
    if (!values.to) throw new DeployError(USAGE);
    if (!/^\d+$/.test(values["keep-days"])) throw new DeployError(badKeepDays(values["keep-days"]));
    const report = await deploySite({
      site: values.site,
      to: values.to,
      dryRun: values["dry-run"],
      keepDays: Number(values["keep-days"]),
      full: values.full,
    });
    if (values.report) await writeDeployReport(values.report, report);
  } catch (error) {
    if (!(error instanceof DeployError)) throw error;
    console.error(say(error.problem));
    console.error(say(DEPLOY_FAILED));
    process.exitCode = 1;
  }
}
