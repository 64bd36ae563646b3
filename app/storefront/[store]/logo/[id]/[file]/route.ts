// The shop's logo (header and favicon): only the store's current logo, on its own address.
import { imageNotFound, imageResponse } from "@/lib/images/respond";
import { storeBySlug } from "@/lib/tenancy/lookup";

type Params = { params: Promise<{ store: string; id: string; file: string }> };

export async function GET(_request: Request, { params }: Params): Promise<Response> {
  const { store: slug, id, file } = await params;
  const store = await storeBySlug(slug);
  if (!store || store.status !== "active" || !store.logoImageId || store.logoImageId !== id)
    return imageNotFound();
  return imageResponse({ storeId: store.id, id }, file, "public");
}
