import { otherMethods } from "@/lib/http/methods";
import { mfaLoginSchema } from "@/lib/auth/login";
import { apiRoute, readJson, requestContext } from "@/lib/http";
import { completeStoreMfa, storeLoginResponse } from "@/lib/store/auth";

export const POST = apiRoute(async (request) => {
  const input = await readJson(request, mfaLoginSchema);
  return storeLoginResponse(await completeStoreMfa(input, requestContext(request.headers)));
});

export const { GET, HEAD, OPTIONS, PUT, PATCH, DELETE } = otherMethods({ POST });
