import { otherMethods } from "@/lib/http/methods";
import { FORGOT_ANSWER, forgotSchema, requestPasswordReset } from "@/lib/auth/reset";
import { apiRoute, json, readJson, requestContext } from "@/lib/http";
import { platformLink } from "@/lib/links";

/** Always 202 with the same answer, whether or not the address has an admin account. */
export const POST = apiRoute(async (request) => {
  const { email } = await readJson(request, forgotSchema);
  await requestPasswordReset(
    { area: "admin" },
    email,
    (t) => platformLink(`/admin/reset-password?token=${t}`),
    requestContext(request.headers),
  );
  return json({ message: FORGOT_ANSWER }, { status: 202 });
});

export const { GET, HEAD, OPTIONS, PUT, PATCH, DELETE } = otherMethods({ POST });
