// Temporary: screenshots of the pages changed for issue 16 items 5-7 (not committed).
import { mkdirSync } from "node:fs";
import { type Page, expect, test } from "@playwright/test";
import { signIn } from "./support/sign-in";

const DIR = "/tmp/x/shots";

test("shots", async ({ browser, baseURL }) => {
  test.setTimeout(600_000);
  mkdirSync(DIR, { recursive: true });
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  const setTheme = (theme: string) => context.addCookies([{ name: "theme", value: theme, url: baseURL! }]);
  const all = async (name: string, path: string, after?: (p: Page) => Promise<void>) => {
    for (const width of [1280, 360]) {
      await page.setViewportSize({ width, height: 800 });
      for (const theme of ["light", "dark"]) {
        await setTheme(theme);
        await page.goto(path);
        if (after) await after(page);
        await page.waitForTimeout(300);
        await page.screenshot({ path: `${DIR}/${name}-${theme}-${width}.png`, fullPage: !after });
      }
    }
  };
  await page.goto("/admin/login");
  await signIn(page, "admin", "admin123");
  await expect(page).toHaveURL(/\/admin$/, { timeout: 20_000 });
  await all("admin-users", "/admin/users");
  await all("admin-users-dialog", "/admin/users?q=acme_staff", async (p) => {
    await p.getByRole("button", { name: "Deactivate acme_staff" }).click();
    await expect(p.getByRole("dialog").getByRole("button", { name: "Cancel" })).toBeVisible();
  });
  await all("admin-audit", "/admin/audit");
  await all("admin-locks", "/admin/locks");
  await all("admin-store", "/admin/stores");
  await page.goto("/store/orion/login");
  await signIn(page, "store_owner", "store123");
  await expect(page).toHaveURL(/\/store\/orion$/, { timeout: 20_000 });
  await all("store-orders", "/store/orion/orders");
  await all("store-products", "/store/orion/products");
  await all("store-team", "/store/orion/team");
  await all("shop-product", "/storefront/orion?q=Beanie", async (p) => {
    await p.getByRole("link", { name: /Galaxy Beanie/ }).click();
    await p.getByRole("button", { name: "Add to cart" }).click();
    await expect(p.getByRole("status").filter({ hasText: "Added" })).toBeVisible();
  });
  await all("shop-cart", "/storefront/orion/cart");
  await all("shop-catalog", "/storefront/orion");
});
