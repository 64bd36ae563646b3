// The store's social sign-in settings: platform providers on or off, the store's own OIDC
// client (its secret is never returned). Changes are the owner's.
import { otherMethods } from "@/lib/http/methods";
import { applySignInSettings, signInSettingsSchema } from "@/lib/auth/social/settings";
import { storeProviderSettings } from "@/lib/auth/social/providers";
import { json, readJson } from "@/lib/http";
import { storeRoute } from "@/lib/store/api";

export const GET = storeRoute("settings.manage", async ({ principal }) => {
  return json(await storeProviderSettings(principal.store));
});

export const PUT = storeRoute("settings.manage", async ({ request, principal, ctx }) => {
  const input = await readJson(request, signInSettingsSchema);
  const before = await storeProviderSettings(principal.store);
  await applySignInSettings(principal, input, ctx, before.own !== null);
  return json(await storeProviderSettings(principal.store));
});

export const { OPTIONS, POST, PATCH, DELETE } = otherMethods({ GET, PUT });
