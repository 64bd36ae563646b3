// Revocation holds on every instance although guards keep session state in memory: two servers
// on one database, each with its cache on; every revoking event answered by A, then at once a
// request to B with the revoked token is refused. B's LISTEN connection runs through a TCP
// relay this test can cut: with the listener down, B asks the database and still refuses at once.
import { randomBytes } from "node:crypto";
import { type Server, type Socket, connect, createServer } from "node:net";
import { performance } from "node:perf_hooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inject } from "vitest";
import { type LoginAnswer, adminLogin, baseUrl, postJson, send, storeLogin } from "../support/http";
import { testPort } from "../support/ports";
import { type TestServer, startServer } from "../support/server";
import { testSql } from "./db";

const tag = () => randomBytes(4).toString("hex");
const CUSTOMER_PASSWORD = "amber canal ferry lantern";

let relay: Server;
const relayed = new Set<Socket>();
let b: TestServer;

/** Forwards B's LISTEN connection to PostgreSQL until cut. */
function startRelay(target: URL, port: number): Promise<Server> {
  const server = createServer((client) => {
    const upstream = connect(Number(target.port || 5432), target.hostname);
    relayed.add(client).add(upstream);
    client.pipe(upstream).pipe(client);
    const end = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on("error", end).on("close", end);
    upstream.on("error", end).on("close", end);
  });
  return new Promise((resolve) => server.listen(port, "127.0.0.1", () => resolve(server)));
}

function cutRelay(): Promise<void> {
  const closed = new Promise<void>((resolve) => relay.close(() => resolve()));
  relayed.forEach((s) => s.destroy());
  return closed;
}

beforeAll(async () => {
  const databaseUrl = inject("databaseUrl");
  const target = new URL(databaseUrl);
  const relayPort = testPort("ORION_TEST_LISTEN_RELAY_PORT", 3166);
  relay = await startRelay(target, relayPort);
  const listenUrl = new URL(databaseUrl);
  listenUrl.hostname = "127.0.0.1";
  listenUrl.port = String(relayPort);
  b = await startServer({
    databaseUrl,
    port: testPort("ORION_TEST_PORT_B", 3160),
    env: { DATABASE_LISTEN_URL: listenUrl.toString(), AUTH_SESSION_CACHE: "on" },
  });
  await untilCached(b.url);
  await untilCached(baseUrl());
});

afterAll(async () => {
  await b?.stop();
  if (relay?.listening) await cutRelay();
  await testSql().end();
});

function call(base: string, path: string, token: string): Promise<Response> {
  return fetch(base + path, { headers: { authorization: `Bearer ${token}` }, redirect: "manual" });
}

/** Ends a session in the database without telling any instance (the triggers stay silent). */
async function revokeSilently(sessionId: string): Promise<void> {
  await testSql().begin(async (tx) => {
    await tx`set local session_replication_role = replica`;
    await tx`update sessions set revoked_at = now(), revoked_reason = 'test' where id = ${sessionId}`;
  });
}

function sessionOf(token: string): string {
  return JSON.parse(Buffer.from(token.split(".")[1]!, "base64url").toString()).sid as string;
}

/**
 * Waits until `base` answers a guarded request from memory: a session ended behind every
 * instance's back still opens /me there. Without the cache this never happens.
 */
async function untilCached(base: string): Promise<void> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const { access_token: token } = await adminLogin();
    expect((await call(base, "/api/v1/admin/auth/me", token)).status).toBe(200);
    await revokeSilently(sessionOf(token));
    if ((await call(base, "/api/v1/admin/auth/me", token)).status === 200) return;
    if (Date.now() > deadline) throw new Error(`${base} never served session state from memory`);
    await new Promise((r) => setTimeout(r, 300));
  }
}

/** The token works on both instances (and is now in both caches). */
async function expectWorkingOnBoth(path: string, token: string): Promise<void> {
  for (const base of [baseUrl(), b.url, b.url]) expect((await call(base, path, token)).status).toBe(200);
}

/** `event` runs on A; B is asked the very moment A's answer arrives. */
async function expectRefusedOnB(
  event: () => Promise<Response>,
  eventStatus: number,
  path: string,
  token: string,
  refused = 401,
): Promise<void> {
  const res = await event();
  const answered = performance.now();
  const onB = call(b.url, path, token);
  const gapMs = performance.now() - answered;
  expect(res.status).toBe(eventStatus);
  expect((await onB).status, `${path} on B`).toBe(refused);
  expect(gapMs).toBeLessThan(50);
  expect((await call(baseUrl(), path, token)).status, `${path} on A`).toBe(refused);
}

async function newCustomer(): Promise<{
  email: string;
  login: () => Promise<LoginAnswer & { customer: { id: string } }>;
}> {
  const email = `across-${tag()}@example.com`;
  const res = await postJson(`/api/v1/storefront/orion/auth/register`, {
    first_name: "Ann",
    last_name: "Cross",
    email,
    password: CUSTOMER_PASSWORD,
    marketing_consent: false,
  });
  expect(res.status).toBe(201);
  return {
    email,
    login: async () => {
      const r = await postJson(`/api/v1/storefront/orion/auth/login`, {
        email_or_username: email,
        password: CUSTOMER_PASSWORD,
      });
      expect(r.status).toBe(200);
      return r.json();
    },
  };
}

async function newStoreUser(slug: string): Promise<{ id: string; username: string }> {
  const username = `across_staff_${tag()}`;
  const [user] = await testSql()`insert into users (username, email, password_hash, role)
    select ${username}, ${username} || '@acme.test', password_hash, 'store' from users where username = 'acme_staff' returning id`;
  await testSql()`insert into store_members (store_id, user_id, role) select id, ${user!.id}, 'staff' from stores where slug = ${slug}`;
  return { id: user!.id as string, username };
}

const ADMIN_ME = "/api/v1/admin/auth/me";
const ACME_ME = "/api/v1/store/acme/auth/me";
const SHOP_ME = "/api/v1/storefront/orion/auth/me";

describe("a revocation answered by one instance is refused by the other at its next request", () => {
  it("logout, in each area", async () => {
    const admin = await adminLogin();
    await expectWorkingOnBoth(ADMIN_ME, admin.access_token);
    await expectRefusedOnB(
      () => send("POST", "/api/v1/admin/auth/logout", admin.access_token),
      200,
      ADMIN_ME,
      admin.access_token,
    );

    const staff = await storeLogin("ACME", "acme_staff", "staff123");
    await expectWorkingOnBoth(ACME_ME, staff.access_token);
    await expectRefusedOnB(
      () => send("POST", "/api/v1/store/auth/logout", staff.access_token),
      200,
      ACME_ME,
      staff.access_token,
    );

    const shopper = await (await newCustomer()).login();
    await expectWorkingOnBoth(SHOP_ME, shopper.access_token);
    await expectRefusedOnB(
      () => send("POST", "/api/v1/storefront/orion/auth/logout", shopper.access_token),
      200,
      SHOP_ME,
      shopper.access_token,
    );
  });

  it("a password change ends the shopper's other sessions", async () => {
    const customer = await newCustomer();
    const current = await customer.login();
    const other = await customer.login();
    await expectWorkingOnBoth(SHOP_ME, other.access_token);
    await expectRefusedOnB(
      () =>
        send("POST", "/api/v1/storefront/orion/account/password", current.access_token, {
          current_password: CUSTOMER_PASSWORD,
          new_password: `${CUSTOMER_PASSWORD} harbour`,
        }),
      200,
      SHOP_ME,
      other.access_token,
    );
  });

  it("an admin deactivating a store user, or another admin", async () => {
    const mine = await adminLogin();
    const user = await newStoreUser("acme");
    const staff = await storeLogin("ACME", user.username, "staff123");
    await expectWorkingOnBoth(ACME_ME, staff.access_token);
    await expectRefusedOnB(
      () => send("POST", `/api/v1/admin/users/${user.id}/deactivate`, mine.access_token),
      200,
      ACME_ME,
      staff.access_token,
    );

    const username = `across_admin_${tag()}`;
    const [row] = await testSql()`insert into users (username, email, password_hash, role)
      select ${username}, ${username} || '@orion.test', password_hash, 'admin' from users where username = 'admin' returning id`;
    const theirs = await adminLogin(username, "admin123");
    await expectWorkingOnBoth(ADMIN_ME, theirs.access_token);
    await expectRefusedOnB(
      () => send("POST", `/api/v1/admin/users/${row!.id}/deactivate`, mine.access_token),
      200,
      ADMIN_ME,
      theirs.access_token,
    );
  });

  it("a store deactivating a shopper", async () => {
    const shopper = await (await newCustomer()).login();
    const owner = await storeLogin("ORION", "store_owner", "store123");
    await expectWorkingOnBoth(SHOP_ME, shopper.access_token);
    await expectRefusedOnB(
      () =>
        send("POST", `/api/v1/store/orion/customers/${shopper.customer.id}/deactivate`, owner.access_token),
      200,
      SHOP_ME,
      shopper.access_token,
    );
  });

  it("removal from a store team", async () => {
    const user = await newStoreUser("acme");
    const staff = await storeLogin("ACME", user.username, "staff123");
    const owner = await storeLogin("ACME", "store_owner", "store123");
    await expectWorkingOnBoth(ACME_ME, staff.access_token);
    await expectRefusedOnB(
      () => send("DELETE", `/api/v1/store/acme/team/${user.id}`, owner.access_token),
      204,
      ACME_ME,
      staff.access_token,
    );
  });

  it("a store's suspension, for its team and its shoppers", async () => {
    const admin = await adminLogin();
    const [acme] = await testSql()`select id from stores where slug = 'acme'`;
    const staff = await storeLogin("ACME", "acme_staff", "staff123");
    const [orion] = await testSql()`select id from stores where slug = 'orion'`;
    const shopper = await (await newCustomer()).login();
    try {
      await expectWorkingOnBoth(ACME_ME, staff.access_token);
      await expectRefusedOnB(
        () => send("POST", `/api/v1/admin/stores/${acme!.id}/suspend`, admin.access_token),
        200,
        ACME_ME,
        staff.access_token,
        503,
      );
      await expectWorkingOnBoth(SHOP_ME, shopper.access_token);
      await expectRefusedOnB(
        () => send("POST", `/api/v1/admin/stores/${orion!.id}/suspend`, admin.access_token),
        200,
        SHOP_ME,
        shopper.access_token,
        503,
      );
    } finally {
      for (const store of [acme, orion]) {
        await send("POST", `/api/v1/admin/stores/${store!.id}/reactivate`, admin.access_token);
      }
    }
  });

  it("a replayed refresh token ends its whole family", async () => {
    const first = await adminLogin();
    const rotated = await postJson("/api/v1/admin/auth/refresh", { refresh_token: first.refresh_token });
    expect(rotated.status).toBe(200);
    const second = (await rotated.json()) as LoginAnswer;
    await expectWorkingOnBoth(ADMIN_ME, second.access_token);
    await expectRefusedOnB(
      () =>
        postJson(
          "/api/v1/admin/auth/refresh",
          { refresh_token: first.refresh_token },
          { "user-agent": "another client" },
        ),
      401,
      ADMIN_ME,
      second.access_token,
    );
  });
});

describe("with B's listener down", () => {
  it("B asks the database and refuses a logout's token at once", async () => {
    const admin = await adminLogin();
    await expectWorkingOnBoth(ADMIN_ME, admin.access_token);
    await cutRelay();
    await expectRefusedOnB(
      () => send("POST", "/api/v1/admin/auth/logout", admin.access_token),
      200,
      ADMIN_ME,
      admin.access_token,
    );
    // Nothing is kept while it is down: a session ended without any notice is refused too.
    const other = await adminLogin();
    expect((await call(b.url, ADMIN_ME, other.access_token)).status).toBe(200);
    await revokeSilently(sessionOf(other.access_token));
    expect((await call(b.url, ADMIN_ME, other.access_token)).status).toBe(401);
  });
});
