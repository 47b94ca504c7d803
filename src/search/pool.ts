/**
 * The pool of search worker threads (worker.ts): the main thread posts one shard's job
 * (shard-index.ts) at a time to each; each worker has its own Pagefind backend process, so
 * that shards are indexed side by side while the main thread renders pages.
 *
 * Workers are started when a job needs one, never more than the pool's size: a build whose
 * shards all come from the cache starts none, a daily build one. Each worker's Pagefind
 * backend holds the whole shard it indexes (~0.6–0.9 GB for 1,500 releases), so the size is
 * what bounds the index's memory.
 */
import { availableParallelism } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { SettingError } from "../content/setting-error.js";
import { searchWorkersInvalid } from "../messages/settings.js";
import type { ShardJob, ShardJobResult } from "./shard-index.js";
import type { WorkerReply, WorkerRequest } from "./worker.js";

export const SEARCH_WORKERS_VARIABLE = "AKHBAR_SEARCH_WORKERS";
/** Two backends of a full shard each keep a 150,000-release build under 4 GB (docs/architecture.md). */
const DEFAULT_MAX_WORKERS = 2;
const MAX_WORKERS = 16;

/**
 * How many worker threads index shards: AKHBAR_SEARCH_WORKERS, or one per core up to two.
 * 0 indexes on the main thread, one shard at a time (as before the pool).
 */
export function searchWorkerCount(env: NodeJS.ProcessEnv = process.env): number {
  const written = env[SEARCH_WORKERS_VARIABLE]?.trim() ?? "";
  if (written === "") return Math.max(1, Math.min(DEFAULT_MAX_WORKERS, availableParallelism()));
  if (!/^\d+$/.test(written) || Number(written) > MAX_WORKERS) {
    throw new SettingError(searchWorkersInvalid(SEARCH_WORKERS_VARIABLE, written, MAX_WORKERS));
  }
  return Number(written);
}

const extension = path.extname(fileURLToPath(import.meta.url));
const WORKER_MODULE = new URL(`./worker${extension}`, import.meta.url).href;

/**
 * The worker's code. Node 20 does not apply the module hooks that `--import tsx` (or the tsx
 * command) registered on the main thread to a worker's entry module, although the worker
 * inherits the flag: a .ts entry fails with ERR_UNKNOWN_FILE_EXTENSION. So the worker starts
 * from this line, which registers tsx's hooks in the thread and then imports the module.
 */
function workerSource(): string {
  if (extension !== ".ts") return `import(${JSON.stringify(WORKER_MODULE)});`;
  const tsx = import.meta.resolve("tsx/esm/api");
  return `import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(WORKER_MODULE)}); });`;
}

/** An error from a worker, as the main thread throws it: the worker's message, name and stack. */
function workerError(reply: Extract<WorkerReply, { type: "failed" }>): Error {
  const error = new Error(reply.message);
  error.name = reply.name;
  if (reply.stack) error.stack = reply.stack;
  return error;
}

/** One worker thread, doing one job at a time. */
class ShardWorker {
  private readonly thread: Worker;
  private pending: { resolve: (result: ShardJobResult | undefined) => void; reject: (error: Error) => void } | undefined;
  /** Why the thread ended, once it has. */
  private ended: Error | undefined;
  /** Resolves once the thread has ended: nothing of it runs or writes any more. */
  readonly exited: Promise<void>;

  constructor() {
    this.thread = new Worker(workerSource(), { eval: true });
    this.thread.on("message", (reply: WorkerReply) => {
      const pending = this.pending;
      this.pending = undefined;
      if (reply.type === "done") pending?.resolve(reply.result);
      else pending?.reject(workerError(reply));
    });
    this.thread.on("error", (error) => this.end(error));
    this.exited = new Promise((resolve) => {
      this.thread.once("exit", (code) => {
        this.end(new Error(`A search worker thread stopped (exit code ${code}) before it had indexed its shard`));
        resolve();
      });
    });
  }

  get alive(): boolean {
    return this.ended === undefined;
  }

  run(job: ShardJob): Promise<ShardJobResult | undefined> {
    if (this.ended) return Promise.reject(this.ended);
    if (this.pending) return Promise.reject(new Error("Internal error: a search worker was given a second job"));
    return new Promise((resolve, reject) => {
      this.pending = { resolve, reject };
      this.send({ type: "index", job });
    });
  }

  /** The job under way writes nothing more and fails at its next step. */
  stop(): void {
    if (this.alive) this.send({ type: "stop" });
  }

  /** Stops the job under way, if any, then the backend and the thread; resolves once the thread has ended. */
  close(): Promise<void> {
    this.stop();
    if (this.alive) this.send({ type: "close" });
    return this.exited;
  }

  private send(request: WorkerRequest): void {
    this.thread.postMessage(request);
  }

  private end(error: Error): void {
    this.ended ??= error;
    const pending = this.pending;
    this.pending = undefined;
    pending?.reject(error);
  }
}

/** Pools not yet closed, so that stopping the indexer (a one-off build's end) closes every thread. */
const openPools = new Set<ShardWorkerPool>();

export class ShardWorkerPool {
  /** Every thread started, ended or not, so that closing waits for each. */
  private readonly threads: ShardWorker[] = [];
  private readonly idle: ShardWorker[] = [];
  private readonly waiting: Array<{ resolve: (worker: ShardWorker) => void; reject: (error: Error) => void }> = [];
  private closed = false;
  private closing: Promise<void> | undefined;

  constructor(readonly size: number) {
    if (!Number.isInteger(size) || size < 1) throw new Error(`Internal error: a pool of ${size} search workers`);
    openPools.add(this);
  }

  /** How many threads were started. */
  get started(): number {
    return this.threads.length;
  }

  /** Runs a job in a free worker (waiting for one if all are busy): its result, or fails with the job's error. */
  async run(job: ShardJob): Promise<ShardJobResult | undefined> {
    const worker = await this.acquire();
    try {
      return await worker.run(job);
    } finally {
      this.release(worker);
    }
  }

  /** Every job under way writes nothing more and fails at its next step; no job is started after. */
  stop(): void {
    this.closed = true;
    for (const waiter of this.waiting.splice(0)) waiter.reject(new Error("The search index was stopped"));
    for (const worker of this.threads) worker.stop();
  }

  /** Stops every thread, and their Pagefind backends; resolves once all have ended. */
  close(): Promise<void> {
    this.closing ??= (async () => {
      this.stop();
      await Promise.all(this.threads.map((worker) => worker.close()));
      openPools.delete(this);
    })();
    return this.closing;
  }

  private acquire(): Promise<ShardWorker> {
    if (this.closed) return Promise.reject(new Error("The search index was stopped"));
    const idle = this.idle.pop();
    if (idle) return Promise.resolve(idle);
    if (this.live() < this.size) return Promise.resolve(this.startWorker());
    return new Promise((resolve, reject) => this.waiting.push({ resolve, reject }));
  }

  private release(worker: ShardWorker): void {
    // A thread that ended (it crashed) gets no more work; a new one may take its place.
    const next = worker.alive ? worker : !this.closed && this.waiting.length > 0 ? this.startWorker() : undefined;
    if (!next) return;
    const waiter = this.waiting.shift();
    if (waiter) waiter.resolve(next);
    else this.idle.push(next);
  }

  private live(): number {
    return this.threads.filter((worker) => worker.alive).length;
  }

  private startWorker(): ShardWorker {
    const worker = new ShardWorker();
    this.threads.push(worker);
    return worker;
  }
}

/** Closes every pool still open (their threads and Pagefind backends); resolves once all have ended. */
export async function closeSearchWorkers(): Promise<void> {
  await Promise.all([...openPools].map((pool) => pool.close()));
}
