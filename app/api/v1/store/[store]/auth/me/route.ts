import { otherMethods } from "@/lib/http/methods";
import { requireApiPrincipal } from "@/lib/auth/guards";
import { apiRoute, json } from "@/lib/http";
import { STORE_ROUTES } from "@/lib/http/routes";
import { apiSlug } from "@/lib/tenancy/slug";

export const GET = apiRoute(
  STORE_ROUTES.me,
  // A member who still has to set up two-factor sign-in may ask who they are.
  async (request, params: { store: string }) =>
    (
      await requireApiPrincipal(
        request,
        "store",
        { slug: apiSlug(request, params.store) },
        { mfaSetup: true },
      )
    ).principal,
  async ({ loaded: principal }) =>
    json({
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
    }),
);

export const { OPTIONS, POST, PUT, PATCH, DELETE } = otherMethods({ GET });
