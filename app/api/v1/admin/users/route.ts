import { otherMethods } from "@/lib/http/methods";
import { adminRoute } from "@/lib/admin/api";
import { adminUserView, listUsers } from "@/lib/admin/users";
import { json } from "@/lib/http";
import { ADMIN_ROUTES } from "@/lib/http/routes";
import { PAGE_SIZE } from "@/lib/validation";

export const GET = adminRoute(ADMIN_ROUTES.users, async ({ query }) => {
  const { items, total } = await listUsers(query);
  return json({ items: items.map(adminUserView), total, page: query.page, page_size: PAGE_SIZE });
});

export const { OPTIONS, POST, PUT, PATCH, DELETE } = otherMethods({ GET });
