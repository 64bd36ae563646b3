// A store's uploaded logo: the product picture pipeline (bytes checked, at most 5 MB,
// metadata stripped, resized to the stored widths), filed under the store like a picture and
// shown in the shop's header and as its favicon. A replacement gets a new id, so no cache shows
// the old logo for the new one; the old files go once the new row is saved.
import "server-only";
import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { db } from "@/db/client";
import { stores } from "@/db/schema";
import { processImage } from "@/lib/images/process";
import { removeImageFiles, writeImageFiles } from "@/lib/images/storage";
import { forgetStore } from "@/lib/tenancy/lookup";

export const LOGO_FIELD = "logo";

/** Stores the file as the store's logo, replacing the one it had. */
export async function setStoreLogo(storeId: string, slug: string, bytes: Buffer): Promise<string> {
  const processed = await processImage(bytes, LOGO_FIELD);
  const id = randomUUID();
  await writeImageFiles(storeId, id, processed.variants);
  let old: string | null = null;
  try {
    old = await db().transaction(async (tx) => {
      const [before] = await tx
        .select({ logo: stores.logoImageId })
        .from(stores)
        .where(eq(stores.id, storeId))
        .for("update");
      await tx.update(stores).set({ logoImageId: id }).where(eq(stores.id, storeId));
      return before?.logo ?? null;
    });
  } catch (error) {
    await removeImageFiles(storeId, id);
    throw error;
  }
  if (old) await removeImageFiles(storeId, old);
  forgetStore(slug);
  return id;
}

/** Takes the logo away; the shop falls back to its logo URL, if any, and the default favicon. */
export async function removeStoreLogo(storeId: string, slug: string): Promise<void> {
  const [before] = await db().select({ logo: stores.logoImageId }).from(stores).where(eq(stores.id, storeId));
  if (!before?.logo) return;
  await db()
    .update(stores)
    .set({ logoImageId: null })
    .where(and(eq(stores.id, storeId), eq(stores.logoImageId, before.logo)));
  await removeImageFiles(storeId, before.logo);
  forgetStore(slug);
}

/** The logo's address under a shop or dashboard base (`/storefront/acme`, `""`, `/store/acme`). */
export function logoPath(base: string, logoImageId: string, width: 160 | 320 = 160): string {
  return `${base}/logo/${logoImageId}/${width}.webp`;
}
