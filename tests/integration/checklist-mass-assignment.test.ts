// Mass assignment (checklist S66): registration, the shopper's profile, a store's settings,
// team invitations and role changes, and the admin's store endpoints take only the fields
// they list. Privileged fields sent alongside, in snake_case and camelCase, are ignored (or
// refused with 422 where nothing listed is left), and the rows show it.
import { randomUUID } from "node:crypto";
import bcrypt from "bcryptjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adminLogin, baseUrl, rawRequest, send, storeLogin } from "../support/http";
import { decodePart } from "../support/tokens";
import { testSql } from "./db";

const call = (path: string, options: Parameters<typeof rawRequest>[2] = {}) =>
  rawRequest(baseUrl(), path, options);
const PASSWORD = "velvet orchard compass tide";
const OTHER_PASSWORD = "granite meadow pilot ember";

let orionId: string;
let acmeId: string;
let planted: Record<string, unknown>;

beforeAll(async () => {
  const sql = testSql();
  const rows = await sql`select id, code from stores where code in ('ORION', 'ACME')`;
  orionId = rows.find((r) => r.code === "ORION")!.id;
  acmeId = rows.find((r) => r.code === "ACME")!.id;
  const hash = await bcrypt.hash(OTHER_PASSWORD, 4);
  // Everything a client might hope to set on an account, in both spellings.
  planted = {
    id: randomUUID(),
    type: "admin",
    role: "owner",
    store_id: acmeId,
    storeId: acmeId,
    email_verified: true,
    emailVerified: true,
    email_verified_at: "2020-01-01T00:00:00Z",
    emailVerifiedAt: "2020-01-01T00:00:00Z",
    is_admin: true,
    isAdmin: true,
    is_active: false,
    isActive: false,
    totp_enabled: false,
    totpEnabled: false,
    password_hash: hash,
    passwordHash: hash,
    customer_number: "ORION-999999",
    customerNumber: "ORION-999999",
    token_version: 99,
    tokenVersion: 99,
    total_orders: 50,
    totalOrders: 50,
  };
});

afterAll(async () => {
  await testSql().end();
});

async function customerRow(id: string) {
  const [row] = await testSql()`select * from customers where id = ${id}`;
  return row!;
}

describe("shopper registration with privileged fields", () => {
  it("creates a plain, unverified shopper of the store it was sent to, with the password typed", async () => {
    const email = `mass-${randomUUID()}@example.com`;
    const reg = await call("/api/v1/storefront/orion/auth/register", {
      body: {
        ...planted,
        first_name: "Mona",
        last_name: "Lisa",
        email,
        password: PASSWORD,
        marketing_consent: false,
      },
    });
    expect(reg.status).toBe(201);
    const { customer } = (await reg.json()) as { customer: Record<string, unknown> };
    expect(customer).toMatchObject({ email_verified: false, is_active: true, total_orders: 0 });
    expect(customer.id).not.toBe(planted.id);
    expect(customer.customer_number).not.toBe("ORION-999999");

    const row = await customerRow(String(customer.id));
    expect(row).toMatchObject({
      store_id: orionId,
      email_verified_at: null,
      is_active: true,
      token_version: 0,
    });
    expect(row.password_hash).not.toBe(planted.password_hash);
    expect(await bcrypt.compare(PASSWORD, row.password_hash)).toBe(true);
    // No account of that email appeared anywhere else: not at ACME, not among users.
    expect(
      await testSql()`select id from customers where lower(email) = ${email} and store_id <> ${orionId}`,
    ).toEqual([]);
    expect(await testSql()`select id from users where lower(email) = ${email}`).toEqual([]);

    // The password the planted hash belongs to does not sign in; the typed one does.
    const wrong = await call("/api/v1/storefront/orion/auth/login", {
      body: { email_or_username: email, password: OTHER_PASSWORD },
    });
    expect(wrong.status).toBe(401);
    const login = await call("/api/v1/storefront/orion/auth/login", {
      body: { email_or_username: email, password: PASSWORD },
    });
    expect(login.status).toBe(200);
    const { access_token: token } = (await login.json()) as { access_token: string };
    const claims = decodePart(token, 1);
    expect(claims).toMatchObject({ sub: customer.id, type: "customer", store_id: orionId });
    expect(claims).not.toHaveProperty("role");
    expect(claims).not.toHaveProperty("is_admin");

    const me = await call("/api/v1/storefront/orion/auth/me", { token });
    expect(((await me.json()) as { customer: unknown }).customer).toMatchObject({ email_verified: false });
    expect((await send("GET", "/api/v1/admin/auth/me", token)).status).toBe(403);
    expect((await send("GET", "/api/v1/store/acme/products", token)).status).toBe(403);
    expect((await call("/api/v1/storefront/acme/auth/me", { token })).status).toBe(403);
  });
});

describe("shopper profile changes with privileged fields", () => {
  it("refuses a change of only unlisted fields with 422 and applies only the listed ones otherwise", async () => {
    const email = `mass-${randomUUID()}@example.com`;
    const reg = await call("/api/v1/storefront/orion/auth/register", {
      body: { first_name: "Pat", last_name: "Ch", email, password: PASSWORD, marketing_consent: false },
    });
    const id = String(((await reg.json()) as { customer: { id: string } }).customer.id);
    const login = await call("/api/v1/storefront/orion/auth/login", {
      body: { email_or_username: email, password: PASSWORD },
    });
    const { access_token: token } = (await login.json()) as { access_token: string };
    const before = await customerRow(id);

    const only = await call("/api/v1/storefront/orion/account", {
      method: "PATCH",
      token,
      body: { ...planted, email: "new@example.com" },
    });
    expect(only.status).toBe(422);
    expect(await customerRow(id)).toEqual(before);

    const mixed = await call("/api/v1/storefront/orion/account", {
      method: "PATCH",
      token,
      body: { ...planted, email: "new@example.com", first_name: "Patricia" },
    });
    expect(mixed.status).toBe(200);
    const after = await customerRow(id);
    expect(after.first_name).toBe("Patricia");
    const unchanged = (row: Record<string, unknown>) => ({ ...row, first_name: null, updated_at: null });
    expect(unchanged(after)).toEqual(unchanged(before));
    // Still the same session: the token version was not moved by the body.
    expect((await call("/api/v1/storefront/orion/auth/me", { token })).status).toBe(200);
  });
});

describe("store and team endpoints with privileged fields", () => {
  it("changes only the name and theme of a store's settings", async () => {
    const owner = await storeLogin("ACME", "store_owner", "store123");
    const [before] = await testSql()`select * from stores where id = ${acmeId}`;
    const res = await send("PATCH", "/api/v1/store/acme/settings", owner.access_token, {
      ...planted,
      name: before!.name,
      slug: "orion",
      code: "ORION",
      status: "suspended",
      last_customer_number: 0,
      lastCustomerNumber: 0,
      owner_id: randomUUID(),
    });
    expect(res.status).toBe(200);
    const [after] = await testSql()`select * from stores where id = ${acmeId}`;
    expect({ ...after, updated_at: null }).toEqual({ ...before, updated_at: null });
  });

  it("refuses a role outside owner, manager and staff when inviting or changing a role, and stores nothing", async () => {
    const owner = await storeLogin("ACME", "store_owner", "store123");
    const email = `mass-invite-${randomUUID()}@example.com`;
    for (const role of ["admin", "superadmin", "OWNER", "owner ", ["owner"], { role: "owner" }, null]) {
      const res = await send("POST", "/api/v1/store/acme/team", owner.access_token, { email, role });
      expect(res.status, JSON.stringify(role)).toBe(422);
      const fields = (
        (await res.json()) as { error: { details: Array<{ field: string }> } }
      ).error.details.map((d) => d.field);
      expect(fields).toEqual(["role"]);
    }
    expect(
      await testSql()`select token_hash from one_time_tokens where purpose = 'invitation' and lower(email) = ${email}`,
    ).toEqual([]);

    // Extra fields beside a valid role are dropped: the invitation is for staff of ACME.
    const ok = await send("POST", "/api/v1/store/acme/team", owner.access_token, {
      ...planted,
      email,
      role: "staff",
      store_id: orionId,
      storeId: orionId,
    });
    expect(ok.status).toBe(201);
    const [invitation] = await testSql()`select store_id, data from one_time_tokens
      where purpose = 'invitation' and lower(email) = ${email}`;
    expect(invitation!.store_id).toBe(acmeId);
    expect(invitation!.data).toMatchObject({ role: "staff" });

    const [staff] = await testSql()`select m.user_id from store_members m join users u on u.id = m.user_id
      where m.store_id = ${acmeId} and u.username = 'acme_staff'`;
    const change = await send("PATCH", `/api/v1/store/acme/team/${staff!.user_id}`, owner.access_token, {
      role: "admin",
    });
    expect(change.status).toBe(422);
    const [member] =
      await testSql()`select role from store_members where store_id = ${acmeId} and user_id = ${staff!.user_id}`;
    expect(member!.role).toBe("staff");
    const [user] = await testSql()`select role from users where id = ${staff!.user_id}`;
    expect(user!.role).toBe("store");
  });
});

describe("the admin's store endpoints with privileged fields", () => {
  it("creates an active store whose owner is a store account, whatever else the body says", async () => {
    const admin = await adminLogin();
    const suffix = randomUUID().slice(0, 6);
    const res = await send("POST", "/api/v1/admin/stores", admin.access_token, {
      ...planted,
      code: `MA${suffix.slice(0, 4).toUpperCase()}`.replace(/[^A-Z0-9]/g, "X"),
      slug: `mass-${suffix}`,
      name: "Mass Store",
      status: "suspended",
      last_customer_number: 1000,
      owner: {
        ...planted,
        username: `mass_owner_${suffix}`,
        email: `mass-owner-${suffix}@example.com`,
        password: PASSWORD,
      },
    });
    expect(res.status).toBe(201);
    const [store] =
      await testSql()`select id, status, last_customer_number from stores where slug = ${`mass-${suffix}`}`;
    expect(store).toMatchObject({ status: "active", last_customer_number: 0 });
    expect(store!.id).not.toBe(planted.id);
    const [owner] = await testSql()`select u.role, u.password_hash, u.token_version, m.role as member_role
      from users u join store_members m on m.user_id = u.id where u.username = ${`mass_owner_${suffix}`}`;
    expect(owner).toMatchObject({ role: "store", member_role: "owner", token_version: 0 });
    expect(owner!.password_hash).not.toBe(planted.password_hash);
  });

  it("changes only a store's name", async () => {
    const admin = await adminLogin();
    const [before] = await testSql()`select * from stores where id = ${orionId}`;
    const res = await send("PATCH", `/api/v1/admin/stores/${orionId}`, admin.access_token, {
      ...planted,
      name: before!.name,
      code: "EVIL",
      slug: "evil",
      status: "suspended",
    });
    expect(res.status).toBe(200);
    const [after] = await testSql()`select * from stores where id = ${orionId}`;
    expect({ ...after, updated_at: null }).toEqual({ ...before, updated_at: null });
  });
});
