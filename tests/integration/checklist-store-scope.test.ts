// A store member's requests are scoped by the authenticated store, never by a store the
// client names (checklist S12): an `X-Store-Id` header, a `store_id`/`storeId` in the body or
// the query leave reads on the caller's store and writes in it, and the other store untouched.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { baseUrl, rawRequest, storeLogin } from "../support/http";
import { testSql } from "./db";

const call = (path: string, options: Parameters<typeof rawRequest>[2] = {}) =>
  rawRequest(baseUrl(), path, options);

let orionId: string;
let acmeId: string;
let token: string;

beforeAll(async () => {
  const rows = await testSql()`select id, code from stores where code in ('ORION', 'ACME')`;
  orionId = rows.find((r) => r.code === "ORION")!.id;
  acmeId = rows.find((r) => r.code === "ACME")!.id;
  token = (await storeLogin("ACME", "store_owner", "store123")).access_token;
});

afterAll(async () => {
  await testSql().end();
});

const otherStore = () => ({
  "x-store-id": orionId,
  "x-store": "ORION",
  "x-store-code": "ORION",
  "x-store-slug": "orion",
});

describe("a store named by the client", () => {
  it("reads only the caller's products and customers, whatever header or query names another store", async () => {
    for (const path of [
      "/api/v1/store/acme/products",
      "/api/v1/store/acme/customers",
      "/api/v1/store/acme/orders",
    ]) {
      const plain = await call(path, { token });
      const steered = await call(`${path}?store=orion&store_id=${orionId}&storeId=${orionId}`, {
        token,
        headers: otherStore(),
      });
      expect(steered.status, path).toBe(200);
      expect(await steered.text(), path).toBe(await plain.text());
    }
    const body = (await (
      await call("/api/v1/store/acme/products", { token, headers: otherStore() })
    ).json()) as {
      items: Array<{ id: string }>;
    };
    const owned = new Set(
      (await testSql()`select id from products where store_id = ${acmeId}`).map((r) => r.id),
    );
    expect(body.items.length).toBeGreaterThan(0);
    expect(body.items.filter((p) => !owned.has(p.id))).toEqual([]);
  });

  it("creates a product in the caller's store, whatever the body or a header says, and adds nothing to the other", async () => {
    const before = await testSql()`select count(*)::int as n from products where store_id = ${orionId}`;
    const name = `Scoped ${randomUUID().slice(0, 8)}`;
    const res = await call("/api/v1/store/acme/products", {
      token,
      headers: otherStore(),
      body: { name, price_cents: 1200, store_id: orionId, storeId: orionId },
    });
    expect(res.status).toBe(201);
    const [row] = await testSql()`select store_id from products where name = ${name}`;
    expect(row!.store_id).toBe(acmeId);
    expect(await testSql()`select count(*)::int as n from products where store_id = ${orionId}`).toEqual(
      before,
    );
  });
});
