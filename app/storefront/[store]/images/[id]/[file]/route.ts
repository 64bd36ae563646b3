// A product picture in the shop: only one of this store's products on sale, asked for on
// this store's own address (the request layer found the store from the host or the path).
import { imageNotFound, imageResponse } from "@/lib/images/respond";
import { storeImage } from "@/lib/store/product-images";
import { storeBySlug } from "@/lib/tenancy/lookup";
import { uuidField } from "@/lib/validation";

type Params = { params: Promise<{ store: string; id: string; file: string }> };

export async function GET(_request: Request, { params }: Params): Promise<Response> {
  const { store: slug, id, file } = await params;
  const store = await storeBySlug(slug);
  if (!store || store.status !== "active" || !uuidField.safeParse(id).success) return imageNotFound();
  return imageResponse(await storeImage(store.id, id, { visibleOnly: true }), file, "public");
}
