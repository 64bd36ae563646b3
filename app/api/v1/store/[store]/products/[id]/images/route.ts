import { validationError } from "@/lib/http/errors";
import { otherMethods } from "@/lib/http/methods";
import { json, readMultipart } from "@/lib/http";
import { storeRoute } from "@/lib/store/api";
import { MAX_UPLOAD_BYTES, uploadedImage } from "@/lib/store/image-upload";
import { addProductImage, altField, imageView, listProductImages } from "@/lib/store/product-images";
import { getProduct } from "@/lib/store/products";
import { idParam } from "@/lib/validation";

type P = { store: string; id: string };

export const GET = storeRoute<P>("products.read", async ({ principal, params }) => {
  const product = await getProduct(principal.store.id, idParam(params.id, "product"));
  return json({ items: (await listProductImages(principal.store.id, product.id)).map(imageView) });
});

/** multipart/form-data: `image` (JPEG, PNG or WebP, at most 5 MB) and `alt`. */
export const POST = storeRoute<P>("products.write", async ({ request, principal, params }) => {
  const productId = idParam(params.id, "product");
  const form = await readMultipart(request, MAX_UPLOAD_BYTES);
  const alt = altField.safeParse(form.get("alt") ?? "");
  if (!alt.success) throw validationError(alt.error);
  const image = await addProductImage(principal.store.id, productId, await uploadedImage(form), alt.data);
  return json(imageView(image), { status: 201 });
});

export const { OPTIONS, PUT, PATCH, DELETE } = otherMethods({ GET, POST });
