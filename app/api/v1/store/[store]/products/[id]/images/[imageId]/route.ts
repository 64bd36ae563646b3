import { otherMethods } from "@/lib/http/methods";
import { json, readMultipart } from "@/lib/http";
import { STORE_ROUTES } from "@/lib/http/routes";
import { storeRoute } from "@/lib/store/api";
import { MAX_UPLOAD_BYTES, uploadedImage } from "@/lib/store/image-upload";
import {
  imageView,
  removeProductImage,
  replaceProductImage,
  updateProductImage,
} from "@/lib/store/product-images";

/** Alt text and primary: `{alt?, is_primary?}`. */
export const PATCH = storeRoute(STORE_ROUTES.updateImage, async ({ principal, params, body }) =>
  json(imageView(await updateProductImage(principal.store.id, params.id, params.imageId, body))),
);

/** A new file in this picture's place (multipart `image`); the answer names its new id. */
export const PUT = storeRoute(STORE_ROUTES.replaceImage, async ({ request, principal, params }) => {
  const form = await readMultipart(request, MAX_UPLOAD_BYTES);
  const image = await replaceProductImage(
    principal.store.id,
    params.id,
    params.imageId,
    await uploadedImage(form),
  );
  return json(imageView(image));
});

export const DELETE = storeRoute(STORE_ROUTES.removeImage, async ({ principal, params }) => {
  await removeProductImage(principal.store.id, params.id, params.imageId);
  return new Response(null, { status: 204, headers: { "Cache-Control": "no-store" } });
});

export const { OPTIONS, GET, POST } = otherMethods({ PATCH, PUT, DELETE });
