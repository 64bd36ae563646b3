// Brute-force controls against the real stores: PostgreSQL by default and Redis when
// REDIS_URL is set, each with two server instances sharing it (README › Abuse controls, checklist S48–S52).
import { testPort } from "../support/ports";
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { submitFormAt } from "../support/forms";
import { type TestServer, startServer } from "../support/server";
import { rawRequest } from "../support/http";
import { testSql } from "./db";

const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
const PORT = testPort("ORION_TEST_RL_PORT", 3121);

const variants = [
  { name: "PostgreSQL", env: {} as Record<string, string>, ports: [PORT, PORT + 1] },
  {
    name: "Redis",
    env: { REDIS_URL, REDIS_KEY_PREFIX: `orion-test-${randomBytes(4).toString("hex")}` },
    ports: [PORT + 2, PORT + 3],
  },
];

afterAll(async () => {
  await testSql().end();
});

// Each test that signs in a lot comes from an address of its own (127.0.0.x), so that the
// per-IP budgets the other tests spend do not answer 429 in its place.
let lastAddress = 10;
const newAddress = () => `127.0.0.${++lastAddress}`;
const hex = () => randomBytes(4).toString("hex");

type Account = { id: string; username: string; email: string; password: string };

/** A new admin or staff member (of ACME and ORION), with the demo accounts' passwords. */
async function newUser(role: "admin" | "store"): Promise<Account> {
  const username = `lock_${role}_${hex()}`;
  const email = `${username}@orion.test`;
  const from = role === "admin" ? "admin" : "acme_staff";
  const [row] = await testSql()`insert into users (username, email, password_hash, role)
    select ${username}, ${email}, password_hash, ${role} from users where username = ${from} returning id`;
  if (role === "store") {
    await testSql()`insert into store_members (store_id, user_id, role) select id, ${row!.id}, 'staff' from stores where slug in ('acme', 'orion')`;
  }
  return { id: row!.id as string, username, email, password: role === "admin" ? "admin123" : "staff123" };
}

/** A new shopper of ORION with the demo shopper's password. */
async function newShopper(): Promise<Account> {
  const email = `lock-${hex()}@example.com`;
  const [row] =
    await testSql()`insert into customers (store_id, email, customer_number, first_name, last_name, password_hash)
    select c.store_id, ${email}, ${"LOCK-" + hex()}, 'Lena', 'Lock', c.password_hash
    from customers c join stores s on s.id = c.store_id where s.slug = 'orion' and c.email = 'customer@example.com' returning id`;
  return { id: row!.id as string, username: email, email, password: "customer123" };
}

for (const variant of variants) {
  describe(`rate limits and lockout (${variant.name})`, () => {
    let a: TestServer;
    let b: TestServer;

    beforeAll(async () => {
      // No loopback exemption here: these servers count the test's own requests.
      const env = { ...variant.env, RATE_LIMIT_EXEMPT_IPS: "" };
      const servers = await Promise.all(
        variant.ports.map((port) => startServer({ databaseUrl: inject("databaseUrl"), port, env })),
      );
      a = servers[0]!;
      b = servers[1]!;
    });

    afterAll(async () => {
      await Promise.all([a?.stop(), b?.stop()]);
    });

    const login = (server: TestServer, identifier: string, password: string, localAddress?: string) =>
      rawRequest(server.url, "/api/v1/admin/auth/login", {
        body: { email_or_username: identifier, password },
        localAddress,
      });
    const storeLogin = (
      server: TestServer,
      identifier: string,
      password: string,
      storeCode: string,
      localAddress?: string,
    ) =>
      rawRequest(server.url, "/api/v1/store/auth/login", {
        body: { email_or_username: identifier, password, store_code: storeCode },
        localAddress,
      });
    const shopLogin = (server: TestServer, identifier: string, password: string, localAddress?: string) =>
      rawRequest(server.url, "/api/v1/storefront/orion/auth/login", {
        body: { email_or_username: identifier, password },
        localAddress,
      });
    const statuses = async (answers: Promise<Response>[]) =>
      (await Promise.all(answers)).map((r) => r.status);

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
        await rawRequest(a.url, "/api/v1/storefront/orion/auth/login", {
          body: { email_or_username: email, password: "nope nope" },
        });
      }
      const orion = await rawRequest(b.url, "/api/v1/storefront/orion/auth/login", {
        body: { email_or_username: email, password: "nope nope" },
      });
      expect(orion.status).toBe(423);
      const acme = await rawRequest(b.url, "/api/v1/storefront/acme/auth/login", {
        body: { email_or_username: email, password: "nope nope" },
      });
      expect(acme.status).toBe(401);
    });

    it("accepts one instance's tokens on the other, and a logout on one is refused on both", async () => {
      const res = await rawRequest(a.url, "/api/v1/store/auth/login", {
        body: { email_or_username: "acme_staff", password: "staff123", store_code: "ACME" },
      });
      expect(res.status).toBe(200);
      const first = await res.json();
      expect(
        (await rawRequest(b.url, "/api/v1/store/acme/auth/me", { token: first.access_token })).status,
      ).toBe(200);
      // The refresh token issued by A rotates on B; A's old one is then spent everywhere.
      const refreshed = await rawRequest(b.url, "/api/v1/store/auth/refresh", {
        body: { refresh_token: first.refresh_token },
      });
      expect(refreshed.status).toBe(200);
      const second = await refreshed.json();
      expect(
        (await rawRequest(a.url, "/api/v1/store/acme/auth/me", { token: second.access_token })).status,
      ).toBe(200);
      expect(
        (await rawRequest(a.url, "/api/v1/store/auth/logout", { method: "POST", token: second.access_token }))
          .status,
      ).toBe(200);
      expect(
        (await rawRequest(b.url, "/api/v1/store/acme/auth/me", { token: second.access_token })).status,
      ).toBe(401);
      expect(
        (
          await rawRequest(b.url, "/api/v1/store/auth/refresh", {
            body: { refresh_token: second.refresh_token },
          })
        ).status,
      ).toBe(401);
    });

    it("locks an admin after ten failures by username: the right password by email is refused too", async () => {
      const ip = newAddress();
      const admin = await newUser("admin");
      for (let i = 0; i < 10; i++) {
        const res = await login(
          i % 2 ? a : b,
          i % 3 ? admin.username : admin.username.toUpperCase(),
          "wrong password",
          ip,
        );
        expect(res.status, `attempt ${i + 1}`).toBe(401);
      }
      const byEmail = await login(a, admin.email.toUpperCase(), admin.password, ip);
      expect(byEmail.status).toBe(423);
      expect((await byEmail.json()).error.code).toBe("ACCOUNT_LOCKED");
      // One account, one lock: the store login does not give it ten more guesses.
      expect((await storeLogin(b, admin.email, admin.password, "ACME", ip)).status).toBe(423);
    });

    it("locks a staff member in every store after ten failures in one: username at ACME, then email at ORION", async () => {
      const ip = newAddress();
      const staff = await newUser("store");
      for (let i = 0; i < 10; i++) {
        expect(
          (await storeLogin(i % 2 ? a : b, staff.username, "wrong password", "ACME", ip)).status,
          `attempt ${i + 1}`,
        ).toBe(401);
      }
      expect((await storeLogin(a, staff.email, staff.password, "ORION", ip)).status).toBe(423);
      expect((await storeLogin(b, staff.email.toUpperCase(), staff.password, "acme", ip)).status).toBe(423);
    });

    it("locks a shopper whichever case the email is typed in", async () => {
      const ip = newAddress();
      const shopper = await newShopper();
      for (let i = 0; i < 10; i++) {
        const typed = i % 2 ? shopper.email.toUpperCase() : ` ${shopper.email.replace("lock", "LoCk")}`;
        expect((await shopLogin(i % 2 ? a : b, typed, "wrong password", ip)).status, `attempt ${i + 1}`).toBe(
          401,
        );
      }
      expect((await shopLogin(a, shopper.email, shopper.password, ip)).status).toBe(423);
    });

    it("locks an identifier no account has exactly like an account: the same answers in the same order", async () => {
      const ip = newAddress();
      const admin = await newUser("admin");
      const ghost = `ghost_${hex()}`;
      const known: number[] = [];
      const unknown: number[] = [];
      for (let i = 0; i < 10; i++) {
        known.push(
          (await login(i % 2 ? a : b, i % 2 ? admin.username : admin.email, "wrong password", ip)).status,
        );
        unknown.push((await login(i % 2 ? a : b, ghost, "wrong password", ip)).status);
      }
      known.push((await login(a, admin.email, admin.password, ip)).status);
      unknown.push((await login(a, ghost, admin.password, ip)).status);
      expect(unknown).toEqual([...Array(10).fill(401), 423]);
      expect(known).toEqual(unknown);
      // In the store area too: for users, the same lock in both.
      expect(
        await statuses([
          storeLogin(b, admin.username, admin.password, "ACME", ip),
          storeLogin(b, ghost, admin.password, "ACME", ip),
        ]),
      ).toEqual([423, 423]);
    });

    it("counts a store login on the account whatever store code is typed: ten invented codes lock the admin", async () => {
      const ip = newAddress();
      const admin = await newUser("admin");
      for (let i = 0; i < 10; i++) {
        const res = await storeLogin(
          i % 2 ? a : b,
          admin.username,
          `wrong password ${i}`,
          `NOPE${hex()}`,
          ip,
        );
        expect(res.status, `attempt ${i + 1}`).toBe(401);
      }
      const right = await storeLogin(a, admin.username, admin.password, `NOPE${hex()}`, ip);
      expect(right.status).toBe(423);
      expect((await login(b, admin.username, admin.password, ip)).status).toBe(423);
    });

    it("gives invented store codes no budget of their own: one IP's store logins are limited together", async () => {
      const ip = newAddress();
      const answers: number[] = [];
      for (let i = 0; i < 32; i++) {
        answers.push(
          (await storeLogin(i % 2 ? a : b, `spray_${hex()}`, "wrong password", `CODE${hex()}`, ip)).status,
        );
      }
      expect(answers.slice(0, 30)).toEqual(Array(30).fill(401));
      expect(answers.slice(30)).toEqual([429, 429]);
    });

    it("shows a staff member's lock under their name in the admin console and lifts it by email", async () => {
      const ip = newAddress();
      const staff = await newUser("store");
      for (let i = 0; i < 10; i++)
        await storeLogin(i % 2 ? a : b, staff.username, "wrong password", "ACME", ip);
      const admin = await (await login(a, "admin", "admin123", ip)).json();
      const page = await rawRequest(b.url, "/admin/locks", { cookie: `admin_token=${admin.access_token}` });
      expect(page.status).toBe(200);
      const html = await page.text();
      if (variant.name === "PostgreSQL") {
        expect(html).toContain(`${staff.username} (${staff.email})`);
        expect(html).not.toContain(staff.id);
      } else {
        expect(html).toContain("Locks are kept in Redis here");
      }
      const unlock = await rawRequest(a.url, "/api/v1/admin/locks/unlock", {
        token: admin.access_token,
        body: { area: "store", identifier: staff.email.toUpperCase() },
        localAddress: ip,
      });
      expect(await unlock.json()).toEqual({ unlocked: true, was_locked: true });
      expect((await storeLogin(b, staff.username, staff.password, "ORION", ip)).status).toBe(200);
    });

    it("counts a shopper's wrong current passwords on the account's lock: then the change and the login answer 423", async () => {
      const ip = newAddress();
      const shopper = await newShopper();
      const session = await (await shopLogin(a, shopper.email, shopper.password, ip)).json();
      const change = (server: TestServer, current: string) =>
        rawRequest(server.url, "/api/v1/storefront/orion/account/password", {
          token: session.access_token,
          body: { current_password: current, new_password: "a brand new quiet harbour" },
          localAddress: ip,
        });
      for (let i = 0; i < 10; i++)
        expect((await change(i % 2 ? a : b, `not it ${i}`)).status, `attempt ${i + 1}`).toBe(422);
      const right = await change(a, shopper.password);
      expect(right.status).toBe(423);
      expect((await right.json()).error.code).toBe("ACCOUNT_LOCKED");
      expect((await shopLogin(b, shopper.email, shopper.password, ip)).status).toBe(423);
    });

    for (const area of ["admin", "store"] as const) {
      it(`counts wrong current passwords on the change-password form of the ${area} area: then the form and the login are locked`, async () => {
        const ip = newAddress();
        const user = await newUser(area);
        const signIn = () =>
          area === "admin"
            ? login(a, user.username, user.password, ip)
            : storeLogin(a, user.username, user.password, "ACME", ip);
        const session = await (await signIn()).json();
        const [path, cookie] =
          area === "admin"
            ? ["/admin/security", `admin_token=${session.access_token}`]
            : ["/store/acme/security", `store_token=${session.access_token}`];
        const form = (server: TestServer, current: string) =>
          submitFormAt(
            server.url,
            path,
            "Change password",
            {
              current_password: current,
              new_password: "a brand new quiet harbour",
              confirm_password: "a brand new quiet harbour",
            },
            cookie,
          );
        for (let i = 0; i < 10; i++) {
          const answer = await form(i % 2 ? a : b, `not it ${i}`);
          expect(answer.html, `attempt ${i + 1}`).toContain("That is not your current password");
        }
        const right = await form(b, user.password);
        expect(right.html).toContain("Too many failed sign-ins");
        expect(right.html).not.toContain("Password changed");
        expect((await signIn()).status).toBe(423);
      });
    }

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

    it("gives one IP 100 registrations at a store in 10 minutes: probes of a known email spend it too (S39)", async () => {
      const localAddress = newAddress();
      const register = (server: TestServer, slug: string, email: string) =>
        rawRequest(server.url, `/api/v1/storefront/${slug}/auth/register`, {
          localAddress,
          body: { first_name: "Reg", last_name: "Probe", email, password: "amber canal ferry lantern" },
        });
      // Probing whether an address has an account: the 409 of README › API for each known one.
      const statuses: number[] = [];
      for (let i = 0; i < 100; i++) {
        statuses.push((await register(i % 2 ? a : b, "orion", "customer@example.com")).status);
      }
      expect(new Set(statuses)).toEqual(new Set([409]));
      // The budget is spent, on both instances: a known and a new address alike get 429.
      for (const email of ["customer@example.com", `probe-${hex()}@example.com`]) {
        const limited = await register(a, "orion", email);
        expect(limited.status, email).toBe(429);
        expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(500);
        expect((await limited.json()).error.code).toBe("RATE_LIMITED");
      }
      expect((await register(b, "orion", `probe-${hex()}@example.com`)).status).toBe(429);
      // Another address still registers.
      const other = await rawRequest(a.url, "/api/v1/storefront/orion/auth/register", {
        localAddress: newAddress(),
        body: {
          first_name: "Reg",
          last_name: "Other",
          email: `probe-${hex()}@example.com`,
          password: "amber canal ferry lantern",
        },
      });
      expect(other.status).toBe(201);
    });
  });
}
