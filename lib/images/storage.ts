// The image files on local disk: {upload dir}/{store id}/{image id}/{width}.webp. Written to a
// temporary name and renamed, so a reader never sees half a file.
import { randomUUID } from "node:crypto";
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { uploadDirOf } from "@/lib/config";
import type { ImageWidth } from "./sizes";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function folder(storeId: string, imageId: string, root: string): string {
  // Ids come from the database, but a path is built only from what cannot climb out of it.
  if (!UUID.test(storeId) || !UUID.test(imageId)) throw new Error("image ids must be UUIDs");
  return path.join(root, storeId, imageId);
}

export async function writeImageFiles(
  storeId: string,
  imageId: string,
  variants: Map<ImageWidth, Buffer>,
  root = uploadDirOf(),
): Promise<void> {
  const dir = folder(storeId, imageId, root);
  await mkdir(dir, { recursive: true });
  for (const [width, bytes] of variants) {
    const temp = path.join(dir, `.${width}.${randomUUID()}.tmp`);
    await writeFile(temp, bytes);
    await rename(temp, path.join(dir, `${width}.webp`));
  }
}

export function readImageFile(storeId: string, imageId: string, width: ImageWidth): Promise<Buffer | null> {
  return readFile(path.join(folder(storeId, imageId, uploadDirOf()), `${width}.webp`)).catch(() => null);
}

export async function removeImageFiles(storeId: string, imageId: string): Promise<void> {
  await rm(folder(storeId, imageId, uploadDirOf()), { recursive: true, force: true });
}
