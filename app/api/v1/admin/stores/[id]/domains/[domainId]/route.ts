import { otherMethods } from "@/lib/http/methods";
import { adminRoute } from "@/lib/admin/api";
import { domainVerifySchema, setDomainVerified } from "@/lib/admin/stores";
import { json, readJson } from "@/lib/http";
import { domainView } from "@/lib/store/settings";
import { idParam } from "@/lib/validation";

/** Verification is the platform's call, not the store's (docs/security.md, S13). */
export const PATCH = adminRoute<{ id: string; domainId: string }>(async ({ request, params }) => {
  const storeId = idParam(params.id, "store");
  const domainId = idParam(params.domainId, "domain");
  const { verified } = await readJson(request, domainVerifySchema);
  return json(domainView(await setDomainVerified(storeId, domainId, verified)));
});

export const { GET, HEAD, OPTIONS, POST, PUT, DELETE } = otherMethods({ PATCH });
