// A store's products: queries and rules, always scoped to the store of the caller.
import "server-only";
import { and, count, desc, eq, ilike, isNull, or, type SQL } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/db/client";
import { type Product, products } from "@/db/schema";
import { ApiError } from "@/lib/http/errors";
import {
  booleanField,
  containsPattern,
  imageUrlField,
  PAGE_SIZE,
  patchSchema,
  textField,
} from "@/lib/validation";

export const CURRENCIES = ["EUR", "USD", "GBP", "CHF"] as const;

// The fields without their defaults: a partial update changes what it names and nothing else.
const productFields = {
  name: textField({ required: "Name is required" }).min(1, { message: "Name is required" }).max(200),
  description: textField({ multiline: true }).max(5000),
  price_cents: z.coerce
    .number({ error: "Price is required" })
    .int({ message: "Price is in whole cents" })
    .min(0, { message: "Price cannot be negative" })
    .max(100_000_000),
  currency: z.enum(CURRENCIES),
  stock: z.coerce.number().int({ message: "Stock is a whole number" }).min(0).max(1_000_000),
  image_url: z.union([imageUrlField, z.literal("").transform(() => null), z.null()]).optional(),
  is_active: booleanField,
};

export const productSchema = z.object({
  ...productFields,
  description: productFields.description.default(""),
  currency: productFields.currency.default("EUR"),
  stock: productFields.stock.default(0),
  is_active: productFields.is_active.default(true),
});

export type ProductInput = z.infer<typeof productSchema>;

export const productPatchSchema = patchSchema(productFields);

export function productView(p: Product) {
  return {
    id: p.id,
    name: p.name,
    description: p.description,
    price_cents: p.priceCents,
    currency: p.currency,
    stock: p.stock,
    image_url: p.imageUrl,
    is_active: p.isActive,
    archived: p.archivedAt !== null,
    created_at: p.createdAt.toISOString(),
    updated_at: p.updatedAt.toISOString(),
  };
}

function columns(input: Partial<ProductInput>) {
  return {
    name: input.name,
    description: input.description,
    priceCents: input.price_cents,
    currency: input.currency,
    stock: input.stock,
    imageUrl: input.image_url,
    isActive: input.is_active,
  };
}

export async function listProducts(
  storeId: string,
  options: { q?: string; page: number; archived?: boolean; visibleOnly?: boolean },
): Promise<{ items: Product[]; total: number }> {
  const filters: SQL[] = [eq(products.storeId, storeId)];
  if (!options.archived) filters.push(isNull(products.archivedAt));
  // What shoppers may see: not archived and switched on.
  if (options.visibleOnly) filters.push(eq(products.isActive, true));
  if (options.q) {
    const pattern = containsPattern(options.q);
    filters.push(or(ilike(products.name, pattern), ilike(products.description, pattern))!);
  }
  const where = and(...filters);
  const [items, [total]] = await Promise.all([
    db()
      .select()
      .from(products)
      .where(where)
      .orderBy(desc(products.createdAt), desc(products.id))
      .limit(PAGE_SIZE)
      .offset((options.page - 1) * PAGE_SIZE),
    db().select({ n: count() }).from(products).where(where),
  ]);
  return { items, total: total?.n ?? 0 };
}

/** A product of this store; another store's product is indistinguishable from none. */
export async function getProduct(storeId: string, id: string): Promise<Product> {
  const [product] = await db()
    .select()
    .from(products)
    .where(and(eq(products.storeId, storeId), eq(products.id, id)));
  if (!product) throw new ApiError("NOT_FOUND", { message: "No such product" });
  return product;
}

export async function createProduct(storeId: string, input: ProductInput): Promise<Product> {
  const [product] = await db()
    .insert(products)
    .values({ ...columns(input), storeId, name: input.name, priceCents: input.price_cents })
    .returning();
  return product!;
}

export async function updateProduct(
  storeId: string,
  id: string,
  input: Partial<ProductInput>,
): Promise<Product> {
  const [product] = await db()
    .update(products)
    .set(columns(input))
    .where(and(eq(products.storeId, storeId), eq(products.id, id)))
    .returning();
  if (!product) throw new ApiError("NOT_FOUND", { message: "No such product" });
  return product;
}

/** Archived products leave the catalog but stay on the orders that bought them. */
export async function archiveProduct(storeId: string, id: string, archived = true): Promise<Product> {
  const [product] = await db()
    .update(products)
    .set({ archivedAt: archived ? new Date() : null, isActive: archived ? false : undefined })
    .where(and(eq(products.storeId, storeId), eq(products.id, id)))
    .returning();
  if (!product) throw new ApiError("NOT_FOUND", { message: "No such product" });
  return product;
}
