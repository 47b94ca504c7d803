/**
 * Unit tests for src/eleventy/build-log.ts: what the build prints of what stopped it, in Persian by
 * default and in English with AKHBAR_LANG=en: an editor's problems without a stack, however
 * Eleventy wrapped them; a setting's message; who holds the output folder; and for an error no
 * message explains, a line for the operator and the whole error with its stack.
 */
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { describeBuildError, describeLockEvent, isExplained, outputLockWait } from "../../../src/eleventy/build-log.js";
import { ContentError, type ContentProblem } from "../../../src/content/release.js";
import { SettingError } from "../../../src/content/setting-error.js";
import { OutputLockedError } from "../../../src/output/output-lock.js";
import { siteUrlInvalid } from "../../../src/messages/settings.js";

const problem: ContentProblem = { file: "content/a.md", line: 3, field: "title", message: { fa: "عنوان خالی است", en: "title is empty" } };

/** An error as Eleventy wraps what a template or an event handler throws. */
function wrapped(error: unknown): Error {
  const wrapper = new Error("Problem writing Eleventy templates");
  Object.assign(wrapper, { originalError: error });
  return wrapper;
}

describe("describeBuildError", () => {
  const rows: Array<{ name: string; error: unknown; fa: string; en: string }> = [
    {
      name: "the archive's problems",
      error: new ContentError([problem]),
      fa: "در آرشیو ۱ مشکل هست و چیزی منتشر نشد. خط‌های زیر را درست کنید و دوباره بسازید:\n  content/a.md:3  [عنوان (title)] عنوان خالی است",
      en: "The archive has 1 problem; nothing was published. Fix the lines below and build again:\n  content/a.md:3  [title] title is empty",
    },
    {
      name: "the archive's problems, wrapped by Eleventy (twice)",
      error: wrapped(wrapped(new ContentError([problem]))),
      fa: "در آرشیو ۱ مشکل هست و چیزی منتشر نشد. خط‌های زیر را درست کنید و دوباره بسازید:\n  content/a.md:3  [عنوان (title)] عنوان خالی است",
      en: "The archive has 1 problem; nothing was published. Fix the lines below and build again:\n  content/a.md:3  [title] title is empty",
    },
    {
      name: "a setting, as its `cause`",
      error: new Error("wrapped", { cause: new SettingError(siteUrlInvalid("ftp://x")) }),
      fa: siteUrlInvalid("ftp://x").fa,
      en: siteUrlInvalid("ftp://x").en,
    },
    {
      name: "another build holding the output folder",
      error: new OutputLockedError({ kind: "no wait", owner: { holder: "build", pid: 7, host: "here", started: "2024-05-12T07:00:00Z", token: "t" }, folder: "/srv/_site/", file: "/srv/_site.lock", waited: 0 }),
      fa: "ساختی دیگر (فرایند 7 روی here، آغاز 2024-05-12T07:00:00Z) در /srv/_site/ می‌نویسد: وقتی کارش تمام شد دوباره بسازید (AKHBAR_LOCK_WAIT=0 منتظر نمی‌ماند). قفل آن: /srv/_site.lock",
      en: "a build (pid 7 on here, started 2024-05-12T07:00:00Z) is writing into /srv/_site/: try again when it has finished (AKHBAR_LOCK_WAIT=0 does not wait). Its lock: /srv/_site.lock",
    },
  ];
  for (const row of rows) {
    test(row.name, () => {
      assert.equal(describeBuildError(row.error, "fa"), row.fa);
      assert.equal(describeBuildError(row.error, "en"), row.en);
      assert.equal(isExplained(row.error), true);
      assert.doesNotMatch(describeBuildError(row.error, "fa"), /\n\s+at /, "no stack");
    });
  }

  test("an error no message explains: a line for the operator, then the error with its stack", () => {
    const error = wrapped(new TypeError("Cannot read properties of undefined (reading 'url')"));
    assert.equal(isExplained(error), false);
    const fa = describeBuildError(error, "fa");
    assert.ok(fa.startsWith("خطایی پیش‌بینی‌نشده در ساخت رخ داد. این خطا از محتوا نیست: آن را با متن زیر به نگه‌دارندهٔ سایت بدهید.\n"), fa);
    assert.match(fa, /TypeError: Cannot read properties of undefined \(reading 'url'\)/);
    assert.match(fa, /\n\s+at /, "the stack is kept for the operator");
    assert.ok(describeBuildError(error, "en").startsWith("The build stopped on an unexpected error. It is not a problem of the content: give the text below to the site's maintainer.\n"));
  });
});

describe("the output lock, in words", () => {
  test("a wait, in the language shown", () => {
    const line = describeLockEvent({ kind: "waiting", owner: undefined, folder: "/srv/_site/", file: "/srv/_site.lock" });
    assert.ok(
      line === "[akhbar] منتظر می‌مانیم تا ساختی که در حال آغاز است نوشتن در /srv/_site/ را تمام کند (قفل آن: /srv/_site.lock)" ||
        (process.env.AKHBAR_LANG === "en" && line === "[akhbar] waiting for a build that is starting to finish writing into /srv/_site/ (its lock: /srv/_site.lock)"),
      line,
    );
  });

  test("AKHBAR_LOCK_WAIT that is no number of seconds is a setting's error, in both languages", () => {
    assert.equal(outputLockWait({ AKHBAR_LOCK_WAIT: "5" }), 5000);
    assert.throws(
      () => outputLockWait({ AKHBAR_LOCK_WAIT: "soon" }),
      (error: unknown) =>
        error instanceof SettingError &&
        error.text.en === "AKHBAR_LOCK_WAIT=soon: give the seconds a build waits for another (0 refuses at once)" &&
        error.text.fa.startsWith("AKHBAR_LOCK_WAIT=soon به کار نمی‌آید: شمار ثانیه‌هایی را بدهید"),
    );
  });
});
