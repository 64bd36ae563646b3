// Cookie-authenticated state changes come only from our own pages (README › Abuse controls, checklist S23,
// S25): a server action or form post whose Origin is another site, a sibling store host,
// `null` or missing changes nothing: no login, no sign-out of other sessions.
import { randomBytes } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { type LoginAnswer, baseUrl, bearer, get, postJson } from "../support/http";
import { formOf } from "../support/forms";
import { testSql } from "./db";

afterAll(async () => {
  await testSql().end();
});

const port = () => new URL(baseUrl()).port;
const FOREIGN: Array<[string, Record<string, string>]> = [
  ["another site", { origin: "https://evil.example" }],
  ["a store's subdomain", { origin: `http://acme.localhost:${port()}` }],
  ["a sandboxed frame", { origin: "null" }],
  ["the other scheme", { origin: `https://127.0.0.1:${port()}` }],
  ["another port", { origin: `http://127.0.0.1:1` }],
  ["no Origin at all", {}],
];

function post(path: string, form: FormData, headers: Record<string, string>): Promise<Response> {
  return fetch(baseUrl() + path, { method: "POST", body: form, headers, redirect: "manual" });
}

async function newAdmin(): Promise<string> {
  const username = `csrf_admin_${randomBytes(4).toString("hex")}`;
  await testSql()`insert into users (username, email, password_hash, role)
    select ${username}, ${username} || '@orion.test', password_hash, 'admin' from users where username = 'admin'`;
  return username;
}

describe("cross-origin posts with the visitor's cookies", () => {
  it("a login form posted from anywhere but our own page signs nobody in (login CSRF)", async () => {
    const username = await newAdmin();
    const credentials = { email_or_username: username, password: "admin123" };
    for (const [from, headers] of FOREIGN) {
      const form = await formOf("/admin/login", "Sign in");
      for (const [k, v] of Object.entries(credentials)) form.append(k, v);
      const res = await post("/admin/login", form, headers);
      // Refused by the request layer before any action runs: a 403 page, never Next's 500.
      expect(res.status, from).toBe(403);
      expect(
        res.headers.getSetCookie().filter((c) => c.startsWith("admin_")),
        from,
      ).toEqual([]);
      expect(res.headers.get("location") ?? "", from).not.toMatch(/^\/admin$/);
    }
    const [row] =
      await testSql()`select count(*)::int as n from sessions s join users u on u.id = s.user_id where u.username = ${username}`;
    expect(row?.n).toBe(0);

    // The same post from our own page does sign in: the refusals above were the Origin's doing.
    const form = await formOf("/admin/login", "Sign in");
    for (const [k, v] of Object.entries(credentials)) form.append(k, v);
    const ok = await post("/admin/login", form, { origin: baseUrl() });
    expect(ok.status).toBe(303);
    expect(ok.headers.getSetCookie().some((c) => c.startsWith("admin_token="))).toBe(true);
  });

  it("'sign out all other sessions' posted from elsewhere with the admin's cookie ends nothing", async () => {
    const username = await newAdmin();
    const login = async () =>
      (await (
        await postJson("/api/v1/admin/auth/login", { email_or_username: username, password: "admin123" })
      ).json()) as LoginAnswer;
    const here = await login();
    const other = await login();
    const cookie = `admin_token=${here.access_token}`;
    for (const [from, headers] of FOREIGN) {
      const form = await formOf("/admin/sessions", "Sign out all other sessions", cookie);
      expect((await post("/admin/sessions", form, { ...headers, cookie })).status, from).toBe(403);
      expect((await get("/api/v1/admin/auth/me", bearer(other.access_token))).status, from).toBe(200);
    }
    const form = await formOf("/admin/sessions", "Sign out all other sessions", cookie);
    await post("/admin/sessions", form, { origin: baseUrl(), cookie });
    expect((await get("/api/v1/admin/auth/me", bearer(other.access_token))).status).toBe(401);
    expect((await get("/api/v1/admin/auth/me", bearer(here.access_token))).status).toBe(200);
  });
});
