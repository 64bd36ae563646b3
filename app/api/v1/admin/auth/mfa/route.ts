import { otherMethods } from "@/lib/http/methods";
import { adminLoginResponse, completeAdminMfa } from "@/lib/admin/auth";
import { mfaLoginSchema } from "@/lib/auth/login";
import { apiRoute, readJson, requestContext } from "@/lib/http";

export const POST = apiRoute(async (request) => {
  const input = await readJson(request, mfaLoginSchema);
  return adminLoginResponse(await completeAdminMfa(input, requestContext(request.headers)));
});

export const { GET, HEAD, OPTIONS, PUT, PATCH, DELETE } = otherMethods({ POST });
