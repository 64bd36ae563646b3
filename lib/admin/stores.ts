// The platform's stores as admins manage them: create a store with its owner, edit, suspend
// and reactivate, verify custom domains.
import "server-only";
import { and, asc, count, desc, eq, ilike, or, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/db/client";
import { type Store, type StoreTheme, storeDomains, storeMembers, stores, users } from "@/db/schema";
import { recordAuthEvent } from "@/lib/audit";
import { ApiError } from "@/lib/http/errors";
import { assertStrongPassword } from "@/lib/auth/password-strength";
import { AREAS } from "@/lib/auth/areas";
import { hashPassword, newPasswordSchema } from "@/lib/auth/passwords";
import type { RequestContext } from "@/lib/http";
import { usernameField } from "@/lib/store/team";
import { forgetDomain, forgetStore } from "@/lib/tenancy/lookup";
import { isValidSlug } from "@/lib/tenancy/slug";
import { containsPattern, emailField, PAGE_SIZE, patchSchema, textField } from "@/lib/validation";

const DEFAULT_THEME: StoreTheme = {
  primaryColor: "#4f46e5",
  accentColor: "#f59e0b",
  logoUrl: null,
  font: "Inter",
};

export const storeNameField = textField({ required: "Name is required" })
  .min(2, { message: "Name needs at least 2 characters" })
  .max(100);

export const storeCreateSchema = z.object({
  code: z
    .string({ error: "Code is required" })
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9]{2,12}$/, { message: "Code: 2 to 12 letters or digits, like ACME" }),
  slug: z
    .string({ error: "Slug is required" })
    .trim()
    .toLowerCase()
    .refine(isValidSlug, { message: "Slug: lowercase letters, digits and dashes, like acme-supplies" }),
  name: storeNameField,
  owner: z.object({
    username: usernameField,
    email: emailField,
    password: newPasswordSchema(AREAS.store.minPasswordChars),
  }),
});

export const storeUpdateSchema = patchSchema({ name: storeNameField });

export const domainVerifySchema = z.object({
  verified: z.boolean({ error: "verified must be true or false" }),
});

export function adminStoreView(s: Store) {
  return {
    id: s.id,
    code: s.code,
    slug: s.slug,
    name: s.name,
    status: s.status,
    theme: s.theme,
    created_at: s.createdAt.toISOString(),
  };
}

export async function listStores(options: { q?: string; page: number }) {
  const filters: SQL[] = [];
  if (options.q) {
    const pattern = containsPattern(options.q);
    filters.push(or(ilike(stores.name, pattern), ilike(stores.code, pattern), ilike(stores.slug, pattern))!);
  }
  const where = filters.length ? and(...filters) : undefined;
  const [items, [total]] = await Promise.all([
    db()
      .select({
        store: stores,
        members: sql<number>`(select count(*)::int from ${storeMembers} m where m.store_id = ${stores.id} and m.is_active)`,
      })
      .from(stores)
      .where(where)
      .orderBy(asc(stores.name))
      .limit(PAGE_SIZE)
      .offset((options.page - 1) * PAGE_SIZE),
    db().select({ n: count() }).from(stores).where(where),
  ]);
  return { items, total: total?.n ?? 0 };
}

export async function getStoreDetail(id: string) {
  const [store] = await db().select().from(stores).where(eq(stores.id, id));
  if (!store) throw new ApiError("NOT_FOUND", { message: "No such store" });
  const [members, domains] = await Promise.all([
    db()
      .select({
        userId: users.id,
        username: users.username,
        email: users.email,
        role: storeMembers.role,
        isActive: storeMembers.isActive,
      })
      .from(storeMembers)
      .innerJoin(users, eq(users.id, storeMembers.userId))
      .where(eq(storeMembers.storeId, id))
      .orderBy(asc(users.username)),
    db()
      .select()
      .from(storeDomains)
      .where(eq(storeDomains.storeId, id))
      .orderBy(desc(storeDomains.createdAt)),
  ]);
  return { store, members, domains };
}

/**
 * Creates the store and its owner's account in one transaction. A weak owner password is
 * refused first (422 on `owner.password`).
 */
export async function createStore(
  admin: { id: string },
  input: z.infer<typeof storeCreateSchema>,
  ctx: RequestContext,
): Promise<Store> {
  assertStrongPassword(
    input.owner.password,
    [input.owner.username, input.owner.email, input.name, input.slug, input.code],
    "owner.password",
  );
  const passwordHash = await hashPassword(input.owner.password);
  const store = await db().transaction(async (tx) => {
    const [clash] = await tx
      .select({ id: stores.id })
      .from(stores)
      .where(or(eq(sql`upper(${stores.code})`, input.code), eq(stores.slug, input.slug)));
    if (clash) throw new ApiError("CONFLICT", { message: "A store with that code or slug exists" });
    const [userClash] = await tx
      .select({ id: users.id })
      .from(users)
      .where(
        or(
          eq(sql`lower(${users.username})`, input.owner.username.toLowerCase()),
          eq(sql`lower(${users.email})`, input.owner.email),
        ),
      );
    if (userClash)
      throw new ApiError("CONFLICT", { message: "An account with that username or email exists" });
    const [created] = await tx
      .insert(stores)
      .values({ code: input.code, slug: input.slug, name: input.name, theme: DEFAULT_THEME })
      .returning();
    const [owner] = await tx
      .insert(users)
      .values({ username: input.owner.username, email: input.owner.email, role: "store", passwordHash })
      .returning({ id: users.id });
    await tx.insert(storeMembers).values({ storeId: created!.id, userId: owner!.id, role: "owner" });
    return created!;
  });
  await recordAuthEvent("store_created", { area: "admin", userId: admin.id, storeId: store.id }, ctx);
  return store;
}

export async function updateStore(id: string, input: z.infer<typeof storeUpdateSchema>): Promise<Store> {
  const [store] = await db().update(stores).set({ name: input.name }).where(eq(stores.id, id)).returning();
  if (!store) throw new ApiError("NOT_FOUND", { message: "No such store" });
  forgetStore(store.slug);
  return store;
}

/** Suspended: the dashboard and storefront answer 503 and nobody of its team can sign in. */
export async function setStoreStatus(
  admin: { id: string },
  id: string,
  status: "active" | "suspended",
  ctx: RequestContext,
): Promise<Store> {
  const [store] = await db().update(stores).set({ status }).where(eq(stores.id, id)).returning();
  if (!store) throw new ApiError("NOT_FOUND", { message: "No such store" });
  forgetStore(store.slug);
  await recordAuthEvent(
    status === "suspended" ? "store_suspended" : "store_reactivated",
    { area: "admin", userId: admin.id, storeId: store.id },
    ctx,
  );
  return store;
}

export async function setDomainVerified(storeId: string, domainId: string, verified: boolean) {
  const [domain] = await db()
    .update(storeDomains)
    .set({ isVerified: verified, verifiedAt: verified ? new Date() : null })
    .where(and(eq(storeDomains.storeId, storeId), eq(storeDomains.id, domainId)))
    .returning();
  if (!domain) throw new ApiError("NOT_FOUND", { message: "No such domain" });
  forgetDomain(domain.domain);
  return domain;
}
