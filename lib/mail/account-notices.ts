// Mail to the owner of an account when its credentials change (docs/security.md, S44): the audit
// trail records the change; this tells the one person who knows whether it was them. People
// of the platform hear from Orion, shoppers from their store.
import "server-only";
import { eq } from "drizzle-orm";
import { db } from "@/db/client";
import { customers, stores, users } from "@/db/schema";
import { log } from "@/lib/log";
import { sendMail } from "./send";
import { type AccountChange, type Brand, PLATFORM, accountChangeMail } from "./templates";

type Whose = { userId?: string | null; customerId?: string | null };

async function recipient(whose: Whose): Promise<{ email: string; brand: Brand } | null> {
  if (whose.customerId) {
    const [row] = await db()
      .select({ email: customers.email, storeId: stores.id, name: stores.name, theme: stores.theme })
      .from(customers)
      .innerJoin(stores, eq(stores.id, customers.storeId))
      .where(eq(customers.id, whose.customerId));
    return row
      ? { email: row.email, brand: { name: row.name, color: row.theme.primaryColor, storeId: row.storeId } }
      : null;
  }
  if (whose.userId) {
    const [row] = await db().select({ email: users.email }).from(users).where(eq(users.id, whose.userId));
    return row ? { email: row.email, brand: PLATFORM } : null;
  }
  return null;
}

/** Sends the notice; a mail server that fails is logged and does not undo the change. */
export async function noticeAccountChange(
  change: AccountChange,
  whose: Whose,
  ip: string | null,
): Promise<void> {
  try {
    const to = await recipient(whose);
    if (to) await sendMail(accountChangeMail(to.email, change, to.brand, { at: new Date(), ip }));
  } catch (error) {
    log.warn(
      { err: error instanceof Error ? error : new Error(String(error)), kind: `notice_${change}` },
      "account notice not sent",
    );
  }
}
