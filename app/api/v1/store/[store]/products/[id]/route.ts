import { otherMethods } from "@/lib/http/methods";
import { json, readJson } from "@/lib/http";
import { storeRoute } from "@/lib/store/api";
import {
  archiveProduct,
  getProduct,
  productPatchSchema,
  productView,
  updateProduct,
} from "@/lib/store/products";
import { idParam } from "@/lib/validation";

type P = { store: string; id: string };

export const GET = storeRoute<P>("products.read", async ({ principal, params }) => {
  return json(productView(await getProduct(principal.store.id, idParam(params.id, "product"))));
});

export const PATCH = storeRoute<P>("products.write", async ({ request, principal, params }) => {
  const id = idParam(params.id, "product");
  const input = await readJson(request, productPatchSchema);
  return json(productView(await updateProduct(principal.store.id, id, input)));
});

/** Archives: the product leaves the catalog and stays on past orders. */
export const DELETE = storeRoute<P>("products.write", async ({ principal, params }) => {
  return json(productView(await archiveProduct(principal.store.id, idParam(params.id, "product"))));
});

export const { OPTIONS, POST, PUT } = otherMethods({ GET, PATCH, DELETE });
