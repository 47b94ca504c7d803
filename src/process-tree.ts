/**
 * Measures a command and every process it starts (Pagefind's indexer runs in its own
 * process, so a build's cost is a tree's, not one process's). Linux only: it reads /proc.
 *
 * - CPU time: bash's `times` after the command, which counts every descendant that was
 *   waited for (node waits for Pagefind), so no CPU time is lost between samples.
 * - Peak memory: the largest sum of resident memory over the tree, sampled every 50 ms
 *   from /proc. Pages shared between processes are counted once per process, so this is
 *   an upper bound, as `ps` would give.
 */
import { spawn } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";

export interface TreeMeasurement {
  wallSeconds: number;
  cpuSeconds: number;
  peakBytes: number;
  exitCode: number;
  /** The command's last lines of output, for a failure's message. */
  output: string;
}

const PAGE_SIZE = 4096;

interface ProcStat {
  pid: number;
  ppid: number;
  rssBytes: number;
}

function readStat(pid: number): ProcStat | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name is in parentheses and may hold spaces: the fields after it are fixed.
    const fields = text.slice(text.lastIndexOf(")") + 2).split(" ");
    return { pid, ppid: Number(fields[1]), rssBytes: Number(fields[21]) * PAGE_SIZE };
  } catch {
    return undefined; // the process ended between listing and reading
  }
}

/** The resident memory of `root` and all its descendants, now. */
export function treeResidentBytes(root: number): number {
  const children = new Map<number, ProcStat[]>();
  let rootStat: ProcStat | undefined;
  for (const name of readdirSync("/proc")) {
    const pid = Number(name);
    if (!Number.isInteger(pid)) continue;
    const stat = readStat(pid);
    if (!stat) continue;
    if (pid === root) rootStat = stat;
    const siblings = children.get(stat.ppid);
    if (siblings) siblings.push(stat);
    else children.set(stat.ppid, [stat]);
  }
  if (!rootStat) return 0;
  let total = 0;
  const stack = [rootStat];
  while (stack.length > 0) {
    const stat = stack.pop()!;
    total += stat.rssBytes;
    stack.push(...(children.get(stat.pid) ?? []));
  }
  return total;
}

/** bash `times` prints two lines, the shell's and its children's: "0m12.345s 0m1.234s". */
export function parseTimes(text: string): number {
  const lines = text.trim().split("\n");
  const children = lines[lines.length - 1] ?? "";
  const seconds = [...children.matchAll(/(\d+)m([\d.]+)s/g)].map((match) => Number(match[1]) * 60 + Number(match[2]));
  if (seconds.length !== 2) throw new Error(`cannot read bash's times: ${text}`);
  return seconds[0]! + seconds[1]!;
}

const TIMES_MARK = "@@akhbar-times@@";

/** Runs `command` in bash from `cwd` and measures it and its descendants. */
export function measureCommand(command: string, options: { cwd: string; env?: NodeJS.ProcessEnv }): Promise<TreeMeasurement> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn("bash", ["-c", `${command}\nstatus=$?\necho ${TIMES_MARK} >&2\ntimes >&2\nexit $status`], {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20000)));
    child.stderr.on("data", (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-20000)));
    let peak = 0;
    const sample = () => {
      if (child.pid !== undefined) peak = Math.max(peak, treeResidentBytes(child.pid));
    };
    const timer = setInterval(sample, 50);
    child.on("error", (error) => {
      clearInterval(timer);
      reject(error);
    });
    child.on("close", (code) => {
      clearInterval(timer);
      const wallSeconds = (performance.now() - started) / 1000;
      const [before, times = ""] = stderr.split(TIMES_MARK);
      resolve({
        wallSeconds,
        cpuSeconds: times ? parseTimes(times) : Number.NaN,
        peakBytes: peak,
        exitCode: code ?? 1,
        output: `${output}\n${before ?? ""}`.trim().split("\n").slice(-30).join("\n"),
      });
    });
  });
}
