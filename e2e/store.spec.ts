// The store dashboard journey in a real browser: sign-in and its per-store cookie, products,
// the team and its invitations, cookie isolation between areas and stores, sign-out, settings,
// and screenshots of every page at desktop and phone widths.
import { mkdirSync } from "node:fs";
import {
  type APIRequestContext,
  type Browser,
  type BrowserContext,
  type Page,
  type Request,
  expect,
  test,
} from "@playwright/test";
import { generate } from "otplib";
import { publicUrlFor } from "../tests/support/server";

/**
 * A mailed link (on the platform's public address) opened on the address this run browses,
 * so the invitee keeps one cookie jar.
 */
function onThisAddress(link: string): string {
  const { pathname, search } = new URL(link);
  return pathname + search;
}

const OWNER = { login: "store_owner", password: "store123" };
const ADMIN = { login: "admin", password: "admin123" };
const STORE_NAME = { acme: "ACME Supplies", orion: "Orion Outfitters" } as const;
type Slug = keyof typeof STORE_NAME;

const suffix = () => Math.random().toString(36).slice(2, 8);
const SHOTS = "test-results/screenshots";

async function fillLogin(page: Page, login: string, password: string): Promise<void> {
  await page.getByLabel("Email or username").fill(login);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** Signs in at the store's own login page and waits for the dashboard. */
async function storeLogin(page: Page, slug: Slug, who = OWNER): Promise<void> {
  await page.goto(`/store/${slug}/login`);
  await fillLogin(page, who.login, who.password);
  await expect(page).toHaveURL(new RegExp(`/store/${slug}$`));
  await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
}

async function adminLogin(page: Page): Promise<void> {
  await page.goto("/admin/login");
  await fillLogin(page, ADMIN.login, ADMIN.password);
  await expect(page).toHaveURL(/\/admin$/);
}

async function cookiesNamed(context: BrowserContext, name: string) {
  return (await context.cookies()).filter((c) => c.name === name);
}

async function newContext(
  browser: Browser,
  baseURL: string | undefined,
  width = 1280,
): Promise<BrowserContext> {
  return browser.newContext({ baseURL, viewport: { width, height: 900 } });
}

type ProductInput = {
  name: string;
  description: string;
  price: string;
  currency: string;
  stock: string;
  visible: boolean;
};

/** Creates a product through "New product" and returns the product page's URL. */
async function createProduct(page: Page, slug: Slug, p: ProductInput): Promise<string> {
  await page.goto(`/store/${slug}/products`);
  await page.getByRole("link", { name: "New product" }).click();
  await expect(page).toHaveURL(new RegExp(`/store/${slug}/products/new$`));
  await page.getByLabel("Name", { exact: true }).fill(p.name);
  await page.getByLabel("Description").fill(p.description);
  await page.getByLabel("Price").fill(p.price);
  await page.getByLabel("Currency").selectOption(p.currency);
  await page.getByLabel("Stock").fill(p.stock);
  await page.getByLabel("Visible in the shop").setChecked(p.visible);
  await page.getByRole("button", { name: "Create product" }).click();
  await expect(page).toHaveURL(new RegExp(`/store/${slug}/products/[0-9a-f-]{36}\\?saved=1$`));
  await expect(page.getByRole("status").filter({ hasText: "Product created." })).toBeVisible();
  return page.url().replace(/\?.*$/, "");
}

/** The cookies each answered request to a path under `prefix` carried while `act` ran. */
async function cookiesSent(
  page: Page,
  prefix: string,
  act: () => Promise<unknown>,
): Promise<Array<{ url: string; names: string[] }>> {
  const requests: Request[] = [];
  const listener = (r: Request) => {
    const path = new URL(r.url()).pathname;
    if (path === prefix || path.startsWith(`${prefix}/`)) requests.push(r);
  };
  page.on("request", listener);
  try {
    await act();
  } finally {
    page.off("request", listener);
  }
  const sent: Array<{ url: string; names: string[] }> = [];
  for (const r of requests) {
    // A request cancelled before it was sent (an aborted prefetch) only has provisional headers.
    if (!(await r.response())) continue;
    const cookie = (await r.allHeaders()).cookie ?? "";
    sent.push({
      url: `${r.method()} ${r.url()}`,
      names: cookie
        .split(/;\s*/)
        .filter(Boolean)
        .map((c) => c.split("=")[0]!),
    });
  }
  expect(sent.length, `requests to ${prefix}`).toBeGreaterThan(0);
  return sent;
}

test("the ACME owner signs in and gets an httpOnly, Lax store_token scoped to /store/acme", async ({
  page,
  context,
}) => {
  await page.goto("/store/acme/login");
  await expect(page.getByRole("heading", { name: "ACME Supplies" })).toBeVisible();
  await fillLogin(page, OWNER.login, OWNER.password);
  await expect(page).toHaveURL(/\/store\/acme$/);
  await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
  await expect(page.getByTestId("signed-in-as")).toHaveText("store_owner");

  const tokens = await cookiesNamed(context, "store_token");
  expect(tokens).toHaveLength(1);
  expect(tokens[0]).toMatchObject({ path: "/store/acme", httpOnly: true, sameSite: "Lax" });
  for (const refresh of await cookiesNamed(context, "store_refresh")) {
    expect(refresh).toMatchObject({ path: "/store/acme", httpOnly: true, sameSite: "Lax" });
  }
  // httpOnly for real: page scripts cannot read the token.
  expect(await page.evaluate(() => document.cookie)).not.toContain("store_token");
});

test("the owner creates a product, which then shows in the list and in search", async ({ page }) => {
  await storeLogin(page, "acme");
  const tag = suffix();
  const name = `E2E Lantern ${tag}`;
  const url = await createProduct(page, "acme", {
    name,
    description: "A brass lantern made for the browser tests.",
    price: "12.50",
    currency: "USD",
    stock: "7",
    visible: false,
  });
  await expect(page.getByRole("heading", { name })).toBeVisible();
  await expect(page.getByLabel("Price")).toHaveValue("12.50");
  await expect(page.getByLabel("Currency")).toHaveValue("USD");
  await expect(page.getByLabel("Stock")).toHaveValue("7");
  await expect(page.getByLabel("Visible in the shop")).not.toBeChecked();

  await page.goto("/store/acme/products");
  const row = page.getByRole("row").filter({ hasText: name });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText("hidden");
  await expect(row).toContainText("7");

  await page.getByLabel("Search products").fill(tag);
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(new RegExp(`[?&]q=${tag}`));
  const rows = page.getByRole("row").filter({ has: page.getByRole("link") });
  await expect(rows).toHaveCount(1);
  await rows.getByRole("link", { name }).click();
  await expect(page).toHaveURL(url);
});

test("an invited staff member joins with a one-time link, may edit products but not open the team page", async ({
  page,
  browser,
  baseURL,
}) => {
  await storeLogin(page, "acme");
  const tag = suffix();
  const productUrl = await createProduct(page, "acme", {
    name: `E2E Rope ${tag}`,
    description: "Twelve metres of rope.",
    price: "9.90",
    currency: "EUR",
    stock: "3",
    visible: true,
  });

  const email = `e2e-staff-${tag}@example.com`;
  await page.goto("/store/acme/team");
  const invite = page.getByRole("form", { name: "Invite" });
  await invite.getByLabel("Email").fill(email);
  await invite.getByLabel("Role").selectOption("staff");
  await invite.getByRole("button", { name: "Create invitation" }).click();
  await expect(invite.getByRole("status")).toContainText(`Invitation sent to ${email} (staff).`);
  const link = invite.getByLabel("Link to copy");
  await expect(link).toHaveAttribute("readonly", "");
  const invitationUrl = await link.inputValue();
  // On the platform's configured public address, whichever address the owner used.
  const publicUrl = publicUrlFor(Number(new URL(baseURL!).port));
  expect(invitationUrl).toMatch(new RegExp(`^${publicUrl}/store/acme/accept-invitation\\?token=[^&\\s]+$`));
  await page.reload();
  await expect(page.getByText(email)).toBeVisible(); // listed under pending invitations

  const other = await newContext(browser, baseURL);
  try {
    const invitee = await other.newPage();
    await invitee.goto(onThisAddress(invitationUrl));
    await expect(invitee.getByRole("heading", { name: "Join the team" })).toBeVisible();
    await expect(invitee.getByText(email)).toBeVisible();
    const username = `e2e_staff_${tag}`;
    const password = `lantern-rope-${tag}-42`;
    await invitee.getByLabel("Choose a username").fill(username);
    await invitee.getByLabel("Choose a password").fill(password);
    await invitee.getByLabel("Repeat the password").fill(password);
    await invitee.getByRole("button", { name: `Join ${STORE_NAME.acme}` }).click();
    await expect(invitee).toHaveURL(/\/store\/acme\/login\?joined=1$/);
    await expect(invitee.getByRole("status").filter({ hasText: "Welcome to the team" })).toBeVisible();

    await fillLogin(invitee, username, password);
    await expect(invitee).toHaveURL(/\/store\/acme$/);
    await expect(invitee.getByRole("heading", { name: "Dashboard" })).toBeVisible();
    const nav = invitee.getByRole("navigation", { name: "Store" });
    await expect(nav.getByRole("link", { name: "Products" })).toBeVisible();
    await expect(nav.getByRole("link", { name: "Team" })).toHaveCount(0);
    await expect(nav.getByRole("link", { name: "Settings" })).toHaveCount(0);

    await invitee.goto(productUrl);
    await invitee.getByLabel("Stock").fill("42");
    await invitee.getByRole("button", { name: "Save changes" }).click();
    await expect(invitee.getByRole("status").filter({ hasText: "Product saved." })).toBeVisible();
    await invitee.reload();
    await expect(invitee.getByLabel("Stock")).toHaveValue("42");

    const forbidden = await invitee.goto("/store/acme/team");
    expect(forbidden?.status()).toBe(403);
    await expect(invitee.getByText("403")).toBeVisible();
    await expect(invitee.getByRole("form", { name: "Invite" })).toHaveCount(0);

    await invitee.goto(onThisAddress(invitationUrl));
    await expect(invitee.getByRole("heading", { name: "This invitation cannot be used" })).toBeVisible();
  } finally {
    await other.close();
  }

  await page.goto("/store/acme/team");
  await expect(page.getByRole("row").filter({ hasText: email })).toContainText(`e2e_staff_${tag}`);
});

/** A member of ACME only, made through the API: invited by the owner, joined with a new account. */
async function acmeOnlyMember(
  request: APIRequestContext,
): Promise<{ username: string; email: string; password: string }> {
  const tag = suffix();
  const who = {
    username: `e2e_member_${tag}`,
    email: `e2e-member-${tag}@example.com`,
    password: `copper-kettle-${tag}-77`,
  };
  const owner = await (
    await request.post("/api/v1/store/auth/login", {
      data: { email_or_username: OWNER.login, password: OWNER.password, store_code: "ACME" },
    })
  ).json();
  const invited = await request.post("/api/v1/store/acme/team", {
    headers: { authorization: `Bearer ${owner.access_token}` },
    data: { email: who.email, role: "staff" },
  });
  const token = new URL((await invited.json()).invitation_url).searchParams.get("token");
  const joined = await request.post("/api/v1/store/acme/invitations/accept", {
    data: { token, username: who.username, password: who.password },
  });
  expect(joined.status()).toBe(201);
  return who;
}

/** The ORION owner invites `email` from the team page; returns the link shown to copy. */
async function inviteToOrion(page: Page, email: string): Promise<string> {
  await storeLogin(page, "orion");
  await page.goto("/store/orion/team");
  const invite = page.getByRole("form", { name: "Invite" });
  await invite.getByLabel("Email").fill(email);
  await invite.getByLabel("Role").selectOption("manager");
  await invite.getByRole("button", { name: "Create invitation" }).click();
  await expect(invite.getByRole("status")).toContainText(`Invitation sent to ${email} (manager).`);
  return invite.getByLabel("Link to copy").inputValue();
}

test("a member of another store joins ORION by signing in from the invitation, which shows nothing of the account", async ({
  page,
  browser,
  baseURL,
  request,
}) => {
  const member = await acmeOnlyMember(request);
  const invitationUrl = await inviteToOrion(page, member.email);

  mkdirSync(SHOTS, { recursive: true });
  for (const width of [1280, 360]) {
    const context = await newContext(browser, baseURL, width);
    try {
      const invitee = await context.newPage();
      await invitee.goto(onThisAddress(invitationUrl));
      await expect(invitee.getByRole("heading", { name: "Join the team", level: 1 })).toBeVisible();
      await expect(
        invitee.getByText("If you already have an Orion account with this address, sign in with it"),
      ).toBeVisible();
      await expect(invitee.getByRole("form", { name: "Create an account" })).toBeVisible();
      await expect(invitee.getByText(member.username)).toHaveCount(0);
      await invitee.screenshot({ path: `${SHOTS}/store-accept-invitation-${width}.png`, fullPage: true });
      const overflow = await invitee.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect.soft(overflow, `store-accept-invitation-${width} scrolls sideways`).toBeLessThanOrEqual(0);
    } finally {
      await context.close();
    }
  }

  const other = await newContext(browser, baseURL);
  try {
    const invitee = await other.newPage();
    await invitee.goto(onThisAddress(invitationUrl));
    const signIn = invitee.getByRole("form", { name: "Sign in to accept" });
    await signIn.getByLabel("Your Orion password").fill("not my password at all");
    await signIn.getByRole("button", { name: "Sign in and join" }).click();
    await expect(signIn.getByRole("alert")).toHaveText("Invalid email/username or password");

    // Choosing a new password for an address that has an account is refused; the link stays good.
    const create = invitee.getByRole("form", { name: "Create an account" });
    await create.getByLabel("Choose a username").fill(`${member.username}_2`);
    await create.getByLabel("Choose a password").fill("a completely new passphrase");
    await create.getByLabel("Repeat the password").fill("a completely new passphrase");
    await create.getByRole("button", { name: `Join ${STORE_NAME.orion}` }).click();
    await expect(create.getByRole("alert")).toContainText("sign in with it to accept");

    await signIn.getByLabel("Your Orion password").fill(member.password);
    await signIn.getByRole("button", { name: "Sign in and join" }).click();
    await expect(invitee).toHaveURL(/\/store\/orion$/);
    await expect(invitee.getByRole("heading", { name: "Dashboard" })).toBeVisible();
    expect((await cookiesNamed(other, "store_token")).map((c) => c.path)).toEqual(["/store/orion"]);
    await expect(
      invitee.getByRole("navigation", { name: "Store" }).getByRole("link", { name: "Products" }),
    ).toBeVisible();

    await invitee.goto(onThisAddress(invitationUrl));
    await expect(invitee.getByRole("heading", { name: "This invitation cannot be used" })).toBeVisible();
  } finally {
    await other.close();
  }

  await page.goto("/store/orion/team");
  await expect(page.getByRole("row").filter({ hasText: member.email })).toContainText(member.username);
  await expect(page.getByRole("row").filter({ hasText: member.email })).toContainText("manager");
});

test("a member with two-factor sign-in joins through the code step after the password", async ({
  page,
  browser,
  baseURL,
  request,
}) => {
  const member = await acmeOnlyMember(request);
  const acme = await (
    await request.post("/api/v1/store/auth/login", {
      data: { email_or_username: member.username, password: member.password, store_code: "ACME" },
    })
  ).json();
  const auth = { authorization: `Bearer ${acme.access_token}` };
  const { secret } = await (
    await request.post("/api/v1/store/acme/auth/totp/setup", {
      headers: auth,
      data: { password: member.password },
    })
  ).json();
  const codeAt = (offset: number) => generate({ secret, epoch: Math.floor(Date.now() / 1000) + offset * 30 });
  expect(
    (
      await request.post("/api/v1/store/acme/auth/totp/enable", {
        headers: auth,
        data: { code: await codeAt(0) },
      })
    ).status(),
  ).toBe(200);
  const invitationUrl = await inviteToOrion(page, member.email);

  const other = await newContext(browser, baseURL, 360);
  try {
    const invitee = await other.newPage();
    await invitee.goto(onThisAddress(invitationUrl));
    const signIn = invitee.getByRole("form", { name: "Sign in to accept" });
    await signIn.getByLabel("Your Orion password").fill(member.password);
    await signIn.getByRole("button", { name: "Sign in and join" }).click();
    await invitee.waitForURL((url) => url.pathname === "/store/orion/accept-invitation/mfa");
    expect((await other.cookies()).map((c) => c.name)).not.toContain("store_token");
    await expect(invitee.getByRole("heading", { name: "Two-factor sign-in" })).toBeVisible();
    await invitee.screenshot({ path: `${SHOTS}/store-accept-invitation-code-360.png`, fullPage: true });
    await invitee.getByRole("textbox", { name: "Code", exact: true }).fill("000000");
    await invitee.getByRole("button", { name: "Verify" }).click();
    await expect(invitee.getByText("That code is not valid")).toBeVisible();
    await invitee.getByRole("textbox", { name: "Code", exact: true }).fill(await codeAt(1));
    await invitee.getByRole("button", { name: "Verify" }).click();
    await expect(invitee).toHaveURL(/\/store\/orion$/);
    await expect(invitee.getByRole("heading", { name: "Dashboard" })).toBeVisible();
  } finally {
    await other.close();
  }
});

test("admin, store and customer cookies each stay on their own paths", async ({ page, context }) => {
  await adminLogin(page);
  await storeLogin(page, "acme");
  await context.addCookies([
    { name: "customer_token", value: "x", domain: "127.0.0.1", path: "/storefront/acme" },
  ]);

  const store = await cookiesSent(page, "/store/acme", async () => {
    await page.goto("/store/acme");
    await page.getByRole("navigation", { name: "Store" }).getByRole("link", { name: "Products" }).click();
    await expect(page.getByRole("heading", { name: "Products" })).toBeVisible();
  });
  for (const { url, names } of store) {
    expect(names, url).toContain("store_token");
    expect(names, url).not.toContain("admin_token");
    expect(names, url).not.toContain("customer_token");
  }

  const admin = await cookiesSent(page, "/admin", () => page.goto("/admin"));
  await expect(page).toHaveURL(/\/admin$/);
  for (const { url, names } of admin) {
    expect(names, url).toContain("admin_token");
    expect(names, url).not.toContain("store_token");
    expect(names, url).not.toContain("customer_token");
  }

  const storefront = await cookiesSent(page, "/storefront/acme", () => page.goto("/storefront/acme"));
  for (const { url, names } of storefront) {
    expect(names, url).toContain("customer_token");
    expect(names, url).not.toContain("admin_token");
    expect(names, url).not.toContain("store_token");
  }
});

test("the security page refuses a new password made of the store's name, with the reason, and changes nothing", async ({
  page,
}) => {
  await storeLogin(page, "acme");
  await page.goto("/store/acme/security");
  const form = page.getByRole("form", { name: "Change password" });
  await form.getByLabel("Current password").fill(OWNER.password);
  await form.getByLabel("New password", { exact: true }).fill("ACME SuppliesACME Supplies");
  await form.getByLabel("Repeat the new password").fill("ACME SuppliesACME Supplies");
  await form.getByRole("button", { name: "Change password" }).click();
  await expect(form.locator("#field-new_password-error")).toHaveText(
    "This password is too easy to guess. It contains your name, your email address or the store's name.",
  );
  await expect(form.getByRole("status")).toHaveCount(0);
  expect(await page.content()).not.toContain("ACME SuppliesACME Supplies");

  // The old password still works.
  await page.context().clearCookies();
  await storeLogin(page, "acme");
});

test("a session in ACME does not open ORION; signing in there adds a second store_token beside the first", async ({
  page,
  context,
}) => {
  await storeLogin(page, "acme");
  await page.goto("/store/orion");
  await expect(page).toHaveURL(/\/store\/orion\/login\?next=%2Fstore%2Forion$/);
  await expect(page.getByRole("heading", { name: STORE_NAME.orion })).toBeVisible();

  await fillLogin(page, OWNER.login, OWNER.password);
  await expect(page).toHaveURL(/\/store\/orion$/);
  await expect(page.getByRole("link", { name: `${STORE_NAME.orion} dashboard` })).toBeVisible();

  const paths = (await cookiesNamed(context, "store_token")).map((c) => c.path).sort();
  expect(paths).toEqual(["/store/acme", "/store/orion"]);
  await page.goto("/store/acme");
  await expect(page.getByRole("link", { name: `${STORE_NAME.acme} dashboard` })).toBeVisible();
});

test("an upper-case store slug is redirected (308) to the lower-case address", async ({ page }) => {
  const res = await page.request.get("/store/ACME/products?q=x", { maxRedirects: 0 });
  expect(res.status()).toBe(308);
  const location = new URL(res.headers().location ?? "", "http://any.invalid");
  expect(location.pathname + location.search).toBe("/store/acme/products?q=x");

  await page.goto("/store/ACME/products");
  await expect(page).toHaveURL(/\/store\/acme\/login\?next=%2Fstore%2Facme%2Fproducts$/);
  await fillLogin(page, OWNER.login, OWNER.password);
  await expect(page).toHaveURL(/\/store\/acme\/products$/);

  await page.goto("/store/ACME/products");
  await expect(page).toHaveURL(/\/store\/acme\/products$/);
  await expect(page.getByRole("heading", { name: "Products" })).toBeVisible();
});

test("signing out of ACME through the dialog ends only the ACME session", async ({ page, context }) => {
  await storeLogin(page, "orion");
  await storeLogin(page, "acme");
  expect((await cookiesNamed(context, "store_token")).map((c) => c.path).sort()).toEqual([
    "/store/acme",
    "/store/orion",
  ]);

  await page.getByRole("button", { name: "Sign out" }).click();
  // The dialog's root box is empty (its panel is position: fixed), so look at its content.
  const dialog = page.getByRole("dialog", { name: "Sign out?" });
  await expect(dialog.getByText("This ends your session on this device.")).toBeVisible();
  await dialog.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/store\/acme\/login\?signed_out=1$/);
  await expect(page.getByRole("status").filter({ hasText: "You have been signed out." })).toBeVisible();

  const left = await context.cookies();
  expect(left.filter((c) => c.path === "/store/acme").map((c) => c.name)).toEqual([]);
  expect(left.filter((c) => c.name === "store_token").map((c) => c.path)).toEqual(["/store/orion"]);

  await page.goto("/store/acme/products");
  await expect(page).toHaveURL(/\/store\/acme\/login\?next=/);
  await page.goto("/store/orion");
  await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
});

test("the primary colour shows in the live preview before saving, and saving keeps it", async ({ page }) => {
  await storeLogin(page, "acme");
  await page.goto("/store/acme/settings");
  const form = page.getByRole("form", { name: "Store settings" });
  const input = form.getByLabel("Primary colour", { exact: true });
  const bar = page.locator('[aria-label="Preview"] > div').first();
  const original = await input.inputValue();
  const colour = original.toLowerCase() === "#0a7f3c" ? "#7c3aed" : "#0a7f3c";
  const rgb = (hex: string) => `rgb(${[1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(", ")})`;

  await expect(bar).toHaveCSS("background-color", rgb(original));
  await input.fill(colour);
  await expect(bar).toHaveCSS("background-color", rgb(colour));
  await expect(form.getByRole("status")).toHaveCount(0); // nothing saved yet

  await form.getByRole("button", { name: "Save settings" }).click();
  await expect(form.getByRole("status")).toHaveText("Settings saved.");
  await page.reload();
  await expect(input).toHaveValue(colour);
  await expect(bar).toHaveCSS("background-color", rgb(colour));

  // Leave the demo store as it was for the other specs of this run.
  await input.fill(original);
  await form.getByRole("button", { name: "Save settings" }).click();
  await expect(form.getByRole("status")).toHaveText("Settings saved.");
});

test("store pages render at 1280 px and 360 px without horizontal scrolling (screenshots)", async ({
  browser,
  baseURL,
}) => {
  mkdirSync(SHOTS, { recursive: true });
  for (const width of [1280, 360]) {
    const context = await newContext(browser, baseURL, width);
    try {
      const page = await context.newPage();
      const shoot = async (name: string, heading: string | RegExp) => {
        await expect(page.getByRole("heading", { name: heading, level: 1 })).toBeVisible();
        await page.screenshot({ path: `${SHOTS}/store-${name}-${width}.png`, fullPage: true });
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect.soft(overflow, `store-${name}-${width} scrolls sideways`).toBeLessThanOrEqual(0);
      };
      await page.goto("/store/acme/login");
      await shoot("login", STORE_NAME.acme);
      await fillLogin(page, OWNER.login, OWNER.password);
      await expect(page).toHaveURL(/\/store\/acme$/);
      await shoot("dashboard", "Dashboard");
      await page.goto("/store/acme/products");
      await shoot("products", "Products");
      await page.getByRole("row").nth(1).getByRole("link").click();
      await expect(page).toHaveURL(/\/store\/acme\/products\/[0-9a-f-]{36}$/);
      await expect(page.getByRole("button", { name: "Save changes" })).toBeVisible();
      await shoot("product-edit", /.+/);
      await page.goto("/store/acme/team");
      await shoot("team", "Team");
      await page.goto("/store/acme/settings");
      await shoot("settings", "Settings");
    } finally {
      await context.close();
    }
  }
});
