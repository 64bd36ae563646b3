// The demo data: accounts and stores to try the three areas with. Its weak
// passwords are allowed here only; it never runs in production.
import { randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { and, asc, eq, sql } from "drizzle-orm";
import { hashPassword } from "@/lib/auth/passwords";
import { uploadDirOf } from "@/lib/config";
import { processImage } from "@/lib/images/process";
import { writeImageFiles } from "@/lib/images/storage";
import type { Database } from "./connect";
import {
  type StoreTheme,
  customers,
  orderItems,
  orders,
  productImages,
  products,
  storeDomains,
  storeMembers,
  stores,
  users,
} from "./schema";

export const DEMO_ACCOUNTS = [
  { who: "platform admin", login: "admin (admin@orion.test)", password: "admin123", url: "/admin/login" },
  {
    who: "owner of both stores",
    login: "store_owner (owner@orion.test)",
    password: "store123",
    url: "/store/acme/login",
  },
  {
    who: "ACME staff",
    login: "acme_staff (staff@acme.test)",
    password: "staff123",
    url: "/store/acme/login",
  },
  {
    who: "ORION customer",
    login: "customer@example.com",
    password: "customer123",
    url: "/storefront/orion/account/login",
  },
  {
    who: "ACME customer, same email",
    login: "customer@example.com",
    password: "customer456",
    url: "/storefront/acme/account/login",
  },
] as const;

const THEMES: Record<string, StoreTheme> = {
  orion: { primaryColor: "#4f46e5", accentColor: "#b45309", logoUrl: null, font: "Inter" },
  acme: { primaryColor: "#dc2626", accentColor: "#0369a1", logoUrl: null, font: "Georgia" },
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

const CATALOG: Record<
  string,
  Array<[name: string, description: string, priceCents: number, stock: number]>
> = {
  orion: [
    ["Nebula Hoodie", "Brushed cotton hoodie with a star-map print.", 5900, 40],
    ["Comet Trail Runners", "Light trail shoes with a grippy sole.", 11900, 25],
    ["Meteor Rain Jacket", "Packable waterproof shell.", 8900, 30],
    ["Galaxy Beanie", "Merino beanie, one size.", 2400, 80],
    ["Orbit Water Bottle", "Insulated steel bottle, 750 ml.", 2900, 120],
    ["Starlight Headlamp", "USB-C rechargeable, 400 lumens.", 3900, 60],
    ["Eclipse Sunglasses", "Polarised lenses, recycled frame.", 6900, 45],
    ["Aurora Fleece", "Mid-layer fleece for cold evenings.", 7400, 35],
    ["Cosmos Backpack", "28 l daypack with laptop sleeve.", 9900, 20],
    ["Lunar Socks (3 pack)", "Cushioned hiking socks.", 1800, 150],
    ["Zenith Tent", "Two-person, three-season tent.", 24900, 8],
    ["Polaris Compass", "Baseplate compass with mirror.", 3400, 50],
  ],
  acme: [
    ["Anvil, 50 kg", "Forged steel anvil for serious work.", 34900, 5],
    ["Rocket Skates", "Not recommended near cliffs.", 19900, 12],
    ["Giant Magnet", "Attracts most things, some regrettable.", 4900, 40],
    ["Bird Seed (10 kg)", "Premium mix.", 1500, 200],
    ["Portable Hole", "Fits in a pocket; unfolds to 1 m.", 9900, 15],
    ["Spring-Loaded Boxing Glove", "Extends 3 m in 0.2 s.", 3900, 30],
    ["Dehydrated Boulders", "Just add water.", 2900, 60],
    ["Earthquake Pills", "Results may vary.", 1900, 90],
    ["Jet-Propelled Pogo Stick", "Helmet sold separately.", 15900, 10],
    ["Instant Tornado Seeds", "Plant with caution.", 2400, 70],
    ["Super Outfit", "Cape included.", 8900, 25],
    ["Batman Costume", "Discontinued, collector's item.", 12900, 3],
  ],
};

async function seedCatalog(db: Database, storeId: string, slug: string): Promise<string[]> {
  const existing = await db.select({ id: products.id }).from(products).where(eq(products.storeId, storeId));
  if (existing.length > 0) return existing.map((p) => p.id);
  const rows = await db
    .insert(products)
    .values(
      CATALOG[slug]!.map(([name, description, priceCents, stock]) => ({
        storeId,
        name,
        description,
        priceCents,
        stock,
      })),
    )
    .returning({ id: products.id, name: products.name, priceCents: products.priceCents });
  return rows.map((r) => r.id);
}

/**
 * A picture for each demo product (db/seed-images, drawn by scripts/make-seed-images.ts), put
 * through the same resizing as an upload and written to the upload directory.
 */
async function seedImages(db: Database, storeId: string, slug: string, uploadDir: string): Promise<void> {
  const catalog = await db
    .select({ id: products.id, name: products.name })
    .from(products)
    .where(eq(products.storeId, storeId))
    .orderBy(asc(products.createdAt), asc(products.id));
  const pictured = new Set(
    (
      await db
        .select({ productId: productImages.productId })
        .from(productImages)
        .where(eq(productImages.storeId, storeId))
    ).map((r) => r.productId),
  );
  const names = CATALOG[slug]!.map(([name]) => name);
  for (const product of catalog) {
    const index = names.indexOf(product.name);
    if (index < 0 || pictured.has(product.id)) continue;
    const file = path.join(
      import.meta.dirname,
      "seed-images",
      `${slug}-${String(index + 1).padStart(2, "0")}.webp`,
    );
    const processed = await processImage(await readFile(file));
    const id = randomUUID();
    await writeImageFiles(storeId, id, processed.variants, uploadDir);
    await db.insert(productImages).values({
      id,
      storeId,
      productId: product.id,
      alt: product.name,
      isPrimary: true,
      width: processed.width,
      height: processed.height,
    });
  }
}

/** Two orders of the demo customer, so the dashboards have something to show. */
async function seedOrders(db: Database, storeId: string, code: string, customerEmail: string): Promise<void> {
  const [existing] = await db
    .select({ id: orders.id })
    .from(orders)
    .where(eq(orders.storeId, storeId))
    .limit(1);
  if (existing) return;
  const [customer] = await db
    .select({ id: customers.id, firstName: customers.firstName, lastName: customers.lastName })
    .from(customers)
    .where(and(eq(customers.storeId, storeId), eq(customers.email, customerEmail)));
  const catalog = await db.select().from(products).where(eq(products.storeId, storeId)).limit(3);
  if (!customer || catalog.length < 3) return;
  const address = {
    name: `${customer.firstName} ${customer.lastName}`,
    line1: "12 Rue de la Gare",
    postalCode: "1611",
    city: "Luxembourg",
    country: "LU",
  };
  const plans = [
    {
      status: "delivered" as const,
      lines: [
        [catalog[0]!, 1],
        [catalog[1]!, 2],
      ] as const,
    },
    { status: "pending_payment" as const, lines: [[catalog[2]!, 1]] as const },
  ];
  for (const [index, plan] of plans.entries()) {
    const total = plan.lines.reduce((sum, [p, q]) => sum + p.priceCents * q, 0);
    const [order] = await db
      .insert(orders)
      .values({
        storeId,
        customerId: customer.id,
        orderNumber: `${code}-${String(index + 1).padStart(6, "0")}`,
        status: plan.status,
        currency: "EUR",
        totalCents: total,
        shippingAddress: address,
      })
      .returning({ id: orders.id });
    await db.insert(orderItems).values(
      plan.lines.map(([p, quantity]) => ({
        orderId: order!.id,
        productId: p.id,
        productName: p.name,
        unitPriceCents: p.priceCents,
        quantity,
      })),
    );
  }
  await db.update(stores).set({ lastOrderNumber: plans.length }).where(eq(stores.id, storeId));
  await db.update(customers).set({ totalOrders: plans.length }).where(eq(customers.id, customer.id));
}

async function upsertCustomer(
  db: Database,
  storeId: string,
  input: { number: string; email: string; firstName: string; lastName: string; password: string },
): Promise<void> {
  const [existing] = await db
    .select({ id: customers.id })
    .from(customers)
    .where(
      and(eq(customers.storeId, storeId), eq(sql`lower(${customers.email})`, input.email.toLowerCase())),
    );
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

export async function seedDemo(db: Database, options: { uploadDir?: string } = {}): Promise<void> {
  const uploadDir = options.uploadDir ?? uploadDirOf();
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
  await db
    .update(stores)
    .set({ lastCustomerNumber: 1 })
    .where(sql`${stores.lastCustomerNumber} < 1`);
  await seedCatalog(db, orionId, "orion");
  await seedCatalog(db, acmeId, "acme");
  await seedImages(db, orionId, "orion", uploadDir);
  await seedImages(db, acmeId, "acme", uploadDir);
  await seedOrders(db, orionId, "ORION", "customer@example.com");
  await seedOrders(db, acmeId, "ACME", "customer@example.com");
}
