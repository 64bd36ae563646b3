// `npm run bench`: starts the production build on a fresh, seeded database and measures in one run
// each figure of bench/README.md against its baseline: /me against /health and against next-auth,
// pages through and without the request layer, by domain and by path, logins against the hash
// limit with the event-loop delay (bench/eld-probe.cjs), the million customers, the failed-login
// timing. Prints a table, writes bench/results/latest.json.
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { createRequire } from "node:module";
import { request as httpRequest } from "node:http";
import { createServer } from "node:net";
import { availableParallelism, cpus, loadavg, tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { setTimeout as sleep } from "node:timers/promises";
import { randomBytes } from "node:crypto";
import bcrypt from "bcryptjs";
import { encode as encodeNextAuthJwt } from "next-auth/jwt";
import postgres from "postgres";
import {
  TEST_JWT_SECRET,
  type TestDatabase,
  type TestServer,
  createTestDatabase,
  ensureBuilt,
  startServer,
} from "../tests/support/server";
import { testPort } from "../tests/support/ports";

// ---------------------------------------------------------------------------------------------
// Settings

const BCRYPT_COST = 12; // the app's default (lib/config.ts); the server and the seeded hashes use it
// Both servers' ports move with ORION_PORT_OFFSET, like the tests'.
const PORT = testPort("ORION_BENCH_PORT", 3300);
const PLAIN_PORT = PORT + 1; // the second server, session cache off
const HOST = "127.0.0.1";
const ADMIN = { email_or_username: "admin", password: "admin123" } as const;

const RATIO = { connections: 10, warmupSeconds: 3, rounds: 3, roundSeconds: 5, target: 0.85 } as const;
const LOGIN = { connections: 8, seconds: 10, compareSamples: 5, target: 0.85 } as const;
const ELD_TARGET_P99_MS = 20;
// Pages: a store dashboard with and without the request layer (P6), a storefront page by its
// custom domain and by path (P7); rounds interleaved like /me ÷ /health.
const PAGES = { connections: 8, warmupSeconds: 2, rounds: 3, roundSeconds: 4 } as const;
const P6_TARGET = 0.75;
const P7_TARGET = 0.9;
// P4: Orion's /me against next-auth's getServerSession (JWT strategy) on a bench-only route of
// the same server (app/bench/next-auth/session), with a session cookie minted by next-auth's own
// encode under a secret made for this run; rounds as P1.
const NEXT_AUTH = {
  path: "/bench/next-auth/session",
  cookie: "next-auth.session-token",
  target: 1.4,
} as const;
const CUSTOMER = { email_or_username: "customer@example.com", password: "customer123" } as const;
// P5: one store with 1,000 customers, then with 1,000,000 (seeded in SQL with copies of one
// real bcrypt hash); login p50 and guarded-request p50 at each size.
const SCALE = {
  small: 1_000,
  large: 1_000_000,
  loginSeconds: 6,
  guardSeconds: 4,
  guardConnections: 4,
  target: 1.2,
} as const;
// Wrong-password logins of existing accounts against logins of unknown ones, one at a time,
// interleaved; each existing account fails once, so no lockout interferes (checklist S38).
const FAILURE_TIMING = { pairs: 25, maxDeltaMs: 25 } as const;

const root = process.cwd();
const probePath = path.join(root, "bench/eld-probe.cjs");
const resultsFile = path.join(root, "bench/results/latest.json");

// Seeding runs in this process and hashes with config().bcryptCost, read from the environment.
process.env.BCRYPT_COST = String(BCRYPT_COST);
process.env.ENVIRONMENT = "test"; // the demo seed never runs in production
// Keeps lib/config from creating a development secret under .data/ for the seeding step.
process.env.JWT_SECRET_KEY ??= TEST_JWT_SECRET;

// ---------------------------------------------------------------------------------------------
// autocannon (v8 ships no types): the part of its programmatic API used here.

type AutocannonOptions = {
  url: string;
  connections: number;
  duration: number;
  method?: "GET" | "POST";
  headers?: Record<string, string>;
  body?: string;
  timeout?: number;
};
type AutocannonResult = {
  duration: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  "2xx": number;
  latency: { average: number; p50: number; p99: number; max: number };
};
type Autocannon = (options: AutocannonOptions) => PromiseLike<AutocannonResult>;

const autocannon = createRequire(import.meta.url)("autocannon") as Autocannon;

type Load = {
  rps: number;
  ok: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  seconds: number;
  latencyMs: { mean: number; p50: number; p99: number; max: number };
};

async function load(
  pathname: string,
  connections: number,
  seconds: number,
  extra: Omit<AutocannonOptions, "url" | "connections" | "duration"> = {},
  port: number = PORT,
): Promise<Load> {
  const r = await autocannon({
    url: `http://${HOST}:${port}${pathname}`,
    connections,
    duration: seconds,
    ...extra,
  });
  return {
    // Only successful answers count; autocannon's own duration is the measured window.
    rps: r["2xx"] / r.duration,
    ok: r["2xx"],
    non2xx: r.non2xx,
    errors: r.errors,
    timeouts: r.timeouts,
    seconds: r.duration,
    latencyMs: { mean: r.latency.average, p50: r.latency.p50, p99: r.latency.p99, max: r.latency.max },
  };
}

// ---------------------------------------------------------------------------------------------
// Event-loop probes: one JSON file per server process (see bench/eld-probe.cjs).

type ProbeReport = {
  pid: number;
  ppid: number;
  seq: number;
  listening: string[];
  resolutionMs: number;
  windowMs: number;
  cpuMs: number;
  count: number;
  p50Ms?: number;
  p90Ms?: number;
  p99Ms?: number;
  maxMs?: number;
  meanMs?: number;
};

function isProbeReport(value: unknown): value is ProbeReport {
  if (typeof value !== "object" || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.pid === "number" &&
    typeof v.ppid === "number" &&
    typeof v.seq === "number" &&
    Array.isArray(v.listening) &&
    typeof v.resolutionMs === "number" &&
    typeof v.cpuMs === "number" &&
    typeof v.count === "number"
  );
}

/** Event-loop delay of one window: the raw histogram minus its own timer interval. */
type Eld = {
  pid: number;
  listensOnPort: boolean;
  samples: number;
  windowMs: number;
  cpuMs: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  raw: { p50Ms: number; p90Ms: number; p99Ms: number; maxMs: number; meanMs: number; resolutionMs: number };
};

class EventLoopProbes {
  private readonly listenAddress: string;

  constructor(
    private readonly dir: string,
    private readonly serverPid: number,
  ) {
    this.listenAddress = `${HOST}:${PORT}`;
  }

  /** The reports of the server process and its descendants; nothing else gets a signal. */
  private reports(): Map<number, ProbeReport> {
    const all = new Map<number, ProbeReport>();
    for (const name of readdirSync(this.dir)) {
      if (!/^eld-\d+\.json$/.test(name)) continue;
      try {
        const parsed: unknown = JSON.parse(readFileSync(path.join(this.dir, name), "utf8"));
        if (isProbeReport(parsed)) all.set(parsed.pid, parsed);
      } catch {
        // being replaced right now; the next read sees it
      }
    }
    const ours = new Map<number, ProbeReport>();
    for (let grew = true; grew;) {
      grew = false;
      for (const report of all.values()) {
        if (ours.has(report.pid)) continue;
        if (report.pid === this.serverPid || ours.has(report.ppid)) {
          ours.set(report.pid, report);
          grew = true;
        }
      }
    }
    return ours;
  }

  /** The server listens on the bench port on loopback or on every address (`::`, `0.0.0.0`). */
  private listensHere(addresses: string[]): boolean {
    return addresses.some(
      (a) =>
        a === this.listenAddress || a === `:::${PORT}` || a === `0.0.0.0:${PORT}` || a === `[::]:${PORT}`,
    );
  }

  /** Checks that a probed process of our server listens on the bench port. */
  async waitForListener(): Promise<void> {
    const deadline = Date.now() + 5000;
    for (;;) {
      const reports = [...this.reports().values()];
      if (reports.some((r) => this.listensHere(r.listening))) return;
      if (Date.now() > deadline) {
        throw new Error(
          `no probed server process listens on ${this.listenAddress} (probes: ${reports.length}); ` +
            "did bench/eld-probe.cjs load, or does another server hold the port?",
        );
      }
      await sleep(50);
    }
  }

  /** Ends the current window in every server process and starts a new one. */
  async reset(): Promise<void> {
    await this.signalAll();
  }

  /** Ends the current window in every server process and returns the one that did the work. */
  async collect(): Promise<Eld> {
    const fresh = await this.signalAll();
    // The process that served the load is the one that burnt the CPU during the window.
    const serving = fresh.reduce((a, b) => (b.cpuMs > a.cpuMs ? b : a));
    if (serving.count === 0) throw new Error(`the probe of pid ${serving.pid} recorded no samples`);
    const res = serving.resolutionMs;
    const excess = (v: number | undefined): number => Math.max(0, round((v ?? 0) - res, 3));
    return {
      pid: serving.pid,
      listensOnPort: this.listensHere(serving.listening),
      samples: serving.count,
      windowMs: serving.windowMs,
      cpuMs: serving.cpuMs,
      p50Ms: excess(serving.p50Ms),
      p99Ms: excess(serving.p99Ms),
      maxMs: excess(serving.maxMs),
      raw: {
        p50Ms: serving.p50Ms ?? 0,
        p90Ms: serving.p90Ms ?? 0,
        p99Ms: serving.p99Ms ?? 0,
        maxMs: serving.maxMs ?? 0,
        meanMs: serving.meanMs ?? 0,
        resolutionMs: res,
      },
    };
  }

  /** Sends SIGUSR2 to every probed process and waits for each one's new report. */
  private async signalAll(): Promise<ProbeReport[]> {
    const before = this.reports();
    const signalled: ProbeReport[] = [];
    for (const report of before.values()) {
      try {
        process.kill(report.pid, "SIGUSR2");
        signalled.push(report);
      } catch {
        // exited since it registered
      }
    }
    if (signalled.length === 0)
      throw new Error("no event-loop probe answered: the server's processes are gone");
    const deadline = Date.now() + 5000;
    let fresh: ProbeReport[] = [];
    for (;;) {
      const now = this.reports();
      fresh = signalled.flatMap((s) => {
        const r = now.get(s.pid);
        return r && r.seq > s.seq ? [r] : [];
      });
      if (fresh.length === signalled.length) break;
      if (Date.now() > deadline) {
        if (fresh.length > 0) break;
        throw new Error("the event-loop probes did not answer SIGUSR2 within 5 s");
      }
      await sleep(20);
    }
    return fresh;
  }
}

// ---------------------------------------------------------------------------------------------
// Helpers

function round(value: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

function median(values: number[]): number {
  if (values.length === 0) throw new Error("median of nothing");
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

async function assertPortFree(port: number): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const probe = createServer();
    probe.once("error", (error) =>
      reject(new Error(`port ${port} on ${HOST} is in use (${error.message}); set ORION_BENCH_PORT`)),
    );
    probe.listen(port, HOST, () => probe.close(() => resolve()));
  });
}

async function login(baseUrl: string): Promise<string> {
  const res = await fetch(`${baseUrl}/api/v1/admin/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(ADMIN),
  });
  const body: unknown = await res.json().catch(() => null);
  const token =
    typeof body === "object" && body !== null ? (body as Record<string, unknown>).access_token : undefined;
  if (res.status !== 200 || typeof token !== "string") {
    throw new Error(`admin login failed: HTTP ${res.status} ${JSON.stringify(body)}`);
  }
  return token;
}

async function adminHash(databaseUrl: string): Promise<string> {
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  try {
    const rows = await sql<
      { password_hash: string }[]
    >`select password_hash from users where username = 'admin'`;
    const hash = rows[0]?.password_hash;
    if (!hash) throw new Error("the seeded database has no admin user");
    return hash;
  } finally {
    await sql.end();
  }
}

/** Accounts sharing the admin's hash, each to fail one login in the timing comparison. */
async function timingAccounts(databaseUrl: string, n: number): Promise<string[]> {
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  try {
    const names = Array.from({ length: n }, (_, i) => `bench_timing_${i}`);
    for (const name of names) {
      await sql`insert into users (username, email, password_hash, role)
        select ${name}, ${name} || '@orion.test', password_hash, 'admin' from users where username = 'admin'`;
    }
    return names;
  } finally {
    await sql.end();
  }
}

async function timedFailure(baseUrl: string, identifier: string): Promise<number> {
  const t0 = performance.now();
  const res = await fetch(`${baseUrl}/api/v1/admin/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email_or_username: identifier, password: "a wrong password" }),
  });
  await res.arrayBuffer();
  const ms = performance.now() - t0;
  if (res.status !== 401) throw new Error(`a wrong-password login answered ${res.status}`);
  return ms;
}

/** Median wall time of bcrypt compareSync on the admin's real hash, in this process. */
function timeCompare(hash: string, samples: number): { medianMs: number; samplesMs: number[] } {
  if (!bcrypt.compareSync(ADMIN.password, hash)) throw new Error("the demo admin password does not match");
  const samplesMs: number[] = [];
  for (let i = 0; i < samples; i++) {
    const start = performance.now();
    bcrypt.compareSync(ADMIN.password, hash);
    samplesMs.push(round(performance.now() - start, 1));
  }
  return { medianMs: median(samplesMs), samplesMs };
}

function verdict(pass: boolean): "PASS" | "MISS" {
  return pass ? "PASS" : "MISS";
}

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? "").length)));
  const line = (r: string[]): string =>
    r
      .map((cell, c) => cell.padEnd(widths[c]!))
      .join("  ")
      .trimEnd();
  return [line(rows[0]!), widths.map((w) => "-".repeat(w)).join("  "), ...rows.slice(1).map(line)].join("\n");
}

function buildInfo(): { buildId: string | null; builtAt: string | null } {
  const file = path.join(root, ".next/BUILD_ID");
  if (!existsSync(file)) return { buildId: null, builtAt: null };
  return { buildId: readFileSync(file, "utf8").trim(), builtAt: statSync(file).mtime.toISOString() };
}

function log(message: string): void {
  process.stderr.write(`[bench] ${message}\n`);
}

// ---------------------------------------------------------------------------------------------
// The run

const cleanups: Array<() => Promise<void>> = [];
let cleaning: Promise<void> | undefined;

function cleanup(): Promise<void> {
  cleaning ??= (async () => {
    for (const step of cleanups.reverse()) {
      try {
        await step();
      } catch (error) {
        log(`cleanup step failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  })();
  return cleaning;
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    log(`${signal}: stopping the server and dropping the database`);
    void cleanup().finally(() => process.exit(130));
  });
}

/** Status of one GET over node:http (fetch will not send a Host of our choosing). */
function statusOf(port: number, pathname: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: HOST, port, path: pathname, headers }, (res) => {
      res.resume();
      res.on("end", () => resolve(res.statusCode ?? 0));
    });
    req.on("error", reject);
    req.end();
  });
}

async function expectStatus(
  port: number,
  pathname: string,
  headers: Record<string, string>,
  status = 200,
): Promise<void> {
  const got = await statusOf(port, pathname, headers);
  if (got !== status)
    throw new Error(`GET ${pathname} ${JSON.stringify(headers)} answered ${got}, expected ${status}`);
}

async function tokenFrom(url: string, body: Record<string, string>): Promise<string> {
  const res = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  const answer: unknown = await res.json().catch(() => null);
  const token =
    typeof answer === "object" && answer !== null
      ? (answer as Record<string, unknown>).access_token
      : undefined;
  if (res.status !== 200 || typeof token !== "string") {
    throw new Error(`login at ${url} failed: HTTP ${res.status} ${JSON.stringify(answer)}`);
  }
  return token;
}

/**
 * Brings the ORION store to `total` customers, each a copy of the demo shopper's real bcrypt
 * hash, in one INSERT … generate_series; then ANALYZE, so the planner knows the new size.
 */
async function growCustomers(
  databaseUrl: string,
  total: number,
): Promise<{ count: number; seconds: number }> {
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  try {
    const t0 = performance.now();
    const [store] = await sql<{ id: string }[]>`select id from stores where slug = 'orion'`;
    const counted = async (): Promise<number> =>
      (await sql<{ n: number }[]>`select count(*)::int as n from customers where store_id = ${store!.id}`)[0]!
        .n;
    const n = await counted();
    if (n < total) {
      await sql`
        insert into customers (store_id, email, customer_number, first_name, last_name, password_hash)
        select ${store!.id}, 'bench-' || g || '@example.com', 'BENCH-' || g, 'Bench', 'Shopper',
               (select password_hash from customers where store_id = ${store!.id} and email = ${CUSTOMER.email_or_username})
        from generate_series(${n + 1}::int, ${total}::int) as g`;
      await sql`analyze customers`;
    }
    return { count: await counted(), seconds: round((performance.now() - t0) / 1000, 1) };
  } finally {
    await sql.end();
  }
}

type Check = {
  id: string;
  name: string;
  value: number | null;
  target: number;
  better: "higher" | "lower";
  pass: boolean;
};

function check(
  id: string,
  name: string,
  value: number | null,
  target: number,
  better: Check["better"],
): Check {
  const pass = value !== null && (better === "higher" ? value >= target : value <= target);
  return { id, name, value: value === null ? null : round(value, 3), target, better, pass };
}

async function main(): Promise<void> {
  const started = performance.now();
  const startedAt = new Date();
  const cores = availableParallelism();
  const loadBefore = loadavg();

  await assertPortFree(PORT);
  await assertPortFree(PLAIN_PORT);
  ensureBuilt();

  log("creating and seeding a database (bcrypt cost 12)");
  const database: TestDatabase = await createTestDatabase({ seed: true, prefix: "orion_bench" });
  cleanups.push(() => database.drop());

  const hash = await adminHash(database.url);
  const hashCost = bcrypt.getRounds(hash);
  if (hashCost !== BCRYPT_COST)
    throw new Error(`the demo admin's hash has cost ${hashCost}, expected ${BCRYPT_COST}`);

  const eldDir = mkdtempSync(path.join(tmpdir(), "orion-eld-"));
  cleanups.push(async () => rmSync(eldDir, { recursive: true, force: true }));

  log(`starting the production server on ${HOST}:${PORT}`);
  const nodeOptions = [process.env.NODE_OPTIONS, `--require ${JSON.stringify(probePath)}`]
    .filter(Boolean)
    .join(" ");
  // One file per server process ("%p" = its pid); the directory is new, so its files are ours.
  const eldFile = path.join(eldDir, "eld-%p.json");
  const nextAuthSecret = randomBytes(32).toString("base64url");
  const benchEnv = {
    BCRYPT_COST: String(BCRYPT_COST),
    ORION_BENCH_ROUTES: "1",
    ORION_BENCH_NEXTAUTH_SECRET: nextAuthSecret,
  };
  const server: TestServer = await startServer({
    databaseUrl: database.url,
    port: PORT,
    env: { ...benchEnv, NODE_OPTIONS: nodeOptions, ORION_ELD_FILE: eldFile },
  });
  cleanups.push(() => server.stop());
  // The same build with the session cache off: the guard's query on every request.
  log(`starting a second server, session cache off, on ${HOST}:${PLAIN_PORT}`);
  const plain: TestServer = await startServer({
    databaseUrl: database.url,
    port: PLAIN_PORT,
    env: { ...benchEnv, AUTH_SESSION_CACHE: "off" },
  });
  cleanups.push(() => plain.stop());
  const serverPid = server.process.pid;
  if (serverPid === undefined) throw new Error("the server process has no pid");
  const probes = new EventLoopProbes(eldDir, serverPid);
  await probes.waitForListener();

  const token = await login(server.url);
  const auth = { authorization: `Bearer ${token}` };
  const check200 = await fetch(`${server.url}/api/v1/admin/auth/me`, { headers: auth });
  if (check200.status !== 200) throw new Error(`GET /api/v1/admin/auth/me answered ${check200.status}`);
  // The session cache fills once the listener has heard its own probe (about a second).
  await sleep(2000);

  // One measured window: the load, and the server's event loop and CPU over the same window.
  type Phase = Load & { server: Eld; serverCpuMsPerRequest: number };
  const phase = async (...args: Parameters<typeof load>): Promise<Phase> => {
    await probes.reset();
    const result = await load(...args);
    const eld = await probes.collect();
    const answered = result.ok + result.non2xx;
    return {
      ...result,
      server: eld,
      serverCpuMsPerRequest: answered > 0 ? round(eld.cpuMs / answered, 3) : 0,
    };
  };
  type Round = { round: number; order: string; num: Load; den: Load; ratio: number };
  /** `num` over `den` in req/s: a warm-up each, then rounds in alternating order; median ratio. */
  const sideBySide = async (
    label: string,
    num: (seconds: number) => Promise<Load>,
    den: (seconds: number) => Promise<Load>,
    cfg: { warmupSeconds: number; rounds: number; roundSeconds: number },
  ): Promise<{ rounds: Round[]; median: number }> => {
    log(`${label}: warm-up ${cfg.warmupSeconds} s each, ${cfg.rounds} rounds of ${cfg.roundSeconds} s`);
    await den(cfg.warmupSeconds);
    await num(cfg.warmupSeconds);
    const rounds: Round[] = [];
    for (let i = 0; i < cfg.rounds; i++) {
      const denFirst = i % 2 === 0;
      let d: Load;
      let n: Load;
      if (denFirst) {
        d = await den(cfg.roundSeconds);
        n = await num(cfg.roundSeconds);
      } else {
        n = await num(cfg.roundSeconds);
        d = await den(cfg.roundSeconds);
      }
      const order = denFirst ? "baseline first" : "measured first";
      rounds.push({ round: i + 1, order, num: n, den: d, ratio: d.rps > 0 ? n.rps / d.rps : 0 });
    }
    return { rounds, median: median(rounds.map((r) => r.ratio)) };
  };

  // P1. /me against /health, interleaved (and the same without the session cache, for reference).
  const c = RATIO.connections;
  const p1 = await sideBySide(
    "P1 /me ÷ /health",
    (s) => phase("/api/v1/admin/auth/me", c, s, { headers: auth }),
    (s) => phase("/api/v1/health", c, s),
    RATIO,
  );
  // P4. The same /me against next-auth's getServerSession, interleaved the same way.
  const me = (await check200.json()) as { user: { id: string; username: string; email: string } };
  const nextAuthCookie = await encodeNextAuthJwt({
    token: { sub: me.user.id, name: me.user.username, email: me.user.email },
    secret: nextAuthSecret,
  });
  const nextAuth = { cookie: `${NEXT_AUTH.cookie}=${nextAuthCookie}` };
  const nextAuthCheck = await fetch(`${server.url}${NEXT_AUTH.path}`, { headers: nextAuth });
  const nextAuthBody = (await nextAuthCheck.json()) as { user?: { email?: string } };
  if (nextAuthCheck.status !== 200 || nextAuthBody.user?.email !== me.user.email)
    throw new Error(`GET ${NEXT_AUTH.path} answered ${nextAuthCheck.status}`);
  await expectStatus(PORT, NEXT_AUTH.path, {}, 401);
  const p4 = await sideBySide(
    "P4 /me ÷ next-auth getServerSession",
    (s) => phase("/api/v1/admin/auth/me", c, s, { headers: auth }),
    (s) => phase(NEXT_AUTH.path, c, s, { headers: nextAuth }),
    RATIO,
  );
  const nextAuthCpuMs = median(p4.rounds.map((r) => (r.den as Phase).serverCpuMsPerRequest));

  const plainToken = await login(plain.url);
  const p1Plain = await sideBySide(
    "P1 without the session cache",
    (s) =>
      load("/api/v1/admin/auth/me", c, s, { headers: { authorization: `Bearer ${plainToken}` } }, PLAIN_PORT),
    (s) => load("/api/v1/health", c, s, {}, PLAIN_PORT),
    RATIO,
  );
  const cpuPerRequest = {
    healthMs: median(p1.rounds.map((r) => (r.den as Phase).serverCpuMsPerRequest)),
    meMs: median(p1.rounds.map((r) => (r.num as Phase).serverCpuMsPerRequest)),
  };

  // P6. A store dashboard page through the request layer and the same page outside its matcher.
  const staffToken = await tokenFrom(`${server.url}/api/v1/store/auth/login`, {
    email_or_username: "store_owner",
    password: "store123",
    store_code: "ACME",
  });
  const staffCookie = { cookie: `store_token=${staffToken}` };
  await expectStatus(PORT, "/store/acme", staffCookie);
  await expectStatus(PORT, "/bench/store/acme", staffCookie);
  const pc = PAGES.connections;
  const p6 = await sideBySide(
    "P6 dashboard through ÷ without the request layer",
    (s) => load("/store/acme", pc, s, { headers: staffCookie }),
    (s) => load("/bench/store/acme", pc, s, { headers: staffCookie }),
    PAGES,
  );

  // P7. The storefront's home by its custom domain and by path.
  const domainHost = { host: `orion.lu:${PORT}` };
  await expectStatus(PORT, "/storefront", domainHost);
  await expectStatus(PORT, "/storefront/orion", {});
  // How often one page goes through the request layer (lib/proxy-passes): a rewrite Next sent
  // back through it would count twice.
  const passesPerPage = async (pathname: string, headers: Record<string, string>, n = 20) => {
    const count = async () =>
      ((await (await fetch(`${server.url}/bench/proxy-passes`)).json()) as { passes: number }).passes;
    const before = await count();
    for (let i = 0; i < n; i++) await expectStatus(PORT, pathname, headers);
    return ((await count()) - before) / n;
  };
  const proxyPasses = {
    storefrontByDomain: await passesPerPage("/storefront", domainHost),
    storefrontBySubdomain: await passesPerPage("/storefront", { host: `acme.localhost:${PORT}` }),
    storefrontByPath: await passesPerPage("/storefront/orion", {}),
    dashboard: await passesPerPage("/store/acme", staffCookie),
  };
  const p7 = await sideBySide(
    "P7 storefront by domain ÷ by path",
    (s) => load("/storefront", pc, s, { headers: domainHost }),
    (s) => load("/storefront/orion", pc, s),
    PAGES,
  );

  // P2, P3. Logins against the hash limit, with the server's event-loop delay. autocannon runs
  // in this process: the CPU it burns meanwhile is taken off the cores the hashes could use.
  log(`timing bcrypt compareSync at cost ${hashCost} (${LOGIN.compareSamples} samples)`);
  const compare = timeCompare(hash, LOGIN.compareSamples);
  log(`logins: ${LOGIN.connections} at once for ${LOGIN.seconds} s`);
  const cpuBefore = process.cpuUsage();
  const wallBefore = performance.now();
  const logins = await phase("/api/v1/admin/auth/login", LOGIN.connections, LOGIN.seconds, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(ADMIN),
    timeout: 60,
  });
  const cpuUsed = process.cpuUsage(cpuBefore);
  const generatorCores = (cpuUsed.user + cpuUsed.system) / 1000 / (performance.now() - wallBefore);
  const hashLimit = cores / (compare.medianMs / 1000);
  const hashLimitAccounted = Math.max(0.1, cores - generatorCores) / (compare.medianMs / 1000);
  const loginEld = logins.server;
  const loginFraction = logins.rps / hashLimitAccounted;

  // Timing. Failed logins: existing account (wrong password) against unknown account.
  log(`failure timing: ${FAILURE_TIMING.pairs} interleaved pairs, one request at a time`);
  const existing = await timingAccounts(database.url, FAILURE_TIMING.pairs);
  const knownMs: number[] = [];
  const unknownMs: number[] = [];
  for (let i = 0; i < FAILURE_TIMING.pairs; i++) {
    const unknown = `nobody_${i}_${Date.now()}`;
    if (i % 2 === 0) {
      knownMs.push(await timedFailure(server.url, existing[i]!));
      unknownMs.push(await timedFailure(server.url, unknown));
    } else {
      unknownMs.push(await timedFailure(server.url, unknown));
      knownMs.push(await timedFailure(server.url, existing[i]!));
    }
  }
  const failureDelta = Math.abs(median(knownMs) - median(unknownMs));

  // P5. Login and guarded request at 1,000 and at 1,000,000 customers of one store. The guarded
  // request goes to the server without the cache, so the guard's query runs every time.
  const shopLogin = "/api/v1/storefront/orion/auth/login";
  const scaleAt = async (total: number) => {
    const grown = await growCustomers(database.url, total);
    log(`P5 at ${grown.count} customers (seeded in ${grown.seconds} s)`);
    const shopper = await tokenFrom(`${server.url}${shopLogin}`, CUSTOMER);
    const loginLoad = await load(shopLogin, 1, SCALE.loginSeconds, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(CUSTOMER),
      timeout: 60,
    });
    const guardLoad = await load(
      "/api/v1/storefront/orion/auth/me",
      SCALE.guardConnections,
      SCALE.guardSeconds,
      { headers: { authorization: `Bearer ${shopper}` } },
      PLAIN_PORT,
    );
    if (loginLoad.ok === 0 || guardLoad.ok === 0) throw new Error(`P5 at ${total}: no successful request`);
    return { customers: grown.count, seedSeconds: grown.seconds, login: loginLoad, guard: guardLoad };
  };
  const small = await scaleAt(SCALE.small);
  const large = await scaleAt(SCALE.large);
  const loginScale = large.login.latencyMs.p50 / small.login.latencyMs.p50;
  const guardScale = large.guard.latencyMs.p50 / Math.max(small.guard.latencyMs.p50, 0.001);

  // Report.
  const elapsedS = round((performance.now() - started) / 1000, 1);
  const machine = {
    cores,
    cpuModel: cpus()[0]?.model ?? "unknown",
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
    loadAvg1mBefore: round(loadBefore[0] ?? 0),
    loadAvg1mAfter: round(loadavg()[0] ?? 0),
  };
  const checks: Check[] = [
    check("P1", "/me ÷ /health req/s", p1.median, RATIO.target, "higher"),
    check(
      "P2",
      "logins/s ÷ hash limit (cores less the load generator's CPU)",
      loginFraction,
      LOGIN.target,
      "higher",
    ),
    check(
      "P3",
      "event-loop delay p99 during 8 concurrent logins, ms",
      loginEld.p99Ms,
      ELD_TARGET_P99_MS,
      "lower",
    ),
    check("P4", "/me ÷ next-auth getServerSession (JWT) req/s", p4.median, NEXT_AUTH.target, "higher"),
    check("P5-login", "login p50 at 1,000,000 customers ÷ at 1,000", loginScale, SCALE.target, "lower"),
    check(
      "P5-guard",
      "guarded request p50 at 1,000,000 customers ÷ at 1,000",
      guardScale,
      SCALE.target,
      "lower",
    ),
    check(
      "P6",
      "store dashboard through the request layer ÷ without it, req/s",
      p6.median,
      P6_TARGET,
      "higher",
    ),
    check("P7", "storefront page by custom domain ÷ by path, req/s", p7.median, P7_TARGET, "higher"),
    check("T1", "failed login Δ existing − unknown, ms", failureDelta, FAILURE_TIMING.maxDeltaMs, "lower"),
  ];
  const roundsView = (r: { rounds: Round[]; median: number }) => ({
    medianRatio: round(r.median, 3),
    rounds: r.rounds.map((x) => ({
      round: x.round,
      order: x.order,
      measuredRps: round(x.num.rps, 1),
      baselineRps: round(x.den.rps, 1),
      ratio: round(x.ratio, 3),
      measured: x.num,
      baseline: x.den,
    })),
  });

  const results = {
    startedAt: startedAt.toISOString(),
    elapsedSeconds: elapsedS,
    machine,
    checks,
    setup: {
      server: "scripts/server.ts in front of Next (production build)",
      ...buildInfo(),
      url: server.url,
      withoutSessionCache: plain.url,
      bcryptCost: BCRYPT_COST,
      adminHashCost: hashCost,
      passwordHashThreads: process.env.PASSWORD_HASH_THREADS ?? `default (cores = ${cores})`,
      databasePoolMax: process.env.DATABASE_POOL_MAX ?? "default (10)",
      serverPid,
    },
    authMeVsHealth: {
      connections: c,
      ...roundsView(p1),
      target: RATIO.target,
      // Server process CPU (all threads) per answered request, median over the rounds; the
      // database's own CPU is not in it.
      serverCpuMsPerRequest: cpuPerRequest,
      withoutSessionCache: roundsView(p1Plain),
    },
    authMeVsNextAuth: {
      connections: c,
      route: NEXT_AUTH.path,
      ...roundsView(p4),
      target: NEXT_AUTH.target,
      serverCpuMsPerRequest: { nextAuthMs: nextAuthCpuMs },
    },
    dashboardThroughVsWithoutRequestLayer: { connections: pc, ...roundsView(p6), target: P6_TARGET },
    storefrontDomainVsPath: { connections: pc, ...roundsView(p7), target: P7_TARGET },
    requestLayerPassesPerPage: proxyPasses,
    login: {
      connections: LOGIN.connections,
      seconds: LOGIN.seconds,
      bcryptCompareMs: compare,
      hashLimitPerSecond: round(hashLimit, 2),
      loadGeneratorCores: round(generatorCores, 3),
      hashLimitAccountedPerSecond: round(hashLimitAccounted, 2),
      loginsPerSecond: round(logins.rps, 2),
      fractionOfHashLimit: round(loginFraction, 3),
      fractionOfRawHashLimit: round(logins.rps / hashLimit, 3),
      target: LOGIN.target,
      load: logins,
    },
    failureTiming: {
      pairs: FAILURE_TIMING.pairs,
      existingWrongPasswordMedianMs: round(median(knownMs), 1),
      unknownAccountMedianMs: round(median(unknownMs), 1),
      deltaMs: round(failureDelta, 1),
      targetMaxDeltaMs: FAILURE_TIMING.maxDeltaMs,
      existingMs: knownMs.map((v) => round(v, 1)),
      unknownMs: unknownMs.map((v) => round(v, 1)),
    },
    loginEventLoop: {
      note: "delay = raw monitorEventLoopDelay value minus its 10 ms sampling interval, clamped at 0",
      ...loginEld,
      targetP99Ms: ELD_TARGET_P99_MS,
    },
    scale: { small, large, loginP50Ratio: round(loginScale, 3), guardP50Ratio: round(guardScale, 3) },
  };
  mkdirSync(path.dirname(resultsFile), { recursive: true });
  writeFileSync(resultsFile, JSON.stringify(results, null, 2) + "\n");

  const fmt = (v: number | null) => (v === null ? "—" : v.toFixed(3));
  const rows: string[][] = [["Check", "Figure", "Value", "Target", "Result"]];
  for (const k of checks) {
    rows.push([
      k.id,
      k.name,
      fmt(k.value),
      `${k.better === "higher" ? "≥" : "≤"} ${k.target}`,
      k.value === null ? "—" : verdict(k.pass),
    ]);
  }
  const perRound = (r: { rounds: Round[] }) =>
    r.rounds.map((x) => `${x.num.rps.toFixed(0)}/${x.den.rps.toFixed(0)}`).join(", ");
  const info: string[][] = [
    ["P1 rounds, req/s", perRound(p1)],
    ["P1 without the session cache", `${p1Plain.median.toFixed(3)} (${perRound(p1Plain)})`],
    [
      "server CPU per /me and /health",
      `${cpuPerRequest.meMs.toFixed(2)} and ${cpuPerRequest.healthMs.toFixed(2)} ms`,
    ],
    ["P4 rounds, req/s", perRound(p4)],
    ["server CPU per next-auth request", `${nextAuthCpuMs.toFixed(2)} ms`],
    ["P6 rounds, req/s", perRound(p6)],
    ["P7 rounds, req/s", perRound(p7)],
    [
      "request-layer passes per page",
      `domain ${proxyPasses.storefrontByDomain}, subdomain ${proxyPasses.storefrontBySubdomain}, ` +
        `path ${proxyPasses.storefrontByPath}, dashboard ${proxyPasses.dashboard}`,
    ],
    [
      "P2 logins",
      `${logins.rps.toFixed(2)}/s; compare ${compare.medianMs.toFixed(1)} ms; limit ${hashLimit.toFixed(2)}/s on ${cores} cores, ` +
        `${hashLimitAccounted.toFixed(2)}/s less the generator's ${generatorCores.toFixed(2)} cores`,
    ],
    [
      "P5 p50 login, guard (ms)",
      `${small.login.latencyMs.p50}, ${small.guard.latencyMs.p50} at ${small.customers}; ` +
        `${large.login.latencyMs.p50}, ${large.guard.latencyMs.p50} at ${large.customers} (seeded in ${large.seedSeconds} s)`,
    ],
    ["timing medians", `${median(knownMs).toFixed(1)} − ${median(unknownMs).toFixed(1)} ms`],
  ];
  const failures = [
    ...[p1, p4, p1Plain, p6, p7].flatMap((r) => r.rounds.flatMap((x) => [x.num, x.den])),
    logins,
  ].reduce((n, l) => n + l.non2xx + l.errors + l.timeouts, 0);

  console.log(
    `\nOrion bench — ${cores} cores, ${machine.cpuModel}, node ${process.version}, ` +
      `load avg ${machine.loadAvg1mBefore} → ${machine.loadAvg1mAfter}\n`,
  );
  console.log(table(rows));
  console.log("");
  console.log(table([["Detail", "Value"], ...info]));
  if (failures > 0)
    console.log(`\nnote: ${failures} requests failed (non-2xx, errors or timeouts); see the JSON`);
  console.log(
    `\nserver pid ${loginEld.pid}${loginEld.listensOnPort ? "" : " (NOT the listening process)"}; ` +
      `${elapsedS} s; written to ${path.relative(root, resultsFile)}`,
  );
}

let exitCode = 0;
try {
  await main();
} catch (error) {
  exitCode = 1;
  log(`the bench broke: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
} finally {
  await cleanup();
}
// The seeding's bcrypt worker pool would keep the process alive for its idle timeout.
process.exit(exitCode);
