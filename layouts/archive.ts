/**
 * The Jalali archive: /archive/ (every year with its months and counts), and the chart
 * and table of releases per month shown on a year's page.
 */
import type { JalaliYear } from "../src/browse/archive-index.js";
import { ARCHIVE_URL, monthUrl, yearUrl } from "../src/browse/urls.js";
import { jalaliMonthName } from "../src/persian/dates.js";
import { html, type SafeHtml } from "../src/render/html.js";
import { fillString, interfaceStrings } from "../src/render/i18n.js";
import { CHART_SIZE, monthChartBars } from "../src/browse/month-chart.js";
import type { SiteMetadata } from "../src/content/site.js";
import type { AssetManifest } from "../src/render/asset-manifest.js";
import { renderPage } from "./base.js";
import { breadcrumbs, countText, numberText } from "./browse-parts.js";

const LANG = "fa";

/** The months of a year that have releases, in calendar order (Farvardin first), each a link with its count. */
function monthList(year: JalaliYear, label?: string): SafeHtml {
  const months = [...year.months].sort((a, b) => a.month - b.month);
  return html`<ol class="archive-months"${label ? html` aria-label="${label}"` : ""}>${months.map(
    (month) => html`<li><a href="${monthUrl(month.year, month.month)}">${jalaliMonthName(month.month, LANG)}</a> <span class="count">${countText(LANG, month.releases.length)}</span></li>`,
  )}</ol>`;
}

export function renderArchiveIndex({ site, assets, years }: { site: SiteMetadata; assets?: AssetManifest; years: readonly JalaliYear[] }): string {
  const t = interfaceStrings(LANG);
  const sections = years.map(
    (year) => html`<section class="archive-year" aria-labelledby="year-${year.year}">
<h2 id="year-${year.year}"><a href="${yearUrl(year.year)}">${numberText(LANG, year.year)}</a> <span class="count">(${fillString(t.releaseCount, { count: countText(LANG, year.count) })})</span></h2>
${monthList(year)}
</section>`,
  );
  return renderPage({
    site,
    assets,
    lang: LANG,
    title: t.archiveTitle,
    url: ARCHIVE_URL,
    body: html`${breadcrumbs(LANG, [{ label: t.home, url: "/" }, { label: t.archive }])}
<h1 class="page-title">${t.archiveTitle}</h1>
<p>${t.archiveIntro}</p>
${years.length === 0 ? html`<p>${t.noReleases}</p>` : sections}`,
  });
}

/**
 * The bar chart of a year's releases per month, and the same numbers as text. Each bar is
 * a link to its month, labelled for screen readers and with a tooltip (`<title>`); the list
 * of months below it, with their names and counts, is the chart's text twin and the larger
 * touch target on a phone.
 */
export function monthChart(year: JalaliYear): SafeHtml {
  const t = interfaceStrings(LANG);
  const counts = Array.from({ length: 12 }, (_, index) => year.months.find((month) => month.month === index + 1)?.releases.length ?? 0);
  const caption = fillString(t.monthsOfYear, { year: numberText(LANG, year.year) });
  const captionId = `month-chart-${year.year}`;
  const { width, height } = CHART_SIZE;
  const bars = monthChartBars(counts, true).map((bar) => {
    const name = `${jalaliMonthName(bar.month, LANG)} ${numberText(LANG, year.year)}`;
    const countLabel = bar.count === 0 ? t.noReleasesInMonth : fillString(t.releaseCount, { count: countText(LANG, bar.count) });
    const label = `${name}: ${countLabel}`;
    const shapes = html`<rect class="month-chart__slot" x="${bar.slotX}" y="0" width="${bar.slotWidth}" height="${height}"></rect>
<rect class="month-chart__bar" x="${bar.x}" y="${bar.y}" width="${bar.width}" height="${bar.height}"></rect>`;
    // The numbers are drawn outside the link: a link's visible text must be part of its
    // accessible name (WCAG 2.5.3), and the label says the month by name, not by number.
    const numbers = html`<text class="month-chart__count" x="${bar.centerX}" y="${bar.y - 4}" text-anchor="middle" aria-hidden="true">${countText(LANG, bar.count)}</text>
<text class="month-chart__month" x="${bar.centerX}" y="${bar.baseY + 16}" text-anchor="middle" aria-hidden="true">${numberText(LANG, bar.month)}</text>`;
    return bar.count === 0
      ? html`<g class="month-chart__empty"><title>${label}</title>${shapes}${numbers}</g>`
      : html`<a href="${monthUrl(year.year, bar.month)}" aria-label="${label}"><title>${label}</title>${shapes}</a>${numbers}`;
  });
  return html`<figure class="month-chart">
<svg viewBox="0 0 ${width} ${height}" role="group" aria-labelledby="${captionId}">
<line class="month-chart__axis" x1="0" y1="${CHART_SIZE.height - CHART_SIZE.bottom}" x2="${width}" y2="${CHART_SIZE.height - CHART_SIZE.bottom}"></line>
${bars}
</svg>
<figcaption id="${captionId}">${caption}</figcaption>
</figure>
${monthList(year, caption)}`;
}
