import { otherMethods } from "@/lib/http/methods";
import { json } from "@/lib/http";
import { STORE_ROUTES } from "@/lib/http/routes";
import { listStoreDeliveries, storeDeliveryView } from "@/lib/mail/deliveries";
import { storeRoute } from "@/lib/store/api";
import { PAGE_SIZE } from "@/lib/validation";

/** The store's mail and its delivery status (`status` = queued | sent | retrying | failed, `page`). */
export const GET = storeRoute(STORE_ROUTES.mail, async ({ principal, query }) => {
  const { rows, total } = await listStoreDeliveries(principal.store.id, query);
  return json({ items: rows.map(storeDeliveryView), total, page: query.page, page_size: PAGE_SIZE });
});

export const { OPTIONS, POST, PUT, PATCH, DELETE } = otherMethods({ GET });
