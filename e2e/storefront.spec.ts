// The shopper's journeys in Chromium against the production build (README › Architecture; README › Tokens, cookies and sessions): the three
// ways to reach a store, cookies scoped to each, the cart across sign-in, checkout, two
// stores with one email, cookie isolation between areas, theming and screenshots.
import { testPort } from "../tests/support/ports";
import {
  type APIRequestContext,
  type BrowserContext,
  type Page,
  type Request,
  expect,
  test,
} from "@playwright/test";
import { signIn } from "./support/sign-in";

const port = testPort("ORION_E2E_PORT", 3102);
const platform = `http://127.0.0.1:${port}`;

type Method = "domain" | "subdomain" | "path";
type Form = { method: Method; host: string; origin: string; base: string; cookiePath: string };

const FORMS: Form[] = [
  {
    method: "domain",
    host: "orion.lu",
    origin: `http://orion.lu:${port}`,
    base: "/storefront",
    cookiePath: "/storefront",
  },
  {
    method: "subdomain",
    host: "orion.localhost",
    origin: `http://orion.localhost:${port}`,
    base: "/storefront",
    cookiePath: "/storefront",
  },
  {
    method: "path",
    host: "127.0.0.1",
    origin: platform,
    base: "/storefront/orion",
    cookiePath: "/storefront/orion",
  },
];
const pathForm = (slug: string): Form => ({
  method: "path",
  host: "127.0.0.1",
  origin: platform,
  base: `/storefront/${slug}`,
  cookiePath: `/storefront/${slug}`,
});
const url = (form: Form, rest = "") => `${form.origin}${form.base}${rest}`;

const PASSWORD = "amber canal ferry lantern";
const uniqueEmail = (tag: string) =>
  `e2e-${tag}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.com`;

/** A customer made over the API, so a test can start from the sign-in page. */
async function registerOverApi(request: APIRequestContext, slug: string, email: string, firstName = "Sam") {
  const res = await request.post(`${platform}/api/v1/storefront/${slug}/auth/register`, {
    data: {
      first_name: firstName,
      last_name: "Shopper",
      email,
      password: PASSWORD,
      marketing_consent: false,
    },
  });
  expect(res.status(), await res.text()).toBe(201);
}

async function registerInBrowser(page: Page, form: Form, email: string, firstName: string) {
  await page.goto(url(form, "/account/register"));
  await expect(page.getByRole("heading", { name: "Create your Orion Outfitters account" })).toBeVisible();
  await page.getByLabel("First name").fill(firstName);
  await page.getByLabel("Last name").fill("Shopper");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Phone (optional)").fill("+352 621 000 000");
  await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
  await page.getByLabel("Repeat the password").fill(PASSWORD);
  await page.getByRole("checkbox", { name: /Send me news/ }).check();
  await page.getByRole("button", { name: "Create account" }).click();
}

async function customerSignIn(page: Page, form: Form, email: string, password = PASSWORD) {
  await page.goto(url(form, "/account/login"));
  await signIn(page, email, password);
  await expect(page).toHaveURL(url(form, "/account"));
}

async function cookiesNamed(context: BrowserContext, name: string) {
  return (await context.cookies()).filter((c) => c.name === name);
}

/** Every link of the page keeps the form of address the visitor came by. */
async function expectLinksInForm(page: Page, form: Form) {
  const hrefs = await page
    .locator("a[href]")
    .evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? ""));
  expect(hrefs.length).toBeGreaterThan(5);
  for (const href of hrefs) {
    if (href.startsWith("#")) continue; // within the page: the skip link to its content
    expect(href.startsWith(form.base), href).toBe(true);
    if (form.method !== "path") expect(href, href).not.toMatch(/^\/storefront\/orion(\/|$)/);
  }
}

/** The `cookie` header of the page request for `path`, as the browser really sent it. */
async function cookieHeaderOf(page: Page, path: string): Promise<string> {
  const sent: Promise<string>[] = [];
  const listener = (request: Request) => {
    if (request.isNavigationRequest() && new URL(request.url()).pathname === path) {
      sent.push(request.allHeaders().then((h) => h.cookie ?? ""));
    }
  };
  page.on("request", listener);
  const response = await page.goto(`${platform}${path}`);
  page.off("request", listener);
  expect(response?.status(), path).toBe(200);
  expect(sent.length, path).toBeGreaterThan(0);
  return sent[0]!;
}

const cookieNames = (header: string) =>
  header
    .split(/;\s*/)
    .map((pair) => pair.split("=")[0])
    .filter(Boolean);

for (const form of FORMS) {
  test(`${form.method}: a new customer registers, gets a cookie for ${form.host}${form.cookiePath} only, signs out and in again`, async ({
    page,
    context,
  }) => {
    const email = uniqueEmail(form.method);
    const firstName = `Reg${form.method}`;
    await registerInBrowser(page, form, email, firstName);

    await expect(page).toHaveURL(url(form, "/account?welcome=1"));
    await expect(page.getByRole("heading", { name: `Hello, ${firstName}` })).toBeVisible();
    await expect(page.getByTestId("customer-number")).toHaveText(/^ORION-\d{6}$/);
    await expect(page.getByTestId("order-count")).toHaveText("0");
    await expect(page.getByTestId("signed-in-as")).toHaveText(email);
    const tokens = await cookiesNamed(context, "customer_token");
    expect(tokens).toHaveLength(1);
    expect(tokens[0]).toMatchObject({
      path: form.cookiePath,
      domain: form.host,
      httpOnly: true,
      sameSite: "Lax",
    });
    for (const cookie of await context.cookies()) expect(cookie.domain, cookie.name).not.toMatch(/^\./);
    await expectLinksInForm(page, form);

    // Sign out through the confirmation dialog.
    await page.getByRole("button", { name: "Sign out" }).click();
    const dialog = page.getByRole("dialog", { name: "Sign out?" });
    await expect(dialog.getByRole("heading", { name: "Sign out?" })).toBeVisible();
    await dialog.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(url(form, "/account/login?signed_out=1"));
    await expect(page.getByRole("status").filter({ hasText: "You have been signed out." })).toBeVisible();
    expect((await cookiesNamed(context, "customer_token")).filter((c) => c.path === form.cookiePath)).toEqual(
      [],
    );
    const account = await page.goto(url(form, "/account"));
    expect(new URL(account!.url()).pathname).toBe(`${form.base}/account/login`);

    // The sign-in page: the store's branding beside the form.
    const brand = page
      .locator("section")
      .filter({ has: page.getByRole("heading", { level: 1, name: "Orion Outfitters" }) });
    const formColumn = page.locator("section").filter({ has: page.getByRole("button", { name: "Sign in" }) });
    const [b, f] = [await brand.boundingBox(), await formColumn.boundingBox()];
    expect(b && f && b.x + b.width <= f.x + 1 && Math.abs(b.y - f.y) < 2, "two columns side by side").toBe(
      true,
    );
    await expectLinksInForm(page, form);
    await signIn(page, email, PASSWORD);
    await expect(page).toHaveURL(url(form, "/account"));
    await expect(page.getByRole("heading", { name: `Hello, ${firstName}` })).toBeVisible();
    expect((await cookiesNamed(context, "customer_token")).map((c) => c.path)).toEqual([form.cookiePath]);
  });
}

for (const form of [FORMS[2]!, FORMS[0]!]) {
  test(`${form.method}: a cart filled anonymously survives sign-in, checkout places the order and the store owner sees it`, async ({
    page,
    browser,
    request,
  }) => {
    const email = uniqueEmail(`cart-${form.method}`);
    await registerOverApi(request, "orion", email, "Carla");

    await page.goto(url(form, "?q=Beanie"));
    await page.getByRole("link", { name: /Galaxy Beanie/ }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Galaxy Beanie" })).toBeVisible();
    await page.getByRole("button", { name: "Add to cart" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Added to your cart." })).toBeVisible();
    await page.getByRole("navigation", { name: "Shop" }).getByRole("link", { name: "Cart" }).click();
    await expect(page.getByRole("row").filter({ hasText: "Galaxy Beanie" })).toBeVisible();
    await expect(page.getByTestId("cart-total")).toHaveText(/24/);

    await page.getByRole("link", { name: "Checkout" }).click();
    await expect(page).toHaveURL(
      url(form, `/account/login?next=${encodeURIComponent(`${form.base}/checkout`)}`),
    );
    await signIn(page, email, PASSWORD);
    await expect(page).toHaveURL(url(form, "/checkout"));
    await expect(page.getByText("1 × Galaxy Beanie")).toBeVisible();

    await page.getByLabel("Full name").fill("Carla Shopper");
    await page.getByLabel("Street and number").fill("12 Rue du Marché");
    await page.getByLabel("Postal code").fill("L-1111");
    await page.getByLabel("City").fill("Luxembourg");
    await page.getByLabel("Country code").fill("LU");
    await page.getByRole("button", { name: "Place order" }).click();
    const thanks = page.getByText(/Thank you! Your order ORION-\d{6} is placed/);
    await expect(thanks).toBeVisible();
    await expect(page).toHaveURL(new RegExp(`^${url(form, "/account/orders/")}[0-9a-f-]{36}\\?placed=1$`));
    const orderNumber = (await thanks.textContent())!.match(/ORION-\d{6}/)![0];
    await expect(page.getByRole("heading", { name: `Order ${orderNumber}` })).toBeVisible();

    await page.goto(url(form, "/account/orders"));
    await expect(page.getByRole("link", { name: orderNumber })).toBeVisible();
    await page.goto(url(form, "/cart"));
    await expect(page.getByText("Your cart is empty.")).toBeVisible();

    const owner = await browser.newContext();
    try {
      const ownerPage = await owner.newPage();
      await ownerPage.goto(`${platform}/store/orion/login`);
      await signIn(ownerPage, "store_owner", "store123");
      await expect(ownerPage).toHaveURL(`${platform}/store/orion`);
      await ownerPage.goto(`${platform}/store/orion/orders`);
      await expect(ownerPage.getByRole("link", { name: orderNumber })).toBeVisible();
    } finally {
      await owner.close();
    }
  });
}

test("registration refuses a common password with the reason under the field, then takes a passphrase", async ({
  page,
  context,
}) => {
  const form = pathForm("orion");
  const email = uniqueEmail("weak");
  await page.goto(url(form, "/account/register"));
  await page.getByLabel("First name").fill("Wes");
  await page.getByLabel("Last name").fill("Weak");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password", { exact: true }).fill("password1234");
  await page.getByLabel("Repeat the password").fill("password1234");
  await page.getByRole("button", { name: "Create account" }).click();

  const password = page.getByLabel("Password", { exact: true });
  await expect(page.locator("#field-password-error")).toHaveText(
    "This password is too easy to guess. This is similar to a commonly used password.",
  );
  await expect(password).toHaveAttribute("aria-invalid", "true");
  await expect(password).toHaveValue("");
  await expect(page.getByLabel("Email")).toHaveValue(email);
  expect(await page.content()).not.toContain("password1234");
  expect(await cookiesNamed(context, "customer_token")).toEqual([]);

  await password.fill(PASSWORD);
  await page.getByLabel("Repeat the password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(url(form, "/account?welcome=1"));
  await expect(page.getByRole("heading", { name: "Hello, Wes" })).toBeVisible();
});

test("one email at two stores: two cookies side by side, each account its own, passwords not shared", async ({
  page,
  context,
}) => {
  const orion = pathForm("orion");
  const acme = pathForm("acme");
  await page.goto(url(orion, "/account/login"));
  await signIn(page, "customer@example.com", "customer456");
  await expect(page.locator("form").getByRole("alert")).toHaveText("Invalid email or password");
  await expect(page).toHaveURL(url(orion, "/account/login"));
  expect(await cookiesNamed(context, "customer_token")).toEqual([]);

  await customerSignIn(page, orion, "customer@example.com", "customer123");
  await customerSignIn(page, acme, "customer@example.com", "customer456");
  const paths = (await cookiesNamed(context, "customer_token")).map((c) => c.path).sort();
  expect(paths).toEqual(["/storefront/acme", "/storefront/orion"]);

  await page.goto(url(orion, "/account"));
  await expect(page.getByTestId("customer-number")).toHaveText("ORION-000001");
  await expect(page.locator("header")).toContainText("Orion Outfitters");
  await page.goto(url(acme, "/account"));
  await expect(page.getByTestId("customer-number")).toHaveText("ACME-000001");
  await expect(page.locator("header")).toContainText("ACME Supplies");
});

test("admin, store and customer cookies each go to their own area only", async ({ page, request }) => {
  const email = uniqueEmail("isolation");
  await registerOverApi(request, "acme", email);
  await page.goto(`${platform}/admin/login`);
  await signIn(page, "admin", "admin123");
  await expect(page).toHaveURL(`${platform}/admin`);
  await page.goto(`${platform}/store/acme/login`);
  await signIn(page, "store_owner", "store123");
  await expect(page).toHaveURL(`${platform}/store/acme`);
  await customerSignIn(page, pathForm("acme"), email);

  const admin = cookieNames(await cookieHeaderOf(page, "/admin"));
  expect(admin).toContain("admin_token");
  expect(admin).not.toContain("store_token");
  expect(admin).not.toContain("customer_token");
  const store = cookieNames(await cookieHeaderOf(page, "/store/acme"));
  expect(store).toContain("store_token");
  expect(store).not.toContain("admin_token");
  expect(store).not.toContain("customer_token");
  const customer = cookieNames(await cookieHeaderOf(page, "/storefront/acme/account"));
  expect(customer).toContain("customer_token");
  expect(customer).not.toContain("admin_token");
  expect(customer).not.toContain("store_token");
  await expect(page.getByRole("heading", { name: "Hello, Sam" })).toBeVisible();
});

test("an ORION customer's cookie forced onto ACME's path gets the 403 page, not ACME's data", async ({
  page,
  context,
  request,
}) => {
  const email = uniqueEmail("forced");
  await registerOverApi(request, "orion", email);
  await customerSignIn(page, pathForm("orion"), email);
  const [token] = await cookiesNamed(context, "customer_token");
  expect(token?.path).toBe("/storefront/orion");
  await context.addCookies([
    { name: "customer_token", value: token!.value, domain: "127.0.0.1", path: "/storefront/acme" },
  ]);

  const response = await page.goto(`${platform}/storefront/acme/account`);
  expect(response?.status()).toBe(403);
  await expect(page.getByText("403 · Forbidden")).toBeVisible();
  await expect(page.getByRole("heading", { name: "This area is not for your account" })).toBeVisible();
  await expect(page.getByTestId("customer-number")).toHaveCount(0);
  await expect(page.getByText(/ACME-\d{6}|Hello,/)).toHaveCount(0);
  // The same token still opens its own store's account.
  await page.goto(`${platform}/storefront/orion/account`);
  await expect(page.getByTestId("customer-number")).toHaveText(/^ORION-\d{6}$/);
});

test("unknown stores are 404, slugs end lower-case, and a custom domain serves only its own store", async ({
  page,
}) => {
  const unknown = await page.goto(`${platform}/storefront/nope/`);
  expect(unknown?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "There is nothing here" })).toBeVisible();

  const upper = await page.goto(`${platform}/storefront/ORION/`);
  expect(upper?.status()).toBe(200);
  expect(new URL(page.url()).pathname).toMatch(/^\/storefront\/orion\/?$/);
  await expect(page.getByRole("heading", { name: "Welcome to Orion Outfitters" })).toBeVisible();

  const foreign = await page.goto(`http://orion.lu:${port}/storefront/acme/account/login`);
  expect(foreign?.status()).toBe(404);
  await expect(page.getByText("There is nothing here")).toBeVisible();
  await expect(page.getByText("ACME Supplies")).toHaveCount(0);
});

test("each store wears its colours, dark mode survives a reload, and the catalog fits 360 px", async ({
  page,
}) => {
  const header = page.locator("header").first();
  await page.goto(`${platform}/storefront/orion`);
  await expect(header).toHaveCSS("background-color", "rgb(79, 70, 229)");
  await page.goto(`http://acme.localhost:${port}/storefront`);
  await expect(header).toHaveCSS("background-color", "rgb(220, 38, 38)");

  await page.goto(`${platform}/storefront/orion`);
  await expect(page.locator("html")).not.toHaveClass(/dark/);
  const lightBody = await page.locator("body").evaluate((b) => getComputedStyle(b).backgroundColor);
  await page.getByRole("button", { name: "Switch to dark mode" }).click();
  await expect(page.locator("html")).toHaveClass(/dark/);
  await page.reload();
  await expect(page.locator("html")).toHaveClass(/dark/);
  await expect(page.getByRole("button", { name: "Switch to light mode" })).toHaveAttribute(
    "aria-pressed",
    "true",
  );
  await expect(page.locator("body")).not.toHaveCSS("background-color", lightBody);

  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto(`${platform}/storefront/orion`);
  await expect(page.getByRole("heading", { name: "Welcome to Orion Outfitters" })).toBeVisible();
  expect(await page.evaluate(() => document.scrollingElement!.scrollWidth)).toBeLessThanOrEqual(360);
});

test("screenshots of the shop at 1280 and 360 px, light and dark, none scrolling sideways", async ({
  page,
  context,
}) => {
  test.setTimeout(120_000);
  const orion = pathForm("orion");
  await page.goto(url(orion, "?q=Beanie"));
  const productHref = await page.getByRole("link", { name: /Galaxy Beanie/ }).getAttribute("href");
  await page.goto(`${platform}${productHref}`);
  await page.getByRole("button", { name: "Add to cart" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Added to your cart." })).toBeVisible();

  const anonymous: Array<[string, string, string]> = [
    ["catalog", "", "Welcome to Orion Outfitters"],
    ["product", productHref!.slice(orion.base.length), "Galaxy Beanie"],
    ["cart", "/cart", "Your cart"],
    ["login", "/account/login", "Orion Outfitters"],
    ["register", "/account/register", "Create your Orion Outfitters account"],
  ];
  const member: Array<[string, string, string]> = [
    ["account", "/account", "Hello, Olivia"],
    ["orders", "/account/orders", "Your orders"],
  ];
  const shoot = async (pages: Array<[string, string, string]>, scheme: "light" | "dark", only?: string[]) => {
    for (const width of [1280, 360]) {
      await page.setViewportSize({ width, height: width === 360 ? 740 : 800 });
      for (const [name, rest, heading] of pages) {
        if (only && !only.includes(name)) continue;
        await page.goto(url(orion, rest));
        await expect(page.getByRole("heading", { name: heading }).first()).toBeVisible();
        const file = `test-results/screenshots/storefront-${name}-${width}${scheme === "dark" ? "-dark" : ""}.png`;
        await page.screenshot({ path: file, fullPage: true });
        // Every page, not only the catalog, must fit a phone without scrolling sideways.
        const scrollWidth = await page.evaluate(() => document.scrollingElement!.scrollWidth);
        expect.soft(scrollWidth, `${name} at ${width} px scrolls sideways`).toBeLessThanOrEqual(width);
      }
    }
  };
  await shoot(anonymous, "light");
  const setTheme = (value: "light" | "dark") =>
    context.addCookies([{ name: "theme", value, domain: "127.0.0.1", path: "/" }]);
  await setTheme("dark");
  await shoot(anonymous, "dark", ["catalog", "login"]);
  await setTheme("light");
  await page.setViewportSize({ width: 1280, height: 800 });
  await customerSignIn(page, orion, "customer@example.com", "customer123");
  await shoot(member, "light");
  await setTheme("dark");
  await shoot(member, "dark", ["account"]);
});
