// On a 360 px phone no page of the three areas scrolls sideways, and every table shows every
// column of every row (below `sm` a table's rows are stacked cards, the row's action last).
import { type Page, expect, test } from "@playwright/test";
import { SIGNED_OUT_PAGES, signInEverywhere } from "./support/site-pages";

const PHONE = { width: 360, height: 800 };

/** What sticks out: the page's own sideways scroll, and cells beyond the screen or clipped by their table. */
async function overflowOf(page: Page) {
  return page.evaluate(() => {
    const width = window.innerWidth;
    const problems: string[] = [];
    if (document.scrollingElement!.scrollWidth > width)
      problems.push(`page is ${document.scrollingElement!.scrollWidth}px wide`);
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

/** Every page in `paths` fits: the failure lists each page with what sticks out. */
async function expectFits(page: Page, paths: string[]) {
  const problems: string[] = [];
  for (const path of paths) {
    await page.goto(path);
    for (const problem of await overflowOf(page)) problems.push(`${path}: ${problem}`);
  }
  expect(problems).toEqual([]);
}

test.use({ viewport: PHONE });

test("every signed-out page fits a 360 px phone", async ({ page }) => {
  test.setTimeout(180_000);
  await expectFits(page, SIGNED_OUT_PAGES);
});

test("every page of the admin console, the store dashboard and the shopper's account fits a 360 px phone", async ({
  page,
}) => {
  test.setTimeout(300_000);
  await expectFits(page, await signInEverywhere(page));
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
