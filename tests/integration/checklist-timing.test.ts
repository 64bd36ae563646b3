// No timing oracle for account existence (checklist S38, README › Abuse controls): a wrong password for an
// existing account and any password for an unknown one take the same time at the login of
// every area, and forgot-password answers a known and an unknown address in the same time.
//
// A server of its own hashes at bcrypt cost 10, so one compare (tens of milliseconds) stands
// well above the noise of a busy machine, and its mail server holds every message 300 ms, so
// mailing before the answer would show. Requests are sent in interleaved pairs, the order
// alternating, and the median of the pairs' differences is compared with a bound: for login,
// half of one bcrypt compare at the server's cost measured here and now (skipping the compare
// for unknown accounts would make the difference a whole one); for forgot-password, 50 ms.
// Resend-verification is for a signed-in shopper (it names no address), so it has nothing to
// tell about other accounts; registration answers a repeat with 409 by README › API (S39).
import { testPort } from "../support/ports";
import { randomBytes } from "node:crypto";
import bcrypt from "bcryptjs";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { type TestServer, startServer } from "../support/server";
import { startSmtp } from "../support/smtp";
import { rawRequest } from "../support/http";
import { testSql } from "./db";

const PORT = testPort("ORION_TEST_TIMING_PORT", 3151);
const COST = 10;
const PAIRS = 40;
/** Fewer failures per account than the lockout's 10: a locked account answers without a compare. */
const TRIES_PER_ACCOUNT = 8;
/** Fewer reset requests per address than its budget of 3: past it, a known address is not mailed. */
const RESETS_PER_ACCOUNT = 2;
const ACCOUNTS = Math.ceil(PAIRS / RESETS_PER_ACCOUNT);
const MAIL_DELAY_MS = 300;
const FORGOT_BOUND_MS = 50;
const PASSWORD = "quiet harbour lamp seventeen";
const WRONG = "not the password at all";

let server: TestServer;
let smtp: Awaited<ReturnType<typeof startSmtp>>;
const emails = { admin: [] as string[], store: [] as string[], customer: [] as string[] };
const usernames = { admin: [] as string[], store: [] as string[] };

const tag = () => randomBytes(5).toString("hex");
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

async function timed(path: string, body: unknown, expected: number): Promise<number> {
  const started = performance.now();
  const res = await rawRequest(server.url, path, { body });
  await res.text();
  const ms = performance.now() - started;
  expect(res.status).toBe(expected);
  return ms;
}

/** The median of (existing − unknown) over interleaved pairs, each pair in alternating order. */
async function medianDifference(
  existing: (i: number) => Promise<number>,
  unknown: (i: number) => Promise<number>,
): Promise<number> {
  for (let i = 0; i < 3; i++) await unknown(-1); // warm the route
  const differences: number[] = [];
  for (let i = 0; i < PAIRS; i++) {
    if (i % 2 === 0) {
      const e = await existing(i);
      differences.push(e - (await unknown(i)));
    } else {
      const u = await unknown(i);
      differences.push((await existing(i)) - u);
    }
  }
  return median(differences);
}

/** One bcrypt compare at the server's cost, as this machine runs it now. */
async function oneCompareMs(): Promise<number> {
  const hash = await bcrypt.hash(PASSWORD, COST);
  const samples: number[] = [];
  for (let i = 0; i < 9; i++) {
    const started = performance.now();
    await bcrypt.compare(WRONG, hash);
    samples.push(performance.now() - started);
  }
  return median(samples);
}

beforeAll(async () => {
  smtp = await startSmtp({ delayMs: MAIL_DELAY_MS });
  server = await startServer({
    databaseUrl: inject("databaseUrl"),
    port: PORT,
    env: { SMTP_URL: smtp.url, BCRYPT_COST: String(COST) },
  });
  const sql = testSql();
  // Staff and admins hashed at the server's cost, as the server itself would hash them.
  const hash = await bcrypt.hash(PASSWORD, COST);
  const [acme] = await sql`select id from stores where code = 'ACME'`;
  for (let i = 0; i < ACCOUNTS; i++) {
    for (const role of ["admin", "store"] as const) {
      const username = `timing_${role}_${tag()}`;
      const email = `${username}@timing.test`;
      const [user] = await sql`insert into users (username, email, password_hash, role)
        values (${username}, ${email}, ${hash}, ${role}) returning id`;
      if (role === "store") {
        await sql`insert into store_members (store_id, user_id, role) values (${acme!.id}, ${user!.id}, 'staff')`;
      }
      emails[role].push(email);
      usernames[role].push(username);
    }
    const email = `timing-${tag()}@shopper.test`;
    const reg = await rawRequest(server.url, "/api/v1/storefront/orion/auth/register", {
      body: { first_name: "Tim", last_name: "Ing", email, password: PASSWORD, marketing_consent: false },
    });
    expect(reg.status).toBe(201);
    emails.customer.push(email);
  }
}, 120_000);

afterAll(async () => {
  await server?.stop();
  await smtp?.stop();
  await testSql().end();
});

const account = (list: string[], i: number, per = TRIES_PER_ACCOUNT) =>
  list[Math.floor(Math.max(i, 0) / per)]!;

const logins = [
  {
    area: "admin",
    path: "/api/v1/admin/auth/login",
    body: (identifier: string) => ({ email_or_username: identifier, password: WRONG }),
    existing: (i: number) => (i % 4 < 2 ? account(usernames.admin, i) : account(emails.admin, i)),
    unknown: (i: number) => (i % 4 < 2 ? `nobody_${tag()}` : `nobody-${tag()}@timing.test`),
  },
  {
    area: "store",
    path: "/api/v1/store/auth/login",
    body: (identifier: string) => ({ email_or_username: identifier, password: WRONG, store_code: "ACME" }),
    existing: (i: number) => (i % 4 < 2 ? account(usernames.store, i) : account(emails.store, i)),
    unknown: (i: number) => (i % 4 < 2 ? `nobody_${tag()}` : `nobody-${tag()}@timing.test`),
  },
  {
    area: "customer",
    path: "/api/v1/storefront/orion/auth/login",
    body: (identifier: string) => ({ email_or_username: identifier, password: WRONG }),
    existing: (i: number) => account(emails.customer, i),
    unknown: () => `nobody-${tag()}@timing.test`,
  },
] as const;

describe("login answers an existing account's wrong password and an unknown account in the same time", () => {
  for (const login of logins) {
    it(`at the ${login.area} login: the medians differ by less than half a bcrypt compare`, async () => {
      const difference = await medianDifference(
        (i) => timed(login.path, login.body(login.existing(i)), 401),
        (i) => timed(login.path, login.body(login.unknown(i)), 401),
      );
      const bound = (await oneCompareMs()) / 2;
      expect(
        Math.abs(difference),
        `median difference ${difference.toFixed(1)} ms, bound ${bound.toFixed(1)} ms`,
      ).toBeLessThan(bound);
    }, 120_000);
  }
});

const forgots = [
  { area: "admin", path: "/api/v1/admin/auth/forgot-password", list: () => emails.admin, extra: {} },
  {
    area: "store",
    path: "/api/v1/store/auth/forgot-password",
    list: () => emails.store,
    extra: { store_code: "ACME" },
  },
  {
    area: "customer",
    path: "/api/v1/storefront/orion/auth/forgot-password",
    list: () => emails.customer,
    extra: {},
  },
] as const;

describe("forgot-password answers a known and an unknown address in the same time", () => {
  for (const forgot of forgots) {
    it(`in the ${forgot.area} area, though the mail server takes ${MAIL_DELAY_MS} ms a message`, async () => {
      const before = smtp.messages.length;
      const difference = await medianDifference(
        (i) =>
          timed(forgot.path, { ...forgot.extra, email: account(forgot.list(), i, RESETS_PER_ACCOUNT) }, 202),
        () => timed(forgot.path, { ...forgot.extra, email: `nobody-${tag()}@timing.test` }, 202),
      );
      expect(Math.abs(difference), `median difference ${difference.toFixed(1)} ms`).toBeLessThan(
        FORGOT_BOUND_MS,
      );
      // Every known address was mailed all the same, after its answer.
      await expect.poll(() => smtp.messages.length - before, { timeout: 30_000 }).toBe(PAIRS);
    }, 120_000);
  }
});
