// Passwords are compared exactly as typed (checklist S42): no trimming, no case folding and
// no Unicode normalisation, at set and at login alike. A variant of the right password is a
// wrong password — the same 401 — and the right one still works afterwards.
import { randomUUID } from "node:crypto";
import bcrypt from "bcryptjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { baseUrl, rawRequest } from "../support/http";
import { testSql } from "./db";

const call = (path: string, body: unknown) => rawRequest(baseUrl(), path, { body });
// Mixed case, an inner space and a composed é (U+00E9).
const PASSWORD = "Quiet Harbour café Lamp";

/** Seven near misses: fewer than the ten failures that lock an account. */
const variants = [
  `${PASSWORD} `,
  ` ${PASSWORD}`,
  `${PASSWORD}\t`,
  PASSWORD.toLowerCase(),
  PASSWORD.toUpperCase(),
  `q${PASSWORD.slice(1)}`,
  PASSWORD.normalize("NFD"), // "cafe" + U+0301: other bytes, so another password
];

type Area = { name: string; path: string; body: (password: string) => Record<string, unknown> };
const areas: Area[] = [];

beforeAll(async () => {
  const sql = testSql();
  const hash = await bcrypt.hash(PASSWORD, 4);
  const [acme] = await sql`select id from stores where code = 'ACME'`;
  const admin = `cmp_admin_${randomUUID().slice(0, 8)}`;
  const staff = `cmp_staff_${randomUUID().slice(0, 8)}`;
  await sql`insert into users (username, email, password_hash, role) values (${admin}, ${`${admin}@cmp.test`}, ${hash}, 'admin')`;
  const [member] = await sql`insert into users (username, email, password_hash, role)
    values (${staff}, ${`${staff}@cmp.test`}, ${hash}, 'store') returning id`;
  await sql`insert into store_members (store_id, user_id, role) values (${acme!.id}, ${member!.id}, 'staff')`;
  // The shopper sets the password through the API, as typed.
  const email = `cmp-${randomUUID()}@example.com`;
  const reg = await call("/api/v1/storefront/orion/auth/register", {
    first_name: "Cam",
    last_name: "Pare",
    email,
    password: PASSWORD,
    marketing_consent: false,
  });
  expect(reg.status).toBe(201);
  areas.push(
    {
      name: "admin",
      path: "/api/v1/admin/auth/login",
      body: (password) => ({ email_or_username: admin, password }),
    },
    {
      name: "store",
      path: "/api/v1/store/auth/login",
      body: (password) => ({ email_or_username: staff, password, store_code: "ACME" }),
    },
    {
      name: "customer",
      path: "/api/v1/storefront/orion/auth/login",
      body: (password) => ({ email_or_username: email, password }),
    },
  );
});

afterAll(async () => {
  await testSql().end();
});

describe("login compares the password exactly", () => {
  for (const name of ["admin", "store", "customer"]) {
    it(`refuses trailing and leading white space, case variants and another Unicode form at the ${name} login`, async () => {
      const area = areas.find((a) => a.name === name)!;
      const refusals: string[] = [];
      for (const variant of variants) {
        const res = await call(area.path, area.body(variant));
        expect(res.status, JSON.stringify(variant)).toBe(401);
        refusals.push(await res.text());
      }
      // One answer for all of them, the answer to any wrong password.
      const wrong = await call(area.path, area.body("an entirely different one"));
      expect(wrong.status).toBe(401);
      expect(new Set([...refusals, await wrong.text()]).size).toBe(1);
      const right = await call(area.path, area.body(PASSWORD));
      expect(right.status).toBe(200);
    });
  }
});

describe("passwords without composition rules", () => {
  for (const password of ["correct horse battery staple", "пароль пароль пароль", "🔑🔑🔑 my long phrase"]) {
    it(`registers ${JSON.stringify(password)} and signs in with exactly it`, async () => {
      const email = `cmp-${randomUUID()}@example.com`;
      const reg = await call("/api/v1/storefront/orion/auth/register", {
        first_name: "Pass",
        last_name: "Phrase",
        email,
        password,
        marketing_consent: false,
      });
      expect(reg.status).toBe(201);
      const login = (p: string) =>
        call("/api/v1/storefront/orion/auth/login", { email_or_username: email, password: p });
      expect((await login(password)).status).toBe(200);
      expect((await login(`${password} `)).status).toBe(401);
      expect((await login(password.toUpperCase())).status).toBe(401);
    });
  }
});
