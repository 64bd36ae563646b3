// The storefront JSON API. One router serves both forms of address:
// /api/v1/storefront/{endpoint} (store from the host or the Referer) and
// /api/v1/storefront/{slug}/{endpoint}. Catalog endpoints are public; account endpoints
// take the customer's Bearer token, bound to the resolved store.
import "server-only";
import { clearedCookies } from "@/lib/auth/cookies";
import { ApiError } from "@/lib/http/errors";
import { type CustomerPrincipal, requireApiPrincipal } from "@/lib/auth/guards";
import { type MfaRequired, mfaRequiredBody, sessionCookies, tokenBody } from "@/lib/auth/login";
import { methodAnswer } from "@/lib/http/methods";
import { withCookies } from "@/lib/auth/respond";
import { totpAction, totpAnswer, totpHolder } from "@/lib/auth/totp-account";
import { endOwnSession, listSessions, sessionView } from "@/lib/auth/session-list";
import { type RequestContext, apiRouter, json, readInput, requestContext } from "@/lib/http";
import { type ApiRoute, type RouteInput, STOREFRONT_ROUTES } from "@/lib/http/routes";
import { FORGOT_ANSWER, RESET_REFUSED, requestPasswordReset, resetPassword } from "@/lib/auth/reset";
import { orderView } from "@/lib/store/orders";
import { RESERVED_SLUGS, isValidSlug } from "@/lib/tenancy/slug";
import {
  addToWishlist,
  addressView,
  changeCustomerPassword,
  customerOrder,
  deleteAddress,
  getCustomer,
  listAddresses,
  listCustomerOrders,
  listWishlist,
  placeOrder,
  removeFromWishlist,
  saveAddress,
  updateProfile,
} from "./account";
import {
  type CustomerLogin,
  completeCustomerMfa,
  customerView,
  loginCustomer,
  logoutCustomer,
  refreshCustomer,
  registerCustomer,
} from "./auth";
import { CATALOG_PAGE_SIZE, catalogProduct, listCatalog, publicProductView } from "./catalog";
import { type StorefrontContext, shopLink, storefrontApi } from "./context";
import { sendVerification, verifyEmail } from "./verification";

/** The answer of the login and MFA endpoints: tokens, customer and cookie, or the second step. */
function customerLoginResponse(shop: StorefrontContext, result: CustomerLogin | MfaRequired): Response {
  if ("mfaRequired" in result) return json(mfaRequiredBody(result));
  const view = customerView(result.customer);
  return withCookies(
    json({ ...tokenBody(result.tokens), user: view, customer: view }),
    sessionCookies("customer", { slug: shop.store.slug, method: shop.method }, result.tokens),
  );
}

const R = STOREFRONT_ROUTES;

type Call<Row extends ApiRoute> = RouteInput<Row> & {
  request: Request;
  shop: StorefrontContext;
  ctx: RequestContext;
  /** The customer behind the Bearer token (checked before the input is read on account routes). */
  customer: () => Promise<CustomerPrincipal>;
};

type Handler = (call: Call<ApiRoute>) => Promise<Response>;

const noContent = () => new Response(null, { status: 204, headers: { "Cache-Control": "no-store" } });

/** One handler per row of the storefront's route table (lib/http/routes/storefront.ts). */
const handlers: { [K in Exclude<keyof typeof R, "totp">]: (call: Call<(typeof R)[K]>) => Promise<Response> } =
  {
    register: async ({ request, shop, ctx, body }) => {
      const customer = await registerCustomer(shop.store, body, ctx, (token) =>
        shopLink(shop, request.headers, `/account/verify-email?token=${token}`),
      );
      return json({ customer: customerView(customer) }, { status: 201 });
    },
    login: async ({ shop, ctx, body }) =>
      customerLoginResponse(shop, await loginCustomer(shop.store, body, ctx)),
    mfa: async ({ shop, ctx, body }) =>
      customerLoginResponse(shop, await completeCustomerMfa(shop.store, body, ctx)),
    logout: async ({ shop, customer, ctx }) => {
      const me = await customer();
      await logoutCustomer(me.id, shop.store.id, me.sessionId, ctx);
      return withCookies(
        json({ message: "Signed out" }),
        clearedCookies("customer", { slug: shop.store.slug, method: shop.method }),
      );
    },
    refresh: async ({ shop, ctx, body }) => {
      const tokens = await refreshCustomer(shop.store, body.refresh_token, ctx);
      return withCookies(
        json(tokenBody(tokens)),
        sessionCookies("customer", { slug: shop.store.slug, method: shop.method }, tokens),
      );
    },
    // Answers the same whatever the address.
    forgotPassword: async ({ request, shop, ctx, body }) => {
      await requestPasswordReset(
        {
          area: "customer",
          storeId: shop.store.id,
          brand: { name: shop.store.name, color: shop.store.theme.primaryColor },
        },
        body.email,
        (token) => shopLink(shop, request.headers, `/account/reset-password?token=${token}`),
        ctx,
      );
      return json({ message: FORGOT_ANSWER }, { status: 202 });
    },
    resetPassword: async ({ shop, ctx, body }) => {
      if (!(await resetPassword("customer", shop.store.id, body.token, body.password, ctx))) {
        throw new ApiError("BAD_REQUEST", { message: RESET_REFUSED });
      }
      return json({ message: "Password changed. Sign in with the new password." });
    },
    verifyEmail: async ({ shop, ctx, body }) => {
      if (!(await verifyEmail(shop.store.id, body.token, ctx))) {
        throw new ApiError("BAD_REQUEST", {
          message: "This confirmation link is invalid, already used or expired.",
        });
      }
      return json({ message: "Email confirmed." });
    },
    resendVerification: async ({ request, shop, customer }) => {
      const me = await getCustomer((await customer()).id);
      await sendVerification(me, shop.store, (token) =>
        shopLink(shop, request.headers, `/account/verify-email?token=${token}`),
      );
      return json(
        { message: "If your address is not confirmed yet, a new link is on its way." },
        { status: 202 },
      );
    },
    me: async ({ customer }) => json({ customer: customerView(await getCustomer((await customer()).id)) }),
    products: async ({ shop, query }) => {
      const { items, total } = await listCatalog(shop.store.id, query);
      return json({
        items: items.map(publicProductView),
        total,
        page: query.page,
        page_size: CATALOG_PAGE_SIZE,
      });
    },
    product: async ({ shop, params }) =>
      json(publicProductView(await catalogProduct(shop.store.id, params.id))),
    account: async ({ customer }) =>
      json({ customer: customerView(await getCustomer((await customer()).id)) }),
    updateAccount: async ({ customer, body }) =>
      json({ customer: customerView(await updateProfile((await customer()).id, body)) }),
    changePassword: async ({ customer, ctx, body }) => {
      const me = await customer();
      if (!(await changeCustomerPassword(me.id, me.sessionId, body, ctx))) {
        throw new ApiError("VALIDATION_ERROR", {
          details: [{ field: "current_password", message: "That is not your current password" }],
        });
      }
      return json({ message: "Password changed; your other sessions have been signed out." });
    },
    addresses: async ({ customer }) =>
      json({ items: (await listAddresses((await customer()).id)).map(addressView) }),
    addAddress: async ({ customer, body }) =>
      json(addressView(await saveAddress((await customer()).id, null, body)), { status: 201 }),
    updateAddress: async ({ customer, params, body }) =>
      json(addressView(await saveAddress((await customer()).id, params.id, body))),
    deleteAddress: async ({ customer, params }) => {
      await deleteAddress((await customer()).id, params.id);
      return noContent();
    },
    wishlist: async ({ customer }) => {
      const items = await listWishlist((await customer()).id);
      return json({
        items: items.map((i) => ({ ...publicProductView(i.product), added_at: i.addedAt.toISOString() })),
      });
    },
    addToWishlist: async ({ shop, customer, body }) => {
      await addToWishlist((await customer()).id, shop.store.id, body.product_id);
      return json({ product_id: body.product_id }, { status: 201 });
    },
    removeFromWishlist: async ({ customer, params }) => {
      await removeFromWishlist((await customer()).id, params.id);
      return noContent();
    },
    sessions: async ({ customer }) => {
      const me = await customer();
      return json({
        items: (await listSessions({ area: "customer", customerId: me.id }, me.sessionId)).map(sessionView),
      });
    },
    endSession: async ({ customer, params }) => {
      const me = await customer();
      if (!(await endOwnSession({ area: "customer", customerId: me.id }, params.id))) {
        throw new ApiError("NOT_FOUND", { message: "No such session" });
      }
      return noContent();
    },
    orders: async ({ customer }) =>
      json({ items: (await listCustomerOrders((await customer()).id)).map(orderView) }),
    order: async ({ customer, params }) => {
      const { order, items } = await customerOrder((await customer()).id, params.id);
      return json({
        ...orderView(order),
        items: items.map((i) => ({
          product_id: i.productId,
          product_name: i.productName,
          unit_price_cents: i.unitPriceCents,
          quantity: i.quantity,
        })),
      });
    },
    placeOrder: async ({ shop, customer, body }) => {
      const me = await customer();
      const order = await placeOrder(
        { id: me.id, storeId: shop.store.id, storeCode: shop.store.code },
        body.items.map((i) => ({ productId: i.product_id, quantity: i.quantity })),
        { id: body.address_id, value: body.shipping_address },
      );
      return json(orderView(order), { status: 201 });
    },
  };

const PREFIX = "/api/v1/storefront/{store}/";

type Entry = { route: ApiRoute; segments: string[]; handler: Handler };

function entry(route: ApiRoute, handler: Handler): Entry {
  return { route, segments: route.path.slice(PREFIX.length).split("/"), handler };
}

const entries: Entry[] = [
  ...Object.entries(handlers).map(([name, handler]) =>
    entry(R[name as keyof typeof handlers], handler as Handler),
  ),
  ...Object.entries(R.totp).map(([name, route]) =>
    entry(route, async ({ customer, body, ctx }) =>
      totpAnswer(
        totpAction(name === "status" ? undefined : name) ?? undefined,
        totpHolder(await customer()),
        body,
        ctx,
      ),
    ),
  ),
];

/** The rows of a path: the one for this method (HEAD is GET's), its raw parameters, and every method the path has. */
function match(
  method: string,
  segments: string[],
): { entry?: Entry; params: Record<string, string>; methods: string[] } {
  const methods: string[] = [];
  let found: Entry | undefined;
  let params: Record<string, string> = {};
  for (const e of entries) {
    if (e.segments.length !== segments.length) continue;
    const named: Record<string, string> = {};
    const ok = e.segments.every((part, i) => {
      const param = /^\{(\w+)\}$/.exec(part);
      if (param) {
        named[param[1]!] = segments[i]!;
        return true;
      }
      return part === segments[i];
    });
    if (!ok) continue;
    methods.push(e.route.method);
    if (e.route.method === (method === "HEAD" ? "GET" : method)) {
      found = e;
      params = named;
    }
  }
  return { entry: found, params, methods };
}

export const storefrontHandler = apiRouter<{ path: string[] }>(async (request, context) => {
  const segments = (await context.params).path;
  let pathSlug: string | null = null;
  let rest = segments;
  const first = segments[0] ?? "";
  if (!RESERVED_SLUGS.has(first.toLowerCase())) {
    const lower = first.toLowerCase();
    if (!isValidSlug(lower)) throw new ApiError("NOT_FOUND");
    if (lower !== first) {
      const url = new URL(request.url);
      url.pathname = url.pathname.replace(`/storefront/${first}`, `/storefront/${lower}`);
      throw new Response(null, { status: 308, headers: { Location: url.pathname + url.search } });
    }
    pathSlug = lower;
    rest = segments.slice(1);
  }
  const found = match(request.method, rest);
  if (found.methods.length === 0) throw new ApiError("NOT_FOUND");
  const refused = methodAnswer(request, found.methods);
  if (refused) return refused;
  // The method is one the path has, so one of its rows takes it.
  const { route, handler } = found.entry!;
  const shop = await storefrontApi(request, pathSlug);
  let principal: CustomerPrincipal | undefined;
  const customer = async () => {
    principal ??= (
      await requireApiPrincipal(request, "customer", { slug: shop.store.slug, method: shop.method })
    ).principal;
    return principal;
  };
  if (route.area === "customer") await customer();
  const input = await readInput(route, request, found.params);
  return handler({ ...input, request, shop, ctx: requestContext(request.headers), customer });
});
