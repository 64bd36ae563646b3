// The shared frame of the signed-in areas and the store's theme, in Chromium: on a 360 px phone
// each area's navigation is a menu opened from the keyboard (and still reachable without
// script); the checkout shows its total before "Place order"; an uploaded logo is the shop's
// header picture and favicon; the offered fonts come from the app's own origin under the same
// CSP; and tab titles carry the store's name.
import { type Page, expect, test } from "@playwright/test";
import sharp from "sharp";
import { signIn } from "./support/sign-in";

const PHONE = { width: 360, height: 800 };

async function signInAt(page: Page, loginPath: string, identifier: string, password: string, landed: RegExp) {
  await page.goto(loginPath);
  await signIn(page, identifier, password);
  await expect(page).toHaveURL(landed);
}

/** Opens the area's menu from the keyboard and checks each link is reachable by Tab. */
async function expectKeyboardMenu(page: Page, navName: string, labels: string[], current: string) {
  const nav = page.getByRole("navigation", { name: navName });
  const menu = nav.getByRole("button", { name: "Menu" });
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  const controlled = await menu.getAttribute("aria-controls");
  expect(controlled).toBeTruthy();
  await expect(page.locator(`[id="${controlled}"]`)).toBeHidden();
  await expect(nav.getByRole("link", { name: labels[0] })).toBeHidden();

  await menu.focus();
  await page.keyboard.press("Enter");
  await expect(menu).toHaveAttribute("aria-expanded", "true");
  await expect(page.locator(`[id="${controlled}"]`)).toBeVisible();
  for (const label of labels) {
    await page.keyboard.press("Tab");
    await expect(nav.getByRole("link", { name: label, exact: true })).toBeFocused();
  }
  await expect(nav.getByRole("link", { name: current, exact: true })).toHaveAttribute("aria-current", "page");
  await expect(nav.locator('[aria-current="page"]')).toHaveCount(1);

  // Escape closes it and gives the focus back to the button.
  await page.keyboard.press("Escape");
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  await expect(menu).toBeFocused();
  await page.keyboard.press("Space");
  await expect(menu).toHaveAttribute("aria-expanded", "true");
}

test.describe("at 360 px", () => {
  test.use({ viewport: PHONE });

  test("the admin console's navigation is a keyboard menu that follows its links", async ({ page }) => {
    await signInAt(page, "/admin/login", "admin", "admin123", /\/admin$/);
    await page.goto("/admin/users");
    await expectKeyboardMenu(
      page,
      "Admin",
      ["Dashboard", "Stores", "Users", "Audit log", "Locked accounts", "Outbox", "Security", "Your sessions"],
      "Users",
    );
    await page
      .getByRole("navigation", { name: "Admin" })
      .getByRole("link", { name: "Stores" })
      .press("Enter");
    await expect(page).toHaveURL(/\/admin\/stores$/);
    const menu = page.getByRole("navigation", { name: "Admin" }).getByRole("button", { name: "Menu" });
    await expect(menu).toHaveAttribute("aria-expanded", "false");
    await menu.click();
    await expect(
      page.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Stores" }),
    ).toHaveAttribute("aria-current", "page");
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  });

  test("the store dashboard's and the shopper account's navigation fold the same way", async ({ page }) => {
    await signInAt(page, "/store/acme/login", "store_owner", "store123", /\/store\/acme$/);
    await expectKeyboardMenu(
      page,
      "Store",
      ["Dashboard", "Products", "Orders", "Customers", "Team", "Settings", "Activity", "Mail"],
      "Dashboard",
    );

    await signInAt(
      page,
      "/storefront/orion/account/login",
      "customer@example.com",
      "customer123",
      /\/storefront\/orion\/account$/,
    );
    await page.goto("/storefront/orion/account/orders");
    await expectKeyboardMenu(
      page,
      "Account",
      [
        "Overview",
        "Orders",
        "Profile",
        "Addresses",
        "Wishlist",
        "Password",
        "Sign-in methods",
        "Two-factor",
        "Sessions",
      ],
      "Orders",
    );
  });

  test("without JavaScript the menu is a native disclosure whose links work", async ({ browser }) => {
    const context = await browser.newContext({ viewport: PHONE, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto("/admin/login");
    await signIn(page, "admin", "admin123");
    await expect(page).toHaveURL(/\/admin$/);
    const nav = page.getByRole("navigation", { name: "Admin" });
    await expect(nav.getByRole("link", { name: "Stores" })).toBeHidden();
    await nav.locator("summary", { hasText: "Menu" }).click();
    await nav.getByRole("link", { name: "Stores" }).click();
    await expect(page).toHaveURL(/\/admin\/stores$/);
    await expect(page.getByRole("heading", { level: 1, name: "Stores" })).toBeVisible();
    await context.close();
  });

  test("the checkout shows the summary and total above Place order", async ({ page }) => {
    await signInAt(
      page,
      "/storefront/orion/account/login",
      "customer@example.com",
      "customer123",
      /\/storefront\/orion\/account$/,
    );
    await page.goto("/storefront/orion?q=Beanie");
    await page.getByRole("link", { name: /Galaxy Beanie/ }).click();
    await page.getByRole("button", { name: "Add to cart" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Added to your cart." })).toBeVisible();
    await page.goto("/storefront/orion/checkout");
    const total = page.getByText(/^Total /);
    const place = page.getByRole("button", { name: "Place order" });
    await expect(total).toBeVisible();
    await expect(page.getByText(/× Galaxy Beanie/)).toBeVisible();
    const totalBox = (await total.boundingBox())!;
    const placeBox = (await place.boundingBox())!;
    expect(totalBox.y + totalBox.height).toBeLessThan(placeBox.y);
  });
});

test("at 1280 px the navigation is a plain row with the current page marked and no menu button", async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await signInAt(page, "/store/acme/login", "store_owner", "store123", /\/store\/acme$/);
  await page.goto("/store/acme/orders");
  const nav = page.getByRole("navigation", { name: "Store" });
  await expect(nav.getByRole("button", { name: "Menu" })).toBeHidden();
  await expect(nav.getByRole("link", { name: "Products" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Orders" })).toHaveAttribute("aria-current", "page");
  await expect(nav.getByRole("link", { name: "Dashboard" })).not.toHaveAttribute("aria-current", "page");
});

test("an uploaded logo is the shop's header picture and favicon; removing it restores the default", async ({
  page,
}) => {
  const png = await sharp({ create: { width: 300, height: 100, channels: 3, background: "#0a7d4b" } })
    .png()
    .toBuffer();
  await signInAt(page, "/store/acme/login", "store_owner", "store123", /\/store\/acme$/);
  await page.goto("/store/acme/settings");
  const upload = page.getByRole("form", { name: "Upload logo" });
  await upload.getByLabel(/Upload a logo|Replace the logo/).setInputFiles({
    name: "logo.png",
    mimeType: "image/png",
    buffer: png,
  });
  await upload.getByRole("button", { name: "Save logo" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Logo saved." })).toBeVisible();
  // The settings preview shows the real shop header with the logo.
  const preview = page.getByRole("figure", { name: "Preview" });
  await expect(preview.getByTestId("shop-logo")).toBeVisible();

  await page.goto("/storefront/acme");
  const logo = page.getByRole("banner").getByTestId("shop-logo");
  await expect(logo).toBeVisible();
  const src = await logo.getAttribute("src");
  expect(src).toMatch(/^\/storefront\/acme\/logo\/[0-9a-f-]{36}\/320\.webp$/);
  expect(await logo.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(300);
  const icon = await page.locator('link[rel="icon"]').getAttribute("href");
  expect(icon).toMatch(/^\/storefront\/acme\/logo\/[0-9a-f-]{36}\/160\.webp$/);
  expect((await page.request.get(icon!)).headers()["content-type"]).toBe("image/webp");

  // Removal is a danger action, styled apart from ACME's red brand buttons.
  await page.goto("/store/acme/settings");
  const remove = page.getByRole("button", { name: "Remove logo" });
  const save = page.getByRole("button", { name: "Save settings" });
  const look = (b: typeof remove) =>
    b.evaluate((el) => ({
      bg: getComputedStyle(el).backgroundColor,
      border: getComputedStyle(el).borderStyle,
    }));
  expect(await look(remove)).not.toEqual(await look(save));
  await expect(remove).toContainText("⚠");
  await remove.click();
  await expect(page.getByRole("status").filter({ hasText: "Logo removed." })).toBeVisible();
  await page.goto("/storefront/acme");
  await expect(page.getByTestId("shop-logo")).toHaveCount(0);
  await expect(page.locator('link[rel="icon"]')).toHaveAttribute("href", "/favicon.svg");
  expect((await page.request.get("/favicon.svg")).status()).toBe(200);
});

test("the shop's font is a file from its own origin, under the unchanged font-src 'self'", async ({
  page,
}) => {
  const fonts: Array<{ url: string; status: number }> = [];
  page.on("response", (res) => {
    if (res.request().resourceType() === "font") fonts.push({ url: res.url(), status: res.status() });
  });
  const violations: string[] = [];
  page.on("console", (msg) => {
    if (/Content Security Policy/i.test(msg.text())) violations.push(msg.text());
  });
  // ORION's theme font is Inter.
  const res = await page.goto("/storefront/orion");
  const csp = res!.headers()["content-security-policy"]!;
  expect(csp).toContain("font-src 'self'");
  expect(csp).not.toMatch(/font-src[^;]*(https?:|data:|\*)/);
  const loaded = await page.evaluate(async () => {
    await document.fonts.ready;
    return [...document.fonts].filter((f) => f.status === "loaded").map((f) => f.family.replace(/"/g, ""));
  });
  expect(loaded).toContain("Inter");
  expect(
    await page.evaluate(() => getComputedStyle(document.querySelector("[data-shop]")!).fontFamily),
  ).toMatch(/^"?Inter"?,/);
  expect(fonts.length).toBeGreaterThan(0);
  const origin = new URL(page.url()).origin;
  for (const font of fonts) {
    expect(new URL(font.url).origin).toBe(origin);
    expect(new URL(font.url).pathname).toMatch(/^\/_next\/static\/media\/.+\.woff2$/);
    expect(font.status).toBe(200);
  }
  expect(violations).toEqual([]);
});

test("tab titles carry the store's name in the shop and in its dashboard", async ({ page }) => {
  await page.goto("/storefront/orion?q=Beanie");
  await expect(page).toHaveTitle("Shop · Orion Outfitters");
  await page.getByRole("link", { name: /Galaxy Beanie/ }).click();
  await expect(page).toHaveTitle("Galaxy Beanie · Orion Outfitters");
  await page.goto("/storefront/acme");
  await expect(page).toHaveTitle("Shop · ACME Supplies");

  await signInAt(page, "/store/acme/login", "store_owner", "store123", /\/store\/acme$/);
  await expect(page).toHaveTitle("Store dashboard · ACME Supplies · Orion");
  await page.goto("/store/acme/orders");
  await expect(page).toHaveTitle("Orders · ACME Supplies · Orion");
  // Another store's dashboard (not signed in there: its sign-in page) names that store.
  await page.goto("/store/orion/orders");
  await expect(page).toHaveTitle(/ · Orion Outfitters · Orion$/);
});
