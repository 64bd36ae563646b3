import { otherMethods } from "@/lib/http/methods";
import { adminRoute } from "@/lib/admin/api";
import { adminStoreView, getStoreDetail, storeUpdateSchema, updateStore } from "@/lib/admin/stores";
import { json, readJson } from "@/lib/http";
import { domainView } from "@/lib/store/settings";
import { idParam } from "@/lib/validation";

export const GET = adminRoute<{ id: string }>(async ({ params }) => {
  const { store, members, domains } = await getStoreDetail(idParam(params.id, "store"));
  return json({
    ...adminStoreView(store),
    members: members.map((m) => ({
      user_id: m.userId,
      username: m.username,
      email: m.email,
      role: m.role,
      is_active: m.isActive,
    })),
    domains: domains.map(domainView),
  });
});

export const PATCH = adminRoute<{ id: string }>(async ({ request, params }) => {
  const id = idParam(params.id, "store");
  const input = await readJson(request, storeUpdateSchema);
  return json(adminStoreView(await updateStore(id, input)));
});

export const { OPTIONS, POST, PUT, DELETE } = otherMethods({ GET, PATCH });
