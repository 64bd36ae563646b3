// A product's pictures: upload, replace, alt text, primary, removal. Every query names the
// store of the caller, so another store's image is indistinguishable from none.
import "server-only";
import { randomUUID } from "node:crypto";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/db/client";
import { type ProductImage, productImages, products } from "@/db/schema";
import { ApiError } from "@/lib/http/errors";
import { processImage } from "@/lib/images/process";
import { removeImageFiles, writeImageFiles } from "@/lib/images/storage";
import { booleanField, patchSchema, textField } from "@/lib/validation";
import { getProduct } from "./products";

export const MAX_IMAGES_PER_PRODUCT = 12;

export const altField = textField().max(300, { message: "Keep the description under 300 characters" });

export const imagePatchSchema = patchSchema({ alt: altField, is_primary: booleanField });

export type ImagePatch = z.infer<typeof imagePatchSchema>;

const noSuchImage = () => new ApiError("NOT_FOUND", { message: "No such image" });

export function imageView(image: ProductImage) {
  return {
    id: image.id,
    product_id: image.productId,
    alt: image.alt,
    is_primary: image.isPrimary,
    position: image.position,
    width: image.width,
    height: image.height,
  };
}

export function listProductImages(storeId: string, productId: string): Promise<ProductImage[]> {
  return db()
    .select()
    .from(productImages)
    .where(and(eq(productImages.storeId, storeId), eq(productImages.productId, productId)))
    .orderBy(asc(productImages.position), asc(productImages.createdAt));
}

/** The primary picture of each of these products of the store (catalog cards, cart lines). */
export async function primaryImages(
  storeId: string,
  productIds: string[],
): Promise<Map<string, ProductImage>> {
  if (productIds.length === 0) return new Map();
  const rows = await db()
    .select()
    .from(productImages)
    .where(
      and(
        eq(productImages.storeId, storeId),
        eq(productImages.isPrimary, true),
        inArray(productImages.productId, productIds),
      ),
    );
  return new Map(rows.map((r) => [r.productId, r]));
}

/** The image, if it belongs to this store; with `visibleOnly`, only a picture of a product on sale. */
export async function storeImage(
  storeId: string,
  imageId: string,
  options: { visibleOnly: boolean },
): Promise<ProductImage | null> {
  const [row] = await db()
    .select({ image: productImages, isActive: products.isActive, archivedAt: products.archivedAt })
    .from(productImages)
    .innerJoin(products, eq(products.id, productImages.productId))
    .where(and(eq(productImages.storeId, storeId), eq(productImages.id, imageId)));
  if (!row) return null;
  if (options.visibleOnly && (!row.isActive || row.archivedAt)) return null;
  return row.image;
}

async function findImage(storeId: string, productId: string, imageId: string): Promise<ProductImage> {
  const [image] = await db()
    .select()
    .from(productImages)
    .where(
      and(
        eq(productImages.storeId, storeId),
        eq(productImages.productId, productId),
        eq(productImages.id, imageId),
      ),
    );
  if (!image) throw noSuchImage();
  return image;
}

/** Adds a picture at the end; the first one of a product is its primary picture. */
export async function addProductImage(
  storeId: string,
  productId: string,
  bytes: Buffer,
  alt: string,
): Promise<ProductImage> {
  await getProduct(storeId, productId);
  const existing = await listProductImages(storeId, productId);
  if (existing.length >= MAX_IMAGES_PER_PRODUCT) {
    const message = `A product has at most ${MAX_IMAGES_PER_PRODUCT} pictures; remove one first.`;
    throw new ApiError("VALIDATION_ERROR", { message, details: [{ field: "image", message }] });
  }
  const processed = await processImage(bytes);
  const id = randomUUID();
  await writeImageFiles(storeId, id, processed.variants);
  try {
    const [image] = await db()
      .insert(productImages)
      .values({
        id,
        storeId,
        productId,
        alt,
        width: processed.width,
        height: processed.height,
        position: sql`(select coalesce(max(${productImages.position}) + 1, 0) from ${productImages} where ${productImages.productId} = ${productId})`,
        isPrimary: sql`not exists (select 1 from ${productImages} where ${productImages.productId} = ${productId} and ${productImages.isPrimary})`,
      })
      .returning();
    return image!;
  } catch (error) {
    await removeImageFiles(storeId, id);
    throw error;
  }
}

/**
 * Puts a new file in the picture's place (same position, alt text and primary flag) under a
 * new id, so caches holding the old URL never show the old picture for the new one.
 */
export async function replaceProductImage(
  storeId: string,
  productId: string,
  imageId: string,
  bytes: Buffer,
): Promise<ProductImage> {
  const old = await findImage(storeId, productId, imageId);
  const processed = await processImage(bytes);
  const id = randomUUID();
  await writeImageFiles(storeId, id, processed.variants);
  try {
    const image = await db().transaction(async (tx) => {
      const [gone] = await tx
        .delete(productImages)
        .where(and(eq(productImages.storeId, storeId), eq(productImages.id, old.id)))
        .returning({ id: productImages.id });
      if (!gone) throw noSuchImage();
      const [created] = await tx
        .insert(productImages)
        .values({
          id,
          storeId,
          productId,
          alt: old.alt,
          position: old.position,
          isPrimary: old.isPrimary,
          width: processed.width,
          height: processed.height,
        })
        .returning();
      return created!;
    });
    await removeImageFiles(storeId, old.id);
    return image;
  } catch (error) {
    await removeImageFiles(storeId, id);
    throw error;
  }
}

/** Changes the alt text, or makes this the product's primary picture. */
export async function updateProductImage(
  storeId: string,
  productId: string,
  imageId: string,
  patch: ImagePatch,
): Promise<ProductImage> {
  return db().transaction(async (tx) => {
    const [current] = await tx
      .select()
      .from(productImages)
      .where(
        and(
          eq(productImages.storeId, storeId),
          eq(productImages.productId, productId),
          eq(productImages.id, imageId),
        ),
      )
      .for("update");
    if (!current) throw noSuchImage();
    // A product keeps one primary picture: it moves, it is never simply switched off.
    if (patch.is_primary && !current.isPrimary) {
      await tx
        .update(productImages)
        .set({ isPrimary: false })
        .where(and(eq(productImages.productId, productId), eq(productImages.isPrimary, true)));
    }
    const [image] = await tx
      .update(productImages)
      .set({ alt: patch.alt, isPrimary: patch.is_primary ? true : undefined })
      .where(eq(productImages.id, current.id))
      .returning();
    return image!;
  });
}

/** Removes the picture and its files; when it was the primary one, the next picture takes over. */
export async function removeProductImage(storeId: string, productId: string, imageId: string): Promise<void> {
  await db().transaction(async (tx) => {
    const [gone] = await tx
      .delete(productImages)
      .where(
        and(
          eq(productImages.storeId, storeId),
          eq(productImages.productId, productId),
          eq(productImages.id, imageId),
        ),
      )
      .returning();
    if (!gone) throw noSuchImage();
    if (gone.isPrimary) {
      await tx.execute(sql`update ${productImages} set is_primary = true where id = (
        select id from ${productImages} where product_id = ${productId}
        order by position, created_at limit 1)`);
    }
  });
  await removeImageFiles(storeId, imageId);
}
