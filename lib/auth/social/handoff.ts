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
const PURPOSE = "social_sign_in" as const;

type HandoffData = {
  host: string;
  method: SignInTicket["method"];
  next: string | null;
  nonce: string;
  provider: string;
};

export async function mintHandoff(
  ticket: SignInTicket,
  customer: { id: string; email: string },
): Promise<string> {
  const data: HandoffData = {
    host: ticket.host,
    method: ticket.method,
    next: ticket.next,
    nonce: ticket.nonce,
    provider: ticket.provider,
  };
  const { token } = await issueOneTimeToken(
    PURPOSE,
    { customerId: customer.id, storeId: ticket.store_id, email: customer.email, data },
    HANDOFF_SECONDS / 3600,
  );
  return token;
}

/**
 * Spends the code presented on `host` at `storeId`. Unknown, spent, expired, or minted for
 * another store or another host: null, and nothing changes.
 */
export async function spendHandoff(code: string, storeId: string, host: string) {
  if (!TOKEN_PATTERN.test(code)) return null;
  const [row] = await db()
    .update(oneTimeTokens)
    .set({ usedAt: new Date() })
    .where(
      and(
        eq(oneTimeTokens.tokenHash, hashToken(code)),
        eq(oneTimeTokens.purpose, PURPOSE),
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
