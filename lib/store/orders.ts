// A store's orders: lists, detail with items and customer, and status changes that follow
// the order's life (no jumping back from delivered to pending).
import "server-only";
import { and, count, desc, eq, type SQL } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/db/client";
import { type Order, type OrderStatus, customers, orderItems, orderStatus, orders } from "@/db/schema";
import { ApiError } from "@/lib/http/errors";
import { PAGE_SIZE } from "@/lib/validation";

export const ORDER_STATUSES = orderStatus.enumValues;

/** Where an order may go from each status. */
export const NEXT_STATUSES: Record<OrderStatus, readonly OrderStatus[]> = {
  pending_payment: ["paid", "cancelled"],
  paid: ["processing", "cancelled", "refunded"],
  processing: ["shipped", "cancelled", "refunded"],
  shipped: ["delivered", "refunded"],
  delivered: ["refunded"],
  cancelled: [],
  refunded: [],
};

export const orderStatusSchema = z.object({
  status: z.enum(ORDER_STATUSES, { error: "Unknown order status" }),
});

export function orderView(o: Order) {
  return {
    id: o.id,
    order_number: o.orderNumber,
    status: o.status,
    currency: o.currency,
    total_cents: o.totalCents,
    customer_id: o.customerId,
    shipping_address: o.shippingAddress,
    created_at: o.createdAt.toISOString(),
    updated_at: o.updatedAt.toISOString(),
  };
}

export async function listOrders(
  storeId: string,
  options: { status?: OrderStatus; page: number },
): Promise<{ items: Array<Order & { customerName: string | null }>; total: number }> {
  const filters: SQL[] = [eq(orders.storeId, storeId)];
  if (options.status) filters.push(eq(orders.status, options.status));
  const where = and(...filters);
  const [rows, [total]] = await Promise.all([
    db()
      .select({ order: orders, firstName: customers.firstName, lastName: customers.lastName })
      .from(orders)
      .leftJoin(customers, eq(customers.id, orders.customerId))
      .where(where)
      .orderBy(desc(orders.createdAt), desc(orders.id))
      .limit(PAGE_SIZE)
      .offset((options.page - 1) * PAGE_SIZE),
    db().select({ n: count() }).from(orders).where(where),
  ]);
  return {
    items: rows.map((r) => ({
      ...r.order,
      customerName: r.firstName ? `${r.firstName} ${r.lastName}` : null,
    })),
    total: total?.n ?? 0,
  };
}

export async function getOrder(storeId: string, id: string) {
  const [row] = await db()
    .select({ order: orders, customer: customers })
    .from(orders)
    .leftJoin(customers, eq(customers.id, orders.customerId))
    .where(and(eq(orders.storeId, storeId), eq(orders.id, id)));
  if (!row) throw new ApiError("NOT_FOUND", { message: "No such order" });
  const items = await db().select().from(orderItems).where(eq(orderItems.orderId, id));
  return { ...row, items };
}

export async function setOrderStatus(storeId: string, id: string, status: OrderStatus): Promise<Order> {
  return db().transaction(async (tx) => {
    const [current] = await tx
      .select()
      .from(orders)
      .where(and(eq(orders.storeId, storeId), eq(orders.id, id)))
      .for("update");
    if (!current) throw new ApiError("NOT_FOUND", { message: "No such order" });
    if (current.status === status) return current;
    if (!NEXT_STATUSES[current.status].includes(status)) {
      throw new ApiError("CONFLICT", {
        message: `An order that is ${current.status.replace("_", " ")} cannot become ${status.replace("_", " ")}`,
      });
    }
    const [updated] = await tx.update(orders).set({ status }).where(eq(orders.id, id)).returning();
    return updated!;
  });
}
