// Email verification for customers: sent on registration and on request, the link
// works once for 24 hours and confirms the address the customer has at that moment.
import "server-only";
import { and, desc, eq, gt, isNull, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { type Customer, type Store, customers, oneTimeTokens } from "@/db/schema";
import { recordAuthEvent } from "@/lib/audit";
import type { RequestContext } from "@/lib/http";
import { wakeMailWorker } from "@/lib/mail/queue";
import { sendMail } from "@/lib/mail/send";
import { verificationMail } from "@/lib/mail/templates";
import { issueOneTimeToken, spendOneTimeToken } from "@/lib/one-time-tokens";

const VERIFICATION_HOURS = 24;
const RESEND_INTERVAL_SECONDS = 60;

type Tx = Parameters<Parameters<ReturnType<typeof db>["transaction"]>[0]>[0];

/**
 * A new verification link by mail, at most one a minute. The old link's end, the new one and
 * its mail commit together: in `tx` (registration), or in a transaction of their own.
 */
export async function sendVerification(
  customer: Customer,
  store: Store,
  link: (token: string) => string | Promise<string>,
  tx?: Tx,
): Promise<void> {
  if (customer.emailVerifiedAt) return;
  if (!tx) {
    await db().transaction((own) => sendVerification(customer, store, link, own));
    return wakeMailWorker();
  }
  // One link at a time, and not more than one a minute.
  const [recent] = await tx
    .select({ at: oneTimeTokens.createdAt })
    .from(oneTimeTokens)
    .where(
      and(
        eq(oneTimeTokens.customerId, customer.id),
        eq(oneTimeTokens.purpose, "email_verification"),
        gt(oneTimeTokens.createdAt, sql`now() - make_interval(secs => ${RESEND_INTERVAL_SECONDS})`),
      ),
    )
    .orderBy(desc(oneTimeTokens.createdAt))
    .limit(1);
  if (recent) return;
  await tx
    .update(oneTimeTokens)
    .set({ usedAt: new Date() })
    .where(
      and(
        eq(oneTimeTokens.customerId, customer.id),
        eq(oneTimeTokens.purpose, "email_verification"),
        isNull(oneTimeTokens.usedAt),
      ),
    );
  const { token } = await issueOneTimeToken(
    "email_verification",
    { customerId: customer.id, storeId: store.id, email: customer.email },
    VERIFICATION_HOURS,
    tx,
  );
  await sendMail(
    verificationMail(customer.email, await link(token), {
      name: store.name,
      color: store.theme.primaryColor,
      storeId: store.id,
    }),
    tx,
  );
}

/** Marks the address verified if the link is live, of this store, and for the current address. */
export async function verifyEmail(storeId: string, token: string, ctx: RequestContext): Promise<boolean> {
  const customer = await db().transaction(async (tx) => {
    const row = await spendOneTimeToken(tx, "email_verification", token);
    if (!row || row.storeId !== storeId || !row.customerId) return null;
    const [updated] = await tx
      .update(customers)
      .set({ emailVerifiedAt: new Date() })
      .where(
        and(eq(customers.id, row.customerId), eq(sql`lower(${customers.email})`, row.email.toLowerCase())),
      )
      .returning({ id: customers.id });
    return updated ?? null;
  });
  if (!customer) return false;
  await recordAuthEvent("email_verified", { area: "customer", storeId, customerId: customer.id }, ctx);
  return true;
}
