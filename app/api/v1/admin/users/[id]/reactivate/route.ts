import { otherMethods } from "@/lib/http/methods";
import { adminRoute } from "@/lib/admin/api";
import { adminUserView, setUserActive } from "@/lib/admin/users";
import { json } from "@/lib/http";
import { idParam } from "@/lib/validation";

export const POST = adminRoute<{ id: string }>(async ({ principal, params, ctx }) => {
  return json(adminUserView(await setUserActive(principal, idParam(params.id, "user"), true, ctx)));
});

export const { GET, HEAD, OPTIONS, PUT, PATCH, DELETE } = otherMethods({ POST });
