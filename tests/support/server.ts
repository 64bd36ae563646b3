// Starts the real thing for tests and benchmarks: a fresh PostgreSQL database migrated with
// the committed migrations, and the production build served by Orion's server (scripts/server.ts).
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import postgres from "postgres";
import { connect } from "../../db/connect";
import { migrateDatabase } from "../../db/migrate";
import { seedDemo } from "../../db/seed";

/** The signing secret of test servers, so tests can mint and alter tokens (checklist [GB-key]). */
export const TEST_JWT_SECRET = "orion-test-secret-0123456789abcdef0123456789abcdef";

const root = process.cwd();
const nextBin = path.join(root, "node_modules/next/dist/bin/next");

function adminDatabaseUrl(): string {
  return process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
}

/**
 * Where the seed and the test servers of this run keep product pictures: a directory of the
 * run's own (or ORION_UPLOAD_DIR), never the checkout's `.data`.
 */
function testUploadDir(): string {
  process.env.ORION_UPLOAD_DIR ??= mkdtempSync(path.join(tmpdir(), "orion-test-uploads-"));
  return process.env.ORION_UPLOAD_DIR;
}

export type TestDatabase = { url: string; name: string; drop: () => Promise<void> };

/** A new, empty database on the test PostgreSQL server, migrated and (optionally) seeded. */
export async function createTestDatabase(
  options: { seed?: boolean; prefix?: string; adminUrl?: string } = {},
): Promise<TestDatabase> {
  const base = options.adminUrl ?? adminDatabaseUrl();
  const name = `${options.prefix ?? "orion_test"}_${Date.now()}_${randomBytes(3).toString("hex")}`;
  const admin = postgres(base, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  await migrateDatabase(url.toString());
  if (options.seed ?? true) {
    const { db, client } = connect(url.toString(), 2);
    await seedDemo(db, { uploadDir: testUploadDir() });
    await client.end();
  }
  return {
    url: url.toString(),
    name,
    drop: async () => {
      const sql = postgres(base, { max: 1, onnotice: () => {} });
      await sql.unsafe(`drop database if exists "${name}" with (force)`);
      await sql.end();
    },
  };
}

export function ensureBuilt(): void {
  if (existsSync(path.join(root, ".next/BUILD_ID")) && process.env.ORION_TEST_REBUILD !== "1") return;
  const result = spawnSync(process.execPath, [nextBin, "build"], { stdio: "inherit", env: process.env });
  if (result.status !== 0) throw new Error("next build failed");
}

export type TestServer = {
  url: string;
  port: number;
  process: ChildProcess;
  output: () => string;
  stop: () => Promise<void>;
};

/** The public address (PUBLIC_URL) of a test server on `port`: the links in its mail lead here. */
export function publicUrlFor(port: number): string {
  return `http://localhost:${port}`;
}

export type ServerOptions = { databaseUrl: string; port: number; env?: Record<string, string> };

// Servers left running by a failed or timed-out test must not outlive the test process.
const running = new Set<ChildProcess>();
process.once("exit", () => running.forEach((child) => child.kill("SIGKILL")));

export async function startServer(options: ServerOptions): Promise<TestServer> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ENVIRONMENT: "test",
    BCRYPT_COST: "4",
    JWT_SECRET_KEY: TEST_JWT_SECRET,
    NEXT_TELEMETRY_DISABLED: "1",
    // Every test request comes from loopback: per-IP budgets would throttle the suite itself.
    // The rate-limit tests start servers without this.
    RATE_LIMIT_EXEMPT_IPS: "127.0.0.1,::1,::ffff:127.0.0.1",
    // Links in mail lead to this server: the platform's public address is configuration.
    PUBLIC_URL: publicUrlFor(options.port),
    // Test servers share one database but not one mail setup (SMTP server or dev outbox):
    // each works a queue of its own unless a test gives several the same one.
    MAIL_QUEUE: `mail_test_${options.port}_${randomBytes(3).toString("hex")}`,
    ORION_UPLOAD_DIR: testUploadDir(),
    ...options.env,
    PORT: String(options.port),
    DATABASE_URL: options.databaseUrl,
  };
  const child = spawn(process.execPath, ["--import", "tsx", path.join(root, "scripts/server.ts")], {
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  running.add(child);
  child.once("exit", () => running.delete(child));
  let output = "";
  child.stdout.on("data", (d: Buffer) => (output += d.toString()));
  child.stderr.on("data", (d: Buffer) => (output += d.toString()));
  const url = `http://127.0.0.1:${options.port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited early:\n${output}`);
    try {
      const res = await fetch(`${url}/api/v1/health`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`server did not start in time:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  return {
    url,
    port: options.port,
    process: child,
    output: () => output,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
        // Past the server's own bound (10 s for requests under way, then the mail worker).
        setTimeout(() => child.kill("SIGKILL"), 20_000).unref();
      }),
  };
}
