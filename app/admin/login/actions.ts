"use server";

import { z } from "zod";
import { type ActionState, parseForm } from "@/lib/actions";
import { booleanField } from "@/lib/validation";
import { completeAdminMfa, loginAdmin } from "@/lib/admin/auth";
import { ApiError } from "@/lib/http/errors";
import { loginSchema } from "@/lib/auth/login";
import { finishPageLogin, mfaPageAction } from "@/lib/auth/page-login";

const formSchema = loginSchema.extend({
  remember_me: booleanField.default(false),
  next: z.string().optional(),
});

export async function loginAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const parsed = await parseForm(formData, formSchema, ["email_or_username"]);
  if (!parsed.ok) return parsed.state;
  const { data, ctx } = parsed;
  let result: Awaited<ReturnType<typeof loginAdmin>>;
  try {
    result = await loginAdmin(data, ctx);
  } catch (error) {
    if (error instanceof ApiError)
      return { error: error.message, values: { email_or_username: data.email_or_username } };
    throw error;
  }
  return finishPageLogin("admin", {}, result, data.next);
}

export async function adminMfaAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return mfaPageAction("admin", {}, completeAdminMfa, formData);
}
