import { otherMethods } from "@/lib/http/methods";
import { json } from "@/lib/http";
import { STORE_ROUTES } from "@/lib/http/routes";
import { storeRoute } from "@/lib/store/api";
import { addDomain, domainView, listDomains } from "@/lib/store/settings";

export const GET = storeRoute(STORE_ROUTES.domains, async ({ principal }) =>
  json({ items: (await listDomains(principal.store.id)).map(domainView) }),
);

export const POST = storeRoute(STORE_ROUTES.addDomain, async ({ principal, body }) =>
  json(domainView(await addDomain(principal.store.id, body.domain)), { status: 201 }),
);

export const { OPTIONS, PUT, PATCH, DELETE } = otherMethods({ GET, POST });
