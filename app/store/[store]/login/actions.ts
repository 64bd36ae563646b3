"use server";

import { z } from "zod";
import { type ActionState, parseForm } from "@/lib/actions";
import { booleanField } from "@/lib/validation";
import { ApiError } from "@/lib/http/errors";
import { finishPageLogin, mfaPageAction } from "@/lib/auth/page-login";
import { completeStoreMfa, loginStore, storeLoginSchema } from "@/lib/store/auth";

const formSchema = storeLoginSchema.extend({
  remember_me: booleanField.default(false),
  next: z.string().optional(),
});

export async function storeLoginAction(
  slug: string,
  _prev: ActionState,
  formData: FormData,
): Promise<ActionState> {
  formData.set("store_code", slug);
  const parsed = await parseForm(formData, formSchema, ["email_or_username"]);
  if (!parsed.ok) return parsed.state;
  const { data, ctx } = parsed;
  let result: Awaited<ReturnType<typeof loginStore>>;
  try {
    result = await loginStore(data, ctx);
  } catch (error) {
    if (error instanceof ApiError)
      return { error: error.message, values: { email_or_username: data.email_or_username } };
    throw error;
  }
  return finishPageLogin("store", { slug }, result, data.next);
}

export async function storeMfaAction(
  slug: string,
  _prev: ActionState,
  formData: FormData,
): Promise<ActionState> {
  return mfaPageAction("store", { slug }, completeStoreMfa, formData);
}
