// The storefront JSON API. One router serves both forms of address:
// /api/v1/storefront/{endpoint} (store from the host or the Referer) and
// /api/v1/storefront/{slug}/{endpoint}. Catalog endpoints are public; account endpoints
// take the customer's Bearer token, bound to the resolved store.
import "server-only";
import { z } from "zod";
import { clearedCookies } from "@/lib/auth/cookies";
import { ApiError } from "@/lib/http/errors";
import { type CustomerPrincipal, requireApiPrincipal } from "@/lib/auth/guards";
import {
  type MfaRequired,
  mfaLoginSchema,
  mfaRequiredBody,
  refreshSchema,
  sessionCookies,
  tokenBody,
} from "@/lib/auth/login";
import { methodAnswer } from "@/lib/http/methods";
import { withCookies } from "@/lib/auth/respond";
import { totpEndpoint, totpHolder } from "@/lib/auth/totp-account";
import { endOwnSession, listSessions, sessionView } from "@/lib/auth/session-list";
import { type RequestContext, apiRoute, json, readJson, requestContext } from "@/lib/http";
import {
  FORGOT_ANSWER,
  RESET_REFUSED,
  forgotSchema,
  requestPasswordReset,
  resetPassword,
  resetSchema,
} from "@/lib/auth/reset";
import { orderView } from "@/lib/store/orders";
import { RESERVED_SLUGS, isValidSlug } from "@/lib/tenancy/slug";
import { idParam, listQuery, queryObject, textField } from "@/lib/validation";
import {
  addToWishlist,
  addressSchema,
  addressView,
  changeCustomerPassword,
  checkoutSchema,
  customerOrder,
  deleteAddress,
  getCustomer,
  listAddresses,
  listCustomerOrders,
  listWishlist,
  passwordChangeSchema,
  placeOrder,
  profilePatchSchema,
  removeFromWishlist,
  saveAddress,
  updateProfile,
} from "./account";
import {
  type CustomerLogin,
  completeCustomerMfa,
  customerLoginSchema,
  customerView,
  loginCustomer,
  logoutCustomer,
  refreshCustomer,
  registerCustomer,
  registerSchema,
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

type Call = {
  request: Request;
  shop: StorefrontContext;
  ids: string[];
  ctx: RequestContext;
  customer: () => Promise<CustomerPrincipal>;
};

type Route = { method: string; path: string[]; handler: (call: Call) => Promise<Response> };

const noContent = () => new Response(null, { status: 204, headers: { "Cache-Control": "no-store" } });

const routes: Route[] = [
  {
    method: "POST",
    path: ["auth", "register"],
    handler: async ({ request, shop, ctx }) => {
      const input = await readJson(request, registerSchema);
      const customer = await registerCustomer(shop.store, input, ctx, (token) =>
        shopLink(shop, request.headers, `/account/verify-email?token=${token}`),
      );
      return json({ customer: customerView(customer) }, { status: 201 });
    },
  },
  {
    method: "POST",
    path: ["auth", "login"],
    handler: async ({ request, shop, ctx }) => {
      const input = await readJson(request, customerLoginSchema);
      return customerLoginResponse(shop, await loginCustomer(shop.store, input, ctx));
    },
  },
  {
    method: "POST",
    path: ["auth", "mfa"],
    handler: async ({ request, shop, ctx }) => {
      const input = await readJson(request, mfaLoginSchema);
      return customerLoginResponse(shop, await completeCustomerMfa(shop.store, input, ctx));
    },
  },
  {
    method: "POST",
    path: ["auth", "logout"],
    handler: async ({ shop, customer, ctx }) => {
      const me = await customer();
      await logoutCustomer(me.id, shop.store.id, me.sessionId, ctx);
      return withCookies(
        json({ message: "Signed out" }),
        clearedCookies("customer", { slug: shop.store.slug, method: shop.method }),
      );
    },
  },
  {
    method: "POST",
    path: ["auth", "refresh"],
    handler: async ({ request, shop, ctx }) => {
      const { refresh_token } = await readJson(request, refreshSchema);
      const tokens = await refreshCustomer(shop.store, refresh_token, ctx);
      return withCookies(
        json(tokenBody(tokens)),
        sessionCookies("customer", { slug: shop.store.slug, method: shop.method }, tokens),
      );
    },
  },
  {
    method: "POST",
    path: ["auth", "forgot-password"],
    // Answers the same whatever the address.
    handler: async ({ request, shop, ctx }) => {
      const { email } = await readJson(request, forgotSchema);
      await requestPasswordReset(
        {
          area: "customer",
          storeId: shop.store.id,
          brand: { name: shop.store.name, color: shop.store.theme.primaryColor },
        },
        email,
        (token) => shopLink(shop, request.headers, `/account/reset-password?token=${token}`),
        ctx,
      );
      return json({ message: FORGOT_ANSWER }, { status: 202 });
    },
  },
  {
    method: "POST",
    path: ["auth", "reset-password"],
    handler: async ({ request, shop, ctx }) => {
      const { token, password } = await readJson(request, resetSchema("customer"));
      if (!(await resetPassword("customer", shop.store.id, token, password, ctx))) {
        throw new ApiError("BAD_REQUEST", { message: RESET_REFUSED });
      }
      return json({ message: "Password changed. Sign in with the new password." });
    },
  },
  {
    method: "POST",
    path: ["auth", "verify-email"],
    handler: async ({ request, shop, ctx }) => {
      const { token } = await readJson(
        request,
        z.object({ token: textField({ trim: false }).min(1).max(128) }),
      );
      if (!(await verifyEmail(shop.store.id, token, ctx))) {
        throw new ApiError("BAD_REQUEST", {
          message: "This confirmation link is invalid, already used or expired.",
        });
      }
      return json({ message: "Email confirmed." });
    },
  },
  {
    method: "POST",
    path: ["auth", "resend-verification"],
    handler: async ({ request, shop, customer }) => {
      const me = await getCustomer((await customer()).id);
      await sendVerification(me, shop.store, (token) =>
        shopLink(shop, request.headers, `/account/verify-email?token=${token}`),
      );
      return json(
        { message: "If your address is not confirmed yet, a new link is on its way." },
        { status: 202 },
      );
    },
  },
  {
    method: "GET",
    path: ["auth", "me"],
    handler: async ({ customer }) =>
      json({ customer: customerView(await getCustomer((await customer()).id)) }),
  },
  {
    method: "GET",
    path: ["products"],
    handler: async ({ request, shop }) => {
      const query = listQuery.parse(queryObject(request.url));
      const { items, total } = await listCatalog(shop.store.id, query);
      return json({
        items: items.map(publicProductView),
        total,
        page: query.page,
        page_size: CATALOG_PAGE_SIZE,
      });
    },
  },
  {
    method: "GET",
    path: ["products", ":id"],
    handler: async ({ shop, ids }) =>
      json(publicProductView(await catalogProduct(shop.store.id, idParam(ids[0]!, "product")))),
  },
  {
    method: "GET",
    path: ["account"],
    handler: async ({ customer }) =>
      json({ customer: customerView(await getCustomer((await customer()).id)) }),
  },
  {
    method: "PATCH",
    path: ["account"],
    handler: async ({ request, customer }) => {
      const me = await customer();
      const input = await readJson(request, profilePatchSchema);
      return json({ customer: customerView(await updateProfile(me.id, input)) });
    },
  },
  {
    method: "POST",
    path: ["account", "password"],
    handler: async ({ request, customer, ctx }) => {
      const me = await customer();
      const input = await readJson(request, passwordChangeSchema);
      if (!(await changeCustomerPassword(me.id, me.sessionId, input, ctx))) {
        throw new ApiError("VALIDATION_ERROR", {
          details: [{ field: "current_password", message: "That is not your current password" }],
        });
      }
      return json({ message: "Password changed; your other sessions have been signed out." });
    },
  },
  {
    method: "GET",
    path: ["account", "addresses"],
    handler: async ({ customer }) =>
      json({ items: (await listAddresses((await customer()).id)).map(addressView) }),
  },
  {
    method: "POST",
    path: ["account", "addresses"],
    handler: async ({ request, customer }) => {
      const me = await customer();
      const input = await readJson(request, addressSchema);
      return json(addressView(await saveAddress(me.id, null, input)), { status: 201 });
    },
  },
  {
    method: "PATCH",
    path: ["account", "addresses", ":id"],
    handler: async ({ request, customer, ids }) => {
      const me = await customer();
      const id = idParam(ids[0]!, "address");
      const input = await readJson(request, addressSchema);
      return json(addressView(await saveAddress(me.id, id, input)));
    },
  },
  {
    method: "DELETE",
    path: ["account", "addresses", ":id"],
    handler: async ({ customer, ids }) => {
      await deleteAddress((await customer()).id, idParam(ids[0]!, "address"));
      return noContent();
    },
  },
  {
    method: "GET",
    path: ["account", "wishlist"],
    handler: async ({ customer }) => {
      const items = await listWishlist((await customer()).id);
      return json({
        items: items.map((i) => ({ ...publicProductView(i.product), added_at: i.addedAt.toISOString() })),
      });
    },
  },
  {
    method: "POST",
    path: ["account", "wishlist"],
    handler: async ({ request, shop, customer }) => {
      const me = await customer();
      const { product_id } = await readJson(
        request,
        z.object({ product_id: z.string().uuid({ message: "Not a valid product id" }) }),
      );
      await addToWishlist(me.id, shop.store.id, product_id);
      return json({ product_id }, { status: 201 });
    },
  },
  {
    method: "DELETE",
    path: ["account", "wishlist", ":id"],
    handler: async ({ customer, ids }) => {
      await removeFromWishlist((await customer()).id, idParam(ids[0]!, "product"));
      return noContent();
    },
  },
  ...[undefined, "setup", "enable", "disable", "recovery-codes"].map((action): Route => ({
    method: action ? "POST" : "GET",
    path: action ? ["account", "totp", action] : ["account", "totp"],
    handler: async ({ request, customer, ctx }) =>
      totpEndpoint(request, action, async () => totpHolder(await customer()), ctx),
  })),
  {
    method: "GET",
    path: ["account", "sessions"],
    handler: async ({ customer }) => {
      const me = await customer();
      return json({
        items: (await listSessions({ area: "customer", customerId: me.id }, me.sessionId)).map(sessionView),
      });
    },
  },
  {
    method: "DELETE",
    path: ["account", "sessions", ":id"],
    handler: async ({ customer, ids }) => {
      const me = await customer();
      if (!(await endOwnSession({ area: "customer", customerId: me.id }, idParam(ids[0]!, "session")))) {
        throw new ApiError("NOT_FOUND", { message: "No such session" });
      }
      return noContent();
    },
  },
  {
    method: "GET",
    path: ["orders"],
    handler: async ({ customer }) =>
      json({ items: (await listCustomerOrders((await customer()).id)).map(orderView) }),
  },
  {
    method: "GET",
    path: ["orders", ":id"],
    handler: async ({ customer, ids }) => {
      const { order, items } = await customerOrder((await customer()).id, idParam(ids[0]!, "order"));
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
  },
  {
    method: "POST",
    path: ["orders"],
    handler: async ({ request, shop, customer }) => {
      const me = await customer();
      const input = await readJson(request, checkoutSchema);
      const order = await placeOrder(
        { id: me.id, storeId: shop.store.id, storeCode: shop.store.code },
        input.items.map((i) => ({ productId: i.product_id, quantity: i.quantity })),
        { id: input.address_id, value: input.shipping_address },
      );
      return json(orderView(order), { status: 201 });
    },
  },
];

/** The routes of a path: the one for this method (HEAD is GET's), and every method the path has. */
function match(method: string, segments: string[]): { route?: Route; ids: string[]; methods: string[] } {
  const methods: string[] = [];
  let found: Route | undefined;
  let ids: string[] = [];
  for (const route of routes) {
    if (route.path.length !== segments.length) continue;
    const routeIds: string[] = [];
    const ok = route.path.every((part, i) => {
      if (part === ":id") {
        routeIds.push(segments[i]!);
        return true;
      }
      return part === segments[i];
    });
    if (!ok) continue;
    methods.push(route.method);
    if (route.method === (method === "HEAD" ? "GET" : method)) {
      found = route;
      ids = routeIds;
    }
  }
  return { route: found, ids, methods };
}

export const storefrontHandler = apiRoute<{ path: string[] }>(async (request, context) => {
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
  // The method is one the path has, so one of its routes takes it.
  const route = found.route!;
  const shop = await storefrontApi(request, pathSlug);
  let principal: CustomerPrincipal | undefined;
  const customer = async () => {
    principal ??= (
      await requireApiPrincipal(request, "customer", { slug: shop.store.slug, method: shop.method })
    ).principal;
    return principal;
  };
  return route.handler({ request, shop, ids: found.ids, ctx: requestContext(request.headers), customer });
});
