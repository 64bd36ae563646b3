import { otherMethods } from "@/lib/http/methods";
import { FORGOT_ANSWER, forgotSchema, requestPasswordReset } from "@/lib/auth/reset";
import { apiRoute, json, readJson, requestContext } from "@/lib/http";
import { platformLink } from "@/lib/links";
import { storeCodeField } from "@/lib/store/auth";
import { storeByCode } from "@/lib/tenancy/lookup";

const schema = forgotSchema.extend({ store_code: storeCodeField });

/** Always 202 with the same answer, whether or not the store or the account exists. */
export const POST = apiRoute(async (request) => {
  const { email, store_code } = await readJson(request, schema);
  const store = await storeByCode(store_code);
  if (store) {
    await requestPasswordReset(
      { area: "store", storeId: store.id },
      email,
      (t) => platformLink(`/store/${store.slug}/reset-password?token=${t}`),
      requestContext(request.headers),
    );
  }
  return json({ message: FORGOT_ANSWER }, { status: 202 });
});

export const { GET, HEAD, OPTIONS, PUT, PATCH, DELETE } = otherMethods({ POST });
