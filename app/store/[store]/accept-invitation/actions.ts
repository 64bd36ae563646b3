"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { type ActionState, apiErrorState, parseForm } from "@/lib/actions";
import { ApiError } from "@/lib/http/errors";
import { finishPageLogin, mfaPageAction } from "@/lib/auth/page-login";
import { loginPasswordSchema } from "@/lib/auth/passwords";
import { completeAcceptMfa, signInToAccept } from "@/lib/store/auth";
import {
  InvitationError,
  acceptInvitation,
  acceptSchema,
  invitationTokenField,
  usernameField,
} from "@/lib/store/team";
import { storeBySlug } from "@/lib/tenancy/lookup";
import { withConfirmation } from "@/lib/validation";

/** Where the code of an account with two-factor sign-in is asked for, the invitation kept. */
function acceptMfaPath(slug: string, token: string): string {
  return `/store/${slug}/accept-invitation/mfa?token=${encodeURIComponent(token)}`;
}

const newAccountForm = withConfirmation(acceptSchema.extend({ username: usernameField }), "password");

/** A new account: username and password chosen here; then the store's sign-in page. */
export async function acceptInvitationAction(
  slug: string,
  _prev: ActionState,
  formData: FormData,
): Promise<ActionState> {
  const parsed = await parseForm(formData, newAccountForm, ["username"]);
  if (!parsed.ok) return parsed.state;
  const store = await storeBySlug(slug);
  if (!store) return { error: "This store does not exist." };
  const values = { username: parsed.data.username };
  try {
    await acceptInvitation(store.id, parsed.data, parsed.ctx);
  } catch (error) {
    if (error instanceof InvitationError) return { error: error.message, values };
    if (error instanceof ApiError) return apiErrorState(error, values);
    throw error;
  }
  redirect(`/store/${slug}/login?joined=1`);
}

const signInForm = z.object({ token: invitationTokenField, current_password: loginPasswordSchema });

/** An existing account: the store's sign-in as the invited address, then the dashboard. */
export async function signInToAcceptAction(
  slug: string,
  _prev: ActionState,
  formData: FormData,
): Promise<ActionState> {
  const parsed = await parseForm(formData, signInForm);
  if (!parsed.ok) return parsed.state;
  const store = await storeBySlug(slug);
  if (!store) return { error: "This store does not exist." };
  const { token, current_password: password } = parsed.data;
  let result: Awaited<ReturnType<typeof signInToAccept>>;
  try {
    result = await signInToAccept(store, { token, password }, parsed.ctx);
  } catch (error) {
    if (error instanceof InvitationError || error instanceof ApiError) return { error: error.message };
    throw error;
  }
  return finishPageLogin("store", { slug }, result, null, acceptMfaPath(slug, token));
}

export async function acceptMfaAction(
  slug: string,
  token: string,
  _prev: ActionState,
  formData: FormData,
): Promise<ActionState> {
  const store = await storeBySlug(slug);
  if (!store) return { error: "This store does not exist." };
  return mfaPageAction(
    "store",
    { slug },
    (input, ctx) =>
      completeAcceptMfa(store, token, input, ctx).catch((error: unknown) => {
        throw InvitationError.toApi(error);
      }),
    formData,
  );
}
