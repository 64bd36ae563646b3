import { otherMethods } from "@/lib/http/methods";
import { adminRoute } from "@/lib/admin/api";
import { adminStoreView, createStore, listStores } from "@/lib/admin/stores";
import { json } from "@/lib/http";
import { ADMIN_ROUTES } from "@/lib/http/routes";
import { PAGE_SIZE } from "@/lib/validation";

export const GET = adminRoute(ADMIN_ROUTES.stores, async ({ query }) => {
  const { items, total } = await listStores(query);
  return json({
    items: items.map((i) => ({ ...adminStoreView(i.store), members: i.members })),
    total,
    page: query.page,
    page_size: PAGE_SIZE,
  });
});

/** A new store together with its owner's account. */
export const POST = adminRoute(ADMIN_ROUTES.createStore, async ({ body, principal, ctx }) =>
  json(adminStoreView(await createStore(principal, body, ctx)), { status: 201 }),
);

export const { OPTIONS, PUT, PATCH, DELETE } = otherMethods({ GET, POST });
