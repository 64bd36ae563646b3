import { otherMethods } from "@/lib/http/methods";
import { json } from "@/lib/http";
import { STORE_ROUTES } from "@/lib/http/routes";
import { storeRoute } from "@/lib/store/api";
import { listOrders, orderView } from "@/lib/store/orders";
import { PAGE_SIZE } from "@/lib/validation";

export const GET = storeRoute(STORE_ROUTES.orders, async ({ principal, query }) => {
  const { items, total } = await listOrders(principal.store.id, query);
  return json({
    items: items.map((o) => ({ ...orderView(o), customer_name: o.customerName })),
    total,
    page: query.page,
    page_size: PAGE_SIZE,
  });
});

export const { OPTIONS, POST, PUT, PATCH, DELETE } = otherMethods({ GET });
