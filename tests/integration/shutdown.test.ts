// SIGTERM is a clean stop: the server takes no new connection, finishes the request under way
// (here a registration waiting on a row lock the test holds), closes its pools and exits 0.
import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { afterAll, describe, expect, inject, it } from "vitest";
import { rawRequest } from "../support/http";
import { testPort } from "../support/ports";
import { startServer } from "../support/server";

const PORT = testPort("ORION_TEST_SHUTDOWN_PORT", 3185);

const sql = postgres(inject("databaseUrl"), { max: 2, onnotice: () => {} });
afterAll(() => sql.end());

async function until(check: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error("condition not reached in time");
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe("SIGTERM", () => {
  it("lets a request under way finish with its answer, refuses new connections, and exits 0", async () => {
    const server = await startServer({ databaseUrl: inject("databaseUrl"), port: PORT });
    const exited = new Promise<number | null>((resolve) =>
      server.process.once("exit", (code) => resolve(code)),
    );
    // The store's row locked by the test: a registration (which takes the next customer
    // number from that row) waits on it, a slow request in flight.
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let locked!: () => void;
    const isLocked = new Promise<void>((resolve) => (locked = resolve));
    const holder = sql.begin(async (tx) => {
      await tx`select id from stores where slug = 'orion' for update`;
      locked();
      await released;
    });
    await isLocked;
    const email = `sigterm-${randomBytes(4).toString("hex")}@example.com`;
    const inFlight = rawRequest(server.url, "/api/v1/storefront/orion/auth/register", {
      body: {
        first_name: "Sig",
        last_name: "Term",
        email,
        password: "first maple orbit candle",
        marketing_consent: false,
      },
    });
    await until(async () => {
      const waiting = await sql`select 1 from pg_stat_activity
        where wait_event_type = 'Lock' and query ilike 'update "stores"%' and datname = current_database()`;
      return waiting.length > 0;
    });

    server.process.kill("SIGTERM");
    // No new connection is taken once the server is stopping.
    await until(async () => {
      try {
        await fetch(`${server.url}/api/v1/health`, { signal: AbortSignal.timeout(2000) });
        return false;
      } catch {
        return true;
      }
    });
    expect(server.process.exitCode).toBeNull();

    release();
    await holder;
    const answer = await inFlight;
    expect(answer.status).toBe(201);
    expect(await exited).toBe(0);
    const [row] = await sql`select customer_number from customers where email = ${email}`;
    expect(row?.customer_number).toMatch(/^ORION-\d{6}$/);
    expect(server.output()).toContain("Stopping");
  });
});
