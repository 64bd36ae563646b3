import { otherMethods } from "@/lib/http/methods";
import { recordAuthEvent } from "@/lib/audit";
import { json } from "@/lib/http";
import { STORE_ROUTES } from "@/lib/http/routes";
import { storeRoute } from "@/lib/store/api";
import { customerView, setCustomerActive } from "@/lib/store/customers";

export const POST = storeRoute(STORE_ROUTES.deactivateCustomer, async ({ principal, params, ctx }) => {
  const customer = await setCustomerActive(principal.store.id, params.id, false);
  await recordAuthEvent(
    "customer_deactivated",
    { area: "store", storeId: principal.store.id, userId: principal.id, customerId: customer.id },
    ctx,
  );
  return json(customerView(customer));
});

export const { GET, HEAD, OPTIONS, PUT, PATCH, DELETE } = otherMethods({ POST });
