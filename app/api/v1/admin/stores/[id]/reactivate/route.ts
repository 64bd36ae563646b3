import { otherMethods } from "@/lib/http/methods";
import { adminRoute } from "@/lib/admin/api";
import { adminStoreView, setStoreStatus } from "@/lib/admin/stores";
import { json } from "@/lib/http";
import { idParam } from "@/lib/validation";

export const POST = adminRoute<{ id: string }>(async ({ principal, params, ctx }) => {
  return json(adminStoreView(await setStoreStatus(principal, idParam(params.id, "store"), "active", ctx)));
});

export const { GET, HEAD, OPTIONS, PUT, PATCH, DELETE } = otherMethods({ POST });
