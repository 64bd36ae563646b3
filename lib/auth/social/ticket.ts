// Where a social sign-in started (README › Social sign-in): the store, the access method, the shopper's exact
// host and the page to return to, signed by Orion and carried through next-auth's callback URL.
// The store therefore always comes from the storefront the shopper was on, never from the
// provider's profile, and a changed ticket fails its signature.
import "server-only";
import { createHash } from "node:crypto";
import { SignJWT, jwtVerify } from "jose";
import { z } from "zod";
import { config } from "@/lib/config";
import { keyId } from "../tokens";

const AUDIENCE = "orion:social-start";
const TYPE = "social-start+jwt";
/** Time to sign in at the provider. */
export const TICKET_SECONDS = 10 * 60;

const ticketSchema = z.object({
  store_id: z.string().uuid(),
  slug: z.string().min(1),
  method: z.enum(["domain", "subdomain", "path"]),
  host: z.string().min(1),
  provider: z.string().min(1),
  next: z.string().nullable(),
  /** SHA-256 of the nonce in the shopper's own cookie on `host`. */
  nonce: z.string().min(1),
  /** Connecting a provider to this signed-in customer of the store, instead of signing in. */
  link_customer_id: z.string().uuid().nullable().default(null),
});

export type SignInTicket = z.infer<typeof ticketSchema>;
type NewTicket = z.input<typeof ticketSchema>;

const key = (secret: string) => new TextEncoder().encode(secret);

export function hashNonce(nonce: string): string {
  return createHash("sha256").update(nonce).digest("base64url");
}

export async function signTicket(ticket: NewTicket): Promise<string> {
  const secret = config().jwtSecrets.current;
  return new SignJWT(ticket)
    .setProtectedHeader({ alg: "HS256", typ: TYPE, kid: keyId(secret) })
    .setIssuer("orion")
    .setAudience(AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(`${TICKET_SECONDS}s`)
    .sign(key(secret));
}

/** The ticket, or null when it is forged, altered, expired or not a ticket at all. */
export async function verifyTicket(token: string | null | undefined): Promise<SignInTicket | null> {
  if (!token || token.length > 4096) return null;
  const { current, previous } = config().jwtSecrets;
  for (const secret of [current, ...previous]) {
    try {
      const { payload, protectedHeader } = await jwtVerify(token, key(secret), {
        algorithms: ["HS256"],
        issuer: "orion",
        audience: AUDIENCE,
        typ: TYPE,
        requiredClaims: ["exp"],
      });
      if (protectedHeader.kid !== keyId(secret)) continue;
      const parsed = ticketSchema.safeParse(payload);
      return parsed.success ? parsed.data : null;
    } catch {
      // next key, or refused
    }
  }
  return null;
}
