import { otherMethods } from "@/lib/http/methods";
import { adminRoute } from "@/lib/admin/api";
import { adminStoreView, createStore, listStores, storeCreateSchema } from "@/lib/admin/stores";
import { json, readJson } from "@/lib/http";
import { PAGE_SIZE, listQuery, queryObject } from "@/lib/validation";

export const GET = adminRoute(async ({ request }) => {
  const query = listQuery.parse(queryObject(request.url));
  const { items, total } = await listStores(query);
  return json({
    items: items.map((i) => ({ ...adminStoreView(i.store), members: i.members })),
    total,
    page: query.page,
    page_size: PAGE_SIZE,
  });
});

/** A new store together with its owner's account. */
export const POST = adminRoute(async ({ request, principal, ctx }) => {
  const input = await readJson(request, storeCreateSchema);
  return json(adminStoreView(await createStore(principal, input, ctx)), { status: 201 });
});

export const { OPTIONS, PUT, PATCH, DELETE } = otherMethods({ GET, POST });
