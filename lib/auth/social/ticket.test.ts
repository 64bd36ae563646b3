import { beforeAll, describe, expect, it } from "vitest";
import { signAccessToken, verifyAccessToken } from "../tokens";
import { type SignInTicket, hashNonce, signTicket, verifyTicket } from "./ticket";

beforeAll(() => {
  process.env.JWT_SECRET_KEY = "unit-test-secret-0123456789abcdef0123456789";
});

const ticket: SignInTicket = {
  store_id: "8b0f7f0e-6c55-4c2b-9a57-6f3d3b1d8e01",
  slug: "orion",
  method: "domain",
  host: "orion.lu:3000",
  provider: "oidc",
  next: "/storefront/account/orders",
  nonce: hashNonce("browser-nonce"),
  link_customer_id: null,
};

describe("sign-in tickets", () => {
  it("round-trip the store, method, host and return path", async () => {
    expect(await verifyTicket(await signTicket(ticket))).toEqual(ticket);
  });

  it("refuse a ticket whose store was changed without the key", async () => {
    const [h, p, s] = (await signTicket(ticket)).split(".");
    const claims = JSON.parse(Buffer.from(p!, "base64url").toString());
    const forged = Buffer.from(
      JSON.stringify({ ...claims, slug: "acme", host: "acme.localhost:3000" }),
    ).toString("base64url");
    expect(await verifyTicket([h, forged, s].join("."))).toBeNull();
  });

  it("are no access token, and an access token is no ticket", async () => {
    const { token } = await signAccessToken({
      sub: ticket.store_id,
      type: "customer",
      email: "a@example.com",
      store_id: ticket.store_id,
      sid: ticket.store_id,
    });
    expect(await verifyTicket(token)).toBeNull();
    expect(await verifyAccessToken(await signTicket(ticket))).toBeNull();
  });

  it("refuse junk", async () => {
    for (const junk of ["", "a.b.c", "x".repeat(5000)]) expect(await verifyTicket(junk)).toBeNull();
  });
});
