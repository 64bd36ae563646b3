// A reset link mailed before a change of the account's credentials or standing no longer
// works after it (checklist S55): a password changed in every area, two-factor turned on,
// an account deactivated. Mail goes to the dev outbox of the test server.
import { randomBytes } from "node:crypto";
import { generate } from "otplib";
import { afterAll, describe, expect, it } from "vitest";
import { submitFormAt } from "../support/forms";
import { adminLogin, baseUrl, bearer, postJson, send, storeLogin } from "../support/http";
import { testSql } from "./db";

afterAll(async () => {
  await testSql().end();
});

const hex = () => randomBytes(4).toString("hex");
const NEW_PASSWORD = "a brand new quiet harbour";
const LATER_PASSWORD = "yet another amber lantern";

/** The token of the newest reset link mailed to `email`. */
async function resetToken(email: string): Promise<string> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const [mail] =
      await testSql()`select text from outbox_messages where "to" = ${email} and text like '%reset-password?token=%' order by id desc limit 1`;
    const token = mail ? /reset-password\?token=([A-Za-z0-9_-]+)/.exec(mail.text as string)?.[1] : undefined;
    if (token) return token;
    if (Date.now() > deadline) throw new Error(`no reset mail to ${email}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function newUser(role: "admin" | "store") {
  const username = `reset_${role}_${hex()}`;
  const email = `${username}@orion.test`;
  const [row] = await testSql()`insert into users (username, email, password_hash, role)
    select ${username}, ${email}, password_hash, ${role} from users where username = ${role === "admin" ? "admin" : "acme_staff"} returning id`;
  if (role === "store")
    await testSql()`insert into store_members (store_id, user_id, role) select id, ${row!.id}, 'staff' from stores where slug = 'acme'`;
  return { id: row!.id as string, username, email, password: role === "admin" ? "admin123" : "staff123" };
}

async function newShopper() {
  const email = `reset-${hex()}@example.com`;
  const res = await postJson("/api/v1/storefront/orion/auth/register", {
    first_name: "Rhea",
    last_name: "Reset",
    email,
    password: "first maple orbit candle",
    marketing_consent: false,
  });
  expect(res.status).toBe(201);
  const login = await postJson("/api/v1/storefront/orion/auth/login", {
    email_or_username: email,
    password: "first maple orbit candle",
  });
  const body = (await login.json()) as { access_token: string; customer: { id: string } };
  return { email, password: "first maple orbit candle", token: body.access_token };
}

const resetAdmin = (token: string) =>
  postJson("/api/v1/admin/auth/reset-password", { token, password: LATER_PASSWORD });
const resetStaff = (token: string) =>
  postJson("/api/v1/store/auth/reset-password", { token, password: LATER_PASSWORD, store_code: "ACME" });
const resetShopper = (token: string) =>
  postJson("/api/v1/storefront/orion/auth/reset-password", { token, password: LATER_PASSWORD });

describe("a password change spends the reset links mailed before it", () => {
  it("refuses an admin's old link after the admin changed the password on the security page", async () => {
    const admin = await newUser("admin");
    expect((await postJson("/api/v1/admin/auth/forgot-password", { email: admin.email })).status).toBe(202);
    const token = await resetToken(admin.email);
    const session = await adminLogin(admin.username, admin.password);
    const changed = await submitFormAt(
      baseUrl(),
      "/admin/security",
      "Change password",
      { current_password: admin.password, new_password: NEW_PASSWORD, confirm_password: NEW_PASSWORD },
      `admin_token=${session.access_token}`,
    );
    expect(changed.html).toContain("Password changed");
    const refused = await resetAdmin(token);
    expect(refused.status).toBe(400);
    expect((await adminLogin(admin.username, NEW_PASSWORD)).access_token).toBeTruthy();
  });

  it("refuses a staff member's old link after the password was changed in the dashboard", async () => {
    const staff = await newUser("store");
    expect(
      (await postJson("/api/v1/store/auth/forgot-password", { email: staff.email, store_code: "ACME" }))
        .status,
    ).toBe(202);
    const token = await resetToken(staff.email);
    const session = await storeLogin("ACME", staff.username, staff.password);
    const changed = await submitFormAt(
      baseUrl(),
      "/store/acme/security",
      "Change password",
      { current_password: staff.password, new_password: NEW_PASSWORD, confirm_password: NEW_PASSWORD },
      `store_token=${session.access_token}`,
    );
    expect(changed.html).toContain("Password changed");
    expect((await resetStaff(token)).status).toBe(400);
  });

  it("refuses a shopper's old link after the password was changed through the API", async () => {
    const shopper = await newShopper();
    expect(
      (await postJson("/api/v1/storefront/orion/auth/forgot-password", { email: shopper.email })).status,
    ).toBe(202);
    const token = await resetToken(shopper.email);
    const changed = await send("POST", "/api/v1/storefront/orion/account/password", shopper.token, {
      current_password: shopper.password,
      new_password: NEW_PASSWORD,
    });
    expect(changed.status).toBe(200);
    expect((await resetShopper(token)).status).toBe(400);
    const [row] =
      await testSql()`select count(*)::int as n from one_time_tokens where email = ${shopper.email} and purpose = 'password_reset' and used_at is null`;
    expect(row!.n).toBe(0);
  });
});

describe("a change of two-factor or standing spends them too", () => {
  it("refuses a shopper's old link once two-factor sign-in is on", async () => {
    const shopper = await newShopper();
    await postJson("/api/v1/storefront/orion/auth/forgot-password", { email: shopper.email });
    const token = await resetToken(shopper.email);
    const base = "/api/v1/storefront/orion/account/totp";
    const setup = await postJson(`${base}/setup`, { password: shopper.password }, bearer(shopper.token));
    expect(setup.status).toBe(200);
    const { secret } = (await setup.json()) as { secret: string };
    const enable = await postJson(
      `${base}/enable`,
      { code: await generate({ secret }) },
      bearer(shopper.token),
    );
    expect(enable.status).toBe(200);
    expect((await resetShopper(token)).status).toBe(400);
  });

  it("refuses a staff member's old link after an admin deactivated and reactivated the account", async () => {
    const staff = await newUser("store");
    await postJson("/api/v1/store/auth/forgot-password", { email: staff.email, store_code: "ACME" });
    const token = await resetToken(staff.email);
    const admin = await adminLogin();
    expect(
      (await send("POST", `/api/v1/admin/users/${staff.id}/deactivate`, admin.access_token)).status,
    ).toBe(200);
    expect(
      (await send("POST", `/api/v1/admin/users/${staff.id}/reactivate`, admin.access_token)).status,
    ).toBe(200);
    expect((await resetStaff(token)).status).toBe(400);
    expect((await storeLogin("ACME", staff.username, staff.password)).access_token).toBeTruthy();
  });

  it("refuses a shopper's old link after the store deactivated the customer", async () => {
    const shopper = await newShopper();
    await postJson("/api/v1/storefront/orion/auth/forgot-password", { email: shopper.email });
    const token = await resetToken(shopper.email);
    const owner = await storeLogin("ORION", "store_owner", "store123");
    const [customer] =
      await testSql()`select c.id from customers c join stores s on s.id = c.store_id where s.slug = 'orion' and c.email = ${shopper.email}`;
    expect(
      (await send("POST", `/api/v1/store/orion/customers/${customer!.id}/deactivate`, owner.access_token))
        .status,
    ).toBe(200);
    expect((await resetShopper(token)).status).toBe(400);
  });
});
