import { otherMethods } from "@/lib/http/methods";
import { json } from "@/lib/http";
import { STORE_ROUTES } from "@/lib/http/routes";
import { storeRoute } from "@/lib/store/api";
import { customerView } from "@/lib/store/customers";
import { getOrder, orderView, setOrderStatus } from "@/lib/store/orders";

export const GET = storeRoute(STORE_ROUTES.order, async ({ principal, params }) => {
  const { order, customer, items } = await getOrder(principal.store.id, params.id);
  return json({
    ...orderView(order),
    customer: customer ? customerView(customer) : null,
    items: items.map((i) => ({
      product_id: i.productId,
      product_name: i.productName,
      unit_price_cents: i.unitPriceCents,
      quantity: i.quantity,
    })),
  });
});

export const PATCH = storeRoute(STORE_ROUTES.updateOrder, async ({ principal, params, body }) =>
  json(orderView(await setOrderStatus(principal.store.id, params.id, body.status))),
);

export const { OPTIONS, POST, PUT, DELETE } = otherMethods({ GET, PATCH });
