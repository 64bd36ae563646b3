// The contract of GET /api/v1/openapi.json held against the running server: real answers of
// each area, successes and errors, must have a status their operation documents and a body
// its documented JSON Schema accepts (unknown fields included: the schemas are closed).
import { Validator } from "@seriousme/openapi-schema-validator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { adminLogin, get, postJson, send, storeLogin } from "../support/http";
import { testSql } from "./db";

type Operation = {
  operationId: string;
  responses: Record<string, { content?: Record<string, { schema: unknown }> }>;
};
type Document = { paths: Record<string, Record<string, Operation>> };

let document: Document;
const checked = new Map<string, Set<number>>();

beforeAll(async () => {
  const res = await get("/api/v1/openapi.json");
  expect(res.status).toBe(200);
  const validator = new Validator();
  const result = await validator.validate(await res.json());
  expect(result.errors ?? []).toEqual([]);
  document = validator.resolveRefs() as Document;
});

afterAll(async () => {
  await testSql().end();
});

/** `res` as the document describes `method path` (an OpenAPI path template): status and body. */
async function expectDocumented(method: string, path: string, res: Response): Promise<unknown> {
  const operation = document.paths[path]?.[method.toLowerCase()];
  expect(operation, `${method} ${path} is documented`).toBeDefined();
  const documented = operation!.responses[String(res.status)];
  expect(documented, `${operation!.operationId} documents ${res.status}`).toBeDefined();
  const statuses = checked.get(operation!.operationId) ?? new Set<number>();
  checked.set(operation!.operationId, statuses.add(res.status));
  if (res.status === 204) {
    expect(await res.text()).toBe("");
    return null;
  }
  expect(res.headers.get("content-type")).toBe("application/json; charset=utf-8");
  const body: unknown = await res.json();
  const schema = z.fromJSONSchema(documented!.content!["application/json"]!.schema as never);
  const parsed = schema.safeParse(body);
  expect(
    parsed.success ? [] : parsed.error.issues,
    `${operation!.operationId} ${res.status}: ${JSON.stringify(body).slice(0, 400)}`,
  ).toEqual([]);
  return body;
}

const unique = () => `contract-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;

describe("the API answers as its document says", () => {
  it("platform: health, readiness and the document itself", async () => {
    await expectDocumented("GET", "/api/v1/health", await get("/api/v1/health"));
    await expectDocumented("GET", "/api/v1/health/ready", await get("/api/v1/health/ready"));
    await expectDocumented("GET", "/api/v1/openapi.json", await get("/api/v1/openapi.json"));
    const refused = await send("POST", "/api/v1/health", null);
    expect(refused.status).toBe(405);
    await expectDocumented("GET", "/api/v1/health", new Response(refused.body, refused));
  });

  it("admin: sign-in, stores, users, audit events and their errors", async () => {
    const A = "/api/v1/admin";
    await expectDocumented(
      "POST",
      `${A}/auth/login`,
      await postJson(`${A}/auth/login`, { email_or_username: "admin", password: "admin123" }),
    );
    await expectDocumented(
      "POST",
      `${A}/auth/login`,
      await postJson(`${A}/auth/login`, { email_or_username: "admin", password: "wrong-password" }),
    );
    await expectDocumented("POST", `${A}/auth/login`, await postJson(`${A}/auth/login`, { password: 1 }));
    const { access_token: token, refresh_token } = await adminLogin();
    await expectDocumented("GET", `${A}/auth/me`, await send("GET", `${A}/auth/me`, token));
    await expectDocumented("GET", `${A}/auth/me`, await send("GET", `${A}/auth/me`, null));
    await expectDocumented("GET", `${A}/auth/totp`, await send("GET", `${A}/auth/totp`, token));
    await expectDocumented(
      "POST",
      `${A}/auth/refresh`,
      await postJson(`${A}/auth/refresh`, { refresh_token }),
    );
    const stores = (await expectDocumented(
      "GET",
      `${A}/stores`,
      await send("GET", `${A}/stores?q=a`, token),
    )) as {
      items: { id: string }[];
    };
    const id = stores.items[0]!.id;
    await expectDocumented("GET", `${A}/stores/{id}`, await send("GET", `${A}/stores/${id}`, token));
    await expectDocumented("GET", `${A}/stores/{id}`, await send("GET", `${A}/stores/not-an-id`, token));
    await expectDocumented("POST", `${A}/stores`, await send("POST", `${A}/stores`, token, { code: "?" }));
    const code = `C${Date.now().toString(36).slice(-6).toUpperCase()}`;
    await expectDocumented(
      "POST",
      `${A}/stores`,
      await send("POST", `${A}/stores`, token, {
        code,
        slug: code.toLowerCase(),
        name: "Contract Store",
        owner: { username: unique(), email: `${unique()}@example.com`, password: "quartz lantern meadow 42" },
      }),
    );
    await expectDocumented("GET", `${A}/users`, await send("GET", `${A}/users?role=store`, token));
    await expectDocumented(
      "GET",
      `${A}/audit-events`,
      await send("GET", `${A}/audit-events?area=admin`, token),
    );
    const store = await storeLogin("ACME", "store_owner", "store123");
    await expectDocumented("GET", `${A}/users`, await send("GET", `${A}/users`, store.access_token));
  });

  it("store: a member's products, orders, customers, team, mail and settings, and the refusals", async () => {
    const S = "/api/v1/store/{store}";
    await expectDocumented(
      "POST",
      "/api/v1/store/auth/login",
      await postJson("/api/v1/store/auth/login", {
        email_or_username: "store_owner",
        password: "store123",
        store_code: "ACME",
      }),
    );
    const { access_token: token } = await storeLogin("ACME", "store_owner", "store123");
    const at = (rest: string) => `/api/v1/store/acme${rest}`;
    await expectDocumented("GET", `${S}/auth/me`, await send("GET", at("/auth/me"), token));
    await expectDocumented("GET", `${S}/auth/totp`, await send("GET", at("/auth/totp"), token));
    await expectDocumented("GET", `${S}/products`, await send("GET", at("/products?archived=true"), token));
    const product = (await expectDocumented(
      "POST",
      `${S}/products`,
      await send("POST", at("/products"), token, { name: "Contract mug", price_cents: 1200, stock: 3 }),
    )) as { id: string };
    await expectDocumented(
      "GET",
      `${S}/products/{id}`,
      await send("GET", at(`/products/${product.id}`), token),
    );
    await expectDocumented(
      "PATCH",
      `${S}/products/{id}`,
      await send("PATCH", at(`/products/${product.id}`), token, {}),
    );
    await expectDocumented(
      "GET",
      `${S}/products/{id}/images`,
      await send("GET", at(`/products/${product.id}/images`), token),
    );
    await expectDocumented("GET", `${S}/orders`, await send("GET", at("/orders"), token));
    await expectDocumented(
      "GET",
      `${S}/orders/{id}`,
      await send("GET", at("/orders/00000000-0000-0000-0000-000000000000"), token),
    );
    await expectDocumented("GET", `${S}/customers`, await send("GET", at("/customers"), token));
    await expectDocumented("GET", `${S}/team`, await send("GET", at("/team"), token));
    await expectDocumented("GET", `${S}/team/mfa-policy`, await send("GET", at("/team/mfa-policy"), token));
    await expectDocumented("GET", `${S}/mail`, await send("GET", at("/mail"), token));
    await expectDocumented("GET", `${S}/settings`, await send("GET", at("/settings"), token));
    await expectDocumented("GET", `${S}/settings/sign-in`, await send("GET", at("/settings/sign-in"), token));
    await expectDocumented("GET", `${S}/settings/domains`, await send("GET", at("/settings/domains"), token));
    await expectDocumented("GET", `${S}/products`, await send("GET", at("/products"), null));
    await expectDocumented("GET", `${S}/products`, await send("GET", "/api/v1/store/orion/products", token));
    await expectDocumented(
      "GET",
      `${S}/products`,
      await send("GET", "/api/v1/store/no-such-store/products", token),
    );
    await expectDocumented(
      "DELETE",
      `${S}/products/{id}`,
      await send("DELETE", at(`/products/${product.id}`), token),
    );
  });

  it("storefront: the catalog, a new customer's account, and the refusals", async () => {
    const F = "/api/v1/storefront/{store}";
    const at = (rest: string) => `/api/v1/storefront/acme${rest}`;
    const catalog = (await expectDocumented("GET", `${F}/products`, await get(at("/products")))) as {
      items: { id: string }[];
    };
    await expectDocumented("GET", `${F}/products/{id}`, await get(at(`/products/${catalog.items[0]!.id}`)));
    await expectDocumented("GET", `${F}/products/{id}`, await get(at("/products/nope")));
    await expectDocumented("GET", `${F}/products`, await get(at("/products?q=%00")));
    const email = `${unique()}@example.com`;
    const password = "amber canal ferry lantern";
    await expectDocumented(
      "POST",
      `${F}/auth/register`,
      await postJson(at("/auth/register"), {
        first_name: "Sam",
        last_name: "Shopper",
        email,
        password,
        marketing_consent: false,
      }),
    );
    await expectDocumented("POST", `${F}/auth/register`, await postJson(at("/auth/register"), { email }));
    await expectDocumented(
      "POST",
      `${F}/auth/login`,
      await postJson(at("/auth/login"), { email_or_username: email, password: "not the password" }),
    );
    const login = (await expectDocumented(
      "POST",
      `${F}/auth/login`,
      await postJson(at("/auth/login"), { email_or_username: email, password }),
    )) as { access_token: string };
    const token = login.access_token;
    await expectDocumented("GET", `${F}/auth/me`, await send("GET", at("/auth/me"), token));
    await expectDocumented("GET", `${F}/auth/me`, await send("GET", at("/auth/me"), null));
    await expectDocumented("GET", `${F}/account`, await send("GET", at("/account"), token));
    await expectDocumented(
      "PATCH",
      `${F}/account`,
      await send("PATCH", at("/account"), token, { first_name: "Samuel" }),
    );
    const address = (await expectDocumented(
      "POST",
      `${F}/account/addresses`,
      await send("POST", at("/account/addresses"), token, {
        name: "Sam Shopper",
        line1: "1 Rue de la Gare",
        postal_code: "1611",
        city: "Luxembourg",
        country: "LU",
      }),
    )) as { id: string };
    await expectDocumented(
      "GET",
      `${F}/account/addresses`,
      await send("GET", at("/account/addresses"), token),
    );
    await expectDocumented(
      "DELETE",
      `${F}/account/addresses/{id}`,
      await send("DELETE", at(`/account/addresses/${address.id}`), token),
    );
    await expectDocumented(
      "POST",
      `${F}/account/wishlist`,
      await send("POST", at("/account/wishlist"), token, { product_id: catalog.items[0]!.id }),
    );
    await expectDocumented("GET", `${F}/account/wishlist`, await send("GET", at("/account/wishlist"), token));
    await expectDocumented("GET", `${F}/account/sessions`, await send("GET", at("/account/sessions"), token));
    await expectDocumented("GET", `${F}/account/totp`, await send("GET", at("/account/totp"), token));
    await expectDocumented("GET", `${F}/orders`, await send("GET", at("/orders"), token));
    await expectDocumented("GET", `${F}/orders`, await send("GET", "/api/v1/storefront/orion/orders", token));
    const { access_token: staff } = await storeLogin("ACME", "store_owner", "store123");
    await expectDocumented("GET", `${F}/account`, await send("GET", at("/account"), staff));
  });

  it("sampled operations of every area, with successes and errors", () => {
    const statuses = [...checked.values()].flatMap((s) => [...s]);
    expect(statuses.some((s) => s >= 200 && s < 300)).toBe(true);
    for (const status of [204, 401, 403, 404, 405, 422]) expect(statuses, String(status)).toContain(status);
    const ids = [...checked.keys()];
    for (const prefix of ["admin", "store", "storefront"]) {
      expect(ids.filter((id) => id.startsWith(prefix)).length, prefix).toBeGreaterThanOrEqual(8);
    }
  });
});
