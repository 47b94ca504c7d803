/**
 * The editors' commands in the editor's words: every message, warning, summary and prompt of
 * `npm run check` (src/editors/lint.ts, scripts/check.ts), `npm run import` (src/editors/importer.ts,
 * scripts/import.ts) and `npm run new` (src/editors/new-release.ts, scripts/new.ts), in Persian and
 * English (src/messages/messages.ts). A message names what is wrong and what to do, with an example
 * of the right form; where it is shown, the file and line are written before it and the field in
 * the editor's words (`fieldLabel`). The problems the build shares with `check` (the schema, the
 * encoding, the content folder) are the content catalogue's (src/messages/content.ts).
 */
import type { TypographyIssue, TypographyRule } from "../persian/typography.js";
import type { HalfSpaceRepair } from "../persian/half-space-repair.js";
import { faNumber, type Message } from "./messages.js";

/** An English count with its noun: `1 release`, `2 releases`. */
const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

// ─── npm run check ─────────────────────────────────────────────────────────────────────────────

/** Said after every problem `npm run check -- --fix` corrects. */
export const FIX_HINT: Message = {
  fa: "(دستور npm run check -- --fix آن را درست می‌کند)",
  en: "(npm run check -- --fix corrects it)",
};

/** The severity as a line of `npm run check` shows it. */
export const SEVERITY: Readonly<Record<"error" | "warning", Message>> = {
  error: { fa: "خطا", en: "error" },
  warning: { fa: "هشدار", en: "warning" },
};

/**
 * The warning for one typography issue, keyed by the rules of src/persian/typography.ts (its
 * table says what each finds): the type makes a new rule without its message a compile error.
 * `text` is the text the issue was found in (its `index` points into it), for the word before a
 * stray space.
 */
export const TYPOGRAPHY_WARNINGS: Readonly<Record<TypographyRule, (issue: TypographyIssue, text: string) => Message>> = {
  "arabic-letter": (issue) => ({
    fa: `«${issue.found}» با حروف یا رقم‌های عربی نوشته شده است: آن را «${issue.replacement}» بنویسید، با «ی» و «ک» و رقم‌های فارسی ${FIX_HINT.fa}`,
    en: `Arabic letters in «${issue.found}»: write «${issue.replacement}» with the Persian ی and ک ${FIX_HINT.en}`,
  }),
  "half-space": (issue) => {
    const [before = "", after = ""] = issue.replacement.split("\u200C");
    return {
      fa: `«${issue.found}» نیم‌فاصله می‌خواهد: «${before}» و «${after}» را با نیم‌فاصله بنویسید، نه با فاصله و نه چسبیده: «${issue.replacement}» ${FIX_HINT.fa}`,
      en: `«${issue.found}» needs a half-space (نیم‌فاصله) between «${before}» and «${after}», not a space or nothing ${FIX_HINT.en}`,
    };
  },
  "space-before-punctuation": (issue, text) => {
    const word = /(\S+)$/.exec(text.slice(0, issue.index))?.[1] ?? "";
    return {
      fa: `پیش از «${issue.replacement}» و پس از «${word}» فاصله آمده است: فاصله را بردارید و «${word}${issue.replacement}» بنویسید ${FIX_HINT.fa}`,
      en: `a space before «${issue.replacement}» after «${word}»: remove the space ${FIX_HINT.en}`,
    };
  },
  "mixed-digits": (issue) => ({
    fa: `رقم‌های لاتین «${issue.found}» در سطری که رقم‌هایش فارسی است: «${issue.replacement}» بنویسید ${FIX_HINT.fa}`,
    en: `Latin digits «${issue.found}» in a line written with Persian digits: write «${issue.replacement}» ${FIX_HINT.en}`,
  }),
};

/** The warning for one typography issue found in `text`. */
export function typographyWarning(issue: TypographyIssue, text: string): Message {
  return TYPOGRAPHY_WARNINGS[issue.rule](issue, text);
}

/** A link to a release that does not exist; `highest` is the highest news code in the archive. */
export function missingReleaseLink(target: string, id: number, highest: number): Message {
  return {
    fa: `پیوند ${target} به خبر ${faNumber(id)} می‌رود، که در آرشیو نیست: کد خبر را بررسی کنید (بزرگ‌ترین کد آرشیو ${faNumber(highest)} است)؛ پیوند به خبر این‌گونه نوشته می‌شود: [عنوان خبر](/news/${highest}/)`,
    en: `the link ${target} goes to release ${id}, which does not exist: check the news code (the highest is ${highest})`,
  };
}

/** How an unpublished release is unpublished: a draft, or embargoed until a date (Jalali for Persian, as the editor writes it). */
export type Unpublished = { kind: "draft" } | { kind: "embargoed"; jalali: string; gregorian: string };

/** A published release links to one that is not published yet. */
export function unpublishedReleaseLink(target: string, id: number, unpublished: Unpublished): Message {
  const fa = unpublished.kind === "draft" ? "پیش‌نویس است (draft: true)" : `تا ${faNumber(unpublished.jalali)} زمان‌بندی شده است`;
  const en = unpublished.kind === "draft" ? "a draft" : `embargoed until ${unpublished.gregorian}`;
  return {
    fa: `پیوند ${target} به خبر ${faNumber(id)} می‌رود، که ${fa}: تا آن خبر منتشر نشود، این پیوند برای خواننده خراب است`,
    en: `the link ${target} goes to release ${id}, which is ${en}: the link is broken until it is published`,
  };
}

/**
 * A site-relative link that is neither a file of content/ nor a page the site makes: a reader
 * following it gets "page not found". `imagesDir` is the folder files are put in.
 */
export function missingLinkTarget(target: string, filesDir: string): Message {
  const name = target.split(/[?#]/)[0]!.split("/").filter((part) => part !== "").at(-1) ?? "file.pdf";
  const example = /\.[A-Za-z0-9]+$/.test(name) ? name : "file.pdf";
  return {
    fa: `پیوند ${target} به چیزی می‌رود که نه فایلی در پوشهٔ content است و نه صفحه‌ای از این سایت: خواننده پیوند خراب می‌بیند. اگر فایل است، آن را در ${filesDir}/ بگذارید و با /files/ به آن پیوند دهید، مثلاً [متن پیوند](/files/${example})؛ اگر صفحه‌ای از سایت است، نشانی را درست بنویسید`,
    en: `the link ${target} goes to neither a file of the content folder nor a page of this site: readers would find nothing there. If it is a file, put it in ${filesDir}/ and link it under /files/, e.g. [link text](/files/${example}); if it is a page of the site, correct the address`,
  };
}

/** A file of content/images/ that no release uses: the build does not publish it. */
export function unusedFile(kind: "picture" | "file", address: string): Message {
  const how = kind === "picture" ? `![توصیف تصویر](${address})` : `[عنوان پیوند](${address})`;
  const howEn = kind === "picture" ? `![description](${address})` : `[title](${address})`;
  return {
    fa: `هیچ خبری از این ${kind === "picture" ? "تصویر" : "فایل"} استفاده نمی‌کند، پس منتشر نمی‌شود: آن را در خبری نشان دهید یا به آن پیوند دهید (${how})، یا پاکش کنید`,
    en: `no release uses this ${kind}, so it is not published: show or link it in a release (${howEn}), or remove it`,
  };
}

/** A drawing (SVG) the build publishes without the parts it may not have. */
export function cleanedDrawing(removed: readonly string[]): Message {
  return {
    fa: `سایت این نقاشی (SVG) را بدون ${removed.join("، ")} منتشر می‌کند (نقاشی نباید اسکریپت اجرا کند یا چیزی از جای دیگر بیاورد): آن را بدون این‌ها دوباره ذخیره کنید، یا به صورت PNG`,
    en: `the build publishes this drawing without ${removed.join(", ")} (a drawing may not run scripts or load anything from elsewhere): save it again without them, or as PNG`,
  };
}

/** Where a release file belongs, and why it is not there. */
export interface Misplaced {
  /** The file's name (`notes.md`) and folder (`content/releases/1402`), as they are. */
  name: string;
  folder: string;
  id: number;
  /** The Jalali year of the release's date. */
  year: number;
  /** Where it belongs: `content/releases/<year>/<id>.md`. */
  expected: string;
  /** A different file is already there: `--fix` will not move this one over it. */
  taken: boolean;
}

/** The file's name is not `<id>.md`. */
export function misnamedRelease(place: Misplaced): Message {
  const fix = place.taken ? takenHint(place) : { fa: FIX_HINT.fa, en: "(npm run check -- --fix renames it)" };
  return {
    fa: `نام فایل «${place.name}» با شناسهٔ خبر (id: ${place.id}) نمی‌خواند: نام فایل هر خبر شناسهٔ آن است، پس این فایل باید ${place.expected} باشد ${fix.fa}`,
    en: `the file is named ${place.name} but the release's id is ${place.id}: a release file is named after its id, so this one belongs at ${place.expected} ${fix.en}`,
  };
}

/** The file's folder is not `releases/<Jalali year>`. */
export function misfiledRelease(place: Misplaced): Message {
  const fix = place.taken ? takenHint(place) : { fa: FIX_HINT.fa, en: "(npm run check -- --fix moves it)" };
  return {
    fa: `فایل در پوشهٔ ${place.folder} است اما تاریخ خبر در سال ${faNumber(place.year)} است: هر خبر در پوشهٔ سال تاریخ خودش است، پس این فایل باید ${place.expected} باشد ${fix.fa}`,
    en: `the file is in ${place.folder} but the release is dated in ${place.year}: a release file is kept in the folder of its Jalali year, so this one belongs at ${place.expected} ${fix.en}`,
  };
}

function takenHint(place: Misplaced): Message {
  return {
    fa: `(فایل دیگری آنجا هست، پس npm run check -- --fix آن را جابه‌جا نمی‌کند: شناسهٔ دو فایل را بررسی کنید)`,
    en: `(another file is there already, so npm run check -- --fix does not move it: check the ids of both files)`,
  };
}

/** Why `check --fix` did not write a fix it made (a safety net: it should not happen). */
export const UNSAFE_FIX: Readonly<Record<"invalid" | "unreadable" | "words", Message>> = {
  invalid: { fa: "فایل درست‌شده معتبر نمی‌شد", en: "the fixed file would not be valid" },
  unreadable: { fa: "فایل خوانده نمی‌شود", en: "the file cannot be read" },
  words: { fa: "درست کردن، واژه‌ها را تغییر می‌داد", en: "the fix would change words" },
};

/**
 * What `check --fix` did to one file, as it prints it. A Persian line starts with its Persian
 * words, so that a terminal shows it right to left.
 */
export const FIX_REPORT = {
  converted: (file: string, from: string): Message => ({
    fa: `به UTF-8 تبدیل شد (از ${from}): ${file}`,
    en: `converted ${file} from ${from} to UTF-8`,
  }),
  fixed: (file: string): Message => ({ fa: `درست شد: ${file}`, en: `fixed ${file}` }),
  moved: (from: string, to: string): Message => ({ fa: `جابه‌جا شد: از ${from} به ${to}`, en: `moved ${from} to ${to}` }),
  notMoved: (from: string, to: string): Message => ({
    fa: `جابه‌جا نشد: ${from}، چون ${to} از پیش هست؛ شناسهٔ دو فایل را بررسی کنید`,
    en: `not moved ${from}: ${to} exists already; check the ids of both files`,
  }),
  refused: (file: string, reason: Message): Message => ({
    fa: `درست نشد: ${file}، چون ${reason.fa}؛ آن را با دست درست کنید`,
    en: `not fixed ${file}: ${reason.en}; fix it by hand`,
  }),
};

/** The last line of `npm run check`. `fixable`: how many of the problems `--fix` corrects. */
export function checkSummary(releases: number, errors: number, warnings: number, fixable: number): Message {
  const fixFa = fixable > 0 ? ` (${faNumber(fixable)} مورد را npm run check -- --fix درست می‌کند).` : ".";
  const fixEn = fixable > 0 ? ` (${fixable} fixed by \`npm run check -- --fix\`).` : ".";
  return {
    fa: `${faNumber(releases)} خبر بررسی شد: ${faNumber(errors)} خطا، ${faNumber(warnings)} هشدار${fixFa}`,
    en: `Checked ${plural(releases, "release", "releases")}: ${plural(errors, "error", "errors")}, ${plural(warnings, "warning", "warnings")}${fixEn}`,
  };
}

export const CHECK_USAGE: Message = {
  fa: "نحوهٔ اجرا: npm run check [-- --fix] [-- --input <پوشهٔ محتوا>]",
  en: "Usage: npm run check [-- --fix] [-- --input <content folder>]",
};

/** `npm run check -- --help`. */
export const CHECK_HELP: Message = {
  fa: [
    CHECK_USAGE.fa,
    "همهٔ خبرها را بدون ساختن سایت بررسی می‌کند و هر مشکل را با نام فایل، شمارهٔ خط و فیلد می‌گوید.",
    "  --fix      پیش از بررسی، آنچه بی‌خطر درست‌شدنی است درست می‌کند: نگارش فارسی، نویسه‌گذاری UTF-8، جای فایل (releases/<سال>/<شناسه>.md)",
    "  --input    پوشهٔ محتوا (پیش‌فرض: content)",
    "با خطا، خروج ۱؛ هشدار به‌تنهایی ساختن سایت را متوقف نمی‌کند. پیام‌ها به انگلیسی: AKHBAR_LANG=en",
  ].join("\n"),
  en: [
    CHECK_USAGE.en,
    "Checks every release without building, naming the file, line and field of each problem.",
    "  --fix      first applies the safe fixes: Persian typography, UTF-8, the file's place (releases/<year>/<id>.md)",
    "  --input    the content folder (default: content)",
    "Exit 1 when an error remains; warnings alone never stop a build. Messages in Persian: leave AKHBAR_LANG unset",
  ].join("\n"),
};

/** The content folder given to a command does not exist. */
export function missingContentFolder(folder: string, command: "check" | "import" | "new"): Message {
  return {
    fa: `پوشهٔ محتوا ${folder} پیدا نشد: نام پوشه را درست بنویسید، مثلاً npm run ${command} -- --input content`,
    en: `the content folder ${folder} does not exist (no such file or directory): correct its name, e.g. npm run ${command} -- --input content`,
  };
}

// ─── npm run check: compounds' half-spaces (src/persian/half-space-repair.ts) ──────────────────

/** The repairs these messages name: a compound as written (`from`) and with its half-space (`to`). */
type CompoundRepair = Readonly<Pick<HalfSpaceRepair, "from" | "to">>;

/** A compound written joined or with a space that the archive writes with a half-space elsewhere. */
export function compoundHalfSpaceWarning(repair: CompoundRepair): Message {
  const spaced = /\s/.test(repair.from);
  return {
    fa: `«${repair.from}» ${spaced ? "با فاصله" : "چسبیده"} نوشته شده است، اما خبرهای آرشیو این ترکیب را با نیم‌فاصله می‌نویسند: «${repair.to}» بنویسید ${FIX_HINT.fa}`,
    en: `«${repair.from}» is written ${spaced ? "with a space" : "joined"}, but the archive's releases write this compound with a half-space (نیم‌فاصله): write «${repair.to}» ${FIX_HINT.en}`,
  };
}

/** Compounds shown in `halfSpacesWritten`; the rest are counted. */
const SHOWN_COMPOUNDS = 3;

/** What `check --fix` did to one file's compounds, after its `FIX_REPORT.fixed` line: how many, and the first few. */
export function halfSpacesWritten(file: string, repairs: readonly CompoundRepair[]): Message {
  const distinct = [...new Map(repairs.map((repair) => [`${repair.from}\u0000${repair.to}`, repair])).values()];
  const shown = distinct.slice(0, SHOWN_COMPOUNDS);
  const more = distinct.length > shown.length;
  return {
    fa: `نیم‌فاصلهٔ ${faNumber(repairs.length)} ترکیب نوشته شد: ${file} (${shown.map((repair) => `«${repair.from}» ← «${repair.to}»`).join("، ")}${more ? "، …" : ""})`,
    en: `wrote the half-space of ${plural(repairs.length, "compound", "compounds")} in ${file} (${shown.map((repair) => `«${repair.from}» → «${repair.to}»`).join(", ")}${more ? ", …" : ""})`,
  };
}

// ─── the command lines of check, import and new ───────────────────────────────────────────────

/** What is wrong in a command line, read from node:util's parseArgs error (its code and the option it quotes). */
export function argumentError(error: { code?: string; message: string }): Message {
  const quoted = /'([^']+)'/.exec(error.message)?.[1] ?? "";
  switch (error.code) {
    case "ERR_PARSE_ARGS_UNKNOWN_OPTION":
      return {
        fa: `گزینهٔ ${quoted} شناخته نیست: املای آن را بررسی کنید (گزینه‌های درست در سطر زیر آمده‌اند)`,
        en: `unknown option ${quoted}: check its spelling (the options are listed below)`,
      };
    case "ERR_PARSE_ARGS_INVALID_OPTION_VALUE": {
      const option = quoted.split(" ")[0] ?? quoted;
      return /does not take/.test(error.message)
        ? { fa: `گزینهٔ ${option} مقدار نمی‌گیرد: فقط خود ${option} را بنویسید`, en: `the option ${option} takes no value: write ${option} alone` }
        : { fa: `گزینهٔ ${option} مقدار می‌خواهد: آن را پس از گزینه بنویسید، مثلاً ${option} "…"`, en: `the option ${option} needs a value: write it after the option, e.g. ${option} "…"` };
    }
    case "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL":
      return {
        fa: `«${quoted}» اینجا معنایی ندارد: این دستور نام فایل نمی‌گیرد؛ اگر مقدار گزینه‌ای است، آن را در گیومه بگذارید، مثلاً --title "عنوان خبر"`,
        en: `unexpected argument ${quoted}: this command takes no file names; if it is an option's value, quote it, e.g. --title "عنوان خبر"`,
      };
    default:
      return { fa: error.message, en: error.message };
  }
}

// ─── npm run import ─────────────────────────────────────────────────────────────────────────────

export const IMPORT_USAGE: Message = {
  fa: 'نحوهٔ اجرا: npm run import -- [--date "1403/02/23 10:30"] <page.txt>…',
  en: 'Usage: npm run import -- [--date "1403/02/23 10:30"] <page.txt>…',
};

/** `npm run import -- --help`. */
export const IMPORT_HELP: Message = {
  fa: [
    IMPORT_USAGE.fa,
    "صفحه‌هایی را که از پایگاه پیشین (ostan-th.ir) به صورت متن ذخیره شده‌اند، خبر می‌کند؛ صفحه‌ای که پیش‌تر وارد شده، خبرش را به‌روز می‌کند.",
    "  --date     تاریخ خبرها (شمسی یا میلادی)؛ بی آن، خبر تازه پیش‌نویس با تاریخ اکنون است، و با آن، خبرِ واردشده منتشر می‌شود",
    "  --input    پوشهٔ محتوا (پیش‌فرض: content)",
  ].join("\n"),
  en: [
    IMPORT_USAGE.en,
    "Turns pages saved as text from the old website (ostan-th.ir) into releases; a page imported before updates its release.",
    "  --date     the releases' date (Jalali or ISO); without it a new release is a draft dated now, with it an imported one is published",
    "  --input    the content folder (default: content)",
  ].join("\n"),
};

export const IMPORT_NO_FILES: Message = {
  fa: "نام فایل‌هایی را که باید وارد شوند بنویسید، مثلاً npm run import -- page.txt",
  en: "Name the files to import, e.g. npm run import -- page.txt",
};

/** After the import: what to do next. */
export const IMPORT_NEXT: Message = {
  fa: "نتیجه را با npm run check بررسی کنید و با npm start پیش‌نمایش آن را ببینید.",
  en: "Check the result with `npm run check` and preview it with `npm start`.",
};

/** The import stopped; nothing more was written. */
export function importStopped(reason: Message): Message {
  return { fa: `وارد کردن متوقف شد: ${reason.fa}`, en: `Import stopped: ${reason.en}` };
}

/** A problem of one imported page: `input` is the page's file. */
export function inPage(input: string, message: Message): Message {
  return { fa: `${input}: ${message.fa}`, en: `${input}: ${message.en}` };
}

/** What the import did with one page (in Persian, its words first: the line reads right to left). */
export function importDone(action: "created" | "updated", file: string, id: number, input: string): Message {
  return action === "created"
    ? { fa: `ساخته شد: ${file} (شناسهٔ ${faNumber(id)}، از ${input})`, en: `created ${file} (id ${id}) from ${input}` }
    : { fa: `به‌روز شد: ${file} (شناسهٔ ${faNumber(id)}، از ${input})`, en: `updated ${file} (id ${id}) from ${input}` };
}

/** A warning line under an imported page. */
export function importWarningLine(warning: Message): Message {
  return { fa: `  هشدار: ${warning.fa}`, en: `  warning: ${warning.en}` };
}

export const IMPORT = {
  missingInput: { fa: "این فایل پیدا نشد: نام و پوشهٔ آن را بررسی کنید", en: "the file does not exist: check its name and folder" } as Message,
  noText: { fa: "فایل متنی ندارد: آیا صفحه‌ای است که از پایگاه پیشین ذخیره شده است؟", en: "the file has no text: is it a page saved from the old website?" } as Message,
  noBody: { fa: "صفحه عنوان دارد اما متن ندارد", en: "the page has a title but no text" } as Message,
  severalCodes: (ids: readonly number[], used: number): Message => ({
    fa: `صفحه چند کد خبر دارد (${ids.map(faNumber).join("، ")})؛ ${faNumber(used)} به کار رفت`,
    en: `the page names several news codes (${ids.join(", ")}); ${used} was used`,
  }),
  noAddress: (id: number): Message => ({
    fa: `صفحه نشانی https://ostan-th.ir/News/<id>/ ندارد: کد آزاد بعدی، ${faNumber(id)}، به آن داده شد؛ اگر پایگاه پیشین کد خبر را نشان می‌داد، آن را در سطر id بنویسید (مثلاً id: 149840) و npm run check -- --fix را اجرا کنید تا نام فایل هم درست شود`,
    en: `the page has no address https://ostan-th.ir/News/<id>/: it got the next free id, ${id}; if the old site showed a news code (کد خبر), write it as id: and rename the file (npm run check -- --fix renames it)`,
  }),
  addressInText: (addresses: readonly string[]): Message => ({
    fa: `متن خبر نشانی پایگاه پیشین دارد (${addresses.join("، ")}) که در سطری از متن است، نه در پاصفحه، پس در خبر ماند و کد خبر از آن گرفته نشد؛ اگر از پاصفحهٔ صفحه است، آن را از خبر بردارید`,
    en: `the text holds an old website address (${addresses.join(", ")}) within a line of text, not in the page's footer, so it stays in the release and gives no news code; if it belongs to the page's footer, remove it from the release`,
  }),
  titleGuessed: {
    fa: "زیر عنوان صفحه خط خالی نیست و عنوانش «/» یا «|» پیش از نام گوینده ندارد، پس تنها سطر نخست عنوان شد: عنوان و بند نخست خبر را بررسی کنید",
    en: "the page has no blank line below its title, and the title no «/» or «|» before a speaker, so its first line alone became the title: check the title and the first paragraph",
  } as Message,
  sameTitle: (id: number): Message => ({
    fa: `صفحه نشانی ندارد؛ عنوانش عنوان خبر ${faNumber(id)} است و همان خبر به‌روز شد`,
    en: `the page has no address; its title is that of release ${id}, which was updated`,
  }),
  noDate: {
    fa: 'صفحه تاریخ ندارد: خبر به صورت پیش‌نویس با تاریخ اکنون ذخیره شد؛ برای انتشار، تاریخ آن را بنویسید و draft: true را بردارید، یا دوباره با تاریخ وارد کنید: npm run import -- --date "1402/09/19 11:00" <page.txt>',
    en: "the page has no date: the release was saved as a draft dated now; write its date and remove `draft: true` to publish it",
  } as Message,
  published: (date: string): Message => ({
    fa: `خبر با تاریخ ${faNumber(date)} منتشر می‌شود: draft: true و یادداشت «تاریخ فرضی» برداشته شد`,
    en: `the release is published, dated ${date}: draft: true and the "date assumed" comment were removed`,
  }),
  moved: (from: string, to: string): Message => ({
    fa: `خبر به پوشهٔ سال تاریخش جابه‌جا شد: از ${from} به ${to}`,
    en: `the release was moved to its year's folder: from ${from} to ${to}`,
  }),
  notMoved: (from: string, to: string): Message => ({
    fa: `${to} از پیش هست، پس خبر در ${from} ماند: شناسهٔ دو فایل را بررسی کنید`,
    en: `${to} exists already, so the release stays at ${from}: check the ids of both files`,
  }),
  changedWords: {
    fa: "خطای درونی: وارد کردن، متن را تغییر می‌داد؛ چیزی نوشته نشد",
    en: "internal error: the import would change the text; nothing was written",
  } as Message,
  unreadableRelease: (id: number, file: string): Message => ({
    fa: `خبر ${faNumber(id)} در ${file} است، که سرآغاز آن (بین دو خط ---) خوانده نمی‌شود: نخست آن را درست کنید (npm run check)، سپس دوباره وارد کنید`,
    en: `release ${id} is ${file}, whose front matter cannot be read: fix it first (npm run check), then import again`,
  }),
  fileTaken: (file: string, id: number): Message => ({
    fa: `${file} از پیش هست و خبر ${faNumber(id)} نیست؛ چیزی نوشته نشد`,
    en: `${file} already exists and is not release ${id}; nothing was written`,
  }),
};

// ─── npm run new ────────────────────────────────────────────────────────────────────────────────

export const NEW_USAGE: Message = {
  fa: 'نحوهٔ اجرا: npm run new -- --title "عنوان خبر" [--county ملارد] [--tags "نشست، شورا"] [--date "1403/02/23 10:30"] [--draft]',
  en: 'Usage: npm run new -- --title "عنوان خبر" [--county ملارد] [--tags "الف، ب"] [--date 1403/02/23 10:30] [--draft]',
};

/** `npm run new -- --help`. */
export const NEW_HELP: Message = {
  fa: [
    NEW_USAGE.fa,
    "خبر تازه‌ای با شناسهٔ آزاد بعدی و تاریخ اکنون در content/releases/<سال>/<شناسه>.md می‌سازد و نشانی آن را چاپ می‌کند.",
    "  گزینه‌های دیگر: --lead، --organization، --type (مثلاً اطلاعیه)، --source، --image و --image-alt، --lang en، --input <پوشهٔ محتوا>",
    "  برچسب‌ها را با ویرگول جدا کنید: --tags \"نشست، شورای اداری\"",
  ].join("\n"),
  en: [
    NEW_USAGE.en,
    "Creates a release with the next free id, dated now, at content/releases/<year>/<id>.md, and prints its path.",
    "  Other options: --lead, --organization, --type (e.g. notice), --source, --image with --image-alt, --lang en, --input <content folder>",
    "  Separate tags with commas: --tags \"نشست، شورای اداری\"",
  ].join("\n"),
};

/** Asked in a terminal when `--title` is not given. */
export const TITLE_QUESTION: Message = {
  fa: "عنوان خبر را بنویسید (Enter برای پایان): ",
  en: "Write the release's title (Enter to finish): ",
};

export const NEW = {
  noTitle: {
    fa: 'عنوان خبر نوشته نشده است: آن را با --title بدهید، مثلاً npm run new -- --title "عنوان خبر"',
    en: 'the title is missing: npm run new -- --title "عنوان خبر"',
  } as Message,
  unknownCounty: (county: string, closest: string): Message => ({
    fa: `--county: «${county}» شهرستانی از استان نیست؛ آیا منظورتان «${closest}» است؟ مثلاً --county "${closest}"`,
    en: `--county "${county}" is not a county of the province: did you mean "${closest}"?`,
  }),
  language: (lang: string): Message => ({
    fa: `--lang باید fa یا en باشد، نه «${lang}»: مثلاً --lang en برای خبر انگلیسی`,
    en: `--lang must be fa or en, not "${lang}"`,
  }),
  /** A problem the build's schema finds in what the editor gave, named by its option (`--image-alt`). */
  option: (option: string, message: Message): Message => ({ fa: `--${option}: ${message.fa}`, en: `--${option}: ${message.en}` }),
  fileTaken: (file: string): Message => ({
    fa: `${file} از پیش هست: چیزی نوشته نشد؛ npm run new را دوباره اجرا کنید`,
    en: `${file} already exists: nothing was written; run npm run new again`,
  }),
  /** The command's refusal, before its usage line. */
  nothingWritten: (reason: Message): Message => ({ fa: `چیزی نوشته نشد: ${reason.fa}`, en: `Nothing was written: ${reason.en}` }),
};

/** Several messages as one, a line each (the schema's problems with the options given to `new`). */
export function lines(messages: readonly Message[]): Message {
  return { fa: messages.map((message) => message.fa).join("\n"), en: messages.map((message) => message.en).join("\n") };
}
