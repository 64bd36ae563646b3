// Forged, confused and malformed tokens at the admin API (checklist S1–S10): every one is
// refused with 401 and the generic body, never a 500; a sound token of another area is 403.
import { readFileSync } from "node:fs";
import path from "node:path";
import { generateKeyPair, SignJWT, exportJWK } from "jose";
import { beforeAll, describe, expect, it } from "vitest";
import { adminLogin, bearer, get } from "../support/http";
import { keyId } from "../../lib/auth/tokens";
import { TEST_JWT_SECRET } from "../support/server";
import { decodePart, encodePart, hmacToken, mint, tamper } from "../support/tokens";

const ME = "/api/v1/admin/auth/me";
let valid: string;
let adminId: string;

async function expect401(token: string): Promise<void> {
  const res = await get(ME, bearer(token));
  expect(res.status).toBe(401);
  expect(res.headers.get("www-authenticate")).toMatch(/^Bearer/);
  expect(await res.json()).toEqual({
    error: { code: "INVALID_TOKEN", message: "Missing, invalid or expired token" },
  });
}

beforeAll(async () => {
  const login = await adminLogin();
  valid = login.access_token;
  adminId = login.user.id;
});

/** Claims of the live admin session, to mint tokens that differ from a valid one in one respect. */
function liveClaims(): Record<string, unknown> {
  const p = decodePart(valid, 1);
  return { sub: p.sub, sid: p.sid, email: p.email };
}

describe("admin API token checks", () => {
  it("accepts the genuine token and one minted with the same claims (the control)", async () => {
    expect((await get(ME, bearer(valid))).status).toBe(200);
    expect((await get(ME, bearer(await mint({ payload: liveClaims() })))).status).toBe(200);
    expect(adminId).toBeTruthy();
  });

  it("refuses an expired token", async () => {
    await expect401(
      await mint({
        payload: { ...liveClaims(), iat: Math.floor(Date.now() / 1000) - 3600 },
        expiresIn: -120,
      }),
    );
  });

  it("refuses a token without exp", async () => {
    await expect401(await mint({ payload: liveClaims(), expiresIn: null }));
  });

  it("refuses a token not yet valid (nbf or iat in the future)", async () => {
    const later = Math.floor(Date.now() / 1000) + 300;
    await expect401(await mint({ payload: { ...liveClaims(), nbf: later } }));
    await expect401(await mint({ payload: { ...liveClaims(), iat: later } }));
  });

  it("refuses tampered payloads that keep the original signature", async () => {
    await expect401(tamper(valid, 1, { sub: "00000000-0000-4000-8000-000000000000" }));
    await expect401(tamper(valid, 1, { type: "store", aud: "orion:store" }));
    await expect401(tamper(valid, 1, { exp: Math.floor(Date.now() / 1000) + 86400 * 365 }));
  });

  it("refuses a flipped signature bit, a missing signature and another token's signature", async () => {
    const [h, p, s] = valid.split(".");
    const sig = Buffer.from(s!, "base64url");
    sig[0] = sig[0]! ^ 1;
    await expect401(`${h}.${p}.${sig.toString("base64url")}`);
    await expect401(`${h}.${p}.`);
    await expect401(`${h}.${p}`);
    const other = (await adminLogin()).access_token;
    await expect401(`${h}.${p}.${other.split(".")[2]}`);
  });

  it("refuses alg none in every casing, with and without the trailing dot", async () => {
    for (const alg of ["none", "None", "NONE", "nOnE"]) {
      const header = encodePart({ alg, typ: "admin+jwt" });
      const payload = valid.split(".")[1];
      await expect401(`${header}.${payload}.`);
      await expect401(`${header}.${payload}`);
    }
  });

  it("refuses HS384 and HS512 even when signed with the real secret", async () => {
    await expect401(await mint({ payload: liveClaims(), alg: "HS384" }));
    await expect401(await mint({ payload: liveClaims(), alg: "HS512" }));
  });

  it("refuses asymmetric algorithm headers and an attacker's embedded jwk or jku", async () => {
    for (const alg of ["RS256", "ES256", "PS256", "EdDSA"]) {
      const header = encodePart({ alg, typ: "admin+jwt" });
      await expect401(
        `${header}.${valid.split(".")[1]}.${Buffer.from("x".repeat(64)).toString("base64url")}`,
      );
    }
    const { privateKey, publicKey } = await generateKeyPair("RS256");
    const jwk = await exportJWK(publicKey);
    const forged = await new SignJWT({ ...decodePart(valid, 1) })
      .setProtectedHeader({ alg: "RS256", typ: "admin+jwt", jwk, jku: "https://attacker.test/jwks.json" })
      .sign(privateKey);
    await expect401(forged);
  });

  it("refuses unknown key ids, and a key id that names a file, a query or the key itself (S4)", async () => {
    await expect401(await mint({ payload: liveClaims(), header: { kid: "not-a-key" } }));
    await expect401(
      await mint({ payload: liveClaims(), secret: "an-attacker-secret-of-32-bytes-or-more!!" }),
    );

    // Each forgery is a complete, fresh token of the live session; only its key is the attacker's.
    const now = Math.floor(Date.now() / 1000);
    const payload = { ...decodePart(valid, 1), iat: now, exp: now + 600, jti: crypto.randomUUID() };
    const header = (kid: string) => ({ alg: "HS256", typ: "admin+jwt", kid });
    // The control: the same hand signing with the real key and its id is accepted, so the
    // refusals below are the key's doing and nothing else.
    const genuine = hmacToken(header(keyId(TEST_JWT_SECRET)), payload, TEST_JWT_SECRET);
    expect((await get(ME, bearer(genuine))).status).toBe(200);

    const traversal = "../../../../../../../..";
    const packageJson = path.resolve("package.json");
    const forgeries: Array<[kid: string, key: Buffer | string]> = [
      // A verifier that reads the key from the file named by kid: /dev/null is an empty key.
      [`${traversal}/dev/null`, Buffer.alloc(0)],
      ["/dev/null", Buffer.alloc(0)],
      // Files whose bytes anyone can know: the kernel's name, the app's own package.json.
      [`${traversal}/proc/sys/kernel/ostype`, readFileSync("/proc/sys/kernel/ostype")],
      [`${traversal}${packageJson}`, readFileSync(packageJson)],
      ["package.json", readFileSync(packageJson)],
      // A verifier that looks the key up by a SQL string built from kid.
      ["x' UNION SELECT 'k'--", "k"],
      ["' OR '1'='1", ""],
      // A verifier that falls back to the kid, or to the word null, as the key.
      ["attacker-chosen-key-material-0123456789", "attacker-chosen-key-material-0123456789"],
      ["null", "null"],
      ["", ""],
    ];
    for (const [kid, key] of forgeries) {
      const res = await get(ME, bearer(hmacToken(header(kid), payload, key)));
      expect(res.status, `kid ${JSON.stringify(kid)}`).toBe(401);
      expect((await res.json()).error.code).toBe("INVALID_TOKEN");
    }
    // Without any kid, and with a kid that is not a string.
    await expect401(hmacToken({ alg: "HS256", typ: "admin+jwt" }, payload, TEST_JWT_SECRET));
    await expect401(
      hmacToken({ alg: "HS256", typ: "admin+jwt", kid: { $ne: "" } }, payload, TEST_JWT_SECRET),
    );
  });

  it("refuses a token whose aud or typ does not match its type", async () => {
    await expect401(await mint({ payload: { ...liveClaims(), aud: "orion:store" } }));
    await expect401(await mint({ payload: { ...liveClaims(), aud: ["orion:admin", "orion:store"] } }));
    await expect401(await mint({ payload: liveClaims(), header: { typ: "JWT" } }));
    await expect401(await mint({ payload: { ...liveClaims(), iss: "someone-else" } }));
  });

  it("refuses malformed tokens and headers without a 500", async () => {
    const cases = [
      "",
      "Bearer",
      "Bearer ",
      "Bearer  x",
      "bearer x",
      "Basic YWRtaW46YWRtaW4xMjM=",
      `Bearer ${valid}, Bearer ${valid}`,
      `Bearer ${valid}.extra.parts`,
      `Bearer ${"a".repeat(10 * 1024)}`,
      `Bearer ${valid.replace(/-/g, "+").replace(/_/g, "/")}==`,
      `Bearer {"protected":"x","payload":"y","signature":"z"}`,
    ];
    for (const authorization of cases) {
      const res = await get(ME, authorization ? { authorization } : {});
      expect(res.status, authorization.slice(0, 40)).toBe(401);
      expect((await res.json()).error.code).toBe("INVALID_TOKEN");
    }
  });

  it("answers a sound store or customer token with 403 ADMIN_REQUIRED", async () => {
    const store = await mint({
      payload: {
        type: "store",
        role: "store",
        aud: "orion:store",
        store_id: crypto.randomUUID(),
        store_role: "owner",
      },
    });
    const customer = await mint({
      payload: { type: "customer", role: undefined, aud: "orion:customer", store_id: crypto.randomUUID() },
    });
    for (const token of [store, customer]) {
      const res = await get(ME, bearer(token));
      expect(res.status).toBe(403);
      expect((await res.json()).error.code).toBe("ADMIN_REQUIRED");
    }
  });

  it("refuses a sound admin token whose session or subject does not exist", async () => {
    await expect401(await mint({ payload: { sub: adminId } }));
    await expect401(await mint({ payload: { ...liveClaims(), sub: crypto.randomUUID() } }));
    await expect401(await mint({ payload: { ...liveClaims(), sid: "not-a-uuid" } }));
  });
});
