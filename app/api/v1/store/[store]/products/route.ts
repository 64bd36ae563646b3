import { otherMethods } from "@/lib/http/methods";
import { json, readJson } from "@/lib/http";
import { storeRoute } from "@/lib/store/api";
import { createProduct, listProducts, productSchema, productView } from "@/lib/store/products";
import { PAGE_SIZE, booleanField, listQuery, queryObject } from "@/lib/validation";

export const GET = storeRoute("products.read", async ({ request, principal }) => {
  const query = listQuery
    .extend({ archived: booleanField.optional().catch(false) })
    .parse(queryObject(request.url));
  const { items, total } = await listProducts(principal.store.id, query);
  return json({ items: items.map(productView), total, page: query.page, page_size: PAGE_SIZE });
});

export const POST = storeRoute("products.write", async ({ request, principal }) => {
  const input = await readJson(request, productSchema);
  return json(productView(await createProduct(principal.store.id, input)), { status: 201 });
});

export const { OPTIONS, PUT, PATCH, DELETE } = otherMethods({ GET, POST });
