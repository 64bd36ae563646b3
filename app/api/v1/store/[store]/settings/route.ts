import { otherMethods } from "@/lib/http/methods";
import { json, readJson } from "@/lib/http";
import { storeRoute } from "@/lib/store/api";
import { settingsPatchSchema, settingsView, updateSettings } from "@/lib/store/settings";
import { storeBySlug } from "@/lib/tenancy/lookup";

export const GET = storeRoute("settings.manage", async ({ principal }) => {
  return json(settingsView(principal.store));
});

/** Name and theme only: status, code and domain verification belong to the platform. */
export const PATCH = storeRoute("settings.manage", async ({ request, principal }) => {
  const input = await readJson(request, settingsPatchSchema);
  await updateSettings(principal.store.id, principal.store.slug, input);
  const store = await storeBySlug(principal.store.slug);
  return json(settingsView(store ?? principal.store));
});

export const { OPTIONS, POST, PUT, DELETE } = otherMethods({ GET, PATCH });
