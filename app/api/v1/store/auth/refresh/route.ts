import { otherMethods } from "@/lib/http/methods";
import { sessionCookies, tokenBody } from "@/lib/auth/login";
import { withCookies } from "@/lib/auth/respond";
import { apiRoute, json } from "@/lib/http";
import { STORE_ROUTES } from "@/lib/http/routes";
import { refreshStore } from "@/lib/store/auth";

export const POST = apiRoute(STORE_ROUTES.refresh, async ({ body, ctx }) => {
  const { tokens, slug } = await refreshStore(body.refresh_token, ctx);
  return withCookies(json(tokenBody(tokens)), sessionCookies("store", { slug }, tokens));
});

export const { GET, HEAD, OPTIONS, PUT, PATCH, DELETE } = otherMethods({ POST });
