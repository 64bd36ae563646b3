import { otherMethods } from "@/lib/http/methods";
import { requireApiPrincipal } from "@/lib/auth/guards";
import { apiRoute, json } from "@/lib/http";
import { apiSlug } from "@/lib/tenancy/slug";

export const GET = apiRoute<{ store: string }>(async (request, { params }) => {
  const slug = apiSlug(request, (await params).store);
  const { principal } = await requireApiPrincipal(request, "store", { slug }, { mfaSetup: true });
  return json({
    user: { id: principal.id, username: principal.username, email: principal.email, role: "store" },
    store: {
      id: principal.store.id,
      code: principal.store.code,
      slug: principal.store.slug,
      name: principal.store.name,
    },
    store_role: principal.storeRole,
    permissions: principal.permissions,
    session_id: principal.sessionId,
    mfa_setup_required: principal.mfaMissing,
  });
});

export const { OPTIONS, POST, PUT, PATCH, DELETE } = otherMethods({ GET });
