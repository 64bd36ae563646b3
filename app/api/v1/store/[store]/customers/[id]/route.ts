import { otherMethods } from "@/lib/http/methods";
import { json } from "@/lib/http";
import { storeRoute } from "@/lib/store/api";
import { customerView, getCustomer } from "@/lib/store/customers";
import { orderView } from "@/lib/store/orders";
import { idParam } from "@/lib/validation";

export const GET = storeRoute<{ store: string; id: string }>(
  "customers.read",
  async ({ principal, params }) => {
    const { customer, recentOrders } = await getCustomer(principal.store.id, idParam(params.id, "customer"));
    return json({ ...customerView(customer), recent_orders: recentOrders.map(orderView) });
  },
);

export const { OPTIONS, POST, PUT, PATCH, DELETE } = otherMethods({ GET });
