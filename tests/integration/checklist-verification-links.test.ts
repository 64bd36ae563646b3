// Email verification links (checklist S57, README › Mail): good for 24 hours, once, at the store
// that sent them. Past their time or at another store they confirm nothing. There is no
// change of email address in the product, so the "old link after a change" case does not arise.
import { testPort } from "../support/ports";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { randomUUID } from "node:crypto";
import { type TestServer, startServer } from "../support/server";
import { linkFor, startSmtp } from "../support/smtp";
import { rawRequest } from "../support/http";
import { testSql } from "./db";

const PORT = testPort("ORION_TEST_VERIFY_PORT", 3152);
const PASSWORD = "saffron ledger pylon brook";

let server: TestServer;
let smtp: Awaited<ReturnType<typeof startSmtp>>;

beforeAll(async () => {
  smtp = await startSmtp();
  server = await startServer({ databaseUrl: inject("databaseUrl"), port: PORT, env: { SMTP_URL: smtp.url } });
});

afterAll(async () => {
  await server?.stop();
  await smtp?.stop();
  await testSql().end();
});

const call = (path: string, body: unknown) => rawRequest(server.url, path, { body });

/** A new shopper of ORION and the token of the verification link mailed to it. */
async function registered(): Promise<{ id: string; token: string }> {
  const before = smtp.messages.length;
  const email = `verify-${randomUUID()}@example.com`;
  const reg = await call("/api/v1/storefront/orion/auth/register", {
    first_name: "Vera",
    last_name: "Fy",
    email,
    password: PASSWORD,
    marketing_consent: false,
  });
  expect(reg.status).toBe(201);
  const link = await linkFor(smtp.messages, email, "/verify-email", before);
  const { customer } = (await reg.json()) as { customer: { id: string } };
  return { id: customer.id, token: new URL(link).searchParams.get("token")! };
}

async function verifiedAt(id: string) {
  const [row] = await testSql()`select email_verified_at from customers where id = ${id}`;
  return row!.email_verified_at as Date | null;
}

describe("email verification links", () => {
  it("live 24 hours, and a link past its time confirms nothing", async () => {
    const { id, token } = await registered();
    const [row] = await testSql()`select extract(epoch from expires_at - created_at)::int as seconds
      from one_time_tokens where customer_id = ${id} and purpose = 'email_verification'`;
    expect(row!.seconds).toBe(24 * 3600);
    await testSql()`update one_time_tokens set expires_at = now() - interval '1 second'
      where customer_id = ${id} and purpose = 'email_verification'`;
    const res = await call("/api/v1/storefront/orion/auth/verify-email", { token });
    expect(res.status).toBe(400);
    expect(await verifiedAt(id)).toBeNull();
  });

  it("confirm nothing at another store", async () => {
    const { id, token } = await registered();
    expect((await call("/api/v1/storefront/acme/auth/verify-email", { token })).status).toBe(400);
    expect(await verifiedAt(id)).toBeNull();
  });
});
