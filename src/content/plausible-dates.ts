/**
 * Dates that are valid but most likely typos: a year mistyped as 2204 or 1503 silently embargoed
 * its release for centuries, and one mistyped as 1303 filed it a lifetime before the archive
 * begins. Both are warnings, in `npm run check` and in the build's log, never errors: a release
 * may be scheduled far ahead on purpose, and an old document may be archived.
 */
import type { DateTime } from "luxon";
import { formatJalaliInput, parseReleaseDate } from "../persian/dates.js";
import { FIRST_YEAR_VARIABLE } from "./site.js";
import type { Message } from "../messages/messages.js";
import { dateBeforeFirstYear, dateFarAhead } from "../messages/content.js";

/**
 * The warning for a release's date, or undefined when the date is plausible: after the start of
 * `firstYear` (Jalali, in Tehran) and at most a year after `now`. Made once per build, then asked
 * of every release.
 */
export function dateWarnings(now: DateTime, firstYear: number): (date: DateTime) => Message | undefined {
  const latest = now.plus({ years: 1 }).toMillis();
  const first = parseReleaseDate(`${firstYear}/01/01`);
  const earliest = first.ok ? first.date.toMillis() : -Infinity;
  return (date) => {
    const at = date.toMillis();
    if (at > latest) {
      return dateFarAhead(formatJalaliInput(now), formatJalaliInput(date));
    }
    if (at < earliest) {
      return dateBeforeFirstYear(formatJalaliInput(date), firstYear, FIRST_YEAR_VARIABLE);
    }
    return undefined;
  };
}
