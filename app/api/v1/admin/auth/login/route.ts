import { otherMethods } from "@/lib/http/methods";
import { adminLoginResponse, loginAdmin } from "@/lib/admin/auth";
import { apiRoute } from "@/lib/http";
import { ADMIN_ROUTES } from "@/lib/http/routes";

export const POST = apiRoute(ADMIN_ROUTES.login, async ({ body, ctx }) =>
  adminLoginResponse(await loginAdmin(body, ctx)),
);

export const { GET, HEAD, OPTIONS, PUT, PATCH, DELETE } = otherMethods({ POST });
