import { otherMethods } from "@/lib/http/methods";
import { json } from "@/lib/http";
import { STORE_ROUTES } from "@/lib/http/routes";
import { storeRoute } from "@/lib/store/api";
import { customerView, listCustomers } from "@/lib/store/customers";
import { PAGE_SIZE } from "@/lib/validation";

export const GET = storeRoute(STORE_ROUTES.customers, async ({ principal, query }) => {
  const { items, total } = await listCustomers(principal.store.id, query);
  return json({ items: items.map(customerView), total, page: query.page, page_size: PAGE_SIZE });
});

export const { OPTIONS, POST, PUT, PATCH, DELETE } = otherMethods({ GET });
