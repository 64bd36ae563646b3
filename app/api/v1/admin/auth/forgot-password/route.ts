import { otherMethods } from "@/lib/http/methods";
import { FORGOT_ANSWER, requestPasswordReset } from "@/lib/auth/reset";
import { apiRoute, json } from "@/lib/http";
import { ADMIN_ROUTES } from "@/lib/http/routes";
import { platformLink } from "@/lib/links";

/** Always 202 with the same answer, whether or not the address has an admin account. */
export const POST = apiRoute(ADMIN_ROUTES.forgotPassword, async ({ body, ctx }) => {
  await requestPasswordReset(
    { area: "admin" },
    body.email,
    (t) => platformLink(`/admin/reset-password?token=${t}`),
    ctx,
  );
  return json({ message: FORGOT_ANSWER }, { status: 202 });
});

export const { GET, HEAD, OPTIONS, PUT, PATCH, DELETE } = otherMethods({ POST });
