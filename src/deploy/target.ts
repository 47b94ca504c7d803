/**
 * Where `npm run deploy -- --to <target>` publishes: a local folder, a server over SSH
 * (`ssh://user@host[:port]/abs/path`, with rsync), or object storage (`s3://bucket[/prefix]`).
 * A target has one canonical name, which keys its deploy record (src/deploy/record.ts): `--to
 * out` and `--to ./out/` are the same folder, and share one record.
 */
import path from "node:path";
import { TARGET_REASONS } from "../messages/deploy.js";
import type { Message } from "../messages/messages.js";

export type DeployTarget =
  | { kind: "folder"; name: string; path: string }
  | { kind: "ssh"; name: string; user: string | undefined; host: string; port: number | undefined; path: string }
  | { kind: "s3"; name: string; bucket: string; prefix: string };

/** The target `spec` names, or why it names none. */
export function parseTarget(spec: string): DeployTarget | { problem: Message } {
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(spec)?.[1]?.toLowerCase();
  if (scheme === undefined) {
    const folder = path.resolve(spec);
    return { kind: "folder", name: folder, path: folder };
  }
  if (scheme === "ssh") {
    let url: URL;
    try {
      url = new URL(spec);
    } catch {
      return { problem: TARGET_REASONS.ssh };
    }
    const remote = decodeURIComponent(url.pathname).replace(/\/+$/, "");
    if (!url.hostname || !remote.startsWith("/") || url.search || url.hash) return { problem: TARGET_REASONS.ssh };
    const user = url.username ? decodeURIComponent(url.username) : undefined;
    const port = url.port ? Number(url.port) : undefined;
    const name = `ssh://${user ? `${user}@` : ""}${url.hostname}${port ? `:${port}` : ""}${remote}`;
    return { kind: "ssh", name, user, host: url.hostname, port, path: remote };
  }
  if (scheme === "s3") {
    const match = /^s3:\/\/([^/]+)((?:\/[^/]+)*)\/*$/i.exec(spec);
    if (!match) return { problem: TARGET_REASONS.s3 };
    const bucket = match[1]!;
    const prefix = match[2]!.replace(/^\//, "");
    return { kind: "s3", name: `s3://${bucket}${prefix ? `/${prefix}` : ""}`, bucket, prefix };
  }
  return { problem: TARGET_REASONS.scheme };
}

/** The canonical name of the target `spec` names; `spec` itself when it names none. */
export function targetName(spec: string): string {
  const target = parseTarget(spec);
  return "problem" in target ? spec : target.name;
}
