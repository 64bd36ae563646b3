import { sessionCookies, tokenBody } from "@/lib/auth/login";
import { withCookies } from "@/lib/auth/respond";
import { apiRoute, json, readJson, requestContext } from "@/lib/http";
import { loginStore, storeLoginSchema, storeLoginView } from "@/lib/store/auth";

export const POST = apiRoute(async (request) => {
  const input = await readJson(request, storeLoginSchema);
  const login = await loginStore(input, requestContext(request.headers));
  return withCookies(
    json({ ...tokenBody(login.tokens), ...storeLoginView(login) }),
    sessionCookies("store", { slug: login.store.slug }, login.tokens),
  );
});
