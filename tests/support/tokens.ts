// Mints and alters JWTs with the test server's secret, to attack the verifier from outside.
import { createHmac, randomUUID } from "node:crypto";
import { SignJWT } from "jose";
import { keyId } from "../../lib/auth/tokens";
import { TEST_JWT_SECRET } from "./server";

export type MintOptions = {
  payload?: Record<string, unknown>;
  header?: Record<string, unknown>;
  alg?: "HS256" | "HS384" | "HS512";
  secret?: string;
  expiresIn?: number | null;
};

export async function mint(options: MintOptions = {}): Promise<string> {
  const secret = options.secret ?? TEST_JWT_SECRET;
  const now = Math.floor(Date.now() / 1000);
  const payload: Record<string, unknown> = {
    sub: randomUUID(),
    type: "admin",
    role: "admin",
    email: "someone@orion.test",
    sid: randomUUID(),
    iss: "orion",
    aud: "orion:admin",
    iat: now,
    jti: randomUUID(),
    ...options.payload,
  };
  if (options.expiresIn !== null) payload.exp = now + (options.expiresIn ?? 600);
  for (const [k, v] of Object.entries(payload)) if (v === undefined) delete payload[k];
  const alg = options.alg ?? "HS256";
  const header = { alg, typ: `${String(payload.type)}+jwt`, kid: keyId(secret), ...options.header };
  return new SignJWT(payload)
    .setProtectedHeader(header as { alg: string })
    .sign(new TextEncoder().encode(secret));
}

export function decodePart(token: string, index: 0 | 1): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split(".")[index]!, "base64url").toString("utf8")) as Record<
    string,
    unknown
  >;
}

export function encodePart(value: Record<string, unknown>): string {
  return Buffer.from(JSON.stringify(value)).toString("base64url");
}

/** The same token with one part's JSON changed and the original signature kept. */
export function tamper(token: string, index: 0 | 1, change: Record<string, unknown>): string {
  const parts = token.split(".");
  parts[index] = encodePart({ ...decodePart(token, index), ...change });
  return parts.join(".");
}

/**
 * Signs header and payload with HMAC-SHA256 by hand, with any key bytes at all: jose and
 * WebCrypto refuse a zero-length key, but an attacker's token needs no library's consent.
 */
export function hmacToken(
  header: Record<string, unknown>,
  payload: Record<string, unknown>,
  key: Buffer | string,
): string {
  const signingInput = `${encodePart(header)}.${encodePart(payload)}`;
  return `${signingInput}.${createHmac("sha256", key).update(signingInput).digest("base64url")}`;
}
