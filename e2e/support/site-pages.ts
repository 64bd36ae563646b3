// Every page of the three areas, for the specs that check them all (accessibility, phone layout):
// the pages a visitor sees signed out, and those behind the admin's, the store owner's and the
// shopper's sign-in. The ids in the addresses (a store, a product, an order, a customer) are
// read from the lists, so the pages are the seeded data's own.
import { type Browser, type BrowserContext, type Page, expect } from "@playwright/test";

/** Pages anyone can open: sign-in, password and invitation pages, the shop, the error page. */
export const SIGNED_OUT_PAGES = [
  "/",
  "/admin/login",
  "/admin/login/mfa",
  "/admin/forgot-password",
  "/admin/reset-password?token=not-a-real-token",
  "/store/acme/login",
  "/store/acme/login/mfa",
  "/store/acme/forgot-password",
  "/store/acme/reset-password?token=not-a-real-token",
  "/store/acme/accept-invitation?token=not-a-real-token",
  "/store/acme/accept-invitation/mfa",
  "/storefront/orion",
  "/storefront/acme",
  "/storefront/orion/cart",
  "/storefront/orion/account/login",
  "/storefront/orion/account/login/mfa",
  "/storefront/orion/account/register",
  "/storefront/orion/account/forgot-password",
  "/storefront/orion/account/reset-password?token=not-a-real-token",
  "/storefront/orion/account/verify-email?token=not-a-real-token",
  "/there-is-no-such-page",
  "/storefront/orion/products/00000000-0000-0000-0000-000000000000",
];

async function signIn(page: Page, loginPath: string, identifier: string, password: string, landed: RegExp) {
  await page.goto(loginPath);
  await page.getByLabel(/^Email( or username)?$/).fill(identifier);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(landed);
}

async function firstHref(page: Page, path: string, selector: string): Promise<string> {
  await page.goto(path);
  const href = await page.locator(selector).first().getAttribute("href");
  expect(href, `a link ${selector} on ${path}`).toBeTruthy();
  return href!;
}

/**
 * Signs `page`'s context in as the admin, the ACME owner and the ORION shopper (with a product
 * in the cart), and returns the pages behind those sign-ins.
 */
export async function signInEverywhere(page: Page): Promise<string[]> {
  const product = await firstHref(page, "/storefront/orion", 'a[href*="/storefront/orion/products/"]');
  await page.goto(product);
  await page.getByRole("button", { name: "Add to cart" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Added to your cart." })).toBeVisible();

  await signIn(page, "/admin/login", "admin", "admin123", /\/admin$/);
  await signIn(page, "/store/acme/login", "store_owner", "store123", /\/store\/acme$/);
  await signIn(
    page,
    "/storefront/orion/account/login",
    "customer@example.com",
    "customer123",
    /\/storefront\/orion\/account$/,
  );

  // A saved address, so the Addresses page shows one address's form above the new one's.
  await page.goto("/storefront/orion/account/addresses");
  if ((await page.getByRole("button", { name: /^Save address/ }).count()) === 0) {
    const form = page.getByRole("form", { name: "New address" });
    await form.getByLabel("Full name").fill("Olivia Example");
    await form.getByLabel("Street and number").fill("1 Rue de la Gare");
    await form.getByLabel("Postal code").fill("1611");
    await form.getByLabel("City").fill("Luxembourg");
    await form.getByLabel("Country code").fill("LU");
    await form.getByRole("button", { name: "Add address" }).click();
    await expect(form.getByRole("status")).toHaveText("Address added.");
    // The list is shown again only by a new visit (the action does not refresh the page).
    await page.reload();
    await expect(page.getByRole("heading", { name: "Olivia Example, Luxembourg" })).toBeVisible();
  }

  const adminStore = await firstHref(page, "/admin/stores", 'a[href^="/admin/stores/"]:not([href$="/new"])');
  const storeProduct = await firstHref(
    page,
    "/store/acme/products",
    'a[href^="/store/acme/products/"]:not([href$="/new"])',
  );
  const storeOrder = await firstHref(page, "/store/acme/orders", 'a[href^="/store/acme/orders/"]');
  const storeCustomer = await firstHref(page, "/store/acme/customers", 'a[href^="/store/acme/customers/"]');
  const shopOrder = await firstHref(
    page,
    "/storefront/orion/account/orders",
    'a[href^="/storefront/orion/account/orders/"]',
  );
  return [
    "/admin",
    "/admin/stores",
    "/admin/stores/new",
    adminStore,
    "/admin/users",
    "/admin/audit",
    "/admin/locks",
    "/admin/outbox",
    "/admin/security",
    "/admin/sessions",
    "/store/acme",
    "/store/acme/products",
    "/store/acme/products/new",
    storeProduct,
    "/store/acme/orders",
    storeOrder,
    "/store/acme/customers",
    storeCustomer,
    "/store/acme/team",
    "/store/acme/settings",
    "/store/acme/audit",
    "/store/acme/mail",
    "/store/acme/security",
    product,
    "/storefront/orion/cart",
    "/storefront/orion/checkout",
    "/storefront/orion/account",
    "/storefront/orion/account/orders",
    shopOrder,
    "/storefront/orion/account/profile",
    "/storefront/orion/account/addresses",
    "/storefront/orion/account/wishlist",
    "/storefront/orion/account/password",
    "/storefront/orion/account/sign-in-methods",
    "/storefront/orion/account/two-factor",
    "/storefront/orion/account/sessions",
  ];
}

export type Sites = { signedOut: BrowserContext; signedIn: BrowserContext; memberPages: string[] };

/** A signed-out context and a context signed in to all three areas, with the pages of each. */
export async function openSites(browser: Browser, baseURL: string): Promise<Sites> {
  const signedOut = await browser.newContext({ baseURL });
  const signedIn = await browser.newContext({ baseURL });
  const page = await signedIn.newPage();
  const memberPages = await signInEverywhere(page);
  await page.close();
  return { signedOut, signedIn, memberPages };
}

/** Chooses the colour scheme as the toggle does, by its cookie. */
export async function setScheme(context: BrowserContext, baseURL: string, scheme: "light" | "dark") {
  await context.addCookies([{ name: "theme", value: scheme, url: baseURL }]);
}
