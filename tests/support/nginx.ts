/**
 * Debian's nginx for the tests that serve a built site as an office's own server would
 * (tests/build/nginx-server.test.ts): docs/ci-examples/nginx.conf, with the edits an operator
 * makes (the site's folder, the listening address, and for a path prefix the lines the file
 * marks «prefix»), run on a free loopback port with its pid, logs and temporary folders in the
 * test's folder, so nothing of the machine's own nginx (/etc/nginx/sites-*, /var/lib/nginx,
 * /run/nginx.pid) is read or changed. Without nginx a test is skipped on a developer machine and
 * fails on CI (CI=true), as without Chromium (tests/support/chromium.ts).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { freePort, waitForPort } from "../../src/bench/sshd.js";
import { repoRoot } from "./run.js";

export const NGINX_PATH = "/usr/sbin/nginx";
export const nginxMissing = !existsSync(NGINX_PATH);
export const EXAMPLE_CONF = path.join(repoRoot, "docs", "ci-examples", "nginx.conf");

const ON_CI = process.env.CI === "true";

export const skipWithoutNginx: string | false =
  nginxMissing && !ON_CI ? `nginx not found at ${NGINX_PATH}: install it with \`apt-get install nginx\` (on CI, with CI=true, this is a failure)` : false;

/** The site's folder as the example names it: the operator's one edit besides the server's name. */
const EXAMPLE_SITE = "/var/www/akhbar";
/** Where the example marks a line an operator changes for a path prefix. */
const PREFIX_MARK = /#\s*prefix\s*$/;

export interface ServedSite {
  /** The site's folder (the build's output, or the deploy's target). Under a prefix its name is the prefix's. */
  siteDir: string;
  /** "/" or "/akhbar/": the path the site is served under. */
  prefix: string;
  port: number;
}

/**
 * The example's server file as an operator would edit it for `site`: the site's folder, a plain
 * HTTP listener on loopback instead of TLS (the certificate lines dropped), and under a prefix
 * the lines marked «prefix» changed as the file's own comment says. Throws when the file no
 * longer has the lines its comments promise, so that a change to it cannot leave the test
 * serving something else.
 */
export function operatorConf(example: string, { siteDir, prefix, port }: ServedSite): string {
  const expect = (count: number, what: string, found: number) => {
    if (found !== count) throw new Error(`docs/ci-examples/nginx.conf: expected ${count} ${what}, found ${found}`);
  };
  const comment = (line: string) => /^\s*#/.test(line);
  const tls = (line: string) => /^\s*(listen|ssl_certificate|ssl_certificate_key)\s.*;\s*$/.test(line);
  let lines = example.split("\n");
  expect(4, "listen and certificate lines", lines.filter(tls).length);
  lines = lines.filter((line) => !tls(line));
  const server = lines.findIndex((line) => /^server\s*\{\s*$/.test(line));
  expect(1, "server block", server === -1 ? 0 : 1);
  lines.splice(server + 1, 0, `    listen 127.0.0.1:${port};`);
  expect(4, "lines marked «prefix»", lines.filter((line) => PREFIX_MARK.test(line)).length);
  if (prefix !== "/") {
    const inner = prefix.replace(/\/$/, "");
    if (path.basename(siteDir) !== inner.slice(1)) throw new Error(`under ${prefix} the site's folder must be named ${inner.slice(1)}, not ${siteDir}`);
    let edited = 0;
    lines = lines.map((line) => {
      if (!PREFIX_MARK.test(line)) return line;
      const changed = line
        .replace(`root ${EXAMPLE_SITE};`, `root ${path.dirname(EXAMPLE_SITE)};`)
        .replace("~^/", `~^${inner}/`)
        .replace("error_page 404 /", `error_page 404 ${inner}/`);
      if (changed !== line) edited++;
      return changed;
    });
    expect(4, "prefix edits", edited);
  }
  // The site's folder: the root (or under a prefix, its parent) and the map's path.
  expect(2, `directives naming ${path.dirname(EXAMPLE_SITE)}`, lines.filter((line) => !comment(line) && line.includes(path.dirname(EXAMPLE_SITE))).length);
  return lines
    .map((line) =>
      comment(line) ? line : line.replaceAll(EXAMPLE_SITE, siteDir).replace(`root ${path.dirname(EXAMPLE_SITE)};`, `root ${path.dirname(siteDir)};`),
    )
    .join("\n");
}

export interface NginxServer {
  /** `http://127.0.0.1:<port>` followed by the prefix without its last slash: `${url}/news/1/`. */
  url: string;
  /** What nginx wrote to its error log so far. */
  errors(): Promise<string>;
  stop(): Promise<void>;
}

/**
 * Starts nginx in `dir` serving `siteDir` under `prefix` with the example configuration, inside
 * an http block like Debian's /etc/nginx/nginx.conf (mime.types, its types hash size), and
 * resolves once it accepts connections.
 */
export async function startNginx(dir: string, siteDir: string, prefix: string): Promise<NginxServer> {
  if (nginxMissing) throw new Error(`nginx is missing at ${NGINX_PATH}: install it with \`apt-get install -y nginx\``);
  const port = await freePort();
  const serverConf = path.join(dir, "akhbar.conf");
  await writeFile(serverConf, operatorConf(await readFile(EXAMPLE_CONF, "utf8"), { siteDir, prefix, port }));
  const temp = (name: string) => path.join(dir, name);
  const main = path.join(dir, "nginx.conf");
  await writeFile(
    main,
    [
      // The workers read the test's folders, which only their owner may open (mkdtemp).
      ...(process.getuid?.() === 0 ? ["user root;"] : []),
      "worker_processes 1;",
      "events { worker_connections 256; }",
      "http {",
      "    types_hash_max_size 2048;",
      "    include /etc/nginx/mime.types;",
      "    default_type application/octet-stream;",
      `    access_log ${temp("access.log")};`,
      `    client_body_temp_path ${temp("client_body")};`,
      `    proxy_temp_path ${temp("proxy")};`,
      `    fastcgi_temp_path ${temp("fastcgi")};`,
      `    uwsgi_temp_path ${temp("uwsgi")};`,
      `    scgi_temp_path ${temp("scgi")};`,
      `    include ${serverConf};`,
      "}",
      "",
    ].join("\n"),
  );
  const errorLog = temp("error.log");
  const server: ChildProcess = spawn(NGINX_PATH, ["-p", dir, "-c", main, "-e", errorLog, "-g", `daemon off; pid ${temp("nginx.pid")}; error_log ${errorLog};`], {
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  server.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<void>((resolve) => server.once("exit", () => resolve()));
  const errors = async () => `${stderr}${await readFile(errorLog, "utf8").catch(() => "")}`;
  try {
    await Promise.race([waitForPort(port), exited.then(async () => Promise.reject(new Error(`nginx stopped:\n${await errors()}`)))]);
  } catch (error) {
    server.kill();
    throw error;
  }
  return {
    url: `http://127.0.0.1:${port}${prefix.replace(/\/$/, "")}`,
    errors,
    stop: async () => {
      if (server.exitCode === null && server.signalCode === null) server.kill("SIGTERM");
      await exited;
    },
  };
}
