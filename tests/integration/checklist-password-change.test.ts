// Changing and resetting a password (checklist S32, S44), in every area: a wrong or missing
// current password changes nothing; the right one ends every other session of the account
// (their access and refresh tokens are refused, in every store for staff) while the session
// that asked goes on; a reset ends them all; the owner gets a notice in the dev outbox.
import { randomBytes } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { type LoginAnswer, get, postJson } from "../support/http";
import { submitForm } from "../support/forms";
import { testSql } from "./db";

afterAll(async () => {
  await testSql().end();
});

type Area = {
  name: string;
  /** A new account of the area; `login` opens one more session of it. */
  account: () => Promise<{
    email: string;
    password: string;
    login: (password?: string) => Promise<Response>;
  }>;
  mePath: string;
  refreshPath: string;
  page: string;
  cookie: string;
  noticeSubject: string;
  forgot: (email: string) => Promise<Response>;
  reset: (token: string, password: string) => Promise<Response>;
};

const tag = () => randomBytes(4).toString("hex");
const NEW_PASSWORD = "velvet quarry lantern ninety";

async function userLike(
  template: string,
  role: "admin" | "store",
): Promise<{ username: string; email: string; id: string }> {
  const username = `pwc_${role}_${tag()}`;
  const [row] = await testSql()`insert into users (username, email, password_hash, role)
    select ${username}, ${username} || '@orion.test', password_hash, ${role} from users where username = ${template} returning id, email`;
  return { username, email: row!.email as string, id: row!.id as string };
}

const AREAS: Area[] = [
  {
    name: "admin",
    account: async () => {
      const { username, email } = await userLike("admin", "admin");
      return {
        email,
        password: "admin123",
        login: (password = "admin123") =>
          postJson("/api/v1/admin/auth/login", { email_or_username: username, password }),
      };
    },
    mePath: "/api/v1/admin/auth/me",
    refreshPath: "/api/v1/admin/auth/refresh",
    page: "/admin/security",
    cookie: "admin_token",
    noticeSubject: "Orion: Your password was changed",
    forgot: (email) => postJson("/api/v1/admin/auth/forgot-password", { email }),
    reset: (token, password) => postJson("/api/v1/admin/auth/reset-password", { token, password }),
  },
  {
    name: "store",
    account: async () => {
      const { username, email, id } = await userLike("acme_staff", "store");
      await testSql()`insert into store_members (store_id, user_id, role) select id, ${id}, 'staff' from stores where slug in ('acme', 'orion')`;
      return {
        email,
        password: "staff123",
        login: (password = "staff123") =>
          postJson("/api/v1/store/auth/login", { email_or_username: username, password, store_code: "ACME" }),
      };
    },
    mePath: "/api/v1/store/acme/auth/me",
    refreshPath: "/api/v1/store/auth/refresh",
    page: "/store/acme/security",
    cookie: "store_token",
    noticeSubject: "Orion: Your password was changed",
    forgot: (email) => postJson("/api/v1/store/auth/forgot-password", { email, store_code: "ACME" }),
    reset: (token, password) =>
      postJson("/api/v1/store/auth/reset-password", { token, password, store_code: "ACME" }),
  },
  {
    name: "customer",
    account: async () => {
      const email = `pwc-${tag()}@example.com`;
      const password = "amber canal ferry lantern";
      const res = await postJson("/api/v1/storefront/orion/auth/register", {
        first_name: "Pat",
        last_name: "Word",
        email,
        password,
        marketing_consent: false,
      });
      expect(res.status).toBe(201);
      return {
        email,
        password,
        login: (p = password) =>
          postJson("/api/v1/storefront/orion/auth/login", { email_or_username: email, password: p }),
      };
    },
    mePath: "/api/v1/storefront/orion/auth/me",
    refreshPath: "/api/v1/storefront/orion/auth/refresh",
    page: "/storefront/orion/account/password",
    cookie: "customer_token",
    noticeSubject: "Orion Outfitters: Your password was changed",
    forgot: (email) => postJson("/api/v1/storefront/orion/auth/forgot-password", { email }),
    reset: (token, password) => postJson("/api/v1/storefront/orion/auth/reset-password", { token, password }),
  },
];

async function session(login: () => Promise<Response>): Promise<LoginAnswer> {
  const res = await login();
  expect(res.status).toBe(200);
  return (await res.json()) as LoginAnswer;
}

const me = (area: Area, token: string) => get(area.mePath, { authorization: `Bearer ${token}` });
const refresh = (area: Area, token: string) => postJson(area.refreshPath, { refresh_token: token });

async function hashOf(email: string): Promise<string> {
  const [row] = await testSql()`select password_hash from users where email = ${email}
    union all select password_hash from customers where email = ${email}`;
  return row!.password_hash as string;
}

/** The outbox messages to `to` whose subject is `subject`, waiting a little: notices go out after the answer. */
async function outbox(to: string, subject: string, expected: number): Promise<Array<{ text: string }>> {
  const deadline = Date.now() + 5000;
  for (;;) {
    const rows =
      (await testSql()`select text from outbox_messages where "to" = ${to} and subject = ${subject}`) as unknown as Array<{
        text: string;
      }>;
    if (rows.length >= expected || Date.now() > deadline) return rows;
    await new Promise((r) => setTimeout(r, 100));
  }
}

const form = (current: string | undefined, next = NEW_PASSWORD) => ({
  ...(current === undefined ? {} : { current_password: current }),
  new_password: next,
  confirm_password: next,
});

for (const area of AREAS) {
  describe(`${area.name}: changing the password on the page`, () => {
    it("refuses a wrong or missing current password and changes nothing", async () => {
      const account = await area.account();
      const here = await session(account.login);
      const other = await session(account.login);
      const before = await hashOf(account.email);
      const cookie = `${area.cookie}=${here.access_token}`;
      for (const [current, says] of [
        ["not my password at all", /That is not your current password/],
        ["", /Enter your current password/],
        // Left out of the form altogether: the form's own schema refuses it.
        [undefined, /id="field-current_password-error"/],
      ] as const) {
        const res = await submitForm(area.page, "Change password", cookie, form(current));
        expect(res.status, String(current)).toBeLessThan(500);
        // The action ran and said no (not a refusal for some other reason).
        expect(await res.text(), String(current)).toMatch(says);
      }
      expect(await hashOf(account.email)).toBe(before);
      expect((await me(area, other.access_token)).status).toBe(200);
      expect((await account.login(NEW_PASSWORD)).status).toBe(401);
      expect((await account.login()).status).toBe(200);
      expect(await outbox(account.email, area.noticeSubject, 0)).toHaveLength(0);
    });

    it("with the right one, ends every other session, keeps this one and mails a notice", async () => {
      const account = await area.account();
      const here = await session(account.login);
      const other = await session(account.login);
      const spare = await session(account.login);
      const cookie = `${area.cookie}=${here.access_token}`;
      const res = await submitForm(area.page, "Change password", cookie, form(account.password));
      expect(await res.text()).toContain("Your other sessions have been signed out");

      expect((await me(area, other.access_token)).status).toBe(401);
      expect((await refresh(area, other.refresh_token)).status).toBe(401);
      expect((await refresh(area, spare.refresh_token)).status).toBe(401);
      expect((await me(area, here.access_token)).status).toBe(200);
      expect((await refresh(area, here.refresh_token)).status).toBe(200);
      expect((await account.login()).status).toBe(401);
      expect((await account.login(NEW_PASSWORD)).status).toBe(200);
      const [notice] = await outbox(account.email, area.noticeSubject, 1);
      expect(notice?.text).toContain("The password of your account was changed.");
      expect(notice?.text).not.toContain(NEW_PASSWORD);
    });

    it("a reset by mailed link ends every session, the one that asked included", async () => {
      const account = await area.account();
      const one = await session(account.login);
      const two = await session(account.login);
      expect((await area.forgot(account.email)).status).toBe(202);
      const token = /token=([A-Za-z0-9_-]{43})/.exec(await resetMail(account.email))![1]!;
      expect((await area.reset(token, NEW_PASSWORD)).status).toBe(200);
      for (const s of [one, two]) {
        expect((await me(area, s.access_token)).status).toBe(401);
        expect((await refresh(area, s.refresh_token)).status).toBe(401);
      }
      expect((await account.login(NEW_PASSWORD)).status).toBe(200);
    });
  });
}

/** The text of the reset mail sent to `email`, once it is there. */
async function resetMail(email: string): Promise<string> {
  const deadline = Date.now() + 5000;
  for (;;) {
    const [row] =
      await testSql()`select text from outbox_messages where "to" = ${email} and kind = 'password_reset' order by id desc limit 1`;
    if (row) return row.text as string;
    if (Date.now() > deadline) throw new Error(`no reset mail to ${email}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe("store staff: one password for every store", () => {
  it("a change in ACME ends the member's ORION sessions too", async () => {
    const account = await AREAS[1]!.account();
    const acme = await session(account.login);
    const orionRes = await postJson("/api/v1/store/auth/login", {
      email_or_username: account.email,
      password: account.password,
      store_code: "ORION",
    });
    expect(orionRes.status).toBe(200);
    const orion = (await orionRes.json()) as LoginAnswer;
    await submitForm(
      "/store/acme/security",
      "Change password",
      `store_token=${acme.access_token}`,
      form(account.password),
    );
    expect(
      (await get("/api/v1/store/orion/auth/me", { authorization: `Bearer ${orion.access_token}` })).status,
    ).toBe(401);
    expect(
      (await postJson("/api/v1/store/auth/refresh", { refresh_token: orion.refresh_token })).status,
    ).toBe(401);
    expect(
      (await get("/api/v1/store/acme/auth/me", { authorization: `Bearer ${acme.access_token}` })).status,
    ).toBe(200);
  });
});

describe("customer: changing the password through the API", () => {
  const customer = AREAS[2]!;
  const change = (token: string, body: Record<string, unknown>) =>
    postJson("/api/v1/storefront/orion/account/password", body, { authorization: `Bearer ${token}` });

  it("refuses a wrong or missing current password with 422 on that field, and changes nothing", async () => {
    const account = await customer.account();
    const here = await session(account.login);
    const other = await session(account.login);
    const before = await hashOf(account.email);
    for (const body of [
      { current_password: "not my password at all", new_password: NEW_PASSWORD },
      { current_password: "", new_password: NEW_PASSWORD },
      { new_password: NEW_PASSWORD },
    ]) {
      const res = await change(here.access_token, body);
      expect(res.status, JSON.stringify(body)).toBe(422);
      expect((await res.json()).error.details.map((d: { field: string }) => d.field)).toEqual([
        "current_password",
      ]);
    }
    expect(await hashOf(account.email)).toBe(before);
    expect((await me(customer, other.access_token)).status).toBe(200);
  });

  it("with the right one, ends the other sessions and keeps this one", async () => {
    const account = await customer.account();
    const here = await session(account.login);
    const other = await session(account.login);
    const res = await change(here.access_token, {
      current_password: account.password,
      new_password: NEW_PASSWORD,
    });
    expect(res.status).toBe(200);
    expect((await me(customer, other.access_token)).status).toBe(401);
    expect((await refresh(customer, other.refresh_token)).status).toBe(401);
    expect((await me(customer, here.access_token)).status).toBe(200);
    expect(await outbox(account.email, customer.noticeSubject, 1)).toHaveLength(1);
  });
});
