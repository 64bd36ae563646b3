import { otherMethods } from "@/lib/http/methods";
import { ApiError } from "@/lib/http/errors";
import { RESET_REFUSED, resetPassword } from "@/lib/auth/reset";
import { apiRoute, json } from "@/lib/http";
import { STORE_ROUTES } from "@/lib/http/routes";
import { storeByCode } from "@/lib/tenancy/lookup";

export const POST = apiRoute(
  STORE_ROUTES.resetPassword,
  async ({ body: { token, password, store_code }, ctx }) => {
    const store = await storeByCode(store_code);
    if (!store || !(await resetPassword("store", store.id, token, password, ctx))) {
      throw new ApiError("BAD_REQUEST", { message: RESET_REFUSED });
    }
    return json({ message: "Password changed. Sign in with the new password." });
  },
);

export const { GET, HEAD, OPTIONS, PUT, PATCH, DELETE } = otherMethods({ POST });
