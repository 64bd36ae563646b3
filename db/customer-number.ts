import { eq, sql } from "drizzle-orm";
import type { Database } from "./connect";
import { stores } from "./schema";

type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];

/**
 * The next customer number of a store (`{code}-000042`), taken from its counter inside the
 * caller's transaction: the row lock keeps numbers distinct, the rollback of a failed
 * registration gives its number back, so they stay gapless.
 */
export async function nextCustomerNumber(
  tx: Transaction,
  store: { id: string; code: string },
): Promise<string> {
  const [counter] = await tx
    .update(stores)
    .set({ lastCustomerNumber: sql`${stores.lastCustomerNumber} + 1` })
    .where(eq(stores.id, store.id))
    .returning({ n: stores.lastCustomerNumber });
  return `${store.code}-${String(counter!.n).padStart(6, "0")}`;
}
