/**
 * The catalogue of the host setting (AKHBAR_HOST, src/hosting/hosts.ts): what the build says when
 * the setting names no host it knows, and when the site is more than the chosen host takes (each
 * limit gone past, with the host's figure and the site's, and what to do). Sizes are written as the
 * hosts' pages write them (MB, GB: powers of 1000: `byteSize`), so that an operator can set one beside the other.
 */
import { byteSize, faCount as count, type Message } from "./messages.js";

/** An AKHBAR_HOST that names no host: the hosts it may name, the default first. */
export function hostInvalid(variable: string, value: string, names: readonly string[]): Message {
  return {
    fa: `${variable}=${value} میزبانی نیست که ساخت بشناسد. یکی از این‌ها را بنویسید: ${names.join("، ")} (بی آن: ${names[0]}، که روی هر میزبانی کار می‌کند؛ docs/deploy.md را ببینید).`,
    en: `${variable}=${value} is no host the build knows. Write one of: ${names.join(", ")} (unset: ${names[0]}, which works on any host; see docs/deploy.md)`,
  };
}

/** What a host limits (src/hosting/hosts.ts `exceededLimits`). */
export type LimitKind =
  | "site bytes"
  | "files"
  | "files and folders"
  | "file bytes"
  | "redirect rules"
  | "static redirect rules"
  | "dynamic redirect rules"
  | "redirects file bytes"
  | "header rules";

/** A limit the site goes past: what the host allows and what the site has (for `file bytes`, its largest file). */
export interface ExceededLimit {
  limit: LimitKind;
  allowed: number;
  actual: number;
  /** The file (root-relative), or folder kept whole, that is too large. */
  file?: string;
}

/** One limit gone past, as a line of the message. */
function exceededLine({ limit, allowed, actual, file }: ExceededLimit): Message {
  const [site, most] = [byteSize(actual), byteSize(allowed)];
  switch (limit) {
    case "site bytes":
      return { fa: `حجم سایت ${site.fa} است؛ این میزبان دست بالا ${most.fa} می‌پذیرد.`, en: `the site is ${site.en}; the host takes at most ${most.en}` };
    case "files":
      return { fa: `سایت ${count(actual)} فایل دارد؛ این میزبان دست بالا ${count(allowed)} فایل می‌پذیرد.`, en: `the site has ${actual} files; the host takes at most ${allowed}` };
    case "files and folders":
      return {
        fa: `سایت ${count(actual)} فایل و پوشه دارد؛ این میزبان دست بالا ${count(allowed)} می‌پذیرد و پوشه‌ها را هم می‌شمارد.`,
        en: `the site has ${actual} files and folders; the host takes at most ${allowed}, folders counted`,
      };
    case "file bytes":
      return {
        fa: `بزرگ‌ترین فایل سایت، ${file ?? "?"}، ${site.fa} است؛ این میزبان فایلی بزرگ‌تر از ${most.fa} نمی‌پذیرد.`,
        en: `the site's largest file, ${file ?? "?"}, is ${site.en}; the host takes no file over ${most.en}`,
      };
    case "redirect rules":
      return {
        fa: `فایل _redirects ${count(actual)} قاعده دارد؛ این میزبان دست بالا ${count(allowed)} قاعده می‌خواند و با بیش از آن هیچ‌کدام را به کار نمی‌بندد.`,
        en: `_redirects has ${actual} rules; the host reads at most ${allowed}, and with more applies none`,
      };
    case "static redirect rules":
      return { fa: `فایل _redirects ${count(actual)} قاعدهٔ ثابت دارد؛ این میزبان دست بالا ${count(allowed)} می‌خواند.`, en: `_redirects has ${actual} static rules; the host reads at most ${allowed}` };
    case "dynamic redirect rules":
      return { fa: `فایل _redirects ${count(actual)} قاعدهٔ الگودار دارد؛ این میزبان دست بالا ${count(allowed)} می‌خواند.`, en: `_redirects has ${actual} dynamic rules; the host reads at most ${allowed}` };
    case "redirects file bytes":
      return { fa: `فایل _redirects ${site.fa} است؛ این میزبان دست بالا ${most.fa} از آن را می‌خواند.`, en: `_redirects is ${site.en}; the host reads at most ${most.en} of it` };
    case "header rules":
      return { fa: `فایل _headers ${count(actual)} قاعده دارد؛ این میزبان دست بالا ${count(allowed)} می‌خواند.`, en: `_headers has ${actual} rules; the host reads at most ${allowed}` };
  }
}

/**
 * The site is more than the chosen host takes: each limit gone past, and what to do. Said before
 * anything is published (the build then says the output was left as it was: `buildFailed`).
 */
export function hostLimitsExceeded(variable: string, name: string, label: Message, exceeded: readonly ExceededLimit[]): Message {
  const lines = exceeded.map(exceededLine);
  return {
    fa: [
      `این سایت بیش از آن است که میزبان «${label.fa}» (${variable}=${name}) بپذیرد، پس منتشر نشد:`,
      ...lines.map((line) => `- ${line.fa}`),
      `میزبان دیگری برگزینید: سرور خودتان با nginx (${variable}=nginx) و فضای ذخیره‌سازی سازگار با S3 (${variable}=s3) سایتی به هر اندازه را می‌پذیرند؛ docs/deploy.md را ببینید.`,
    ].join("\n"),
    en: [
      `The site is more than ${label.en} (${variable}=${name}) takes, so nothing was published:`,
      ...lines.map((line) => `- ${line.en}`),
      `Choose another host: your own server with nginx (${variable}=nginx) and S3-compatible object storage (${variable}=s3) take a site of any size; see docs/deploy.md.`,
    ].join("\n"),
  };
}
