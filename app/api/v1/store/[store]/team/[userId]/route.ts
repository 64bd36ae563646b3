import { otherMethods } from "@/lib/http/methods";
import { json, readJson } from "@/lib/http";
import { storeRoute } from "@/lib/store/api";
import { changeMemberRole, removeMember, roleChangeSchema } from "@/lib/store/team";
import { idParam } from "@/lib/validation";

type P = { store: string; userId: string };

export const PATCH = storeRoute<P>("team.manage", async ({ request, principal, params, ctx }) => {
  const userId = idParam(params.userId, "team member");
  const { role } = await readJson(request, roleChangeSchema);
  await changeMemberRole(principal, userId, role, ctx);
  return json({ user_id: userId, role });
});

export const DELETE = storeRoute<P>("team.manage", async ({ principal, params, ctx }) => {
  await removeMember(principal, idParam(params.userId, "team member"), ctx);
  return new Response(null, { status: 204, headers: { "Cache-Control": "no-store" } });
});

export const { GET, HEAD, OPTIONS, POST, PUT } = otherMethods({ PATCH, DELETE });
