import { otherMethods } from "@/lib/http/methods";
import { apiRoute, readJson, requestContext } from "@/lib/http";
import { loginStore, storeLoginResponse, storeLoginSchema } from "@/lib/store/auth";

export const POST = apiRoute(async (request) => {
  const input = await readJson(request, storeLoginSchema);
  return storeLoginResponse(await loginStore(input, requestContext(request.headers)));
});

export const { GET, HEAD, OPTIONS, PUT, PATCH, DELETE } = otherMethods({ POST });
