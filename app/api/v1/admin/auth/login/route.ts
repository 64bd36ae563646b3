import { otherMethods } from "@/lib/http/methods";
import { adminLoginResponse, loginAdmin } from "@/lib/admin/auth";
import { loginSchema } from "@/lib/auth/login";
import { apiRoute, readJson, requestContext } from "@/lib/http";

export const POST = apiRoute(async (request) => {
  const input = await readJson(request, loginSchema);
  return adminLoginResponse(await loginAdmin(input, requestContext(request.headers)));
});

export const { GET, HEAD, OPTIONS, PUT, PATCH, DELETE } = otherMethods({ POST });
