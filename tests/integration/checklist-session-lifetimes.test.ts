// Session lifetimes (checklist S30, S31; README › Tokens, cookies and sessions): a session ends 12 hours after sign-in for
// admins and staff and 30 days after for shoppers, however often it is refreshed; a refresh
// token past its own expiry is refused; presenting a spent refresh token ends the whole
// session in every area. The clock moves by ageing the session's rows, never by waiting.
import { randomBytes } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { type LoginAnswer, baseUrl, get, parseSetCookies, postJson } from "../support/http";
import { decodePart } from "../support/tokens";
import { testSql } from "./db";

afterAll(async () => {
  await testSql().end();
});

type Area = {
  name: "admin" | "store" | "customer";
  hours: number;
  login: (rememberMe: boolean) => Promise<LoginAnswer>;
  refreshPath: string;
  mePath: string;
  page: string;
  cookiePrefix: string;
};

const CUSTOMER_PASSWORD = "amber canal ferry lantern";

async function newAdmin(): Promise<string> {
  const username = `life_admin_${randomBytes(4).toString("hex")}`;
  await testSql()`insert into users (username, email, password_hash, role)
    select ${username}, ${username} || '@orion.test', password_hash, 'admin' from users where username = 'admin'`;
  return username;
}

async function newCustomer(): Promise<string> {
  const email = `life-${randomBytes(4).toString("hex")}@example.com`;
  const res = await postJson("/api/v1/storefront/orion/auth/register", {
    first_name: "Lia",
    last_name: "Fetime",
    email,
    password: CUSTOMER_PASSWORD,
    marketing_consent: false,
  });
  expect(res.status).toBe(201);
  return email;
}

async function loginAt(path: string, body: Record<string, unknown>): Promise<LoginAnswer> {
  const res = await postJson(path, body);
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as LoginAnswer;
}

const AREAS: Area[] = [
  {
    name: "admin",
    hours: 12,
    login: async (remember_me) =>
      loginAt("/api/v1/admin/auth/login", {
        email_or_username: await newAdmin(),
        password: "admin123",
        remember_me,
      }),
    refreshPath: "/api/v1/admin/auth/refresh",
    mePath: "/api/v1/admin/auth/me",
    page: "/admin",
    cookiePrefix: "admin",
  },
  {
    name: "store",
    hours: 12,
    login: (remember_me) =>
      loginAt("/api/v1/store/auth/login", {
        email_or_username: "acme_staff",
        password: "staff123",
        store_code: "ACME",
        remember_me,
      }),
    refreshPath: "/api/v1/store/auth/refresh",
    mePath: "/api/v1/store/acme/auth/me",
    page: "/store/acme",
    cookiePrefix: "store",
  },
  {
    name: "customer",
    hours: 30 * 24,
    login: async (remember_me) =>
      loginAt("/api/v1/storefront/orion/auth/login", {
        email_or_username: await newCustomer(),
        password: CUSTOMER_PASSWORD,
        remember_me,
      }),
    refreshPath: "/api/v1/storefront/orion/auth/refresh",
    mePath: "/api/v1/storefront/orion/auth/me",
    page: "/storefront/orion/account",
    cookiePrefix: "customer",
  },
];

const sidOf = (token: string) => String(decodePart(token, 1).sid);

const loginPathOf = (area: Area) =>
  ({
    admin: "/api/v1/admin/auth/login",
    store: "/api/v1/store/auth/login",
    customer: "/api/v1/storefront/orion/auth/login",
  })[area.name];

/** Credentials of another person of the area than the one whose cookies are planted. */
async function loginBodyOf(area: Area): Promise<Record<string, unknown>> {
  if (area.name === "admin") return { email_or_username: await newAdmin(), password: "admin123" };
  if (area.name === "store")
    return { email_or_username: "store_owner", password: "store123", store_code: "ACME" };
  return { email_or_username: await newCustomer(), password: CUSTOMER_PASSWORD };
}

/** Moves the clock `minutes` forward for one session: every timestamp of it and of its refresh tokens goes back. */
async function age(sessionId: string, minutes: number): Promise<void> {
  const shift = `${minutes} minutes`;
  const sql = testSql();
  await sql`update sessions set created_at = created_at - ${shift}::interval, last_used_at = last_used_at - ${shift}::interval,
    expires_at = expires_at - ${shift}::interval where id = ${sessionId}`;
  await sql`update refresh_tokens set created_at = created_at - ${shift}::interval, expires_at = expires_at - ${shift}::interval,
    used_at = used_at - ${shift}::interval where session_id = ${sessionId}`;
}

async function refresh(area: Area, token: string): Promise<Response> {
  return postJson(area.refreshPath, { refresh_token: token });
}

for (const area of AREAS) {
  describe(`${area.name} sessions`, () => {
    it(`end ${area.hours} hours after sign-in however often they are refreshed (S31)`, async () => {
      const login = await area.login(true);
      const sid = sidOf(login.access_token);
      const lifetimeMs = async () => {
        const [row] = await testSql()`select s.expires_at, s.created_at, max(r.expires_at) as refresh_end
          from sessions s join refresh_tokens r on r.session_id = s.id where s.id = ${sid} group by s.id`;
        // No refresh token outlives its session.
        expect(new Date(row!.refresh_end).getTime()).toBeLessThanOrEqual(new Date(row!.expires_at).getTime());
        return new Date(row!.expires_at).getTime() - new Date(row!.created_at).getTime();
      };
      // expires_at is computed at sign-in, created_at by the database a moment later.
      const lifetime = await lifetimeMs();
      expect(Math.abs(lifetime - area.hours * 3600_000)).toBeLessThan(5000);

      // Refreshed all along, up to a minute before the end: still working, and the end never moves.
      let current = login.refresh_token;
      for (const step of [area.hours * 30, area.hours * 15, area.hours * 15 - 1]) {
        await age(sid, step);
        const res = await refresh(area, current);
        expect(res.status, `refresh after ${step} more minutes`).toBe(200);
        current = ((await res.json()) as LoginAnswer).refresh_token;
        expect(await lifetimeMs()).toBe(lifetime);
      }
      // One minute before the end, a remembered refresh cookie is kept for that minute at most.
      const last = await refresh(area, current);
      expect(last.status).toBe(200);
      const cookie = parseSetCookies(last).find((c) => c.name === `${area.cookiePrefix}_refresh`);
      expect(Number(cookie?.attrs["max-age"])).toBeLessThanOrEqual(60);
      const lastBody = (await last.json()) as LoginAnswer;
      expect((await get(area.mePath, { authorization: `Bearer ${lastBody.access_token}` })).status).toBe(200);

      // Two minutes later the session is over: the refresh token, the access token (its JWT still
      // verifies: it was issued a moment ago) and the page renewal are all refused.
      await age(sid, 2);
      expect((await refresh(area, lastBody.refresh_token)).status).toBe(401);
      expect((await get(area.mePath, { authorization: `Bearer ${lastBody.access_token}` })).status).toBe(401);
      const page = await get(area.page, { cookie: `${area.cookiePrefix}_refresh=${lastBody.refresh_token}` });
      expect(page.status).toBe(307);
      expect(page.headers.get("location")).toMatch(/\/login\?next=/);
    });

    it("refuse a refresh token past its own expiry while the session lives on", async () => {
      const login = await area.login(false);
      const sid = sidOf(login.access_token);
      await testSql()`update refresh_tokens set expires_at = now() - interval '1 second' where session_id = ${sid}`;
      expect((await refresh(area, login.refresh_token)).status).toBe(401);
      // Nothing else was ended: the access token still works.
      expect((await get(area.mePath, { authorization: `Bearer ${login.access_token}` })).status).toBe(200);
    });

    it("end entirely when a spent refresh token comes back (S30)", async () => {
      const login = await area.login(false);
      const first = await refresh(area, login.refresh_token);
      expect(first.status).toBe(200);
      const rotated = (await first.json()) as LoginAnswer;
      expect(rotated.refresh_token).not.toBe(login.refresh_token);
      expect((await refresh(area, login.refresh_token)).status).toBe(401);
      expect((await refresh(area, rotated.refresh_token)).status).toBe(401);
      for (const token of [login.access_token, rotated.access_token]) {
        expect((await get(area.mePath, { authorization: `Bearer ${token}` })).status).toBe(401);
      }
      const [row] =
        await testSql()`select revoked_reason from sessions where id = ${sidOf(login.access_token)}`;
      expect(row!.revoked_reason).toBe("refresh_token_reused");
      const [event] = await testSql()`select count(*)::int as n from auth_events
        where type = 'refresh_token_reused' and session_id = ${sidOf(login.access_token)}`;
      expect(event?.n).toBeGreaterThan(0);
    });

    it("let one of ten concurrent refreshes with one token succeed", async () => {
      const login = await area.login(false);
      const answers = await Promise.all(Array.from({ length: 10 }, () => refresh(area, login.refresh_token)));
      expect(answers.filter((r) => r.status === 200)).toHaveLength(1);
      expect(answers.filter((r) => r.status === 401)).toHaveLength(9);
    });
  });
}

describe("signing in (S33)", () => {
  it("always opens a new session of the person signing in, never adopting the cookies it was sent", async () => {
    for (const area of AREAS) {
      const planted = await area.login(false);
      const res = await fetch(baseUrl() + loginPathOf(area), {
        method: "POST",
        headers: {
          "content-type": "application/json",
          cookie: `${area.cookiePrefix}_token=${planted.access_token}; ${area.cookiePrefix}_refresh=${planted.refresh_token}`,
        },
        body: JSON.stringify(await loginBodyOf(area)),
      });
      expect(res.status, area.name).toBe(200);
      const body = (await res.json()) as LoginAnswer;
      const cookie = parseSetCookies(res).find((c) => c.name === `${area.cookiePrefix}_token`);
      expect(cookie?.value, area.name).toBe(body.access_token);
      expect(body.access_token, area.name).not.toBe(planted.access_token);
      expect(sidOf(body.access_token), area.name).not.toBe(sidOf(planted.access_token));
      expect(body.refresh_token, area.name).not.toBe(planted.refresh_token);
      expect(decodePart(body.access_token, 1).sub, area.name).toBe(body.user.id);
    }
  });
});
