// The guard over a test-only fourth row of the area table: a session of that area, opened
// and checked by the same code as the real three, in this process against the test database.
// The database's area enum needs the new name, as a real fourth area's migration would add.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { FOURTH } from "../support/fourth-area";
import { TEST_JWT_SECRET } from "../support/server";
import { testSql } from "./db";

const ctx = { ip: "127.0.0.1", userAgent: "vitest", requestId: "fourth-area" };
let adminId = "";
let tokenVersion = 0;

beforeAll(async () => {
  process.env.DATABASE_URL = inject("databaseUrl");
  process.env.JWT_SECRET_KEY = TEST_JWT_SECRET;
  await testSql().unsafe(`alter type area add value if not exists '${FOURTH}'`);
  const [admin] = await testSql()`select id, token_version from users where username = 'admin'`;
  adminId = admin!.id as string;
  tokenVersion = admin!.token_version as number;
});

afterAll(async () => {
  await testSql()`delete from sessions where area = ${FOURTH}`;
  await testSql()`delete from auth_events where area = ${FOURTH}`;
});

async function signIn() {
  const { startSession } = await import("@/lib/auth/login");
  return startSession(
    { area: FOURTH, userId: adminId, tokenVersion, rememberMe: false },
    { sub: adminId, type: FOURTH, role: "admin", email: "admin@orion.test" },
    ctx,
  );
}

describe("a fourth area that is only a row", () => {
  it("opens a session that lives the row's hours and lets its token through the guard", async () => {
    const { authenticate } = await import("@/lib/auth/guards");
    const tokens = await signIn();
    const [row] = await testSql()`
      select area, extract(epoch from expires_at - created_at) / 3600 as hours from sessions
      where id = ${tokens.sessionId}`;
    expect(row).toMatchObject({ area: FOURTH });
    expect(Math.round(Number(row!.hours))).toBe(8);
    const result = await authenticate(tokens.accessToken, FOURTH as "admin");
    expect(result).toMatchObject({ status: "ok", principal: { area: FOURTH, id: adminId } });
  });

  it("refuses its token at the admin console and an admin token at it, with each row's code", async () => {
    const { authenticate } = await import("@/lib/auth/guards");
    const tokens = await signIn();
    expect(await authenticate(tokens.accessToken, "admin")).toEqual({
      status: "forbidden",
      code: "ADMIN_REQUIRED",
    });
  });

  it("refuses its token once the session is ended", async () => {
    const { authenticate } = await import("@/lib/auth/guards");
    const { endSession } = await import("@/lib/auth/login");
    const tokens = await signIn();
    await endSession(FOURTH, { id: tokens.sessionId, userId: adminId }, ctx);
    expect(await authenticate(tokens.accessToken, FOURTH as "admin")).toEqual({ status: "unauthenticated" });
  });

  it("renews its session from the refresh token and refuses the spent one", async () => {
    const { refreshArea } = await import("@/lib/auth/login");
    const tokens = await signIn();
    const renewed = await refreshArea(FOURTH, tokens.refreshToken!, ctx);
    expect(renewed.tokens.sessionId).toBe(tokens.sessionId);
    await expect(refreshArea(FOURTH, tokens.refreshToken!, ctx)).rejects.toMatchObject({
      code: "INVALID_TOKEN",
    });
  });
});
