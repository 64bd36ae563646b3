// What cannot be undone asks first, in the one accessible dialog sign-out uses: suspending a
// store, deactivating a user or a customer, removing a team member, archiving a product,
// deleting an address and signing out all other sessions. For each: Cancel keeps the thing,
// the keyboard opens the dialog (focus inside), Escape cancels and gives focus back to the
// button, and the dialog's button, which names the thing, does it.
import { type Locator, type Page, expect, test } from "@playwright/test";
import postgres from "postgres";
import { testPort } from "../tests/support/ports";
import { signIn } from "./support/sign-in";

const base = `http://127.0.0.1:${testPort("ORION_E2E_PORT", 3102)}`;
const s = Math.random().toString(36).slice(2, 8);
const ADMIN = { username: `confirm_admin_${s}`, password: "admin123" };
const OWNER = {
  username: `confirm_owner_${s}`,
  email: `confirm-owner-${s}@example.com`,
  password: "ember basin quartz lily",
};
const SHOPPER = { email: `confirm-shopper-${s}@example.com`, password: "amber canal ferry lantern" };
const STORE = { code: `CF${s.toUpperCase()}`, slug: `confirm-${s}`, name: `Confirm Co ${s}` };
const DOOMED = { code: `CD${s.toUpperCase()}`, slug: `doomed-${s}`, name: `Doomed Co ${s}` };
const MEMBER = `confirm_member_${s}`;
const LEAVER = `confirm_leaver_${s}`;
const PRODUCT = `Confirm Lamp ${s}`;

let sql: postgres.Sql;
const ids: Record<string, string> = {};

async function api(method: string, path: string, body?: unknown, token?: string) {
  const res = await fetch(base + path, {
    method,
    headers: {
      ...(body === undefined ? {} : { "content-type": "application/json" }),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  expect(res.status, `${method} ${path}: ${text}`).toBeLessThan(300);
  return JSON.parse(text) as Record<string, unknown> & { id: string; access_token: string };
}

test.beforeAll(async () => {
  sql = postgres(process.env.ORION_E2E_DATABASE_URL!, { max: 1, onnotice: () => {} });
  // An admin of our own, so its sessions page lists only this spec's sessions.
  await sql`insert into users (username, email, password_hash, role)
    select ${ADMIN.username}, ${ADMIN.username} || '@orion.test', password_hash, 'admin' from users where username = 'admin'`;
  const admin = await api("POST", "/api/v1/admin/auth/login", {
    email_or_username: ADMIN.username,
    password: ADMIN.password,
  });
  for (const store of [STORE, DOOMED]) {
    const created = await api(
      "POST",
      "/api/v1/admin/stores",
      {
        ...store,
        owner:
          store === STORE
            ? { username: OWNER.username, email: OWNER.email, password: OWNER.password }
            : { username: `doomed_owner_${s}`, email: `doomed-${s}@example.com`, password: OWNER.password },
      },
      admin.access_token,
    );
    ids[store.slug] = created.id;
  }
  const owner = await api("POST", "/api/v1/store/auth/login", {
    email_or_username: OWNER.username,
    password: OWNER.password,
    store_code: STORE.code,
  });
  ids.product = (
    await api(
      "POST",
      `/api/v1/store/${STORE.slug}/products`,
      { name: PRODUCT, description: "A lamp.", price_cents: 2500, stock: 5 },
      owner.access_token,
    )
  ).id;
  // Two more staff accounts: one joins the team (to be removed), one is deactivated by the admin.
  for (const username of [MEMBER, LEAVER]) {
    await sql`insert into users (username, email, password_hash, role)
      select ${username}, ${username} || '@example.com', password_hash, 'store' from users where username = 'store_owner'`;
  }
  await sql`insert into store_members (store_id, user_id, role)
    select ${ids[STORE.slug]!}, id, 'staff' from users where username = ${MEMBER}`;
  const registered = await api("POST", `/api/v1/storefront/${STORE.slug}/auth/register`, {
    first_name: "Carla",
    last_name: `Confirm${s}`,
    email: SHOPPER.email,
    password: SHOPPER.password,
    marketing_consent: false,
  });
  ids.customer = (registered.customer as { id: string }).id;
  const shopper = await api("POST", `/api/v1/storefront/${STORE.slug}/auth/login`, {
    email_or_username: SHOPPER.email,
    password: SHOPPER.password,
  });
  await api(
    "POST",
    `/api/v1/storefront/${STORE.slug}/account/addresses`,
    { name: "Carla Confirm", line1: "1 Rue Haute", postal_code: "L-1111", city: "Esch", country: "LU" },
    shopper.access_token,
  );
});

test.afterAll(async () => {
  await sql?.end();
});

async function adminLogin(page: Page) {
  await page.goto("/admin/login");
  await signIn(page, ADMIN.username, ADMIN.password);
  // This machine is shared and slow: a sign-in may take a while.
  await expect(page).toHaveURL(/\/admin$/, { timeout: 20_000 });
}

async function ownerLogin(page: Page) {
  await page.goto(`/store/${STORE.slug}/login`);
  await signIn(page, OWNER.username, OWNER.password);
  await expect(page).toHaveURL(new RegExp(`/store/${STORE.slug}$`), { timeout: 20_000 });
}

const focusInDialog = (page: Page) =>
  page.evaluate(() => Boolean(document.activeElement?.closest("[role=dialog]")));

/**
 * The whole confirmation: Cancel by mouse, then by keyboard (Enter opens with focus inside,
 * Escape closes and focus returns), each time `kept` must still hold; then the dialog's own
 * button `confirm` does it.
 */
async function confirmThrough(
  page: Page,
  trigger: Locator,
  dialogName: string,
  confirm: string,
  kept: () => Promise<void>,
) {
  const dialog = page.getByRole("dialog", { name: dialogName });
  const cancel = dialog.getByRole("button", { name: "Cancel" });

  await trigger.click();
  await expect(cancel).toBeVisible();
  await expect(dialog.getByRole("button", { name: confirm, exact: true })).toBeVisible();
  await cancel.click();
  await expect(dialog).toHaveCount(0);
  await kept();

  await trigger.focus();
  await page.keyboard.press("Enter");
  await expect(cancel).toBeVisible();
  await expect.poll(() => focusInDialog(page), { message: "focus moves into the dialog" }).toBe(true);
  await page.keyboard.press("Escape");
  await expect(dialog).toHaveCount(0);
  await expect(trigger).toBeFocused();
  await kept();

  await page.keyboard.press("Enter");
  await expect(cancel).toBeVisible();
  await dialog.getByRole("button", { name: confirm, exact: true }).click();
  await expect(dialog).toHaveCount(0);
}

test("admin: suspending a store asks first, names the store, and suspends it", async ({ page }) => {
  await adminLogin(page);
  await page.goto(`/admin/stores/${ids[DOOMED.slug]}`);
  const status = async () =>
    (await sql`select status from stores where id = ${ids[DOOMED.slug]!}`)[0]!.status as string;
  await confirmThrough(
    page,
    page.getByRole("button", { name: "Suspend store" }),
    `Suspend ${DOOMED.name}?`,
    `Suspend ${DOOMED.name}`,
    async () => {
      await expect(page.getByRole("button", { name: "Reactivate store" })).toHaveCount(0);
      expect(await status()).toBe("active");
    },
  );
  await expect(page.getByText("suspended", { exact: true }).first()).toBeVisible();
  await expect(page.getByRole("button", { name: "Reactivate store" })).toBeVisible();
  expect(await status()).toBe("suspended");
});

test("admin: deactivating a user asks first, names the user, and deactivates", async ({ page }) => {
  await adminLogin(page);
  await page.goto(`/admin/users?q=${LEAVER}`);
  const row = page.getByRole("row").filter({ hasText: LEAVER });
  const active = async () =>
    (await sql`select is_active from users where username = ${LEAVER}`)[0]!.is_active as boolean;
  await confirmThrough(
    page,
    row.getByRole("button", { name: "Deactivate" }),
    `Deactivate ${LEAVER}?`,
    `Deactivate ${LEAVER}`,
    async () => {
      await expect(row.getByText("active", { exact: true })).toBeVisible();
      expect(await active()).toBe(true);
    },
  );
  await expect(row.getByText("deactivated", { exact: true })).toBeVisible();
  await expect(row.getByRole("button", { name: "Reactivate" })).toBeVisible();
  expect(await active()).toBe(false);
});

test("admin: signing out all other sessions asks first and ends them, this one stays", async ({ page }) => {
  for (let i = 0; i < 2; i++)
    await api("POST", "/api/v1/admin/auth/login", {
      email_or_username: ADMIN.username,
      password: ADMIN.password,
    });
  await adminLogin(page);
  await page.goto("/admin/sessions");
  const rows = page.locator("tbody tr");
  const live = async () =>
    (
      await sql`select count(*)::int as n from sessions s join users u on u.id = s.user_id
        where u.username = ${ADMIN.username} and s.revoked_at is null`
    )[0]!.n as number;
  const before = await live();
  expect(before).toBeGreaterThanOrEqual(3);
  await confirmThrough(
    page,
    page.getByRole("button", { name: "Sign out all other sessions" }),
    "Sign out all other sessions?",
    `Sign out ${before - 1} other sessions`,
    async () => {
      await expect(rows).toHaveCount(before);
      expect(await live()).toBe(before);
    },
  );
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText("this device");
  expect(await live()).toBe(1);
});

test("store: removing a team member asks first, names them, and removes them", async ({ page }) => {
  await ownerLogin(page);
  await page.goto(`/store/${STORE.slug}/team`);
  const row = page.getByRole("row").filter({ hasText: MEMBER });
  const member = async () =>
    (
      await sql`select count(*)::int as n from store_members m join users u on u.id = m.user_id
        where u.username = ${MEMBER} and m.store_id = ${ids[STORE.slug]!}`
    )[0]!.n as number;
  await confirmThrough(
    page,
    row.getByRole("button", { name: `Remove ${MEMBER}` }),
    `Remove ${MEMBER} from the team?`,
    `Remove ${MEMBER}`,
    async () => {
      await expect(row).toHaveCount(1);
      expect(await member()).toBe(1);
    },
  );
  await expect(row).toHaveCount(0);
  expect(await member()).toBe(0);
});

test("store: archiving a product asks first, names it, and takes it out of the shop", async ({ page }) => {
  await ownerLogin(page);
  await page.goto(`/store/${STORE.slug}/products/${ids.product}`);
  const archived = async () =>
    (await sql`select archived_at from products where id = ${ids.product!}`)[0]!.archived_at as Date | null;
  await confirmThrough(
    page,
    page.getByRole("button", { name: "Archive product" }),
    `Archive ${PRODUCT}?`,
    `Archive ${PRODUCT}`,
    async () => {
      expect(await archived()).toBeNull();
    },
  );
  await expect(page.getByText("Archived: not shown in the shop.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Restore product" })).toBeVisible();
  expect(await archived()).not.toBeNull();
  await page.goto(`/storefront/${STORE.slug}?q=${encodeURIComponent(PRODUCT)}`);
  await expect(page.getByText("No products found.")).toBeVisible();
});

test("store: deactivating a customer asks first, names them, and deactivates", async ({ page }) => {
  await ownerLogin(page);
  await page.goto(`/store/${STORE.slug}/customers/${ids.customer}`);
  const active = async () =>
    (await sql`select is_active from customers where id = ${ids.customer!}`)[0]!.is_active as boolean;
  await confirmThrough(
    page,
    page.getByRole("button", { name: "Deactivate customer" }),
    `Deactivate Carla Confirm${s}?`,
    `Deactivate Carla Confirm${s}`,
    async () => {
      expect(await active()).toBe(true);
    },
  );
  await expect(page.getByText("deactivated", { exact: true })).toBeVisible();
  await expect(page.getByRole("button", { name: "Deactivate customer" })).toHaveCount(0);
  expect(await active()).toBe(false);
});

test("storefront: deleting an address asks first, names it, and deletes it", async ({ page }) => {
  // The shopper of the earlier test is deactivated: a second one, with an address of their own.
  const email = `confirm-two-${s}@example.com`;
  await api("POST", `/api/v1/storefront/${STORE.slug}/auth/register`, {
    first_name: "Dora",
    last_name: "Two",
    email,
    password: SHOPPER.password,
    marketing_consent: false,
  });
  await page.goto(`/storefront/${STORE.slug}/account/login`);
  await signIn(page, email, SHOPPER.password);
  await expect(page).toHaveURL(new RegExp(`/storefront/${STORE.slug}/account$`), { timeout: 20_000 });
  await page.goto(`/storefront/${STORE.slug}/account/addresses`);
  const form = page.getByRole("form", { name: "New address" });
  await form.getByLabel("Full name").fill("Dora Two");
  await form.getByLabel("Street and number").fill("2 Rue Basse");
  await form.getByLabel("Postal code").fill("L-2222");
  await form.getByLabel("City").fill("Wiltz");
  await form.getByLabel("Country code").fill("LU");
  await form.getByRole("button", { name: "Add address" }).click();
  await expect(form.getByRole("status")).toHaveText("Address added.");
  await page.reload();
  const card = page.getByRole("heading", { name: "Dora Two, Wiltz" });
  await expect(card).toBeVisible();
  const count = async () =>
    (
      await sql`select count(*)::int as n from addresses a join customers c on c.id = a.customer_id
        where c.email = ${email}`
    )[0]!.n as number;
  await confirmThrough(
    page,
    page.getByRole("button", { name: "Delete address Dora Two, Wiltz" }),
    "Delete this address?",
    "Delete Dora Two, Wiltz",
    async () => {
      await expect(card).toBeVisible();
      expect(await count()).toBe(1);
    },
  );
  await expect(card).toHaveCount(0);
  expect(await count()).toBe(0);
});
