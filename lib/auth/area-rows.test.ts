// The transport and the guard's token checks, run over every row of the area table,
// including a test-only fourth row that exists nowhere but in the table.
import { beforeAll, describe, expect, it } from "vitest";
import { ANY_SCOPE, FOURTH } from "@/tests/support/fourth-area";
import { AREAS, AREA_NAMES, isAreaName } from "./areas";
import { accessCookie, clearedCookies, clearedMfaCookie, refreshCookie, serializeCookie } from "./cookies";
import { authenticate } from "./guards";
import { signAccessToken, verifyAccessToken } from "./tokens";

const SECRET = "unit-test-secret-0123456789abcdef0123456789";
const SUB = "8b0f7f0e-6c55-4c2b-9a57-6f3d3b1d8e01";
const SID = "0c8e9c52-3a1e-4f4b-8d2f-0f0d8a0b9c11";

beforeAll(() => {
  process.env.JWT_SECRET_KEY = SECRET;
});

function tokenOf(area: (typeof AREA_NAMES)[number], sid = SID) {
  return signAccessToken({ sub: SUB, type: area, email: "a@orion.test", sid, store_id: SID });
}

describe("the fourth row", () => {
  it("is a row like the others", () => {
    expect(AREA_NAMES).toContain(FOURTH);
    expect(isAreaName(FOURTH)).toBe(true);
    expect(isAreaName("superuser")).toBe(false);
  });
});

describe.each(AREA_NAMES.map((name) => [name]))("the %s row", (name) => {
  const def = AREAS[name];
  const path = def.cookiePath(ANY_SCOPE);

  it("sets its access cookie with its own name and Path, for the token's lifetime", () => {
    expect(serializeCookie(accessCookie(name, ANY_SCOPE, "abc", 1800))).toBe(
      `${def.accessCookie}=abc; Path=${path}; Max-Age=1800; HttpOnly; SameSite=Lax`,
    );
  });

  it("makes its refresh cookie a browser-session cookie unless remembered", () => {
    const later = new Date(Date.now() + 3600_000);
    const forgotten = refreshCookie(name, ANY_SCOPE, "r", false, later);
    expect(forgotten).toMatchObject({ name: def.refreshCookie, path });
    expect(forgotten.maxAge).toBeUndefined();
    expect(refreshCookie(name, ANY_SCOPE, "r", true, later).maxAge).toBeGreaterThan(3590);
  });

  it("deletes its cookies with the Path they were set with", () => {
    expect(clearedCookies(name, ANY_SCOPE).map(serializeCookie)).toEqual([
      `${def.accessCookie}=; Path=${path}; Max-Age=0; HttpOnly; SameSite=Lax`,
      `${def.refreshCookie}=; Path=${path}; Max-Age=0; HttpOnly; SameSite=Lax`,
    ]);
    expect(serializeCookie(clearedMfaCookie(name, ANY_SCOPE))).toBe(
      `${def.mfaCookie}=; Path=${path}; Max-Age=0; HttpOnly; SameSite=Lax`,
    );
  });

  it("signs tokens with its own typ and aud, and verifies them", async () => {
    const { token } = await tokenOf(name);
    const header = JSON.parse(Buffer.from(token.split(".")[0]!, "base64url").toString());
    const payload = JSON.parse(Buffer.from(token.split(".")[1]!, "base64url").toString());
    expect(header.typ).toBe(def.tokenType);
    expect(payload.aud).toBe(def.audience);
    expect(await verifyAccessToken(token)).toMatchObject({ type: name, sub: SUB, sid: SID });
  });

  it("gives every row a distinct cookie, audience and token type", () => {
    for (const other of AREA_NAMES.filter((n) => n !== name)) {
      for (const key of ["accessCookie", "refreshCookie", "mfaCookie", "audience", "tokenType"] as const) {
        expect(AREAS[other][key]).not.toBe(def[key]);
      }
    }
  });

  it("is refused by the guard without a token, or with a token whose ids are not UUIDs", async () => {
    expect(await authenticate(undefined, name as never, ANY_SCOPE)).toEqual({ status: "unauthenticated" });
    const { token } = await tokenOf(name, "not-a-session-id");
    expect(await authenticate(token, name as never, ANY_SCOPE)).toEqual({ status: "unauthenticated" });
  });

  it.each(AREA_NAMES.filter((other) => other !== name).map((other) => [other]))(
    "answers a sound %s token with its own 403 code",
    async (other) => {
      const { token } = await tokenOf(other);
      expect(await authenticate(token, name as never, ANY_SCOPE)).toEqual({
        status: "forbidden",
        code: def.wrongPrincipalCode,
      });
    },
  );
});
