// Mail flows followed in Chromium (README › Mail): email verification, password reset for shoppers
// (by path and on a custom domain) and store members over a real SMTP server in this process,
// and the admin Outbox of a server without SMTP.
import { testPort } from "../tests/support/ports";
import { type Browser, type Page, expect, test } from "@playwright/test";
import postgres from "postgres";
import { type TestServer, publicUrlFor, startServer } from "../tests/support/server";
import { linkFor, startSmtp } from "../tests/support/smtp";

const MAIL_PORT = testPort("ORION_E2E_MAIL_PORT", 3180);
// The server's configured public address (PUBLIC_URL): the links in its mail lead here.
const mailOrigin = publicUrlFor(MAIL_PORT);
const domainOrigin = `http://orion.lu:${MAIL_PORT}`;

let smtp: Awaited<ReturnType<typeof startSmtp>>;
let server: TestServer;
let sql: postgres.Sql;

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  test.setTimeout(90_000);
  smtp = await startSmtp();
  server = await startServer({
    databaseUrl: process.env.ORION_E2E_DATABASE_URL!,
    port: MAIL_PORT,
    env: { SMTP_URL: smtp.url },
  });
  sql = postgres(process.env.ORION_E2E_DATABASE_URL!, { max: 1, onnotice: () => {} });
});

test.afterAll(async () => {
  await server?.stop();
  await smtp?.stop();
  await sql?.end();
});

const PASSWORD = "first maple orbit candle";
const NEW_PASSWORD = "second velvet kiosk tide";
const uniqueEmail = (tag: string) =>
  `e2e-mail-${tag}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.com`;

async function registerOverApi(email: string, slug = "orion") {
  const res = await fetch(`${mailOrigin}/api/v1/storefront/${slug}/auth/register`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      first_name: "Rita",
      last_name: "Reset",
      email,
      password: PASSWORD,
      marketing_consent: false,
    }),
  });
  expect(res.status, await res.text()).toBe(201);
}

async function signIn(page: Page, identifier: string, password: string) {
  await page.getByLabel(/^Email( or username)?$/).fill(identifier);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** Submits the "forgot password" form on screen and returns the link mailed to `email`. */
async function askForReset(page: Page, email: string): Promise<string> {
  const before = smtp.messages.length;
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Send the link" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Check your email" })).toBeVisible();
  return linkFor(smtp.messages, email, "/reset-password", before);
}

async function chooseNewPassword(page: Page, link: string, password: string) {
  await page.goto(link);
  await expect(page.getByRole("heading", { name: "Choose a new password" })).toBeVisible();
  await page.getByLabel("New password", { exact: true }).fill(password);
  await page.getByLabel("Repeat the new password").fill(password);
  await page.getByRole("button", { name: "Save the new password" }).click();
}

const refusal = (page: Page) =>
  page.getByRole("alert").filter({ hasText: /invalid, already used or expired/ });

async function customerSession(browser: Browser, origin: string, email: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${origin}/storefront/account/login`);
  await signIn(page, email, PASSWORD);
  await expect(page).toHaveURL(`${origin}/storefront/account`);
  return { context, page };
}

test("a shopper registering by path confirms the address from the mailed link and the dashboard says verified", async ({
  page,
}) => {
  const email = uniqueEmail("verify");
  const before = smtp.messages.length;
  await page.goto(`${mailOrigin}/storefront/orion/account/register`);
  await page.getByLabel("First name").fill("Vera");
  await page.getByLabel("Last name").fill("Verify");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
  await page.getByLabel("Repeat the password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(`${mailOrigin}/storefront/orion/account?welcome=1`);
  await expect(page.getByText("not verified yet", { exact: true })).toBeVisible();

  const link = await linkFor(smtp.messages, email, "/verify-email", before);
  expect(link.startsWith(`${mailOrigin}/storefront/orion/account/verify-email?token=`), link).toBe(true);
  await page.goto(link);
  // Opening the link alone confirms nothing: the button does.
  await page.goto(`${mailOrigin}/storefront/orion/account`);
  await expect(page.getByText("not verified yet", { exact: true })).toBeVisible();
  await page.goto(link);
  await page.getByRole("button", { name: "Confirm my email" }).click();
  await expect(page.getByRole("status").filter({ hasText: "your email address is confirmed" })).toBeVisible();

  await page.goto(`${mailOrigin}/storefront/orion/account`);
  await expect(page.getByText("verified", { exact: true })).toBeVisible();
  await expect(page.getByText("not verified yet")).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Send the confirmation link again" })).toHaveCount(0);
});

test("a shopper resets the password on the custom domain, signs in with the new one, and old sessions end", async ({
  page,
  browser,
}) => {
  const email = uniqueEmail("domain");
  await registerOverApi(email);
  const old = await customerSession(browser, domainOrigin, email);

  await page.goto(`${domainOrigin}/storefront/account/login`);
  await page.getByRole("link", { name: "Forgot your password?" }).click();
  await expect(page).toHaveURL(`${domainOrigin}/storefront/account/forgot-password`);
  const link = await askForReset(page, email);
  expect(link.startsWith(`${domainOrigin}/storefront/account/reset-password?token=`), link).toBe(true);

  await chooseNewPassword(page, link, NEW_PASSWORD);
  await expect(page).toHaveURL(`${domainOrigin}/storefront/account/login?reset=1`);
  await expect(
    page.getByRole("status").filter({ hasText: "Password changed. Sign in with the new one." }),
  ).toBeVisible();

  await signIn(page, email, PASSWORD);
  await expect(page.locator("form").getByRole("alert")).toBeVisible();
  await signIn(page, email, NEW_PASSWORD);
  await expect(page).toHaveURL(`${domainOrigin}/storefront/account`);
  await expect(page.getByRole("heading", { name: "Hello, Rita" })).toBeVisible();

  const response = await old.page.goto(`${domainOrigin}/storefront/account`);
  expect(new URL(response!.url()).pathname).toBe("/storefront/account/login");
  await expect(old.page.getByRole("button", { name: "Sign in" })).toBeVisible();
  await old.context.close();
});

test("a used reset link is refused clearly, and a newer request makes the earlier link refuse", async ({
  page,
}) => {
  const email = uniqueEmail("used");
  await registerOverApi(email);
  await page.goto(`${mailOrigin}/storefront/orion/account/forgot-password`);
  const used = await askForReset(page, email);
  await chooseNewPassword(page, used, NEW_PASSWORD);
  await expect(page).toHaveURL(`${mailOrigin}/storefront/orion/account/login?reset=1`);

  await chooseNewPassword(page, used, "third quartz meadow hymn");
  await expect(refusal(page)).toBeVisible();
  await expect(page.getByRole("link", { name: "Ask for a new link" })).toBeVisible();
  await expect(page).toHaveURL(used);

  await page.goto(`${mailOrigin}/storefront/orion/account/forgot-password`);
  const first = await askForReset(page, email);
  await page.goto(`${mailOrigin}/storefront/orion/account/forgot-password`);
  const second = await askForReset(page, email);
  expect(second).not.toBe(first);
  await chooseNewPassword(page, first, "third quartz meadow hymn");
  await expect(refusal(page)).toBeVisible();
  await chooseNewPassword(page, second, "third quartz meadow hymn");
  await expect(page).toHaveURL(`${mailOrigin}/storefront/orion/account/login?reset=1`);
  await signIn(page, email, "third quartz meadow hymn");
  await expect(page).toHaveURL(`${mailOrigin}/storefront/orion/account`);
});

test("a store member resets the password from the store's sign-in page and signs in with the new one", async ({
  page,
}) => {
  const email = uniqueEmail("staff");
  const [user] = await sql<
    { id: string; username: string }[]
  >`insert into users (username, email, password_hash, role)
    select 'mail_' || floor(random()*1e9)::text, ${email}, password_hash, 'store' from users where username = 'acme_staff'
    returning id, username`;
  await sql`insert into store_members (store_id, user_id, role) select id, ${user!.id}, 'staff' from stores where slug = 'acme'`;

  await page.goto(`${mailOrigin}/store/acme/login`);
  await page.getByRole("link", { name: "Forgot your password?" }).click();
  await expect(page).toHaveURL(`${mailOrigin}/store/acme/forgot-password`);
  const link = await askForReset(page, email);
  expect(link.startsWith(`${mailOrigin}/store/acme/reset-password?token=`), link).toBe(true);

  // A common password is refused on the form with the reason, and the link stays usable.
  await chooseNewPassword(page, link, "123456789012");
  await expect(page.locator("#field-password-error")).toContainText("This password is too easy to guess.");
  expect(page.url()).toBe(link);
  expect(await page.content()).not.toContain("123456789012");

  await chooseNewPassword(page, link, "a long staff password");
  await expect(page).toHaveURL(`${mailOrigin}/store/acme/login?reset=1`);
  await expect(
    page.getByRole("status").filter({ hasText: "Password changed. Sign in with the new one." }),
  ).toBeVisible();
  await signIn(page, user!.username, "staff123");
  await expect(page.locator("form").getByRole("alert")).toBeVisible();
  await signIn(page, email, "a long staff password");
  await expect(page).toHaveURL(`${mailOrigin}/store/acme`);
});

test("without SMTP the admin Outbox keeps the reset mail with a working link", async ({ page }) => {
  await page.goto("/admin/forgot-password");
  await page.getByLabel("Email").fill("admin@orion.test");
  await page.getByRole("button", { name: "Send the link" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Check your email" })).toBeVisible();

  await page.goto("/admin/login");
  await signIn(page, "admin", "admin123");
  await page.waitForURL((url) => url.pathname === "/admin");
  await page.goto("/admin/outbox");
  await expect(page.getByText("No SMTP server is configured")).toBeVisible();
  // The delivery list shows the mail's status only; its body is in the dev outbox below.
  const delivery = page
    .getByRole("table", { name: "Mail" })
    .getByRole("row")
    .filter({ hasText: "admin@orion.test" });
  await expect(delivery.first()).toContainText("password reset");
  await expect(page.getByRole("table", { name: "Mail" })).not.toContainText("token=");
  const row = page
    .getByRole("region", { name: "Dev outbox" })
    .getByRole("row")
    .filter({ hasText: "admin@orion.test" })
    .first();
  await expect(row).toContainText("password reset");
  await row.getByRole("link").click();
  const body = page.getByTestId("outbox-body");
  await expect(body).toBeVisible();
  const href = await body
    .locator("a")
    .filter({ hasText: "/admin/reset-password?token=" })
    .first()
    .getAttribute("href");
  expect(href).toContain("/admin/reset-password?token=");

  // The link opens the form (not submitted: admin123 stays valid for the other specs).
  await page.goto(href!);
  await expect(page.getByRole("heading", { name: "Choose a new password" })).toBeVisible();
  await expect(page.getByLabel("New password", { exact: true })).toBeVisible();
  expect(new URL(page.url()).pathname).toBe("/admin/reset-password");
});

test("no token from any mail appears in the server's output", async () => {
  const tokens = smtp.messages.flatMap((m) =>
    [...m.text.matchAll(/token=([A-Za-z0-9_-]{20,})/g)].map((x) => x[1]!),
  );
  expect(tokens.length).toBeGreaterThanOrEqual(6);
  const log = server.output();
  expect(log).toContain("mail sent");
  for (const token of tokens) expect(log, "token leaked into the log").not.toContain(token);
});
