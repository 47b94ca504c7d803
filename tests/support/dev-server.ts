/**
 * `npm start` for the tests: scripts/serve.ts on a content folder, an output folder and a free
 * port, with its own cache, its log kept, and a way to wait for a line of it.
 */
import { spawn } from "node:child_process";
import { createServer } from "node:net";
import path from "node:path";
import { repoRoot } from "./run.js";

/** A port nothing listens on now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export interface DevServer {
  port: number;
  /** http://localhost:<port> */
  url: string;
  /** All it printed so far, standard output and error. */
  log(): string;
  /** Resolves once the log from offset `from` on matches `pattern`; fails after `seconds`, or if the server stops. */
  waitFor(pattern: RegExp, from: number, seconds?: number): Promise<void>;
  /** Stops it as Ctrl-C does, and waits for it to end. */
  stop(): Promise<void>;
}

/** Starts `npm start -- --input <input> --output <output> --port <free port>`, with the caches in `cacheDir`. */
export async function startDevServer(input: string, output: string, cacheDir: string, env: NodeJS.ProcessEnv = {}): Promise<DevServer> {
  const port = await freePort();
  const server = spawn(process.execPath, ["--import", "tsx", "scripts/serve.ts", "--input", input, "--output", output, "--port", String(port)], {
    cwd: repoRoot,
    env: { ...process.env, AKHBAR_CACHE_DIR: path.resolve(cacheDir), ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  server.stdout.on("data", (chunk: Buffer) => (log += chunk.toString()));
  server.stderr.on("data", (chunk: Buffer) => (log += chunk.toString()));
  const exited = new Promise<never>((_, reject) => server.on("exit", (code) => reject(new Error(`the dev server stopped (exit ${code}):\n${log}`))));
  // Only a wait that is under way reports the exit: an exit after the test is not an unhandled rejection.
  exited.catch(() => undefined);
  const waitFor = (pattern: RegExp, from: number, seconds = 120) =>
    Promise.race([
      exited,
      new Promise<void>((resolve, reject) => {
        const until = Date.now() + seconds * 1000;
        const check = () => {
          if (pattern.test(log.slice(from))) resolve();
          else if (Date.now() > until) reject(new Error(`no ${pattern} within ${seconds} s:\n${log.slice(from)}`));
          else setTimeout(check, 50);
        };
        check();
      }),
    ]);
  return {
    port,
    url: `http://localhost:${port}`,
    log: () => log,
    waitFor,
    async stop() {
      server.kill("SIGINT");
      await new Promise((resolve) => (server.exitCode === null && server.signalCode === null ? server.once("exit", resolve) : resolve(undefined)));
    },
  };
}

/**
 * The dev server's own lines (src/eleventy/dev-server-log.ts, texts in src/messages/build.ts), in
 * Persian or English: Eleventy's ("Server at", "Wrote", "Watching…") are not printed.
 */
export const DEV_SERVER_LINES = {
  /** The server listens, and its watcher is on (after the first build, good or not). */
  ready: /^\[akhbar\] (?:پیش‌نمایش آماده است|the preview is ready at)/m,
  /** A build succeeded. */
  built: /^\[akhbar\] (?:پیش‌نمایش در \S+ ثانیه (?:دوباره )?ساخته شد|the preview was (?:re)?built in)/m,
  /** A build failed (its problems are above it). */
  failed: /^\[akhbar\] (?:پیش‌نمایش ساخته نشد|the preview was not rebuilt)/m,
  /** A build ended, either way. */
  ended: /^\[akhbar\] (?:پیش‌نمایش در \S+ ثانیه (?:دوباره )?ساخته شد|پیش‌نمایش ساخته نشد|the preview was (?:re)?built in|the preview was not rebuilt)/m,
  /** A saved file that starts a rebuild: the file is the line's end. */
  changed: /^\[akhbar\] (?:فایل تغییر کرد|file changed): .*$/gm,
} as const;
