import { otherMethods } from "@/lib/http/methods";
import { ApiError } from "@/lib/http/errors";
import { RESET_REFUSED, resetPassword, resetSchema } from "@/lib/auth/reset";
import { apiRoute, json, readJson, requestContext } from "@/lib/http";
import { storeCodeField } from "@/lib/store/auth";
import { storeByCode } from "@/lib/tenancy/lookup";

const schema = resetSchema("store").extend({ store_code: storeCodeField });

export const POST = apiRoute(async (request) => {
  const { token, password, store_code } = await readJson(request, schema);
  const store = await storeByCode(store_code);
  if (!store || !(await resetPassword("store", store.id, token, password, requestContext(request.headers)))) {
    throw new ApiError("BAD_REQUEST", { message: RESET_REFUSED });
  }
  return json({ message: "Password changed. Sign in with the new password." });
});

export const { GET, HEAD, OPTIONS, PUT, PATCH, DELETE } = otherMethods({ POST });
