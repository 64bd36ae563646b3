import { otherMethods } from "@/lib/http/methods";
import { refreshAdmin } from "@/lib/admin/auth";
import { refreshSchema, sessionCookies, tokenBody } from "@/lib/auth/login";
import { withCookies } from "@/lib/auth/respond";
import { apiRoute, json, readJson, requestContext } from "@/lib/http";

export const POST = apiRoute(async (request) => {
  const { refresh_token } = await readJson(request, refreshSchema);
  const tokens = await refreshAdmin(refresh_token, requestContext(request.headers));
  return withCookies(json(tokenBody(tokens)), sessionCookies("admin", {}, tokens));
});

export const { GET, HEAD, OPTIONS, PUT, PATCH, DELETE } = otherMethods({ POST });
