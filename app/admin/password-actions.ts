"use server";

import { redirect } from "next/navigation";
import type { ActionState } from "@/lib/actions";
import { forgotPassword, resetFromForm } from "@/lib/password-actions";

export async function adminForgotAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return forgotPassword(formData, { area: "admin" }, "/admin/reset-password");
}

export async function adminResetAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const result = await resetFromForm(formData, "admin", null);
  if (result === true) redirect("/admin/login?reset=1");
  return result;
}
