// What shoppers see of a store's products: active, not archived, of that store only.
import "server-only";
import { and, eq, inArray, isNull, type SQL } from "drizzle-orm";
import { db } from "@/db/client";
import { type Product, products } from "@/db/schema";
import { ApiError } from "@/lib/http/errors";
import { listProducts } from "@/lib/store/products";
import { PAGE_SIZE } from "@/lib/validation";

export const CATALOG_PAGE_SIZE = PAGE_SIZE;

function visible(storeId: string): SQL {
  return and(eq(products.storeId, storeId), eq(products.isActive, true), isNull(products.archivedAt))!;
}

export function publicProductView(p: Product) {
  return {
    id: p.id,
    name: p.name,
    description: p.description,
    price_cents: p.priceCents,
    currency: p.currency,
    in_stock: p.stock > 0,
    stock: p.stock,
    image_url: p.imageUrl,
  };
}

export function listCatalog(storeId: string, options: { q?: string; page: number }) {
  return listProducts(storeId, { ...options, visibleOnly: true });
}

export async function catalogProduct(storeId: string, id: string): Promise<Product> {
  const [product] = await db()
    .select()
    .from(products)
    .where(and(visible(storeId), eq(products.id, id)));
  if (!product) throw new ApiError("NOT_FOUND", { message: "No such product" });
  return product;
}

export function catalogProducts(storeId: string, ids: string[]): Promise<Product[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db()
    .select()
    .from(products)
    .where(and(visible(storeId), inArray(products.id, ids)));
}
