/**
 * The catalogue of the operator's settings (environment variables, not content): what the build
 * says when one cannot be used (SITE_URL, AKHBAR_NOW, AKHBAR_FIRST_YEAR, AKHBAR_SEARCH_WORKERS,
 * AKHBAR_LOCK_WAIT, SOURCE_DATE_EPOCH). Each names the setting, the value it was given and a value
 * it takes. The setting's name and the example are written as typed, in Latin.
 */
import type { DateProblem } from "../persian/dates.js";
import { dateProblemMessage } from "./content.js";
import { faNumber, type Message } from "./messages.js";

export function siteUrlInvalid(value: string): Message {
  return {
    fa: `SITE_URL باید نشانی عمومی سایت باشد، مانند https://news.example.org یا https://user.github.io/akhbar (بی ? و #)، نه «${value}».`,
    en: `SITE_URL must be the site's public address, such as https://news.example.org or https://user.github.io/akhbar (no query, no #), not "${value}"`,
  };
}

export function firstYearInvalid(variable: string, value: string): Message {
  return {
    fa: `${variable} باید یک سال شمسی باشد، مانند ${variable}=1370 (نخستین سال آرشیو)، نه «${value}».`,
    en: `${variable} must be a Jalali year such as 1370 (the archive's first year), not "${value}"`,
  };
}

/** AKHBAR_NOW (the build's "now") that is no date. */
export function nowInvalid(variable: string, problem: DateProblem): Message {
  return dateProblemMessage(problem, variable);
}

export function searchWorkersInvalid(variable: string, value: string, max: number): Message {
  return {
    fa: `${variable}=${value} به کار نمی‌آید: شمار رشته‌هایی را بدهید که نمایهٔ جست‌وجو را می‌سازند، از ۰ (روی رشتهٔ اصلی) تا ${faNumber(max)}؛ هر یک یک بخش نمایه را نگه می‌دارد (تا حدود ۰٫۹ گیگابایت).`,
    en: `${variable}=${value}: give the number of threads that index the search shards, 0 (on the main thread) to ${max}; each holds a shard (up to ~0.9 GB)`,
  };
}

export function lockWaitInvalid(variable: string, value: string): Message {
  return {
    fa: `${variable}=${value} به کار نمی‌آید: شمار ثانیه‌هایی را بدهید که یک ساخت منتظر ساخت دیگر می‌ماند (0 یعنی منتظر نماند)، مثلاً ${variable}=600.`,
    en: `${variable}=${value}: give the seconds a build waits for another (0 refuses at once)`,
  };
}

export function sourceDateEpochInvalid(value: string): Message {
  return {
    fa: `SOURCE_DATE_EPOCH باید شمار ثانیه‌ها از ۱۹۷۰ باشد (عدد صحیح)، مانند SOURCE_DATE_EPOCH=1715500000، نه «${value}».`,
    en: `SOURCE_DATE_EPOCH must be a whole number of seconds since 1970, not "${value}"`,
  };
}
