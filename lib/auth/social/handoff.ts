// The hand-off from the platform host, where the provider calls back, to the shopper's own
// host (custom domain, subdomain or path), where the customer cookie must be set host-only:
// a one-time code, random, stored hashed, alive 60 seconds, spent once, and bound to its
// store, its exact target host and its purpose.
import "server-only";
import { and, eq, gt, isNull, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { oneTimeTokens } from "@/db/schema";
import { TOKEN_PATTERN, issueOneTimeToken } from "@/lib/one-time-tokens";
import { hashToken } from "../sessions";
import type { SignInTicket } from "./ticket";

const HANDOFF_SECONDS = 60;

/** Signing in, or connecting a provider to the customer signed in where the flow started. */
type Purpose = "social_sign_in" | "social_link";

/** The identity a connect brings back, linked only on the shop's host (lib/auth/social/methods). */
export type LinkedIdentity = { issuer: string; subject: string; email: string | null };

type HandoffData = {
  host: string;
  method: SignInTicket["method"];
  next: string | null;
  nonce: string;
  provider: string;
  identity?: LinkedIdentity;
};

export async function mintHandoff(
  ticket: SignInTicket,
  customer: { id: string; email: string },
  purpose: Purpose = "social_sign_in",
  identity?: LinkedIdentity,
): Promise<string> {
  const data: HandoffData = {
    host: ticket.host,
    method: ticket.method,
    next: ticket.next,
    nonce: ticket.nonce,
    provider: ticket.provider,
    ...(identity ? { identity } : {}),
  };
  const { token } = await issueOneTimeToken(
    purpose,
    { customerId: customer.id, storeId: ticket.store_id, email: customer.email, data },
    HANDOFF_SECONDS / 3600,
  );
  return token;
}

/**
 * Spends the code presented on `host` at `storeId`. Unknown, spent, expired, or minted for
 * another store or another host: null, and nothing changes.
 */
export async function spendHandoff(
  code: string,
  storeId: string,
  host: string,
  purpose: Purpose = "social_sign_in",
) {
  if (!TOKEN_PATTERN.test(code)) return null;
  const [row] = await db()
    .update(oneTimeTokens)
    .set({ usedAt: new Date() })
    .where(
      and(
        eq(oneTimeTokens.tokenHash, hashToken(code)),
        eq(oneTimeTokens.purpose, purpose),
        isNull(oneTimeTokens.usedAt),
        gt(oneTimeTokens.expiresAt, sql`now()`),
        eq(oneTimeTokens.storeId, storeId),
        eq(sql`${oneTimeTokens.data}->>'host'`, host),
      ),
    )
    .returning();
  if (!row?.customerId || !row.data) return null;
  return { customerId: row.customerId, data: row.data as HandoffData };
}
