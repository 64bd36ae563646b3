// Data people read (issue 16): dates in the viewer's locale and time zone (the server's UTC text
// first, no hydration mismatch), order status badges, store names and a per-row Unlock on the
// Locked accounts page, labelled audit filters with an event-type list, out-of-stock badges.
import { type Page, expect, test } from "@playwright/test";
import { testPort } from "../tests/support/ports";
import { signIn } from "./support/sign-in";

const base = `http://127.0.0.1:${testPort("ORION_E2E_PORT", 3102)}`;
const s = Math.random().toString(36).slice(2, 8);

async function api(method: string, path: string, body?: unknown, token?: string) {
  const res = await fetch(base + path, {
    method,
    headers: {
      ...(body === undefined ? {} : { "content-type": "application/json" }),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json().catch(() => ({}))) as Record<string, unknown> };
}

async function adminLogin(page: Page) {
  await page.goto("/admin/login");
  await signIn(page, "admin", "admin123");
  await expect(page).toHaveURL(/\/admin$/, { timeout: 20_000 });
}

test("dates show in the viewer's locale and time zone, after the server's stable UTC text", async ({
  browser,
  baseURL,
}) => {
  const context = await browser.newContext({ baseURL, locale: "de-DE", timezoneId: "Asia/Tokyo" });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") problems.push(m.text());
  });
  page.on("pageerror", (e) => problems.push(e.message));
  await adminLogin(page);

  await page.goto("/admin/users?q=admin");
  const time = page
    .getByRole("row")
    .filter({ has: page.getByRole("cell", { name: "admin@orion.test", exact: true }) })
    .locator("time");
  const iso = (await time.getAttribute("datetime"))!;
  expect(iso).toMatch(/^\d{4}-\d{2}-\d{2}T/);
  const local = new Intl.DateTimeFormat("de-DE", {
    timeZone: "Asia/Tokyo",
    dateStyle: "medium",
    timeStyle: "short",
  }).format(new Date(iso));
  await expect(time).toHaveText(local);

  // The server's own HTML carries the UTC text the first render hydrates against.
  const html = await (await page.request.get("/admin/users?q=admin")).text();
  const utc = iso.replace("T", " ").slice(0, 16) + " UTC";
  expect(html.toLowerCase()).toContain(`datetime="${iso}">${utc}</time>`.toLowerCase());

  // A date without its time (when a store was created) in the same locale.
  await page.goto("/admin/stores");
  const day = page.locator("time").first();
  const dayIso = (await day.getAttribute("datetime"))!;
  await expect(day).toHaveText(
    new Intl.DateTimeFormat("de-DE", { timeZone: "Asia/Tokyo", dateStyle: "medium" }).format(
      new Date(dayIso),
    ),
  );
  expect(problems.filter((p) => /hydrat/i.test(p))).toEqual([]);
  await context.close();
});

test("the store's order list shows each status as a badge of its own colour", async ({ page }) => {
  await page.goto("/store/orion/login");
  await signIn(page, "store_owner", "store123");
  await expect(page).toHaveURL(/\/store\/orion$/, { timeout: 20_000 });
  const badge = async (status: string, label: string) => {
    await page.goto(`/store/orion/orders?status=${status}`);
    const cell = page.getByRole("row").nth(1).getByText(label, { exact: true });
    await expect(cell).toBeVisible();
    return cell.evaluate((el) => getComputedStyle(el).backgroundColor);
  };
  const delivered = await badge("delivered", "delivered");
  const pending = await badge("pending_payment", "pending payment");
  expect(delivered).not.toBe("rgba(0, 0, 0, 0)");
  expect(pending).not.toBe("rgba(0, 0, 0, 0)");
  expect(delivered).not.toBe(pending);
});

test("Locked accounts names the store and unlocks from the row", async ({ page }) => {
  const email = `locked-${s}@example.com`;
  const password = "amber canal ferry lantern";
  const registered = await api("POST", "/api/v1/storefront/acme/auth/register", {
    first_name: "Lou",
    last_name: "Locked",
    email,
    password,
    marketing_consent: false,
  });
  expect(registered.status).toBe(201);
  const login = (pw: string) =>
    api("POST", "/api/v1/storefront/acme/auth/login", { email_or_username: email, password: pw });
  for (let i = 0; i < 10; i++) await login("wrong password");
  expect((await login(password)).status).toBe(423);

  await adminLogin(page);
  await page.goto("/admin/locks");
  const row = page.getByRole("row").filter({ hasText: email });
  await expect(row.getByRole("cell", { name: /ACME Supplies/ })).toBeVisible();
  await row.getByRole("button", { name: `Unlock ${email}` }).click();
  await expect(row).toHaveCount(0);
  expect((await login(password)).status).toBe(200);
});

test("audit filters: visible labels and an event-type list", async ({ page }) => {
  await adminLogin(page);
  await page.goto("/admin/audit");
  const filters = page.getByRole("form", { name: "Filter events" });
  for (const label of ["Area", "Store", "Event type", "Who", "From", "To"])
    await expect(filters.getByText(label, { exact: true })).toBeVisible();
  const type = filters.getByRole("combobox", { name: "Event type" });
  await expect(type.getByRole("option", { name: "login failed" })).toHaveCount(1);
  await type.selectOption("login_failed");
  await filters.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/[?&]type=login_failed/);
  await expect(type).toHaveValue("login_failed");
  const events = page.locator("tbody tr td:nth-child(2)");
  await expect(events.first()).toBeVisible();
  expect(new Set(await events.allTextContents())).toEqual(new Set(["login failed"]));
});

test("a product with no stock wears an out-of-stock badge in the shop, on its page and in the dashboard", async ({
  page,
}) => {
  const admin = await api("POST", "/api/v1/admin/auth/login", {
    email_or_username: "admin",
    password: "admin123",
  });
  const slug = `stock-${s}`;
  const code = `ST${s.toUpperCase()}`;
  const owner = {
    username: `stock_owner_${s}`,
    email: `stock-${s}@example.com`,
    password: "ember basin quartz lily",
  };
  const store = await api(
    "POST",
    "/api/v1/admin/stores",
    { code, slug, name: `Stock Co ${s}`, owner },
    admin.body.access_token as string,
  );
  expect(store.status).toBe(201);
  const staff = await api("POST", "/api/v1/store/auth/login", {
    email_or_username: owner.username,
    password: owner.password,
    store_code: code,
  });
  const token = staff.body.access_token as string;
  const gone = await api(
    "POST",
    `/api/v1/store/${slug}/products`,
    { name: "Empty Crate", description: "None left.", price_cents: 900, stock: 0 },
    token,
  );
  await api(
    "POST",
    `/api/v1/store/${slug}/products`,
    { name: "Full Crate", description: "Plenty.", price_cents: 900, stock: 3 },
    token,
  );

  await page.goto(`/storefront/${slug}`);
  await expect(page.getByRole("link", { name: /Empty Crate/ }).getByText("out of stock")).toBeVisible();
  await expect(page.getByRole("link", { name: /Full Crate/ }).getByText("out of stock")).toHaveCount(0);
  await page.goto(`/storefront/${slug}/products/${gone.body.id as string}`);
  await expect(page.getByText("out of stock", { exact: true })).toBeVisible();
  await expect(page.getByRole("button", { name: "Add to cart" })).toHaveCount(0);

  await page.goto(`/store/${slug}/login`);
  await signIn(page, owner.username, owner.password);
  await expect(page).toHaveURL(new RegExp(`/store/${slug}$`), { timeout: 20_000 });
  await page.goto(`/store/${slug}/products`);
  await expect(
    page.getByRole("row").filter({ hasText: "Empty Crate" }).getByText("out of stock"),
  ).toBeVisible();
  await expect(page.getByRole("row").filter({ hasText: "Full Crate" }).getByText("out of stock")).toHaveCount(
    0,
  );
});
