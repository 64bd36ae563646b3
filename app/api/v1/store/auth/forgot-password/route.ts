import { otherMethods } from "@/lib/http/methods";
import { FORGOT_ANSWER, requestPasswordReset } from "@/lib/auth/reset";
import { apiRoute, json } from "@/lib/http";
import { STORE_ROUTES } from "@/lib/http/routes";
import { platformLink } from "@/lib/links";
import { storeByCode } from "@/lib/tenancy/lookup";

/** Always 202 with the same answer, whether or not the store or the account exists. */
export const POST = apiRoute(STORE_ROUTES.forgotPassword, async ({ body: { email, store_code }, ctx }) => {
  const store = await storeByCode(store_code);
  if (store) {
    await requestPasswordReset(
      { area: "store", storeId: store.id },
      email,
      (t) => platformLink(`/store/${store.slug}/reset-password?token=${t}`),
      ctx,
    );
  }
  return json({ message: FORGOT_ANSWER }, { status: 202 });
});

export const { GET, HEAD, OPTIONS, PUT, PATCH, DELETE } = otherMethods({ POST });
