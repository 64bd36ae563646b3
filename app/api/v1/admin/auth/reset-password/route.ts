import { otherMethods } from "@/lib/http/methods";
import { ApiError } from "@/lib/http/errors";
import { RESET_REFUSED, resetPassword } from "@/lib/auth/reset";
import { apiRoute, json } from "@/lib/http";
import { ADMIN_ROUTES } from "@/lib/http/routes";

export const POST = apiRoute(ADMIN_ROUTES.resetPassword, async ({ body, ctx }) => {
  if (!(await resetPassword("admin", null, body.token, body.password, ctx))) {
    throw new ApiError("BAD_REQUEST", { message: RESET_REFUSED });
  }
  return json({ message: "Password changed. Sign in with the new password." });
});

export const { GET, HEAD, OPTIONS, PUT, PATCH, DELETE } = otherMethods({ POST });
