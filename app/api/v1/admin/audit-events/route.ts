import { otherMethods } from "@/lib/http/methods";
import { adminRoute } from "@/lib/admin/api";
import { auditEventView, listAuthEvents } from "@/lib/audit-log";
import { json } from "@/lib/http";
import { ADMIN_ROUTES } from "@/lib/http/routes";
import { PAGE_SIZE } from "@/lib/validation";

/** Filters: area, store (code or slug), type, who (username or email), from/to (YYYY-MM-DD), page. */
export const GET = adminRoute(ADMIN_ROUTES.auditEvents, async ({ query }) => {
  const { rows, total } = await listAuthEvents(query);
  return json({ items: rows.map(auditEventView), total, page: query.page, page_size: PAGE_SIZE });
});

export const { OPTIONS, POST, PUT, PATCH, DELETE } = otherMethods({ GET });
