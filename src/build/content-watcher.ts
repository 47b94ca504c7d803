/**
 * The dev server's watcher of the content folder (scripts/serve.ts): one file-system watch per
 * folder, reporting the files saved, added and deleted in it, in the words of Eleventy's own
 * watcher ("change", "add", "unlink"), so that Eleventy rebuilds as it would have.
 *
 * Written here rather than left to Eleventy's watcher (chokidar 4) because of the archive's
 * size: chokidar opens one watch per file and stats each, and at 150,000 releases its first walk
 * after the dev server's first build kept the main thread busy for ~15 s, so the editor's first
 * saves took 6–10 s instead of about one. Node's own recursive `fs.watch` on Linux (Node 20)
 * also watches file by file (3.5 s and 400 MB here). The kernel reports a change in a folder to
 * that folder's watch, so a folder needs one watch and no file needs its own: the archive's few
 * dozen folders are listed once, and their files are only remembered by name (to tell a file
 * added from one saved again).
 *
 * Hidden files and folders (a checkout's .git, an editor's swap files) and node_modules are not
 * reported, as the archive loader does not read them (src/content/load.ts).
 */
import { watch, type FSWatcher } from "node:fs";
import { readdir, stat } from "node:fs/promises";
import path from "node:path";

export type ContentEvent = "change" | "add" | "unlink";

export interface ContentWatcher {
  /** Resolves once every folder present at the start is watched. */
  ready: Promise<void>;
  close(): void;
}

/**
 * How long a file must be quiet before its change is reported: an editor's save is often a
 * truncate and a write, or a write to a temporary file and a rename, each its own event.
 * (Eleventy's watcher waited for 150 ms of stable size.)
 */
export const SETTLE_MS = 100;

const skipped = (name: string) => name.startsWith(".") || name === "node_modules";

export function watchContentFolder(root: string, report: (event: ContentEvent, file: string) => void, settleMs = SETTLE_MS): ContentWatcher {
  const folders = new Map<string, FSWatcher>();
  const files = new Set<string>();
  const pending = new Map<string, NodeJS.Timeout>();
  let closed = false;

  /** Watches `folder` and the folders under it; `announce`: report their files as added (a folder moved in). */
  const watchTree = async (folder: string, announce: boolean): Promise<void> => {
    if (closed || folders.has(folder)) return;
    let watcher: FSWatcher;
    try {
      watcher = watch(folder, (_kind, name) => {
        if (name) settle(path.join(folder, name.toString()));
      });
    } catch {
      return; // gone before it could be watched
    }
    // A folder removed ends its watch with an error on some systems: it is forgotten, not fatal.
    watcher.on("error", () => forget(folder));
    folders.set(folder, watcher);
    const entries = await readdir(folder, { withFileTypes: true }).catch(() => []);
    await Promise.all(
      entries
        .filter((entry) => !skipped(entry.name))
        .map(async (entry) => {
          const child = path.join(folder, entry.name);
          if (entry.isDirectory()) await watchTree(child, announce);
          else if (entry.isFile() && !files.has(child)) {
            files.add(child);
            if (announce) report("add", child);
          }
        }),
    );
  };

  /** A folder removed: its watches closed, its files reported deleted. */
  const forget = (folder: string) => {
    const inside = (file: string) => file === folder || file.startsWith(`${folder}${path.sep}`);
    for (const [watched, watcher] of folders) {
      if (!inside(watched)) continue;
      watcher.close();
      folders.delete(watched);
    }
    for (const file of files) {
      if (!inside(file)) continue;
      files.delete(file);
      report("unlink", file);
    }
  };

  /** Reports what became of `file` once it has been quiet for `settleMs`. */
  const settle = (file: string) => {
    if (closed || path.relative(root, file).split(path.sep).some(skipped)) return;
    clearTimeout(pending.get(file));
    pending.set(
      file,
      setTimeout(async () => {
        pending.delete(file);
        const info = await stat(file).catch(() => undefined);
        if (closed) return;
        if (!info) {
          if (folders.has(file)) forget(file);
          else if (files.delete(file)) report("unlink", file);
        } else if (info.isDirectory()) {
          await watchTree(file, true);
        } else if (info.isFile()) {
          // Whatever the events were (a write in place, or an editor's temporary file renamed onto the name).
          const known = files.has(file);
          files.add(file);
          report(known ? "change" : "add", file);
        }
      }, settleMs),
    );
  };

  const ready = watchTree(root, false);
  return {
    ready,
    close() {
      closed = true;
      for (const timer of pending.values()) clearTimeout(timer);
      pending.clear();
      for (const watcher of folders.values()) watcher.close();
      folders.clear();
    },
  };
}
