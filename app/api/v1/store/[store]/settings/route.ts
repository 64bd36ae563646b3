import { otherMethods } from "@/lib/http/methods";
import { json } from "@/lib/http";
import { STORE_ROUTES } from "@/lib/http/routes";
import { storeRoute } from "@/lib/store/api";
import { settingsView, updateSettings } from "@/lib/store/settings";
import { storeBySlug } from "@/lib/tenancy/lookup";

export const GET = storeRoute(STORE_ROUTES.settings, async ({ principal }) =>
  json(settingsView(principal.store)),
);

/** Name and theme only: status, code and domain verification belong to the platform. */
export const PATCH = storeRoute(STORE_ROUTES.updateSettings, async ({ principal, body }) => {
  await updateSettings(principal.store.id, principal.store.slug, body);
  const store = await storeBySlug(principal.store.slug);
  return json(settingsView(store ?? principal.store));
});

export const { OPTIONS, POST, PUT, DELETE } = otherMethods({ GET, PATCH });
