import { otherMethods } from "@/lib/http/methods";
import { json } from "@/lib/http";
import { STORE_ROUTES } from "@/lib/http/routes";
import { storeRoute } from "@/lib/store/api";
import { createProduct, listProducts, productView } from "@/lib/store/products";
import { PAGE_SIZE } from "@/lib/validation";

export const GET = storeRoute(STORE_ROUTES.products, async ({ principal, query }) => {
  const { items, total } = await listProducts(principal.store.id, query);
  return json({ items: items.map(productView), total, page: query.page, page_size: PAGE_SIZE });
});

export const POST = storeRoute(STORE_ROUTES.createProduct, async ({ principal, body }) =>
  json(productView(await createProduct(principal.store.id, body)), { status: 201 }),
);

export const { OPTIONS, PUT, PATCH, DELETE } = otherMethods({ GET, POST });
