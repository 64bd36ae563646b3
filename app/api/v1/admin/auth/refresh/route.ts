import { otherMethods } from "@/lib/http/methods";
import { refreshAdmin } from "@/lib/admin/auth";
import { sessionCookies, tokenBody } from "@/lib/auth/login";
import { withCookies } from "@/lib/auth/respond";
import { apiRoute, json } from "@/lib/http";
import { ADMIN_ROUTES } from "@/lib/http/routes";

export const POST = apiRoute(ADMIN_ROUTES.refresh, async ({ body, ctx }) => {
  const tokens = await refreshAdmin(body.refresh_token, ctx);
  return withCookies(json(tokenBody(tokens)), sessionCookies("admin", {}, tokens));
});

export const { GET, HEAD, OPTIONS, PUT, PATCH, DELETE } = otherMethods({ POST });
