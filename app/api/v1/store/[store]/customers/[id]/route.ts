import { otherMethods } from "@/lib/http/methods";
import { json } from "@/lib/http";
import { STORE_ROUTES } from "@/lib/http/routes";
import { storeRoute } from "@/lib/store/api";
import { customerView, getCustomer } from "@/lib/store/customers";
import { orderView } from "@/lib/store/orders";

export const GET = storeRoute(STORE_ROUTES.customer, async ({ principal, params }) => {
  const { customer, recentOrders } = await getCustomer(principal.store.id, params.id);
  return json({ ...customerView(customer), recent_orders: recentOrders.map(orderView) });
});

export const { OPTIONS, POST, PUT, PATCH, DELETE } = otherMethods({ GET });
