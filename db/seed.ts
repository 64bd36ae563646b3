// The demo data of SPEC §11: accounts and stores to try the three areas with. Its weak
// passwords are allowed here only; it never runs in production.
import { and, eq, sql } from "drizzle-orm";
import { hashPassword } from "@/lib/auth/passwords";
import type { Database } from "./connect";
import { type StoreTheme, customers, storeDomains, storeMembers, stores, users } from "./schema";

export const DEMO_ACCOUNTS = [
  { who: "platform admin", login: "admin (admin@orion.test)", password: "admin123", url: "/admin/login" },
  { who: "owner of both stores", login: "store_owner (owner@orion.test)", password: "store123", url: "/store/acme/login" },
  { who: "ACME staff", login: "acme_staff (staff@acme.test)", password: "staff123", url: "/store/acme/login" },
  { who: "ORION customer", login: "customer@example.com", password: "customer123", url: "/storefront/orion/account/login" },
  { who: "ACME customer, same email", login: "customer@example.com", password: "customer456", url: "/storefront/acme/account/login" },
] as const;

const THEMES: Record<string, StoreTheme> = {
  orion: { primaryColor: "#4f46e5", accentColor: "#f59e0b", logoUrl: null, font: "Inter" },
  acme: { primaryColor: "#dc2626", accentColor: "#0ea5e9", logoUrl: null, font: "Georgia" },
};

async function upsertUser(
  db: Database,
  input: { username: string; email: string; password: string; role: "admin" | "store" },
): Promise<string> {
  const [existing] = await db
    .select({ id: users.id })
    .from(users)
    .where(eq(sql`lower(${users.username})`, input.username.toLowerCase()));
  if (existing) return existing.id;
  const [row] = await db
    .insert(users)
    .values({
      username: input.username,
      email: input.email,
      role: input.role,
      passwordHash: await hashPassword(input.password),
    })
    .returning({ id: users.id });
  return row!.id;
}

async function upsertStore(db: Database, code: string, slug: string, name: string): Promise<string> {
  const [existing] = await db.select({ id: stores.id }).from(stores).where(eq(stores.slug, slug));
  if (existing) return existing.id;
  const [row] = await db
    .insert(stores)
    .values({ code, slug, name, theme: THEMES[slug]! })
    .returning({ id: stores.id });
  return row!.id;
}

async function upsertCustomer(
  db: Database,
  storeId: string,
  input: { number: string; email: string; firstName: string; lastName: string; password: string },
): Promise<void> {
  const [existing] = await db
    .select({ id: customers.id })
    .from(customers)
    .where(and(eq(customers.storeId, storeId), eq(sql`lower(${customers.email})`, input.email.toLowerCase())));
  if (existing) return;
  await db.insert(customers).values({
    storeId,
    email: input.email,
    customerNumber: input.number,
    firstName: input.firstName,
    lastName: input.lastName,
    passwordHash: await hashPassword(input.password),
    emailVerifiedAt: new Date(),
  });
}

export async function seedDemo(db: Database): Promise<void> {
  await upsertUser(db, { username: "admin", email: "admin@orion.test", password: "admin123", role: "admin" });
  const ownerId = await upsertUser(db, {
    username: "store_owner",
    email: "owner@orion.test",
    password: "store123",
    role: "store",
  });
  const staffId = await upsertUser(db, {
    username: "acme_staff",
    email: "staff@acme.test",
    password: "staff123",
    role: "store",
  });
  const orionId = await upsertStore(db, "ORION", "orion", "Orion Outfitters");
  const acmeId = await upsertStore(db, "ACME", "acme", "ACME Supplies");
  await db
    .insert(storeDomains)
    .values({ storeId: orionId, domain: "orion.lu", isVerified: true, verifiedAt: new Date() })
    .onConflictDoNothing();
  await db
    .insert(storeMembers)
    .values([
      { storeId: orionId, userId: ownerId, role: "owner" },
      { storeId: acmeId, userId: ownerId, role: "owner" },
      { storeId: acmeId, userId: staffId, role: "staff" },
    ])
    .onConflictDoNothing();
  await upsertCustomer(db, orionId, {
    number: "ORION-000001",
    email: "customer@example.com",
    firstName: "Olivia",
    lastName: "Customer",
    password: "customer123",
  });
  await upsertCustomer(db, acmeId, {
    number: "ACME-000001",
    email: "customer@example.com",
    firstName: "Alex",
    lastName: "Customer",
    password: "customer456",
  });
}
