// The admin console journey in a real browser: sign-in, where the admin cookie goes (and
// where it must not), sign-out, `?next=` handling, the colour scheme and a visual check.
import { mkdirSync } from "node:fs";
import {
  type APIRequestContext,
  type BrowserContext,
  type Cookie,
  type Page,
  type Request,
  expect,
  test,
} from "@playwright/test";

const ADMIN = { username: "admin", email: "admin@orion.test", password: "admin123" };
const STORE_USER = { username: "store_owner", password: "store123" };
const INVALID_LOGIN = "Invalid email/username or password";
const SCREENSHOTS = "test-results/screenshots";

// ---------------------------------------------------------------------------- helpers

/** Fills and submits the sign-in form of the page that is open. */
async function submitLogin(
  page: Page,
  login: string,
  password: string,
  options: { rememberMe?: boolean } = {},
) {
  await page.getByLabel("Email or username").fill(login);
  await page.getByLabel("Password", { exact: true }).fill(password);
  if (options.rememberMe) await page.getByLabel("Remember me on this device").check();
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** Signs in at `/admin/login` and waits for the dashboard. */
async function loginAsAdmin(page: Page, options: { login?: string; rememberMe?: boolean } = {}) {
  await page.goto("/admin/login");
  await submitLogin(page, options.login ?? ADMIN.username, ADMIN.password, options);
  await page.waitForURL((url) => url.pathname === "/admin");
  await expect(page.getByTestId("signed-in-as")).toHaveText(ADMIN.username);
}

async function authCookies(context: BrowserContext): Promise<Cookie[]> {
  return (await context.cookies()).filter((c) => c.name === "admin_token" || c.name === "admin_refresh");
}

async function cookieNamed(context: BrowserContext, name: string): Promise<Cookie | undefined> {
  return (await context.cookies()).find((c) => c.name === name);
}

function me(request: APIRequestContext, token: string) {
  return request.get("/api/v1/admin/auth/me", { headers: { authorization: `Bearer ${token}` } });
}

/** Navigates to `path` and returns the Cookie header of every request the page made meanwhile. */
async function cookieHeadersWhileVisiting(
  page: Page,
  path: string,
): Promise<{ url: string; cookie: string }[]> {
  const pending: Promise<{ url: string; cookie: string }>[] = [];
  const listener = (request: Request) => {
    pending.push(request.allHeaders().then((h) => ({ url: request.url(), cookie: h["cookie"] ?? "" })));
  };
  page.on("request", listener);
  await page.goto(path);
  await page.waitForLoadState("networkidle");
  page.off("request", listener);
  return Promise.all(pending);
}

function pathOf(url: string): string {
  return new URL(url).pathname;
}

// ---------------------------------------------------------------------------- sign-in

test.describe("admin sign-in", () => {
  test("signs in by username and keeps the token in an HttpOnly, Lax, /admin-only cookie", async ({
    page,
    context,
    baseURL,
  }) => {
    await page.goto("/admin/login");
    const loginResponse = page.waitForResponse(
      (r) => r.request().method() === "POST" && pathOf(r.url()) === "/admin/login",
    );
    await submitLogin(page, ADMIN.username, ADMIN.password);
    const setCookie = (await (await loginResponse).allHeaders())["set-cookie"] ?? "";
    await page.waitForURL((url) => url.pathname === "/admin");
    await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
    await expect(page.getByTestId("signed-in-as")).toHaveText(ADMIN.username);

    const host = new URL(baseURL!).hostname;
    const token = await cookieNamed(context, "admin_token");
    expect(token).toMatchObject({ path: "/admin", httpOnly: true, sameSite: "Lax", domain: host });
    expect(token!.value).toMatch(/^eyJ/);
    // Max-Age=1800: the cookie lives as long as the access token, not longer.
    expect(token!.expires * 1000).toBeGreaterThan(Date.now() + 1700_000);
    expect(token!.expires * 1000).toBeLessThan(Date.now() + 1900_000);
    const refresh = await cookieNamed(context, "admin_refresh");
    expect(refresh).toMatchObject({
      path: "/admin",
      httpOnly: true,
      sameSite: "Lax",
      domain: host,
      expires: -1,
    });
    // Host-only: the server never widens the cookies with a Domain attribute.
    expect(setCookie).toMatch(/admin_token=eyJ[^\n]*Path=\/admin;/);
    expect(setCookie).not.toMatch(/domain=/i);

    // Nothing in reach of scripts holds the token.
    expect(await page.evaluate(() => document.cookie)).not.toMatch(/admin_(token|refresh)/);
    const storage = await page.evaluate(() => JSON.stringify([{ ...localStorage }, { ...sessionStorage }]));
    expect(storage).not.toContain("eyJ");
    expect(await page.content()).not.toContain("eyJ");
  });

  test("signs in by email address", async ({ page, context }) => {
    await loginAsAdmin(page, { login: ADMIN.email });
    expect((await authCookies(context)).map((c) => c.name).sort()).toEqual(["admin_refresh", "admin_token"]);
  });

  test("remember me makes the refresh cookie outlive the browser session", async ({ page, context }) => {
    await loginAsAdmin(page, { rememberMe: true });
    const refresh = await cookieNamed(context, "admin_refresh");
    // Capped by the 12-hour absolute admin session.
    expect(refresh!.expires * 1000).toBeGreaterThan(Date.now() + 11 * 3600_000);
  });

  test("a wrong password shows the generic error, sets no cookie and clears the password field", async ({
    page,
    context,
  }) => {
    await page.goto("/admin/login");
    await submitLogin(page, ADMIN.username, "not-the-password");
    await expect(page.locator("form").getByRole("alert")).toHaveText(INVALID_LOGIN);
    await expect(page).toHaveURL(/\/admin\/login$/);
    await expect(page.getByLabel("Email or username")).toHaveValue(ADMIN.username);
    await expect(page.getByLabel("Password", { exact: true })).toHaveValue("");
    expect(await page.content()).not.toContain("not-the-password");
    expect(await authCookies(context)).toEqual([]);
  });

  test("a store user cannot sign in to the admin console and gets the same generic error", async ({
    page,
    context,
  }) => {
    await page.goto("/admin/login");
    await submitLogin(page, STORE_USER.username, STORE_USER.password);
    await expect(page.locator("form").getByRole("alert")).toHaveText(INVALID_LOGIN);
    await expect(page).toHaveURL(/\/admin\/login$/);
    expect(await authCookies(context)).toEqual([]);
    await page.goto("/admin");
    await expect(page).toHaveURL(/\/admin\/login\?next=%2Fadmin$/);
  });
});

// ---------------------------------------------------------------------------- cookie scope

test.describe("admin cookie scope", () => {
  test.beforeEach(async ({ page }) => {
    await loginAsAdmin(page);
  });

  for (const path of ["/store/acme", "/storefront/orion"]) {
    test(`does not send the admin cookie to ${path}`, async ({ page }) => {
      const seen = await cookieHeadersWhileVisiting(page, path);
      const doc = seen.find((r) => pathOf(r.url) === path);
      expect(doc, `the browser should have requested ${path}`).toBeDefined();
      // Requests still under /admin (the old page's link prefetches) may carry it; none other may.
      for (const { url, cookie } of seen.filter((r) => !/^\/admin(\/|$)/.test(pathOf(r.url)))) {
        expect(cookie, `Cookie header of ${url}`).not.toMatch(/admin_(token|refresh)=/);
      }
    });
  }

  test("does send the admin cookie to /admin", async ({ page }) => {
    const seen = await cookieHeadersWhileVisiting(page, "/admin");
    const doc = seen.find((r) => pathOf(r.url) === "/admin");
    expect(doc?.cookie).toMatch(/(^|; )admin_token=eyJ/);
    expect(doc?.cookie).toMatch(/(^|; )admin_refresh=/);
  });
});

// ---------------------------------------------------------------------------- sign-out

test.describe("admin sign-out", () => {
  test("anonymous requests to /admin are redirected (307) to the login page", async ({ request }) => {
    const response = await request.get("/admin", { maxRedirects: 0 });
    expect(response.status()).toBe(307);
    const location = new URL(response.headers()["location"] ?? "", "http://base.invalid");
    expect(location.pathname + location.search).toBe("/admin/login?next=%2Fadmin");
  });

  test("signs out through the confirmation dialog and revokes the session", async ({
    page,
    context,
    request,
  }) => {
    await loginAsAdmin(page);
    const token = (await cookieNamed(context, "admin_token"))?.value ?? "missing admin_token";
    expect((await me(request, token)).status()).toBe(200);

    // Headless UI's role=dialog wrapper has an empty box (its panel is position:fixed), so
    // visibility is checked on the panel's content.
    const dialog = page.getByRole("dialog", { name: "Sign out?" });
    const cancel = dialog.getByRole("button", { name: "Cancel" });
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(cancel).toBeVisible();
    await expect
      .poll(() => page.evaluate(() => Boolean(document.activeElement?.closest("[role=dialog]"))), {
        message: "focus should move into the dialog",
      })
      .toBe(true);

    // Escape closes it without signing out.
    await page.keyboard.press("Escape");
    await expect(dialog).toHaveCount(0);
    await expect(page).toHaveURL(/\/admin$/);
    expect(await cookieNamed(context, "admin_token")).toBeDefined();
    expect((await me(request, token)).status()).toBe(200);

    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(cancel).toBeVisible();
    await dialog.getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL((url) => url.pathname === "/admin/login" && url.search === "?signed_out=1");
    await expect(page.getByRole("status")).toContainText("You have been signed out.");
    expect(await authCookies(context)).toEqual([]);

    await page.goto("/admin");
    await expect(page).toHaveURL(/\/admin\/login\?next=%2Fadmin$/);
    // The token taken before sign-out is dead on the server too, not only gone from the browser.
    const after = await me(request, token);
    expect(after.status()).toBe(401);
    expect((await after.json()).error.code).toBe("INVALID_TOKEN");
  });
});

// ---------------------------------------------------------------------------- ?next=

test.describe("admin ?next= handling", () => {
  const offSite = ["https://evil.example", "//evil.example", "/\\evil.example", "/store/acme"];

  for (const next of offSite) {
    test(`never follows next=${next} after sign-in and lands on /admin`, async ({
      page,
      context,
      baseURL,
    }) => {
      // Should the app ever follow it, the browser gets a page instead of a DNS error.
      await context.route(
        (url) => url.hostname === "evil.example",
        (route) => route.fulfill({ body: "evil", contentType: "text/plain" }),
      );
      await page.goto(`/admin/login?next=${encodeURIComponent(next)}`);
      const hiddenNext = page.locator('input[name="next"]');
      await expect(hiddenNext).toHaveValue("");
      // The server action must check it too: put the raw value back into the form.
      await hiddenNext.evaluate((input, value) => ((input as HTMLInputElement).value = value), next);
      await submitLogin(page, ADMIN.username, ADMIN.password);
      await page.waitForURL((url) => url.pathname !== "/admin/login");
      const landed = new URL(page.url());
      expect(landed.host).toBe(new URL(baseURL!).host);
      expect(landed.pathname).toBe("/admin");
      await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
    });
  }

  test("a deep link survives the login: /admin?tab=x → login → /admin?tab=x", async ({ page }) => {
    await page.goto("/admin?tab=x");
    await expect(page).toHaveURL((url) => url.pathname === "/admin/login");
    expect(new URL(page.url()).search).toBe(`?next=${encodeURIComponent("/admin?tab=x")}`);
    await submitLogin(page, ADMIN.username, ADMIN.password);
    await page.waitForURL((url) => url.pathname === "/admin");
    expect(new URL(page.url()).search).toBe("?tab=x");
    await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
  });
});

// ---------------------------------------------------------------------------- theme

test.describe("colour scheme", () => {
  test("the dark mode toggle is remembered across a reload", async ({ page, context }) => {
    await loginAsAdmin(page);
    const html = page.locator("html");
    await expect(html).not.toHaveClass(/\bdark\b/);

    await page.getByRole("button", { name: "Switch to dark mode" }).click();
    await expect(html).toHaveClass(/\bdark\b/);
    expect((await cookieNamed(context, "theme"))?.value).toBe("dark");

    await page.reload();
    await expect(html).toHaveClass(/\bdark\b/);
    await expect(page.getByRole("button", { name: "Switch to light mode" })).toBeVisible();

    await page.getByRole("button", { name: "Switch to light mode" }).click();
    await expect(html).not.toHaveClass(/\bdark\b/);
    await page.reload();
    await expect(html).not.toHaveClass(/\bdark\b/);
    await expect(page.getByRole("button", { name: "Switch to dark mode" })).toBeVisible();
  });
});

// ---------------------------------------------------------------------------- screenshots

test.describe("screenshots", () => {
  const widths = [1280, 360];

  test("login page and dashboard, light and dark, at 1280px and 360px", async ({
    page,
    context,
    baseURL,
  }) => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    const shot = async (name: string) => {
      const sideways = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
      expect(sideways, `${name} should not scroll sideways`).toBe(false);
      await page.screenshot({ path: `${SCREENSHOTS}/admin-${name}.png`, fullPage: true });
    };
    const setTheme = (theme: "light" | "dark") =>
      context.addCookies([{ name: "theme", value: theme, url: baseURL! }]);

    for (const width of widths) {
      await page.setViewportSize({ width, height: 800 });
      for (const theme of ["light", "dark"] as const) {
        await setTheme(theme);
        await page.goto("/admin/login");
        await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
        await shot(`login-${theme}-${width}`);
      }
      await setTheme("light");
      await page.goto("/admin/login");
      await submitLogin(page, ADMIN.username, "wrong-password");
      await expect(page.locator("form").getByRole("alert")).toBeVisible();
      await shot(`login-error-${width}`);
    }

    await setTheme("light");
    await loginAsAdmin(page);
    for (const width of widths) {
      await page.setViewportSize({ width, height: 800 });
      for (const theme of ["light", "dark"] as const) {
        await setTheme(theme);
        await page.reload();
        await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
        await shot(`dashboard-${theme}-${width}`);
      }
      await page.getByRole("button", { name: "Sign out" }).click();
      await expect(page.getByRole("dialog").getByRole("button", { name: "Cancel" })).toBeVisible();
      await shot(`signout-dialog-dark-${width}`);
      await page.keyboard.press("Escape");
      await expect(page.getByRole("dialog")).toHaveCount(0);
    }
  });
});
