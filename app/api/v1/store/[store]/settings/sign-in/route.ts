import { otherMethods } from "@/lib/http/methods";
import { applySignInSettings } from "@/lib/auth/social/settings";
import { storeProviderSettings } from "@/lib/auth/social/providers";
import { json } from "@/lib/http";
import { STORE_ROUTES } from "@/lib/http/routes";
import { storeRoute } from "@/lib/store/api";

// The store's social sign-in settings: platform providers on or off, the store's own OIDC
// client (its secret is never returned). Changes are the owner's.
export const GET = storeRoute(STORE_ROUTES.signIn, async ({ principal }) =>
  json(await storeProviderSettings(principal.store)),
);

export const PUT = storeRoute(STORE_ROUTES.setSignIn, async ({ principal, body, ctx }) => {
  const before = await storeProviderSettings(principal.store);
  await applySignInSettings(principal, body, ctx, before.own !== null);
  return json(await storeProviderSettings(principal.store));
});

export const { OPTIONS, POST, PATCH, DELETE } = otherMethods({ GET, PUT });
