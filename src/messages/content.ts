/**
 * The catalogue of what the build and `npm run check` say of the content folder: every problem in
 * a release file (its text, front matter, fields, id, date, county), in what the folder holds and
 * in the files releases use (pictures, drawings, attachments), and the headings of the list of
 * problems. Each message says what is wrong and what to do, with an example of the right form;
 * the Persian one is for a PR editor who is not a programmer. The lines in which the build prints
 * them (`file:line  [field] message`) are src/content/release.ts `formatProblems`.
 */
import type { DateProblem } from "../persian/dates.js";
import { fieldLabel } from "./fields.js";
import { faNumber, type Message } from "./messages.js";

/** A field's Persian label («عنوان (title)»). */
const label = (field: string) => fieldLabel(field).fa;

/** What an editor would write in each field: the examples of the right form. */
const EXAMPLE_VALUES: Readonly<Record<string, string>> = {
  id: "149840",
  title: "نشست شورای هماهنگی برگزار شد",
  date: "1403/02/23 10:30",
  lead: "مدیرکل روابط‌عمومی: تجربه‌نگاری پیگیری می‌شود",
  county: "ری",
  organization: "استانداری تهران",
  source: "https://ostan-th.ir/News/149840/",
  image: "/images/photo.jpg",
  image_alt: "نمای سالن نشست",
  draft: "true",
  lang: "fa",
  translation: "133120",
  // Issue 24: release types, updates and corrections.
  type: "اطلاعیه",
  updated: "1403/02/24 09:00",
  correction: "نام شهرستان در متن نخست نادرست آمده بود.",
};

/** A field's line as an editor writes it: `title: نشست شورای هماهنگی برگزار شد`. */
export function exampleLine(field: string): string {
  if (field === "tags") return "tags:` و زیر آن `  - نشست";
  return `${field}: ${EXAMPLE_VALUES[field] ?? "…"}`;
}

const DATE_FORMS: Message = {
  fa: "`1403/02/23 10:30` (شمسی، به وقت تهران) یا `2024-05-12T10:30:00+03:30`",
  en: "2024-05-12T10:30:00+03:30 or 1403/02/23 10:30",
};

// ---- The list of problems ----

/** The heading of the problems that stopped a build. */
export function problemsHeading(count: number): Message {
  return {
    fa: `در آرشیو ${faNumber(count)} مشکل هست و چیزی منتشر نشد. خط‌های زیر را درست کنید و دوباره بسازید:`,
    en: `The archive has ${count === 1 ? "1 problem" : `${count} problems`}; nothing was published. Fix the lines below and build again:`,
  };
}

/** The heading of the warnings printed after the archive's summary. */
export function warningsHeading(count: number): Message {
  return {
    fa: `[akhbar] ${faNumber(count)} هشدار (ساخت ادامه می‌یابد):`,
    en: `[akhbar] ${count === 1 ? "1 warning" : `${count} warnings`} (the build goes on):`,
  };
}

// ---- Fields (src/content/schema.ts) ----

export function fieldRequired(field: string): Message {
  if (field === "id") {
    return {
      fa: "شناسه (کد خبر) نوشته نشده است و لازم است: خطی مانند `id: 149840` به سرآغاز فایل بیفزایید.",
      en: "id is required: the release's news code (کد خبر), e.g. `id: 149840`",
    };
  }
  if (field === "date") {
    return {
      fa: `${label("date")} نوشته نشده است و لازم است: خطی مانند \`date: 1403/02/23 10:30\` به سرآغاز فایل بیفزایید.`,
      en: "date is required: add a line such as `date: 2024-05-12T10:30:00+03:30` or `date: 1403/02/23 10:30`",
    };
  }
  return {
    fa: `${label(field)} نوشته نشده است و لازم است: خطی مانند \`${exampleLine(field)}\` به سرآغاز فایل بیفزایید.`,
    en: `${field} is required: add a line \`${field}: …\``,
  };
}

/** A field (or, with `item`, one item of the list `field`) written with nothing after its colon. */
export function fieldEmpty(field: string, item = false): Message {
  if (item) {
    return {
      fa: `یکی از موردهای ${label(field)} خالی است: آن را بنویسید، یا خط «-» خالی را بردارید.`,
      en: `each item of ${field} must be written: write it, or remove the empty \`-\` line`,
    };
  }
  return {
    fa: `${label(field)} خالی است: آن را بنویسید، مثلاً \`${exampleLine(field)}\`، یا آن خط را بردارید.`,
    en: `${field} is empty: write it, or remove the line`,
  };
}

export function fieldNotText(field: string, item = false): Message {
  if (item) {
    return {
      fa: `هر مورد ${label(field)} باید متن باشد، مثلاً \`  - نشست\`.`,
      en: `each item of ${field} must be text`,
    };
  }
  return {
    fa: `${label(field)} باید متن باشد (نه عدد، فهرست یا true/false): مثلاً \`${exampleLine(field)}\`.`,
    en: `${field} must be text`,
  };
}

/** What a name without a letter or digit would have named. */
export type NamedKind = "tag" | "county" | "organization";

const NAMED: Readonly<Record<NamedKind, Message>> = {
  tag: { fa: "برچسب", en: "the tag" },
  county: { fa: "شهرستان", en: "the county" },
  organization: { fa: "دستگاه", en: "the organization" },
};

export function noLetterOrDigit(kind: NamedKind, value: string): Message {
  return {
    fa: `${NAMED[kind].fa} «${value}» هیچ حرف یا رقمی ندارد، پس صفحه‌ای هم نمی‌تواند داشته باشد: آن را با کلمه بنویسید، یا بردارید.`,
    en: `${NAMED[kind].en} "${value}" has no letter or digit, so it can have no page: write it in words, or remove it`,
  };
}

/**
 * Why a date cannot be read (src/persian/dates.ts). `subject` names what holds the date when it is
 * not a release's `date` field (`--date`, `AKHBAR_NOW`): the Persian message names it only then,
 * since a problem line names the field already.
 */
export function dateProblemMessage(problem: DateProblem, subject?: string): Message {
  const reason = dateReason(problem);
  return {
    fa: subject === undefined ? reason.fa : `${subject}: ${reason.fa}`,
    en: `${subject ?? "date"} ${reason.en}`,
  };
}

function dateReason(problem: DateProblem): Message {
  switch (problem.kind) {
    case "not text":
      return { fa: `باید تاریخی باشد به شکل ${DATE_FORMS.fa}.`, en: `must be a date such as ${DATE_FORMS.en}` };
    case "invalid":
      return { fa: `تاریخ درستی نیست: آن را به شکل ${DATE_FORMS.fa} بنویسید.`, en: "is not a valid date" };
    case "not a Jalali day": {
      const { year, month, day } = problem;
      return {
        fa:
          `${faNumber(`${year}/${month}/${day}`)} روزی از تقویم شمسی نیست: فروردین تا شهریور ۳۱ روز دارند، مهر تا بهمن ۳۰ روز و اسفند ۲۹ روز (در سال کبیسه ۳۰)؛ ` +
          "ماه و روز را درست کنید، مثلاً `date: 1403/07/30 10:30`.",
        en: `${year}/${month}/${day} is not a day of the Jalali calendar`,
      };
    }
    case "impossible time":
      return {
        fa: "ساعتِ آن ممکن نیست (ساعت از ۰ تا ۲۳ و دقیقه از ۰ تا ۵۹): مثلاً `date: 1403/02/23 10:30`.",
        en: `has an impossible time (${problem.explanation})`,
      };
    case "not a date":
      return {
        fa: `«${problem.input}» تاریخ نیست: آن را به شکل ${DATE_FORMS.fa} بنویسید.`,
        en: `"${problem.input}" is not a date: write it as ${DATE_FORMS.en}`,
      };
  }
}

export const SOURCE_NOT_TEXT: Message = {
  fa: "نشانی منبع باید نشانی وب باشد، مثلاً `source: https://ostan-th.ir/News/149840/`.",
  en: "source must be a web address such as https://ostan-th.ir/News/149840/",
};

export const SOURCE_NOT_ADDRESS: Message = {
  fa: "نشانی منبع باید نشانی وبی باشد که با https:// آغاز می‌شود، مثلاً `source: https://ostan-th.ir/News/149840/`.",
  en: "source must be a web address starting with https:// (for example https://ostan-th.ir/News/149840/)",
};

export const ID_NOT_A_NUMBER: Message = {
  fa: "شناسه باید عددی بی‌گیومه باشد، مثلاً `id: 149840`.",
  en: "id must be a whole number without quotes, e.g. `id: 149840`",
};

export const ID_NOT_WHOLE: Message = {
  fa: "شناسه باید عدد صحیح باشد (بی ممیز)، مثلاً `id: 149840`.",
  en: "id must be a whole number, e.g. `id: 149840`",
};

export const ID_NOT_POSITIVE: Message = {
  fa: "شناسه باید عددی بزرگ‌تر از صفر باشد، مثلاً `id: 149840`.",
  en: "id must be a positive number",
};

export const TAGS_NOT_A_LIST: Message = {
  fa: "برچسب‌ها باید فهرست باشند: زیر خط `tags:` هر برچسب در خطی جدا که با `  - ` (دو فاصله، خط تیره و یک فاصله) آغاز می‌شود، مثلاً `  - نشست`.",
  en: "tags must be a list, one `- tag` line each under `tags:`",
};

export const IMAGE_NOT_AN_ADDRESS: Message = {
  fa: "تصویر باید نشانی‌ای در همین سایت باشد، مثلاً `image: /images/photo.jpg`، یا نشانی‌ای که با https:// آغاز می‌شود.",
  en: "image must be a path on this site such as /images/photo.jpg, or an https:// address",
};

export const DRAFT_NOT_BOOLEAN: Message = {
  fa: "پیش‌نویس فقط می‌تواند true یا false باشد: `draft: true` خبر را از ساخت نهایی بیرون نگه می‌دارد.",
  en: "draft must be true or false",
};

export function languageNotKnown(languages: readonly string[]): Message {
  return {
    fa: `زبان فقط می‌تواند یکی از ${languages.join("، ")} باشد: \`lang: en\` برای خبر انگلیسی (بی این خط، فارسی).`,
    en: `lang must be one of: ${languages.join(", ")}`,
  };
}

// ---- Release types, updates and corrections ----

/** A `type:` that is none of the table's (src/content/release-types.ts): `names` are the Persian names, `keys` what may be written instead. */
export function releaseTypeNotKnown(written: string, names: readonly string[], keys: readonly string[]): Message {
  return {
    fa: `نوع خبر «${written}» شناخته نیست: یکی از ${names.join("، ")} را بنویسید، مثلاً \`type: ${names[1] ?? names[0]}\` (بی این خط، خبر).`,
    en: `type "${written}" is not a release type: write one of ${names.join(", ")} (or ${keys.join(", ")}); without the line, a release is news`,
  };
}

/** An `updated:` date that cannot be read: the reasons of `date`'s. */
export function updatedDateProblem(problem: DateProblem): Message {
  const reason = dateReason(problem);
  return { fa: reason.fa.replace(/`date: /g, "`updated: "), en: `updated ${reason.en}` };
}

/** An `updated:` before the release's `date:` (both as written, in Tehran time). */
export function updatedBeforeDate(updated: string, date: string): Message {
  return {
    fa: `تاریخ به‌روزرسانی (${faNumber(updated)}) پیش از تاریخ خود خبر (${faNumber(date)}) است: تاریخ و ساعت ویرایش را بنویسید، مثلاً \`updated: ${EXAMPLE_VALUES.updated}\`.`,
    en: `updated (${updated}) is before the release's date (${date}): write when it was changed, e.g. \`updated: ${EXAMPLE_VALUES.updated}\``,
  };
}

export const NOT_FIELD_LINES: Message = {
  fa: "سرآغاز فایل باید فهرستی از خط‌های `نام: مقدار` باشد، هر فیلد در خطی جدا، مثلاً `title: …`.",
  en: "the front matter must be a list of `field: value` lines",
};

export const IMAGE_ALT_REQUIRED: Message = {
  fa: "با تصویر، متن جایگزین آن هم لازم است: تصویر را برای خواننده‌ای که آن را نمی‌بیند وصف کنید، مثلاً `image_alt: نمای سالن نشست`.",
  en: "image_alt is required with an image: describe the picture for readers who cannot see it",
};

export function unknownField(field: string, suggestion: string | undefined, allowed: readonly string[]): Message {
  return {
    fa:
      `فیلد \`${field}\` شناخته نیست${suggestion ? `: آیا منظورتان \`${suggestion}\` بود؟` : "."} ` +
      `فیلدهای مجاز: ${allowed.join("، ")}.`,
    en: `unknown field "${field}"${suggestion ? `: did you mean "${suggestion}"?` : ""} Allowed fields: ${allowed.join(", ")}`,
  };
}

// ---- The id as written (src/content/release-id.ts) and across files (src/content/load.ts) ----

export function idNotDigits(written: string): Message {
  return {
    fa: `شناسه را فقط با رقم بنویسید، مثلاً \`id: 149840\` (یا با رقم‌های فارسی، \`id: ۱۴۹۸۴۰\`)، نه \`${written}\`.`,
    en: `id must be written with digits only, such as \`id: 149840\` (or in Persian digits, \`id: ۱۴۹۸۴۰\`), not \`${written}\``,
  };
}

export function idTooLong(written: string): Message {
  return {
    fa: `شناسهٔ ${faNumber(written)} برای کد خبر بیش از اندازه بلند است: آن را بررسی کنید، مثلاً \`id: 149840\`.`,
    en: `id ${written} is too long for a news code: check it, e.g. \`id: 149840\``,
  };
}

export function duplicateId(id: number, firstPlace: string, freeId: number): Message {
  return {
    fa: `شناسهٔ ${faNumber(id)} را پیش‌تر ${firstPlace} گرفته است؛ هر خبر شناسهٔ خودش را لازم دارد: نخستین شناسهٔ آزاد را بنویسید، \`id: ${freeId}\`.`,
    en: `id ${id} is already used by ${firstPlace}; every release needs its own id (the next free one is ${freeId})`,
  };
}

// ---- Translations (`translation`, the same release in the other language) ----

export const TRANSLATION_NOT_AN_ID: Message = {
  fa: "ترجمه باید شناسهٔ خبر همتا به زبان دیگر باشد، عددی بی‌گیومه، مثلاً `translation: 133120`.",
  en: "translation must be the id of the same release in the other language, a whole number without quotes, e.g. `translation: 133120`",
};

/** `translation:` names an id no release file has. */
export function translationMissing(id: number): Message {
  return {
    fa: `خبری با شناسهٔ ${faNumber(id)} در آرشیو نیست: شناسهٔ خبر همتا به زبان دیگر را بنویسید، یا خط \`translation\` را بردارید.`,
    en: `no release has id ${id}: write the id of the same release in the other language, or remove the translation line`,
  };
}

/** `translation:` names a release of the same language (`lang` is that language). */
export function translationSameLanguage(id: number, place: string, lang: string): Message {
  const persian = lang === "fa";
  return {
    fa: `خبر ${faNumber(id)} (${place}) هم ${persian ? "فارسی" : "انگلیسی"} است: ترجمه باید خبری به زبان دیگر باشد (\`lang: ${persian ? "en" : "fa"}\`).`,
    en: `release ${id} (${place}) is in ${persian ? "Persian" : "English"} too: a translation is a release in the other language (\`lang: ${persian ? "en" : "fa"}\`)`,
  };
}

/** The release `id` named as translation names another (`other`) as its own translation, or is named by another release too. */
export function translationTaken(id: number, place: string, other: number): Message {
  return {
    fa: `خبر ${faNumber(id)} (${place}) ترجمهٔ خبر ${faNumber(other)} است؛ هر خبر تنها یک ترجمه دارد: شناسهٔ درست را بنویسید یا یکی از دو خط \`translation\` را بردارید.`,
    en: `release ${id} (${place}) is already paired with release ${other}; a release has one translation: correct the id or remove one of the translation lines`,
  };
}

export function countyNotKnown(written: string, closest: string): Message {
  return {
    fa: `«${written}» شهرستانی از استان نیست: آیا منظورتان «${closest}» بود؟ (فهرست شهرستان‌ها: src/data/counties.json)`,
    en: `"${written}" is not a county of the province: did you mean "${closest}"? The counties are listed in src/data/counties.json`,
  };
}

// ---- Dates that are most likely typos (src/content/plausible-dates.ts): warnings ----

export function dateFarAhead(now: string, date: string): Message {
  return {
    fa: `تاریخ بیش از یک سال پس از زمان این ساخت (${faNumber(now)}) است و خبر تا ${faNumber(date)} منتشر نمی‌شود: اگر سال اشتباه تایپ شده، آن را درست کنید.`,
    en: `the date is more than a year after this build (${now}): the release is embargoed until ${date}; if the year is a typo, correct it`,
  };
}

export function dateBeforeFirstYear(date: string, firstYear: number, variable: string): Message {
  return {
    fa: `تاریخ ${faNumber(date)} پیش از ${faNumber(firstYear)}، نخستین سال آرشیو (${variable})، است: اگر سال اشتباه تایپ شده، آن را درست کنید.`,
    en: `the date ${date} is before ${firstYear}, the archive's first year (${variable}): if the year is a typo, correct it`,
  };
}

// ---- Front matter (src/content/front-matter.ts) ----

export const NO_FRONT_MATTER: Message = {
  fa: "فایل باید با سرآغاز شروع شود: خطی با `---`، سپس فیلدها (مانند `title: …`) و دوباره خطی با `---`.",
  en: "the file must start with a front-matter block: a line `---`, the fields, and `---` again",
};

export const FRONT_MATTER_NOT_CLOSED: Message = {
  fa: "سرآغاز فایل بسته نشده است: پس از آخرین فیلد خطی با `---` بیفزایید.",
  en: "the front matter is not closed: add a line with --- after the last field",
};

/**
 * What the front matter's YAML could not read, explained: one of the mistakes editors make (the
 * reader of the line is src/content/front-matter.ts `explainYamlError`), or YAML's own reason.
 */
export type YamlMistake =
  /** `title: خبر: افتتاح`: a value with `: ` in it; `quoted` is the line as it should be. */
  | { kind: "colon in value"; field: string; quoted: string }
  /** A list item indented unlike the others, or written on the field's line (`tags: - a`). */
  | { kind: "list indentation"; field: string }
  /** A field line that starts with spaces. */
  | { kind: "indented field"; field: string }
  | { kind: "tab" }
  | { kind: "field twice"; field: string }
  /** A value that opens a quote it does not close (`quote` is `"` or `'`). */
  | { kind: "unclosed quote"; field: string; quote: string }
  /** `title: "a" b`: text after the closing quote. */
  | { kind: "text after quote"; field: string; quote: string }
  /** A value starting with a character YAML reserves (`@`, `` ` ``, `%`, `&`, `*`, `!`, `|`, `>`). */
  | { kind: "reserved start"; field: string; character: string; quoted: string }
  /** `title:نشست`: no space after the colon. */
  | { kind: "no space after colon"; field: string; fixed: string }
  /** A `[` or `{` not closed. */
  | { kind: "unclosed bracket"; field: string }
  | { kind: "other"; reason: string };

export function yamlProblem(mistake: YamlMistake): Message {
  switch (mistake.kind) {
    case "colon in value":
      return {
        fa: `مقدار ${label(mistake.field)} دونقطه (:) دارد و برای همین خوانده نمی‌شود: مقدار را در گیومه بگذارید: \`${mistake.quoted}\``,
        en: `the value of ${mistake.field} has a colon, which cannot be read without quotes: put the value in quotes: \`${mistake.quoted}\``,
      };
    case "list indentation":
      return {
        fa: `فهرست ${label(mistake.field)} درست نوشته نشده است: زیر خط \`${mistake.field}:\` هر مورد در خطی جدا که با \`  - \` (دو فاصله، خط تیره و یک فاصله) آغاز می‌شود، مثلاً \`  - نشست\`.`,
        en: `the list ${mistake.field} is not written evenly: under \`${mistake.field}:\`, put each item on its own line starting with \`  - \` (two spaces, a dash, a space), e.g. \`  - نشست\``,
      };
    case "indented field":
      return {
        fa: `این خط با فاصله آغاز شده است: هر فیلد از آغاز خط نوشته می‌شود، بی فاصله پیش از آن، مثلاً \`${mistake.field}: …\`.`,
        en: `the line starts with spaces: write each field from the start of its line, e.g. \`${mistake.field}: …\``,
      };
    case "tab":
      return {
        fa: "در آغاز این خط نویسهٔ Tab هست: آن را پاک کنید و به جایش فاصله بگذارید.",
        en: "the line is indented with a tab: replace the tab with spaces",
      };
    case "field twice":
      return {
        fa: `${label(mistake.field)} دو بار نوشته شده است: یکی را نگه دارید و دیگری را بردارید.`,
        en: `${mistake.field} is written twice: keep one and remove the other`,
      };
    case "unclosed quote":
      return {
        fa: `گیومه‌ای (${mistake.quote}) که مقدار ${label(mistake.field)} با آن آغاز شده بسته نشده است: آن را در پایان مقدار ببندید، مثلاً \`${mistake.field}: ${mistake.quote}…${mistake.quote}\`.`,
        en: `the quote (${mistake.quote}) that opens the value of ${mistake.field} is not closed: close it at the end of the value, e.g. \`${mistake.field}: ${mistake.quote}…${mistake.quote}\``,
      };
    case "text after quote":
      return {
        fa: `مقدار ${label(mistake.field)} با گیومه (${mistake.quote}) آغاز شده و پس از گیومهٔ بسته هنوز ادامه دارد: کل مقدار را میان دو گیومه بگذارید و برای گیومه‌ای که درون متن است «» به کار ببرید، مثلاً \`${mistake.field}: ${mistake.quote}…${mistake.quote}\`.`,
        en: `the value of ${mistake.field} starts with a quote (${mistake.quote}) and goes on after the closing one: put the whole value between the quotes, and write a quote inside the text as « », e.g. \`${mistake.field}: ${mistake.quote}…${mistake.quote}\``,
      };
    case "reserved start":
      return {
        fa: `مقدار ${label(mistake.field)} با نویسهٔ «${mistake.character}» آغاز می‌شود که معنای ویژه‌ای دارد: مقدار را در گیومه بگذارید: \`${mistake.quoted}\``,
        en: `the value of ${mistake.field} starts with "${mistake.character}", which has a meaning of its own: put the value in quotes: \`${mistake.quoted}\``,
      };
    case "no space after colon":
      return {
        fa: `پس از دونقطهٔ نام فیلد یک فاصله بگذارید: \`${mistake.fixed}\``,
        en: `put a space after the field's colon: \`${mistake.fixed}\``,
      };
    case "unclosed bracket":
      return {
        fa: `کروشه یا آکولادی که مقدار ${label(mistake.field)} با آن آغاز شده بسته نشده است: آن را ببندید، یا اگر فهرست است هر مورد را در خطی جدا با \`  - \` بنویسید.`,
        en: `the bracket that opens the value of ${mistake.field} is not closed: close it, or write a list one \`  - item\` line each`,
      };
    case "other":
      return {
        fa:
          `این خط سرآغاز خوانده نمی‌شود (${mistake.reason}): هر فیلد در خطی جدا به شکل \`نام: مقدار\` نوشته می‌شود؛ ` +
          'مقداری را که دونقطه یا گیومه دارد یا با #، @، [ یا { آغاز می‌شود در گیومه بگذارید، مثلاً `title: "خبر: افتتاح …"`.',
        en: `the front matter is not valid YAML: ${mistake.reason}; each field is \`name: value\` on its own line, and a value with a colon or a quote, or starting with #, @, [ or {, goes in quotes`,
      };
  }
}

// ---- The file's text (src/content/text.ts) ----

const CONVERT_IT: Message = {
  fa: "`npm run check -- --fix` را اجرا کنید تا آن را تبدیل کند، یا فایل را در ویرایشگر باز کنید و با نویسه‌گذاری UTF-8 ذخیره کنید",
  en: "run `npm run check -- --fix` to convert it, or open it in your editor and save it as UTF-8",
};

export const SAVED_AS_UTF16: Message = {
  fa: `فایل با نویسه‌گذاری UTF-16 («Unicode») ذخیره شده است، نه UTF-8: ${CONVERT_IT.fa}.`,
  en: `the file is saved as UTF-16 ("Unicode"), not UTF-8: ${CONVERT_IT.en}`,
};

export const SAVED_AS_WINDOWS_1256: Message = {
  fa: `فایل با نویسه‌گذاری UTF-8 ذخیره نشده است: نویسه‌گذاری آن Windows-1256 (ویندوز فارسی، «Arabic (Windows)») است و حرف‌هایش از این خط به بعد از دست می‌روند؛ ${CONVERT_IT.fa}.`,
  en: `the file is not saved as UTF-8: it is Windows-1256 (Persian Windows, "Arabic (Windows)"), whose letters would be lost from this line on; ${CONVERT_IT.en}`,
};

export const NOT_UTF8: Message = {
  fa: "فایل با نویسه‌گذاری UTF-8 ذخیره نشده است و حرف‌هایش از این خط به بعد از دست می‌روند: آن را در ویرایشگر باز کنید و با UTF-8 ذخیره کنید، سپس ببینید متنش درست خوانده می‌شود (اگر نه، متن را دوباره از اصل بردارید).",
  en: "the file is not saved as UTF-8: its letters would be lost from this line on; open it in your editor and save it as UTF-8, then check that its text reads right (if not, take it again from the original)",
};

/** Where on its line a bad character is: after the text before it, or at the line's start. */
function badCharacterPlace(before: string, more: number): Message {
  const place = before === "" ? { fa: "در آغاز خط", en: "at the start of the line" } : { fa: `پس از «${before}»`, en: `after «${before}»` };
  return {
    fa: `${place.fa}${more > 0 ? ` (و ${faNumber(more)} نویسهٔ دیگر در همین خط)` : ""}`,
    en: `${place.en}${more > 0 ? ` (and ${more} more on this line)` : ""}`,
  };
}

export function replacementCharacter(code: string, before: string, more: number): Message {
  const place = badCharacterPlace(before, more);
  return {
    fa: `در این خط ${place.fa} نویسهٔ «�» (${code}) هست، نشانه‌ای که تبدیل نادرست به جای حرف‌های ازدست‌رفته می‌گذارد: متن آنجا را از روی اصل دوباره بنویسید.`,
    en: `the line has «�» (${code}) ${place.en}, the mark a wrong conversion leaves where letters were lost: retype the text there from the original`,
  };
}

export function controlCharacter(code: string, before: string, more: number): Message {
  const place = badCharacterPlace(before, more);
  return {
    fa: `در این خط ${place.fa} یک نویسهٔ کنترلی نامرئی (${code}) هست: آن را پاک کنید؛ این نویسه متن نیست و برنامه‌ای که متن را رونوشت یا تبدیل کرده آن را به جا گذاشته است.`,
    en: `the line has an invisible control character (${code}) ${place.en}: delete it; it is not text, and a program that copied or converted the text left it there`,
  };
}

// ---- What the content folder holds (src/content/content-files.ts) ----

/** What the content folder may hold, for the messages about what it may not. */
export function whatMayBeHere(pictures: readonly string[], attachments: readonly string[], files: readonly string[] = []): Message {
  const inFiles = files.length === 0 ? { fa: "", en: "" } : { fa: ` و در پوشهٔ files/ پیوست‌ها (${files.join("، ")})`, en: `, and under files/, attachments (${files.join(", ")})` };
  return {
    fa: `پوشهٔ محتوا خبرها (فایل‌های .md) و در پوشهٔ images/ تصویرها (${pictures.join("، ")}) و پیوست‌ها (${attachments.join("، ")})${inFiles.fa} را نگه می‌دارد`,
    en: `the content folder holds releases (.md files) and, under images/, pictures (${pictures.join(", ")}) and attachments (${attachments.join(", ")})${inFiles.en}`,
  };
}

export function hiddenFile(allowed: readonly string[]): Message {
  return {
    fa: `فایل‌ها و پوشه‌های پنهان (که نامشان با نقطه آغاز می‌شود) جزو آرشیو نیستند: آن را بردارید (در پوشهٔ محتوا فقط ${allowed.join("، ")} می‌توانند باشند).`,
    en: `hidden files and folders are not part of the archive: remove it (only ${allowed.join(", ")} may be in the content folder)`,
  };
}

export function symbolicLink(target: string): Message {
  return {
    fa: `این یک پیوند نمادین (symbolic link) به ${target} است: پوشهٔ محتوا فایل نگه می‌دارد، نه پیوند؛ خود فایل را اینجا بگذارید، یا پیوند را بردارید.`,
    en: `is a symbolic link (to ${target}): the content folder holds files, never links; put the file itself here, or remove the link`,
  };
}

export function nodeModulesFolder(here: Message): Message {
  return {
    fa: `پوشهٔ node_modules جزو آرشیو نیست (${here.fa}): آن را بردارید.`,
    en: `a node_modules folder is not part of the archive: ${here.en}; remove it`,
  };
}

export const NEITHER_FILE_NOR_FOLDER: Message = {
  fa: "این نه فایل است نه پوشه: آن را بردارید.",
  en: "is neither a file nor a folder: remove it",
};

/** A file of the content folder by its extension (`.js`), or one without. */
function describedFile(extension: string): Message {
  return extension === "" ? { fa: "فایلی بی‌پسوند", en: "a file without an extension" } : { fa: `فایل .${extension}`, en: `a .${extension} file` };
}

export function notPublishableInFiles(extension: string, pictures: readonly string[], attachments: readonly string[], folder = "images"): Message {
  const described = describedFile(extension);
  // content/files/ holds attachments only.
  const holds =
    pictures.length === 0
      ? { fa: `پیوست (${attachments.join("، ")})`, en: `attachments (${attachments.join(", ")})` }
      : { fa: `تصویر (${pictures.join("، ")}) و پیوست (${attachments.join("، ")})`, en: `pictures (${pictures.join(", ")}) and attachments (${attachments.join(", ")})` };
  return {
    fa: `${described.fa} را نمی‌توان منتشر کرد: پوشهٔ ${folder}/ ${holds.fa} نگه می‌دارد؛ آن را بردارید، یا در یکی از این قالب‌ها ذخیره کنید.`,
    en: `${described.en} cannot be published: ${folder}/ holds ${holds.en}; remove it, or save it as one of these`,
  };
}

export function notPartOfArchive(extension: string, here: Message): Message {
  const described = describedFile(extension);
  return {
    fa: `${described.fa} جزو آرشیو نیست (هیچ چیز در پوشهٔ محتوا اجرا نمی‌شود؛ ${here.fa}): آن را بردارید.`,
    en: `${described.en} is not part of the archive (nothing in the content folder is ever run): ${here.en}; remove it`,
  };
}

export function attachmentUnreadable(address: string): Message {
  return { fa: `فایل ${address} خوانده نمی‌شود: آن را دوباره ذخیره کنید.`, en: `the file ${address} cannot be read: save it again` };
}

export function attachmentNotItsType(address: string, extension: string): Message {
  return {
    fa: `فایل ${address} در درون، فایل .${extension} نیست: آن را دوباره با قالب ${extension.toUpperCase()} ذخیره کنید.`,
    en: `the file ${address} is not a .${extension} file inside: save it again as ${extension.toUpperCase()}`,
  };
}

/** How an address of a release is used: the thing it names, in the messages about it. */
export type AddressUseKind = "picture" | "link";

const NAMED_FILE: Readonly<Record<AddressUseKind, Message>> = {
  picture: { fa: "تصویر", en: "the picture" },
  link: { fa: "فایل", en: "the file" },
};

export function addressNotInFiles(use: AddressUseKind, address: string, folder: string): Message {
  return {
    fa: `${NAMED_FILE[use].fa} ${address} در /images/ نیست: آن را در ${folder}/ بگذارید و نشانی‌اش را /images/<نام فایل> بنویسید.`,
    en: `${NAMED_FILE[use].en} ${address} is not under /images/: put it in ${folder}/ and write /images/<name>`,
  };
}

export function addressLeavesFiles(use: AddressUseKind, address: string, folder: string): Message {
  return {
    fa: `${NAMED_FILE[use].fa} ${address} باید فایلی درون ${folder}/ را نام ببرد (بی ".."، "." یا نام پنهان در مسیرش): نشانی را از /images/ بنویسید، مثلاً /images/photo.jpg.`,
    en: `${NAMED_FILE[use].en} ${address} must name a file inside ${folder}/ (no "..", "." or hidden names in its path): write it from /images/, such as /images/photo.jpg`,
  };
}

export function notAPicture(address: string): Message {
  return {
    fa: `${address} تصویری نیست که این سایت بتواند نشان دهد: JPEG، PNG، WebP، AVIF، GIF یا SVG به کار ببرید.`,
    en: `${address} is not a picture this site can show: use JPEG, PNG, WebP, AVIF, GIF or SVG`,
  };
}

export function notPublishableLink(address: string, pictures: readonly string[], attachments: readonly string[], folder = "images"): Message {
  if (pictures.length === 0) {
    return {
      fa: `فایل ${address} را نمی‌توان منتشر کرد: در /${folder}/ فقط به پیوست‌ها (${attachments.join("، ")}) پیوند دهید.`,
      en: `the file ${address} cannot be published: under /${folder}/, link to attachments (${attachments.join(", ")}) only`,
    };
  }
  return {
    fa: `فایل ${address} را نمی‌توان منتشر کرد: فقط به تصویرها (${pictures.join("، ")}) یا پیوست‌ها (${attachments.join("، ")}) پیوند دهید.`,
    en: `the file ${address} cannot be published: link to pictures (${pictures.join(", ")}) or attachments (${attachments.join(", ")}) only`,
  };
}

export function fileMissing(use: AddressUseKind, address: string, folder: string): Message {
  return {
    fa: `${NAMED_FILE[use].fa} ${address} پیدا نمی‌شود: آن را در ${folder}/ بگذارید یا نامش را درست کنید.`,
    en: `${NAMED_FILE[use].en} ${address} is missing: put it in ${folder}/ or correct the name`,
  };
}

export function reachedThroughLink(use: AddressUseKind, address: string, link: string, folder: string): Message {
  return {
    fa: `${NAMED_FILE[use].fa} ${address} از راه یک پیوند نمادین (${link}) می‌رسد: خود فایل را در ${folder}/ بگذارید.`,
    en: `${NAMED_FILE[use].en} ${address} is reached through a symbolic link (${link}): put the file itself in ${folder}/`,
  };
}

export function addressIsFolder(use: AddressUseKind, address: string): Message {
  return {
    fa: `${NAMED_FILE[use].fa} ${address} پوشه است، نه فایل: نامش را درست کنید.`,
    en: `${NAMED_FILE[use].en} ${address} is a folder, not a file: correct the name`,
  };
}

// ---- Pictures and drawings (src/render/images.ts, src/render/svg.ts) ----

export function pictureWithoutSize(address: string): Message {
  return {
    fa: `${address} اندازهٔ خود را نمی‌گوید: آن را دوباره در یک ویرایشگر تصویر ذخیره کنید.`,
    en: `${address} does not say how large it is: save it again from an image editor`,
  };
}

export function pictureNotConverted(address: string, reason: string): Message {
  return {
    fa: `${address} تبدیل نشد (${reason}): آن را دوباره با قالب JPEG یا PNG ذخیره کنید.`,
    en: `${address} could not be converted (${reason}): save it again as JPEG or PNG`,
  };
}

/** What is wrong with a drawing (src/render/svg.ts), said of the drawing: completed by `drawingProblem`. */
export const DRAWING_NOT_UTF8: Message = {
  fa: "به صورت متن UTF-8 ذخیره نشده است: طرح را دوباره به صورت SVG (UTF-8) ذخیره کنید.",
  en: "is not saved as UTF-8 text: save the drawing again as SVG (UTF-8)",
};

export function drawingNotWellFormed(detail: string | undefined): Message {
  return {
    fa: `SVG درستی نیست${detail ? ` (${detail})` : ""}: آن را دوباره از برنامهٔ طراحی ذخیره کنید، یا با قالب PNG.`,
    en: `is not a well-formed SVG drawing${detail ? ` (${detail})` : ""}: save it again from a drawing program, or as PNG`,
  };
}

export function drawingWithoutNamespace(namespace: string): Message {
  return {
    fa: `SVG نیست (عنصر <svg> آن xmlns="${namespace}" ندارد): آن را دوباره از برنامهٔ طراحی ذخیره کنید، یا با قالب PNG.`,
    en: `is not an SVG drawing (its <svg> lacks xmlns="${namespace}"): save it again from a drawing program, or as PNG`,
  };
}

export function drawingOfOtherKind(element: string): Message {
  return {
    fa: `SVG نیست (نخستین عنصرش <${element}> است): آن را دوباره با قالب SVG ذخیره کنید، یا با قالب PNG.`,
    en: `is not an SVG drawing (its first element is <${element}>): save it again as SVG, or as PNG`,
  };
}

/** A drawing's problem, naming the drawing. */
export function drawingProblem(address: string, problem: Message): Message {
  return { fa: `طرح ${address}: ${problem.fa}`, en: `${address} ${problem.en}` };
}

/** The build's warning of the drawings it published cleaned (`drawings`: each address with what was taken out). */
export function drawingsCleaned(drawings: readonly string[]): Message {
  return {
    fa: `[akhbar] این طرح‌ها بی آنچه نباید داشته باشند منتشر شدند (npm run check آن را نام می‌برد): ${drawings.join("؛ ")}`,
    en: `[akhbar] drawings published without what they may not have (npm run check names it): ${drawings.join("; ")}`,
  };
}
