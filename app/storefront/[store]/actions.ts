"use server";
// The storefront's server actions: cart, registration, checkout and the account. Sign-in, the
// reset, the password, sessions and two-factor are the actions every area shares (lib/auth-ui).
// Cookies are scoped to the form of address the shopper used.

import { cookies, headers } from "next/headers";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { type ActionState, apiErrorState, parseForm, runAction } from "@/lib/actions";
import { ApiError } from "@/lib/http/errors";
import { currentPagePrincipal } from "@/lib/auth/guards";
import { sessionCookies } from "@/lib/auth/login";
import {
  addToWishlist,
  addressSchema,
  deleteAddress,
  getCustomer,
  placeOrder,
  profileSchema,
  removeFromWishlist,
  saveAddress,
  updateProfile,
} from "@/lib/storefront/account";
import { loginCustomer, registerCustomer, registerSchema } from "@/lib/storefront/auth";
import { CART_COOKIE, MAX_QUANTITY, cartCookie, readCart, setLine } from "@/lib/storefront/cart";
import { shopLink, storefrontPage } from "@/lib/storefront/context";
import { logoutAction } from "@/lib/auth-ui/actions";
import { sendVerification, verifyEmail } from "@/lib/storefront/verification";
import { shopHostOf, startOnShop } from "@/lib/auth/social/flow";
import {
  RECENT_SIGN_IN_REQUIRED,
  disconnectIdentity,
  isRecentSignIn,
  setFirstPassword,
  setPasswordSchema,
} from "@/lib/auth/social/methods";
import { providerOfStore } from "@/lib/auth/social/providers";
import { booleanField, idParam, textField, withConfirmation } from "@/lib/validation";

function customer(slug: string) {
  return { principal: () => currentPagePrincipal("customer", slug) };
}

async function updateCart(
  slug: string,
  change: (lines: ReturnType<typeof readCart>) => ReturnType<typeof readCart>,
) {
  const { base } = await storefrontPage(slug);
  const jar = await cookies();
  const lines = change(readCart(jar.get(CART_COOKIE)?.value));
  jar.set(cartCookie(base, lines));
  return base;
}

const cartForm = z.object({
  product_id: z.string().uuid({ message: "Not a valid product" }),
  quantity: z.coerce.number().int().min(0).max(MAX_QUANTITY).default(1),
});

export async function addToCartAction(
  slug: string,
  _prev: ActionState,
  formData: FormData,
): Promise<ActionState> {
  const parsed = await parseForm(formData, cartForm);
  if (!parsed.ok) return parsed.state;
  const { product_id, quantity } = parsed.data;
  await updateCart(slug, (lines) => setLine(lines, product_id, Math.max(1, quantity), true));
  return { message: "Added to your cart." };
}

export async function setCartLineAction(slug: string, formData: FormData): Promise<void> {
  const parsed = await parseForm(formData, cartForm);
  if (!parsed.ok) return;
  const { product_id, quantity } = parsed.data;
  const base = await updateCart(slug, (lines) => setLine(lines, product_id, quantity, false));
  redirect(`${base}/cart`);
}

const registerForm = withConfirmation(
  registerSchema.extend({ marketing_consent: booleanField.default(false) }),
  "password",
);

export async function registerAction(
  slug: string,
  _prev: ActionState,
  formData: FormData,
): Promise<ActionState> {
  const echo = ["first_name", "last_name", "email", "phone"];
  const parsed = await parseForm(formData, registerForm, echo);
  if (!parsed.ok) return parsed.state;
  const values = Object.fromEntries(echo.map((k) => [k, String(formData.get(k) ?? "")]));
  const shop = await storefrontPage(slug);
  const { store, method, base } = shop;
  const hdrs = await headers();
  try {
    await registerCustomer(store, parsed.data, parsed.ctx, (token) =>
      shopLink(shop, hdrs, `/account/verify-email?token=${token}`),
    );
    const login = await loginCustomer(
      store,
      { email_or_username: parsed.data.email, password: parsed.data.password, remember_me: false },
      parsed.ctx,
    );
    // A new account has no second factor yet.
    if ("tokens" in login) {
      const jar = await cookies();
      for (const spec of sessionCookies("customer", { slug, method }, login.tokens)) jar.set(spec);
    }
  } catch (error) {
    if (error instanceof ApiError) {
      if (error.code === "CONFLICT")
        return { error: error.message, fieldErrors: { email: error.message }, values };
      return apiErrorState(error, values);
    }
    throw error;
  }
  redirect(`${base}/account?welcome=1`);
}

export async function verifyEmailAction(
  slug: string,
  _prev: ActionState,
  formData: FormData,
): Promise<ActionState> {
  const parsed = await parseForm(formData, z.object({ token: textField({ trim: false }).min(1).max(128) }));
  if (!parsed.ok) return parsed.state;
  const { store } = await storefrontPage(slug);
  if (!(await verifyEmail(store.id, parsed.data.token, parsed.ctx))) {
    return {
      error:
        "This confirmation link is invalid, already used or expired. Ask for a new one from your account.",
    };
  }
  return { message: "Thank you: your email address is confirmed." };
}

export async function resendVerificationAction(
  slug: string,
  _prev: ActionState,
  formData: FormData,
): Promise<ActionState> {
  return runAction(formData, { schema: z.object({}), ...customer(slug) }, async (me) => {
    const shop = await storefrontPage(slug);
    const hdrs = await headers();
    await sendVerification(await getCustomer(me.id), shop.store, (token) =>
      shopLink(shop, hdrs, `/account/verify-email?token=${token}`),
    );
    return { message: "A new confirmation link is on its way (at most one a minute)." };
  });
}

/** Sign-out, as the account layout names it; the action is the one every area shares. */
export async function customerLogoutAction(slug: string): Promise<void> {
  return logoutAction({ area: "customer", slug });
}

const checkoutForm = z.object({
  address_id: z
    .string()
    .uuid()
    .optional()
    .or(z.literal("").transform(() => undefined)),
  name: textField().optional(),
  line1: textField().optional(),
  line2: textField().optional(),
  postal_code: textField().optional(),
  city: textField().optional(),
  country: textField().optional(),
});

export async function checkoutAction(
  slug: string,
  _prev: ActionState,
  formData: FormData,
): Promise<ActionState> {
  let placed = "";
  const { store, base } = await storefrontPage(slug);
  const state = await runAction(
    formData,
    {
      schema: checkoutForm,
      echo: ["name", "line1", "line2", "postal_code", "city", "country"],
      ...customer(slug),
    },
    async (me, data) => {
      const jar = await cookies();
      const lines = readCart(jar.get(CART_COOKIE)?.value);
      let value;
      if (!data.address_id) {
        const address = addressSchema.omit({ is_default_shipping: true, phone: true }).safeParse(data);
        if (!address.success) {
          return {
            fieldErrors: Object.fromEntries(address.error.issues.map((i) => [String(i.path[0]), i.message])),
          };
        }
        value = address.data;
      }
      const order = await placeOrder({ id: me.id, storeId: store.id, storeCode: store.code }, lines, {
        id: data.address_id,
        value,
      });
      jar.set(cartCookie(base, []));
      placed = order.id;
    },
  );
  if (placed) redirect(`${base}/account/orders/${placed}?placed=1`);
  return state;
}

const profileForm = profileSchema.extend({
  marketing_consent: booleanField.default(false),
});

export async function profileAction(
  slug: string,
  _prev: ActionState,
  formData: FormData,
): Promise<ActionState> {
  return runAction(
    formData,
    { schema: profileForm, echo: ["first_name", "last_name", "phone"], ...customer(slug) },
    async (me, data) => {
      await updateProfile(me.id, data);
      return { message: "Profile saved." };
    },
  );
}

const addressForm = addressSchema.extend({
  is_default_shipping: booleanField.default(false),
});

export async function saveAddressAction(
  slug: string,
  id: string | null,
  _prev: ActionState,
  formData: FormData,
): Promise<ActionState> {
  const echo = ["name", "line1", "line2", "postal_code", "city", "country", "phone"];
  return runAction(
    formData,
    { schema: addressForm, echo: id ? [] : echo, ...customer(slug) },
    async (me, data) => {
      await saveAddress(me.id, id ? idParam(id, "address") : null, data);
      return { message: id ? "Address saved." : "Address added." };
    },
  );
}

export async function deleteAddressAction(
  slug: string,
  id: string,
  _prev: ActionState,
  formData: FormData,
): Promise<ActionState> {
  return runAction(formData, { schema: z.object({}), ...customer(slug) }, async (me) => {
    await deleteAddress(me.id, idParam(id, "address"));
    revalidatePath(`/storefront/${slug}/account/addresses`);
    return { message: "Address deleted." };
  });
}

export async function wishlistAction(
  slug: string,
  productId: string,
  add: boolean,
  _prev: ActionState,
  formData: FormData,
): Promise<ActionState> {
  return runAction(formData, { schema: z.object({}), ...customer(slug) }, async (me) => {
    if (add) await addToWishlist(me.id, me.store.id, idParam(productId, "product"));
    else await removeFromWishlist(me.id, idParam(productId, "product"));
    return { message: add ? "Saved to your wishlist." : "Removed from your wishlist." };
  });
}

/**
 * "Connect" on Sign-in methods: the social flow of the sign-in buttons, started from here so it
 * carries the signed-in customer, and only after a recent sign-in (it adds a way in).
 */
export async function connectProviderAction(
  slug: string,
  providerId: string,
  _prev: ActionState,
  formData: FormData,
): Promise<ActionState> {
  let location: string | null = null;
  const state = await runAction(formData, { schema: z.object({}), ...customer(slug) }, async (me) => {
    const { store, method, base } = await storefrontPage(slug);
    const host = await shopHostOf(await headers(), slug);
    const provider = await providerOfStore(store, providerId);
    if (!host || !provider) return { error: "This shop does not offer that sign-in method." };
    if (!(await isRecentSignIn(me.sessionId))) return { error: RECENT_SIGN_IN_REQUIRED };
    const started = await startOnShop({
      store,
      method,
      host,
      provider,
      next: `${base}/account/sign-in-methods`,
      linkCustomerId: me.id,
    });
    (await cookies()).set(started.cookie);
    location = started.location;
  });
  if (location) redirect(location);
  return state;
}

export async function disconnectProviderAction(
  slug: string,
  identityId: string,
  _prev: ActionState,
  formData: FormData,
): Promise<ActionState> {
  let done = false;
  const state = await runAction(
    formData,
    { schema: z.object({}), ...customer(slug) },
    async (me, _data, ctx) => {
      await disconnectIdentity(me.store, me, idParam(identityId, "sign-in method"), ctx);
      done = true;
    },
  );
  // The row and its form are gone: the page itself says it (and drops an earlier "Connected").
  if (done) redirect(`${(await storefrontPage(slug)).base}/account/sign-in-methods?disconnected=1`);
  return state;
}

const setPasswordForm = withConfirmation(setPasswordSchema, "new_password");

export async function setPasswordAction(
  slug: string,
  _prev: ActionState,
  formData: FormData,
): Promise<ActionState> {
  return runAction(formData, { schema: setPasswordForm, ...customer(slug) }, async (me, data, ctx) => {
    await setFirstPassword(me.store, me, data.new_password, ctx);
    revalidatePath(`/storefront/${slug}/account/sign-in-methods`);
    return { message: "Password set. You can now sign in with your email and this password." };
  });
}
