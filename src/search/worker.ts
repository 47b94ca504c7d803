/**
 * A search worker thread (started by pool.ts): indexes the shards the main thread sends
 * it, one at a time, with its own Pagefind backend (Pagefind's Node API keeps one backend
 * process per module instance, and a worker has its own instance).
 *
 * Messages in: `index` (a job), `stop` (the build failed: the job under way writes nothing more
 * and fails at its next step), `close` (no more jobs: the backend is stopped and the thread ends).
 * Messages out: `done` (with the shard's key in the cache and its lexicon sum) or `failed` (the error's name, message and stack), once per job.
 */
import { parentPort } from "node:worker_threads";
import { closePagefind, runShardJob, type ShardJob, type ShardJobResult } from "./shard-index.js";

export type WorkerRequest = { type: "index"; job: ShardJob } | { type: "stop" } | { type: "close" };
export type WorkerReply = { type: "done"; shard: string; result: ShardJobResult | undefined } | { type: "failed"; shard: string; name: string; message: string; stack?: string };

const port = parentPort;
if (!port) throw new Error("Internal error: src/search/worker.ts is a worker thread's module, started by src/search/pool.ts");

let stopping = false;
const reply = (message: WorkerReply) => port.postMessage(message);

port.on("message", (request: WorkerRequest) => {
  if (request.type === "stop") {
    stopping = true;
  } else if (request.type === "close") {
    // The port is what keeps the thread alive: closed once the backend is, the thread ends.
    void closePagefind().finally(() => port.close());
  } else {
    const { shard } = request.job;
    runShardJob(request.job, () => stopping).then(
      (result) => reply({ type: "done", shard, result }),
      (error: unknown) =>
        reply(
          error instanceof Error
            ? { type: "failed", shard, name: error.name, message: error.message, stack: error.stack }
            : { type: "failed", shard, name: "Error", message: String(error) },
        ),
    );
  }
});
