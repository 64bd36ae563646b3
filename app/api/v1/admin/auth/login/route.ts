import { adminView, loginAdmin } from "@/lib/admin/auth";
import { loginSchema, sessionCookies, tokenBody } from "@/lib/auth/login";
import { withCookies } from "@/lib/auth/respond";
import { apiRoute, json, readJson, requestContext } from "@/lib/http";

export const POST = apiRoute(async (request) => {
  const input = await readJson(request, loginSchema);
  const { user, tokens } = await loginAdmin(input, requestContext(request.headers));
  return withCookies(json({ ...tokenBody(tokens), user: adminView(user) }), sessionCookies("admin", {}, tokens));
});
