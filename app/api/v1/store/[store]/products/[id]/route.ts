import { otherMethods } from "@/lib/http/methods";
import { json } from "@/lib/http";
import { STORE_ROUTES } from "@/lib/http/routes";
import { storeRoute } from "@/lib/store/api";
import { archiveProduct, getProduct, productView, updateProduct } from "@/lib/store/products";

export const GET = storeRoute(STORE_ROUTES.product, async ({ principal, params }) =>
  json(productView(await getProduct(principal.store.id, params.id))),
);

export const PATCH = storeRoute(STORE_ROUTES.updateProduct, async ({ principal, params, body }) =>
  json(productView(await updateProduct(principal.store.id, params.id, body))),
);

/** Archives: the product leaves the catalog and stays on past orders. */
export const DELETE = storeRoute(STORE_ROUTES.archiveProduct, async ({ principal, params }) =>
  json(productView(await archiveProduct(principal.store.id, params.id))),
);

export const { OPTIONS, POST, PUT } = otherMethods({ GET, PATCH, DELETE });
