import { SignJWT } from "jose";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { bearerToken, keyId, signAccessToken, verifyAccessToken } from "./tokens";

const SECRET = "unit-test-secret-0123456789abcdef0123456789";

beforeAll(() => {
  process.env.JWT_SECRET_KEY = SECRET;
});

const claims = {
  sub: "8b0f7f0e-6c55-4c2b-9a57-6f3d3b1d8e01",
  type: "admin" as const,
  role: "admin" as const,
  email: "a@orion.test",
  sid: "0c8e9c52-3a1e-4f4b-8d2f-0f0d8a0b9c11",
};

describe("access tokens", () => {
  it("round-trips the access token's claims with iss, aud, jti and kid", async () => {
    const { token, expiresIn } = await signAccessToken(claims);
    expect(expiresIn).toBe(1800);
    const header = JSON.parse(Buffer.from(token.split(".")[0]!, "base64url").toString());
    expect(header).toEqual({ alg: "HS256", typ: "admin+jwt", kid: keyId(SECRET) });
    const verified = await verifyAccessToken(token);
    expect(verified).toMatchObject({ ...claims });
    expect(verified!.exp - verified!.iat).toBe(1800);
    expect(verified!.jti).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("gives every token its own jti", async () => {
    const [a, b] = await Promise.all([signAccessToken(claims), signAccessToken(claims)]);
    expect((await verifyAccessToken(a.token))!.jti).not.toBe((await verifyAccessToken(b.token))!.jti);
  });

  it("returns null, never throws, for garbage", async () => {
    for (const junk of ["", "a.b.c", "x".repeat(5000), "a.b.c.d.e", "ey.ey.", "é.é.é"]) {
      await expect(verifyAccessToken(junk)).resolves.toBeNull();
    }
  });

  it("refuses a token whose type claim is not an area", async () => {
    const token = await new SignJWT({ type: "superuser", sid: "s", email: "e" })
      .setProtectedHeader({ alg: "HS256", typ: "superuser+jwt", kid: keyId(SECRET) })
      .setSubject("x")
      .setIssuer("orion")
      .setAudience("orion:superuser")
      .setIssuedAt()
      .setExpirationTime("5m")
      .setJti("j")
      .sign(new TextEncoder().encode(SECRET));
    await expect(verifyAccessToken(token)).resolves.toBeNull();
  });
});

describe("a token verified before", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("is refused once it expires, though this process checked its signature already", async () => {
    const { token, expiresIn } = await signAccessToken(claims);
    expect(await verifyAccessToken(token)).not.toBeNull();
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.now() + (expiresIn + 29) * 1000);
    expect(await verifyAccessToken(token)).not.toBeNull();
    vi.setSystemTime(Date.now() + 2000);
    expect(await verifyAccessToken(token)).toBeNull();
  });

  it("vouches for no other string: one changed character of it is refused", async () => {
    const { token } = await signAccessToken(claims);
    expect(await verifyAccessToken(token)).not.toBeNull();
    const at = token.lastIndexOf(".") + 5; // inside the signature, all six bits of it used
    const changed = token.slice(0, at) + (token[at] === "A" ? "B" : "A") + token.slice(at + 1);
    await expect(verifyAccessToken(changed)).resolves.toBeNull();
  });

  it("hands each caller its own claims", async () => {
    const { token } = await signAccessToken(claims);
    const first = await verifyAccessToken(token);
    first!.sub = "someone-else";
    expect((await verifyAccessToken(token))!.sub).toBe(claims.sub);
  });
});

describe("bearerToken", () => {
  it("reads exactly one Bearer credential", () => {
    expect(bearerToken("Bearer abc.def.ghi")).toBe("abc.def.ghi");
    expect(bearerToken("bearer abc")).toBe("abc");
    expect(bearerToken("Bearer  abc")).toBeNull();
    expect(bearerToken("Bearer a, Bearer b")).toBeNull();
    expect(bearerToken("Basic abc")).toBeNull();
    expect(bearerToken(null)).toBeNull();
  });
});
