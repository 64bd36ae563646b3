import { validationError } from "@/lib/http/errors";
import { otherMethods } from "@/lib/http/methods";
import { json, readMultipart } from "@/lib/http";
import { STORE_ROUTES } from "@/lib/http/routes";
import { storeRoute } from "@/lib/store/api";
import { MAX_UPLOAD_BYTES, uploadedImage } from "@/lib/store/image-upload";
import { addProductImage, imageView, listProductImages } from "@/lib/store/product-images";
import { getProduct } from "@/lib/store/products";

export const GET = storeRoute(STORE_ROUTES.images, async ({ principal, params }) => {
  const product = await getProduct(principal.store.id, params.id);
  return json({ items: (await listProductImages(principal.store.id, product.id)).map(imageView) });
});

/** multipart/form-data: `image` (JPEG, PNG or WebP, at most 5 MB) and `alt`. */
export const POST = storeRoute(STORE_ROUTES.addImage, async ({ request, principal, params }) => {
  const form = await readMultipart(request, MAX_UPLOAD_BYTES);
  // The file is bytes, checked by uploadedImage; the text field is the table row's.
  const alt = STORE_ROUTES.addImage.upload.shape.alt.safeParse(form.get("alt") ?? "");
  if (!alt.success) throw validationError(alt.error);
  const image = await addProductImage(
    principal.store.id,
    params.id,
    await uploadedImage(form),
    alt.data ?? "",
  );
  return json(imageView(image), { status: 201 });
});

export const { OPTIONS, PUT, PATCH, DELETE } = otherMethods({ GET, POST });
