/**
 * The catalogue of `npm run deploy` (scripts/deploy.ts, src/deploy/): what it says it would do
 * (a dry run), each phase as it ends, the summary, and what stops it (a site not built, a target
 * it cannot read, credentials missing, an upload that failed). Numbers and sizes are written with
 * Persian digits; the target and file names as the operator typed them.
 */
import { byteSize, faCount as count, plural, seconds, type Message } from "./messages.js";

// ---- What stops a deploy ----

export const USAGE: Message = {
  fa: "مقصد را با --to بدهید: npm run deploy -- --to <پوشه | ssh://user@host[:port]/path | s3://bucket[/prefix]> [--site _site] [--dry-run] [--keep-days 7] [--report file.json] [--full]",
  en: "Give the target with --to: npm run deploy -- --to <folder | ssh://user@host[:port]/path | s3://bucket[/prefix]> [--site _site] [--dry-run] [--keep-days 7] [--report file.json] [--full]",
};

/** A --to the deploy cannot read; `reason` says what is wrong with it. */
export function badTarget(target: string, reason: Message): Message {
  return {
    fa: `مقصد «${target}» خوانده نشد: ${reason.fa}`,
    en: `The target «${target}» cannot be used: ${reason.en}`,
  };
}

export const TARGET_REASONS = {
  ssh: {
    fa: "نشانی ssh باید به شکل ssh://user@host[:port]/مسیر/کامل باشد.",
    en: "an ssh address is ssh://user@host[:port]/absolute/path.",
  },
  s3: { fa: "نشانی s3 باید به شکل s3://bucket یا s3://bucket/prefix باشد.", en: "an s3 address is s3://bucket or s3://bucket/prefix." },
  scheme: {
    fa: "فقط پوشهٔ محلی، ssh:// و s3:// پذیرفته است.",
    en: "only a local folder, ssh:// and s3:// are supported.",
  },
} satisfies Record<string, Message>;

export function badKeepDays(value: string): Message {
  return {
    fa: `--keep-days باید عددی درست و نامنفی باشد، نه «${value}».`,
    en: `--keep-days must be a whole number of days, 0 or more, not «${value}».`,
  };
}

/** The site folder has no seal naming a manifest the cache holds. */
export function siteNotBuilt(site: string): Message {
  return {
    fa: `در ${site}/ سایتی ساخته‌شده با فهرست فایل‌هایش نیست: نخست npm run build را با همین پوشهٔ خروجی اجرا کنید (و پوشهٔ ‎.cache/‎ ساخت را نگه دارید). چیزی فرستاده نشد.`,
    en: `${site}/ holds no built site with its manifest: run npm run build into this output folder first (and keep the build's .cache/). Nothing was uploaded.`,
  };
}

/** Files the deploy would upload are missing from the site folder or not the size its manifest records. */
export function siteChanged(site: string, files: readonly string[]): Message {
  const examples = files.slice(0, 3).join("، ");
  return {
    fa: `${count(files.length)} فایل از ${site}/ با فهرست ساخت یکی نیست (نیست یا اندازه‌اش دیگر است)، مانند ${examples}. دوباره npm run build کنید. چیزی فرستاده نشد.`,
    en: `${plural(files.length, "file")} of ${site}/ differ from the build's manifest (missing or of another size), such as ${files.slice(0, 3).join(", ")}. Run npm run build again. Nothing was uploaded.`,
  };
}

export function missingCredentials(target: string, variables: readonly string[]): Message {
  return {
    fa: `برای ${target} این متغیرهای محیط لازم است و تنظیم نشده: ${variables.join("، ")}. اعتبارنامه فقط از محیط خوانده می‌شود.`,
    en: `${target} needs these environment variables, which are not set: ${variables.join(", ")}. Credentials are read from the environment only.`,
  };
}

export const RSYNC_MISSING: Message = {
  fa: "برنامهٔ rsync پیدا نشد: آن را نصب کنید (apt-get install rsync).",
  en: "rsync was not found: install it (apt-get install rsync).",
};

/** An upload (or a removal, `removing`) that failed: the target's record is left as it was. */
export function transferFailed(target: string, file: string | undefined, detail: string, removing = false): Message {
  const faFile = file ? ` فایل ${file}` : "";
  const enWhat = `${removing ? "Removing" : "Uploading"}${file ? ` ${file}` : ""} ${removing ? "from" : "to"}`;
  return {
    fa: `${removing ? "حذف" : "بارگذاری"}${faFile} در ${target} انجام نشد: ${detail}\nسابقهٔ انتشار این مقصد دست نخورد: انتشار بعدی همهٔ تغییرها را دوباره می‌فرستد.`,
    en: `${enWhat} ${target} failed: ${detail}\nThe target's deploy record was left as it was: the next deploy sends every change again.`,
  };
}

export const DEPLOY_FAILED: Message = {
  fa: "انتشار انجام نشد.",
  en: "The deploy failed.",
};

// ---- What a deploy does ----

/** The kinds of files a phase uploads, in publishing order (src/build/publish-order.ts). */
export type PhaseKind = "file" | "releasePage" | "searchIndex" | "document";

const PHASE_NAMES: Record<PhaseKind, Message> = {
  file: { fa: "پرونده‌ها (شیوه‌نامه، قلم، تصویر)", en: "files (stylesheets, fonts, pictures)" },
  releasePage: { fa: "صفحه‌های خبر", en: "release pages" },
  searchIndex: { fa: "نمایهٔ جست‌وجو", en: "search index" },
  document: { fa: "صفحه‌ها، خوراک‌ها و نقشه‌های سایت", en: "pages, feeds and sitemaps" },
};

/** What a phase does: upload files the target does not have (`fresh`) or replace changed ones, of a kind; or remove. */
export type Phase = { kind: PhaseKind; fresh: boolean } | { kind: "remove" };

function phaseName(phase: Phase): Message {
  if (phase.kind === "remove") return { fa: "حذف", en: "removal" };
  const name = PHASE_NAMES[phase.kind];
  return phase.fresh ? { fa: `${name.fa}، تازه`, en: `new ${name.en}` } : { fa: `${name.fa}، تغییرکرده`, en: `changed ${name.en}` };
}

/** A phase that ended: its files and bytes (uploads), how long it took. */
export function phaseDone(index: number, total: number, phase: Phase, files: number, size: number, ms: number): Message {
  const name = phaseName(phase);
  const time = seconds(ms);
  const amount = byteSize(size);
  return phase.kind === "remove"
    ? {
        fa: `[deploy] مرحلهٔ ${count(index)} از ${count(total)}، ${name.fa}: ${count(files)} فایل در ${time.fa} ثانیه`,
        en: `[deploy] phase ${index} of ${total}, ${name.en}: ${plural(files, "file")} in ${time.en} s`,
      }
    : {
        fa: `[deploy] مرحلهٔ ${count(index)} از ${count(total)}، ${name.fa}: ${count(files)} فایل، ${amount.fa}، در ${time.fa} ثانیه`,
        en: `[deploy] phase ${index} of ${total}, ${name.en}: ${plural(files, "file")}, ${amount.en}, in ${time.en} s`,
      };
}

export interface DeployCounts {
  uploads: number;
  /** Of the uploads, those the target does not have yet. */
  fresh: number;
  uploadBytes: number;
  /** Files whose version changed but whose bytes the target has already: not sent (none when absent). */
  unchanged?: number;
  deletions: number;
  /** Fingerprinted files newly gone from the site, kept on the target for now. */
  retired: number;
  /** All fingerprinted files kept on the target for readers of older pages, once done. */
  kept: number;
  keepDays: number;
}

function countsText(counts: DeployCounts): Message {
  const size = byteSize(counts.uploadBytes);
  const kept = counts.retired > 0 || counts.kept > 0;
  const unchanged = counts.unchanged ?? 0;
  return {
    fa:
      `${count(counts.uploads)} فایل بارگذاری (${size.fa}، ${count(counts.fresh)} فایل تازه)، ${count(counts.deletions)} فایل حذف` +
      (unchanged > 0 ? `؛ ${count(unchanged)} فایل نسخهٔ تازه دارد ولی بایت‌هایش همان است که مقصد دارد و فرستاده نمی‌شود` : "") +
      (kept ? `؛ ${count(counts.retired)} فایل دیگر در سایت نیست و تا ${count(counts.keepDays)} روز برای خوانندگان صفحه‌های پیشین می‌ماند (روی هم ${count(counts.kept)} فایل نگه داشته)` : ""),
    en:
      `${plural(counts.uploads, "file")} to upload (${size.en}, ${counts.fresh} new), ${plural(counts.deletions, "file")} to remove` +
      (unchanged > 0 ? `; ${plural(unchanged, "file")} of a new version but the same bytes as the target's, not sent` : "") +
      (kept ? `; ${plural(counts.retired, "file")} left the site and stay ${plural(counts.keepDays, "day")} for readers of older pages (${counts.kept} kept in all)` : ""),
  };
}

/** The first line of a dry run. */
export function dryRunPlan(target: string, counts: DeployCounts): Message {
  const text = countsText(counts);
  return {
    fa: `اجرای آزمایشی، چیزی تغییر نمی‌کند. برای ${target}: ${text.fa}.`,
    en: `Dry run, nothing changes. For ${target}: ${text.en}.`,
  };
}

/** Before the phases of a deploy. */
export function deployPlan(target: string, counts: DeployCounts): Message {
  const text = countsText(counts);
  return { fa: `انتشار در ${target}: ${text.fa}.`, en: `Deploying to ${target}: ${text.en}.` };
}

/** The list's headings in a dry run. */
export const DRY_RUN_LISTS = {
  upload: { fa: "بارگذاری می‌شود:", en: "Would upload:" },
  remove: { fa: "حذف می‌شود:", en: "Would remove:" },
  retire: { fa: "از سایت رفته و فعلاً می‌ماند:", en: "Gone from the site, kept for now:" },
} satisfies Record<string, Message>;

/** The last line of a deploy that succeeded. */
export function deployFinished(target: string, uploaded: number, size: number, deleted: number, ms: number): Message {
  const time = seconds(ms);
  const amount = byteSize(size);
  return {
    fa: `انتشار در ${target} در ${time.fa} ثانیه انجام شد: ${count(uploaded)} فایل (${amount.fa}) فرستاده و ${count(deleted)} فایل حذف شد.`,
    en: `Deployed to ${target} in ${time.en} s: ${plural(uploaded, "file")} (${amount.en}) uploaded, ${deleted} removed.`,
  };
}

export function nothingToDeploy(target: string): Message {
  return {
    fa: `${target} همان آخرین ساخت را دارد: چیزی فرستاده نشد.`,
    en: `${target} already has the last build: nothing was uploaded.`,
  };
}

/** After a deploy that sent a new nginx map of old addresses (src/hosting/hosts.ts NGINX_MAP_FILE): nginx reads it only when it reloads. */
export function nginxMapSent(file: string): Message {
  return {
    fa: `نقشهٔ نشانی‌های قدیمی (${file}) تازه شد: nginx آن را تنها هنگام بارگذاری دوباره می‌خواند؛ روی سرور «systemctl reload nginx» را اجرا کنید.`,
    en: `The map of old addresses (${file}) changed: nginx reads it only when it reloads; run "systemctl reload nginx" on the server.`,
  };
}
