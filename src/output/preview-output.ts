/**
 * The dev server's output (`npm start`), written in place and kept between rebuilds. Each
 * rebuild records every file it makes in a ledger (src/output/publish.ts), as a production build does,
 * against the files the last rebuild wrote: a page whose version did not change is neither read
 * from the page cache nor compared with the file on disk. At 150,000 releases, a rebuild that
 * only compared bytes read ~450,000 files for each save. Pages the archive no longer has (a
 * release deleted or renamed) are removed once the rebuild has succeeded.
 *
 * A rebuild that failed leaves files the ledger does not describe: the next one writes every file.
 */
import { rm } from "node:fs/promises";
import path from "node:path";
import { OutputLedger, type SiteEntries } from "./publish.js";

export class PreviewOutput {
  private written: SiteEntries = new Map();
  /** The record of the rebuild under way; undefined between rebuilds. */
  ledger: OutputLedger | undefined;

  constructor(private readonly outputDir: string) {}

  /** Whether the output is what the last rebuild wrote: it succeeded, and nothing since made it unknown. */
  get intact(): boolean {
    return !this.ledger && this.written.size > 0;
  }

  /**
   * Before a rebuild: files are recorded against what the last successful one wrote. `partial`: the
   * rebuild makes only the files that may have changed (saved releases edited in place), and every
   * other file of the last rebuild is kept as it is; only when `intact`.
   */
  begin(partial = false): void {
    if (partial && !this.intact) throw new Error("Internal error: a partial rebuild over an output that is not known");
    // Still open: the last rebuild failed midway, and the output is not what `written` says (a
    // partial rebuild had recorded into it).
    if (this.ledger) this.written = new Map();
    this.ledger = new OutputLedger(this.written, undefined, partial);
  }

  /** What the output holds is no longer known: the next rebuild writes every file. */
  forget(): void {
    this.written = new Map();
  }

  /** After a successful rebuild: removes what it no longer has. Returns how many entries were removed. */
  async finish(): Promise<number> {
    const ledger = this.ledger;
    if (!ledger) return 0;
    this.ledger = undefined;
    // A partial rebuild recorded into `written` itself, and made nothing go.
    if (ledger.entries === this.written) return 0;
    let removed = 0;
    for (const entry of this.written.keys()) {
      if (ledger.entries.has(entry)) continue;
      await rm(path.join(this.outputDir, ...entry.split("/").filter(Boolean)), { recursive: true, force: true });
      removed++;
    }
    this.written = ledger.entries;
    return removed;
  }
}
