// Brute-force controls against the real stores: PostgreSQL by default and Redis when
// REDIS_URL is set, each with two server instances sharing it (SPEC §8, checklist S48–S52).
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { type TestServer, startServer } from "../support/server";
import { rawRequest } from "../support/http";

const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";

const variants = [
  { name: "PostgreSQL", env: {} as Record<string, string>, ports: [3121, 3122] },
  { name: "Redis", env: { REDIS_URL, REDIS_KEY_PREFIX: `orion-test-${randomBytes(4).toString("hex")}` }, ports: [3123, 3124] },
];

for (const variant of variants) {
  describe(`rate limits and lockout (${variant.name})`, () => {
    let a: TestServer;
    let b: TestServer;

    beforeAll(async () => {
      // No loopback exemption here: these servers count the test's own requests.
      const env = { ...variant.env, RATE_LIMIT_EXEMPT_IPS: "" };
      const servers = await Promise.all(variant.ports.map((port) => startServer({ databaseUrl: inject("databaseUrl"), port, env })));
      a = servers[0]!;
      b = servers[1]!;
    });

    afterAll(async () => {
      await Promise.all([a?.stop(), b?.stop()]);
    });

    const login = (server: TestServer, identifier: string, password: string) =>
      rawRequest(server.url, "/api/v1/admin/auth/login", { body: { email_or_username: identifier, password } });

    it("locks an identifier after 10 failures spread over two instances, whether or not it exists", async () => {
      const ghost = `ghost-${randomBytes(4).toString("hex")}`;
      for (let i = 0; i < 10; i++) {
        const res = await login(i % 2 ? a : b, i % 3 ? ghost : ghost.toUpperCase(), "wrong password");
        expect(res.status, `attempt ${i + 1}`).toBe(401);
      }
      const locked = await login(a, ghost, "wrong password");
      expect(locked.status).toBe(423);
      const body = await locked.json();
      expect(body.error.code).toBe("ACCOUNT_LOCKED");
      const until = new Date(body.error.details.locked_until).getTime();
      expect(until - Date.now()).toBeGreaterThan(14 * 60_000);
      expect(until - Date.now()).toBeLessThanOrEqual(15 * 60_000 + 2000);
      expect(Number(locked.headers.get("retry-after"))).toBeGreaterThan(800);
    });

    it("keeps a locked admin out even with the right password, until an admin unlocks", async () => {
      const admin = await (await login(a, "admin", "admin123")).json();
      const email = `lock-${randomBytes(4).toString("hex")}@orion.test`;
      const username = `locked_${randomBytes(3).toString("hex")}`;
      // A second admin to lock, so that the demo admin stays usable for the rest of the run.
      const { default: postgres } = await import("postgres");
      const sql = postgres(inject("databaseUrl"), { max: 1, onnotice: () => {} });
      await sql`insert into users (username, email, password_hash, role) select ${username}, ${email}, password_hash, 'admin' from users where username = 'admin'`;
      await sql.end();
      for (let i = 0; i < 10; i++) await login(i % 2 ? a : b, username, "wrong password");
      expect((await login(b, username, "admin123")).status).toBe(423);
      const unlock = await rawRequest(a.url, "/api/v1/admin/locks/unlock", {
        token: admin.access_token,
        body: { area: "admin", identifier: username.toUpperCase() },
      });
      expect(unlock.status).toBe(200);
      expect(await unlock.json()).toEqual({ unlocked: true, was_locked: true });
      expect((await login(b, username, "admin123")).status).toBe(200);
    });

    it("counts a customer's failures per store: a lock at ORION leaves ACME alone", async () => {
      const email = `per-store-${randomBytes(4).toString("hex")}@example.com`;
      for (let i = 0; i < 10; i++) {
        await rawRequest(a.url, "/api/v1/storefront/orion/auth/login", { body: { email_or_username: email, password: "nope nope" } });
      }
      const orion = await rawRequest(b.url, "/api/v1/storefront/orion/auth/login", { body: { email_or_username: email, password: "nope nope" } });
      expect(orion.status).toBe(423);
      const acme = await rawRequest(b.url, "/api/v1/storefront/acme/auth/login", { body: { email_or_username: email, password: "nope nope" } });
      expect(acme.status).toBe(401);
    });

    it("accepts one instance's tokens on the other, and a logout on one is refused on both", async () => {
      const res = await rawRequest(a.url, "/api/v1/store/auth/login", {
        body: { email_or_username: "acme_staff", password: "staff123", store_code: "ACME" },
      });
      expect(res.status).toBe(200);
      const first = await res.json();
      expect((await rawRequest(b.url, "/api/v1/store/acme/auth/me", { token: first.access_token })).status).toBe(200);
      // The refresh token issued by A rotates on B; A's old one is then spent everywhere.
      const refreshed = await rawRequest(b.url, "/api/v1/store/auth/refresh", { body: { refresh_token: first.refresh_token } });
      expect(refreshed.status).toBe(200);
      const second = await refreshed.json();
      expect((await rawRequest(a.url, "/api/v1/store/acme/auth/me", { token: second.access_token })).status).toBe(200);
      expect((await rawRequest(a.url, "/api/v1/store/auth/logout", { method: "POST", token: second.access_token })).status).toBe(200);
      expect((await rawRequest(b.url, "/api/v1/store/acme/auth/me", { token: second.access_token })).status).toBe(401);
      expect((await rawRequest(b.url, "/api/v1/store/auth/refresh", { body: { refresh_token: second.refresh_token } })).status).toBe(401);
    });

    it("answers 429 with Retry-After once an IP has spent its login budget", async () => {
      const answers: Response[] = [];
      for (let i = 0; i < 32; i++) {
        answers.push(await login(i % 2 ? a : b, `spray-${randomBytes(4).toString("hex")}`, "wrong password"));
      }
      const limited = answers.filter((r) => r.status === 429);
      expect(limited.length).toBeGreaterThan(0);
      const first = limited[0]!;
      expect(Number(first.headers.get("retry-after"))).toBeGreaterThan(0);
      expect((await first.json()).error.code).toBe("RATE_LIMITED");
    });
  });
}
