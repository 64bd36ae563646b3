// Custom domains cannot hijack (checklist S61): a store cannot claim the platform's host, a
// subdomain of it (its own or another store's, or the admin console's), or a domain another
// store holds; a claimed domain serves nothing until the platform verifies it.
import { afterAll, describe, expect, it } from "vitest";
import { baseUrl, rawRequest, storeLogin } from "../support/http";
import { testSql } from "./db";

afterAll(async () => {
  await testSql().end();
});

describe("claiming a custom domain", () => {
  it("refuses the platform's host and its subdomains, and another store's domain, and adds nothing", async () => {
    const acme = await storeLogin("ACME", "store_owner", "store123");
    const claim = (domain: string) =>
      rawRequest(baseUrl(), "/api/v1/store/acme/settings/domains", {
        token: acme.access_token,
        body: { domain },
      });
    const [before] = await testSql()`select count(*)::int as n from store_domains`;
    for (const domain of [
      "localhost",
      "admin.localhost",
      "orion.localhost",
      "ACME.localhost.",
      "x.y.localhost",
    ]) {
      const res = await claim(domain);
      expect(res.status, domain).toBe(422);
      expect((await res.json()).error.details[0].field, domain).toBe("domain");
    }
    // ORION's verified domain, in any spelling.
    for (const domain of ["orion.lu", "ORION.LU", "orion.lu."]) {
      const res = await claim(domain);
      expect(res.status, domain).toBe(409);
    }
    const [after] = await testSql()`select count(*)::int as n from store_domains`;
    expect(after!.n).toBe(before!.n);
    const [owner] =
      await testSql()`select s.slug from store_domains d join stores s on s.id = d.store_id where d.domain = 'orion.lu'`;
    expect(owner!.slug).toBe("orion");
  });

  it("serves nothing on a claimed domain until the platform verifies it", async () => {
    const acme = await storeLogin("ACME", "store_owner", "store123");
    const domain = `claim-${Math.random().toString(36).slice(2, 8)}.example`;
    const res = await rawRequest(baseUrl(), "/api/v1/store/acme/settings/domains", {
      token: acme.access_token,
      body: { domain },
    });
    expect(res.status).toBe(201);
    const host = `${domain}:${new URL(baseUrl()).port}`;
    expect((await rawRequest(baseUrl(), "/storefront", { host })).status).toBe(400);
    expect((await rawRequest(baseUrl(), "/api/v1/storefront/products", { host })).status).toBe(400);
  });
});
