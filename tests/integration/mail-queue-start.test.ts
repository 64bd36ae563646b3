// Instances starting at the same moment on a new database (a first deploy of three) each set
// up the mail queue; its creation runs under an advisory lock, so none of them ends in
// PostgreSQL's deadlock and every one starts and serves.
import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { afterAll, describe, expect, it } from "vitest";
import { rawRequest } from "../support/http";
import { testPort } from "../support/ports";
import { type TestDatabase, type TestServer, createTestDatabase, startServer } from "../support/server";

const PORT = testPort("ORION_TEST_QSTART_PORT", 3191);

let database: TestDatabase | undefined;
let servers: TestServer[] = [];

afterAll(async () => {
  await Promise.all(servers.map((s) => s.stop()));
  await database?.drop();
});

describe("three instances starting at once on a new database", () => {
  it("all start, create the queue once and answer ready", async () => {
    database = await createTestDatabase({ prefix: "orion_test_qstart" });
    const queue = `mail_start_${randomBytes(4).toString("hex")}`;
    const settled = await Promise.allSettled(
      [0, 1, 2].map((i) =>
        startServer({ databaseUrl: database!.url, port: PORT + i, env: { MAIL_QUEUE: queue } }),
      ),
    );
    servers = settled.flatMap((s) => (s.status === "fulfilled" ? [s.value] : []));
    const failures = settled.flatMap((s) =>
      s.status === "rejected" ? [String(s.reason).slice(0, 2000)] : [],
    );
    expect(failures).toEqual([]);
    for (const server of servers) {
      const ready = await rawRequest(server.url, "/api/v1/health/ready");
      expect(ready.status, `${server.url} ${await ready.text()}`).toBe(200);
      expect(server.output()).not.toContain("40P01");
    }
    const sql = postgres(database.url, { max: 1, onnotice: () => {} });
    const rows = await sql`select name from pgboss.queue where name = ${queue}`;
    await sql.end();
    expect(rows).toHaveLength(1);
    // Three production servers starting on two shared cores take their time.
  }, 120_000);
});
