import { otherMethods } from "@/lib/http/methods";
import { recordAuthEvent } from "@/lib/audit";
import { json } from "@/lib/http";
import { storeRoute } from "@/lib/store/api";
import { customerView, setCustomerActive } from "@/lib/store/customers";
import { idParam } from "@/lib/validation";

export const POST = storeRoute<{ store: string; id: string }>(
  "customers.write",
  async ({ principal, params, ctx }) => {
    const customer = await setCustomerActive(principal.store.id, idParam(params.id, "customer"), false);
    await recordAuthEvent(
      "customer_deactivated",
      { area: "store", storeId: principal.store.id, userId: principal.id, customerId: customer.id },
      ctx,
    );
    return json(customerView(customer));
  },
);

export const { GET, HEAD, OPTIONS, PUT, PATCH, DELETE } = otherMethods({ POST });
