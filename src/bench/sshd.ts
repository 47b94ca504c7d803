/**
 * A real OpenSSH server on loopback, for the deploy's rsync-over-SSH path: the daily-cycle
 * benchmark and the deploy tests upload to it as they would to an office's web server. It runs
 * Debian's sshd as the current user (root in CI) with its own host key, an authorized key made
 * for the occasion and its own configuration in a temporary folder: nothing of the machine's
 * own SSH setup is read or changed.
 */
import { spawn, execFileSync, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { copyFile, mkdir, writeFile } from "node:fs/promises";
import net from "node:net";
import path from "node:path";

export const SSHD_PATH = "/usr/sbin/sshd";

export interface LoopbackSshd {
  port: number;
  /** The ssh command rsync should use (`AKHBAR_DEPLOY_SSH`): the key, no host-key prompts. */
  sshCommand: string;
  /** `ssh://root@127.0.0.1:<port><folder>` for a deploy into `folder`. */
  target(folder: string): string;
  stop(): Promise<void>;
}

/** A free TCP port on loopback (the kernel's choice). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Resolves once something accepts connections on `port`, or rejects after `timeoutMs`. */
export async function waitForPort(port: number, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, "127.0.0.1");
      socket.once("connect", () => {
        socket.destroy();
        resolve(true);
      });
      socket.once("error", () => resolve(false));
    });
    if (open) return;
    if (Date.now() > deadline) throw new Error(`nothing listens on 127.0.0.1:${port} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Starts sshd on a free loopback port, its keys and configuration in `dir`. */
export async function startLoopbackSshd(dir: string): Promise<LoopbackSshd> {
  if (!existsSync(SSHD_PATH)) throw new Error(`${SSHD_PATH} is missing: install Debian's openssh-server (.ci/run does)`);
  await mkdir(dir, { recursive: true });
  // sshd refuses to start without its privilege-separation folder.
  await mkdir("/run/sshd", { recursive: true });
  const hostKey = path.join(dir, "host_ed25519");
  const userKey = path.join(dir, "user_ed25519");
  for (const key of [hostKey, userKey]) {
    if (!existsSync(key)) execFileSync("ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-f", key]);
  }
  const authorized = path.join(dir, "authorized_keys");
  await copyFile(`${userKey}.pub`, authorized);
  const port = await freePort();
  const config = path.join(dir, "sshd_config");
  await writeFile(
    config,
    [
      `Port ${port}`,
      "ListenAddress 127.0.0.1",
      `HostKey ${hostKey}`,
      `PidFile ${path.join(dir, "sshd.pid")}`,
      `AuthorizedKeysFile ${authorized}`,
      "PermitRootLogin prohibit-password",
      "PasswordAuthentication no",
      "KbdInteractiveAuthentication no",
      "UsePAM no",
      // The temporary folder's owner and modes are the test's, not a home directory's.
      "StrictModes no",
      "Subsystem sftp internal-sftp",
      "",
    ].join("\n"),
  );
  const server: ChildProcess = spawn(SSHD_PATH, ["-D", "-e", "-f", config], { stdio: ["ignore", "ignore", "pipe"] });
  let errors = "";
  server.stderr?.on("data", (chunk: Buffer) => (errors += chunk.toString()));
  const exited = new Promise<void>((resolve) => server.once("exit", () => resolve()));
  try {
    await Promise.race([waitForPort(port), exited.then(() => Promise.reject(new Error(`sshd stopped: ${errors}`)))]);
  } catch (error) {
    server.kill();
    throw error;
  }
  const user = execFileSync("id", ["-un"], { encoding: "utf8" }).trim();
  const sshCommand = `ssh -i ${userKey} -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o LogLevel=ERROR -o BatchMode=yes`;
  return {
    port,
    sshCommand,
    target: (folder) => `ssh://${user}@127.0.0.1:${port}${folder}`,
    stop: async () => {
      server.kill();
      await exited;
    },
  };
}
