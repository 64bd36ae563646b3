// The storefront against real PostgreSQL: store resolution by host, path and Referer,
// customers of one store only, registration under concurrency, checkout (README › Architecture, checklist
// S58–S62).
import { afterAll, describe, expect, it } from "vitest";
import {
  type CallOptions,
  adminLogin,
  baseUrl,
  bearer,
  get,
  parseSetCookies,
  rawRequest,
  send,
  storeLogin,
} from "../support/http";
import { testSql } from "./db";

afterAll(async () => {
  await testSql().end();
});

const port = () => new URL(baseUrl()).port;

function call(path: string, options: CallOptions = {}): Promise<Response> {
  return rawRequest(baseUrl(), path, options);
}

const unique = () => `shopper-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.com`;

function registration(email: string, password = "amber canal ferry lantern") {
  return { first_name: "Sam", last_name: "Shopper", email, password, marketing_consent: false };
}

async function register(slug: string, email: string, password?: string) {
  return call(`/api/v1/storefront/${slug}/auth/register`, { body: registration(email, password) });
}

async function customerLogin(slug: string, email: string, password = "amber canal ferry lantern") {
  const res = await call(`/api/v1/storefront/${slug}/auth/login`, {
    body: { email_or_username: email, password },
  });
  expect(res.status).toBe(200);
  return (await res.json()) as { access_token: string; refresh_token: string; customer: { id: string } };
}

describe("customer accounts", () => {
  it("registers the same email at ORION and ACME as two customers with their own passwords", async () => {
    const email = unique();
    const orion = await register("orion", email, "tulip harbour sketch nine");
    const acme = await register("acme", email, "walnut meadow piano drift");
    expect([orion.status, acme.status]).toEqual([201, 201]);
    const a = (await orion.json()).customer;
    const b = (await acme.json()).customer;
    expect(a.id).not.toBe(b.id);
    expect(a.customer_number).toMatch(/^ORION-\d{6}$/);
    expect(b.customer_number).toMatch(/^ACME-\d{6}$/);
    expect(a).not.toHaveProperty("password_hash");
    await customerLogin("orion", email, "tulip harbour sketch nine");
    await customerLogin("acme", email, "walnut meadow piano drift");
    const crossed = await call("/api/v1/storefront/acme/auth/login", {
      body: { email_or_username: email, password: "tulip harbour sketch nine" },
    });
    expect(crossed.status).toBe(401);
  });

  it("answers a second registration of one email at one store with 409, whatever its case", async () => {
    const email = unique();
    expect((await register("orion", email)).status).toBe(201);
    const again = await register("orion", email.toUpperCase());
    expect(again.status).toBe(409);
    expect((await again.json()).error.message).toMatch(/already exists at this store/);
  });

  it("gives 50 concurrent registrations 50 distinct customer numbers", async () => {
    const answers = await Promise.all(Array.from({ length: 50 }, () => register("acme", unique())));
    expect(answers.map((r) => r.status)).toEqual(Array(50).fill(201));
    const numbers = await Promise.all(
      answers.map(async (r) => (await r.json()).customer.customer_number as string),
    );
    expect(new Set(numbers).size).toBe(50);
  });

  it("validates registration with field details and never echoes the password", async () => {
    const res = await call("/api/v1/storefront/orion/auth/register", {
      body: { first_name: "", email: "not-an-email", password: "short", marketing_consent: "maybe" },
    });
    expect(res.status).toBe(422);
    const text = await res.text();
    expect(text).not.toContain("short");
    const fields = JSON.parse(text)
      .error.details.map((d: { field: string }) => d.field)
      .sort();
    expect(fields).toEqual(["email", "first_name", "last_name", "marketing_consent", "password"]);
  });

  it("refuses a common password, or one made of the shopper's email or the store's name, and creates no customer (S43)", async () => {
    const email = unique();
    for (const [slug, password] of [
      ["orion", "password1234"],
      ["orion", "123456789012"],
      ["acme", "qwertyuiopasdf"],
      ["acme", "ACME SuppliesACME Supplies"],
      ["orion", email],
    ] as const) {
      const res = await register(slug, email, password);
      expect(res.status, password).toBe(422);
      const text = await res.text();
      expect(text).not.toContain(password);
      expect(JSON.parse(text).error).toMatchObject({
        code: "VALIDATION_ERROR",
        details: [
          { field: "password", message: expect.stringMatching(/^This password is too easy to guess\. \S/) },
        ],
      });
    }
    expect(await testSql()`select id from customers where lower(email) = ${email}`).toHaveLength(0);
    expect((await register("acme", email, "correct horse battery staple")).status).toBe(201);
    await customerLogin("acme", email, "correct horse battery staple");
  });

  it("refuses a weak new password at password change and keeps the old one", async () => {
    const email = unique();
    await register("orion", email);
    const { access_token } = await customerLogin("orion", email);
    const change = (new_password: string) =>
      call("/api/v1/storefront/orion/account/password", {
        token: access_token,
        body: { current_password: "amber canal ferry lantern", new_password },
      });
    const weak = await change("password1234");
    expect(weak.status).toBe(422);
    const text = await weak.text();
    expect(text).not.toContain("password1234");
    expect(JSON.parse(text).error.details).toEqual([
      { field: "new_password", message: expect.stringContaining("commonly used password") },
    ]);
    await customerLogin("orion", email);
    expect((await change("пароль пароль пароль")).status).toBe(200);
    await customerLogin("orion", email, "пароль пароль пароль");
    const old = await call("/api/v1/storefront/orion/auth/login", {
      body: { email_or_username: email, password: "amber canal ferry lantern" },
    });
    expect(old.status).toBe(401);
  });

  it("still signs in the demo customer with its short seeded password", async () => {
    await customerLogin("orion", "customer@example.com", "customer123");
  });

  it("refuses an ORION customer's token at ACME, and at the admin and store APIs", async () => {
    const email = unique();
    await register("orion", email);
    const { access_token } = await customerLogin("orion", email);
    expect((await call("/api/v1/storefront/orion/account", { token: access_token })).status).toBe(200);
    const acme = await call("/api/v1/storefront/acme/account", { token: access_token });
    expect(acme.status).toBe(403);
    const admin = await get("/api/v1/admin/auth/me", bearer(access_token));
    expect(admin.status).toBe(403);
    expect((await admin.json()).error.code).toBe("ADMIN_REQUIRED");
    expect((await get("/api/v1/store/orion/products", bearer(access_token))).status).toBe(403);
    const page = await get("/storefront/acme/account", { cookie: `customer_token=${access_token}` });
    expect(page.status).toBe(403);
    const own = await get("/storefront/orion/account", { cookie: `customer_token=${access_token}` });
    expect(own.status).toBe(200);
  });

  it("refuses a customer's refresh token at another store", async () => {
    const email = unique();
    await register("orion", email);
    const { refresh_token } = await customerLogin("orion", email);
    const res = await call("/api/v1/storefront/acme/auth/refresh", { body: { refresh_token } });
    expect(res.status).toBe(401);
  });

  it("answers forgot-password the same for known and unknown addresses", async () => {
    const email = unique();
    await register("orion", email);
    const known = await call("/api/v1/storefront/orion/auth/forgot-password", { body: { email } });
    const unknown = await call("/api/v1/storefront/orion/auth/forgot-password", {
      body: { email: unique() },
    });
    expect([known.status, unknown.status]).toEqual([202, 202]);
    expect(await known.text()).toBe(await unknown.text());
  });
});

describe("store resolution", () => {
  it("scopes the customer cookie to /storefront/{slug} on the path form", async () => {
    const email = unique();
    await register("orion", email);
    const res = await call("/api/v1/storefront/orion/auth/login", {
      body: { email_or_username: email, password: "amber canal ferry lantern" },
    });
    const cookie = parseSetCookies(res).find((c) => c.name === "customer_token");
    expect(cookie?.attrs).toMatchObject({ path: "/storefront/orion", httponly: true, samesite: "Lax" });
    const logout = await call("/api/v1/storefront/orion/auth/logout", {
      body: {},
      token: (await res.json()).access_token,
    });
    expect(parseSetCookies(logout).find((c) => c.name === "customer_token")?.attrs).toMatchObject({
      path: "/storefront/orion",
      "max-age": "0",
    });
  });

  it("scopes it to /storefront on the custom domain and the subdomain, for login and logout alike", async () => {
    const email = unique();
    await register("orion", email);
    for (const host of [`orion.lu:${port()}`, `orion.localhost:${port()}`]) {
      const res = await call("/api/v1/storefront/auth/login", {
        host,
        body: { email_or_username: email, password: "amber canal ferry lantern" },
      });
      expect(res.status, host).toBe(200);
      expect(parseSetCookies(res).find((c) => c.name === "customer_token")?.attrs.path).toBe("/storefront");
      const { access_token } = await res.json();
      const logout = await call("/api/v1/storefront/auth/logout", { host, body: {}, token: access_token });
      expect(parseSetCookies(logout).find((c) => c.name === "customer_token")?.attrs.path).toBe(
        "/storefront",
      );
    }
  });

  it("reads the store from the Referer of a path-based page on the platform host", async () => {
    const email = unique();
    await register("acme", email);
    const res = await call("/api/v1/storefront/auth/login", {
      referer: `${baseUrl()}/storefront/acme/account/login`,
      body: { email_or_username: email, password: "amber canal ferry lantern" },
    });
    expect(res.status).toBe(200);
    expect(parseSetCookies(res).find((c) => c.name === "customer_token")?.attrs.path).toBe(
      "/storefront/acme",
    );
  });

  it("refuses sources that disagree, unknown hosts and unverified domains (400)", async () => {
    expect((await call("/api/v1/storefront/acme/products", { host: `orion.lu:${port()}` })).status).toBe(400);
    expect(
      (await call("/api/v1/storefront/products", { host: `unknown-shop.example:${port()}` })).status,
    ).toBe(400);
    expect((await call("/api/v1/storefront/products")).status).toBe(404);
    const [orion] = await testSql()`select id from stores where slug = 'orion'`;
    await testSql()`insert into store_domains (store_id, domain) values (${orion!.id}, 'pending-orion.example')
      on conflict do nothing`;
    expect(
      (await call("/api/v1/storefront/products", { host: `pending-orion.example:${port()}` })).status,
    ).toBe(400);
    expect((await call("/storefront", { host: `pending-orion.example:${port()}` })).status).toBe(400);
  });

  it("serves a store's pages on its domain and subdomain, and nothing else there", async () => {
    const domain = await call("/storefront/account/login", { host: `orion.lu:${port()}` });
    expect(domain.status).toBe(200);
    expect(await domain.text()).toContain("Orion Outfitters");
    const sub = await call("/storefront", { host: `acme.localhost:${port()}` });
    expect(await sub.text()).toContain("Welcome to ACME Supplies");
    expect((await call("/storefront/acme/account/login", { host: `orion.lu:${port()}` })).status).toBe(404);
    expect((await call("/admin", { host: `orion.lu:${port()}` })).status).toBe(404);
    expect((await call("/store/acme/login", { host: `acme.localhost:${port()}` })).status).toBe(404);
    expect((await call("/storefront", { host: `nope.localhost:${port()}` })).status).toBe(400);
    const root = await call("/", { host: `orion.lu:${port()}` });
    expect(root.headers.get("location")).toBe("/storefront");
  });

  it("links in the form the visitor came by", async () => {
    const domain = await (await call("/storefront", { host: `orion.lu:${port()}` })).text();
    expect(domain).toContain('href="/storefront/cart"');
    expect(domain).not.toContain("/storefront/orion/");
    const path = await (await call("/storefront/orion")).text();
    expect(path).toContain('href="/storefront/orion/cart"');
  });

  it("sends an anonymous visitor to the login page of the form they used", async () => {
    const domain = await call("/storefront/account/orders", { host: `orion.lu:${port()}` });
    expect(domain.headers.get("location")).toBe(
      "/storefront/account/login?next=%2Fstorefront%2Faccount%2Forders",
    );
    const path = await call("/storefront/orion/account/orders");
    expect(path.headers.get("location")).toBe(
      "/storefront/orion/account/login?next=%2Fstorefront%2Forion%2Faccount%2Forders",
    );
    const upper = await call("/storefront/ORION/account?x=1");
    expect(upper.status).toBe(308);
    expect(upper.headers.get("location")).toBe("/storefront/orion/account?x=1");
  });

  it("ignores a forged access-method header", async () => {
    const res = await fetch(baseUrl() + "/storefront/orion", {
      headers: { "x-orion-store-method": "domain" },
    });
    expect(await res.text()).toContain('href="/storefront/orion/cart"');
  });
});

describe("catalog and checkout", () => {
  it("lists only active products of the store and places an order the store then sees", async () => {
    const email = unique();
    await register("orion", email);
    const { access_token } = await customerLogin("orion", email);
    const catalog = await (await call("/api/v1/storefront/orion/products?q=Beanie")).json();
    expect(catalog.items).toHaveLength(1);
    const product = catalog.items[0];
    const order = await call("/api/v1/storefront/orion/orders", {
      token: access_token,
      body: {
        items: [{ product_id: product.id, quantity: 2 }],
        shipping_address: {
          name: "Sam Shopper",
          line1: "1 Main St",
          postal_code: "1111",
          city: "Luxembourg",
          country: "lu",
        },
      },
    });
    expect(order.status).toBe(201);
    const placed = await order.json();
    expect(placed).toMatchObject({ status: "pending_payment", total_cents: product.price_cents * 2 });
    expect(placed.order_number).toMatch(/^ORION-\d{6}$/);
    const mine = await (await call("/api/v1/storefront/orion/orders", { token: access_token })).json();
    expect(mine.items.map((o: { id: string }) => o.id)).toContain(placed.id);
    const [row] = await testSql()`select stock from products where id = ${product.id}`;
    expect(row!.stock).toBe(product.stock - 2);
    const owner = await storeLogin("ORION", "store_owner", "store123");
    const storeOrders = await (await send("GET", "/api/v1/store/orion/orders", owner.access_token)).json();
    expect(storeOrders.items.map((o: { id: string }) => o.id)).toContain(placed.id);
  });

  it("refuses another store's product in a cart and more than the stock", async () => {
    const email = unique();
    await register("orion", email);
    const { access_token } = await customerLogin("orion", email);
    const [acmeProduct] =
      await testSql()`select p.id from products p join stores s on s.id = p.store_id where s.slug = 'acme' limit 1`;
    const address = { name: "S", line1: "1 Main St", postal_code: "1111", city: "L", country: "LU" };
    const foreign = await call("/api/v1/storefront/orion/orders", {
      token: access_token,
      body: { items: [{ product_id: acmeProduct!.id, quantity: 1 }], shipping_address: address },
    });
    expect(foreign.status).toBe(409);
    const [tent] = await testSql()`select id, stock from products where name = 'Zenith Tent'`;
    const tooMany = await call("/api/v1/storefront/orion/orders", {
      token: access_token,
      body: { items: [{ product_id: tent!.id, quantity: tent!.stock + 1 }], shipping_address: address },
    });
    expect(tooMany.status).toBe(409);
    expect(await (await call(`/api/v1/storefront/acme/products/${tent!.id}`)).json()).toMatchObject({
      error: { code: "NOT_FOUND" },
    });
  });

  it("answers 503 for a suspended store's shop and API", async () => {
    const admin = await adminLogin();
    const [acme] = await testSql()`select id from stores where slug = 'acme'`;
    await send("POST", `/api/v1/admin/stores/${acme!.id}/suspend`, admin.access_token);
    try {
      expect((await call("/storefront/acme")).status).toBe(503);
      expect((await call("/storefront", { host: `acme.localhost:${port()}` })).status).toBe(503);
      const api = await call("/api/v1/storefront/acme/products");
      expect(api.status).toBe(503);
      expect((await api.json()).error.code).toBe("STORE_UNAVAILABLE");
    } finally {
      await send("POST", `/api/v1/admin/stores/${acme!.id}/reactivate`, admin.access_token);
    }
    expect((await call("/storefront/acme")).status).toBe(200);
  });
});

describe("lists", () => {
  it("pages the store's customer list and keeps the search in the page links", async () => {
    await Promise.all(Array.from({ length: 25 }, () => register("acme", unique())));
    const owner = await storeLogin("ACME", "store_owner", "store123");
    const page = await get("/store/acme/customers?q=shopper", {
      cookie: `store_token=${owner.access_token}`,
    });
    const html = await page.text();
    expect(html).toContain('href="/store/acme/customers?q=shopper&amp;page=2"');
    expect(html).toContain("Next →");
  });
});

describe("sessions", () => {
  it("lists a customer's sessions with the current one marked, and ends another one at once", async () => {
    const email = unique();
    await register("acme", email);
    const first = await customerLogin("acme", email);
    const second = await customerLogin("acme", email);
    const list = await (
      await call("/api/v1/storefront/acme/account/sessions", { token: second.access_token })
    ).json();
    expect(list.items).toHaveLength(2);
    const firstSid = JSON.parse(Buffer.from(first.access_token.split(".")[1]!, "base64url").toString()).sid;
    expect(list.items.find((s: { current: boolean }) => s.current).id).not.toBe(firstSid);
    const end = await call(`/api/v1/storefront/acme/account/sessions/${firstSid}`, {
      method: "DELETE",
      token: second.access_token,
    });
    expect(end.status).toBe(204);
    expect((await call("/api/v1/storefront/acme/account", { token: first.access_token })).status).toBe(401);
    expect((await call("/api/v1/storefront/acme/account", { token: second.access_token })).status).toBe(200);
  });

  it("cannot end another customer's session", async () => {
    const a = unique();
    const b = unique();
    await register("acme", a);
    await register("acme", b);
    const sa = await customerLogin("acme", a);
    const sb = await customerLogin("acme", b);
    const sidB = JSON.parse(Buffer.from(sb.access_token.split(".")[1]!, "base64url").toString()).sid;
    expect(
      (
        await call(`/api/v1/storefront/acme/account/sessions/${sidB}`, {
          method: "DELETE",
          token: sa.access_token,
        })
      ).status,
    ).toBe(404);
    expect((await call("/api/v1/storefront/acme/account", { token: sb.access_token })).status).toBe(200);
  });

  it("shows the sessions pages of every area", async () => {
    const email = unique();
    await register("orion", email);
    const customer = await customerLogin("orion", email);
    const page = await get("/storefront/orion/account/sessions", {
      cookie: `customer_token=${customer.access_token}`,
    });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("this device");
    const admin = await adminLogin();
    const adminPage = await get("/admin/sessions", { cookie: `admin_token=${admin.access_token}` });
    expect(await adminPage.text()).toContain("this device");
    const staff = await storeLogin("ACME", "acme_staff", "staff123");
    const staffPage = await get("/store/acme/security", { cookie: `store_token=${staff.access_token}` });
    expect(await staffPage.text()).toContain("Where you are signed in to this store");
  });
});
