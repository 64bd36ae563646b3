import { otherMethods } from "@/lib/http/methods";
import { refreshSchema, sessionCookies, tokenBody } from "@/lib/auth/login";
import { withCookies } from "@/lib/auth/respond";
import { apiRoute, json, readJson, requestContext } from "@/lib/http";
import { refreshStore } from "@/lib/store/auth";

export const POST = apiRoute(async (request) => {
  const { refresh_token } = await readJson(request, refreshSchema);
  const { tokens, slug } = await refreshStore(refresh_token, requestContext(request.headers));
  return withCookies(json(tokenBody(tokens)), sessionCookies("store", { slug }, tokens));
});

export const { GET, HEAD, OPTIONS, PUT, PATCH, DELETE } = otherMethods({ POST });
