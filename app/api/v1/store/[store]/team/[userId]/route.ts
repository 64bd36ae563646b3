import { otherMethods } from "@/lib/http/methods";
import { json } from "@/lib/http";
import { STORE_ROUTES } from "@/lib/http/routes";
import { storeRoute } from "@/lib/store/api";
import { changeMemberRole, removeMember } from "@/lib/store/team";

export const PATCH = storeRoute(STORE_ROUTES.changeRole, async ({ principal, params, body, ctx }) => {
  await changeMemberRole(principal, params.userId, body.role, ctx);
  return json({ user_id: params.userId, role: body.role });
});

export const DELETE = storeRoute(STORE_ROUTES.removeMember, async ({ principal, params, ctx }) => {
  await removeMember(principal, params.userId, ctx);
  return new Response(null, { status: 204, headers: { "Cache-Control": "no-store" } });
});

export const { GET, HEAD, OPTIONS, POST, PUT } = otherMethods({ PATCH, DELETE });
