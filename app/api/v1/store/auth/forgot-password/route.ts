import { z } from "zod";
import { FORGOT_ANSWER, forgotSchema, requestPasswordReset } from "@/lib/auth/reset";
import { apiRoute, json, readJson, requestContext } from "@/lib/http";
import { platformLink } from "@/lib/links";
import { storeByCode } from "@/lib/stores/lookup";

const schema = forgotSchema.extend({
  store_code: z.string().trim().min(1, { message: "Store code is required" }).max(64),
});

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
