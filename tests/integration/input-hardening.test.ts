// Input the API must refuse in its own JSON shape, never with a 500: control characters in
// text, an order naming one product twice, a PATCH that changes nothing, paths and methods
// that do not exist; and mail headers that a store's name cannot fold.
import { readdirSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type StoreLoginAnswer, adminLogin, baseUrl, get, postJson, send, storeLogin } from "../support/http";
import { testSql } from "./db";

afterAll(async () => {
  await testSql().end();
});

const NUL = "\u0000";
const tag = () => Math.random().toString(36).slice(2, 8);

type ErrorBody = {
  error: { code: string; message: string; details?: Array<{ field: string; message: string }> };
};

/** The answer is the API's JSON error with `code`, and (for a 422) names `field`. */
async function expectError(res: Response, status: number, code: string, field?: string): Promise<ErrorBody> {
  expect(res.status).toBe(status);
  expect(res.headers.get("content-type")).toMatch(/^application\/json/);
  const body = (await res.json()) as ErrorBody;
  expect(body.error.code).toBe(code);
  if (field) expect(body.error.details?.map((d) => d.field)).toContain(field);
  return body;
}

let admin: string;
let owner: StoreLoginAnswer;

beforeAll(async () => {
  admin = (await adminLogin()).access_token;
  owner = await storeLogin("ORION", "store_owner", "store123");
});

async function newCustomer(): Promise<{ email: string; token: string }> {
  const email = `hardening-${tag()}@example.com`;
  const password = "amber canal ferry lantern";
  const reg = await postJson("/api/v1/storefront/orion/auth/register", {
    first_name: "Nia",
    last_name: "Null",
    email,
    password,
    marketing_consent: false,
  });
  expect(reg.status).toBe(201);
  const login = await postJson("/api/v1/storefront/orion/auth/login", { email_or_username: email, password });
  expect(login.status).toBe(200);
  return { email, token: ((await login.json()) as { access_token: string }).access_token };
}

async function newProduct(stock: number): Promise<string> {
  const res = await send("POST", "/api/v1/store/orion/products", owner.access_token, {
    name: `Lamp ${tag()}`,
    price_cents: 1500,
    stock,
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

describe("control characters in text", () => {
  it("refuses a NUL in login identifiers and the store code with 422 on that field", async () => {
    await expectError(
      await postJson("/api/v1/admin/auth/login", { email_or_username: `ad${NUL}min`, password: "admin123" }),
      422,
      "VALIDATION_ERROR",
      "email_or_username",
    );
    await expectError(
      await postJson("/api/v1/store/auth/login", {
        email_or_username: "store_owner",
        password: "store123",
        store_code: `OR${NUL}ION`,
      }),
      422,
      "VALIDATION_ERROR",
      "store_code",
    );
    await expectError(
      await postJson("/api/v1/store/auth/login", {
        email_or_username: `store${NUL}_owner`,
        password: "store123",
        store_code: "ORION",
      }),
      422,
      "VALIDATION_ERROR",
      "email_or_username",
    );
    await expectError(
      await postJson("/api/v1/storefront/orion/auth/login", {
        email_or_username: `customer${NUL}@example.com`,
        password: "customer123",
      }),
      422,
      "VALIDATION_ERROR",
      "email_or_username",
    );
    const body = await expectError(
      await postJson("/api/v1/store/auth/forgot-password", {
        email: "owner@orion.test",
        store_code: `ORION${NUL}`,
      }),
      422,
      "VALIDATION_ERROR",
      "store_code",
    );
    expect(body.error.details?.[0]?.message).toMatch(/control characters/);
  });

  it("refuses a NUL in an email with 422 wherever an email is taken", async () => {
    await expectError(
      await postJson("/api/v1/admin/auth/forgot-password", { email: `admin${NUL}@orion.test` }),
      422,
      "VALIDATION_ERROR",
      "email",
    );
    await expectError(
      await postJson("/api/v1/storefront/orion/auth/register", {
        first_name: "Nia",
        last_name: "Null",
        email: `nia${NUL}@example.com`,
        password: "amber canal ferry lantern",
        marketing_consent: false,
      }),
      422,
      "VALIDATION_ERROR",
      "email",
    );
    await expectError(
      await send("POST", "/api/v1/store/orion/team", owner.access_token, {
        email: `x${NUL}@orion.test`,
        role: "staff",
      }),
      422,
      "VALIDATION_ERROR",
      "email",
    );
  });

  it("compares a NUL in a login password like any wrong password (401) and refuses one in a new password (422)", async () => {
    const { email } = await newCustomer();
    const wrong = await postJson("/api/v1/storefront/orion/auth/login", {
      email_or_username: email,
      password: `amber canal${NUL} ferry lantern`,
    });
    await expectError(wrong, 401, "INVALID_CREDENTIALS");
    await expectError(
      await postJson("/api/v1/admin/auth/login", {
        email_or_username: `nobody-${tag()}`,
        password: `x${NUL}y`,
      }),
      401,
      "INVALID_CREDENTIALS",
    );
    const register = await postJson("/api/v1/storefront/orion/auth/register", {
      first_name: "Nia",
      last_name: "Null",
      email: `nia-${tag()}@example.com`,
      password: `amber canal${NUL} ferry lantern`,
      marketing_consent: false,
    });
    const text = await register.clone().text();
    expect(text).not.toContain("amber canal");
    await expectError(register, 422, "VALIDATION_ERROR", "password");
  });

  it("refuses a NUL in names, product and store texts, and addresses, and stores nothing", async () => {
    const { token } = await newCustomer();
    const name = `Bad${NUL}name ${tag()}`;
    await expectError(
      await postJson("/api/v1/storefront/orion/auth/register", {
        first_name: name,
        last_name: "Null",
        email: `nia-${tag()}@example.com`,
        password: "amber canal ferry lantern",
        marketing_consent: false,
      }),
      422,
      "VALIDATION_ERROR",
      "first_name",
    );
    await expectError(
      await send("PATCH", "/api/v1/storefront/orion/account", token, { first_name: name }),
      422,
      "VALIDATION_ERROR",
      "first_name",
    );
    const address = {
      name: "Nia Null",
      line1: `1 Rue${NUL} Haute`,
      postal_code: "1234",
      city: "Luxembourg",
      country: "LU",
    };
    await expectError(
      await send("POST", "/api/v1/storefront/orion/account/addresses", token, address),
      422,
      "VALIDATION_ERROR",
      "line1",
    );
    await expectError(
      await send("POST", "/api/v1/storefront/orion/account/addresses", token, {
        ...address,
        line1: "1 Rue Haute\nBcc: someone",
      }),
      422,
      "VALIDATION_ERROR",
      "line1",
    );
    await expectError(
      await send("POST", "/api/v1/store/orion/products", owner.access_token, { name, price_cents: 100 }),
      422,
      "VALIDATION_ERROR",
      "name",
    );
    await expectError(
      await send("POST", "/api/v1/store/orion/products", owner.access_token, {
        name: `Mug ${tag()}`,
        description: `two${NUL}`,
        price_cents: 100,
      }),
      422,
      "VALIDATION_ERROR",
      "description",
    );
    await expectError(
      await send("PATCH", "/api/v1/store/orion/settings", owner.access_token, { name }),
      422,
      "VALIDATION_ERROR",
      "name",
    );
    await expectError(
      await send("PATCH", "/api/v1/store/orion/settings", owner.access_token, {
        name: "ORION\r\nBcc: x@example.com",
      }),
      422,
      "VALIDATION_ERROR",
      "name",
    );
    const [store] = await testSql()`select id from stores where slug = 'orion'`;
    await expectError(
      await send("PATCH", `/api/v1/admin/stores/${store!.id}`, admin, { name }),
      422,
      "VALIDATION_ERROR",
      "name",
    );
    await expectError(
      await send("POST", "/api/v1/admin/locks/unlock", admin, {
        area: "store",
        identifier: `x${NUL}`,
        store_code: "ORION",
      }),
      422,
      "VALIDATION_ERROR",
      "identifier",
    );
    expect(await testSql()`select id from products where name like 'Bad%name%'`).toHaveLength(0);
  });

  it("keeps tabs and line breaks in a product description, as newlines", async () => {
    const res = await send("POST", "/api/v1/store/orion/products", owner.access_token, {
      name: `Mug ${tag()}`,
      description: "Line one\r\n\tLine two",
      price_cents: 100,
    });
    expect(res.status).toBe(201);
    expect(((await res.json()) as { description: string }).description).toBe("Line one\n\tLine two");
  });

  it("refuses a NUL in a search query with 422 on q, and a page shows the unfiltered list", async () => {
    await expectError(await get(`/api/v1/storefront/orion/products?q=lamp%00`), 422, "VALIDATION_ERROR", "q");
    await expectError(
      await get(`/api/v1/store/orion/products?q=%00`, { authorization: `Bearer ${owner.access_token}` }),
      422,
      "VALIDATION_ERROR",
      "q",
    );
    await expectError(
      await get(`/api/v1/admin/stores?q=%00`, { authorization: `Bearer ${admin}` }),
      422,
      "VALIDATION_ERROR",
      "q",
    );
    await expectError(
      await get(`/api/v1/admin/audit-events?who=%00`, { authorization: `Bearer ${admin}` }),
      422,
      "VALIDATION_ERROR",
      "who",
    );
    const page = await get("/storefront/orion?q=%00");
    expect(page.status).toBe(200);
    const adminPage = await get("/admin/stores?q=%00", { cookie: `admin_token=${admin}` });
    expect(adminPage.status).toBe(200);
  });
});

describe("an order naming one product twice", () => {
  const address = {
    name: "Nia Null",
    line1: "1 Rue Haute",
    postal_code: "1234",
    city: "Luxembourg",
    country: "LU",
  };

  it("counts both lines against the stock: more than there is is a 409 and takes nothing", async () => {
    const { token } = await newCustomer();
    const product = await newProduct(3);
    const res = await send("POST", "/api/v1/storefront/orion/orders", token, {
      items: [
        { product_id: product, quantity: 2 },
        { product_id: product, quantity: 2 },
      ],
      shipping_address: address,
    });
    const body = await expectError(res, 409, "CONFLICT");
    expect(body.error.message).toMatch(/Only 3 left/);
    const [row] = await testSql()`select stock from products where id = ${product}`;
    expect(row!.stock).toBe(3);
    expect(await testSql()`select order_id from order_items where product_id = ${product}`).toHaveLength(0);
  });

  it("places one line with the quantities added up when the stock holds", async () => {
    const { token } = await newCustomer();
    const product = await newProduct(3);
    const res = await send("POST", "/api/v1/storefront/orion/orders", token, {
      items: [
        { product_id: product, quantity: 1 },
        { product_id: product, quantity: 2 },
      ],
      shipping_address: address,
    });
    expect(res.status).toBe(201);
    const [row] = await testSql()`select stock from products where id = ${product}`;
    expect(row!.stock).toBe(0);
    const lines = await testSql()`select quantity from order_items where product_id = ${product}`;
    expect(lines.map((l) => l.quantity)).toEqual([3]);
  });
});

describe("a PATCH that changes nothing", () => {
  it("answers 422 for an empty body or only unknown keys on every partial update, and changes nothing", async () => {
    const product = await newProduct(7);
    const [store] = await testSql()`select id from stores where slug = 'orion'`;
    const { token } = await newCustomer();
    const routes: Array<[string, string]> = [
      [`/api/v1/store/orion/settings`, owner.access_token],
      [`/api/v1/store/orion/products/${product}`, owner.access_token],
      [`/api/v1/admin/stores/${store!.id}`, admin],
      [`/api/v1/storefront/orion/account`, token],
    ];
    for (const [url, bearer] of routes) {
      for (const body of [{}, { unknown_key: "x", status: "suspended" }]) {
        const answer = await expectError(await send("PATCH", url, bearer, body), 422, "VALIDATION_ERROR");
        expect(answer.error.details?.[0], url).toMatchObject({
          field: "body",
          message: expect.stringMatching(/^Nothing to change/),
        });
      }
    }
    const [after] = await testSql()`select stock, is_active, description from products where id = ${product}`;
    expect(after).toMatchObject({ stock: 7, is_active: true });
    const [orion] = await testSql()`select status from stores where slug = 'orion'`;
    expect(orion!.status).toBe("active");
  });

  it("changes only the fields a product PATCH names, leaving the others as stored", async () => {
    const product = await newProduct(7);
    await testSql()`update products set description = 'Kept', currency = 'CHF', is_active = false where id = ${product}`;
    const res = await send("PATCH", `/api/v1/store/orion/products/${product}`, owner.access_token, {
      price_cents: 990,
    });
    expect(res.status).toBe(200);
    const [row] =
      await testSql()`select price_cents, stock, description, currency, is_active from products where id = ${product}`;
    expect(row).toEqual({
      price_cents: 990,
      stock: 7,
      description: "Kept",
      currency: "CHF",
      is_active: false,
    });
  });
});

describe("paths and methods the API does not have", () => {
  it("answers an unknown path under /api with the JSON 404, whatever the method", async () => {
    for (const [method, url] of [
      ["GET", "/api"],
      ["GET", "/api/nope"],
      ["GET", "/api/v1"],
      ["POST", "/api/v1/admin/nope"],
      ["DELETE", "/api/v2/anything/at/all"],
      ["GET", "/api/v1/store/orion/nope"],
      ["PUT", `/api/v1/store/orion/products/${crypto.randomUUID()}/extra`],
      ["GET", "/api/v1/storefront/orion/nope"],
      ["GET", "/api/v1/admin/auth/totp/setup/extra"],
    ] as const) {
      const res = await send(method, url, null);
      expect(res.status, `${method} ${url}`).toBe(404);
      expect(res.headers.get("content-type"), url).toMatch(/^application\/json/);
      expect(((await res.json()) as ErrorBody).error.code).toBe("NOT_FOUND");
    }
  });

  it("answers an unsupported method with the JSON 405 and an Allow header of the route's methods", async () => {
    for (const [method, url, allow] of [
      ["DELETE", "/api/v1/admin/auth/login", "OPTIONS, POST"],
      ["GET", "/api/v1/admin/auth/login", "OPTIONS, POST"],
      ["PUT", "/api/v1/store/orion/settings", "GET, HEAD, OPTIONS, PATCH"],
      ["POST", "/api/v1/health", "GET, HEAD, OPTIONS"],
      ["PUT", "/api/v1/storefront/orion/products", "GET, HEAD, OPTIONS"],
      ["DELETE", "/api/v1/storefront/orion/account", "GET, HEAD, OPTIONS, PATCH"],
      ["PUT", "/api/v1/admin/auth/totp", "GET, HEAD, OPTIONS"],
      ["GET", "/api/v1/admin/auth/totp/setup", "OPTIONS, POST"],
      ["DELETE", "/api/v1/store/orion/auth/totp/enable", "OPTIONS, POST"],
    ] as const) {
      const res = await send(method, url, null);
      await expectError(res, 405, "METHOD_NOT_ALLOWED");
      expect(res.headers.get("allow"), `${method} ${url}`).toBe(allow);
    }
  });

  it("answers OPTIONS with 204 and Allow, and never with CORS headers", async () => {
    for (const [url, allow] of [
      ["/api/v1/store/orion/settings", "GET, HEAD, OPTIONS, PATCH"],
      ["/api/v1/admin/auth/login", "OPTIONS, POST"],
      ["/api/v1/storefront/orion/account/addresses", "GET, HEAD, OPTIONS, POST"],
      ["/api/v1/admin/auth/totp/disable", "OPTIONS, POST"],
    ] as const) {
      const res = await fetch(baseUrl() + url, {
        method: "OPTIONS",
        headers: { origin: "https://evil.example", "access-control-request-method": "POST" },
      });
      expect(res.status, url).toBe(204);
      expect(res.headers.get("allow"), url).toBe(allow);
      expect(
        [...res.headers.keys()].filter((k) => k.startsWith("access-control-")),
        url,
      ).toEqual([]);
    }
  });

  it("answers HEAD like GET without a body, and with a 405 where the route has no GET", async () => {
    const health = await fetch(baseUrl() + "/api/v1/health", { method: "HEAD" });
    expect(health.status).toBe(200);
    expect(await health.text()).toBe("");
    const login = await fetch(baseUrl() + "/api/v1/admin/auth/login", { method: "HEAD" });
    expect(login.status).toBe(405);
    expect(login.headers.get("allow")).toBe("OPTIONS, POST");
    const catalog = await fetch(baseUrl() + "/api/v1/storefront/orion/products", { method: "HEAD" });
    expect(catalog.status).toBe(200);
  });

  it("answers every method on every route file with JSON (or an empty 204/HEAD), never Next's bare 405", async () => {
    const root = path.join(process.cwd(), "app/api");
    const routeFiles = readdirSync(root, { recursive: true, encoding: "utf8" }).filter((f) =>
      f.endsWith("route.ts"),
    );
    expect(routeFiles.length).toBeGreaterThan(40);
    const sample: Record<string, string> = {
      "[store]": "orion",
      "[...path]": "orion/products",
      "[[...action]]": "",
      "[[...path]]": "no-such-endpoint",
    };
    for (const file of routeFiles) {
      const url =
        "/api/" +
        path
          .dirname(file)
          .split(path.sep)
          .map((part) => sample[part] ?? (part.startsWith("[") ? crypto.randomUUID() : part))
          .filter(Boolean)
          .join("/");
      for (const method of ["GET", "HEAD", "OPTIONS", "POST", "PUT", "PATCH", "DELETE"]) {
        const res = await fetch(baseUrl() + url, { method, redirect: "manual" });
        const where = `${method} ${url}`;
        expect(res.status, where).toBeLessThan(500);
        if (method === "HEAD" || res.status === 204) {
          if (res.status === 405) expect(res.headers.get("allow"), where).toBeTruthy();
          continue;
        }
        expect(res.headers.get("content-type"), where).toMatch(/^application\/json/);
        if (res.status === 405) {
          expect(res.headers.get("allow"), where).toBeTruthy();
          expect(res.headers.get("allow")!.split(", "), where).not.toContain(method);
          expect(((await res.json()) as ErrorBody).error.code, where).toBe("METHOD_NOT_ALLOWED");
        } else {
          await res.arrayBuffer();
        }
      }
    }
  });
});

describe("mail headers and invitations", () => {
  it("folds a CR/LF in a store's name out of the invitation's subject", async () => {
    const t = tag();
    const created = await send("POST", "/api/v1/admin/stores", admin, {
      code: `MH${t}`.toUpperCase().slice(0, 12),
      slug: `mail-${t}`,
      name: `Mail ${t}`,
      owner: {
        username: `mail_owner_${t}`,
        email: `mail-owner-${t}@example.com`,
        password: "a long admin passphrase",
      },
    });
    expect(created.status).toBe(201);
    const { id, code } = (await created.json()) as { id: string; code: string };
    const login = await storeLogin(code, `mail_owner_${t}`, "a long admin passphrase");
    // A name stored before names were checked, or by hand.
    await testSql()`update stores set name = ${`Mail ${t}\r\nBcc: victim@example.com`} where id = ${id}`;
    const invitee = `invitee-${t}@example.com`;
    expect(
      (
        await send("POST", `/api/v1/store/mail-${t}/team`, login.access_token, {
          email: invitee,
          role: "staff",
        })
      ).status,
    ).toBe(201);
    // The mail worker delivers into the outbox a moment after the answer.
    let mail: { subject: string } | undefined;
    for (const deadline = Date.now() + 10_000; !mail && Date.now() < deadline;) {
      [mail] =
        (await testSql()`select subject, "to" from outbox_messages where "to" = ${invitee}`) as unknown as Array<{
          subject: string;
        }>;
      if (!mail) await new Promise((r) => setTimeout(r, 100));
    }
    expect(mail!.subject).toBe(`You are invited to the Mail ${t} Bcc: victim@example.com team`);
    expect(mail!.subject).not.toMatch(/[\r\n]/);
  });

  it("invites a platform admin's address like any other, and the invitation cannot be accepted", async () => {
    const toAdmin = await send("POST", "/api/v1/store/orion/team", owner.access_token, {
      email: "admin@orion.test",
      role: "staff",
    });
    const toNobody = await send("POST", "/api/v1/store/orion/team", owner.access_token, {
      email: `nobody-${tag()}@example.com`,
      role: "staff",
    });
    expect([toAdmin.status, toNobody.status]).toEqual([201, 201]);
    const answer = (await toAdmin.json()) as { email: string; invitation_url: string };
    expect(Object.keys(answer).sort()).toEqual(Object.keys(await toNobody.json()).sort());
    const token = new URL(answer.invitation_url).searchParams.get("token")!;
    // An admin's address answers as any address that already has an account: no new account…
    const memberEmail = `member-${tag()}@example.com`;
    await testSql()`insert into users (username, email, password_hash, role)
      select ${`member_${tag()}`}, ${memberEmail}, password_hash, 'store' from users where username = 'acme_staff'`;
    const toMember = await send("POST", "/api/v1/store/orion/team", owner.access_token, {
      email: memberEmail,
      role: "staff",
    });
    const memberToken = new URL(
      ((await toMember.json()) as { invitation_url: string }).invitation_url,
    ).searchParams.get("token")!;
    const newAccount = (t: string) =>
      send("POST", "/api/v1/store/orion/invitations/accept", null, {
        token: t,
        username: `x_${tag()}`,
        password: "amber quarry lantern moss",
      });
    const asAdmin = await newAccount(token);
    const asMember = await newAccount(memberToken);
    expect(asAdmin.status).toBe(asMember.status);
    expect(await asAdmin.json()).toEqual(await asMember.json());
    // …and the admin's own password joins nothing: the answer of any wrong sign-in.
    const signIn = await send("POST", "/api/v1/store/orion/invitations/accept", null, {
      token,
      password: "admin123",
    });
    const wrong = await send("POST", "/api/v1/store/orion/invitations/accept", null, {
      token: memberToken,
      password: "not the password",
    });
    const refused = await expectError(signIn, 401, "INVALID_CREDENTIALS");
    expect(refused).toEqual(await wrong.json());
    const members =
      await testSql()`select m.user_id from store_members m join users u on u.id = m.user_id where u.email = 'admin@orion.test'`;
    expect(members).toHaveLength(0);
  });
});
