"use server";
// The storefront's server actions: cart, sign-in and registration, checkout and the account.
// Cookies are scoped to the form of address the shopper used.

import { revalidatePath } from "next/cache";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { type ActionState, apiErrorState, assertSameOriginAction, parseForm, runAction } from "@/lib/actions";
import { clearedCookies } from "@/lib/auth/cookies";
import { ApiError } from "@/lib/http/errors";
import { currentPagePrincipal } from "@/lib/auth/guards";
import { sessionCookies } from "@/lib/auth/login";
import { finishPageLogin, mfaPageAction } from "@/lib/auth/page-login";
import { endOtherSessions, endOwnSession } from "@/lib/auth/session-list";
import {
  addToWishlist,
  addressSchema,
  changeCustomerPassword,
  deleteAddress,
  getCustomer,
  passwordChangeSchema,
  placeOrder,
  profileSchema,
  removeFromWishlist,
  saveAddress,
  updateProfile,
} from "@/lib/storefront/account";
import {
  completeCustomerMfa,
  customerLoginSchema,
  loginCustomer,
  logoutCustomer,
  registerCustomer,
  registerSchema,
} from "@/lib/storefront/auth";
import { CART_COOKIE, MAX_QUANTITY, cartCookie, readCart, setLine } from "@/lib/storefront/cart";
import { shopLink, storefrontPage } from "@/lib/storefront/context";
import {
  FORGOT_ANSWER,
  RESET_REFUSED,
  forgotSchema,
  requestPasswordReset,
  resetPassword,
  resetSchema,
} from "@/lib/auth/reset";
import { sendVerification, verifyEmail } from "@/lib/storefront/verification";
import { totpHolder } from "@/lib/auth/totp-account";
import { type TotpState, type TotpStep, runTotpStep } from "@/lib/totp-actions";
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

const loginForm = customerLoginSchema.extend({
  remember_me: booleanField.default(false),
  next: z.string().optional(),
});

export async function customerLoginAction(
  slug: string,
  _prev: ActionState,
  formData: FormData,
): Promise<ActionState> {
  const parsed = await parseForm(formData, loginForm, ["email_or_username"]);
  if (!parsed.ok) return parsed.state;
  const { store, method } = await storefrontPage(slug);
  let result: Awaited<ReturnType<typeof loginCustomer>>;
  try {
    result = await loginCustomer(store, parsed.data, parsed.ctx);
  } catch (error) {
    if (error instanceof ApiError)
      return { error: error.message, values: { email_or_username: parsed.data.email_or_username } };
    throw error;
  }
  return finishPageLogin("customer", { slug, method }, result, parsed.data.next);
}

export async function customerMfaAction(
  slug: string,
  _prev: ActionState,
  formData: FormData,
): Promise<ActionState> {
  const { store, method } = await storefrontPage(slug);
  return mfaPageAction(
    "customer",
    { slug, method },
    (input, ctx) => completeCustomerMfa(store, input, ctx),
    formData,
  );
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

export async function forgotPasswordAction(
  slug: string,
  _prev: ActionState,
  formData: FormData,
): Promise<ActionState> {
  const parsed = await parseForm(formData, forgotSchema, ["email"]);
  if (!parsed.ok) return parsed.state;
  const shop = await storefrontPage(slug);
  const { store } = shop;
  const hdrs = await headers();
  await requestPasswordReset(
    { area: "customer", storeId: store.id, brand: { name: store.name, color: store.theme.primaryColor } },
    parsed.data.email,
    (token) => shopLink(shop, hdrs, `/account/reset-password?token=${token}`),
    parsed.ctx,
  );
  // The same answer whatever the address.
  return { message: `Check your email. ${FORGOT_ANSWER}` };
}

const resetForm = withConfirmation(resetSchema("customer"), "password");

export async function resetPasswordAction(
  slug: string,
  _prev: ActionState,
  formData: FormData,
): Promise<ActionState> {
  const parsed = await parseForm(formData, resetForm);
  if (!parsed.ok) return parsed.state;
  const { store, base } = await storefrontPage(slug);
  try {
    if (!(await resetPassword("customer", store.id, parsed.data.token, parsed.data.password, parsed.ctx))) {
      return { error: RESET_REFUSED };
    }
  } catch (error) {
    if (error instanceof ApiError) return apiErrorState(error);
    throw error;
  }
  redirect(`${base}/account/login?reset=1`);
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

export async function customerLogoutAction(slug: string): Promise<void> {
  const { store, method, base } = await storefrontPage(slug);
  const ctx = await assertSameOriginAction();
  if (!ctx) redirect(`${base}/account`);
  const me = await currentPagePrincipal("customer", slug);
  if (me) await logoutCustomer(me.id, store.id, me.sessionId, ctx);
  const jar = await cookies();
  for (const spec of clearedCookies("customer", { slug, method })) jar.set(spec);
  redirect(`${base}/account/login?signed_out=1`);
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

const passwordForm = withConfirmation(passwordChangeSchema, "new_password");

export async function customerPasswordAction(
  slug: string,
  _prev: ActionState,
  formData: FormData,
): Promise<ActionState> {
  return runAction(
    formData,
    { schema: passwordForm, ...customer(slug) },
    async (me, data, ctx): Promise<ActionState> => {
      if (!(await changeCustomerPassword(me.id, me.sessionId, data, ctx))) {
        return { fieldErrors: { current_password: "That is not your current password" } };
      }
      return { message: "Password changed. Your other sessions have been signed out." };
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

export async function endCustomerSessionAction(
  slug: string,
  id: string,
  _prev: ActionState,
  formData: FormData,
): Promise<ActionState> {
  return runAction(formData, { schema: z.object({}), ...customer(slug) }, async (me) => {
    const ended = await endOwnSession({ area: "customer", customerId: me.id }, idParam(id, "session"));
    // Without it the list keeps showing the ended session until the page is reloaded.
    revalidatePath(`/storefront/${slug}/account/sessions`);
    return ended ? { message: "That session is signed out." } : { error: "That session had already ended." };
  });
}

export async function endOtherCustomerSessionsAction(
  slug: string,
  _prev: ActionState,
  formData: FormData,
): Promise<ActionState> {
  return runAction(formData, { schema: z.object({}), ...customer(slug) }, async (me) => {
    const n = await endOtherSessions({ area: "customer", customerId: me.id }, me.sessionId);
    revalidatePath(`/storefront/${slug}/account/sessions`);
    return { message: `${n} other session${n === 1 ? "" : "s"} signed out.` };
  });
}

export async function customerTotpAction(
  slug: string,
  step: TotpStep,
  _prev: TotpState,
  formData: FormData,
): Promise<TotpState> {
  return runTotpStep(
    step,
    async () => {
      const p = await currentPagePrincipal("customer", slug);
      return p ? totpHolder(p) : null;
    },
    formData,
  );
}
