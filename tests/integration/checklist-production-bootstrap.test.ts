// A production server on an empty database (checklist S45, S46): no demo account with a
// known password, the first admin only from ADMIN_* and only with a strong password, and no
// bcrypt cost below 10. Each server here has a database of its own, never seeded.
import { testPort } from "../support/ports";
import { spawnSync } from "node:child_process";
import path from "node:path";
import postgres from "postgres";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { type TestDatabase, type TestServer, createTestDatabase, startServer } from "../support/server";

const PORT = testPort("ORION_TEST_BOOTSTRAP_PORT", 3115);
const SECRET = "bootstrap-production-secret-0123456789abcdefghijklmnop";
const production = (env: Record<string, string> = {}) => ({
  ENVIRONMENT: "production",
  JWT_SECRET_KEY: SECRET,
  BCRYPT_COST: "10",
  ...env,
});

let database: TestDatabase;
let server: TestServer | undefined;
const opened: postgres.Sql[] = [];

function sqlOf(db: TestDatabase): postgres.Sql {
  const sql = postgres(db.url, { max: 1, onnotice: () => {} });
  opened.push(sql);
  return sql;
}

beforeEach(async () => {
  database = await createTestDatabase({ seed: false, prefix: "orion_boot" });
});

afterEach(async () => {
  await server?.stop();
  server = undefined;
  await Promise.all(opened.splice(0).map((sql) => sql.end()));
  if (process.env.KEEP_TEST_DB !== "1") await database.drop();
});

afterAll(async () => {
  await server?.stop();
});

function post(path: string, body: unknown): Promise<Response> {
  return fetch(server!.url + path, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
}

/** Why a server with `env` refused to start; one that starts after all is stopped, never left running. */
async function startFailure(env: Record<string, string>): Promise<Error> {
  try {
    const started = await startServer({ databaseUrl: database.url, port: PORT, env });
    await started.stop();
    return new Error("the server started");
  } catch (error) {
    return error as Error;
  }
}

/** Demo, documented and guessable credentials; none may open anything on a production server. */
const GUESSES: Array<[identifier: string, password: string]> = [
  ["admin", "admin123"],
  ["admin@orion.test", "admin123"],
  ["admin", "admin"],
  ["admin", "changeme"],
  ["admin@example.com", "password"],
  ["store_owner", "store123"],
  ["owner@orion.test", "store123"],
  ["acme_staff", "staff123"],
];

async function expectNoGuessOpensAnything() {
  for (const [identifier, password] of GUESSES) {
    const admin = await post("/api/v1/admin/auth/login", { email_or_username: identifier, password });
    expect(admin.status, `admin ${identifier}/${password}`).toBe(401);
    expect((await admin.json()).error.code).toBe("INVALID_CREDENTIALS");
    for (const store_code of ["ACME", "ORION"]) {
      const store = await post("/api/v1/store/auth/login", {
        email_or_username: identifier,
        password,
        store_code,
      });
      expect(store.status, `store ${store_code} ${identifier}/${password}`).toBe(401);
    }
  }
  const shopper = await post("/api/v1/storefront/orion/auth/login", {
    email_or_username: "customer@example.com",
    password: "customer123",
  });
  expect(shopper.status).toBe(404); // no store exists at all
}

describe("a production server on an empty database", () => {
  it("without ADMIN_* starts with no account at all, and no demo credential works", async () => {
    server = await startServer({ databaseUrl: database.url, port: PORT, env: production() });
    const sql = sqlOf(database);
    const [counts] =
      await sql`select (select count(*)::int from users) as users, (select count(*)::int from stores) as stores,
      (select count(*)::int from customers) as customers`;
    expect(counts).toEqual({ users: 0, stores: 0, customers: 0 });
    expect(server.output()).toContain("no admin exists: set ADMIN_USERNAME and ADMIN_PASSWORD");
    await expectNoGuessOpensAnything();
  });

  it("creates the first admin from ADMIN_* only, hashed with the configured cost, and never the demo admin", async () => {
    const password = "quiet harbour lantern seventy";
    server = await startServer({
      databaseUrl: database.url,
      port: PORT,
      env: production({
        ADMIN_USERNAME: "root_ops",
        ADMIN_EMAIL: "ops@platform.example",
        ADMIN_PASSWORD: password,
        BCRYPT_COST: "11",
      }),
    });
    const sql = sqlOf(database);
    const rows = await sql`select username, email, role, password_hash from users`;
    expect(rows.map((r) => [r.username, r.email, r.role])).toEqual([
      ["root_ops", "ops@platform.example", "admin"],
    ]);
    expect(rows[0]!.password_hash).toMatch(/^\$2[aby]\$11\$/);
    expect(rows[0]!.password_hash).not.toContain(password);
    const login = await post("/api/v1/admin/auth/login", { email_or_username: "root_ops", password });
    expect(login.status).toBe(200);
    await expectNoGuessOpensAnything();

    // A restart with another ADMIN_PASSWORD neither adds an admin nor resets the existing one.
    await server.stop();
    server = await startServer({
      databaseUrl: database.url,
      port: PORT,
      env: production({ ADMIN_USERNAME: "second_root", ADMIN_PASSWORD: "another strong passphrase here" }),
    });
    expect((await sql`select username from users`).map((r) => r.username)).toEqual(["root_ops"]);
    expect((await post("/api/v1/admin/auth/login", { email_or_username: "root_ops", password })).status).toBe(
      200,
    );
    expect(
      (
        await post("/api/v1/admin/auth/login", {
          email_or_username: "second_root",
          password: "another strong passphrase here",
        })
      ).status,
    ).toBe(401);
  });

  it("refuses to start with a weak or short ADMIN_PASSWORD, saying why, and creates nothing", async () => {
    const attempts: Array<[password: string, reason: RegExp]> = [
      ["admin123", /cannot start: ADMIN_PASSWORD must be 12 characters to 72 bytes/],
      ["password1234", /cannot start: ADMIN_PASSWORD is refused: .*too easy to guess/],
      ["root_opsroot_ops", /cannot start: ADMIN_PASSWORD is refused/],
      ["p".repeat(73), /cannot start: ADMIN_PASSWORD must be 12 characters to 72 bytes/],
    ];
    for (const [password, reason] of attempts) {
      const failure = await startFailure(
        production({ ADMIN_USERNAME: "root_ops", ADMIN_PASSWORD: password }),
      );
      expect(failure.message, password).toMatch(reason);
      // The log says why, never what the password was.
      expect(failure.message.split("\n").slice(1).join("\n")).not.toContain(password);
    }
    const [count] = await sqlOf(database)`select count(*)::int as n from users`;
    expect(count!.n).toBe(0);
  });

  it("refuses to start with a bcrypt cost below 10", async () => {
    for (const cost of ["4", "9"]) {
      const failure = await startFailure(production({ BCRYPT_COST: cost }));
      expect(failure.message, cost).toMatch(
        /cannot start: BCRYPT_COST must be at least 10 when ENVIRONMENT=production/,
      );
    }
  });

  it("will not load the demo data into a production database", () => {
    const seed = spawnSync(
      process.execPath,
      [path.resolve("node_modules/tsx/dist/cli.mjs"), "db/seed-cli.ts"],
      {
        env: { ...process.env, ENVIRONMENT: "production", DATABASE_URL: database.url },
        encoding: "utf8",
      },
    );
    expect(seed.status).not.toBe(0);
    expect(seed.stderr).toContain("Refusing to load demo accounts");
    return sqlOf(database)`select count(*)::int as n from users`.then(([row]) => expect(row!.n).toBe(0));
  });
});
