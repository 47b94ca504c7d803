/// <reference lib="dom" />
/**
 * The browser's editor's own script (/admin/admin.<hash>.js), run after Decap CMS's bundle, which
 * puts `CMS`, `h` (React's createElement) and `createClass` on `window` for exactly this. It:
 * - registers the Jalali date field (`jalali-date`), with a Jalali calendar to pick the day from:
 *   typed as the schema reads it («۱۴۰۳/۰۲/۲۳ ۱۰:۳۰»,
 *   Persian or Latin digits), checked by the schema's own parser (src/persian/dates.ts) with the
 *   build's own Persian message, kept in the file with Latin digits as `npm run new` writes it, and
 *   shown below the field as a reader will see it; a new release's date is now, Tehran time;
 * - gives the preview the site's stylesheet and font, right to left, and lays out a release as its
 *   page does (title, lead, date, county, text);
 * - drops the fields left empty before saving: an empty `lead: ""` is an error to the build, an
 *   absent one is not;
 * - corrects the few words of Decap's Persian translation that mislead («صرفه جویی» for Save), and
 *   names the controls Decap leaves unnamed for screen readers.
 * No inline script: the page's policy allows none (src/admin/admin-page.ts).
 */
import { DateTime } from "luxon";
import { jalaaliMonthLength, toGregorian } from "jalaali-js";
import { formatShownDate, formatJalaliInput, jalaliMonthName, jalaliParts, parseReleaseDate, TEHRAN_ZONE } from "../persian/dates.js";
import { toLatinDigits, toPersianDigits } from "../persian/letters.js";
import { dateProblemMessage } from "../messages/content.js";
import { ADMIN_TEXT, DECAP_PERSIAN_CORRECTIONS } from "../messages/admin.js";
import { JALALI_WIDGET } from "./widget-name.js";

/** The little of Decap's API this script uses. */
interface DecapCms {
  registerWidget(name: string, control: unknown, preview?: unknown): void;
  registerPreviewStyle(url: string): void;
  registerPreviewTemplate(collection: string, template: unknown): void;
  registerEventListener(listener: { name: string; handler: (event: { entry: ImmutableMap }) => unknown }): void;
  registerLocale(locale: string, phrases: Record<string, unknown>): void;
  getLocale(locale: string): Record<string, unknown> | undefined;
}

/** Immutable.js's Map and List, as Decap hands them over. */
interface ImmutableMap {
  get(key: string): unknown;
  getIn(path: string[]): unknown;
  filter(keep: (value: unknown) => boolean): ImmutableMap;
  map(change: (value: unknown) => unknown): ImmutableMap;
  toJS(): unknown;
  size: number;
}

type CreateElement = (type: unknown, props?: Record<string, unknown> | null, ...children: unknown[]) => unknown;

interface DecapWindow {
  CMS: DecapCms;
  h: CreateElement;
  createClass: (spec: Record<string, unknown>) => unknown;
}

interface ControlProps {
  value?: string;
  forID: string;
  classNameWrapper: string;
  field: ImmutableMap;
  onChange(value: string): void;
  setActiveStyle(): void;
  setInactiveStyle(): void;
}

/** A field's value as the form shows it: a Jalali date with Persian digits, anything else (an ISO date of an older file) as written. */
export function shownDateValue(value: string | undefined): string {
  if (!value) return "";
  return /^\s*[0-9۰-۹]{4}\s*\/|^\s*[۰-۹]/.test(value) ? toPersianDigits(value) : value;
}

/** What the form keeps of what was typed: Latin digits, as `npm run new` writes a date. */
export function storedDateValue(typed: string): string {
  return toLatinDigits(typed);
}

/** The Persian message of a date the schema refuses, or undefined for a good (or empty) one. */
export function dateProblem(value: string | undefined): string | undefined {
  if (!value || value.trim() === "") return undefined;
  const parsed = parseReleaseDate(value);
  return parsed.ok ? undefined : dateProblemMessage(parsed.problem).fa;
}

/** Below the field: the date as a reader will see it, so that a typo shows. */
export function dateReading(value: string | undefined): string {
  if (!value) return "";
  const parsed = parseReleaseDate(value);
  return parsed.ok ? `${ADMIN_TEXT.onTheSite}${formatShownDate(parsed.date, "fa", parsed.timeGiven)}` : "";
}

/** A Jalali month as the calendar lays it out: its days, and the weekday of its first (0 Saturday … 6 Friday: the Persian week). */
export function calendarMonth(year: number, month: number): { days: number; firstWeekday: number } {
  const { gy, gm, gd } = toGregorian(year, month, 1);
  return { days: jalaaliMonthLength(year, month), firstWeekday: (new Date(Date.UTC(gy, gm - 1, gd)).getUTCDay() + 1) % 7 };
}

/** The month before or after, across the year's end. */
export function shiftMonth(year: number, month: number, by: 1 | -1): { year: number; month: number } {
  const index = year * 12 + (month - 1) + by;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

/** The value with the day picked on the calendar: the time of day kept as written (or `time`, for a field without one). */
export function withDay(value: string | undefined, year: number, month: number, day: number, time: string): string {
  const written = /\d{1,2}:\d{2}\s*$/.exec(toLatinDigits(value ?? ""))?.[0]?.trim();
  const pad = (number: number) => String(number).padStart(2, "0");
  return `${year}/${pad(month)}/${pad(day)} ${written ?? time}`;
}

/** The form's data without the fields left empty ("", blanks, nothing, an object with nothing in it), inside objects and lists too. Lists stay, even empty. */
export function withoutEmptyFields(data: ImmutableMap): ImmutableMap {
  const isCollection = (value: unknown): value is ImmutableMap => typeof value === "object" && value !== null && typeof (value as ImmutableMap).filter === "function";
  const isList = (value: ImmutableMap) => typeof (value as unknown as { push?: unknown }).push === "function";
  const empty = (value: unknown) => value === "" || value === null || value === undefined || (isCollection(value) && !isList(value) && value.size === 0);
  const clean = (value: unknown): unknown => {
    if (isCollection(value)) return value.map(clean).filter((inner) => !empty(inner));
    return typeof value === "string" && value.trim() === "" ? "" : value;
  };
  return clean(data) as ImmutableMap;
}


function merged(base: Record<string, unknown>, over: Record<string, unknown>): Record<string, unknown> {
  const result: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(over)) {
    const inner = result[key];
    result[key] = typeof value === "object" && value !== null && typeof inner === "object" && inner !== null ? merged(inner as Record<string, unknown>, value as Record<string, unknown>) : value;
  }
  return result;
}

/**
 * Names Decap's interface leaves out, which a screen reader announces as nothing (axe-core finds
 * them): the preview's frame, the text's editing box (named after its field's label) and the
 * switch between text and Markdown. Given as Decap draws them, since it draws them again at will.
 */
export function nameUnnamedControls(root: ParentNode): void {
  for (const frame of root.querySelectorAll<HTMLIFrameElement>("iframe:not([title])")) frame.title = ADMIN_TEXT.preview;
  for (const editor of root.querySelectorAll<HTMLElement>("[data-slate-editor][role='textbox']:not([aria-label])")) {
    const label = editor.closest("[class*='-ControlContainer']")?.querySelector("label")?.textContent?.trim();
    editor.setAttribute("aria-label", label || ADMIN_TEXT.text);
  }
  for (const toggle of root.querySelectorAll<HTMLElement>("button[role='switch'][class*='ToolbarToggle']:not([aria-label])")) toggle.setAttribute("aria-label", "Markdown");
}

function register(win: DecapWindow): void {
  const { CMS, h, createClass } = win;

  /** The day picker below the field: a Jalali month, Saturday first, its days as buttons. */
  const calendar = (props: ControlProps, view: { year: number; month: number }, move: (by: 1 | -1) => void, close: () => void) => {
    const { days, firstWeekday } = calendarMonth(view.year, view.month);
    const parsed = props.value ? parseReleaseDate(props.value) : undefined;
    const chosen = parsed?.ok ? jalaliParts(parsed.date) : undefined;
    const now = formatJalaliInput(DateTime.now().setZone(TEHRAN_ZONE)).slice(-5);
    const title = `${jalaliMonthName(view.month)} ${toPersianDigits(view.year)}`;
    const cells = [
      ...ADMIN_TEXT.weekdays.map((name) => h("span", { key: `w${name}`, className: "akhbar-calendar__weekday", "aria-hidden": "true" }, name)),
      ...Array.from({ length: firstWeekday }, (_, index) => h("span", { key: `e${index}` })),
      ...Array.from({ length: days }, (_, index) => {
        const day = index + 1;
        const selected = chosen?.year === view.year && chosen.month === view.month && chosen.day === day;
        return h(
          "button",
          {
            key: `d${day}`,
            type: "button",
            className: "akhbar-calendar__day",
            "aria-pressed": selected ? "true" : "false",
            "aria-label": `${toPersianDigits(day)} ${title}`,
            onClick: () => {
              props.onChange(withDay(props.value, view.year, view.month, day, now));
              close();
            },
          },
          toPersianDigits(day),
        );
      }),
    ];
    return h(
      "div",
      { className: "akhbar-calendar", role: "group", "aria-label": title },
      h(
        "div",
        { className: "akhbar-calendar__head" },
        h("button", { type: "button", onClick: () => move(-1), "aria-label": ADMIN_TEXT.previousMonth }, "›"),
        h("strong", null, title),
        h("button", { type: "button", onClick: () => move(1), "aria-label": ADMIN_TEXT.nextMonth }, "‹"),
      ),
      h("div", { className: "akhbar-calendar__days" }, ...cells),
    );
  };

  const JalaliDate = createClass({
    getInitialState(this: { props: ControlProps }) {
      const parsed = this.props.value ? parseReleaseDate(this.props.value) : undefined;
      const { year, month } = jalaliParts(parsed?.ok ? parsed.date : DateTime.now().setZone(TEHRAN_ZONE));
      return { open: false, year, month };
    },
    componentDidMount(this: { props: ControlProps }) {
      // A new release is dated now; `updated` stays empty until an editor fills it in.
      if (!this.props.value && this.props.field.get("name") === "date") {
        this.props.onChange(formatJalaliInput(DateTime.now().setZone(TEHRAN_ZONE)));
      }
    },
    isValid(this: { props: ControlProps }) {
      const problem = dateProblem(this.props.value);
      return problem === undefined ? true : { error: { message: problem } };
    },
    render(this: { props: ControlProps; state: { open: boolean; year: number; month: number }; setState(state: Partial<{ open: boolean; year: number; month: number }>): void }) {
      const { value, forID, classNameWrapper, onChange, setActiveStyle, setInactiveStyle } = this.props;
      const reading = dateReading(value);
      const { open, year, month } = this.state;
      return h(
        "div",
        null,
        h("input", {
          id: forID,
          className: classNameWrapper,
          type: "text",
          inputMode: "numeric",
          autoComplete: "off",
          placeholder: ADMIN_TEXT.datePlaceholder,
          value: shownDateValue(value),
          onChange: (event: { target: { value: string } }) => onChange(storedDateValue(event.target.value)),
          onFocus: setActiveStyle,
          onBlur: setInactiveStyle,
        }),
        reading ? h("p", { className: "akhbar-date-reading" }, reading) : null,
        h(
          "button",
          {
            type: "button",
            className: "akhbar-calendar__toggle",
            "aria-expanded": open ? "true" : "false",
            // Opened at the month of the date written in the field (or this month).
            onClick: () => {
              const parsed = value ? parseReleaseDate(value) : undefined;
              const shown = jalaliParts(parsed?.ok ? parsed.date : DateTime.now().setZone(TEHRAN_ZONE));
              this.setState(open ? { open: false } : { open: true, year: shown.year, month: shown.month });
            },
          },
          open ? ADMIN_TEXT.closeCalendar : ADMIN_TEXT.calendar,
        ),
        open
          ? calendar(
              this.props,
              { year, month },
              (by) => this.setState(shiftMonth(year, month, by)),
              () => this.setState({ open: false }),
            )
          : null,
      );
    },
  });
  const JalaliPreview = createClass({
    render(this: { props: { value?: string } }) {
      return h("span", null, dateReading(this.props.value) || shownDateValue(this.props.value));
    },
  });
  CMS.registerWidget(JALALI_WIDGET, JalaliDate, JalaliPreview);

  const siteStyle = document.querySelector<HTMLMetaElement>('meta[name="akhbar-preview-style"]')?.content;
  if (siteStyle) CMS.registerPreviewStyle(new URL(siteStyle, document.baseURI).href);
  const adminStyle = document.querySelector<HTMLMetaElement>('meta[name="akhbar-preview-extra"]')?.content;
  if (adminStyle) CMS.registerPreviewStyle(new URL(adminStyle, document.baseURI).href);

  const ReleasePreview = createClass({
    render(this: { props: { entry: ImmutableMap; widgetFor(name: string): unknown } }) {
      const data = (name: string) => this.props.entry.getIn(["data", name]) as string | undefined;
      const date = dateReading(data("date")).slice(ADMIN_TEXT.onTheSite.length);
      const meta = [date, data("county"), data("organization")].filter(Boolean).join(" · ");
      return h(
        "main",
        { dir: "rtl", lang: data("lang") === "en" ? "en" : "fa", className: "akhbar-preview" },
        h(
          "article",
          { className: "release" },
          h(
            "header",
            { className: "release__header" },
            h("h1", { className: "release__title" }, data("title") ?? ""),
            meta ? h("p", { className: "release__meta" }, meta) : null,
            data("lead") ? h("p", { className: "release__lead" }, data("lead")) : null,
          ),
          h("div", { className: "release__body" }, this.props.widgetFor("body")),
        ),
      );
    },
  });
  const yearCollections = document.querySelector<HTMLMetaElement>('meta[name="akhbar-release-collections"]')?.content.split(" ") ?? [];
  for (const collection of yearCollections) if (collection) CMS.registerPreviewTemplate(collection, ReleasePreview);

  CMS.registerEventListener({ name: "preSave", handler: ({ entry }) => withoutEmptyFields(entry.get("data") as ImmutableMap) });

  new MutationObserver(() => nameUnnamedControls(document)).observe(document.body, { childList: true, subtree: true });

  // When the form refuses to publish (a required field left empty), Decap rejects its own promise
  // with nothing, and the browser reports an error without a word: the form has said why already.
  window.addEventListener("unhandledrejection", (event) => {
    if (event.reason === undefined) event.preventDefault();
  });

  const persian = CMS.getLocale("fa");
  if (persian) CMS.registerLocale("fa", merged(persian, DECAP_PERSIAN_CORRECTIONS));
}

if (typeof window !== "undefined" && (window as unknown as Partial<DecapWindow>).CMS) register(window as unknown as DecapWindow);
