import { otherMethods } from "@/lib/http/methods";
import { requireApiPrincipal } from "@/lib/auth/guards";
import { apiRoute, json } from "@/lib/http";

export const GET = apiRoute(async (request) => {
  const { principal } = await requireApiPrincipal(request, "admin");
  return json({
    user: { id: principal.id, username: principal.username, email: principal.email, role: principal.role },
    session_id: principal.sessionId,
  });
});

export const { OPTIONS, POST, PUT, PATCH, DELETE } = otherMethods({ GET });
