/**
 * Unit tests for the deploy's catalogue (src/messages/deploy.ts): each message in both languages naming what the operator needs (target, file,
 * counts), with sample values.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import * as deploy from "../../../src/messages/deploy.js";
import type { Message } from "../../../src/messages/messages.js";

const PERSIAN = /[\u0600-\u06FF]/;
/** A Persian text in Persian, an English one with no Persian in it. */
const bothLanguages = (message: Message) => {
  assert.match(message.fa, PERSIAN, message.fa);
  assert.doesNotMatch(message.en, PERSIAN, message.en);
};

test("a phase's line names its place, its kind, its files, bytes and time", () => {
  const fresh = deploy.phaseDone(1, 5, { kind: "file", fresh: true }, 3, 25_000, 1234);
  assert.equal(fresh.fa, "[deploy] مرحلهٔ ۱ از ۵، پرونده‌ها (شیوه‌نامه، قلم، تصویر)، تازه: ۳ فایل، ۲۵ کیلوبایت، در ۱٫۲ ثانیه");
  assert.equal(fresh.en, "[deploy] phase 1 of 5, new files (stylesheets, fonts, pictures): 3 files, 25 KB, in 1.2 s");
  const changed = deploy.phaseDone(2, 5, { kind: "document", fresh: false }, 1, 500, 50);
  assert.equal(changed.en, "[deploy] phase 2 of 5, changed pages, feeds and sitemaps: 1 file, 500 bytes, in 0.1 s");
  const removal = deploy.phaseDone(5, 5, { kind: "remove" }, 2, 0, 300);
  assert.equal(removal.fa, "[deploy] مرحلهٔ ۵ از ۵، حذف: ۲ فایل در ۰٫۳ ثانیه");
  assert.equal(removal.en, "[deploy] phase 5 of 5, removal: 2 files in 0.3 s");
  for (const kind of ["releasePage", "searchIndex"] as const) bothLanguages(deploy.phaseDone(1, 1, { kind, fresh: true }, 1, 1, 1));
});

test("the plan, the dry run and the summary give counts and bytes", () => {
  const counts: deploy.DeployCounts = { uploads: 12, fresh: 4, uploadBytes: 2_500_000, deletions: 2, retired: 1, kept: 3, keepDays: 7 };
  const dry = deploy.dryRunPlan("s3://site", counts);
  assert.equal(
    dry.en,
    "Dry run, nothing changes. For s3://site: 12 files to upload (2.5 MB, 4 new), 2 files to remove; 1 file left the site and stay 7 days for readers of older pages (3 kept in all).",
  );
  assert.ok(dry.fa.startsWith("اجرای آزمایشی، چیزی تغییر نمی‌کند. برای s3://site: ۱۲ فایل بارگذاری (۲٫۵ مگابایت، ۴ فایل تازه)، ۲ فایل حذف"), dry.fa);
  assert.ok(deploy.deployPlan("/srv/www", counts).en.startsWith("Deploying to /srv/www: 12 files to upload"));
  const nothingKept = deploy.deployPlan("/srv/www", { ...counts, retired: 0, kept: 0 });
  assert.equal(nothingKept.en, "Deploying to /srv/www: 12 files to upload (2.5 MB, 4 new), 2 files to remove.");
  assert.equal(nothingKept.fa, "انتشار در /srv/www: ۱۲ فایل بارگذاری (۲٫۵ مگابایت، ۴ فایل تازه)، ۲ فایل حذف.");
  bothLanguages(deploy.deployPlan("/srv/www", counts));
  const done = deploy.deployFinished("/srv/www", 12, 2_500_000, 2, 4321);
  assert.equal(done.fa, "انتشار در /srv/www در ۴٫۳ ثانیه انجام شد: ۱۲ فایل (۲٫۵ مگابایت) فرستاده و ۲ فایل حذف شد.");
  assert.equal(done.en, "Deployed to /srv/www in 4.3 s: 12 files (2.5 MB) uploaded, 2 removed.");
  assert.equal(deploy.nothingToDeploy("/srv/www").en, "/srv/www already has the last build: nothing was uploaded.");
  bothLanguages(deploy.nothingToDeploy("/srv/www"));
  for (const heading of Object.values(deploy.DRY_RUN_LISTS)) bothLanguages(heading);
});

test("what stops a deploy names the site, the target, the file and what to do", () => {
  const notBuilt = deploy.siteNotBuilt("_site");
  assert.ok(notBuilt.fa.includes("_site/") && notBuilt.fa.includes("npm run build"), notBuilt.fa);
  assert.ok(notBuilt.en.includes("_site/") && notBuilt.en.includes("npm run build"), notBuilt.en);
  const changed = deploy.siteChanged("_site", ["/a.html", "/b.html", "/c.html", "/d.html"]);
  assert.ok(changed.fa.startsWith("۴ فایل از _site/") && changed.fa.includes("/c.html") && !changed.fa.includes("/d.html"), changed.fa);
  assert.ok(changed.en.startsWith("4 files of _site/"), changed.en);
  const failed = deploy.transferFailed("s3://site", "/news/1/index.html", "AccessDenied (HTTP 403): Access Denied");
  assert.ok(failed.fa.startsWith("بارگذاری فایل /news/1/index.html در s3://site انجام نشد: AccessDenied"), failed.fa);
  assert.ok(failed.en.startsWith("Uploading /news/1/index.html to s3://site failed: AccessDenied"), failed.en);
  assert.ok(failed.fa.includes("سابقهٔ انتشار"));
  const removing = deploy.transferFailed("/srv/www", undefined, "rsync exited with 23", true);
  assert.ok(removing.fa.startsWith("حذف در /srv/www انجام نشد"), removing.fa);
  assert.ok(removing.en.startsWith("Removing from /srv/www failed: rsync exited with 23"), removing.en);
  const credentials = deploy.missingCredentials("s3://site", ["AWS_ACCESS_KEY_ID"]);
  assert.ok(credentials.fa.includes("AWS_ACCESS_KEY_ID") && credentials.en.includes("AWS_ACCESS_KEY_ID"));
  const target = deploy.badTarget("ftp://x", deploy.TARGET_REASONS.scheme);
  assert.ok(target.fa.includes("«ftp://x»") && target.en.includes("«ftp://x»"));
  for (const message of [deploy.USAGE, deploy.RSYNC_MISSING, deploy.DEPLOY_FAILED, deploy.badKeepDays("x"), notBuilt, changed, failed, credentials, target]) bothLanguages(message);
});
