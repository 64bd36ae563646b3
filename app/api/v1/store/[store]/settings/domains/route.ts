import { otherMethods } from "@/lib/http/methods";
import { json, readJson } from "@/lib/http";
import { storeRoute } from "@/lib/store/api";
import { addDomain, domainSchema, domainView, listDomains } from "@/lib/store/settings";

export const GET = storeRoute("settings.manage", async ({ principal }) => {
  return json({ items: (await listDomains(principal.store.id)).map(domainView) });
});

export const POST = storeRoute("settings.manage", async ({ request, principal }) => {
  const { domain } = await readJson(request, domainSchema);
  return json(domainView(await addDomain(principal.store.id, domain)), { status: 201 });
});

export const { OPTIONS, PUT, PATCH, DELETE } = otherMethods({ GET, POST });
