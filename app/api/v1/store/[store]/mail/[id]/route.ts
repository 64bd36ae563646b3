import { ApiError } from "@/lib/http/errors";
import { otherMethods } from "@/lib/http/methods";
import { json } from "@/lib/http";
import { STORE_ROUTES } from "@/lib/http/routes";
import { getStoreDelivery, storeDeliveryView } from "@/lib/mail/deliveries";
import { storeRoute } from "@/lib/store/api";

/** One of the store's mails; another store's id is answered like an id that does not exist. */
export const GET = storeRoute(STORE_ROUTES.mailItem, async ({ principal, params }) => {
  const mail = await getStoreDelivery(principal.store.id, params.id);
  if (!mail) throw new ApiError("NOT_FOUND", { message: "No such mail" });
  return json(storeDeliveryView(mail));
});

export const { OPTIONS, POST, PUT, PATCH, DELETE } = otherMethods({ GET });
