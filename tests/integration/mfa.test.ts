// Two-factor sign-in (README › API; README › Two-factor sign-in; checklist S32, S35, S44, S52) against the production server:
// enrolment, the login challenge, single-use codes, recovery codes, limits, the store rule.
import { randomBytes } from "node:crypto";
import { generate } from "otplib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type LoginAnswer, bearer, get, parseSetCookies, postJson, send } from "../support/http";
import { testSql } from "./db";

const PERIOD = 30;
const nowSeconds = () => Math.floor(Date.now() / 1000);
/** The app's code `offset` steps from now. */
const codeAt = (secret: string, offset = 0) => generate({ secret, epoch: nowSeconds() + offset * PERIOD });

afterAll(async () => {
  await testSql().end();
});

async function newAdmin(): Promise<{ username: string; password: string }> {
  const username = `mfa_admin_${randomBytes(4).toString("hex")}`;
  await testSql()`insert into users (username, email, password_hash, role)
    select ${username}, ${username} || '@orion.test', password_hash, 'admin' from users where username = 'admin'`;
  return { username, password: "admin123" };
}

async function login(path: string, body: Record<string, unknown>) {
  const res = await postJson(path, body);
  return { res, body: (await res.json()) as Record<string, unknown> };
}

/** Turns TOTP on through the API; returns the secret and the recovery codes. */
async function enrol(
  base: string,
  token: string,
  password: string,
): Promise<{ secret: string; codes: string[] }> {
  const setup = await postJson(`${base}/setup`, { password }, bearer(token));
  expect(setup.status).toBe(200);
  const { secret } = (await setup.json()) as { secret: string };
  const enable = await postJson(`${base}/enable`, { code: await codeAt(secret) }, bearer(token));
  expect(enable.status).toBe(200);
  const { recovery_codes } = (await enable.json()) as { recovery_codes: string[] };
  return { secret, codes: recovery_codes };
}

describe("admin two-factor", () => {
  const TOTP = "/api/v1/admin/auth/totp";
  const LOGIN = "/api/v1/admin/auth/login";
  const MFA = "/api/v1/admin/auth/mfa";
  let admin: { username: string; password: string };
  let secret = "";
  let codes: string[] = [];

  beforeAll(async () => {
    admin = await newAdmin();
  });

  it("enrols after the password and a confirming code, shows 10 recovery codes once, and ends other sessions", async () => {
    const first = (await login(LOGIN, { email_or_username: admin.username, password: admin.password }))
      .body as LoginAnswer;
    const other = (await login(LOGIN, { email_or_username: admin.username, password: admin.password }))
      .body as LoginAnswer;

    const wrongPassword = await postJson(`${TOTP}/setup`, { password: "not it" }, bearer(first.access_token));
    expect(wrongPassword.status).toBe(422);
    expect((await wrongPassword.json()).error.details).toEqual([
      { field: "password", message: "That is not your password" },
    ]);

    const setup = await postJson(`${TOTP}/setup`, { password: admin.password }, bearer(first.access_token));
    expect(setup.status).toBe(200);
    const body = (await setup.json()) as { secret: string; otpauth_uri: string };
    secret = body.secret;
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    const uri = new URL(body.otpauth_uri);
    expect(uri.protocol).toBe("otpauth:");
    expect(uri.searchParams.get("secret")).toBe(secret);
    expect(uri.searchParams.get("issuer")).toBe("Orion");
    expect(decodeURIComponent(uri.pathname)).toContain(admin.username);
    expect((await (await get(TOTP, bearer(first.access_token))).json()).enabled).toBe(false);

    const wrong = await postJson(`${TOTP}/enable`, { code: "000000" }, bearer(first.access_token));
    expect(wrong.status).toBe(401);
    expect((await wrong.json()).error.code).toBe("INVALID_MFA_CODE");

    const enable = await postJson(
      `${TOTP}/enable`,
      { code: await codeAt(secret) },
      bearer(first.access_token),
    );
    expect(enable.status).toBe(200);
    codes = ((await enable.json()) as { recovery_codes: string[] }).recovery_codes;
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(/^[A-Z2-7]{4}(-[A-Z2-7]{4}){3}$/);

    // The factor change ended the other session; this one goes on.
    expect((await get("/api/v1/admin/auth/me", bearer(other.access_token))).status).toBe(401);
    expect((await get("/api/v1/admin/auth/me", bearer(first.access_token))).status).toBe(200);
    const status = await (await get(TOTP, bearer(first.access_token))).json();
    expect(status).toMatchObject({ enabled: true, recovery_codes_left: 10 });

    // At rest: the secret encrypted, the recovery codes hashed.
    const sql = testSql();
    const [factor] =
      await sql`select f.secret_encrypted from totp_factors f join users u on u.id = f.user_id where u.username = ${admin.username}`;
    expect(factor!.secret_encrypted).not.toContain(secret);
    const stored =
      await sql`select r.code_hash from recovery_codes r join users u on u.id = r.user_id where u.username = ${admin.username}`;
    expect(stored).toHaveLength(10);
    for (const row of stored) expect(codes.map((c) => c.replace(/-/g, ""))).not.toContain(row.code_hash);
    const [event] = await sql`select count(*)::int as n from auth_events e join users u on u.id = e.user_id
      where u.username = ${admin.username} and e.type = 'mfa_enabled'`;
    expect(event!.n).toBe(1);
  });

  it("answers the password step with a challenge only: no token, no cookie, useless as a Bearer", async () => {
    const { res, body } = await login(LOGIN, { email_or_username: admin.username, password: admin.password });
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(body).toMatchObject({ mfa_required: true, mfa_methods: ["totp", "recovery_code"] });
    expect(body).not.toHaveProperty("access_token");
    expect(body).not.toHaveProperty("refresh_token");
    expect(parseSetCookies(res)).toEqual([]);
    const challenge = String(body.mfa_token);
    expect(challenge).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect((await get("/api/v1/admin/auth/me", bearer(challenge))).status).toBe(401);
    expect(
      (await postJson(`${TOTP}/disable`, { password: admin.password, code: "123456" }, bearer(challenge)))
        .status,
    ).toBe(401);
  });

  it("completes with the next code once; the same code and the same challenge never work twice", async () => {
    const first = await login(LOGIN, { email_or_username: admin.username, password: admin.password });
    // Enrolment spent the current step: the next one (within one step of drift) is fresh.
    const code = await codeAt(secret, 1);
    const done = await postJson(MFA, { mfa_token: first.body.mfa_token, code });
    expect(done.status).toBe(200);
    const tokens = (await done.json()) as LoginAnswer;
    expect(tokens.user.username).toBe(admin.username);
    expect(parseSetCookies(done).find((c) => c.name === "admin_token")?.value).toBe(tokens.access_token);
    expect((await get("/api/v1/admin/auth/me", bearer(tokens.access_token))).status).toBe(200);

    const again = await postJson(MFA, { mfa_token: first.body.mfa_token, code });
    expect(again.status).toBe(401);
    expect((await again.json()).error.code).toBe("MFA_CHALLENGE_INVALID");

    const second = await login(LOGIN, { email_or_username: admin.username, password: admin.password });
    const replay = await postJson(MFA, { mfa_token: second.body.mfa_token, code });
    expect(replay.status).toBe(401);
    expect((await replay.json()).error.code).toBe("INVALID_MFA_CODE");
    const stale = await postJson(MFA, { mfa_token: second.body.mfa_token, code: await codeAt(secret, -2) });
    expect((await stale.json()).error.code).toBe("INVALID_MFA_CODE");
    const early = await postJson(MFA, { mfa_token: second.body.mfa_token, code: await codeAt(secret, 3) });
    expect((await early.json()).error.code).toBe("INVALID_MFA_CODE");
  });

  it("accepts each recovery code once, in any case and spacing", async () => {
    const first = await login(LOGIN, { email_or_username: admin.username, password: admin.password });
    const typed = codes[0]!.toLowerCase().replace(/-/g, " ");
    const done = await postJson(MFA, { mfa_token: first.body.mfa_token, recovery_code: typed });
    expect(done.status).toBe(200);
    const tokens = (await done.json()) as LoginAnswer;
    expect((await (await get(TOTP, bearer(tokens.access_token))).json()).recovery_codes_left).toBe(9);

    const second = await login(LOGIN, { email_or_username: admin.username, password: admin.password });
    const reused = await postJson(MFA, { mfa_token: second.body.mfa_token, recovery_code: codes[0] });
    expect(reused.status).toBe(401);
    expect((await reused.json()).error.code).toBe("INVALID_MFA_CODE");
    const [event] =
      await testSql()`select count(*)::int as n from auth_events e join users u on u.id = e.user_id
      where u.username = ${admin.username} and e.type = 'recovery_code_used'`;
    expect(event!.n).toBe(1);
  });

  it("validates the body: exactly one of code and recovery_code, in their shapes", async () => {
    const { body } = await login(LOGIN, { email_or_username: admin.username, password: admin.password });
    const both = await postJson(MFA, { mfa_token: body.mfa_token, code: "123456", recovery_code: codes[1] });
    expect(both.status).toBe(422);
    const neither = await postJson(MFA, { mfa_token: body.mfa_token });
    expect(neither.status).toBe(422);
    const letters = await postJson(MFA, { mfa_token: body.mfa_token, code: "12a456" });
    expect(letters.status).toBe(422);
    expect(JSON.stringify(await letters.json())).not.toContain("12a456");
  });

  it("refuses a challenge after five tries, at another area, and once expired", async () => {
    // The wrong codes of the tests above count towards the lockout: start from zero.
    await unlock(admin.username);
    const { body } = await login(LOGIN, { email_or_username: admin.username, password: admin.password });
    for (let i = 0; i < 5; i++) {
      const res = await postJson(MFA, { mfa_token: body.mfa_token, code: String(100000 + i) });
      expect((await res.json()).error.code).toBe("INVALID_MFA_CODE");
    }
    const sixth = await postJson(MFA, { mfa_token: body.mfa_token, code: await codeAt(secret, 1) });
    expect((await sixth.json()).error.code).toBe("MFA_CHALLENGE_INVALID");

    const fresh = await login(LOGIN, { email_or_username: admin.username, password: admin.password });
    const atStore = await postJson("/api/v1/store/auth/mfa", {
      mfa_token: fresh.body.mfa_token,
      code: await codeAt(secret, 1),
    });
    expect((await atStore.json()).error.code).toBe("MFA_CHALLENGE_INVALID");
    await testSql()`update mfa_challenges set expires_at = now() - interval '1 second'
      where user_id = (select id from users where username = ${admin.username}) and used_at is null`;
    const expired = await postJson(MFA, { mfa_token: fresh.body.mfa_token, code: await codeAt(secret, 1) });
    expect((await expired.json()).error.code).toBe("MFA_CHALLENGE_INVALID");
    await unlock(admin.username);
  });

  it("turns off only with the password and a valid code, and ends the other sessions", async () => {
    const one = await login(LOGIN, { email_or_username: admin.username, password: admin.password });
    const session = (await (
      await postJson(MFA, { mfa_token: one.body.mfa_token, recovery_code: codes[2] })
    ).json()) as LoginAnswer;
    const two = await login(LOGIN, { email_or_username: admin.username, password: admin.password });
    const other = (await (
      await postJson(MFA, { mfa_token: two.body.mfa_token, recovery_code: codes[3] })
    ).json()) as LoginAnswer;

    const wrongCode = await postJson(
      `${TOTP}/disable`,
      { password: admin.password, code: "000000" },
      bearer(session.access_token),
    );
    expect(wrongCode.status).toBe(401);
    const wrongPassword = await postJson(
      `${TOTP}/disable`,
      { password: "nope", recovery_code: codes[4] },
      bearer(session.access_token),
    );
    expect(wrongPassword.status).toBe(422);
    const off = await postJson(
      `${TOTP}/disable`,
      { password: admin.password, recovery_code: codes[4] },
      bearer(session.access_token),
    );
    expect(off.status).toBe(200);
    expect((await get("/api/v1/admin/auth/me", bearer(other.access_token))).status).toBe(401);

    const plain = await login(LOGIN, { email_or_username: admin.username, password: admin.password });
    expect(plain.body).toHaveProperty("access_token");
    expect(plain.body).not.toHaveProperty("mfa_required");
  });
});

/** Clears an admin identifier's failure count, as an admin would from the console. */
async function unlock(identifier: string): Promise<void> {
  const admin = (
    await login("/api/v1/admin/auth/login", { email_or_username: "admin", password: "admin123" })
  ).body as LoginAnswer;
  const res = await send("POST", "/api/v1/admin/locks/unlock", admin.access_token, {
    area: "admin",
    identifier,
  });
  expect(res.status).toBe(200);
}

describe("lockout through wrong codes", () => {
  it("locks the identifier after ten failures, wrong passwords and wrong codes together", async () => {
    const admin = await newAdmin();
    const first = (
      await login("/api/v1/admin/auth/login", { email_or_username: admin.username, password: admin.password })
    ).body as LoginAnswer;
    await enrol("/api/v1/admin/auth/totp", first.access_token, admin.password);
    for (let i = 0; i < 5; i++) {
      const res = await postJson("/api/v1/admin/auth/login", {
        email_or_username: admin.username,
        password: "wrong password",
      });
      expect(res.status).toBe(401);
    }
    const { body } = await login("/api/v1/admin/auth/login", {
      email_or_username: admin.username,
      password: admin.password,
    });
    for (let i = 0; i < 5; i++) {
      const res = await postJson("/api/v1/admin/auth/mfa", {
        mfa_token: body.mfa_token,
        code: String(200000 + i),
      });
      expect(res.status).toBe(401);
    }
    const locked = await postJson("/api/v1/admin/auth/login", {
      email_or_username: admin.username,
      password: admin.password,
    });
    expect(locked.status).toBe(423);
    expect((await locked.json()).error.code).toBe("ACCOUNT_LOCKED");
  });
});

describe("store two-factor rule", () => {
  let slug = "";
  let owner = { username: "", token: "" };
  let staff = { username: "", token: "" };

  beforeAll(async () => {
    const sql = testSql();
    const id = randomBytes(3).toString("hex");
    slug = `mfa-${id}`;
    const [store] = await sql`insert into stores (code, slug, name, theme)
      select ${"MFA" + id.toUpperCase()}, ${slug}, 'Two-factor shop', theme from stores where slug = 'acme' returning id, code`;
    for (const [role, name] of [
      ["owner", `mfa_owner_${id}`],
      ["staff", `mfa_staff_${id}`],
    ] as const) {
      await sql`insert into users (username, email, password_hash, role)
        select ${name}, ${name} || '@shop.test', password_hash, 'store' from users where username = 'acme_staff'`;
      await sql`insert into store_members (store_id, user_id, role) select ${store!.id}, id, ${role} from users where username = ${name}`;
    }
    const signIn = async (username: string) =>
      (
        (
          await login("/api/v1/store/auth/login", {
            email_or_username: username,
            password: "staff123",
            store_code: store!.code,
          })
        ).body as LoginAnswer
      ).access_token;
    owner = { username: `mfa_owner_${id}`, token: await signIn(`mfa_owner_${id}`) };
    staff = { username: `mfa_staff_${id}`, token: await signIn(`mfa_staff_${id}`) };
  });

  it("lets only an owner with two-factor on require it, and sends members without it to set it up", async () => {
    const policy = `/api/v1/store/${slug}/team/mfa-policy`;
    const byStaff = await send("PUT", policy, staff.token, { require_staff_mfa: true });
    expect(byStaff.status).toBe(403);
    const withoutOwn = await send("PUT", policy, owner.token, { require_staff_mfa: true });
    expect(withoutOwn.status).toBe(409);

    const { secret } = await enrol(`/api/v1/store/${slug}/auth/totp`, owner.token, "staff123");
    const on = await send("PUT", policy, owner.token, { require_staff_mfa: true });
    expect(on.status).toBe(200);
    expect((await (await send("GET", policy, owner.token)).json()).require_staff_mfa).toBe(true);

    // The member without a second factor: only setting it up (and me, logout) is open.
    const products = await send("GET", `/api/v1/store/${slug}/products`, staff.token);
    expect(products.status).toBe(403);
    expect((await products.json()).error.code).toBe("MFA_ENROLLMENT_REQUIRED");
    expect((await send("GET", policy, staff.token)).status).toBe(403);
    const me = await send("GET", `/api/v1/store/${slug}/auth/me`, staff.token);
    expect((await me.json()).mfa_setup_required).toBe(true);
    const page = await get(`/store/${slug}/products`, { cookie: `store_token=${staff.token}` });
    expect(page.status).toBe(307);
    expect(page.headers.get("location")).toBe(`/store/${slug}/security?mfa=required`);
    const security = await get(`/store/${slug}/security`, { cookie: `store_token=${staff.token}` });
    expect(security.status).toBe(200);
    expect(await security.text()).toContain("requires two-factor sign-in");

    await enrol(`/api/v1/store/${slug}/auth/totp`, staff.token, "staff123");
    expect((await send("GET", `/api/v1/store/${slug}/products`, staff.token)).status).toBe(200);
    const team = await (await send("GET", `/api/v1/store/${slug}/team`, owner.token)).json();
    expect(team.members.every((m: { two_factor: boolean }) => m.two_factor)).toBe(true);

    // The owner's own login now asks for the code; the challenge belongs to this store.
    const [store] = await testSql()`select code from stores where slug = ${slug}`;
    const step = await login("/api/v1/store/auth/login", {
      email_or_username: owner.username,
      password: "staff123",
      store_code: store!.code,
    });
    expect(step.body.mfa_required).toBe(true);
    const done = await postJson("/api/v1/store/auth/mfa", {
      mfa_token: step.body.mfa_token,
      code: await codeAt(secret, 1),
    });
    expect(done.status).toBe(200);
    expect((await done.json()).store.slug).toBe(slug);
  });
});

describe("shopper two-factor", () => {
  it("is optional for customers, bound to their store, and completes through the storefront API", async () => {
    const email = `mfa-${randomBytes(4).toString("hex")}@example.com`;
    const password = "pale green orchard lantern";
    const register = await postJson("/api/v1/storefront/acme/auth/register", {
      first_name: "Ada",
      last_name: "Two",
      email,
      password,
      marketing_consent: false,
    });
    expect(register.status).toBe(201);
    const first = (await login("/api/v1/storefront/acme/auth/login", { email_or_username: email, password }))
      .body as LoginAnswer;
    expect(first.access_token).toBeTruthy();
    const base = "/api/v1/storefront/acme/account/totp";
    expect((await (await get(base, bearer(first.access_token))).json()).enabled).toBe(false);
    const { secret } = await enrol(base, first.access_token, password);
    const setup = await postJson(`${base}/setup`, { password }, bearer(first.access_token));
    expect(setup.status).toBe(409);

    const step = await login("/api/v1/storefront/acme/auth/login", { email_or_username: email, password });
    expect(step.body.mfa_required).toBe(true);
    const elsewhere = await postJson("/api/v1/storefront/orion/auth/mfa", {
      mfa_token: step.body.mfa_token,
      code: await codeAt(secret, 1),
    });
    expect((await elsewhere.json()).error.code).toBe("MFA_CHALLENGE_INVALID");
    const done = await postJson("/api/v1/storefront/acme/auth/mfa", {
      mfa_token: step.body.mfa_token,
      code: await codeAt(secret, 1),
    });
    expect(done.status).toBe(200);
    const tokens = (await done.json()) as LoginAnswer & { customer: { email: string } };
    expect(tokens.customer.email).toBe(email);
    const cookie = parseSetCookies(done).find((c) => c.name === "customer_token");
    expect(cookie?.attrs.path).toBe("/storefront/acme");
  });
});
