// The bench-only routes (app/bench): on a server started like the bench's they count the request
// layer's passes and run next-auth's getServerSession; on any other server they do not exist.
// The count pins how often a store host's page goes through the request layer (issue 15, part 2).
import { randomBytes } from "node:crypto";
import { encode } from "next-auth/jwt";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inject } from "vitest";
import { testPort } from "../support/ports";
import { type TestServer, startServer } from "../support/server";
import { baseUrl, rawRequest } from "../support/http";

const NEXT_AUTH_SECRET = randomBytes(32).toString("base64url");
let bench: TestServer;

beforeAll(async () => {
  bench = await startServer({
    databaseUrl: inject("databaseUrl"),
    port: testPort("ORION_TEST_BENCH_ROUTES_PORT", 3195),
    env: { ORION_BENCH_ROUTES: "1", ORION_BENCH_NEXTAUTH_SECRET: NEXT_AUTH_SECRET },
  });
});

afterAll(async () => {
  await bench?.stop();
});

async function passes(): Promise<number> {
  const res = await fetch(`${bench.url}/bench/proxy-passes`);
  expect(res.status).toBe(200);
  return ((await res.json()) as { passes: number }).passes;
}

/** How many passes through the request layer one page request took, and its status. */
async function passesOf(path: string, host?: string): Promise<{ status: number; passes: number }> {
  const before = await passes();
  const res = await rawRequest(bench.url, path, { host });
  await res.arrayBuffer();
  return { status: res.status, passes: (await passes()) - before };
}

describe("a store's page passes through the request layer once", () => {
  it("by path, by custom domain and by subdomain", async () => {
    const port = bench.port;
    expect(await passesOf("/storefront/orion")).toEqual({ status: 200, passes: 1 });
    expect(await passesOf("/storefront", `orion.lu:${port}`)).toEqual({ status: 200, passes: 1 });
    expect(await passesOf("/storefront", `acme.localhost:${port}`)).toEqual({ status: 200, passes: 1 });
    expect(await passesOf("/storefront/account/login", `orion.lu:${port}`)).toEqual({
      status: 200,
      passes: 1,
    });
  });

  it("and the JSON API not at all", async () => {
    expect(await passesOf("/api/v1/health")).toEqual({ status: 200, passes: 0 });
  });
});

describe("the next-auth comparison route", () => {
  it("answers the session of a cookie minted by next-auth's own encode, and 401 without one", async () => {
    const token = await encode({
      token: { sub: crypto.randomUUID(), name: "bench", email: "bench@orion.test" },
      secret: NEXT_AUTH_SECRET,
    });
    const res = await fetch(`${bench.url}/bench/next-auth/session`, {
      headers: { cookie: `next-auth.session-token=${token}` },
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ user: { name: "bench", email: "bench@orion.test" } });
    expect((await fetch(`${bench.url}/bench/next-auth/session`)).status).toBe(401);
    const forged = await encode({ token: { email: "x@orion.test" }, secret: "another-secret" });
    const refused = await fetch(`${bench.url}/bench/next-auth/session`, {
      headers: { cookie: `next-auth.session-token=${forged}` },
    });
    expect(refused.status).toBe(401);
  });
});

describe("a server not started by the bench", () => {
  it("has no bench routes", async () => {
    for (const path of ["/bench/proxy-passes", "/bench/next-auth/session", "/bench/store/acme"]) {
      expect((await fetch(baseUrl() + path)).status, path).toBe(404);
    }
  });
});
