import { otherMethods } from "@/lib/http/methods";
import { z } from "zod";
import { json } from "@/lib/http";
import { storeRoute } from "@/lib/store/api";
import { ORDER_STATUSES, listOrders, orderView } from "@/lib/store/orders";
import { PAGE_SIZE, pageField, queryObject } from "@/lib/validation";

const query = z.object({ page: pageField, status: z.enum(ORDER_STATUSES).optional().catch(undefined) });

export const GET = storeRoute("orders.read", async ({ request, principal }) => {
  const q = query.parse(queryObject(request.url));
  const { items, total } = await listOrders(principal.store.id, q);
  return json({
    items: items.map((o) => ({ ...orderView(o), customer_name: o.customerName })),
    total,
    page: q.page,
    page_size: PAGE_SIZE,
  });
});

export const { OPTIONS, POST, PUT, PATCH, DELETE } = otherMethods({ GET });
