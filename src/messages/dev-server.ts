/**
 * The dev server's error page in the editor's words (layouts/build-errors.ts): what `npm start`
 * shows in the browser, instead of the site, while the last save left the archive with problems
 * (src/eleventy/dev-server-errors.ts). An editor who watches only the browser reads here that the
 * site was not updated, where each problem is, and that the page comes back by itself once the
 * files are fixed. Persian by default, English under AKHBAR_LANG=en (src/messages/messages.ts).
 */
import { faNumber, type Message } from "./messages.js";

/** The page's title and heading. */
export const BUILD_ERRORS_HEADING: Message = {
  fa: "خطا در فایل‌ها: سایت به‌روز نشد",
  en: "Errors in the files: the site was not updated",
};

/** Under the heading: how many problems the files have, and what to do about them. */
export function buildErrorsLead(count: number): Message {
  return {
    fa: `فایل‌ها، همان‌طور که آخرین بار ذخیره شدند، ${faNumber(count)} خطا دارند و تا درست نشوند، پیش‌نمایش سایت به‌روز نمی‌شود. هر خطا را در فایل و خطی که پایین‌تر آمده درست کنید و فایل را دوباره ذخیره کنید.`,
    en: `The files as last saved have ${count === 1 ? "1 problem" : `${count} problems`}, and the preview is not updated until they are fixed. Fix each one in the file and line named below, then save the file again.`,
  };
}

/** Under the list: the page needs nothing from the editor to come back. */
export const BUILD_ERRORS_REFRESH: Message = {
  fa: "این صفحه پس از ذخیرهٔ فایل درست‌شده خودش تازه می‌شود و سایت را دوباره نشان می‌دهد؛ لازم نیست صفحه را دستی تازه کنید.",
  en: "This page refreshes itself once the fixed file is saved, and shows the site again; there is no need to reload it by hand.",
};

/** A problem's line in its file. */
export function problemLine(line: number): Message {
  return { fa: `خط ${faNumber(line)}`, en: `line ${line}` };
}

/** Names the field a problem is in (the field's label follows: src/messages/fields.ts). */
export const PROBLEM_FIELD: Message = { fa: "بخش:", en: "field:" };

/**
 * A build that stopped for a reason that is not in the release files (a fault of the build
 * itself, a file it could not write): the editor cannot fix it, but must not think the save worked.
 */
export const BUILD_FAILED_ELSEWHERE: Message = {
  fa: "ساختن سایت با خطایی متوقف شد که در فایل‌های خبر نیست، پس پیش‌نمایش به‌روز نشد. متن کامل خطا در پنجرهٔ فرمانی است که npm start در آن اجرا می‌شود؛ آن را برای پشتیبان فنی سایت بفرستید. متن کوتاه خطا:",
  en: "The build stopped with an error that is not in the release files, so the preview was not updated. The whole error is in the terminal running npm start; send it to whoever maintains the site. In short:",
};

/** `npm start --cms`: where the browser's editor is (src/admin/local-backend.ts). */
export function localEditorReady(address: string): Message {
  return {
    fa: `[akhbar] ویرایشگر مرورگر: ${address} (خبرها در همین پوشه ذخیره می‌شوند؛ سپس با git ثبتشان کنید)`,
    en: `[akhbar] the browser's editor: ${address} (it saves into this folder; commit with git afterwards)`,
  };
}
