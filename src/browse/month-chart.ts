/**
 * Geometry of the releases-per-month bar chart on a Jalali year page: one bar per month,
 * heights proportional to the counts. Made at build time as inline SVG, so the page needs
 * no script. Pure arithmetic; layouts/archive.ts draws it.
 */

export interface ChartSize {
  width: number;
  height: number;
  /** Room above the bars for their counts, and below them for the month numbers. */
  top: number;
  bottom: number;
  /** Space between two bars. */
  gap: number;
}

export const CHART_SIZE: ChartSize = { width: 360, height: 150, top: 18, bottom: 22, gap: 8 };

/** The smallest height of a bar with releases, so that a month with one release still shows one. */
export const MINIMUM_BAR_HEIGHT = 2;

export interface ChartBar {
  month: number;
  count: number;
  /** The month's whole column (the link's target area). */
  slotX: number;
  slotWidth: number;
  x: number;
  y: number;
  width: number;
  height: number;
  /** Centre of the bar, where its labels go. */
  centerX: number;
  /** Bottom of the bars. */
  baseY: number;
}

const round = (value: number) => Math.round(value * 10) / 10;

/**
 * `counts[0]` is Farvardin's count, `counts[11]` Esfand's. Right to left, Farvardin is
 * drawn at the right, as Persian readers read a timeline.
 */
export function monthChartBars(counts: readonly number[], rtl: boolean, size: ChartSize = CHART_SIZE): ChartBar[] {
  if (counts.length !== 12) throw new Error(`a Jalali year has 12 months, got ${counts.length} counts`);
  const highest = Math.max(1, ...counts);
  const slotWidth = size.width / 12;
  const plotHeight = size.height - size.top - size.bottom;
  const baseY = size.height - size.bottom;
  return counts.map((count, index) => {
    const slot = rtl ? 11 - index : index;
    const height = count === 0 ? 0 : Math.max(MINIMUM_BAR_HEIGHT, (count / highest) * plotHeight);
    const slotX = slot * slotWidth;
    return {
      month: index + 1,
      count,
      slotX: round(slotX),
      slotWidth: round(slotWidth),
      x: round(slotX + size.gap / 2),
      y: round(baseY - height),
      width: round(slotWidth - size.gap),
      height: round(height),
      centerX: round(slotX + slotWidth / 2),
      baseY,
    };
  });
}
