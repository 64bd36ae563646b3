// A PostgreSQL server of a test's own (initdb in a temporary directory, pg_ctl on a port of
// its own), so that a test may stop or restart it without touching anyone else's database.
import { execFileSync } from "node:child_process";
import { chmodSync, chownSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const BIN = process.env.POSTGRES_BIN ?? "/usr/lib/postgresql/15/bin";

export type TestCluster = {
  /** The maintenance database of the cluster (user postgres, trust auth). */
  url: string;
  port: number;
  restart: () => void;
  stop: () => void;
  start: () => void;
  destroy: () => void;
};

function asPostgres(): { uid: number; gid: number } | null {
  if (process.getuid?.() !== 0) return null;
  const id = (flag: string) => Number(execFileSync("id", [flag, "postgres"]).toString().trim());
  return { uid: id("-u"), gid: id("-g") };
}

export function startCluster(port: number): TestCluster {
  const dir = mkdtempSync(path.join(tmpdir(), "orion-pg-"));
  chmodSync(dir, 0o700);
  // PostgreSQL refuses to run as root: as root, the cluster belongs to the postgres user.
  const owner = asPostgres();
  if (owner) chownSync(dir, owner.uid, owner.gid);
  const run = (bin: string, args: string[]) =>
    execFileSync(path.join(BIN, bin), args, {
      stdio: ["ignore", "pipe", "pipe"],
      ...(owner && { uid: owner.uid, gid: owner.gid }),
      env: { ...process.env, LC_ALL: "C" },
    });
  const data = path.join(dir, "data");
  run("initdb", ["-D", data, "-A", "trust", "-U", "postgres", "--no-sync", "-E", "UTF8"]);
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`;
  const ctl = (...args: string[]) => run("pg_ctl", ["-D", data, "-l", path.join(dir, "log"), "-w", ...args]);
  const start = () => ctl("-o", options, "start");
  start();
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    start,
    stop: () => ctl("-m", "fast", "stop"),
    restart: () => ctl("-m", "fast", "-o", options, "restart"),
    destroy: () => {
      try {
        ctl("-m", "immediate", "stop");
      } catch {
        // already stopped
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
