"use server";

import { redirect } from "next/navigation";
import type { ActionState } from "@/lib/actions";
import { forgotPassword, resetFromForm } from "@/lib/password-actions";
import { storeBySlug } from "@/lib/tenancy/lookup";

export async function storeForgotAction(
  slug: string,
  _prev: ActionState,
  formData: FormData,
): Promise<ActionState> {
  const store = await storeBySlug(slug);
  if (!store) return { error: "This store does not exist." };
  return forgotPassword(formData, { area: "store", storeId: store.id }, `/store/${slug}/reset-password`);
}

export async function storeResetAction(
  slug: string,
  _prev: ActionState,
  formData: FormData,
): Promise<ActionState> {
  const store = await storeBySlug(slug);
  if (!store) return { error: "This store does not exist." };
  const result = await resetFromForm(formData, "store", store.id);
  if (result === true) redirect(`/store/${slug}/login?reset=1`);
  return result;
}
