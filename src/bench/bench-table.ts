/**
 * The results scripts/bench.ts keeps by size in docs/benchmarks.json, and the table of
 * docs/benchmarks.md it writes from them. Here, not in the script, so that a unit test can
 * render a table without running the bench. Rows of earlier runs lack the later columns'
 * fields: those cells read "–".
 */

export interface Figures {
  wallSeconds: number;
  cpuSeconds: number;
  peakBytes: number;
  files: number;
  bytes: number;
}

/** One query's first search on the clean-built site (src/bench/search-payload.ts). */
export interface FirstSearchFigures {
  query: string;
  /** The search page's status line after the search. */
  status: string;
  /** The search page's load, then the search, with gzip. */
  pageGzipped: number;
  searchGzipped: number;
  totalGzipped: number;
}

export interface SizeResult {
  releases: number;
  runs: number;
  date: string;
  /** The commit measured (with "+changes" when the working tree differed from it). */
  commit: string;
  machine: string;
  ours: Figures;
  baseline?: Figures;
  /** Why the baseline did not run to its end (its figures are then lower bounds, said in the table). */
  baselineNote?: string;
  /** One release added to the built archive, build cache kept. */
  incremental?: Figures & { written: number };
  /**
   * The stylesheet's source changed (a comment appended), build cache and output kept: every page
   * names the stylesheet by its fingerprinted address, so every page is written again, and the
   * search index should not be (`searchFilesWritten`: files written under pagefind/).
   */
  restyle?: Figures & { written: number; searchFilesWritten: number };
  /** The dev server: seconds from a saved release to its rebuilt pages, median of three saves. */
  devRebuildSeconds?: number;
  /** A reader's first search on the site as built clean, per query. */
  firstSearch?: FirstSearchFigures[];
}

export const gb = (bytes: number) => `${(bytes / 2 ** 30).toFixed(2)} GB`;
const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`;
const kb = (bytes: number) => (bytes / 1024).toFixed(0);
const s = (seconds: number) => `${seconds.toFixed(1)} s`;
const ratio = (a: number, b: number | undefined) => (b ? `${(a / b).toFixed(2)}×` : "–");

/** "62–118 KB with gzip": the range over the queries measured (one figure when they agree). */
export function firstSearchRange(searches: readonly FirstSearchFigures[] | undefined): string {
  if (!searches || searches.length === 0) return "–";
  const totals = searches.map((search) => search.totalGzipped);
  const [low, high] = [kb(Math.min(...totals)), kb(Math.max(...totals))];
  return `${low === high ? low : `${low}–${high}`} KB with gzip`;
}

export function renderTable(results: readonly SizeResult[]): string {
  const rows = [
    "| releases | commit | runs | wall: ours / baseline (ratio) | CPU: ours / baseline (ratio) | peak memory: ours / baseline (ratio) | files: ours / baseline | bytes: ours / baseline | one release added (cache kept) | restyle (cache kept) | dev server: a saved release rebuilt | first search (page and query) | date |",
    "|---:|---|---:|---|---|---|---|---|---|---|---|---|---|",
  ];
  for (const r of [...results].sort((a, b) => a.releases - b.releases)) {
    const b = r.baseline;
    rows.push(
      [
        r.baselineNote ? `${r.releases.toLocaleString("en")} (baseline: ${r.baselineNote})` : r.releases.toLocaleString("en"),
        r.commit ?? "–",
        r.runs,
        ...(r.baselineNote && b
          ? [
              // The baseline did not finish: its figures are lower bounds, and no ratio is given.
              `${s(r.ours.wallSeconds)} / more than ${s(b.wallSeconds)}`,
              `${s(r.ours.cpuSeconds)} / more than ${s(b.cpuSeconds)}`,
              `${gb(r.ours.peakBytes)} / more than ${gb(b.peakBytes)}`,
            ]
          : [
              `${s(r.ours.wallSeconds)} / ${b ? s(b.wallSeconds) : "–"} (${ratio(r.ours.wallSeconds, b?.wallSeconds)})`,
              `${s(r.ours.cpuSeconds)} / ${b ? s(b.cpuSeconds) : "–"} (${ratio(r.ours.cpuSeconds, b?.cpuSeconds)})`,
              `${gb(r.ours.peakBytes)} / ${b ? gb(b.peakBytes) : "–"} (${ratio(r.ours.peakBytes, b?.peakBytes)})`,
            ]),
        `${r.ours.files.toLocaleString("en")} / ${b ? b.files.toLocaleString("en") : "–"}`,
        `${mb(r.ours.bytes)} / ${b ? mb(b.bytes) : "–"}`,
        r.incremental ? `${s(r.incremental.wallSeconds)} wall, ${s(r.incremental.cpuSeconds)} CPU, ${gb(r.incremental.peakBytes)}, ${r.incremental.written.toLocaleString("en")} files written` : "–",
        r.restyle
          ? `${s(r.restyle.wallSeconds)} wall, ${s(r.restyle.cpuSeconds)} CPU, ${gb(r.restyle.peakBytes)}, ${r.restyle.written.toLocaleString("en")} files written, ${r.restyle.searchFilesWritten.toLocaleString("en")} of them search files`
          : "–",
        r.devRebuildSeconds !== undefined ? `${r.devRebuildSeconds.toFixed(2)} s` : "–",
        firstSearchRange(r.firstSearch),
        r.date,
      ].join(" | ").replace(/^/, "| ").replace(/$/, " |"),
    );
  }
  const machines = [...new Set(results.map((r) => r.machine))];
  return `${rows.join("\n")}\n\nMachine: ${machines.join("; ")}.\n`;
}
