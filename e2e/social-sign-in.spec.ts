// A shopper clicks "Continue with …" on ORION by custom domain, subdomain and path, signs in
// at a real OpenID Connect provider, and lands signed in on the shop's own host with the
// shop's cookie Path; the owner turns the provider off and on in the store's settings; a shopper
// connects and disconnects it on Sign-in methods; two-factor still asks for its code.
import { type Page, expect, test } from "@playwright/test";
import { type TestOidc, startOidcProvider } from "../tests/support/oidc";
import { testPort } from "../tests/support/ports";
import { type TestServer, publicUrlFor, startServer } from "../tests/support/server";
import { generate } from "otplib";
import { signIn } from "./support/sign-in";

const port = testPort("ORION_E2E_SOCIAL_PORT", 3182);
const oidcPort = testPort("ORION_E2E_OIDC_PORT", 3183);
const platform = publicUrlFor(port);

let server: TestServer;
let oidc: TestOidc;

test.beforeAll(async () => {
  oidc = await startOidcProvider(oidcPort, [
    {
      client_id: "orion-e2e",
      client_secret: "orion-e2e-secret",
      redirect_uris: [`${platform}/api/auth/callback/oidc`],
    },
  ]);
  server = await startServer({
    databaseUrl: process.env.ORION_E2E_DATABASE_URL!,
    port,
    env: {
      OIDC_ISSUER: oidc.issuer,
      OIDC_CLIENT_ID: "orion-e2e",
      OIDC_CLIENT_SECRET: "orion-e2e-secret",
      OIDC_NAME: "Orion ID",
    },
  });
});

test.afterAll(async () => {
  await server?.stop();
  await oidc?.stop();
});

const SHOPS = [
  {
    method: "custom domain",
    origin: `http://orion.lu:${port}`,
    base: "/storefront",
    host: "orion.lu",
    path: "/storefront",
  },
  {
    method: "subdomain",
    origin: `http://orion.localhost:${port}`,
    base: "/storefront",
    host: "orion.localhost",
    path: "/storefront",
  },
  {
    method: "path",
    origin: platform,
    base: "/storefront/orion",
    host: "localhost",
    path: "/storefront/orion",
  },
];

async function atProvider(page: Page, login: string) {
  await page.getByPlaceholder("Enter any login").fill(login);
  await page.getByPlaceholder("and password").fill("any password");
  await page.getByRole("button", { name: "Sign-in" }).click();
  await page.getByRole("button", { name: "Continue" }).click();
}

for (const shop of SHOPS) {
  test(`continues with the provider by ${shop.method} and lands signed in on that host`, async ({
    page,
    context,
  }) => {
    const email = `e2e-social-${shop.host}-${Date.now()}@example.com`;
    await page.goto(`${shop.origin}${shop.base}/account/login`);
    await page.getByRole("link", { name: "Continue with Orion ID" }).click();
    await expect(page).toHaveURL(new RegExp(`^${oidc.issuer}/`));
    await atProvider(page, email);
    await expect(page).toHaveURL(`${shop.origin}${shop.base}/account`);
    await expect(page.getByText("Ada", { exact: false }).first()).toBeVisible();
    const cookies = (await context.cookies()).filter((c) => c.name === "customer_token");
    expect(cookies).toHaveLength(1);
    expect(cookies[0]).toMatchObject({ domain: shop.host, path: shop.path, httpOnly: true, sameSite: "Lax" });
    // next-auth's own cookies stay on the platform host under /api/auth.
    for (const c of (await context.cookies()).filter((c) => c.name.startsWith("orion_oauth_"))) {
      expect(c).toMatchObject({ domain: "localhost", path: "/api/auth" });
    }
  });
}

test("the owner turns the provider off and on again in the store's settings", async ({ page }) => {
  await page.goto(`${platform}/store/orion/login`);
  await signIn(page, "store_owner", "store123");
  await expect(page).toHaveURL(`${platform}/store/orion`);
  await page.goto(`${platform}/store/orion/settings`);
  await page.getByRole("button", { name: "Turn off Orion ID" }).click();
  await expect(page.getByRole("button", { name: "Turn on Orion ID" })).toBeVisible();
  const shopper = await page.context().browser()!.newPage();
  await shopper.goto(`http://orion.lu:${port}/storefront/account/login`);
  await expect(shopper.getByRole("heading", { name: "Sign in" })).toBeVisible();
  await expect(shopper.getByRole("link", { name: "Continue with Orion ID" })).toHaveCount(0);
  await page.getByRole("button", { name: "Turn on Orion ID" }).click();
  await expect(page.getByRole("button", { name: "Turn off Orion ID" })).toBeVisible();
  await shopper.reload();
  await expect(shopper.getByRole("link", { name: "Continue with Orion ID" })).toBeVisible();
  await page.getByLabel("Button name").fill("Orion Staff SSO");
  await page.getByLabel("Issuer URL").fill(oidc.issuer);
  await page.getByLabel("Client id").fill("orion-staff");
  await page.getByLabel("Client secret").fill("orion-staff-secret");
  await page.getByRole("button", { name: "Save sign-in client" }).click();
  await expect(page.getByText(`${platform}/api/auth/callback/store-orion`)).toBeVisible();
  await shopper.reload();
  await expect(shopper.getByRole("link", { name: "Continue with Orion Staff SSO" })).toBeVisible();
  await page.getByRole("button", { name: "Remove sign-in client" }).click();
  await expect(page.getByRole("button", { name: "Save sign-in client" })).toBeVisible();
  await shopper.close();
});

const SCREENSHOTS = "test-results/screenshots";
const PERIOD = 30;
const codeAt = (secret: string, offset = 0) =>
  generate({ secret, epoch: Math.floor(Date.now() / 1000) + offset * PERIOD });

/** A new shopper with a password, registered and signed in on the shop at `origin`. */
async function registerShopper(page: Page, origin: string, email: string, password: string) {
  await page.goto(`${origin}/storefront/account/register`);
  await page.getByLabel("First name").fill("Sig");
  await page.getByLabel("Last name").fill("Methods");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByLabel("Repeat the password").fill(password);
  await page.getByRole("button", { name: "Create account" }).click();
  await page.waitForURL((url) => url.pathname === "/storefront/account");
}

test("a shopper connects the provider on Sign-in methods and disconnects it again", async ({
  page,
  context,
}) => {
  const origin = `http://orion.lu:${port}`;
  const email = `e2e-methods-${Date.now()}@example.com`;
  const identity = `e2e-methods-id-${Date.now()}@example.com`;
  await registerShopper(page, origin, email, "harbour quill nectar violet");
  await page
    .getByRole("navigation", { name: "Account" })
    .getByRole("link", { name: "Sign-in methods" })
    .click();
  await expect(page).toHaveURL(`${origin}/storefront/account/sign-in-methods`);
  await expect(page.getByText("No provider is connected to your account.")).toBeVisible();
  await page.getByRole("button", { name: "Connect Orion ID" }).click();
  await expect(page).toHaveURL(new RegExp(`^${oidc.issuer}/`));
  await atProvider(page, identity);
  await expect(page).toHaveURL(`${origin}/storefront/account/sign-in-methods?connected=linked`);
  await expect(page.getByRole("status")).toHaveText("Connected. It now signs you in here too.");
  const row = page.getByRole("row").filter({ hasText: identity });
  await expect(row).toContainText("Orion ID");
  // Still the same shopper, on the shop's own host.
  await expect(page.getByTestId("signed-in-as")).toHaveText(email);
  for (const [width, height] of [
    [1280, 800],
    [360, 780],
  ] as const) {
    await page.setViewportSize({ width, height });
    for (const theme of ["light", "dark"]) {
      await context.addCookies([{ name: "theme", value: theme, domain: "orion.lu", path: "/" }]);
      await page.reload();
      await expect(page.getByRole("heading", { name: "Sign-in methods" })).toBeVisible();
      await page.screenshot({ path: `${SCREENSHOTS}/sign-in-methods-${width}-${theme}.png`, fullPage: true });
    }
  }
  await page.setViewportSize({ width: 1280, height: 800 });
  await page
    .getByRole("form", { name: "Disconnect Orion ID" })
    .getByRole("button", { name: "Disconnect" })
    .click();
  await expect(page.getByText("Disconnected. It no longer signs you in here.")).toBeVisible();
  await page.reload();
  await expect(page.getByText("No provider is connected to your account.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Connect Orion ID" })).toBeVisible();
});

test("a shopper with two-factor on who continues with the provider gets the code step first", async ({
  page,
  context,
}) => {
  const origin = `http://orion.localhost:${port}`;
  const email = `e2e-social-totp-${Date.now()}@example.com`;
  const password = "lichen orbit saffron mantle";
  await registerShopper(page, origin, email, password);
  await page.goto(`${origin}/storefront/account/two-factor`);
  await page.getByRole("form", { name: "Set up two-factor" }).getByLabel("Your password").fill(password);
  await page.getByRole("button", { name: "Set up two-factor sign-in" }).click();
  const secret = (await page.getByTestId("totp-secret").textContent())!.replace(/\s/g, "");
  await page.getByLabel("Code from your app").fill(await codeAt(secret));
  await page.getByRole("button", { name: "Turn on two-factor sign-in" }).click();
  await page.getByRole("button", { name: "I have saved them" }).click();
  await expect(page.getByText("Two-factor sign-in is on")).toBeVisible();
  await context.clearCookies();

  await page.goto(`${origin}/storefront/account/login`);
  await page.getByRole("link", { name: "Continue with Orion ID" }).click();
  // The provider verifies this address, so the identity links to the existing shopper.
  await atProvider(page, email);
  await page.waitForURL((url) => url.origin === origin && url.pathname === "/storefront/account/login/mfa");
  expect((await context.cookies()).filter((c) => c.name === "customer_token")).toHaveLength(0);
  await page.getByRole("textbox", { name: "Code", exact: true }).fill(await codeAt(secret, 1));
  await page.getByRole("button", { name: "Verify" }).click();
  await page.waitForURL((url) => url.origin === origin && url.pathname === "/storefront/account");
  await expect(page.getByTestId("signed-in-as")).toHaveText(email);
  const cookies = (await context.cookies()).filter((c) => c.name === "customer_token");
  expect(cookies).toEqual([expect.objectContaining({ domain: "orion.localhost", path: "/storefront" })]);
});
