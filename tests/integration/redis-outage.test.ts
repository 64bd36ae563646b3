// REDIS_URL set but Redis away: rate limits and lockout fall back to PostgreSQL, so they keep
// holding (no 500, no silent fail-open), the server says so in its log, and readiness
// reports Redis down.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { rawRequest } from "../support/http";
import { testPort } from "../support/ports";
import { type TestServer, startServer } from "../support/server";
import { testSql } from "./db";

const PORT = testPort("ORION_TEST_REDIS_DOWN_PORT", 3177);
// Nothing listens here: a Redis that is down.
const CLOSED_PORT = testPort("ORION_TEST_REDIS_DOWN_REDIS_PORT", 3179);

let server: TestServer;

beforeAll(async () => {
  server = await startServer({
    databaseUrl: inject("databaseUrl"),
    port: PORT,
    env: { REDIS_URL: `redis://127.0.0.1:${CLOSED_PORT}`, RATE_LIMIT_EXEMPT_IPS: "" },
  });
});

afterAll(async () => {
  await server?.stop();
  await testSql().end();
});

describe("rate limits and lockout while Redis is down", () => {
  it("registers a shopper and then locks the account after 10 failed sign-ins, counted in PostgreSQL", async () => {
    const email = `redis-down-${randomBytes(4).toString("hex")}@example.com`;
    const password = "first maple orbit candle";
    const from = "127.0.3.21"; // an address no other test spends budgets from
    const registered = await rawRequest(server.url, "/api/v1/storefront/orion/auth/register", {
      body: { first_name: "Rhea", last_name: "Redis", email, password, marketing_consent: false },
      localAddress: from,
    });
    expect(registered.status).toBe(201);
    for (let i = 0; i < 10; i++) {
      const failed = await rawRequest(server.url, "/api/v1/storefront/orion/auth/login", {
        body: { email_or_username: email, password: "not the password" },
        localAddress: from,
      });
      expect(failed.status, `attempt ${i + 1}`).toBe(401);
    }
    const locked = await rawRequest(server.url, "/api/v1/storefront/orion/auth/login", {
      body: { email_or_username: email, password },
      localAddress: from,
    });
    expect(locked.status).toBe(423);
    expect(((await locked.json()) as { error: { code: string } }).error.code).toBe("ACCOUNT_LOCKED");
    const [customer] = await testSql()`select id from customers where email = ${email}`;
    const [row] =
      await testSql()`select points from rate_limits where key = ${`lock:customer:id:${customer!.id}`}`;
    expect(Number(row?.points)).toBeGreaterThanOrEqual(10);
    expect(server.output()).toContain("Redis unavailable");
  });

  it("keeps the per-IP budget: the 11th forgot-password from one address within 15 minutes is 429", async () => {
    const from = "127.0.3.22";
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) {
      const res = await rawRequest(server.url, "/api/v1/storefront/orion/auth/forgot-password", {
        body: { email: `nobody-${i}-${randomBytes(3).toString("hex")}@example.com` },
        localAddress: from,
      });
      statuses.push(res.status);
    }
    expect(statuses).toEqual([...Array(10).fill(202), 429]);
  });

  it("reports Redis down on readiness, the database and the mail queue up", async () => {
    const res = await rawRequest(server.url, "/api/v1/health/ready");
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({
      status: "unavailable",
      checks: { database: "up", redis: "down", mail_queue: "up" },
      error: { code: "SERVICE_UNAVAILABLE" },
    });
    expect((await rawRequest(server.url, "/api/v1/health")).status).toBe(200);
  });
});
