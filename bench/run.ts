// `npm run bench`: starts the production build on a fresh, seeded database and measures in one run
// (1) req/s of the authenticated GET /api/v1/admin/auth/me against the bare GET /api/v1/health and
// (2) admin login throughput against the bcrypt hash limit, with the server's event-loop delay
// meanwhile (read through bench/eld-probe.cjs). Prints a table, writes bench/results/latest.json.
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
import { createServer } from "node:net";
import { availableParallelism, cpus, loadavg, tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { setTimeout as sleep } from "node:timers/promises";
import bcrypt from "bcryptjs";
import postgres from "postgres";
import {
  TEST_JWT_SECRET,
  type TestDatabase,
  type TestServer,
  createTestDatabase,
  ensureBuilt,
  startServer,
} from "../tests/support/server";

// ---------------------------------------------------------------------------------------------
// Settings

const BCRYPT_COST = 12; // the app's default (lib/config.ts); the server and the seeded hashes use it
const PORT = Number(process.env.ORION_BENCH_PORT ?? 3300);
const HOST = "127.0.0.1";
const ADMIN = { email_or_username: "admin", password: "admin123" } as const;

const RATIO = { connections: 10, warmupSeconds: 3, rounds: 3, roundSeconds: 5, target: 0.85 } as const;
const LOGIN = { connections: 8, seconds: 10, compareSamples: 5, target: 0.85 } as const;
const ELD_TARGET_P99_MS = 20;
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
): Promise<Load> {
  const r = await autocannon({
    url: `http://${HOST}:${PORT}${pathname}`,
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

async function main(): Promise<void> {
  const started = performance.now();
  const startedAt = new Date();
  const cores = availableParallelism();
  const loadBefore = loadavg();

  await assertPortFree(PORT);
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
  const server: TestServer = await startServer({
    databaseUrl: database.url,
    port: PORT,
    env: { BCRYPT_COST: String(BCRYPT_COST), NODE_OPTIONS: nodeOptions, ORION_ELD_FILE: eldFile },
  });
  cleanups.push(() => server.stop());
  const serverPid = server.process.pid;
  if (serverPid === undefined) throw new Error("the server process has no pid");
  const probes = new EventLoopProbes(eldDir, serverPid);
  await probes.waitForListener();

  const token = await login(server.url);
  const auth = { authorization: `Bearer ${token}` };
  const check = await fetch(`${server.url}/api/v1/admin/auth/me`, { headers: auth });
  if (check.status !== 200) throw new Error(`GET /api/v1/admin/auth/me answered ${check.status}`);

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

  // 1. /me against /health, interleaved.
  const c = RATIO.connections;
  const health = (seconds: number): Promise<Phase> => phase("/api/v1/health", c, seconds);
  const me = (seconds: number): Promise<Phase> =>
    phase("/api/v1/admin/auth/me", c, seconds, { headers: auth });
  log(`warm-up: ${RATIO.warmupSeconds} s per endpoint`);
  await health(RATIO.warmupSeconds);
  await me(RATIO.warmupSeconds);
  const rounds: Array<{ round: number; order: string; health: Phase; me: Phase; ratio: number }> = [];
  for (let i = 0; i < RATIO.rounds; i++) {
    const healthFirst = i % 2 === 0;
    const order = healthFirst ? "health→me" : "me→health";
    log(`round ${i + 1}/${RATIO.rounds}: ${order}, ${RATIO.roundSeconds} s each`);
    let h: Phase;
    let m: Phase;
    if (healthFirst) {
      h = await health(RATIO.roundSeconds);
      m = await me(RATIO.roundSeconds);
    } else {
      m = await me(RATIO.roundSeconds);
      h = await health(RATIO.roundSeconds);
    }
    rounds.push({ round: i + 1, order, health: h, me: m, ratio: h.rps > 0 ? m.rps / h.rps : 0 });
  }
  const medianRatio = median(rounds.map((r) => r.ratio));
  const cpuPerRequest = {
    healthMs: median(rounds.map((r) => r.health.serverCpuMsPerRequest)),
    meMs: median(rounds.map((r) => r.me.serverCpuMsPerRequest)),
  };

  // 2. Logins against the hash limit, with the server's event-loop delay.
  log(`timing bcrypt compareSync at cost ${hashCost} (${LOGIN.compareSamples} samples)`);
  const compare = timeCompare(hash, LOGIN.compareSamples);
  const hashLimit = cores / (compare.medianMs / 1000);
  log(`logins: ${LOGIN.connections} at once for ${LOGIN.seconds} s`);
  const logins = await phase("/api/v1/admin/auth/login", LOGIN.connections, LOGIN.seconds, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(ADMIN),
    timeout: 60,
  });
  const loginEld = logins.server;
  const loginFraction = logins.rps / hashLimit;

  // 3. Failed logins: existing account (wrong password) against unknown account.
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
  const failurePass = failureDelta <= FAILURE_TIMING.maxDeltaMs;

  // Report.
  const elapsedS = round((performance.now() - started) / 1000, 1);
  const ratioPass = medianRatio >= RATIO.target;
  const loginPass = loginFraction >= LOGIN.target;
  const eldPass = loginEld.p99Ms <= ELD_TARGET_P99_MS;
  const machine = {
    cores,
    cpuModel: cpus()[0]?.model ?? "unknown",
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
    loadAvg1mBefore: round(loadBefore[0] ?? 0),
    loadAvg1mAfter: round(loadavg()[0] ?? 0),
  };

  const results = {
    startedAt: startedAt.toISOString(),
    elapsedSeconds: elapsedS,
    machine,
    setup: {
      server: "scripts/server.ts in front of Next (production build)",
      ...buildInfo(),
      url: server.url,
      bcryptCost: BCRYPT_COST,
      adminHashCost: hashCost,
      passwordHashThreads: process.env.PASSWORD_HASH_THREADS ?? `default (cores = ${cores})`,
      databasePoolMax: process.env.DATABASE_POOL_MAX ?? "default (10)",
      serverPid,
    },
    authMeVsHealth: {
      connections: c,
      warmupSeconds: RATIO.warmupSeconds,
      roundSeconds: RATIO.roundSeconds,
      rounds: rounds.map((r) => ({
        round: r.round,
        order: r.order,
        healthRps: round(r.health.rps, 1),
        meRps: round(r.me.rps, 1),
        ratio: round(r.ratio, 3),
        health: r.health,
        me: r.me,
      })),
      medianRatio: round(medianRatio, 3),
      target: RATIO.target,
      pass: ratioPass,
      // Server process CPU (all threads) per answered request, median over the rounds; the
      // database's own CPU is not in it.
      serverCpuMsPerRequest: cpuPerRequest,
    },
    login: {
      connections: LOGIN.connections,
      seconds: LOGIN.seconds,
      bcryptCompareMs: compare,
      hashLimitPerSecond: round(hashLimit, 2),
      loginsPerSecond: round(logins.rps, 2),
      fractionOfHashLimit: round(loginFraction, 3),
      target: LOGIN.target,
      pass: loginPass,
      load: logins,
    },
    failureTiming: {
      pairs: FAILURE_TIMING.pairs,
      existingWrongPasswordMedianMs: round(median(knownMs), 1),
      unknownAccountMedianMs: round(median(unknownMs), 1),
      deltaMs: round(failureDelta, 1),
      targetMaxDeltaMs: FAILURE_TIMING.maxDeltaMs,
      pass: failurePass,
      existingMs: knownMs.map((v) => round(v, 1)),
      unknownMs: unknownMs.map((v) => round(v, 1)),
    },
    loginEventLoop: {
      note: "delay = raw monitorEventLoopDelay value minus its 10 ms sampling interval, clamped at 0",
      ...loginEld,
      targetP99Ms: ELD_TARGET_P99_MS,
      pass: eldPass,
    },
  };
  mkdirSync(path.dirname(resultsFile), { recursive: true });
  writeFileSync(resultsFile, JSON.stringify(results, null, 2) + "\n");

  const rows: string[][] = [["Figure", "Value", "Target", "Result"]];
  for (const r of rounds) {
    rows.push([
      `  round ${r.round} (${r.order})`,
      `me ${r.me.rps.toFixed(0)}/s ÷ health ${r.health.rps.toFixed(0)}/s = ${r.ratio.toFixed(3)}` +
        `  (server CPU ${r.me.serverCpuMsPerRequest.toFixed(2)} vs ${r.health.serverCpuMsPerRequest.toFixed(2)} ms/req)`,
      "",
      "",
    ]);
  }
  rows.push([
    "/me ÷ /health req/s (median)",
    medianRatio.toFixed(3),
    `≥ ${RATIO.target}`,
    verdict(ratioPass),
  ]);
  rows.push([
    "bcrypt compare, cost 12 (median)",
    `${compare.medianMs.toFixed(1)} ms  [${compare.samplesMs.join(", ")}]`,
    "",
    "",
  ]);
  rows.push(["hash limit (cores ÷ compare)", `${hashLimit.toFixed(2)}/s  (${cores} cores)`, "", ""]);
  rows.push([
    "  (info) server CPU per login",
    `${logins.serverCpuMsPerRequest.toFixed(0)} ms  (all threads; one compare ${compare.medianMs.toFixed(0)} ms)`,
    "",
    "",
  ]);
  rows.push([
    `logins/s (${LOGIN.connections} at once, ${LOGIN.seconds} s)`,
    `${logins.rps.toFixed(2)}/s  (${logins.ok} ok, p50 ${logins.latencyMs.p50} ms, p99 ${logins.latencyMs.p99} ms)`,
    "",
    "",
  ]);
  rows.push(["logins ÷ hash limit", loginFraction.toFixed(3), `≥ ${LOGIN.target}`, verdict(loginPass)]);
  rows.push([
    "server event-loop delay p99, logins",
    `${loginEld.p99Ms.toFixed(2)} ms  (raw ${loginEld.raw.p99Ms.toFixed(2)} − ${loginEld.raw.resolutionMs}; max ${loginEld.maxMs.toFixed(2)} ms)`,
    `≤ ${ELD_TARGET_P99_MS} ms`,
    verdict(eldPass),
  ]);
  rows.push([
    "failed login: existing − unknown (medians)",
    `${median(knownMs).toFixed(1)} − ${median(unknownMs).toFixed(1)} ms = Δ ${failureDelta.toFixed(1)} ms (${FAILURE_TIMING.pairs} pairs)`,
    `≤ ${FAILURE_TIMING.maxDeltaMs} ms`,
    verdict(failurePass),
  ]);
  rows.push([
    "  (info) same, /me and /health rounds",
    `${median(rounds.map((r) => r.me.server.p99Ms)).toFixed(2)} and ` +
      `${median(rounds.map((r) => r.health.server.p99Ms)).toFixed(2)} ms (medians of the rounds)`,
    "",
    "",
  ]);
  const failures = [...rounds.flatMap((r) => [r.health, r.me]), logins].reduce(
    (n, l) => n + l.non2xx + l.errors + l.timeouts,
    0,
  );

  console.log(
    `\nOrion bench — ${cores} cores, ${machine.cpuModel}, node ${process.version}, ` +
      `load avg ${machine.loadAvg1mBefore} → ${machine.loadAvg1mAfter}\n`,
  );
  console.log(table(rows));
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
