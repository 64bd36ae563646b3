import { otherMethods } from "@/lib/http/methods";
import { json, readJson, readMultipart } from "@/lib/http";
import { storeRoute } from "@/lib/store/api";
import { MAX_UPLOAD_BYTES, uploadedImage } from "@/lib/store/image-upload";
import {
  imagePatchSchema,
  imageView,
  removeProductImage,
  replaceProductImage,
  updateProductImage,
} from "@/lib/store/product-images";
import { idParam } from "@/lib/validation";

type P = { store: string; id: string; imageId: string };

const ids = (params: P) => [idParam(params.id, "product"), idParam(params.imageId, "image")] as const;

/** Alt text and primary: `{alt?, is_primary?}`. */
export const PATCH = storeRoute<P>("products.write", async ({ request, principal, params }) => {
  const [productId, imageId] = ids(params);
  const patch = await readJson(request, imagePatchSchema);
  return json(imageView(await updateProductImage(principal.store.id, productId, imageId, patch)));
});

/** A new file in this picture's place (multipart `image`); the answer names its new id. */
export const PUT = storeRoute<P>("products.write", async ({ request, principal, params }) => {
  const [productId, imageId] = ids(params);
  const form = await readMultipart(request, MAX_UPLOAD_BYTES);
  const image = await replaceProductImage(principal.store.id, productId, imageId, await uploadedImage(form));
  return json(imageView(image));
});

export const DELETE = storeRoute<P>("products.write", async ({ principal, params }) => {
  const [productId, imageId] = ids(params);
  await removeProductImage(principal.store.id, productId, imageId);
  return new Response(null, { status: 204, headers: { "Cache-Control": "no-store" } });
});

export const { OPTIONS, GET, POST } = otherMethods({ PATCH, PUT, DELETE });
