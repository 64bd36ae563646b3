// Access tokens: HS256 JWTs signed with jose, one audience and header `typ` per
// area, rotating keys named by `kid`. Verification fails closed and never throws.
import { createHash, randomUUID } from "node:crypto";
import { type JWTPayload, type JWTVerifyGetKey, SignJWT, jwtVerify } from "jose";
import { config } from "@/lib/config";
import { AREAS, type AreaName, isAreaName } from "./areas";

const ISSUER = "orion";
const ALGORITHM = "HS256";
const CLOCK_TOLERANCE_SECONDS = 30;
const MAX_TOKEN_LENGTH = 4096;
// Compact JWS only: three base64url segments, nothing else (RFC 8725bis "JWT Format").
const COMPACT_JWS = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

export type AccessClaims = {
  sub: string;
  type: AreaName;
  sid: string;
  jti: string;
  email: string;
  role?: "admin" | "store";
  store_id?: string;
  store_role?: "owner" | "manager" | "staff";
  iat: number;
  exp: number;
};

export type NewAccessToken = Omit<AccessClaims, "jti" | "iat" | "exp">;

type SigningKey = { kid: string; key: CryptoKey };
type KeyRing = { current: SigningKey; byKid: Map<string, CryptoKey> };

/** A key's id is a short digest of it, so rotating needs no extra configuration. */
export function keyId(secret: string): string {
  return createHash("sha256").update(secret).digest("base64url").slice(0, 12);
}

async function importKey(secret: string): Promise<SigningKey> {
  // Importing once and reusing the CryptoKey verifies about twice as fast as passing raw bytes.
  const key = await crypto.subtle.importKey(
    "raw",
    new TextEncoder().encode(secret),
    { name: "HMAC", hash: "SHA-256" },
    false,
    ["sign", "verify"],
  );
  return { kid: keyId(secret), key };
}

let keyRing: Promise<KeyRing> | undefined;

function keys(): Promise<KeyRing> {
  keyRing ??= (async () => {
    const { current, previous } = config().jwtSecrets;
    const all = await Promise.all([current, ...previous].map(importKey));
    return { current: all[0]!, byKid: new Map(all.map((k) => [k.kid, k.key])) };
  })();
  return keyRing;
}

export async function signAccessToken(claims: NewAccessToken): Promise<{ token: string; expiresIn: number }> {
  const { current } = await keys();
  const area = AREAS[claims.type];
  const expiresIn = config().jwtExpireMinutes * 60;
  const { sub, ...rest } = claims;
  const token = await new SignJWT(rest)
    .setProtectedHeader({ alg: ALGORITHM, typ: area.tokenType, kid: current.kid })
    .setSubject(sub)
    .setIssuer(ISSUER)
    .setAudience(area.audience)
    .setIssuedAt()
    .setExpirationTime(`${expiresIn}s`)
    .setJti(randomUUID())
    .sign(current.key);
  return { token, expiresIn };
}

function isClaims(payload: JWTPayload): payload is JWTPayload & AccessClaims {
  const p = payload as Record<string, unknown>;
  return (
    typeof p.sub === "string" &&
    isAreaName(p.type) &&
    typeof p.sid === "string" &&
    typeof p.jti === "string" &&
    typeof p.email === "string" &&
    typeof p.iat === "number" &&
    typeof p.exp === "number"
  );
}

// Tokens this process verified, with their claims, until they expire: a client sends the same
// token with every request, and its signature (WebCrypto HMAC, a job on libuv's thread pool,
// about 90 µs of CPU) is checked once. Only verified tokens get in; the oldest go first. The
// keys are fixed for the process's life, so a kept answer stays the answer; whether the
// session behind a token is still live is the guards' question, asked every time.
const VERIFIED_MAX = 10_000;
const verified = new Map<string, AccessClaims>();

const nowSeconds = () => Math.floor(Date.now() / 1000);

/**
 * Verifies signature, algorithm, `kid`, `iss`, `exp`/`nbf`/`iat`, and that `aud` and the
 * header `typ` both name the token's own `type`. Returns null for anything else.
 */
export async function verifyAccessToken(token: string): Promise<AccessClaims | null> {
  if (token.length > MAX_TOKEN_LENGTH || !COMPACT_JWS.test(token)) return null;
  const known = verified.get(token);
  if (known) {
    // jose's own rule: expired once `exp` is more than the tolerance in the past.
    if (known.exp > nowSeconds() - CLOCK_TOLERANCE_SECONDS) return { ...known };
    verified.delete(token);
  }
  const claims = await verifySignedToken(token);
  if (claims) {
    if (verified.size >= VERIFIED_MAX) verified.delete(verified.keys().next().value!);
    verified.set(token, claims);
    return { ...claims };
  }
  return null;
}

async function verifySignedToken(token: string): Promise<AccessClaims | null> {
  try {
    const ring = await keys();
    const getKey: JWTVerifyGetKey = (header) => {
      const key = typeof header.kid === "string" ? ring.byKid.get(header.kid) : undefined;
      if (!key) throw new Error("unknown kid");
      return key;
    };
    const { payload, protectedHeader } = await jwtVerify(token, getKey, {
      algorithms: [ALGORITHM],
      issuer: ISSUER,
      requiredClaims: ["exp", "iat", "jti", "sub", "aud"],
      clockTolerance: CLOCK_TOLERANCE_SECONDS,
    });
    if (!isClaims(payload)) return null;
    const area = AREAS[payload.type];
    if (payload.aud !== area.audience || protectedHeader.typ !== area.tokenType) return null;
    if (payload.iat > nowSeconds() + CLOCK_TOLERANCE_SECONDS) return null;
    return {
      sub: payload.sub,
      type: payload.type,
      sid: payload.sid,
      jti: payload.jti,
      email: payload.email,
      role: payload.role,
      store_id: payload.store_id,
      store_role: payload.store_role,
      iat: payload.iat,
      exp: payload.exp,
    };
  } catch {
    return null;
  }
}

/** The token of an `Authorization: Bearer …` header, or null (exact scheme, one value). */
export function bearerToken(header: string | null): string | null {
  if (!header) return null;
  const match = /^Bearer ([A-Za-z0-9._~+/-]+=*)$/i.exec(header);
  return match ? match[1]! : null;
}
