import { otherMethods } from "@/lib/http/methods";
import { adminRoute } from "@/lib/admin/api";
import { adminStoreView, setStoreStatus } from "@/lib/admin/stores";
import { json } from "@/lib/http";
import { ADMIN_ROUTES } from "@/lib/http/routes";

export const POST = adminRoute(ADMIN_ROUTES.reactivateStore, async ({ principal, params, ctx }) =>
  json(adminStoreView(await setStoreStatus(principal, params.id, "active", ctx))),
);

export const { GET, HEAD, OPTIONS, PUT, PATCH, DELETE } = otherMethods({ POST });
