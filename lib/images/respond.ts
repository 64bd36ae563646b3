// The answer of the image routes: the stored file with caching headers, or one 404 for every
// kind of miss (no such image, another store's, a width we do not make), so nothing is told apart.
import "server-only";
import { readImageFile } from "./storage";
import { isImageWidth } from "./sizes";

const FILE = /^(\d{1,4})\.webp$/;

export function imageNotFound(): Response {
  return new Response("Not found", {
    status: 404,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
  });
}

/** The width asked for by a file name such as `640.webp`, or null. */
function widthOfFile(file: string): number | null {
  const match = FILE.exec(file);
  const width = match ? Number(match[1]) : NaN;
  return isImageWidth(width) ? width : null;
}

/**
 * `image` is a product picture or a store's logo (both filed by store and id). `cache` is `public` for shop pictures (an image id never changes its picture: a replacement
 * gets a new id) and `private` for the dashboard's, which only signed-in staff may see.
 */
export async function imageResponse(
  image: { storeId: string; id: string } | null,
  file: string,
  cache: "public" | "private",
): Promise<Response> {
  const width = widthOfFile(file);
  if (!image || width === null || !isImageWidth(width)) return imageNotFound();
  const bytes = await readImageFile(image.storeId, image.id, width);
  if (!bytes) return imageNotFound();
  return new Response(new Uint8Array(bytes), {
    headers: {
      "Content-Type": "image/webp",
      "Content-Length": String(bytes.byteLength),
      "Cache-Control": `${cache}, max-age=31536000, immutable`,
      "Content-Disposition": "inline",
    },
  });
}
