// The admin API's sign-in lifecycle against the production server and real PostgreSQL.
import { afterAll, describe, expect, it } from "vitest";
import { adminLogin, baseUrl, bearer, get, parseSetCookies, postJson, storeLogin } from "../support/http";
import { testSql } from "./db";

const LOGIN = "/api/v1/admin/auth/login";
const ME = "/api/v1/admin/auth/me";

afterAll(async () => {
  await testSql().end();
});

describe("admin login", () => {
  it("logs in by username and answers with the token, the user and the admin cookie", async () => {
    const res = await postJson(LOGIN, { email_or_username: "admin", password: "admin123" });
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const body = await res.json();
    expect(body).toMatchObject({
      token_type: "Bearer",
      expires_in: 1800,
      user: { username: "admin", role: "admin" },
    });
    expect(body.access_token).toMatch(/^eyJ/);
    expect(body.refresh_token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(body.user).not.toHaveProperty("password_hash");

    const cookies = parseSetCookies(res);
    const access = cookies.find((c) => c.name === "admin_token");
    expect(access?.value).toBe(body.access_token);
    expect(access?.attrs).toMatchObject({
      path: "/admin",
      httponly: true,
      samesite: "Lax",
      "max-age": "1800",
    });
    expect(access?.attrs).not.toHaveProperty("domain");
    expect(access?.attrs).not.toHaveProperty("secure"); // Secure only when ENVIRONMENT=production
    const refresh = cookies.find((c) => c.name === "admin_refresh");
    expect(refresh?.attrs).toMatchObject({ path: "/admin", httponly: true, samesite: "Lax" });
    expect(refresh?.attrs).not.toHaveProperty("max-age"); // browser-session cookie without "remember me"
    expect(cookies.filter((c) => c.name === "admin_token")).toHaveLength(1);
  });

  it("logs in by email, ignoring case and surrounding spaces", async () => {
    const res = await postJson(LOGIN, { email_or_username: "  Admin@Orion.TEST ", password: "admin123" });
    expect(res.status).toBe(200);
    expect((await res.json()).user.email).toBe("admin@orion.test");
  });

  it("keeps the refresh cookie for 30 days at most with remember me, capped by the 12-hour admin session", async () => {
    const res = await postJson(LOGIN, {
      email_or_username: "admin",
      password: "admin123",
      remember_me: true,
    });
    const refresh = parseSetCookies(res).find((c) => c.name === "admin_refresh");
    const maxAge = Number(refresh?.attrs["max-age"]);
    expect(maxAge).toBeGreaterThan(11 * 3600);
    expect(maxAge).toBeLessThanOrEqual(12 * 3600);
  });

  it("answers a wrong password and an unknown account with the same 401 body", async () => {
    const wrong = await postJson(LOGIN, { email_or_username: "admin", password: "not-the-password" });
    const unknown = await postJson(LOGIN, { email_or_username: "nobody-here", password: "not-the-password" });
    const store = await postJson(LOGIN, { email_or_username: "store_owner", password: "store123" });
    expect([wrong.status, unknown.status, store.status]).toEqual([401, 401, 401]);
    const bodies = await Promise.all([wrong.text(), unknown.text(), store.text()]);
    expect(JSON.parse(bodies[0]!)).toEqual({
      error: { code: "INVALID_CREDENTIALS", message: "Invalid email/username or password" },
    });
    expect(bodies[1]).toBe(bodies[0]);
    expect(bodies[2]).toBe(bodies[0]);
    expect(wrong.headers.getSetCookie()).toEqual([]);
  });

  it("records failed and successful logins in auth_events, also for unknown accounts", async () => {
    const marker = `ghost-${Date.now()}`;
    await postJson(LOGIN, { email_or_username: marker, password: "whatever" });
    const { user } = await adminLogin();
    const rows = await testSql()`
      select type, area, user_id, identifier from auth_events
      where identifier = ${marker} or (user_id = ${user.id} and type = 'login_succeeded')`;
    expect(rows.some((r) => r.type === "login_failed" && r.identifier === marker && r.user_id === null)).toBe(
      true,
    );
    expect(rows.some((r) => r.type === "login_succeeded" && r.area === "admin")).toBe(true);
  });

  it("refuses a password over 72 bytes with 422 and never echoes it", async () => {
    const password = "p".repeat(100);
    const res = await postJson(LOGIN, { email_or_username: "admin", password });
    expect(res.status).toBe(422);
    const text = await res.text();
    expect(text).not.toContain(password);
    expect(JSON.parse(text).error).toMatchObject({
      code: "VALIDATION_ERROR",
      details: [{ field: "password", message: expect.stringContaining("72 bytes") }],
    });
  });

  it("counts bytes, not characters: 25 euro signs (75 bytes) are refused", async () => {
    const res = await postJson(LOGIN, { email_or_username: "admin", password: "€".repeat(25) });
    expect(res.status).toBe(422);
    const ok = await postJson(LOGIN, { email_or_username: "admin", password: "€".repeat(24) });
    expect(ok.status).toBe(401);
  });

  it("names each missing field with 422", async () => {
    const res = await postJson(LOGIN, {});
    expect(res.status).toBe(422);
    const fields = (await res.json()).error.details.map((d: { field: string }) => d.field).sort();
    expect(fields).toEqual(["email_or_username", "password"]);
  });

  it("answers malformed JSON with 400, a non-JSON body with 415 and a 70 KiB body with 413", async () => {
    const malformed = await fetch(baseUrl() + LOGIN, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: '{"email_or_username": "admin",',
    });
    expect(malformed.status).toBe(400);
    expect((await malformed.json()).error.code).toBe("BAD_REQUEST");

    const form = await fetch(baseUrl() + LOGIN, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "email_or_username=admin&password=admin123",
    });
    expect(form.status).toBe(415);

    const big = await postJson(LOGIN, {
      email_or_username: "admin",
      password: "admin123",
      pad: "x".repeat(70 * 1024),
    });
    expect(big.status).toBe(413);
    expect((await big.json()).error.code).toBe("PAYLOAD_TOO_LARGE");
  });

  it("does not accept GET on the login or logout endpoints", async () => {
    expect((await get(LOGIN)).status).toBe(405);
    const { access_token } = await adminLogin();
    expect((await get("/api/v1/admin/auth/logout", bearer(access_token))).status).toBe(405);
    expect((await get(ME, bearer(access_token))).status).toBe(200);
  });
});

describe("admin me and deactivation", () => {
  it("returns the admin for a valid Bearer token", async () => {
    const login = await adminLogin();
    const res = await get(ME, bearer(login.access_token));
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect((await res.json()).user).toMatchObject({ username: "admin", role: "admin" });
  });

  // Bearer only, the query string, logout, rotation, reuse and concurrent refreshes are the
  // same in every area: area-sessions.test.ts runs them over the rows of the area table.

  it("refuses the token of a deactivated admin at once", async () => {
    const sql = testSql();
    const [row] = await sql`insert into users (username, email, password_hash, role)
      select 'temp_admin_' || floor(random()*1e9)::text, 'temp' || floor(random()*1e9)::text || '@orion.test', password_hash, 'admin'
      from users where username = 'admin' returning id, username`;
    const login = await adminLogin(row!.username, "admin123");
    expect((await get(ME, bearer(login.access_token))).status).toBe(200);
    // Written straight into the database, not through the app: the server hears of it by
    // PostgreSQL's notice at commit, a moment later, and then refuses from its next request.
    const status = async () => (await get(ME, bearer(login.access_token))).status;
    await sql`update users set is_active = false where id = ${row!.id}`;
    await expect.poll(status, { timeout: 1000, interval: 20 }).toBe(401);
    await sql`update users set is_active = true, token_version = token_version + 1 where id = ${row!.id}`;
    expect(await status()).toBe(401);
  });
});

describe("stores created by an admin", () => {
  it("refuses a weak owner password with the reason, creates nothing, then creates the store with a strong one (S43)", async () => {
    const { access_token } = await adminLogin();
    const tag = Math.random().toString(36).slice(2, 8);
    const store = (password: string) => ({
      code: `PW${tag.toUpperCase()}`.slice(0, 12),
      slug: `pw-${tag}`,
      name: `Lamplight ${tag}`,
      owner: { username: `pw_owner_${tag}`, email: `pw-${tag}@example.com`, password },
    });
    for (const password of ["123456789012", `Lamplight ${tag}Lamplight ${tag}`, `pw_owner_${tag}1234`]) {
      const weak = await postJson("/api/v1/admin/stores", store(password), bearer(access_token));
      expect(weak.status, password).toBe(422);
      const text = await weak.text();
      expect(text).not.toContain(password);
      expect(JSON.parse(text).error.details).toEqual([
        { field: "owner.password", message: expect.stringContaining("too easy to guess") },
      ]);
    }
    expect(await testSql()`select id from stores where slug = ${`pw-${tag}`}`).toHaveLength(0);
    const created = await postJson(
      "/api/v1/admin/stores",
      store("a long admin passphrase"),
      bearer(access_token),
    );
    expect(created.status).toBe(201);
    expect(
      (await storeLogin(`PW${tag.toUpperCase()}`.slice(0, 12), `pw_owner_${tag}`, "a long admin passphrase"))
        .store_role,
    ).toBe("owner");
  });
});
