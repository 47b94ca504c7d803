/**
 * How long each build step takes, printed when AKHBAR_TIMINGS=1: its wall time, the process's CPU
 * time over it (the main thread and the search index's worker threads; Pagefind's own processes
 * are not counted) and the resident memory after it. Profiling a large archive starts here: it
 * says which step a CPU profile (`node --cpu-prof`) should look at.
 */
export const TIMINGS_VARIABLE = "AKHBAR_TIMINGS";

export interface StepTiming {
  step: string;
  wallMs: number;
  cpuMs: number;
  rssBytes: number;
}

export function timingsWanted(env: NodeJS.ProcessEnv = process.env): boolean {
  return env[TIMINGS_VARIABLE] === "1";
}

/** Runs `work` and says how long it took. */
export async function timeStep(step: string, work: () => void | Promise<void>): Promise<StepTiming> {
  const started = performance.now();
  const cpu = process.cpuUsage();
  await work();
  const used = process.cpuUsage(cpu);
  return { step, wallMs: performance.now() - started, cpuMs: (used.user + used.system) / 1000, rssBytes: process.memoryUsage.rss() };
}

/** The time between two instants (ms), as a timing without CPU: what Eleventy did between the steps. */
export function between(step: string, startedMs: number, endedMs: number, cpuMs: number): StepTiming {
  return { step, wallMs: endedMs - startedMs, cpuMs, rssBytes: process.memoryUsage.rss() };
}
