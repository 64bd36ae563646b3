// The database away for a moment (stopped, or restarted under load): the API answers 503
// SERVICE_UNAVAILABLE with Retry-After and pages the "temporarily unavailable" page — never a
// 500, never a hang — and the same server answers 200 again once the database is back.
import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestCluster, startCluster } from "../support/pg-cluster";
import { testPort } from "../support/ports";
import { type TestDatabase, type TestServer, createTestDatabase, startServer } from "../support/server";
import { rawRequest } from "../support/http";

const PG_PORT = testPort("ORION_TEST_OUTAGE_PG_PORT", 5240);
const PORT = testPort("ORION_TEST_OUTAGE_PORT", 3175);

let cluster: TestCluster;
let database: TestDatabase;
let server: TestServer;
let sql: postgres.Sql;

beforeAll(async () => {
  cluster = startCluster(PG_PORT);
  database = await createTestDatabase({ adminUrl: cluster.url });
  server = await startServer({ databaseUrl: database.url, port: PORT });
  sql = postgres(database.url, { max: 1, onnotice: () => {} });
});

afterAll(async () => {
  await server?.stop();
  await sql?.end({ timeout: 1 });
  cluster?.destroy();
});

// No answer may take longer than this: a hang fails the test instead of passing late.
const NO_HANG = { signal: () => AbortSignal.timeout(15_000) };

async function register(): Promise<{
  email: string;
  status: number;
  body: string;
  retryAfter: string | null;
}> {
  const email = `outage-${randomBytes(4).toString("hex")}@example.com`;
  const res = await fetch(`${server.url}/api/v1/storefront/orion/auth/register`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      first_name: "Olive",
      last_name: "Outage",
      email,
      password: "first maple orbit candle",
      marketing_consent: false,
    }),
    signal: NO_HANG.signal(),
  });
  return { email, status: res.status, body: await res.text(), retryAfter: res.headers.get("retry-after") };
}

async function page(path: string): Promise<{ status: number; body: string; retryAfter: string | null }> {
  const res = await rawRequest(server.url, path, { headers: {} });
  return { status: res.status, body: await res.text(), retryAfter: res.headers.get("retry-after") };
}

/** Milliseconds until `probe` answers 200 or 201, polling every 100 ms. */
async function timeUntilServed(probe: () => Promise<{ status: number }>): Promise<number> {
  const started = performance.now();
  for (;;) {
    const { status } = await probe();
    if (status === 200 || status === 201) return performance.now() - started;
    expect([503]).toContain(status);
    if (performance.now() - started > 30_000) throw new Error(`still ${status} after 30 s`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe("the database away", () => {
  it("answers the API 503 SERVICE_UNAVAILABLE with Retry-After and pages a 503 page while it is stopped, then 200 again without a restart", async () => {
    expect((await page("/storefront/orion")).status).toBe(200);
    const [product] =
      await sql`select p.id from products p join stores s on s.id = p.store_id where s.slug = 'orion' limit 1`;
    cluster.stop();
    try {
      const refused = await register();
      expect(refused.status).toBe(503);
      expect(JSON.parse(refused.body)).toMatchObject({ error: { code: "SERVICE_UNAVAILABLE" } });
      expect(Number(refused.retryAfter)).toBeGreaterThan(0);
      // The shop's home and a product page: each reads the database as it renders.
      for (const path of ["/storefront/orion", `/storefront/orion/products/${product!.id}`]) {
        const shown = await page(path);
        expect(shown.status, path).toBe(503);
        expect(shown.body, path).toContain("Temporarily unavailable");
        expect(Number(shown.retryAfter), path).toBeGreaterThan(0);
      }
      // Liveness does not depend on the database; readiness says what is down.
      expect((await page("/api/v1/health")).status).toBe(200);
      const ready = await page("/api/v1/health/ready");
      expect(ready.status).toBe(503);
      expect(JSON.parse(ready.body)).toMatchObject({ checks: { database: "down" } });
    } finally {
      cluster.start();
    }
    const apiMs = await timeUntilServed(register);
    const pageMs = await timeUntilServed(() => page("/storefront/orion"));
    console.log(
      `first 201 after the database returned: ${Math.round(apiMs)} ms; then a page 200 in ${Math.round(pageMs)} ms`,
    );
    expect((await page("/api/v1/health/ready")).status).toBe(200);
    expect(server.process.exitCode).toBeNull();
  });

  it("answers 20 registrations during a restart with 201 or 503 only, keeps every 201 and numbers customers without gaps", async () => {
    const before =
      await sql`select count(*)::int as n from customers c join stores s on s.id = c.store_id where s.slug = 'orion'`;
    const restarting = new Promise<void>((resolve, reject) => {
      setTimeout(() => {
        try {
          cluster.restart();
          resolve();
        } catch (error) {
          reject(error as Error);
        }
      }, 150);
    });
    // Registrations spread over the restart: some before it, some during, some after.
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) => new Promise((r) => setTimeout(r, i * 60)).then(() => register())),
    );
    await restarting;
    const statuses = answers.map((a) => a.status);
    console.log(`statuses during the restart: ${JSON.stringify(statuses)}`);
    for (const a of answers) expect([201, 503], a.body).toContain(a.status);

    await timeUntilServed(register);
    const rows = await sql`select c.email, c.customer_number, s.last_customer_number, s.code
      from customers c join stores s on s.id = c.store_id where s.slug = 'orion'`;
    const emails = new Set(rows.map((r) => r.email as string));
    for (const a of answers.filter((x) => x.status === 201)) expect(emails.has(a.email), a.email).toBe(true);
    // Every committed registration took the next number: 1…counter, each once.
    const numbers = rows.map((r) => Number(String(r.customer_number).split("-").pop())).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: numbers.length }, (_, i) => i + 1));
    expect(Number(rows[0]!.last_customer_number)).toBe(numbers.length);
    expect(numbers.length).toBeGreaterThanOrEqual(before[0]!.n + statuses.filter((s) => s === 201).length);
    expect(server.process.exitCode).toBeNull();
  });
});
