// On a 360 px phone no page of the three areas scrolls sideways, and every table shows every
// column of every row (below `sm` a table's rows are stacked cards, the row's action last).
import { type Page, expect, test } from "@playwright/test";

const PHONE = { width: 360, height: 800 };

async function signIn(page: Page, loginPath: string, identifier: string, password: string, landed: RegExp) {
  await page.goto(loginPath);
  await page.getByLabel(/^Email( or username)?$/).fill(identifier);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(landed);
}

/** What sticks out: the page's own sideways scroll, and cells beyond the screen or clipped by their table. */
async function overflowOf(page: Page) {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const problems: string[] = [];
    if (document.documentElement.scrollWidth > width)
      problems.push(`page is ${document.documentElement.scrollWidth}px wide`);
    document.querySelectorAll("table").forEach((table, t) => {
      const box = table.parentElement!;
      if (box.scrollWidth > box.clientWidth + 1) problems.push(`table ${t} scrolls sideways`);
      table.querySelectorAll("tbody tr").forEach((row, r) => {
        const cells = row.querySelectorAll("td");
        const last = cells[cells.length - 1];
        if (!last) return;
        const rect = last.getBoundingClientRect();
        if (rect.width === 0 || rect.right > width + 1 || rect.left < -1)
          problems.push(
            `table ${t} row ${r}: last cell at ${Math.round(rect.left)}–${Math.round(rect.right)}`,
          );
      });
    });
    return problems;
  });
}

async function expectFits(page: Page, paths: string[]) {
  for (const path of paths) {
    const res = await page.goto(path);
    expect(res?.status(), path).toBe(200);
    expect(await overflowOf(page), path).toEqual([]);
  }
}

test.use({ viewport: PHONE });

test("admin console pages fit a 360 px phone", async ({ page }) => {
  await signIn(page, "/admin/login", "admin", "admin123", /\/admin$/);
  await expectFits(page, [
    "/admin",
    "/admin/stores",
    "/admin/users",
    "/admin/audit",
    "/admin/locks",
    "/admin/sessions",
  ]);
});

test("store dashboard pages fit a 360 px phone", async ({ page }) => {
  await signIn(page, "/store/acme/login", "store_owner", "store123", /\/store\/acme$/);
  await page.goto("/store/acme/orders");
  const order = await page.getByRole("link", { name: /ACME-/ }).first().getAttribute("href");
  await page.goto("/store/acme/customers");
  const customer = await page.locator('a[href*="/store/acme/customers/"]').first().getAttribute("href");
  await expectFits(page, [
    "/store/acme",
    "/store/acme/products",
    "/store/acme/orders",
    order!,
    "/store/acme/customers",
    customer!,
    "/store/acme/team",
    "/store/acme/settings",
    "/store/acme/audit",
    "/store/acme/security",
  ]);
});

test("shop and account pages fit a 360 px phone", async ({ page }) => {
  await page.goto("/storefront/orion");
  await page.locator('a[href*="/storefront/orion/products/"]').first().click();
  await page.getByRole("button", { name: "Add to cart" }).click();
  await signIn(
    page,
    "/storefront/orion/account/login",
    "customer@example.com",
    "customer123",
    /\/storefront\/orion\/account$/,
  );
  await page.goto("/storefront/orion/account/orders");
  const order = await page.locator('a[href*="/account/orders/"]').first().getAttribute("href");
  await expectFits(page, [
    "/storefront/orion",
    "/storefront/orion/cart",
    "/storefront/orion/account",
    "/storefront/orion/account/orders",
    order!,
    "/storefront/orion/account/addresses",
    "/storefront/orion/account/sessions",
    "/storefront/orion/account/wishlist",
  ]);
});

test("the seeds' account address leads to the account overview, by path and by the store's own hosts", async ({
  page,
  baseURL,
}) => {
  const port = new URL(baseURL!).port;
  // Signed out, it asks for the sign-in first and comes back to the account afterwards.
  for (const base of [
    `${baseURL}/storefront/orion`,
    `http://orion.localhost:${port}/storefront`,
    `http://orion.lu:${port}/storefront`,
  ]) {
    await page.goto(`${base}/account/dashboard`);
    await expect(page).toHaveURL(new RegExp(`^${base.replace(/[.]/g, "\\.")}/account/login\\?next=`));
    await page.getByLabel(/^Email$/).fill("customer@example.com");
    await page.getByLabel("Password", { exact: true }).fill("customer123");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(`${base}/account`);
    await page.goto(`${base}/account/dashboard`);
    await expect(page).toHaveURL(`${base}/account`);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  }
});
