/**
 * Related releases: up to RELATED_COUNT releases that share the most terms (tags and
 * county) with a release, the more recent first among equals.
 *
 * Comparing every release with every other is quadratic (150,000² pairs). Instead each
 * release draws its candidates from its own term lists (`Term.releases`, newest first):
 * from each list only the RELATED_WINDOW releases nearest to it in time on either side,
 * found by binary search. The bound: a release with T terms scores at most 2·W·T candidates
 * (W = RELATED_WINDOW), whatever the size of the archive, so all release pages together
 * cost O(n·T·(W·T + log n)). Drawing from the release's own time (rather than from the
 * newest members of each list) keeps related links meaningful for old releases, and keeps
 * an old page unchanged when new releases are published.
 */
import { newestFirst, type Release } from "../content/release.js";

export const RELATED_COUNT = 5;
export const RELATED_WINDOW = 10;

export interface RelatedOptions {
  count?: number;
  window?: number;
}

/**
 * The position in `list` (newest first, as `newestFirst` sorts) where `release` is or
 * would be inserted: the first item that is not newer than it.
 */
export function newestFirstPosition(list: readonly Release[], release: Release): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (newestFirst(list[middle]!, release) < 0) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * Where the releases nearest in time to position `position` of a list of `length` lie: those
 * from `from` up to `position`, and from `position + self` up to `to` (`self`: 1 when the
 * release itself is at `position`). `window` on either side, more on one side where the other
 * runs out, so that up to 2·window are taken.
 */
export function nearestWindow(length: number, position: number, self: 0 | 1, window: number): { from: number; to: number } {
  const newer = position;
  const older = length - position - self;
  const takeNewer = Math.min(newer, window + Math.max(0, window - older));
  const takeOlder = Math.min(older, window + Math.max(0, window - newer));
  return { from: position - takeNewer, to: position + self + takeOlder };
}

/** The releases of `list` nearest in time to `release` (itself left out), as `nearestWindow` places them. */
export function nearestInTime(list: readonly Release[], release: Release, window: number): Release[] {
  const position = newestFirstPosition(list, release);
  const self = list[position] === release ? 1 : 0;
  const { from, to } = nearestWindow(list.length, position, self, window);
  return [...list.slice(from, position), ...list.slice(position + self, to)];
}

/**
 * The candidates `relatedReleases` scores, bucket by bucket: all it reads of the archive
 * besides the candidates' own terms and dates. A page keyed on these (by their files) is keyed
 * on its related releases without working them out.
 */
export function relatedCandidates(release: Release, buckets: ReadonlyArray<readonly Release[]>, window = RELATED_WINDOW): Release[][] {
  return buckets.map((bucket) => nearestInTime(bucket, release, window));
}

/**
 * @param buckets for each term of `release`, the releases that share it, newest first.
 * @param termsOf the term keys of a release (for example `tag:نوروز`, `county:ری`).
 */
export function relatedReleases(
  release: Release,
  buckets: ReadonlyArray<readonly Release[]>,
  termsOf: (release: Release) => readonly string[],
  { count = RELATED_COUNT, window = RELATED_WINDOW }: RelatedOptions = {},
): Release[] {
  const own = new Set(termsOf(release));
  const scores = new Map<Release, number>();
  for (const candidates of relatedCandidates(release, buckets, window)) {
    for (const candidate of candidates) {
      if (scores.has(candidate) || candidate.id === release.id) continue;
      let shared = 0;
      for (const term of new Set(termsOf(candidate))) if (own.has(term)) shared++;
      scores.set(candidate, shared);
    }
  }
  return [...scores]
    .filter(([, shared]) => shared > 0)
    .sort(([a, sharedA], [b, sharedB]) => sharedB - sharedA || newestFirst(a, b))
    .slice(0, count)
    .map(([candidate]) => candidate);
}
