// Whose address a request is from (checklist S37, S48): the socket's, unless the peer is a
// proxy listed in TRUSTED_PROXIES. A client that writes X-Forwarded-For itself neither
// escapes the per-IP budgets nor puts a forged address into the audit log; behind a trusted
// proxy the forwarded address counts, and IPv6 clients count per /64.
import { testPort } from "../support/ports";
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { type TestServer, startServer } from "../support/server";
import { rawRequest } from "../support/http";
import { testSql } from "./db";

const BASE = testPort("ORION_TEST_ADDRESS_PORT", 3117);

let direct: TestServer;
let proxied: TestServer;

beforeAll(async () => {
  // No loopback exemption: these servers count the test's own requests, in counters of their
  // own (Redis under a fresh prefix), so other tests' logins from loopback do not count here.
  const counters = (name: string) => ({
    RATE_LIMIT_EXEMPT_IPS: "",
    REDIS_URL: process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379",
    REDIS_KEY_PREFIX: `orion-test-${name}-${randomBytes(4).toString("hex")}`,
  });
  [direct, proxied] = await Promise.all([
    startServer({ databaseUrl: inject("databaseUrl"), port: BASE, env: counters("direct") }),
    startServer({
      databaseUrl: inject("databaseUrl"),
      port: BASE + 1,
      env: { ...counters("proxied"), TRUSTED_PROXIES: "loopback" },
    }),
  ]);
});

afterAll(async () => {
  await Promise.all([direct?.stop(), proxied?.stop()]);
  await testSql().end();
});

/** A failed admin login under a fresh unknown name, so that only the per-IP budget can stop it. */
function attempt(server: TestServer, headers: Record<string, string>, userAgent: string) {
  const body = { email_or_username: `ghost-${randomBytes(4).toString("hex")}`, password: "wrong password" };
  return rawRequest(server.url, "/api/v1/store/auth/login", {
    body: { ...body, store_code: "ACME" },
    headers: { ...headers, "user-agent": userAgent },
  });
}

async function statuses(
  server: TestServer,
  count: number,
  headersFor: (i: number) => Record<string, string>,
  userAgent: string,
) {
  const seen: number[] = [];
  for (let i = 0; i < count; i++) seen.push((await attempt(server, headersFor(i), userAgent)).status);
  return seen;
}

describe("without a trusted proxy", () => {
  it("ignores a rotating X-Forwarded-For: the 31st login of the minute is a 429", async () => {
    const agent = `rotating-${randomBytes(3).toString("hex")}`;
    const seen = await statuses(
      direct,
      35,
      (i) => ({ "x-forwarded-for": `198.51.100.${i + 1}`, "x-real-ip": `203.0.113.${i + 1}` }),
      agent,
    );
    expect(seen.slice(0, 30).every((s) => s === 401)).toBe(true);
    expect(seen.slice(30)).toEqual([429, 429, 429, 429, 429]);
  });

  it("records the socket's address in the audit log, never the one the client wrote", async () => {
    const agent = `forger-${randomBytes(3).toString("hex")}`;
    await rawRequest(direct.url, "/api/v1/admin/auth/login", {
      body: { email_or_username: "admin", password: "wrong password" },
      headers: { "x-forwarded-for": "6.6.6.6", "user-agent": agent },
    });
    const rows = await testSql()`select ip from auth_events where user_agent = ${agent}`;
    expect(rows.map((r) => r.ip)).toEqual(["127.0.0.1"]);
  });
});

describe("behind a trusted proxy", () => {
  it("counts each forwarded client on its own and records its address", async () => {
    const agent = `proxied-${randomBytes(3).toString("hex")}`;
    const seen = await statuses(
      proxied,
      35,
      (i) => ({ "x-forwarded-for": `6.6.6.6, 192.0.2.${i + 1}` }),
      agent,
    );
    expect(seen.every((s) => s === 401)).toBe(true);
    const rows = await testSql()`select distinct ip from auth_events where user_agent = ${agent} order by ip`;
    expect(rows.length).toBe(35);
    expect(rows.every((r) => String(r.ip).startsWith("192.0.2."))).toBe(true);
  });

  it("counts the addresses of one IPv6 /64 as one client", async () => {
    const agent = `v6-${randomBytes(3).toString("hex")}`;
    const prefix = `2001:db8:${randomBytes(2).toString("hex")}:1`;
    const seen = await statuses(
      proxied,
      32,
      (i) => ({ "x-forwarded-for": `${prefix}:${(i + 1).toString(16)}::1` }),
      agent,
    );
    expect(seen.slice(0, 30).every((s) => s === 401)).toBe(true);
    expect(seen.slice(30)).toEqual([429, 429]);
    // Another /64 is another client.
    expect((await attempt(proxied, { "x-forwarded-for": `2001:db8:ffff:2::1` }, agent)).status).toBe(401);
  });
});
