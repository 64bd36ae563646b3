// A store owner adds pictures to a product in Chromium: preview, upload, main picture, and
// the shop of that store (and only that one) shows them on the catalog and the product page.
import { type Page, expect, test } from "@playwright/test";
import sharp from "sharp";

const suffix = () => Math.random().toString(36).slice(2, 8);

async function signInToAcme(page: Page): Promise<void> {
  await page.goto("/store/acme/login");
  await page.getByLabel("Email or username").fill("store_owner");
  await page.getByLabel("Password", { exact: true }).fill("store123");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/store\/acme$/);
}

const picture = (format: "png" | "jpeg", colour: string) =>
  sharp({ create: { width: 800, height: 800, channels: 3, background: colour } })
    [format]()
    .toBuffer();

/** Every <img> of the page whose address contains `needle`, loaded with real pixels. */
async function loadedImages(page: Page, needle: string): Promise<number> {
  const images = page.locator(`img[src*="${needle}"]`);
  await expect(images.first()).toBeVisible();
  return images.evaluateAll(
    (els) => (els as HTMLImageElement[]).filter((img) => img.complete && img.naturalWidth > 0).length,
  );
}

test("pictures uploaded through the product form show on that store's catalog and product page only", async ({
  page,
}) => {
  await signInToAcme(page);
  const name = `E2E Pictured Kettle ${suffix()}`;
  await page.goto("/store/acme/products/new");
  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByLabel("Price").fill("19.90");
  await page.getByLabel("Stock").fill("4");
  await page.getByRole("button", { name: "Create product" }).click();
  await expect(page).toHaveURL(/\/store\/acme\/products\/[0-9a-f-]{36}\?saved=1$/);
  const productId = /products\/([0-9a-f-]{36})/.exec(page.url())![1]!;

  const add = page.getByRole("form", { name: "Add a picture" });
  await add.getByLabel("Add a picture").setInputFiles({
    name: "kettle.png",
    mimeType: "image/png",
    buffer: await picture("png", "#1d4ed8"),
  });
  await expect(add.getByRole("img", { name: "Preview of the chosen file" })).toBeVisible();
  await add.getByLabel("Description (alt text)").fill("Blue kettle, front");
  await add.getByRole("button", { name: "Upload picture" }).click();
  await expect(page.getByRole("listitem", { name: "Picture 1" })).toBeVisible();
  await expect(page.getByRole("img", { name: "Blue kettle, front" })).toBeVisible();
  await expect(page.getByRole("listitem", { name: "Picture 1" })).toContainText("Main picture");

  await page
    .getByRole("form", { name: "Add a picture" })
    .getByLabel("Add a picture")
    .setInputFiles({ name: "kettle.jpg", mimeType: "image/jpeg", buffer: await picture("jpeg", "#b91c1c") });
  await page
    .getByRole("form", { name: "Add a picture" })
    .getByLabel("Description (alt text)")
    .fill("Red kettle, side");
  await page.getByRole("button", { name: "Upload picture" }).click();
  const second = page.getByRole("listitem", { name: "Picture 2" });
  await expect(second.getByRole("img", { name: "Red kettle, side" })).toBeVisible();
  await second.getByRole("button", { name: "Make main picture" }).click();
  await expect(second).toContainText("Main picture");
  await expect(page.getByRole("listitem", { name: "Picture 1" })).not.toContainText("Main picture");

  // The shop: the card shows the main (red JPEG) picture, the product page both.
  await page.goto(`/storefront/acme?q=${encodeURIComponent(name)}`);
  const card = page.getByRole("link", { name: new RegExp(name) });
  await expect(card.getByRole("img", { name: "Red kettle, side" })).toBeVisible();
  expect(await loadedImages(page, "/storefront/acme/images/")).toBeGreaterThan(0);
  await card.click();
  await expect(page).toHaveURL(new RegExp(`/storefront/acme/products/${productId}$`));
  await expect(page.getByRole("img", { name: "Red kettle, side" })).toBeVisible();
  await page.getByRole("button", { name: /Show picture 2 of 2: Blue kettle, front/ }).click();
  await expect(page.getByRole("img", { name: "Blue kettle, front" }).first()).toBeVisible();
  expect(await loadedImages(page, "/storefront/acme/images/")).toBeGreaterThanOrEqual(2);

  // The other store knows nothing of them.
  await page.goto(`/storefront/orion?q=${encodeURIComponent(name)}`);
  await expect(page.getByText("No products found.")).toBeVisible();
  await expect(page.locator('img[src*="/storefront/acme/"]')).toHaveCount(0);
  const elsewhere = await page.request.get(
    (await page.evaluate(() => location.origin)) + `/storefront/orion/products/${productId}`,
  );
  expect(elsewhere.status()).toBe(404);
});

test("the picture form refuses a renamed program, a text file and a file over 5 MB with the reason", async ({
  page,
}) => {
  await signInToAcme(page);
  await page.goto("/store/acme/products");
  await page.getByRole("row").nth(1).getByRole("link").first().click();
  await expect(page).toHaveURL(/\/store\/acme\/products\/[0-9a-f-]{36}$/);
  const add = page.getByRole("form", { name: "Add a picture" });
  const pictures = page.getByRole("listitem", { name: /^Picture \d+$/ });
  const before = await pictures.count();

  for (const [file, reason] of [
    [
      {
        name: "cute-cat.png",
        mimeType: "image/png",
        buffer: Buffer.from("MZ\x90\x00\x03 a Windows program", "latin1"),
      },
      "This file is not an image Orion accepts: upload a JPEG, PNG or WebP file.",
    ],
    [
      { name: "notes.jpg", mimeType: "image/jpeg", buffer: Buffer.from("shopping list: milk, eggs\n") },
      "This file is not an image Orion accepts: upload a JPEG, PNG or WebP file.",
    ],
  ] as const) {
    await add.getByLabel("Add a picture").setInputFiles(file);
    await add.getByRole("button", { name: "Upload picture" }).click();
    await expect(add.getByRole("alert")).toHaveText(reason);
  }

  // Over 5 MB: said at once, before anything is sent.
  const big = Buffer.concat([await picture("png", "#15803d"), Buffer.alloc(5 * 1024 * 1024)]);
  await add
    .getByLabel("Add a picture")
    .setInputFiles({ name: "huge.png", mimeType: "image/png", buffer: big });
  await expect(add.getByText("This file is larger than 5 MB. Choose a smaller image.")).toBeVisible();
  expect(
    await add.getByLabel("Add a picture").evaluate((el) => (el as HTMLInputElement).validity.valid),
  ).toBe(false);
  await expect(pictures).toHaveCount(before);
});
