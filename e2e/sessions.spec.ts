// The "where you are signed in" page of each area in Chromium: the same principal on two or
// three browser contexts (devices told apart by their user agent), one signs the others out,
// and the signed-out device's next page lands on the area's login page, refresh cookie or not.
import { randomBytes } from "node:crypto";
import { mkdirSync } from "node:fs";
import { type Browser, type BrowserContext, type Page, expect, test } from "@playwright/test";
import postgres from "postgres";
import { signIn } from "./support/sign-in";

const SCREENSHOTS = "test-results/screenshots";

// The device column names the browser and system of each row's user agent; the tag makes each
// test's rows findable in the database.
const AGENTS = {
  chrome:
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36",
  firefox: "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:141.0) Gecko/20100101 Firefox/141.0",
  iphone:
    "Mozilla/5.0 (iPhone; CPU iPhone OS 18_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.5 Mobile/15E148 Safari/604.1",
} as const;
const DEVICE = { chrome: "Chrome on Linux", firefox: "Firefox on Windows", iphone: "Safari on iOS" } as const;
type Agent = keyof typeof AGENTS;

type Area = {
  name: "admin" | "store" | "customer";
  loginPath: string;
  sessionsPath: string;
  login: string;
  password: string;
  /** The session cookies, access first, then refresh. */
  cookies: [string, string];
  /** Where the principal's earlier sessions (left open by other specs) are found. */
  owner: string;
};

const ADMIN: Area = {
  name: "admin",
  loginPath: "/admin/login",
  sessionsPath: "/admin/sessions",
  login: "admin",
  password: "admin123",
  cookies: ["admin_token", "admin_refresh"],
  owner: "user_id = (select id from users where username = 'admin')",
};
const STORE: Area = {
  name: "store",
  loginPath: "/store/acme/login",
  sessionsPath: "/store/acme/security",
  login: "store_owner",
  password: "store123",
  cookies: ["store_token", "store_refresh"],
  owner:
    "user_id = (select id from users where username = 'store_owner') and store_id = (select id from stores where slug = 'acme')",
};
const CUSTOMER: Area = {
  name: "customer",
  loginPath: "/storefront/acme/account/login",
  sessionsPath: "/storefront/acme/account/sessions",
  login: "customer@example.com",
  password: "customer456",
  cookies: ["customer_token", "customer_refresh"],
  owner:
    "customer_id = (select id from customers where email = 'customer@example.com' and store_id = (select id from stores where slug = 'acme'))",
};

let sql: postgres.Sql;

test.beforeAll(() => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  sql = postgres(process.env.ORION_E2E_DATABASE_URL!, { max: 1, onnotice: () => {} });
});

test.afterAll(async () => {
  await sql?.end();
});

/** A new "device": its own cookies and user agent, signed in to the area. */
async function device(browser: Browser, baseURL: string | undefined, area: Area, agent: Agent, tag: string) {
  const context = await browser.newContext({
    baseURL,
    viewport: { width: 1280, height: 800 },
    userAgent: `${AGENTS[agent]} OrionE2E/${tag}`,
  });
  const page = await context.newPage();
  await page.goto(area.loginPath);
  await signIn(page, area.login, area.password);
  await page.waitForURL((url) => url.pathname !== area.loginPath);
  return { context, page, agent, userAgent: `${AGENTS[agent]} OrionE2E/${tag}` };
}

/** The session rows of the page (the header row has no cells). */
const sessionRows = (page: Page) => page.getByRole("row").filter({ has: page.getByRole("cell") });
const rowOf = (page: Page, agent: Agent) => sessionRows(page).filter({ hasText: DEVICE[agent] });

/**
 * The signed-out device's next page is the area's login page; so is the next one with only its
 * refresh cookie, which the page layer would otherwise use to renew the access token.
 */
async function expectBounced(context: BrowserContext, page: Page, area: Area) {
  const [access, refresh] = area.cookies;
  const kept = (await context.cookies()).find((c) => c.name === refresh);
  expect(kept, `${refresh} cookie before the sign-out`).toBeDefined();
  await page.goto(area.sessionsPath);
  await expect(page).toHaveURL((url) => url.pathname === area.loginPath);
  await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();

  await context.clearCookies();
  await context.addCookies([kept!]);
  await page.goto(area.sessionsPath);
  await expect(page).toHaveURL((url) => url.pathname === area.loginPath);
  expect((await context.cookies()).map((c) => c.name)).not.toContain(access);
}

async function sessionOf(userAgent: string) {
  const [row] = await sql<{ revoked_at: Date | null; revoked_reason: string | null }[]>`
    select revoked_at, revoked_reason from sessions where user_agent = ${userAgent}`;
  return row;
}

for (const area of [ADMIN, STORE, CUSTOMER]) {
  test(`${area.name}: signing out another device from the sessions page ends that device's session`, async ({
    browser,
    baseURL,
  }) => {
    // Other specs of the run leave this demo account signed in: start from no open sessions.
    await sql.unsafe(
      `update sessions set revoked_at = now(), revoked_reason = 'e2e_reset' where area = '${area.name}' and revoked_at is null and ${area.owner}`,
    );
    const tag = randomBytes(4).toString("hex");
    const a = await device(browser, baseURL, area, "chrome", tag);
    const b = await device(browser, baseURL, area, "firefox", tag);
    // While the session lives, its refresh cookie alone renews the page: the control for the end.
    await b.context.clearCookies({ name: area.cookies[0] });
    await b.page.goto(area.sessionsPath);
    await expect(b.page).toHaveURL((url) => url.pathname === area.sessionsPath);
    expect((await b.context.cookies()).map((c) => c.name)).toContain(area.cookies[0]);

    await a.page.goto(area.sessionsPath);
    await expect(sessionRows(a.page)).toHaveCount(2);
    await expect(rowOf(a.page, "chrome").getByText("this device", { exact: true })).toBeVisible();
    await expect(rowOf(a.page, "firefox").getByText("this device", { exact: true })).toHaveCount(0);
    // Only the other session can be signed out from here; the current one signs out from the menu.
    await expect(rowOf(a.page, "chrome").getByRole("button", { name: /^Sign out/ })).toHaveCount(0);
    await expect(a.page.getByRole("button", { name: "Sign out all other sessions" })).toBeVisible();
    await a.page.screenshot({ path: `${SCREENSHOTS}/sessions-${area.name}-1280.png`, fullPage: true });

    // Each row's button says which session it ends.
    await rowOf(a.page, "firefox")
      .getByRole("button", { name: /^Sign out Firefox on Windows, signed in / })
      .click();
    // Regression: the row stayed (with "That session is signed out.") until a reload, as the
    // actions did not revalidate the page.
    await expect(rowOf(a.page, "firefox")).toHaveCount(0);
    await expect(sessionRows(a.page)).toHaveCount(1);
    await expect(a.page.getByRole("button", { name: "Sign out all other sessions" })).toHaveCount(0);
    expect(await sessionOf(b.userAgent)).toMatchObject({
      revoked_at: expect.any(Date),
      revoked_reason: "signed_out_elsewhere",
    });
    expect((await sessionOf(a.userAgent))?.revoked_at).toBeNull();

    await expectBounced(b.context, b.page, area);

    // The device that did it is still signed in, and the list still shows it alone.
    await a.page.reload();
    await expect(a.page).toHaveURL((url) => url.pathname === area.sessionsPath);
    await expect(sessionRows(a.page)).toHaveCount(1);
    await a.context.close();
    await b.context.close();
  });
}

test("store: signing out all other sessions ends both other devices and keeps this one", async ({
  browser,
  baseURL,
}) => {
  const area = STORE;
  await sql.unsafe(
    `update sessions set revoked_at = now(), revoked_reason = 'e2e_reset' where area = '${area.name}' and revoked_at is null and ${area.owner}`,
  );
  const tag = randomBytes(4).toString("hex");
  const a = await device(browser, baseURL, area, "chrome", tag);
  const b = await device(browser, baseURL, area, "firefox", tag);
  const c = await device(browser, baseURL, area, "iphone", tag);

  await a.page.goto(area.sessionsPath);
  await expect(sessionRows(a.page)).toHaveCount(3);
  await expect(a.page.getByText("this device", { exact: true })).toHaveCount(1);
  await expect(rowOf(a.page, "chrome").getByText("this device", { exact: true })).toBeVisible();
  // This device heads the list, though the others were used after it.
  await expect(sessionRows(a.page).first()).toContainText("this device");
  await expect(rowOf(a.page, "iphone")).toHaveCount(1);
  await a.page.screenshot({ path: `${SCREENSHOTS}/sessions-store-three-devices-1280.png`, fullPage: true });

  await a.page.getByRole("button", { name: "Sign out all other sessions" }).click();
  // It asks first (issue 16): the dialog's button names how many sessions end.
  await a.page
    .getByRole("dialog", { name: "Sign out all other sessions?" })
    .getByRole("button", { name: "Sign out 2 other sessions" })
    .click();
  await expect(sessionRows(a.page)).toHaveCount(1);
  await expect(rowOf(a.page, "chrome").getByText("this device", { exact: true })).toBeVisible();
  for (const other of [b, c]) {
    expect(await sessionOf(other.userAgent)).toMatchObject({
      revoked_at: expect.any(Date),
      revoked_reason: "signed_out_elsewhere",
    });
    await expectBounced(other.context, other.page, area);
  }

  await a.page.goto(`/store/acme`);
  await expect(a.page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
  expect((await sessionOf(a.userAgent))?.revoked_at).toBeNull();
  for (const d of [a, b, c]) await d.context.close();
});
