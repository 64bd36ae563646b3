import { otherMethods } from "@/lib/http/methods";
import { ApiError } from "@/lib/http/errors";
import { RESET_REFUSED, resetPassword, resetSchema } from "@/lib/auth/reset";
import { apiRoute, json, readJson, requestContext } from "@/lib/http";

export const POST = apiRoute(async (request) => {
  const { token, password } = await readJson(request, resetSchema("admin"));
  if (!(await resetPassword("admin", null, token, password, requestContext(request.headers)))) {
    throw new ApiError("BAD_REQUEST", { message: RESET_REFUSED });
  }
  return json({ message: "Password changed. Sign in with the new password." });
});

export const { GET, HEAD, OPTIONS, PUT, PATCH, DELETE } = otherMethods({ POST });
