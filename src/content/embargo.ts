/**
 * Embargo: a release dated in the future is left out of production builds (no page, not
 * in any list, feed, sitemap or search index) and shown, marked, in `npm start`. The first
 * production build after its date publishes it; a scheduled CI build makes that happen on
 * time (docs/scheduled-publishing.yml).
 *
 * "Now" is read once per build, so that every page of one build agrees. AKHBAR_NOW sets it,
 * for tests and to preview what a build at a given time will publish.
 */
import { DateTime } from "luxon";
import { parseReleaseDate, TEHRAN_ZONE } from "../persian/dates.js";
import { SettingError } from "./setting-error.js";
import { nowInvalid } from "../messages/settings.js";

export const NOW_VARIABLE = "AKHBAR_NOW";

/** The build's "now": AKHBAR_NOW (any date form a release may use) or the clock. */
export function buildTime(env: NodeJS.ProcessEnv = process.env): DateTime {
  const setting = env[NOW_VARIABLE];
  if (setting === undefined || setting.trim() === "") return DateTime.now().setZone(TEHRAN_ZONE);
  const parsed = parseReleaseDate(setting);
  if (!parsed.ok) throw new SettingError(nowInvalid(NOW_VARIABLE, parsed.problem));
  return parsed.date;
}

/** A release is embargoed while its date is after the build's time. */
export function isEmbargoed(date: DateTime, now: DateTime): boolean {
  return date.toMillis() > now.toMillis();
}
