import { otherMethods } from "@/lib/http/methods";
import { apiRoute } from "@/lib/http";
import { STORE_ROUTES } from "@/lib/http/routes";
import { completeStoreMfa, storeLoginResponse } from "@/lib/store/auth";

export const POST = apiRoute(STORE_ROUTES.mfa, async ({ body, ctx }) =>
  storeLoginResponse(await completeStoreMfa(body, ctx)),
);

export const { GET, HEAD, OPTIONS, PUT, PATCH, DELETE } = otherMethods({ POST });
