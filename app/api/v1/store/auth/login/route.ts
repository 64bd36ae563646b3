import { otherMethods } from "@/lib/http/methods";
import { apiRoute } from "@/lib/http";
import { STORE_ROUTES } from "@/lib/http/routes";
import { loginStore, storeLoginResponse } from "@/lib/store/auth";

export const POST = apiRoute(STORE_ROUTES.login, async ({ body, ctx }) =>
  storeLoginResponse(await loginStore(body, ctx)),
);

export const { GET, HEAD, OPTIONS, PUT, PATCH, DELETE } = otherMethods({ POST });
