"use server";
// The owner's social sign-in switches and the store's own OIDC client, through runAction.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { type ActionState, runAction } from "@/lib/actions";
import { type StorePrincipal, currentPagePrincipal } from "@/lib/auth/guards";
import { storeProviderSettings } from "@/lib/auth/social/providers";
import { applySignInSettings, ownClientSchema } from "@/lib/auth/social/settings";
import { booleanField } from "@/lib/validation";

function owner(slug: string) {
  return {
    principal: () => currentPagePrincipal("store", slug),
    allowed: (p: StorePrincipal) =>
      !p.mfaMissing && p.storeRole === "owner" && p.permissions.includes("settings.manage"),
  };
}

export async function providerSwitchAction(
  slug: string,
  key: string,
  enabled: boolean,
  _prev: ActionState,
  formData: FormData,
): Promise<ActionState> {
  return runAction(formData, { schema: z.object({}), ...owner(slug) }, async (p, _data, ctx) => {
    await applySignInSettings(p, { providers: { [key]: enabled } }, ctx, false);
    revalidatePath(`/store/${slug}/settings`);
    return { message: enabled ? "Customers can sign in with it again." : "Turned off for this store." };
  });
}

// "button_name", not "name": the store's own name field is on the same page.
const ownClientForm = z.object({
  button_name: ownClientSchema.shape.name,
  issuer: ownClientSchema.shape.issuer,
  client_id: ownClientSchema.shape.client_id,
  client_secret: ownClientSchema.shape.client_secret,
  enabled: booleanField.default(false),
});

export async function ownClientAction(
  slug: string,
  _prev: ActionState,
  formData: FormData,
): Promise<ActionState> {
  return runAction(
    formData,
    { schema: ownClientForm, echo: ["button_name", "issuer", "client_id"], ...owner(slug) },
    async (p, data, ctx) => {
      const stored = (await storeProviderSettings(p.store)).own !== null;
      const { button_name: name, ...client } = data;
      await applySignInSettings(p, { own_client: { name, ...client } }, ctx, stored);
      revalidatePath(`/store/${slug}/settings`);
      return { message: "Sign-in client saved." };
    },
  );
}

export async function removeOwnClientAction(
  slug: string,
  _prev: ActionState,
  formData: FormData,
): Promise<ActionState> {
  return runAction(formData, { schema: z.object({}), ...owner(slug) }, async (p, _data, ctx) => {
    await applySignInSettings(p, { own_client: null }, ctx, false);
    revalidatePath(`/store/${slug}/settings`);
    return { message: "Sign-in client removed." };
  });
}
