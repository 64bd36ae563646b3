// The admin Outbox as a delivery view, in Chromium: a mail server that refuses every mail
// makes a verification mail fail after its retries; the admin sees it failed, the mail server
// comes round, "Retry now" sends it, and the admin sees it sent. Screenshots of the page (and
// of a store owner's Mail page) at 1280 and 360 px, light and dark.
import { mkdirSync } from "node:fs";
import { type BrowserContext, type Page, expect, test } from "@playwright/test";
import { testPort } from "../tests/support/ports";
import { type TestServer, publicUrlFor, startServer } from "../tests/support/server";
import { type TestSmtp, linkFor, startSmtp } from "../tests/support/smtp";
import { signIn } from "./support/sign-in";

const PORT = testPort("ORION_E2E_OUTBOX_PORT", 3185);
const origin = publicUrlFor(PORT);
const SCREENSHOTS = "test-results/screenshots";
const REFUSAL = {
  code: 550,
  message: "5.7.1 Refused by policy, see https://mail.example/why?id=Zq8x3Lk9Vb2Nm7Pq4Rs6Tu1",
};

let smtp: TestSmtp;
let server: TestServer;

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  test.setTimeout(90_000);
  smtp = await startSmtp({ refuse: REFUSAL });
  server = await startServer({
    databaseUrl: process.env.ORION_E2E_DATABASE_URL!,
    port: PORT,
    // One retry a second or two after the first attempt, then failed.
    env: { SMTP_URL: smtp.url, MAIL_RETRY_BASE_SECONDS: "1", MAIL_RETRY_LIMIT: "1" },
  });
});

test.afterAll(async () => {
  await server?.stop();
  await smtp?.stop();
});

const email = `e2e-outbox-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.com`;

async function shots(page: Page, context: BrowserContext, name: string, ready: () => Promise<void>) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  for (const width of [1280, 360]) {
    await page.setViewportSize({ width, height: 800 });
    for (const theme of ["light", "dark"] as const) {
      await context.addCookies([{ name: "theme", value: theme, url: origin }]);
      await page.reload();
      await ready();
      const sideways = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
      expect(sideways, `${name} at ${width}px should not scroll sideways`).toBe(false);
      await page.screenshot({ path: `${SCREENSHOTS}/${name}-${theme}-${width}.png`, fullPage: true });
    }
  }
  await context.addCookies([{ name: "theme", value: "light", url: origin }]);
  await page.setViewportSize({ width: 1280, height: 800 });
}

test("a refused mail shows failed, and Retry now sends it once the mail server accepts", async ({
  page,
  context,
}) => {
  test.setTimeout(90_000);
  const res = await fetch(`${origin}/api/v1/storefront/orion/auth/register`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      first_name: "Otto",
      last_name: "Outbox",
      email,
      password: "first maple orbit candle",
      marketing_consent: false,
    }),
  });
  expect(res.status).toBe(201);

  await page.goto(`${origin}/admin/login`);
  await signIn(page, "admin", "admin123");
  await page.waitForURL((url) => url.pathname === "/admin");
  await page.goto(`${origin}/admin/outbox`);
  const row = page.getByRole("row").filter({ hasText: email });
  // The page is server-rendered: look again until the retries are spent.
  await expect(async () => {
    await page.reload();
    await expect(row).toContainText("failed", { timeout: 500 });
  }).toPass({ timeout: 30_000 });
  await expect(row).toContainText("email verification");
  await expect(row).toContainText("Refused by policy, see [link]");
  await expect(row).not.toContainText("mail.example");
  expect(smtp.refused()).toBeGreaterThanOrEqual(2);

  await page.getByLabel("Status").selectOption("failed");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/status=failed/);
  await expect(row).toContainText("failed");
  await shots(page, context, "outbox-failed", () => expect(row).toBeVisible());

  smtp.refuse(null);
  await row.getByRole("button", { name: "Retry now" }).click();
  await expect(page.getByRole("status").filter({ hasText: "is in the queue again" })).toBeVisible();
  await expect(page).not.toHaveURL(/status=failed/);
  const link = await linkFor(smtp.messages, email, "/account/verify-email", 0, 20_000);
  expect(link).toContain("token=");

  await page.goto(`${origin}/admin/outbox?status=sent`);
  await expect(async () => {
    await page.reload();
    await expect(row).toContainText("sent", { timeout: 500 });
  }).toPass({ timeout: 20_000 });
  await expect(row.getByRole("button", { name: "Retry now" })).toHaveCount(0);
  expect(smtp.messages.filter((m) => m.to.includes(email))).toHaveLength(1);
  await shots(page, context, "outbox-sent", () => expect(row).toBeVisible());
});

test("a store owner sees the store's mail statuses, without errors or bodies", async ({ page, context }) => {
  await page.goto(`${origin}/store/orion/login`);
  await signIn(page, "store_owner", "store123");
  await page.waitForURL((url) => url.pathname === "/store/orion");
  await page.getByRole("link", { name: "Mail" }).click();
  await expect(page.getByRole("heading", { name: "Mail" })).toBeVisible();
  const row = page.getByRole("row").filter({ hasText: email });
  await expect(row).toContainText("sent");
  await expect(page.getByText("Refused by policy")).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Retry now" })).toHaveCount(0);
  await shots(page, context, "store-mail", () => expect(row).toBeVisible());
});
