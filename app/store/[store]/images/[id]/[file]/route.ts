// A product picture in the dashboard, hidden and archived products included: only for a
// signed-in member of this store who may see its products.
import { currentPagePrincipal } from "@/lib/auth/guards";
import { imageNotFound, imageResponse } from "@/lib/images/respond";
import { storeImage } from "@/lib/store/product-images";
import { uuidField } from "@/lib/validation";

type Params = { params: Promise<{ store: string; id: string; file: string }> };

export async function GET(_request: Request, { params }: Params): Promise<Response> {
  const { store: slug, id, file } = await params;
  const member = await currentPagePrincipal("store", slug.toLowerCase());
  if (!member || !member.permissions.includes("products.read") || !uuidField.safeParse(id).success)
    return imageNotFound();
  return imageResponse(await storeImage(member.store.id, id, { visibleOnly: false }), file, "private");
}
