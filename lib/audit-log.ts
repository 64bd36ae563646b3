// Reading the audit trail: the admin console filters every event; store owners see their store's.
import "server-only";
import { and, count, desc, eq, gte, ilike, lt, or, type SQL } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/db/client";
import { AREA_NAMES } from "@/lib/auth/areas";
import { authEvents, customers, stores, users } from "@/db/schema";
import { PAGE_SIZE, containsPattern, pageField, textField } from "@/lib/validation";

const dateField = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .optional()
  .catch(undefined);

export const auditQuery = z.object({
  area: z.enum(AREA_NAMES).optional().catch(undefined),
  // Free text is refused with a 422 when it holds control characters; the rest is lenient.
  store: textField().max(64).optional(),
  type: z
    .string()
    .trim()
    .regex(/^[a-z_]{1,40}$/)
    .optional()
    .catch(undefined),
  who: textField().max(254).optional(),
  from: dateField,
  to: dateField,
  page: pageField,
});

export type AuditQuery = z.infer<typeof auditQuery>;

export async function listAuthEvents(query: AuditQuery, storeId?: string) {
  const filters: SQL[] = [];
  if (storeId) filters.push(eq(authEvents.storeId, storeId));
  if (query.area) filters.push(eq(authEvents.area, query.area));
  if (query.type) filters.push(eq(authEvents.type, query.type));
  if (query.store && !storeId)
    filters.push(or(eq(stores.slug, query.store.toLowerCase()), eq(stores.code, query.store.toUpperCase()))!);
  if (query.who) {
    const pattern = containsPattern(query.who);
    filters.push(
      or(
        ilike(users.username, pattern),
        ilike(users.email, pattern),
        ilike(customers.email, pattern),
        ilike(authEvents.identifier, pattern),
      )!,
    );
  }
  if (query.from) filters.push(gte(authEvents.createdAt, new Date(`${query.from}T00:00:00Z`)));
  if (query.to)
    filters.push(
      lt(authEvents.createdAt, new Date(new Date(`${query.to}T00:00:00Z`).getTime() + 86_400_000)),
    );
  const where = filters.length ? and(...filters) : undefined;
  const base = () =>
    db()
      .select({
        event: authEvents,
        username: users.username,
        customerEmail: customers.email,
        storeSlug: stores.slug,
      })
      .from(authEvents)
      .leftJoin(users, eq(users.id, authEvents.userId))
      .leftJoin(customers, eq(customers.id, authEvents.customerId))
      .leftJoin(stores, eq(stores.id, authEvents.storeId));
  const [rows, [total]] = await Promise.all([
    base()
      .where(where)
      .orderBy(desc(authEvents.createdAt), desc(authEvents.id))
      .limit(PAGE_SIZE)
      .offset((query.page - 1) * PAGE_SIZE),
    db()
      .select({ n: count() })
      .from(authEvents)
      .leftJoin(users, eq(users.id, authEvents.userId))
      .leftJoin(customers, eq(customers.id, authEvents.customerId))
      .leftJoin(stores, eq(stores.id, authEvents.storeId))
      .where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}

export function auditEventView(r: Awaited<ReturnType<typeof listAuthEvents>>["rows"][number]) {
  return {
    id: r.event.id,
    at: r.event.createdAt.toISOString(),
    type: r.event.type,
    area: r.event.area,
    store: r.storeSlug,
    principal: r.username ?? r.customerEmail ?? null,
    identifier: r.event.identifier,
    ip: r.event.ip,
    user_agent: r.event.userAgent,
    details: r.event.details,
  };
}
