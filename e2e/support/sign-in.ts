// Steps shared by the browser specs (a spec file cannot import another spec file).
import type { Page } from "@playwright/test";

/** Fills the sign-in form already on screen (customer, store or admin: the same form). */
export async function signIn(page: Page, identifier: string, password: string) {
  await page.getByLabel(/^Email( or username)?$/).fill(identifier);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}
