import { otherMethods } from "@/lib/http/methods";
import { z } from "zod";
import { adminRoute } from "@/lib/admin/api";
import { adminUserView, listUsers } from "@/lib/admin/users";
import { json } from "@/lib/http";
import { PAGE_SIZE, listQuery, queryObject } from "@/lib/validation";

const query = listQuery.extend({ role: z.enum(["admin", "store"]).optional().catch(undefined) });

export const GET = adminRoute(async ({ request }) => {
  const q = query.parse(queryObject(request.url));
  const { items, total } = await listUsers(q);
  return json({ items: items.map(adminUserView), total, page: q.page, page_size: PAGE_SIZE });
});

export const { OPTIONS, POST, PUT, PATCH, DELETE } = otherMethods({ GET });
