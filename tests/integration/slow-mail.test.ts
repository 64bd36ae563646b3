// A slow mail server holds up no answer, and forgot-password answers an existing address as
// fast as an unknown one (checklist S38, S39): the link is made and mailed after the answer.
import { testPort } from "../support/ports";
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { type TestServer, startServer } from "../support/server";
import { linkFor, startSmtp } from "../support/smtp";
import { rawRequest } from "../support/http";
import { testSql } from "./db";

const PORT = testPort("ORION_TEST_SLOW_MAIL_PORT", 3119);
const STALL_MS = 3000;

let server: TestServer;
let smtp: Awaited<ReturnType<typeof startSmtp>>;

beforeAll(async () => {
  smtp = await startSmtp({ delayMs: STALL_MS });
  server = await startServer({ databaseUrl: inject("databaseUrl"), port: PORT, env: { SMTP_URL: smtp.url } });
});

afterAll(async () => {
  await server?.stop();
  await smtp?.stop();
  await testSql().end();
});

async function timed(body: unknown, path: string): Promise<{ status: number; ms: number }> {
  const started = performance.now();
  const res = await rawRequest(server.url, path, { body });
  return { status: res.status, ms: performance.now() - started };
}

describe("forgot-password with a mail server that takes 3 s per message", () => {
  it("answers an existing and an unknown address alike, long before the mail goes, and the mail still goes", async () => {
    const email = `slow-${randomBytes(4).toString("hex")}@orion.test`;
    await testSql()`insert into users (username, email, password_hash, role)
      select 'slow_' || ${randomBytes(4).toString("hex")}, ${email}, password_hash, 'admin' from users where username = 'admin'`;
    const before = smtp.messages.length;
    const known = await timed({ email }, "/api/v1/admin/auth/forgot-password");
    const unknown = await timed(
      { email: `nobody-${randomBytes(4).toString("hex")}@orion.test` },
      "/api/v1/admin/auth/forgot-password",
    );
    expect([known.status, unknown.status]).toEqual([202, 202]);
    // Far below the stall: the answer did not wait for the mail server.
    expect(known.ms).toBeLessThan(STALL_MS / 2);
    expect(unknown.ms).toBeLessThan(STALL_MS / 2);
    const link = await linkFor(smtp.messages, email, "/admin/reset-password", before);
    expect(link).toMatch(/token=[A-Za-z0-9_-]{43}$/);
  });
});
