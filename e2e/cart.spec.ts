// The cart is present in the shop (issue 16): a count in the header, a toast after "Add to
// cart" with View cart and Checkout that leaves the buy box where it was, thumbnails, a −/+
// stepper and Remove in the cart; without JavaScript the same forms still work.
import { type Page, expect, test } from "@playwright/test";

const SHOP = "/storefront/orion";
const PRODUCT = "Galaxy Beanie";

const cartCount = (page: Page) =>
  page.getByRole("navigation", { name: "Shop" }).getByRole("link", { name: /^Cart/ });

async function openProduct(page: Page) {
  await page.goto(`${SHOP}?q=Beanie`);
  await page.getByRole("link", { name: new RegExp(PRODUCT) }).click();
  await expect(page.getByRole("heading", { level: 1, name: PRODUCT })).toBeVisible();
}

test("count, toast, thumbnail, stepper and Remove, with JavaScript", async ({ page }) => {
  await openProduct(page);
  await expect(cartCount(page)).toHaveAccessibleName("Cart, 0 items");

  const buyBox = page.getByRole("form", { name: "Add to cart" });
  const before = await buyBox.boundingBox();
  await page.getByRole("button", { name: "Add to cart" }).click();
  const toast = page.getByRole("status").filter({ hasText: "Added to your cart." });
  await expect(toast).toBeVisible();
  await expect(toast.getByRole("link", { name: "View cart" })).toBeVisible();
  await expect(toast.getByRole("link", { name: "Checkout" })).toHaveAttribute("href", `${SHOP}/checkout`);
  await expect(cartCount(page)).toHaveAccessibleName("Cart, 1 item");
  // The answer floats over the page: the buy box has not moved or grown.
  expect(await buyBox.boundingBox()).toEqual(before);

  await page.getByLabel("Quantity").fill("2");
  await page.getByRole("button", { name: "Add to cart" }).click();
  await expect(cartCount(page)).toHaveAccessibleName("Cart, 3 items");
  await toast.getByRole("button", { name: "Dismiss" }).click();
  await expect(toast).toHaveCount(0);
  // The field starts again at 1 after each addition; a new answer shows the toast again.
  await expect(page.getByLabel("Quantity")).toHaveValue("1");
  await page.getByLabel("Quantity").fill("2");
  await page.getByRole("button", { name: "Add to cart" }).click();
  await expect(toast).toBeVisible();
  await expect(cartCount(page)).toHaveAccessibleName("Cart, 5 items");

  await toast.getByRole("link", { name: "View cart" }).click();
  await expect(page).toHaveURL(`${SHOP}/cart`);
  const row = page.getByRole("row").filter({ hasText: PRODUCT });
  // The product's own picture, at the thumbnail width.
  await expect(row.locator("img")).toHaveAttribute(
    "src",
    /\/storefront\/orion\/images\/[0-9a-f-]+\/160\.webp$/,
  );
  await expect
    .poll(() => row.locator("img").evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0))
    .toBe(true);
  const quantity = page.getByLabel(`Quantity of ${PRODUCT}`);
  await expect(quantity).toHaveValue("5");
  await expect(page.getByTestId("cart-total")).toHaveText(/120/);

  await page.getByRole("button", { name: `One ${PRODUCT} more` }).click();
  await expect(quantity).toHaveValue("6");
  await expect(page.getByTestId("cart-total")).toHaveText(/144/);
  await expect(cartCount(page)).toHaveAccessibleName("Cart, 6 items");
  // Each step posts the quantity it leads to; the next one is taken once the page shows it.
  await page.getByRole("button", { name: `One ${PRODUCT} less` }).click();
  await expect(quantity).toHaveValue("5");
  await page.getByRole("button", { name: `One ${PRODUCT} less` }).click();
  await expect(quantity).toHaveValue("4");
  await expect(page.getByTestId("cart-total")).toHaveText(/96/);

  await page.getByRole("button", { name: `Remove ${PRODUCT}` }).click();
  await expect(page.getByText("Your cart is empty.")).toBeVisible();
  await expect(cartCount(page)).toHaveAccessibleName("Cart, 0 items");
});

test("without JavaScript: Add to cart answers with the toast, the stepper and Remove post", async ({
  browser,
  baseURL,
}) => {
  const context = await browser.newContext({ baseURL, javaScriptEnabled: false });
  const page = await context.newPage();
  await openProduct(page);
  await page.getByRole("button", { name: "Add to cart" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Added to your cart." })).toBeVisible();
  await expect(cartCount(page)).toHaveAccessibleName("Cart, 1 item");

  await page.goto(`${SHOP}/cart`);
  await page.getByRole("button", { name: `One ${PRODUCT} more` }).click();
  await expect(page.getByLabel(`Quantity of ${PRODUCT}`)).toHaveValue("2");
  await expect(cartCount(page)).toHaveAccessibleName("Cart, 2 items");
  await page.getByRole("button", { name: `One ${PRODUCT} less` }).click();
  await expect(page.getByLabel(`Quantity of ${PRODUCT}`)).toHaveValue("1");
  await page.getByRole("button", { name: `Remove ${PRODUCT}` }).click();
  await expect(page.getByText("Your cart is empty.")).toBeVisible();
  await context.close();
});

test("the cart at 360 px: total and steppers in view, no sideways scroll", async ({ browser, baseURL }) => {
  const context = await browser.newContext({ baseURL, viewport: { width: 360, height: 800 } });
  const page = await context.newPage();
  await openProduct(page);
  await page.getByRole("button", { name: "Add to cart" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Added to your cart." })).toBeVisible();
  await page.goto(`${SHOP}/cart`);
  await expect(page.getByRole("button", { name: `One ${PRODUCT} more` })).toBeInViewport();
  await expect(page.getByTestId("cart-total")).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await context.close();
});
