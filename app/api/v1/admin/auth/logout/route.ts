import { otherMethods } from "@/lib/http/methods";
import { adminRoute } from "@/lib/admin/api";
import { logoutAdmin } from "@/lib/admin/auth";
import { clearedCookies } from "@/lib/auth/cookies";
import { withCookies } from "@/lib/auth/respond";
import { json } from "@/lib/http";
import { ADMIN_ROUTES } from "@/lib/http/routes";

export const POST = adminRoute(ADMIN_ROUTES.logout, async ({ principal, ctx }) => {
  await logoutAdmin(principal.id, principal.sessionId, ctx);
  return withCookies(json({ message: "Signed out" }), clearedCookies("admin", {}));
});

export const { GET, HEAD, OPTIONS, PUT, PATCH, DELETE } = otherMethods({ POST });
