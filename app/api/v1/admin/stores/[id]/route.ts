import { otherMethods } from "@/lib/http/methods";
import { adminRoute } from "@/lib/admin/api";
import { adminStoreView, getStoreDetail, updateStore } from "@/lib/admin/stores";
import { json } from "@/lib/http";
import { ADMIN_ROUTES } from "@/lib/http/routes";
import { domainView } from "@/lib/store/settings";

export const GET = adminRoute(ADMIN_ROUTES.store, async ({ params }) => {
  const { store, members, domains } = await getStoreDetail(params.id);
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

export const PATCH = adminRoute(ADMIN_ROUTES.updateStore, async ({ params, body }) =>
  json(adminStoreView(await updateStore(params.id, body))),
);

export const { OPTIONS, POST, PUT, DELETE } = otherMethods({ GET, PATCH });
