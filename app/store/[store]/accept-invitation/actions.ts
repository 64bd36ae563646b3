"use server";

import { redirect } from "next/navigation";
import { type ActionState, apiErrorState, parseForm } from "@/lib/actions";
import { ApiError } from "@/lib/auth/errors";
import { InvitationError, acceptInvitation, acceptSchema } from "@/lib/store/team";
import { storeBySlug } from "@/lib/stores/lookup";

export async function acceptInvitationAction(slug: string, _prev: ActionState, formData: FormData): Promise<ActionState> {
  const parsed = await parseForm(formData, acceptSchema, ["username"]);
  if (!parsed.ok) return parsed.state;
  const store = await storeBySlug(slug);
  if (!store) return { error: "This store does not exist." };
  if (parsed.data.username === "") parsed.data.username = undefined;
  if (formData.get("confirm_password") !== null && formData.get("confirm_password") !== parsed.data.password) {
    return { fieldErrors: { confirm_password: "The passwords differ" }, values: { username: String(formData.get("username") ?? "") } };
  }
  try {
    await acceptInvitation(store.id, parsed.data, parsed.ctx);
  } catch (error) {
    const values = { username: String(formData.get("username") ?? "") };
    if (error instanceof InvitationError) return { error: error.message, values };
    if (error instanceof ApiError) return apiErrorState(error, values);
    throw error;
  }
  redirect(`/store/${slug}/login?joined=1`);
}
