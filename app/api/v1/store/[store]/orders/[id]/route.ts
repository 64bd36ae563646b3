import { otherMethods } from "@/lib/http/methods";
import { json, readJson } from "@/lib/http";
import { storeRoute } from "@/lib/store/api";
import { customerView } from "@/lib/store/customers";
import { getOrder, orderStatusSchema, orderView, setOrderStatus } from "@/lib/store/orders";
import { idParam } from "@/lib/validation";

type P = { store: string; id: string };

export const GET = storeRoute<P>("orders.read", async ({ principal, params }) => {
  const { order, customer, items } = await getOrder(principal.store.id, idParam(params.id, "order"));
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

export const PATCH = storeRoute<P>("orders.write", async ({ request, principal, params }) => {
  const id = idParam(params.id, "order");
  const { status } = await readJson(request, orderStatusSchema);
  return json(orderView(await setOrderStatus(principal.store.id, id, status)));
});

export const { OPTIONS, POST, PUT, DELETE } = otherMethods({ GET, PATCH });
