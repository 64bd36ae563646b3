import { otherMethods } from "@/lib/http/methods";
import { adminRoute } from "@/lib/admin/api";
import { json } from "@/lib/http";
import { ADMIN_ROUTES } from "@/lib/http/routes";

export const GET = adminRoute(ADMIN_ROUTES.me, async ({ principal }) =>
  json({
    user: { id: principal.id, username: principal.username, email: principal.email, role: principal.role },
    session_id: principal.sessionId,
  }),
);

export const { OPTIONS, POST, PUT, PATCH, DELETE } = otherMethods({ GET });
