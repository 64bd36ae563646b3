// A store's customers as its team sees them: lists, detail, deactivation (which ends every
// session of that customer at once).
import "server-only";
import { and, count, desc, eq, ilike, isNull, or, type SQL } from "drizzle-orm";
import { db } from "@/db/client";
import { type Customer, customers, orders, sessions } from "@/db/schema";
import { ApiError } from "@/lib/http/errors";
import { endResetLinks } from "@/lib/auth/reset";
import { containsPattern, PAGE_SIZE } from "@/lib/validation";

export function customerView(c: Customer) {
  return {
    id: c.id,
    customer_number: c.customerNumber,
    email: c.email,
    first_name: c.firstName,
    last_name: c.lastName,
    phone: c.phone,
    marketing_consent: c.marketingConsent,
    is_active: c.isActive,
    email_verified: c.emailVerifiedAt !== null,
    total_orders: c.totalOrders,
    created_at: c.createdAt.toISOString(),
  };
}

export async function listCustomers(
  storeId: string,
  options: { q?: string; page: number },
): Promise<{ items: Customer[]; total: number }> {
  const filters: SQL[] = [eq(customers.storeId, storeId)];
  if (options.q) {
    const pattern = containsPattern(options.q);
    filters.push(
      or(
        ilike(customers.email, pattern),
        ilike(customers.firstName, pattern),
        ilike(customers.lastName, pattern),
        ilike(customers.customerNumber, pattern),
      )!,
    );
  }
  const where = and(...filters);
  const [items, [total]] = await Promise.all([
    db()
      .select()
      .from(customers)
      .where(where)
      .orderBy(desc(customers.createdAt), desc(customers.id))
      .limit(PAGE_SIZE)
      .offset((options.page - 1) * PAGE_SIZE),
    db().select({ n: count() }).from(customers).where(where),
  ]);
  return { items, total: total?.n ?? 0 };
}

export async function getCustomer(storeId: string, id: string) {
  const [customer] = await db()
    .select()
    .from(customers)
    .where(and(eq(customers.storeId, storeId), eq(customers.id, id)));
  if (!customer) throw new ApiError("NOT_FOUND", { message: "No such customer" });
  const recentOrders = await db()
    .select()
    .from(orders)
    .where(and(eq(orders.storeId, storeId), eq(orders.customerId, id)))
    .orderBy(desc(orders.createdAt))
    .limit(10);
  return { customer, recentOrders };
}

export async function setCustomerActive(storeId: string, id: string, active: boolean): Promise<Customer> {
  return db().transaction(async (tx) => {
    const [customer] = await tx
      .update(customers)
      .set({ isActive: active })
      .where(and(eq(customers.storeId, storeId), eq(customers.id, id)))
      .returning();
    if (!customer) throw new ApiError("NOT_FOUND", { message: "No such customer" });
    if (!active) {
      await tx
        .update(sessions)
        .set({ revokedAt: new Date(), revokedReason: "customer_deactivated" })
        .where(and(eq(sessions.customerId, id), isNull(sessions.revokedAt)));
      await endResetLinks(tx, { customerId: id });
    }
    return customer;
  });
}
