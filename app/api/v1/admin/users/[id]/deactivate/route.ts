import { otherMethods } from "@/lib/http/methods";
import { adminRoute } from "@/lib/admin/api";
import { adminUserView, setUserActive } from "@/lib/admin/users";
import { json } from "@/lib/http";
import { ADMIN_ROUTES } from "@/lib/http/routes";

export const POST = adminRoute(ADMIN_ROUTES.deactivateUser, async ({ principal, params, ctx }) =>
  json(adminUserView(await setUserActive(principal, params.id, false, ctx))),
);

export const { GET, HEAD, OPTIONS, PUT, PATCH, DELETE } = otherMethods({ POST });
