import { otherMethods } from "@/lib/http/methods";
import { adminRoute } from "@/lib/admin/api";
import { setDomainVerified } from "@/lib/admin/stores";
import { json } from "@/lib/http";
import { ADMIN_ROUTES } from "@/lib/http/routes";
import { domainView } from "@/lib/store/settings";

/** Verification is the platform's call, not the store's (docs/security.md, S13). */
export const PATCH = adminRoute(ADMIN_ROUTES.verifyDomain, async ({ params, body }) =>
  json(domainView(await setDomainVerified(params.id, params.domainId, body.verified))),
);

export const { GET, HEAD, OPTIONS, POST, PUT, DELETE } = otherMethods({ PATCH });
