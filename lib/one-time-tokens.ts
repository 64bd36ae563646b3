// One-time tokens (invitations now; reset and verification later): random, stored as a hash,
// expiring, and spent by exactly one of any number of concurrent uses.
import "server-only";
import { randomBytes } from "node:crypto";
import { and, eq, gt, isNull, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { oneTimeTokens } from "@/db/schema";
import { hashToken } from "@/lib/auth/sessions";

type Purpose = (typeof oneTimeTokens.$inferSelect)["purpose"];
type Tx = Parameters<Parameters<ReturnType<typeof db>["transaction"]>[0]>[0];
type Owner = { userId: string } | { customerId: string };

/** The token's row, if it is of this purpose, unspent and unexpired. */
function live(purpose: Purpose, token: string) {
  return and(
    eq(oneTimeTokens.tokenHash, hashToken(token)),
    eq(oneTimeTokens.purpose, purpose),
    isNull(oneTimeTokens.usedAt),
    gt(oneTimeTokens.expiresAt, sql`now()`),
  );
}

const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** A new token; inside `tx`, it exists only if that transaction commits. */
export async function issueOneTimeToken(
  purpose: Purpose,
  values: Omit<typeof oneTimeTokens.$inferInsert, "tokenHash" | "purpose" | "expiresAt">,
  lifetimeHours: number,
  tx?: Tx,
): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(Date.now() + lifetimeHours * 3600 * 1000);
  await (tx ?? db())
    .insert(oneTimeTokens)
    .values({ ...values, purpose, tokenHash: hashToken(token), expiresAt });
  return { token, expiresAt };
}

/** The live token row, without spending it (to show the form it opens). */
export async function peekOneTimeToken(purpose: Purpose, token: string) {
  if (!TOKEN_PATTERN.test(token)) return null;
  const [row] = await db().select().from(oneTimeTokens).where(live(purpose, token));
  return row ?? null;
}

/** Spends the token inside `tx`; null when it is unknown, used, expired or of another purpose. */
export async function spendOneTimeToken(tx: Tx, purpose: Purpose, token: string) {
  if (!TOKEN_PATTERN.test(token)) return null;
  const [row] = await tx
    .update(oneTimeTokens)
    .set({ usedAt: new Date() })
    .where(live(purpose, token))
    .returning();
  return row ?? null;
}

/** Spends every unspent token of this purpose an account holds, inside `tx` or on its own. */
export async function spendTokensOf(
  tx: Tx | ReturnType<typeof db>,
  purpose: Purpose,
  owner: Owner,
): Promise<void> {
  await tx
    .update(oneTimeTokens)
    .set({ usedAt: new Date() })
    .where(
      and(
        eq(oneTimeTokens.purpose, purpose),
        "userId" in owner
          ? eq(oneTimeTokens.userId, owner.userId)
          : eq(oneTimeTokens.customerId, owner.customerId),
        isNull(oneTimeTokens.usedAt),
      ),
    );
}
