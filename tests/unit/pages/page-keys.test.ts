/**
 * The inputs that key release and list pages (src/browse/release-navigation.ts `releaseBrowsingReader`,
 * layouts/list.ts `listPageInputs`) must stand for everything those pages show: a build over
 * the published site skips every page whose inputs did not change, so an input left out would
 * publish a stale page. Each case changes a small generated archive the way editors do (a
 * release added at the end or in the middle, edited, retagged, moved, removed, a tag spelled
 * anew) and checks, for every page both archives have, that equal inputs render equal pages.
 */
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { DateTime } from "luxon";
import { indexArchive, type ArchiveIndex } from "../../../src/browse/archive-index.js";
import { blobId } from "../../../src/content/release-source.js";
import { findCounty } from "../../../src/content/counties.js";
import { newestFirst, type Release } from "../../../src/content/release.js";
import { buildBrowseIndex, listPageReleases, listPages, listPagesShowing, type BrowseIndex } from "../../../src/browse/lists.js";
import { releaseBrowsing, releaseBrowsingReader, releasesShowing } from "../../../src/browse/release-navigation.js";
import { relatedCandidates } from "../../../src/browse/related.js";
import { siteMetadata } from "../../../src/content/site.js";
import { listPageInputs, renderListPage } from "../../../layouts/list.js";
import { releaseBreadcrumbs, releaseFollowUps } from "../../../layouts/release-browsing.js";
import { renderRelease } from "../../../layouts/release.js";
import { makeRelease } from "../../support/release-factory.js";

const site = siteMetadata({});

/** What one release page is keyed on, read on its own (a build reads many with one reader). */
const releaseBrowsingReads = (index: ArchiveIndex, browse: BrowseIndex, release: Release) => releaseBrowsingReader(index, browse)(release);
const TAGS = ["روابط عمومی", "نشست", "بودجه", "آب", "نوروز", "مدرسه"];
const COUNTIES = ["ری", "شمیرانات", "ورامین"].map((name) => findCounty(name)!);
const ORGANIZATIONS = ["استانداری تهران", "فرمانداری ری"];

/** A release whose fileHash stands for its fields, as a file's blob id stands for its text. */
function release(id: number, date: DateTime, fields: Partial<Release> = {}): Release {
  const made = makeRelease(id, date.toISO()!, fields);
  const { inputPath, fileHash, hasPictures, url, ...file } = made;
  return { ...made, fileHash: blobId(JSON.stringify({ ...file, date: made.date.toMillis() })) };
}

/** ~240 releases over three Jalali months of 1403, in a fixed pseudo-random pattern. */
function baseArchive(): Release[] {
  let seed = 1403;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const start = DateTime.fromISO("2024-04-20T09:00:00", { zone: "Asia/Tehran" });
  return Array.from({ length: 240 }, (_, position) => {
    const tags = TAGS.filter(() => next() < 0.35);
    return release(1000 + position, start.plus({ hours: position * 9 }), {
      tags,
      county: next() < 0.8 ? COUNTIES[Math.floor(next() * COUNTIES.length)] : undefined,
      organization: next() < 0.6 ? ORGANIZATIONS[Math.floor(next() * ORGANIZATIONS.length)] : undefined,
      lead: next() < 0.5 ? `خلاصهٔ خبر ${position}` : undefined,
    });
  });
}

const base = baseArchive();
const newest = base.reduce((a, b) => (newestFirst(a, b) < 0 ? a : b));
const middle = base[120]!;

const changes: Array<[string, (releases: Release[]) => Release[]]> = [
  ["a release added after the newest", (releases) => [...releases, release(5000, newest.date.plus({ hours: 2 }), { tags: ["نشست"], county: COUNTIES[0] })]],
  ["a release added in the middle of a month", (releases) => [...releases, release(5001, middle.date.plus({ minutes: 30 }), { tags: ["بودجه", "آب"], county: COUNTIES[1] })]],
  ["a title edited", (releases) => releases.map((item) => (item === middle ? release(item.id, item.date, { ...item, title: "عنوان تازه" }) : item))],
  ["tags changed", (releases) => releases.map((item) => (item === middle ? release(item.id, item.date, { ...item, tags: ["نوروز"] }) : item))],
  ["a date moved to another month", (releases) => releases.map((item) => (item === middle ? release(item.id, item.date.plus({ days: 40 }), item) : item))],
  ["a release removed", (releases) => releases.filter((item) => item !== middle)],
  [
    "the newest release of a tag respells it (the tag's name changes on every page)",
    (releases) => {
      const tagged = releases.filter((item) => item.tags.includes("روابط عمومی")).sort(newestFirst)[0]!;
      return releases.map((item) => (item === tagged ? release(item.id, item.date, { ...item, tags: item.tags.map((tag) => (tag === "روابط عمومی" ? "روابط‌عمومی" : tag)) }) : item));
    },
  ],
  ["a tag spelled anew by the newest release", (releases) => [...releases, release(5002, newest.date.plus({ hours: 1 }), { tags: ["روابط‌عمومی"] })]],
];

function archiveOf(releases: Release[]) {
  const sorted = [...releases].sort(newestFirst);
  const index = indexArchive(sorted);
  return { sorted, index, browse: buildBrowseIndex(sorted, index) };
}

function releasePage(archive: ReturnType<typeof archiveOf>, item: Release): string {
  const browsing = releaseBrowsing(archive.index, archive.browse, item);
  return renderRelease({
    site,
    release: item,
    bodyHtml: "<p>متن</p>",
    browsing: {
      before: releaseBreadcrumbs(item.lang, browsing),
      after: releaseFollowUps(item.lang, browsing),
      countyUrl: browsing.countyUrl,
      organizationUrl: browsing.organizationUrl,
      tagUrls: browsing.tagUrls,
    },
  });
}

describe("page keys stand for what the pages show", () => {
  const before = archiveOf(base);
  const totals = { releaseKept: 0, releaseChanged: 0, listKept: 0, listChanged: 0 };

  for (const [name, change] of changes) {
    test(name, () => {
      const after = archiveOf(change(base));
      const previous = new Map(before.sorted.map((item) => [item.fileHash, item]));
      for (const item of after.sorted) {
        const old = previous.get(item.fileHash);
        if (!old) continue;
        const keyed = releaseBrowsingReads(after.index, after.browse, item);
        assert.ok(keyed !== undefined, `release ${item.id} is listed`);
        if (keyed !== releaseBrowsingReads(before.index, before.browse, old)) {
          totals.releaseChanged++;
          continue;
        }
        totals.releaseKept++;
        assert.equal(releasePage(after, item), releasePage(before, old), `release ${item.id}: same inputs, another page`);
      }

      const previousPages = new Map(listPages(before.browse).map((page) => [page.url, page]));
      for (const page of listPages(after.browse)) {
        const old = previousPages.get(page.url);
        const inputs = listPageInputs({ page, browse: after.browse });
        if (!old || inputs === undefined) continue;
        if (inputs !== listPageInputs({ page: old, browse: before.browse })) {
          totals.listChanged++;
          continue;
        }
        totals.listKept++;
        assert.equal(renderListPage({ site, page, browse: after.browse }), renderListPage({ site, page: old, browse: before.browse }), `${page.url}: same inputs, another page`);
      }
    });
  }

  test("the cases keep most pages and change some (the checks above compared real pages)", () => {
    assert.ok(totals.releaseKept > 1000 && totals.releaseChanged > 20, JSON.stringify(totals));
    assert.ok(totals.listKept > 50 && totals.listChanged > 20, JSON.stringify(totals));
  });
});

test("a long list: releases added one by one change its front and newest numbered pages only", () => {
  const start = DateTime.fromISO("2024-04-20T09:00:00", { zone: "Asia/Tehran" });
  const tagged = (count: number) => Array.from({ length: count }, (_, position) => release(7000 + position, start.plus({ hours: position * 5 }), { tags: ["نشست"] }));
  let before = archiveOf(tagged(300));
  let kept = 0;
  for (let count = 301; count <= 345; count++) {
    const after = archiveOf(tagged(count));
    const previous = new Map(listPages(before.browse).map((page) => [page.url, page]));
    for (const page of listPages(after.browse).filter((item) => item.kind === "tag")) {
      const old = previous.get(page.url);
      if (!old) continue;
      const same = listPageInputs({ page, browse: after.browse }) === listPageInputs({ page: old, browse: before.browse });
      if (page.page !== 0 && page.page < old.pageCount - 3) assert.ok(same, `${page.url} changed when release ${count} was added`);
      if (!same) continue;
      kept++;
      assert.equal(renderListPage({ site, page, browse: after.browse }), renderListPage({ site, page: old, browse: before.browse }), `${page.url}: same inputs, another page`);
    }
    before = after;
  }
  assert.ok(kept > 400, `${kept} pages kept`);
});

test("the pages said to show a release (the dev server's rebuild after a save) are all the pages that read it", () => {
  const { sorted, index, browse } = archiveOf(base);
  const allLists = listPages(browse);
  let readers = 0;
  for (const saved of sorted) {
    const showing = releasesShowing(index, browse, [saved]);
    assert.ok(showing.has(saved));
    for (const other of sorted) {
      if (other === saved || !releaseBrowsingReads(index, browse, other)!.split(" ").includes(saved.fileHash)) continue;
      readers++;
      assert.ok(showing.has(other), `release ${other.id} reads release ${saved.id} but is not made again when it is saved`);
    }
    const listed = new Set(listPagesShowing(browse, new Set([saved])).map((page) => page.url));
    for (const page of allLists) {
      if (listPageReleases(browse, page).includes(saved)) assert.ok(listed.has(page.url), `${page.url} lists release ${saved.id} but is not made again`);
    }
  }
  assert.ok(readers > sorted.length * 10, `${readers} pages read another release`);
});

test("a release page's reads are its neighbours' files and its related candidates' files, term by term", () => {
  // releaseBrowsingReader slices each term list's joined hashes; relatedCandidates (what relatedReleases scores) says which they must be.
  const { sorted, index, browse } = archiveOf(base);
  const reader = releaseBrowsingReader(index, browse);
  for (const item of sorted) {
    const neighbours = index.neighbours.get(item)!;
    const keys = browse.relatedKeys.get(item) ?? [];
    const parts = [neighbours.newer?.fileHash ?? "-", neighbours.older?.fileHash ?? "-"];
    relatedCandidates(item, keys.map((key) => browse.relatedBuckets.get(key)!)).forEach((candidates, term) => {
      parts.push(keys[term]!, ...candidates.map((candidate) => candidate.fileHash));
    });
    assert.equal(reader(item), parts.join(" "), `release ${item.id}`);
  }
});
