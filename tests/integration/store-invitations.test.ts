// Joining a store's team with an account that already exists is a sign-in at the inviting
// store, with the login's budget, lockout and second factor: an invitation is no way to guess
// another store's member's password, and its link tells nothing about the account.
import { randomBytes } from "node:crypto";
import { generate } from "otplib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type StoreLoginAnswer, adminLogin, bearer, get, postJson, send, storeLogin } from "../support/http";
import { testSql } from "./db";

const id = () => randomBytes(4).toString("hex");
const codeAt = (secret: string, offset = 0) =>
  generate({ secret, epoch: Math.floor(Date.now() / 1000) + offset * 30 });

let evil: { slug: string; code: string; owner: StoreLoginAnswer };

/** A member of ACME only, with acme_staff's password (staff123). */
async function acmeMember(): Promise<{ id: string; username: string; email: string }> {
  const name = `victim_${id()}`;
  const [user] = await testSql()`insert into users (username, email, password_hash, role)
    select ${name}, ${name} || '@acme.test', password_hash, 'store' from users where username = 'acme_staff'
    returning id, username, email`;
  await testSql()`insert into store_members (store_id, user_id, role)
    select s.id, ${user!.id}, 'staff' from stores s where s.slug = 'acme'`;
  return user as unknown as { id: string; username: string; email: string };
}

/** The invitation's token, sent by the owner of the other store. */
async function invite(email: string): Promise<string> {
  const res = await send("POST", `/api/v1/store/${evil.slug}/team`, evil.owner.access_token, {
    email,
    role: "staff",
  });
  expect(res.status).toBe(201);
  return new URL((await res.json()).invitation_url).searchParams.get("token")!;
}

const accept = (body: Record<string, unknown>) =>
  postJson(`/api/v1/store/${evil.slug}/invitations/accept`, body);
const acceptMfa = (body: Record<string, unknown>) =>
  postJson(`/api/v1/store/${evil.slug}/invitations/accept/mfa`, body);

async function membersOf(userId: string) {
  return testSql()`select s.slug, m.role from store_members m join stores s on s.id = m.store_id where m.user_id = ${userId}`;
}

async function unspent(email: string): Promise<boolean> {
  const rows =
    await testSql()`select used_at from one_time_tokens where purpose = 'invitation' and email = ${email}`;
  return rows.length === 1 && rows[0]!.used_at === null;
}

beforeAll(async () => {
  // An owner with a store of their own, and nobody else's store: the attacker.
  const suffix = id();
  const admin = await adminLogin();
  const owner = {
    username: `evil_${suffix}`,
    email: `evil_${suffix}@evil.test`,
    password: "quiet lantern harbour nine",
  };
  const slug = `evil-${suffix}`;
  const code = `EV${suffix.toUpperCase()}`;
  const created = await send("POST", "/api/v1/admin/stores", admin.access_token, {
    code,
    slug,
    name: "Evil Emporium",
    owner,
  });
  expect(created.status).toBe(201);
  evil = { slug, code, owner: await storeLogin(code, owner.username, owner.password) };
});

afterAll(async () => {
  await testSql().end();
});

describe("joining with an existing account", () => {
  it("refuses another store's owner guessing a member's password like a login: 401, then locked after 10", async () => {
    const victim = await acmeMember();
    const token = await invite(victim.email);
    const loginFailure = await (
      await postJson("/api/v1/store/auth/login", {
        email_or_username: `nobody-${id()}@example.com`,
        password: "guess",
        store_code: evil.code,
      })
    ).json();
    for (let i = 0; i < 10; i++) {
      const res = await accept({ token, password: `guess number ${i}` });
      expect(res.status, `guess ${i + 1}`).toBe(401);
      const body = await res.json();
      expect(body).toEqual(loginFailure);
      expect(JSON.stringify(body)).not.toContain(victim.username);
    }
    // The eleventh try is refused before the password is looked at, even the right one.
    const locked = await accept({ token, password: "staff123" });
    expect(locked.status).toBe(423);
    expect((await locked.json()).error.code).toBe("ACCOUNT_LOCKED");
    expect(await membersOf(victim.id)).toEqual([{ slug: "acme", role: "staff" }]);
    expect(await unspent(victim.email)).toBe(true);
    const events = await testSql()`select type from auth_events e join stores s on s.id = e.store_id
      where s.slug = ${evil.slug} and e.user_id = ${victim.id} and type in ('login_failed', 'account_locked')`;
    expect(events.filter((e) => e.type === "login_failed")).toHaveLength(10);
    expect(events.filter((e) => e.type === "account_locked")).toHaveLength(1);
  });

  it("answers a link to an address without an account exactly like a wrong password", async () => {
    const victim = await acmeMember();
    const wrong = await accept({ token: await invite(victim.email), password: "not the password" });
    const nobody = await accept({
      token: await invite(`nobody-${id()}@example.com`),
      password: "not the password",
    });
    expect(nobody.status).toBe(401);
    expect(await nobody.json()).toEqual(await wrong.json());
  });

  it("joins with the right password, signed in at once, and never with a new password for that address", async () => {
    const victim = await acmeMember();
    const token = await invite(victim.email);
    const takeover = await accept({
      token,
      username: `other_${id()}`,
      password: "a brand new password here",
    });
    expect(takeover.status).toBe(422);
    expect(await unspent(victim.email)).toBe(true);

    const res = await accept({ token, password: "staff123" });
    expect(res.status).toBe(201);
    const body = await res.json();
    expect(body).toMatchObject({ user: { id: victim.id }, store: { slug: evil.slug }, store_role: "staff" });
    expect((await get(`/api/v1/store/${evil.slug}/auth/me`, bearer(body.access_token))).status).toBe(200);
    expect(await membersOf(victim.id)).toEqual(expect.arrayContaining([{ slug: evil.slug, role: "staff" }]));
    expect(await unspent(victim.email)).toBe(false);
  });

  it("asks for the second factor when the account has one, and joins only once the code is right", async () => {
    const victim = await acmeMember();
    const acme = await storeLogin("ACME", victim.username, "staff123");
    const setup = await postJson(
      "/api/v1/store/acme/auth/totp/setup",
      { password: "staff123" },
      bearer(acme.access_token),
    );
    const { secret } = (await setup.json()) as { secret: string };
    const enable = await postJson(
      "/api/v1/store/acme/auth/totp/enable",
      { code: await codeAt(secret) },
      bearer(acme.access_token),
    );
    expect(enable.status).toBe(200);
    const { recovery_codes } = (await enable.json()) as { recovery_codes: string[] };
    const token = await invite(victim.email);

    const first = await accept({ token, password: "staff123" });
    expect(first.status).toBe(200);
    const pending = await first.json();
    expect(pending).toEqual({
      mfa_required: true,
      mfa_token: expect.any(String),
      mfa_methods: ["totp", "recovery_code"],
    });
    expect(first.headers.getSetCookie().join()).not.toContain("store_token=");
    expect(await membersOf(victim.id)).toHaveLength(1);
    expect(await unspent(victim.email)).toBe(true);

    const wrong = await acceptMfa({ token, mfa_token: pending.mfa_token, code: "000000" });
    expect(wrong.status).toBe(401);
    expect((await wrong.json()).error.code).toBe("INVALID_MFA_CODE");
    // The pending step of an invitation opens no session at the store's ordinary code step.
    const elsewhere = await postJson("/api/v1/store/auth/mfa", {
      mfa_token: pending.mfa_token,
      recovery_code: recovery_codes[0],
    });
    expect(elsewhere.status).toBe(401);
    expect(await membersOf(victim.id)).toHaveLength(1);

    const again = (await (await accept({ token, password: "staff123" })).json()) as { mfa_token: string };
    const joined = await acceptMfa({ token, mfa_token: again.mfa_token, code: await codeAt(secret, 1) });
    expect(joined.status).toBe(201);
    expect(await joined.json()).toMatchObject({
      user: { id: victim.id },
      store: { slug: evil.slug },
      store_role: "staff",
    });
    expect(await membersOf(victim.id)).toEqual(expect.arrayContaining([{ slug: evil.slug, role: "staff" }]));
    expect(await unspent(victim.email)).toBe(false);
  });
});

describe("the acceptance page", () => {
  /** The page with what differs by invitation taken out: the token, the address, the nonce. */
  async function page(token: string, email: string): Promise<string> {
    const res = await get(`/store/${evil.slug}/accept-invitation?token=${token}`);
    expect(res.status).toBe(200);
    const nonce = /'nonce-([^']+)'/.exec(res.headers.get("content-security-policy") ?? "")?.[1];
    expect(nonce).toBeTruthy();
    return (await res.text())
      .replaceAll(token, "TOKEN")
      .replaceAll(email, "EMAIL")
      .replaceAll(nonce!, "NONCE");
  }

  it("shows a bare link holder no username, and the same page whether or not the address has an account", async () => {
    const victim = await acmeMember();
    const existing = await page(await invite(victim.email), victim.email);
    expect(existing).not.toContain(victim.username);
    expect(existing).toContain("If you already have an Orion account");
    const newcomer = `newcomer-${id()}@example.com`;
    expect(await page(await invite(newcomer), newcomer)).toBe(existing);
  });
});
