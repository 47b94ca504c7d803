/**
 * The catalogue of the build's own output (`npm run build`, `npm start`): the progress lines of
 * its steps (`[akhbar] …`), the summary it ends with, what it says when it fails, waits for another
 * build or finds the published site changed, and the dev server's lines. Eleventy's own lines are
 * not printed (src/eleventy/build-log.ts): they counted what Eleventy wrote, a few pages of a site
 * the build writes itself, and prefixed every line of an editor's error with `[11ty]`.
 */
import { byteSize, faCount as count, faDecimal, plural, seconds, type Message } from "./messages.js";

// ---- The summary and the failure ----

export interface BuildSummary {
  /** The output folder, as given. */
  output: string;
  /** How long the build took, in milliseconds. */
  elapsed: number;
  /** The releases published. */
  releases: number;
  /** The files of the site, each of a search shard's too (from the publication's manifest). */
  files: number;
  /** The bytes of those files. */
  bytes: number;
  /** What the publication changed; undefined when the whole site was written (a first build, or a site without its manifest). */
  changed?: { moved: number; removed: number };
  /** `changed` is against a deploy target's record (`--since-deploy`): the output holds only those files. */
  sinceDeploy?: boolean;
}

/** The last line of a build that succeeded. */
export function buildFinished(summary: BuildSummary): Message {
  const time = seconds(summary.elapsed);
  const size = byteSize(summary.bytes);
  const { changed } = summary;
  const faChange = !changed
    ? "کل سایت نوشته شد"
    : summary.sinceDeploy
      ? `فقط ${count(changed.moved)} فایلِ تازه یا تغییرکرده برای بارگذاری نوشته شد${changed.removed > 0 ? ` و ${count(changed.removed)} فایل از میزبان برداشته می‌شود` : ""} (npm run deploy)`
      : `${count(changed.moved)} فایل تغییر کرد${changed.removed > 0 ? ` و ${count(changed.removed)} فایل برداشته شد` : ""}`;
  const enChange = !changed
    ? "the whole site was written"
    : summary.sinceDeploy
      ? `only the ${plural(changed.moved, "file")} new or changed since the last deploy were written, ${changed.removed} to remove from the host (npm run deploy)`
      : `${plural(changed.moved, "file")} changed, ${changed.removed} removed`;
  return {
    fa: `سایت ${summary.output}/ در ${time.fa} ثانیه ساخته شد: ${count(summary.releases)} خبر، ${count(summary.files)} فایل، ${size.fa}؛ ${faChange}.`,
    en: `Built ${summary.output}/ in ${time.en} s: ${plural(summary.releases, "release")}, ${plural(summary.files, "file")}, ${size.en}; ${enChange}.`,
  };
}

/** The last line of a build that failed. */
export function buildFailed(output: string): Message {
  return {
    fa: `ساخت انجام نشد: ${output}/ همان‌گونه که بود ماند.`,
    en: `Build failed: ${output}/ was left as it was.`,
  };
}

/** Before the stack of an error no message of the catalogue explains: for the operator, not the editor. */
export const UNEXPECTED_ERROR: Message = {
  fa: "خطایی پیش‌بینی‌نشده در ساخت رخ داد. این خطا از محتوا نیست: آن را با متن زیر به نگه‌دارندهٔ سایت بدهید.",
  en: "The build stopped on an unexpected error. It is not a problem of the content: give the text below to the site's maintainer.",
};

// ---- The steps' progress lines ----

export function archiveRead(files: number, read: number, unchanged: number, cacheDir: string): Message {
  return {
    fa: `[akhbar] آرشیو: ${count(files)} فایل، ${count(read)} خوانده شد، ${count(unchanged)} بی‌تغییر (از ${cacheDir})`,
    en: `[akhbar] archive: ${files} files, ${read} read, ${unchanged} unchanged (from ${cacheDir})`,
  };
}

export function archiveReadAgain(files: number, saved: number): Message {
  return {
    fa: `[akhbar] آرشیو: ${count(files)} فایل؛ ${count(saved)} فایلِ ذخیره‌شده از ساخت پیش دوباره خوانده شد`,
    en: `[akhbar] archive: ${files} files, the ${saved} saved since the last build read again`,
  };
}

export function archiveEditedInPlace(releases: number): Message {
  return {
    fa: `[akhbar] آرشیو: ${count(releases)} خبرِ ذخیره‌شده در جای خود به‌روز شد`,
    en: `[akhbar] archive: ${plural(releases, "saved release")} edited in place`,
  };
}

export function releasePagesWritten(rendered: number, unchanged: number, cacheDir: string, written: number): Message {
  return {
    fa: `[akhbar] صفحه‌های خبر: ${count(rendered)} ساخته شد، ${count(unchanged)} بی‌تغییر (از ${cacheDir} یا سایت منتشرشده)، ${count(written)} فایل نوشته شد`,
    en: `[akhbar] release pages: ${rendered} rendered, ${unchanged} unchanged (from ${cacheDir} or the published site), ${written} files written`,
  };
}

export function listPagesWritten(pages: number, rendered: number, written: number): Message {
  return {
    fa: `[akhbar] صفحه‌های فهرست: ${count(pages)} صفحه، ${count(rendered)} ساخته شد، ${count(written)} فایل نوشته شد`,
    en: `[akhbar] list pages: ${pages} pages, ${rendered} rendered, ${written} files written`,
  };
}

export function feedsWritten(files: number, rendered: number, written: number): Message {
  return {
    fa: `[akhbar] خوراک‌ها: ${count(files)} فایل، ${count(rendered)} ساخته شد، ${count(written)} نوشته شد`,
    en: `[akhbar] feeds: ${files} files, ${rendered} rendered, ${written} written`,
  };
}

export function searchIndexWritten(shards: number, indexed: number, threads: number, cacheDir: string): Message {
  return {
    fa: `[akhbar] نمایهٔ جست‌وجو: ${count(shards)} بخش، ${count(indexed)} نمایه شد${threads > 0 ? ` در ${count(threads)} رشته` : ""}، ${count(shards - indexed)} بی‌تغییر (از ${cacheDir})`,
    en: `[akhbar] search index: ${shards} shards, ${indexed} indexed${threads > 0 ? ` in ${plural(threads, "worker thread")}` : ""}, ${shards - indexed} unchanged (from ${cacheDir})`,
  };
}

export function searchDirectoryWritten(files: number, written: number, bytes: number, cacheDir: string): Message {
  const size = byteSize(bytes);
  return {
    fa: `[akhbar] فهرست واژه‌های جست‌وجو: ${count(files)} فایل، ${count(written)} نوشته شد (${size.fa})، از ${cacheDir}`,
    en: `[akhbar] search directory: ${files} files, ${written} written (${size.en}), from ${cacheDir}`,
  };
}

export function searchIndexFailed(reason: string): Message {
  return {
    fa: `[akhbar] نمایهٔ جست‌وجو نوشته نشد: ${reason}`,
    en: `[akhbar] the search index could not be written: ${reason}`,
  };
}

export const LETTER_CASE_IGNORED: Message = {
  fa: "[akhbar] این سامانهٔ فایل حرف‌های بزرگ و کوچک را یکی می‌گیرد، پس صفحه‌های /News/<id>/ در این ساخت نیستند (_redirects آن‌ها را دارد).",
  en: "[akhbar] this file system ignores letter case, so the /News/<id>/ pages are left out of this build (_redirects still has them).",
};

export function picturesPublished(converted: number, reused: number, cacheDir: string): Message {
  return {
    fa: `[akhbar] تصویرها: ${count(converted)} تبدیل شد، ${count(reused)} بی‌تغییر (از ${cacheDir})`,
    en: `[akhbar] pictures: ${converted} converted, ${reused} unchanged (reused from ${cacheDir})`,
  };
}

// ---- The published site (src/output/publish.ts) ----

export const OLD_MANIFEST: Message = {
  fa: "[akhbar] فهرست سایت منتشرشده را نسخه‌ای قدیمی‌تر از Akhbar نوشته و اندازهٔ همهٔ فایل‌ها و پوشه‌ها را ندارد: کل سایت دوباره ساخته می‌شود.",
  en: "[akhbar] the site's manifest was written by an older Akhbar and does not record the sizes of all its files and folders: the whole site is built again",
};

export function siteDamaged(changed: number, examples: readonly string[]): Message {
  const more = changed > examples.length ? ", …" : "";
  return {
    fa: `[akhbar] سایت منتشرشده با فهرستش نمی‌خواند: ${count(changed)} فایل نیست یا تغییر کرده است (${examples.join("، ")}${more ? "، …" : ""}) و دوباره نوشته می‌شود.`,
    en: `[akhbar] the published site differs from its manifest: ${changed} missing or changed (${examples.join(", ")}${more}), written again`,
  };
}

// ---- One writer at a time (src/output/output-lock.ts) ----

/** Who holds an output folder's lock (src/output/output-lock.ts `LockOwner`); undefined: a writer taking it this instant. */
export interface LockHolderFacts {
  holder: "build" | "dev server" | "deploy";
  pid: number;
  host: string;
  started: string;
}

export function lockHolder(owner: LockHolderFacts | undefined): Message {
  if (!owner) return { fa: "ساختی که در حال آغاز است", en: "a build that is starting" };
  if (owner.holder === "dev server") {
    return {
      fa: `سرور پیش‌نمایش (npm start، فرایند ${owner.pid} روی ${owner.host}، آغاز ${owner.started})`,
      en: `the dev server (npm start, pid ${owner.pid} on ${owner.host}, started ${owner.started})`,
    };
  }
  if (owner.holder === "deploy") {
    return {
      fa: `بارگذاری سایت (npm run deploy، فرایند ${owner.pid} روی ${owner.host}، آغاز ${owner.started})`,
      en: `a deploy (npm run deploy, pid ${owner.pid} on ${owner.host}, started ${owner.started})`,
    };
  }
  return {
    fa: `ساختی دیگر (فرایند ${owner.pid} روی ${owner.host}، آغاز ${owner.started})`,
    en: `a build (pid ${owner.pid} on ${owner.host}, started ${owner.started})`,
  };
}

export function lockWaiting(owner: LockHolderFacts | undefined, folder: string, file: string): Message {
  const who = lockHolder(owner);
  return {
    fa: `[akhbar] منتظر می‌مانیم تا ${who.fa} نوشتن در ${folder} را تمام کند (قفل آن: ${file})`,
    en: `[akhbar] waiting for ${who.en} to finish writing into ${folder} (its lock: ${file})`,
  };
}

/** Why a lock was taken over (src/output/output-lock.ts `StaleReason`). */
export type StaleLockFacts = { kind: "no owner" } | { kind: "not running"; pid: number } | { kind: "too old"; hours: number };

function staleLock(stale: StaleLockFacts): Message {
  switch (stale.kind) {
    case "no owner":
      return { fa: "صاحبش را نام نمی‌برد (ساختش هنگام گرفتن قفل ایستاد)", en: "it names no owner (its build stopped as it took the lock)" };
    case "not running":
      return { fa: `فرایند ${stale.pid} دیگر در کار نیست`, en: `process ${stale.pid} is no longer running` };
    case "too old":
      return { fa: `${count(stale.hours)} ساعت پیش گرفته شده، بیش از زمانی که هر ساختی می‌برد`, en: `it was taken ${stale.hours} hours ago, longer than any build takes` };
  }
}

export function lockTakenOver(owner: LockHolderFacts | undefined, file: string, stale: StaleLockFacts): Message {
  const who = lockHolder(owner);
  const why = staleLock(stale);
  return {
    fa: `[akhbar] قفل ${file} که ${who.fa} به جا گذاشته بود گرفته شد: ${why.fa}`,
    en: `[akhbar] taking over ${file}, left by ${who.en}: ${why.en}`,
  };
}

/** Why a writer did not get the lock (src/output/output-lock.ts `LockRefusal`). */
export interface LockRefusalFacts {
  kind: "dev server" | "no wait" | "waited";
  owner: LockHolderFacts | undefined;
  folder: string;
  file: string;
  /** Milliseconds. */
  waited: number;
}

export function lockRefused(refusal: LockRefusalFacts, variable: string): Message {
  const who = lockHolder(refusal.owner);
  const { folder, file } = refusal;
  switch (refusal.kind) {
    case "dev server":
      return {
        fa: `${who.fa} در ${folder} می‌نویسد: نخست آن را ببندید، یا پوشهٔ دیگری بدهید (--output). قفل آن: ${file}`,
        en: `${who.en} is writing into ${folder}: stop it first, or use another folder (--output). Its lock: ${file}`,
      };
    case "no wait":
      return {
        fa: `${who.fa} در ${folder} می‌نویسد: وقتی کارش تمام شد دوباره بسازید (${variable}=0 منتظر نمی‌ماند). قفل آن: ${file}`,
        en: `${who.en} is writing into ${folder}: try again when it has finished (${variable}=0 does not wait). Its lock: ${file}`,
      };
    case "waited": {
      const ms = refusal.waited;
      const wait: Message = ms < 60_000 ? { fa: `${faDecimal(String(ms / 1000))} ثانیه`, en: `${ms / 1000} s` } : { fa: `${count(Math.round(ms / 60_000))} دقیقه`, en: `${Math.round(ms / 60_000)} min` };
      return {
        fa: `${who.fa} پس از ${wait.fa} انتظار (${variable}) هنوز ${file} را نگه داشته است: وقتی کارش تمام شد دوباره بسازید. اگر هیچ ساختی در کار نیست، ${file} را پاک کنید.`,
        en: `${who.en} still holds ${file} after a wait of ${wait.en} (${variable}): try again when it has finished. If no build is running, remove ${file}.`,
      };
    }
  }
}

// ---- The dev server (`npm start`) ----

export function previewReady(address: string): Message {
  return {
    fa: `[akhbar] پیش‌نمایش آماده است: ${address} (با هر ذخیرهٔ فایل دوباره ساخته می‌شود)`,
    en: `[akhbar] the preview is ready at ${address} (every save rebuilds it)`,
  };
}

/** A file saved (in the content folder, or the code) that the dev server rebuilds for. */
export function fileChanged(file: string): Message {
  return { fa: `[akhbar] فایل تغییر کرد: ${file}`, en: `[akhbar] file changed: ${file}` };
}

/** A build of the dev server that succeeded: its first (`again` false), or a rebuild after a save. */
export function previewBuilt(elapsed: number, releases: number, again: boolean): Message {
  const time = seconds(elapsed);
  return {
    fa: `[akhbar] پیش‌نمایش در ${time.fa} ثانیه ${again ? "دوباره " : ""}ساخته شد: ${count(releases)} خبر.`,
    en: `[akhbar] the preview was ${again ? "rebuilt" : "built"} in ${time.en} s: ${plural(releases, "release")}.`,
  };
}

export const PREVIEW_FAILED: Message = {
  fa: "[akhbar] پیش‌نمایش ساخته نشد: مشکل‌های بالا را درست کنید و فایل را دوباره ذخیره کنید؛ مرورگر تا آن زمان مشکل‌ها را نشان می‌دهد.",
  en: "[akhbar] the preview was not rebuilt: fix the problems above and save again; until then the browser shows them.",
};

export function portInUse(port: number | string): Message {
  return {
    fa: `[akhbar] درگاه ${port} را برنامهٔ دیگری گرفته است: آن را ببندید، یا درگاه دیگری بدهید (npm start -- --port 8081).`,
    en: `[akhbar] port ${port} is in use by another program: stop it, or use another port (npm start -- --port 8081).`,
  };
}

export function devServerError(message: string): Message {
  return { fa: `[akhbar] خطای سرور پیش‌نمایش: ${message}`, en: `[akhbar] dev server error: ${message}` };
}

export const INPUT_IS_PROJECT: Message = {
  fa: "--input: پوشهٔ محتوا باید پوشه‌ای جدا باشد، نه پوشهٔ خود پروژه.",
  en: "--input: the content folder must be a folder of its own, not the project's folder",
};

/** One line of AKHBAR_TIMINGS=1 (src/build/step-timings.ts): a step, its wall and CPU time, the memory after it. */
export function stepTimed(timing: { step: string; wallMs: number; cpuMs: number; rssBytes: number }): Message {
  const wall = seconds(timing.wallMs);
  const cpu = seconds(timing.cpuMs);
  const memory = byteSize(timing.rssBytes);
  return {
    fa: `[akhbar] زمان «${timing.step}»: ${wall.fa} ثانیه، پردازنده ${cpu.fa} ثانیه، حافظه ${memory.fa}`,
    en: `[akhbar] time of "${timing.step}": ${wall.en} s, CPU ${cpu.en} s, memory ${memory.en}`,
  };
}
