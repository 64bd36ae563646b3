import { otherMethods } from "@/lib/http/methods";
import { adminLoginResponse, completeAdminMfa } from "@/lib/admin/auth";
import { apiRoute } from "@/lib/http";
import { ADMIN_ROUTES } from "@/lib/http/routes";

export const POST = apiRoute(ADMIN_ROUTES.mfa, async ({ body, ctx }) =>
  adminLoginResponse(await completeAdminMfa(body, ctx)),
);

export const { GET, HEAD, OPTIONS, PUT, PATCH, DELETE } = otherMethods({ POST });
