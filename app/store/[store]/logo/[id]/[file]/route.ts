// The store's logo in the dashboard's settings preview, for a signed-in member of the store
// (a suspended store's shop serves no logo; its staff still see theirs).
import { currentPagePrincipal } from "@/lib/auth/guards";
import { imageNotFound, imageResponse } from "@/lib/images/respond";
import { storeBySlug } from "@/lib/tenancy/lookup";

type Params = { params: Promise<{ store: string; id: string; file: string }> };

export async function GET(_request: Request, { params }: Params): Promise<Response> {
  const { store: slug, id, file } = await params;
  const member = await currentPagePrincipal("store", slug.toLowerCase());
  const store = member && (await storeBySlug(member.store.slug));
  if (!store || !store.logoImageId || store.logoImageId !== id) return imageNotFound();
  return imageResponse({ storeId: store.id, id }, file, "private");
}
