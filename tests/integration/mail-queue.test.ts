// Nothing is lost while the mail server is away: mail waits in the queue (PostgreSQL), the
// request is answered as usual, and the mail goes out once the mail server is back, once,
// whichever of several instances works the queue.
import { testPort } from "../support/ports";
import { randomBytes } from "node:crypto";
import { afterAll, afterEach, describe, expect, inject, it } from "vitest";
import { type TestServer, startServer } from "../support/server";
import { linkFor, startSmtp } from "../support/smtp";
import { rawRequest } from "../support/http";
import { testSql } from "./db";

const PORT = testPort("ORION_TEST_MAILQ_PORT", 3131);
// Where each test's mail server listens, once it is up; until then nothing does. Every test
// has a port of its own: a mail server just closed still holds its connections.
const SMTP_PORT = testPort("ORION_TEST_MAILQ_SMTP_PORT", 3135);

let servers: TestServer[] = [];
let smtp: Awaited<ReturnType<typeof startSmtp>> | undefined;

afterEach(async () => {
  await Promise.all(servers.map((s) => s.stop()));
  servers = [];
  await smtp?.stop();
  smtp = undefined;
});

afterAll(async () => {
  await testSql().end();
});

const queueName = () => `mail_queue_test_${randomBytes(4).toString("hex")}`;

async function start(
  port: number,
  queue: string,
  smtpPort: number,
  env: Record<string, string> = {},
): Promise<TestServer> {
  const server = await startServer({
    databaseUrl: inject("databaseUrl"),
    port,
    env: {
      SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
      MAIL_QUEUE: queue,
      MAIL_RETRY_BASE_SECONDS: "1",
      ...env,
    },
  });
  servers.push(server);
  return server;
}

async function register(server: TestServer): Promise<{ email: string; status: number }> {
  const email = `queued-${randomBytes(4).toString("hex")}@example.com`;
  const res = await rawRequest(server.url, "/api/v1/storefront/orion/auth/register", {
    body: {
      first_name: "Quinn",
      last_name: "Queue",
      email,
      password: "first maple orbit candle",
      marketing_consent: false,
    },
  });
  return { email, status: res.status };
}

/** The queue's jobs by state, once none is waiting or under way any more. */
async function settled(queue: string, timeoutMs = 20_000): Promise<Record<string, number>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const rows =
      await testSql()`select state, count(*)::int as n from pgboss.job where name = ${queue} group by state`;
    const states = Object.fromEntries(rows.map((r) => [r.state as string, r.n as number]));
    if (Object.keys(states).every((s) => s === "completed" || s === "failed")) return states;
    if (Date.now() > deadline) throw new Error(`queue ${queue} not settled: ${JSON.stringify(states)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe("mail while the mail server is down", () => {
  it("answers a registration 201 at once, and the verification mail arrives once the mail server is up", async () => {
    const queue = queueName();
    const smtpPort = SMTP_PORT;
    const server = await start(PORT, queue, smtpPort);
    const shopper = await register(server);
    expect(shopper.status).toBe(201);
    // Answered without the mail: it waits in the queue, not yet delivered.
    const [job] = await testSql()`select state, data->>'to' as "to" from pgboss.job where name = ${queue}`;
    expect(job?.to).toBe(shopper.email);
    expect(job?.state).not.toBe("completed");
    // The mail server comes up only once an attempt has failed on it being down.
    await expect
      .poll(
        async () =>
          (await testSql()`select retry_count from pgboss.job where name = ${queue}`)[0]?.retry_count,
        {
          timeout: 20_000,
          interval: 100,
        },
      )
      .toBeGreaterThan(0);

    smtp = await startSmtp({ port: smtpPort });
    const link = await linkFor(smtp.messages, shopper.email, "/account/verify-email", 0, 20_000);
    expect(link).toMatch(/verify-email\?token=[A-Za-z0-9_-]{43}$/);
    expect(await settled(queue)).toEqual({ completed: 1 });
    expect(smtp.messages.filter((m) => m.to.includes(shopper.email))).toHaveLength(1);
    // The server said why the first tries failed, without the message or its link.
    expect(server.output()).toContain("mail not delivered yet");
    expect(server.output()).not.toContain(link.split("token=")[1]);
  });

  it("keeps the mail of a server stopped on SIGTERM, and the next instance delivers it", async () => {
    const queue = queueName();
    const smtpPort = SMTP_PORT + 1;
    const first = await start(PORT, queue, smtpPort);
    const shopper = await register(first);
    expect(shopper.status).toBe(201);
    await first.stop();
    expect(first.process.exitCode).toBe(0);
    servers = [];

    smtp = await startSmtp({ port: smtpPort });
    await start(PORT, queue, smtpPort);
    await linkFor(smtp.messages, shopper.email, "/account/verify-email", 0, 20_000);
    expect(await settled(queue)).toEqual({ completed: 1 });
  });

  it("answers invitations, forgot-password and resend-verification as usual, and their mail goes once the mail server is up", async () => {
    const smtpPort = SMTP_PORT + 3;
    const server = await start(PORT, queueName(), smtpPort);
    const shopper = await register(server);
    expect(shopper.status).toBe(201);
    const password = "first maple orbit candle";
    const signedIn = await rawRequest(server.url, "/api/v1/storefront/orion/auth/login", {
      body: { email_or_username: shopper.email, password },
    });
    const { access_token: customerToken } = (await signedIn.json()) as { access_token: string };
    // Past the minute between two verification mails.
    await testSql()`update one_time_tokens set created_at = now() - interval '2 minutes' where email = ${shopper.email}`;
    const resend = await rawRequest(server.url, "/api/v1/storefront/orion/auth/resend-verification", {
      body: {},
      token: customerToken,
    });
    expect(resend.status).toBe(202);
    const forgot = await rawRequest(server.url, "/api/v1/storefront/orion/auth/forgot-password", {
      body: { email: shopper.email },
    });
    expect(forgot.status).toBe(202);
    const owner = await rawRequest(server.url, "/api/v1/store/auth/login", {
      body: { email_or_username: "store_owner", password: "store123", store_code: "ORION" },
    });
    const { access_token: ownerToken } = (await owner.json()) as { access_token: string };
    const invitee = `invitee-${randomBytes(4).toString("hex")}@example.com`;
    const invited = await rawRequest(server.url, "/api/v1/store/orion/team", {
      body: { email: invitee, role: "staff" },
      token: ownerToken,
    });
    expect(invited.status).toBe(201);

    smtp = await startSmtp({ port: smtpPort });
    await linkFor(smtp.messages, invitee, "/store/orion/accept-invitation", 0, 20_000);
    await linkFor(smtp.messages, shopper.email, "/account/reset-password", 0, 20_000);
    const verification = await testSql()`select count(*)::int as n from one_time_tokens
      where email = ${shopper.email} and purpose = 'email_verification'`;
    expect(verification[0]!.n).toBe(2);
    for (const deadline = Date.now() + 20_000; Date.now() < deadline;) {
      if (
        smtp.messages.filter((m) => m.to.includes(shopper.email) && m.text.includes("/verify-email"))
          .length === 2
      )
        break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(
      smtp.messages.filter((m) => m.to.includes(shopper.email) && m.text.includes("/verify-email")),
    ).toHaveLength(2);
  });
});

describe("a server killed mid-delivery", () => {
  it("delivers the mail after a restart, once, when its lease has run out", async () => {
    const queue = queueName();
    const smtpPort = SMTP_PORT + 4;
    // The mail server takes the message's data and never answers: the delivery hangs.
    smtp = await startSmtp({ port: smtpPort, stalled: true });
    const lease = { MAIL_LEASE_SECONDS: "3" };
    const first = await start(PORT, queue, smtpPort, lease);
    const shopper = await register(first);
    expect(shopper.status).toBe(201);
    for (const deadline = Date.now() + 20_000; smtp.stalls() === 0;) {
      if (Date.now() > deadline) throw new Error("the delivery never reached the mail server");
      await new Promise((r) => setTimeout(r, 50));
    }
    const [active] = await testSql()`select state from pgboss.job where name = ${queue}`;
    expect(active?.state).toBe("active");
    const killed = new Promise((resolve) => first.process.once("exit", resolve));
    first.process.kill("SIGKILL");
    await killed;
    servers = [];
    smtp.stall(false);

    await start(PORT + 1, queue, smtpPort, lease);
    await linkFor(smtp.messages, shopper.email, "/account/verify-email", 0, 30_000);
    expect(await settled(queue)).toEqual({ completed: 1 });
    expect(smtp.messages.filter((m) => m.to.includes(shopper.email))).toHaveLength(1);
    // Two server starts, a lease and a retry.
  }, 90_000);
});

describe("two instances on one queue", () => {
  it("deliver each queued mail exactly once", async () => {
    const queue = queueName();
    const smtpPort = SMTP_PORT + 2;
    const [a, b] = await Promise.all([start(PORT, queue, smtpPort), start(PORT + 1, queue, smtpPort)]);
    // Queued through both while the mail server is down: both workers race for every retry.
    const MAILS = 20;
    const shoppers = [];
    for (let i = 0; i < MAILS; i++) shoppers.push(await register(i % 2 ? b! : a!));
    expect(shoppers.map((s) => s.status)).toEqual(Array(MAILS).fill(201));

    smtp = await startSmtp({ port: smtpPort });
    for (const s of shoppers) await linkFor(smtp.messages, s.email, "/account/verify-email", 0, 20_000);
    expect(await settled(queue)).toEqual({ completed: MAILS });
    for (const s of shoppers) {
      expect(
        smtp.messages.filter((m) => m.to.includes(s.email)),
        s.email,
      ).toHaveLength(1);
    }
    expect(smtp.messages).toHaveLength(MAILS);
  }, 90_000);
});
