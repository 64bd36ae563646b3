// What each store role may do, tried from the API (checklist S13, S15), plus the team's
// invitation and last-owner rules.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type StoreLoginAnswer, send, storeLogin } from "../support/http";
import { testSql } from "./db";

let acmeId: string;
let owner: StoreLoginAnswer;
let manager: StoreLoginAnswer;
let staff: StoreLoginAnswer;
let productId: string;
let orderId: string;
let customerId: string;

/** A member of ACME with `role`, sharing acme_staff's password. */
async function memberWithRole(role: "manager" | "staff"): Promise<StoreLoginAnswer> {
  const sql = testSql();
  const [user] = await sql`insert into users (username, email, password_hash, role)
    select ${role} || '_' || floor(random()*1e9)::text, ${role} || floor(random()*1e9)::text || '@acme.test', password_hash, 'store'
    from users where username = 'acme_staff' returning username`;
  await sql`insert into store_members (store_id, user_id, role)
    select ${acmeId}, id, ${role} from users where username = ${user!.username}`;
  return storeLogin("ACME", user!.username, "staff123");
}

beforeAll(async () => {
  const sql = testSql();
  const [store] = await sql`select id from stores where slug = 'acme'`;
  acmeId = store!.id;
  owner = await storeLogin("ACME", "store_owner", "store123");
  manager = await memberWithRole("manager");
  staff = await memberWithRole("staff");
  const [product] = await sql`select id from products where store_id = ${acmeId} limit 1`;
  productId = product!.id;
  const [order] =
    await sql`select id from orders where store_id = ${acmeId} and status = 'pending_payment' limit 1`;
  orderId = order!.id;
  const [customer] =
    await sql`insert into customers (store_id, email, customer_number, first_name, last_name, password_hash)
    values (${acmeId}, 'matrix-' || floor(random()*1e9)::text || '@example.com', 'ACME-M' || floor(random()*1e9)::text, 'Mat', 'Rix', 'x')
    returning id`;
  customerId = customer!.id;
});

afterAll(async () => {
  await testSql().end();
});

type Write = { name: string; method: string; path: () => string; body?: () => unknown; allowed: string[] };

const writes: Write[] = [
  {
    name: "create a product",
    method: "POST",
    path: () => "/api/v1/store/acme/products",
    body: () => ({ name: "Matrix widget", price_cents: 1234, stock: 3 }),
    allowed: ["owner", "manager", "staff"],
  },
  {
    name: "edit a product",
    method: "PATCH",
    path: () => `/api/v1/store/acme/products/${productId}`,
    body: () => ({ stock: 7 }),
    allowed: ["owner", "manager", "staff"],
  },
  {
    name: "change an order's status",
    method: "PATCH",
    path: () => `/api/v1/store/acme/orders/${orderId}`,
    body: () => ({ status: "pending_payment" }),
    allowed: ["owner", "manager", "staff"],
  },
  {
    name: "deactivate a customer",
    method: "POST",
    path: () => `/api/v1/store/acme/customers/${customerId}/deactivate`,
    allowed: ["owner", "manager"],
  },
  {
    name: "invite a team member",
    method: "POST",
    path: () => "/api/v1/store/acme/team",
    body: () => ({ email: `invitee-${Math.random().toString(36).slice(2)}@acme.test`, role: "staff" }),
    allowed: ["owner"],
  },
  {
    name: "change a member's role",
    method: "PATCH",
    path: () => `/api/v1/store/acme/team/${staff.user.id}`,
    body: () => ({ role: "staff" }),
    allowed: ["owner"],
  },
  {
    name: "change the settings",
    method: "PATCH",
    path: () => "/api/v1/store/acme/settings",
    body: () => ({ name: "ACME Supplies" }),
    allowed: ["owner", "manager"],
  },
  {
    name: "add a custom domain",
    method: "POST",
    path: () => "/api/v1/store/acme/settings/domains",
    body: () => ({ domain: `shop-${Math.random().toString(36).slice(2, 8)}.acme.test` }),
    allowed: ["owner", "manager"],
  },
];

describe("the role × permission matrix", () => {
  for (const write of writes) {
    for (const role of ["owner", "manager", "staff"] as const) {
      const expected = write.allowed.includes(role);
      it(`${expected ? "lets" : "refuses"} a ${role} ${write.name}`, async () => {
        const token = { owner, manager, staff }[role].access_token;
        const res = await send(write.method, write.path(), token, write.body?.());
        if (expected) {
          expect(res.status, await res.clone().text()).toBeLessThan(300);
        } else {
          expect(res.status).toBe(403);
          expect((await res.json()).error.code).toBe("INSUFFICIENT_PERMISSIONS");
        }
      });
    }
  }

  it("lets staff read products, orders and customers but not the team or settings", async () => {
    for (const path of ["products", "orders", "customers"]) {
      expect((await send("GET", `/api/v1/store/acme/${path}`, staff.access_token)).status).toBe(200);
    }
    expect((await send("GET", "/api/v1/store/acme/team", staff.access_token)).status).toBe(403);
    expect((await send("GET", "/api/v1/store/acme/settings", staff.access_token)).status).toBe(403);
    expect((await send("GET", "/api/v1/store/acme/team", manager.access_token)).status).toBe(200);
  });

  it("does not let staff promote themselves", async () => {
    const res = await send("PATCH", `/api/v1/store/acme/team/${staff.user.id}`, staff.access_token, {
      role: "owner",
    });
    expect(res.status).toBe(403);
    const [row] = await testSql()`select role from store_members where user_id = ${staff.user.id}`;
    expect(row?.role).toBe("staff");
  });

  it("ignores admin-controlled fields in a settings change", async () => {
    const res = await send("PATCH", "/api/v1/store/acme/settings", owner.access_token, {
      name: "ACME Supplies",
      status: "suspended",
      code: "EVIL",
      verified: true,
    });
    expect(res.status).toBe(200);
    const [store] = await testSql()`select status, code from stores where id = ${acmeId}`;
    expect(store).toEqual({ status: "active", code: "ACME" });
  });

  it("validates product bodies with field details", async () => {
    const res = await send("POST", "/api/v1/store/acme/products", owner.access_token, {
      name: "",
      price_cents: -5,
      image_url: "javascript:alert(1)",
    });
    expect(res.status).toBe(422);
    const fields = (await res.json()).error.details.map((d: { field: string }) => d.field).sort();
    expect(fields).toEqual(["image_url", "name", "price_cents"]);
  });

  it("keeps an order's status moving forward only", async () => {
    const [delivered] =
      await testSql()`select id from orders where store_id = ${acmeId} and status = 'delivered' limit 1`;
    const res = await send("PATCH", `/api/v1/store/acme/orders/${delivered!.id}`, owner.access_token, {
      status: "pending_payment",
    });
    expect(res.status).toBe(409);
  });
});

describe("cross-store references", () => {
  it("answers another store's product, order and customer like ids that do not exist", async () => {
    const orion = await storeLogin("ORION", "store_owner", "store123");
    const random = "00000000-0000-4000-8000-000000000000";
    for (const [kind, id] of [
      ["products", productId],
      ["orders", orderId],
      ["customers", customerId],
    ] as const) {
      const foreign = await send("GET", `/api/v1/store/orion/${kind}/${id}`, orion.access_token);
      const missing = await send("GET", `/api/v1/store/orion/${kind}/${random}`, orion.access_token);
      expect(foreign.status).toBe(404);
      expect(await foreign.text()).toBe(await missing.text());
    }
    const patch = await send("PATCH", `/api/v1/store/orion/products/${productId}`, orion.access_token, {
      name: "Hijacked",
    });
    expect(patch.status).toBe(404);
    const [product] = await testSql()`select name from products where id = ${productId}`;
    expect(product?.name).not.toBe("Hijacked");
    expect((await send("GET", "/api/v1/store/orion/products/not-a-uuid", orion.access_token)).status).toBe(
      404,
    );
  });

  it("lists only the caller's store, whatever the query says", async () => {
    const orion = await storeLogin("ORION", "store_owner", "store123");
    const res = await send(
      "GET",
      `/api/v1/store/orion/products?store=acme&store_id=${acmeId}`,
      orion.access_token,
    );
    const body = await res.json();
    const [count] =
      await testSql()`select count(*)::int as n from products p join stores s on s.id = p.store_id
      where s.slug = 'orion' and p.archived_at is null`;
    expect(body.total).toBe(count!.n);
  });
});

describe("team", () => {
  it("invites by one-time link that creates an account, works once, and lets the new member sign in", async () => {
    const email = `new-${Math.random().toString(36).slice(2)}@acme.test`;
    const invite = await send("POST", "/api/v1/store/acme/team", owner.access_token, {
      email,
      role: "staff",
    });
    expect(invite.status).toBe(201);
    const { invitation_url } = await invite.json();
    const token = new URL(invitation_url).searchParams.get("token")!;
    const [stored] =
      await testSql()`select token_hash, expires_at from one_time_tokens where email = ${email}`;
    expect(stored!.token_hash).not.toContain(token);
    const hours = (new Date(stored!.expires_at).getTime() - Date.now()) / 3600_000;
    expect(hours).toBeGreaterThan(71.9);
    expect(hours).toBeLessThanOrEqual(72);

    const username = `joiner_${Math.random().toString(36).slice(2, 8)}`;
    const body = { token, username, password: "a long enough password" };
    const accept = await send("POST", "/api/v1/store/acme/invitations/accept", null, body);
    expect(accept.status).toBe(201);
    const again = await send("POST", "/api/v1/store/acme/invitations/accept", null, {
      ...body,
      username: `${username}2`,
    });
    expect(again.status).toBe(400);
    const login = await storeLogin("ACME", username, "a long enough password");
    expect(login.store_role).toBe("staff");
  });

  it("refuses a weak password for a new account and keeps the invitation usable (S43)", async () => {
    const email = `weak-${Math.random().toString(36).slice(2)}@acme.test`;
    const { invitation_url } = await (
      await send("POST", "/api/v1/store/acme/team", owner.access_token, { email, role: "staff" })
    ).json();
    const token = new URL(invitation_url).searchParams.get("token")!;
    const username = `weak_${Math.random().toString(36).slice(2, 8)}`;
    for (const password of ["password1234", `${username}${username}`, "ACME SuppliesACME Supplies"]) {
      const weak = await send("POST", "/api/v1/store/acme/invitations/accept", null, {
        token,
        username,
        password,
      });
      expect(weak.status, password).toBe(422);
      const text = await weak.text();
      expect(text).not.toContain(password);
      expect(JSON.parse(text).error.details).toEqual([
        { field: "password", message: expect.stringContaining("too easy to guess") },
      ]);
    }
    expect(await testSql()`select id from users where username = ${username}`).toHaveLength(0);
    const accept = await send("POST", "/api/v1/store/acme/invitations/accept", null, {
      token,
      username,
      password: "correct horse battery staple",
    });
    expect(accept.status).toBe(201);
    expect((await storeLogin("ACME", username, "correct horse battery staple")).store_role).toBe("staff");
  });

  it("refuses an expired invitation and one used at another store", async () => {
    const email = `late-${Math.random().toString(36).slice(2)}@acme.test`;
    const { invitation_url } = await (
      await send("POST", "/api/v1/store/acme/team", owner.access_token, { email, role: "staff" })
    ).json();
    const token = new URL(invitation_url).searchParams.get("token")!;
    const body = {
      token,
      username: `late_${Math.random().toString(36).slice(2, 8)}`,
      password: "a long enough password",
    };
    expect((await send("POST", "/api/v1/store/orion/invitations/accept", null, body)).status).toBe(400);
    await testSql()`update one_time_tokens set expires_at = now() - interval '1 minute' where email = ${email}`;
    expect((await send("POST", "/api/v1/store/acme/invitations/accept", null, body)).status).toBe(400);
  });

  it("asks an existing account to sign in with its own password instead of setting a new one", async () => {
    const orion = await storeLogin("ORION", "store_owner", "store123");
    const existing = await memberWithRole("staff");
    const { invitation_url } = await (
      await send("POST", "/api/v1/store/orion/team", orion.access_token, {
        email: existing.user.email,
        role: "staff",
      })
    ).json();
    const token = new URL(invitation_url).searchParams.get("token")!;
    const wrong = await send("POST", "/api/v1/store/orion/invitations/accept", null, {
      token,
      password: "a brand new password",
    });
    expect(wrong.status).toBe(401);
    expect((await wrong.json()).error.code).toBe("INVALID_CREDENTIALS");
    const right = await send("POST", "/api/v1/store/orion/invitations/accept", null, {
      token,
      password: "staff123",
    });
    expect(right.status).toBe(201);
    expect((await storeLogin("ORION", existing.user.username, "staff123")).store_role).toBe("staff");
  });

  it("keeps the last owner: no self-demotion or removal", async () => {
    const orion = await storeLogin("ORION", "store_owner", "store123");
    const demote = await send("PATCH", `/api/v1/store/orion/team/${orion.user.id}`, orion.access_token, {
      role: "manager",
    });
    expect(demote.status).toBe(409);
    expect((await demote.json()).error.message).toMatch(/last owner/);
    expect(
      (await send("DELETE", `/api/v1/store/orion/team/${orion.user.id}`, orion.access_token)).status,
    ).toBe(409);
    const [row] = await testSql()`select m.role from store_members m join stores s on s.id = m.store_id
      where s.slug = 'orion' and m.user_id = ${orion.user.id}`;
    expect(row?.role).toBe("owner");
  });

  it("records role changes and invitations in the audit log", async () => {
    await send("PATCH", `/api/v1/store/acme/team/${manager.user.id}`, owner.access_token, { role: "staff" });
    await send("PATCH", `/api/v1/store/acme/team/${manager.user.id}`, owner.access_token, {
      role: "manager",
    });
    const rows = await testSql()`select type from auth_events where store_id = ${acmeId}
      and type in ('member_role_changed', 'member_invited')`;
    expect(rows.some((r) => r.type === "member_role_changed")).toBe(true);
    expect(rows.some((r) => r.type === "member_invited")).toBe(true);
  });
});
