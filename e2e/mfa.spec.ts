// Two-factor sign-in in a real browser: a store owner sets it up from the Security page (QR
// code and key, confirming code, recovery codes), signs in again through the code page, then
// with a recovery code; a shopper does the same on the storefront.
import { randomBytes } from "node:crypto";
import { type Page, expect, test } from "@playwright/test";
import { generate } from "otplib";

const PERIOD = 30;
const SCREENSHOTS = "test-results/screenshots";
const codeAt = (secret: string, offset = 0) =>
  generate({ secret, epoch: Math.floor(Date.now() / 1000) + offset * PERIOD });

async function signIn(
  page: Page,
  loginPath: string,
  login: string,
  password: string,
  label = "Email or username",
) {
  await page.goto(loginPath);
  await page.getByLabel(label).fill(login);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** Sets up two-factor on the open settings card; returns the key and the recovery codes shown. */
async function setUpTwoFactor(page: Page, password: string): Promise<{ secret: string; codes: string[] }> {
  await page.getByRole("form", { name: "Set up two-factor" }).getByLabel("Your password").fill(password);
  await page.getByRole("button", { name: "Set up two-factor sign-in" }).click();
  await expect(page.getByRole("img", { name: "QR code for your authenticator app" })).toBeVisible();
  await page.screenshot({
    path: `${SCREENSHOTS}/two-factor-setup-${new URL(page.url()).pathname.split("/")[1]}.png`,
    fullPage: true,
  });
  const secret = (await page.getByTestId("totp-secret").textContent())!.replace(/\s/g, "");
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);
  await page.getByLabel("Code from your app").fill(await codeAt(secret));
  await page.getByRole("button", { name: "Turn on two-factor sign-in" }).click();
  const list = page.getByRole("list", { name: "Recovery codes" });
  await expect(list.getByRole("listitem")).toHaveCount(10);
  const codes = (await list.getByRole("listitem").allTextContents()).map((c) => c.trim());
  await page.getByRole("button", { name: "I have saved them" }).click();
  await expect(page.getByText("Two-factor sign-in is on")).toBeVisible();
  return { secret, codes };
}

test("a store owner turns on two-factor and signs in with a code, then with a recovery code", async ({
  page,
  request,
}) => {
  const id = randomBytes(3).toString("hex");
  const owner = {
    username: `owner_${id}`,
    email: `owner_${id}@shop.test`,
    password: "violet harbour engine seven",
  };
  const slug = `twofa-${id}`;
  const admin = await (
    await request.post("/api/v1/admin/auth/login", {
      data: { email_or_username: "admin", password: "admin123" },
    })
  ).json();
  const created = await request.post("/api/v1/admin/stores", {
    headers: { authorization: `Bearer ${admin.access_token}` },
    data: { code: `TF${id.toUpperCase()}`, slug, name: "Two-factor shop", owner },
  });
  expect(created.status()).toBe(201);

  await signIn(page, `/store/${slug}/login`, owner.username, owner.password);
  await page.waitForURL(`**/store/${slug}`);
  await page.goto(`/store/${slug}/security`);
  const { secret, codes } = await setUpTwoFactor(page, owner.password);
  await expect(page.getByTestId("recovery-codes-left")).toHaveText("10");
  await page.screenshot({ path: `${SCREENSHOTS}/store-two-factor-on.png`, fullPage: true });

  // Sign out and back in: the password leads to the code page, not the dashboard.
  await page.context().clearCookies();
  await signIn(page, `/store/${slug}/login?next=/store/${slug}/team`, owner.username, owner.password);
  await page.waitForURL((url) => url.pathname === `/store/${slug}/login/mfa`);
  const pending = (await page.context().cookies()).map((c) => c.name);
  expect(pending).toContain("store_mfa");
  expect(pending).not.toContain("store_token");
  await page.screenshot({ path: `${SCREENSHOTS}/store-two-factor-step.png`, fullPage: true });
  await page.getByRole("textbox", { name: "Code", exact: true }).fill("000000");
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page.getByText("That code is not valid")).toBeVisible();
  await page.getByRole("textbox", { name: "Code", exact: true }).fill(await codeAt(secret, 1));
  await page.getByRole("button", { name: "Verify" }).click();
  await page.waitForURL((url) => url.pathname === `/store/${slug}/team`);
  const names = (await page.context().cookies()).map((c) => c.name);
  expect(names).toContain("store_token");
  expect(names).not.toContain("store_mfa");

  // Require it of the whole team, now that the owner has it.
  await page.getByRole("button", { name: "Require two-factor for everyone" }).click();
  await expect(page.getByText("Every member now signs in with two-factor.")).toBeVisible();

  // A recovery code in place of the app.
  await page.context().clearCookies();
  await signIn(page, `/store/${slug}/login`, owner.username, owner.password);
  await page.waitForURL((url) => url.pathname === `/store/${slug}/login/mfa`);
  await page.getByRole("textbox", { name: "Code", exact: true }).fill(codes[0]!.toLowerCase());
  await page.getByRole("button", { name: "Verify" }).click();
  await page.waitForURL((url) => url.pathname === `/store/${slug}`);
  await page.goto(`/store/${slug}/security`);
  await expect(page.getByTestId("recovery-codes-left")).toHaveText("9");
});

test("a shopper turns two-factor on and off on the storefront", async ({ page }) => {
  const email = `shopper-${randomBytes(4).toString("hex")}@example.com`;
  const password = "copper lantern meadow tide";
  await page.goto("/storefront/acme/account/register");
  await page.getByLabel("First name").fill("Tess");
  await page.getByLabel("Last name").fill("Factor");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByLabel("Repeat the password").fill(password);
  await page.getByRole("button", { name: "Create account" }).click();
  await page.waitForURL((url) => url.pathname === "/storefront/acme/account");

  await page.getByRole("navigation", { name: "Account" }).getByRole("link", { name: "Two-factor" }).click();
  const { secret, codes } = await setUpTwoFactor(page, password);

  await page.context().clearCookies();
  await signIn(page, "/storefront/acme/account/login", email, password, "Email");
  await page.waitForURL((url) => url.pathname === "/storefront/acme/account/login/mfa");
  await page.getByRole("textbox", { name: "Code", exact: true }).fill(await codeAt(secret, 1));
  await page.getByRole("button", { name: "Verify" }).click();
  await page.waitForURL((url) => url.pathname === "/storefront/acme/account");

  await page.goto("/storefront/acme/account/two-factor");
  const off = page.getByRole("form", { name: "Turn off two-factor" });
  await off.getByLabel("Password").fill(password);
  await off.getByLabel("Code from your app, or a recovery code").fill(await codeAt(secret, -1));
  await page.getByRole("button", { name: "Turn off two-factor sign-in" }).click();
  // The code of the previous step was older than the one used to sign in: refused, nothing changes.
  await expect(off.getByText("That code is not valid")).toBeVisible();
  await off.getByLabel("Password").fill(password);
  await off.getByLabel("Code from your app, or a recovery code").fill(codes[3]!);
  await page.getByRole("button", { name: "Turn off two-factor sign-in" }).click();
  await expect(page.getByText("Two-factor sign-in is off.")).toBeVisible();
});
