// Object ids of another tenant (checklist S15): a shopper addressing another shopper's orders,
// addresses, wishlist items and sessions, at the same store and at another one, and a store
// addressing another store's products, customers, orders, team members and domains, gets the
// very answer a random id gets, and nothing of the other tenant changes in the database.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type CallOptions, baseUrl, rawRequest, storeLogin } from "../support/http";
import { decodePart } from "../support/tokens";
import { testSql } from "./db";

const call = (path: string, options: CallOptions = {}) => rawRequest(baseUrl(), path, options);
const PASSWORD = "amber canal ferry lantern";

type Shopper = {
  slug: string;
  id: string;
  token: string;
  sid: string;
  addressId: string;
  orderId: string;
  wishedId: string;
};

/** A new shopper of `slug` with an address, a wished product and an order, signed in twice. */
async function shopper(slug: string, wish = 1): Promise<Shopper> {
  const email = `idor-${randomUUID()}@example.com`;
  const reg = await call(`/api/v1/storefront/${slug}/auth/register`, {
    body: { first_name: "Ida", last_name: "Or", email, password: PASSWORD, marketing_consent: false },
  });
  expect(reg.status).toBe(201);
  const login = async () => {
    const res = await call(`/api/v1/storefront/${slug}/auth/login`, {
      body: { email_or_username: email, password: PASSWORD },
    });
    expect(res.status).toBe(200);
    return (await res.json()) as { access_token: string; customer: { id: string } };
  };
  const first = await login();
  const { access_token: token } = await login();
  const address = await call(`/api/v1/storefront/${slug}/account/addresses`, {
    token,
    body: { name: "Ida Or", line1: "1 Private Lane", postal_code: "1234", city: "Esch", country: "LU" },
  });
  expect(address.status).toBe(201);
  const products = (await (await call(`/api/v1/storefront/${slug}/products`)).json()).items as Array<{
    id: string;
  }>;
  const wished = products[wish]!.id;
  expect(
    (await call(`/api/v1/storefront/${slug}/account/wishlist`, { token, body: { product_id: wished } }))
      .status,
  ).toBe(201);
  const addressId = ((await address.json()) as { id: string }).id;
  const order = await call(`/api/v1/storefront/${slug}/orders`, {
    token,
    body: { items: [{ product_id: products[0]!.id, quantity: 1 }], address_id: addressId },
  });
  expect(order.status).toBe(201);
  return {
    slug,
    id: first.customer.id,
    token,
    sid: String(decodePart(first.access_token, 1).sid),
    addressId,
    orderId: ((await order.json()) as { id: string }).id,
    wishedId: wished,
  };
}

/** Everything a tenant owns, as the database holds it. */
async function tenantRows(storeId: string) {
  const sql = testSql();
  const of = async (query: PromiseLike<readonly unknown[]>) => JSON.stringify(await query);
  return {
    products: await of(sql`select * from products where store_id = ${storeId} order by id`),
    customers: await of(sql`select * from customers where store_id = ${storeId} order by id`),
    orders: await of(sql`select * from orders where store_id = ${storeId} order by id`),
    members: await of(sql`select * from store_members where store_id = ${storeId} order by user_id`),
    domains: await of(sql`select * from store_domains where store_id = ${storeId} order by id`),
    addresses: await of(
      sql`select a.* from addresses a join customers c on c.id = a.customer_id where c.store_id = ${storeId} order by a.id`,
    ),
    wishlist:
      await of(sql`select w.* from wishlist_items w join customers c on c.id = w.customer_id where c.store_id = ${storeId}
      order by w.customer_id, w.product_id`),
    sessions: await of(
      sql`select id, revoked_at, revoked_reason, expires_at from sessions where store_id = ${storeId} order by id`,
    ),
  };
}

async function storeIdOf(slug: string): Promise<string> {
  const [row] = await testSql()`select id from stores where slug = ${slug}`;
  return row!.id as string;
}

/** The answer to `foreign` is the answer to the same request with a random id: status and body, byte for byte. */
async function expectLikeRandom(
  what: string,
  request: (id: string) => Promise<Response>,
  foreignId: string,
  status = 404,
) {
  const foreign = await request(foreignId);
  const random = await request(randomUUID());
  const [foreignBody, randomBody] = [await foreign.text(), await random.text()];
  expect(foreign.status, what).toBe(status);
  expect(random.status, what).toBe(status);
  expect(foreignBody, what).toBe(randomBody);
  expect(foreignBody, what).not.toContain(foreignId);
}

let orionId: string;
let acmeId: string;

afterAll(async () => {
  await testSql().end();
});

beforeAll(async () => {
  orionId = await storeIdOf("orion");
  acmeId = await storeIdOf("acme");
});

describe("a shopper addressing another shopper's ids", () => {
  let attacker: Shopper;
  let sameStore: Shopper;
  let otherStore: Shopper;

  beforeAll(async () => {
    // The attacker wishes for another product, so removing the victim's changes nothing of theirs.
    attacker = await shopper("orion", 2);
    sameStore = await shopper("orion");
    otherStore = await shopper("acme");
  });

  for (const which of ["sameStore", "otherStore"] as const) {
    it(`gets a random id's answer for every object of a shopper of ${which === "sameStore" ? "the same store" : "another store"}, and changes nothing`, async () => {
      const victim = which === "sameStore" ? sameStore : otherStore;
      const before = { orion: await tenantRows(orionId), acme: await tenantRows(acmeId) };
      const api = `/api/v1/storefront/orion`;
      const as = (method: string, path: string, body?: unknown) =>
        call(api + path, { method, token: attacker.token, body });

      await expectLikeRandom("order detail", (id) => as("GET", `/orders/${id}`), victim.orderId);
      await expectLikeRandom(
        "address change",
        (id) =>
          as("PATCH", `/account/addresses/${id}`, {
            name: "Mallory",
            line1: "Drop point",
            postal_code: "6666",
            city: "Elsewhere",
            country: "LU",
          }),
        victim.addressId,
      );
      await expectLikeRandom(
        "address removal",
        (id) => as("DELETE", `/account/addresses/${id}`),
        victim.addressId,
      );
      await expectLikeRandom("session end", (id) => as("DELETE", `/account/sessions/${id}`), victim.sid);
      // A checkout to the victim's saved address (its contents would land on the attacker's order).
      const [product] = (await (await call(`${api}/products`)).json()).items as Array<{ id: string }>;
      await expectLikeRandom(
        "checkout to the address",
        (id) =>
          as("POST", "/orders", {
            items: [{ product_id: product!.id, quantity: 1 }],
            address_id: id,
          }),
        victim.addressId,
      );
      // Wishlist entries are addressed by product: removing one only ever touches one's own list.
      await expectLikeRandom(
        "wishlist removal",
        (id) => as("DELETE", `/account/wishlist/${id}`),
        victim.wishedId,
        204,
      );

      // The attacker's own lists show nothing of the victim.
      for (const path of ["/orders", "/account/addresses", "/account/wishlist", "/account/sessions"]) {
        const text = await (await as("GET", path)).text();
        for (const id of [victim.orderId, victim.addressId, victim.sid]) expect(text, path).not.toContain(id);
      }
      // The victim's own store's API refuses the attacker's token outright (another store) or
      // answers for the attacker alone (same store).
      const there = await call(`/api/v1/storefront/${victim.slug}/orders/${victim.orderId}`, {
        token: attacker.token,
      });
      expect(there.status).toBe(which === "sameStore" ? 404 : 403);

      expect({ orion: await tenantRows(orionId), acme: await tenantRows(acmeId) }).toEqual(before);
      // And the victim still has it all.
      const own = `/api/v1/storefront/${victim.slug}`;
      expect((await call(`${own}/orders/${victim.orderId}`, { token: victim.token })).status).toBe(200);
      expect(await (await call(`${own}/account/addresses`, { token: victim.token })).text()).toContain(
        "1 Private Lane",
      );
      expect(await (await call(`${own}/account/wishlist`, { token: victim.token })).text()).toContain(
        victim.wishedId,
      );
      expect((await call(`${own}/account`, { token: victim.token })).status).toBe(200);
    });
  }

  it("cannot wish for or read another store's product through its own store", async () => {
    const [foreign] =
      await testSql()`select id from products where store_id = ${acmeId} and archived_at is null limit 1`;
    const api = "/api/v1/storefront/orion";
    await expectLikeRandom("product detail", (id) => call(`${api}/products/${id}`), foreign!.id as string);
    await expectLikeRandom(
      "wish",
      (id) => call(`${api}/account/wishlist`, { token: attacker.token, body: { product_id: id } }),
      foreign!.id as string,
    );
  });
});

describe("a store addressing another store's ids", () => {
  it("gets a random id's answer for every write and read, and nothing of the other store changes", async () => {
    // store_owner owns both stores: this session is ORION's, the ids are ACME's.
    const orion = await storeLogin("ORION", "store_owner", "store123");
    const sql = testSql();
    const [product] =
      await sql`select id from products where store_id = ${acmeId} and archived_at is null limit 1`;
    const [order] =
      await sql`select id from orders where store_id = ${acmeId} and status = 'pending_payment' limit 1`;
    const [customer] = await sql`select id from customers where store_id = ${acmeId} and is_active limit 1`;
    const [staff] =
      await sql`select m.user_id from store_members m where m.store_id = ${acmeId} and m.role <> 'owner'
      and not exists (select 1 from store_members o where o.user_id = m.user_id and o.store_id = ${orionId}) limit 1`;
    const [domain] =
      await sql`insert into store_domains (store_id, domain) values (${acmeId}, ${`idor-${randomUUID().slice(0, 8)}.example`})
      returning id`;
    const as = (method: string, path: string, body?: unknown) =>
      call(`/api/v1/store/orion${path}`, { method, token: orion.access_token, body });
    const before = await tenantRows(acmeId);

    await expectLikeRandom("product detail", (id) => as("GET", `/products/${id}`), product!.id);
    await expectLikeRandom(
      "product change",
      (id) => as("PATCH", `/products/${id}`, { name: "Hijacked", price_cents: 1 }),
      product!.id,
    );
    await expectLikeRandom("product removal", (id) => as("DELETE", `/products/${id}`), product!.id);
    await expectLikeRandom("order detail", (id) => as("GET", `/orders/${id}`), order!.id);
    await expectLikeRandom(
      "order status",
      (id) => as("PATCH", `/orders/${id}`, { status: "cancelled" }),
      order!.id,
    );
    await expectLikeRandom("customer detail", (id) => as("GET", `/customers/${id}`), customer!.id);
    await expectLikeRandom(
      "customer deactivation",
      (id) => as("POST", `/customers/${id}/deactivate`),
      customer!.id,
    );
    await expectLikeRandom(
      "member role",
      (id) => as("PATCH", `/team/${id}`, { role: "manager" }),
      staff!.user_id,
    );
    await expectLikeRandom("member removal", (id) => as("DELETE", `/team/${id}`), staff!.user_id);
    await expectLikeRandom("domain removal", (id) => as("DELETE", `/settings/domains/${id}`), domain!.id);

    expect(await tenantRows(acmeId)).toEqual(before);
    // ORION's lists hold none of them either.
    for (const path of ["/products?page_size=100", "/orders", "/customers", "/team", "/settings/domains"]) {
      const text = await (await as("GET", path)).text();
      for (const id of [product!.id, order!.id, customer!.id, staff!.user_id, domain!.id])
        expect(text, path).not.toContain(id);
    }
  });
});
