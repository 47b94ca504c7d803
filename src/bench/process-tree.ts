/**
 * Measures a command and every process it starts (Pagefind's indexer runs in its own
 * process, so a build's cost is a tree's, not one process's). Linux only: it reads /proc.
 *
 * - CPU time: each process's own user + system time, sampled every 50 ms from /proc and
 *   summed over every process seen in the tree (a process not waited for by its parent,
 *   such as Pagefind's service, which Node stops without waiting, is counted too), or bash's
 *   `times` for the descendants that were waited for, whichever is larger.
 * - Peak memory: the largest sum of resident memory over the tree, sampled every 50 ms
 *   from /proc. Pages shared between processes are counted once per process, so this is
 *   an upper bound, as `ps` would give.
 * - A memory limit, when given, stops the whole tree once its resident memory passes it: a
 *   baseline that would need more memory than the machine has (Pagefind's CLI over 150,000
 *   pages) is reported as stopped at the limit instead of taking the machine down with it.
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
  /** Set when the tree was stopped for passing `memoryLimitBytes`. */
  stoppedOverMemory?: boolean;
}

const PAGE_SIZE = 4096;

interface ProcStat {
  pid: number;
  ppid: number;
  rssBytes: number;
  /** Own user + system time, in clock ticks. */
  cpuTicks: number;
  /** Start time in ticks since boot: with the pid, names a process even when pids are reused. */
  start: number;
}

/** USER_HZ: 100 on every Linux platform Node runs on. */
const TICKS_PER_SECOND = 100;

function readStat(pid: number): ProcStat | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name is in parentheses and may hold spaces: the fields after it are fixed.
    const fields = text.slice(text.lastIndexOf(")") + 2).split(" ");
    return {
      pid,
      ppid: Number(fields[1]),
      cpuTicks: Number(fields[11]) + Number(fields[12]),
      start: Number(fields[19]),
      rssBytes: Number(fields[21]) * PAGE_SIZE,
    };
  } catch {
    return undefined; // the process ended between listing and reading
  }
}

/** `root` and all its descendants, now. */
export function treeProcesses(root: number): ProcStat[] {
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
  if (!rootStat) return [];
  const tree: ProcStat[] = [];
  const stack = [rootStat];
  while (stack.length > 0) {
    const stat = stack.pop()!;
    tree.push(stat);
    stack.push(...(children.get(stat.pid) ?? []));
  }
  return tree;
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
export function measureCommand(command: string, options: { cwd: string; env?: NodeJS.ProcessEnv; memoryLimitBytes?: number }): Promise<TreeMeasurement> {
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
    let stoppedOverMemory = false;
    const cpuTicks = new Map<string, number>();
    const sample = () => {
      if (child.pid === undefined) return;
      let resident = 0;
      const tree = treeProcesses(child.pid);
      for (const stat of tree) {
        resident += stat.rssBytes;
        cpuTicks.set(`${stat.pid}@${stat.start}`, stat.cpuTicks);
      }
      peak = Math.max(peak, resident);
      if (options.memoryLimitBytes !== undefined && resident > options.memoryLimitBytes && !stoppedOverMemory) {
        stoppedOverMemory = true;
        for (const stat of tree) {
          try {
            process.kill(stat.pid, "SIGKILL");
          } catch {
            // already gone
          }
        }
      }
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
        cpuSeconds: Math.max(times ? parseTimes(times) : 0, [...cpuTicks.values()].reduce((sum, ticks) => sum + ticks, 0) / TICKS_PER_SECOND),
        peakBytes: peak,
        exitCode: code ?? 1,
        ...(stoppedOverMemory ? { stoppedOverMemory } : {}),
        output: `${output}\n${before ?? ""}`.trim().split("\n").slice(-80).join("\n"),
      });
    });
  });
}
