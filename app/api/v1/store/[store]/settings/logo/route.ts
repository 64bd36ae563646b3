import { otherMethods } from "@/lib/http/methods";
import { json, readMultipart } from "@/lib/http";
import { STORE_ROUTES } from "@/lib/http/routes";
import { storeRoute } from "@/lib/store/api";
import { MAX_UPLOAD_BYTES, uploadedImage } from "@/lib/store/image-upload";
import { LOGO_FIELD, logoPath, removeStoreLogo, setStoreLogo } from "@/lib/store/logo";

/** multipart/form-data: `logo` (JPEG, PNG or WebP, at most 5 MB); replaces the store's logo. */
export const PUT = storeRoute(STORE_ROUTES.setLogo, async ({ request, principal }) => {
  const form = await readMultipart(request, MAX_UPLOAD_BYTES);
  const { id: storeId, slug } = principal.store;
  const id = await setStoreLogo(storeId, slug, await uploadedImage(form, LOGO_FIELD));
  return json({ id, url: logoPath(`/storefront/${slug}`, id) });
});

export const DELETE = storeRoute(STORE_ROUTES.removeLogo, async ({ principal }) => {
  await removeStoreLogo(principal.store.id, principal.store.slug);
  return new Response(null, { status: 204, headers: { "Cache-Control": "no-store" } });
});

export const { OPTIONS, GET, HEAD, POST, PATCH } = otherMethods({ PUT, DELETE });
