// Stored XSS in Chromium (checklist S19, S67; README › Response headers: nothing a store or a
// shopper writes is ever markup): markup canaries planted in everything a store owner or a shopper writes —
// store name, products, the shopper's names and address, the user agent and the typed login
// name — are shown as text on every page of every area that displays them, never run and never
// become elements; theme fields and image URLs that could carry script are refused.
import { testPort } from "../tests/support/ports";
import { randomBytes } from "node:crypto";
import { type BrowserContext, type Page, expect, test } from "@playwright/test";
import postgres from "postgres";

const port = testPort("ORION_E2E_PORT", 3102);
const base = `http://127.0.0.1:${port}`;

const IMG = "<img src=x onerror=window.__xss=1>";
const SCRIPT = '"><script>window.__xss=1</script>';
const SVG = "<svg onload=window.__xss=1>";
const JS_URL = "javascript:window.__xss=1";

const tag = randomBytes(3).toString("hex");
const slug = `xss-${tag}`;
const code = `XSS${tag.toUpperCase()}`.slice(0, 12);
const CANARY = {
  store: `Shop ${IMG}${SCRIPT}`,
  product: `Widget ${IMG}${SCRIPT}`,
  description: `About ${SVG} ${IMG} ${JS_URL} ${SCRIPT}`,
  firstName: `Fay ${IMG}`,
  lastName: `Lee ${SCRIPT}`,
  addressName: `Addressee ${IMG}`,
  line1: `1 Street ${SCRIPT}`,
  line2: `Flat ${SVG}`,
  city: `Town ${IMG}`,
  userAgent: `Mozilla/5.0 (X11; Linux x86_64) Canary${IMG}${SCRIPT}`,
  identifier: `nobody ${IMG}${SCRIPT}`,
};

const OWNER = {
  username: `xss_owner_${tag}`,
  email: `xss-owner-${tag}@example.com`,
  password: "gravel orchid tundra seventeen",
};
const SHOPPER = { email: `xss-shopper-${tag}@example.com`, password: "harbour violet quiz mantle" };
const ADMIN = { username: `xss_admin_${tag}`, password: "admin123" };

declare global {
  interface Window {
    __xss?: number;
    violations: string[];
  }
}

let sql: postgres.Sql;
const ids = { store: "", product: "", order: "", customer: "", address: "" };
const tokens = { admin: "", store: "", customer: "" };

async function api(
  method: string,
  path: string,
  options: { token?: string; body?: unknown; userAgent?: string } = {},
) {
  const headers: Record<string, string> = {};
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.body !== undefined) headers["content-type"] = "application/json";
  if (options.userAgent) headers["user-agent"] = options.userAgent;
  return fetch(base + path, {
    method,
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
}

async function ok<T = Record<string, unknown>>(res: Promise<Response>, status = 200): Promise<T> {
  const answer = await res;
  const text = await answer.text();
  expect(answer.status, text).toBe(status);
  return JSON.parse(text) as T;
}

test.beforeAll(async () => {
  sql = postgres(process.env.ORION_E2E_DATABASE_URL!, { max: 1, onnotice: () => {} });
  // An admin of our own, so that its sessions page lists only the sessions of this spec.
  await sql`insert into users (username, email, password_hash, role)
    select ${ADMIN.username}, ${ADMIN.username} || '@orion.test', password_hash, 'admin' from users where username = 'admin'`;
  const admin = await ok<{ access_token: string }>(
    api("POST", "/api/v1/admin/auth/login", {
      body: { email_or_username: ADMIN.username, password: ADMIN.password },
      userAgent: CANARY.userAgent,
    }),
  );
  tokens.admin = admin.access_token;
  // A failed sign-in whose typed name is markup: it lands in the audit log.
  await api("POST", "/api/v1/admin/auth/login", {
    body: { email_or_username: CANARY.identifier, password: "wrong password" },
  });

  const store = await ok<{ id: string }>(
    api("POST", "/api/v1/admin/stores", {
      token: tokens.admin,
      body: { code, slug, name: CANARY.store, owner: OWNER },
    }),
    201,
  );
  ids.store = store.id;
  const owner = await ok<{ access_token: string }>(
    api("POST", "/api/v1/store/auth/login", {
      body: { email_or_username: OWNER.username, password: OWNER.password, store_code: code },
      userAgent: CANARY.userAgent,
    }),
  );
  tokens.store = owner.access_token;
  await api("POST", "/api/v1/store/auth/login", {
    body: { email_or_username: CANARY.identifier, password: "wrong password", store_code: code },
  });
  const product = await ok<{ id: string }>(
    api("POST", `/api/v1/store/${slug}/products`, {
      token: tokens.store,
      body: { name: CANARY.product, description: CANARY.description, price_cents: 1999, stock: 50 },
    }),
    201,
  );
  ids.product = product.id;

  const registered = await ok<{ customer: { id: string } }>(
    api("POST", `/api/v1/storefront/${slug}/auth/register`, {
      body: {
        first_name: CANARY.firstName,
        last_name: CANARY.lastName,
        email: SHOPPER.email,
        password: SHOPPER.password,
        marketing_consent: false,
      },
    }),
    201,
  );
  ids.customer = registered.customer.id;
  const shopper = await ok<{ access_token: string }>(
    api("POST", `/api/v1/storefront/${slug}/auth/login`, {
      body: { email_or_username: SHOPPER.email, password: SHOPPER.password },
      userAgent: CANARY.userAgent,
    }),
  );
  tokens.customer = shopper.access_token;
  await api("POST", `/api/v1/storefront/${slug}/auth/login`, {
    body: { email_or_username: CANARY.identifier, password: "wrong password" },
  });
  const address = await ok<{ id: string }>(
    api("POST", `/api/v1/storefront/${slug}/account/addresses`, {
      token: tokens.customer,
      body: {
        name: CANARY.addressName,
        line1: CANARY.line1,
        line2: CANARY.line2,
        postal_code: "L-1234",
        city: CANARY.city,
        country: "LU",
      },
    }),
    201,
  );
  ids.address = address.id;
  await ok(
    api("POST", `/api/v1/storefront/${slug}/account/wishlist`, {
      token: tokens.customer,
      body: { product_id: ids.product },
    }),
    201,
  );
  const order = await ok<{ id: string }>(
    api("POST", `/api/v1/storefront/${slug}/orders`, {
      token: tokens.customer,
      body: { items: [{ product_id: ids.product, quantity: 1 }], address_id: ids.address },
    }),
    201,
  );
  ids.order = order.id;
});

test.afterAll(async () => {
  await sql?.end();
});

/** A browser signed in to all three areas, each by its own cookie on its own path. */
async function signedIn(context: BrowserContext): Promise<Page> {
  const host = "127.0.0.1";
  await context.addCookies([
    {
      name: "admin_token",
      value: tokens.admin,
      domain: host,
      path: "/admin",
      httpOnly: true,
      sameSite: "Lax",
    },
    {
      name: "store_token",
      value: tokens.store,
      domain: host,
      path: `/store/${slug}`,
      httpOnly: true,
      sameSite: "Lax",
    },
    {
      name: "customer_token",
      value: tokens.customer,
      domain: host,
      path: `/storefront/${slug}`,
      httpOnly: true,
      sameSite: "Lax",
    },
    {
      // The cart: the product, once (the cookie holds ids and quantities only).
      name: "cart",
      value: Buffer.from(JSON.stringify([{ p: ids.product, q: 1 }])).toString("base64url"),
      domain: host,
      path: `/storefront/${slug}`,
      httpOnly: true,
      sameSite: "Lax",
    },
  ]);
  const page = await context.newPage();
  await page.addInitScript(() => {
    window.violations = [];
    document.addEventListener("securitypolicyviolation", (e) =>
      window.violations.push(`${e.effectiveDirective} ${e.blockedURI}`),
    );
  });
  page.on("dialog", (dialog) => {
    throw new Error(`a dialog opened: ${dialog.message()}`);
  });
  return page;
}

/**
 * Nothing planted ran or became an element: no canary flag, no element carrying a planted
 * handler, no script whose body is the planted one, no live `javascript:` URL (React's own
 * blocking placeholder aside), and no policy violation, which an injected handler would cause
 * even where the policy stops it. `allowed` names violations that planted data may cause
 * without any markup of it running (an image the policy will not load).
 */
async function expectInert(page: Page, where: string, allowed?: RegExp) {
  const found = await page.evaluate(() => ({
    flag: window.__xss,
    handlers: [...document.querySelectorAll("[onerror], [onload], [onmouseover]")]
      .map((e) => e.outerHTML)
      .filter((h) => h.includes("__xss")),
    scripts: [...document.scripts].filter((s) => s.textContent?.trim() === "window.__xss=1").length,
    javascriptUrls: [...document.querySelectorAll("[href], [src]")]
      .map((e) => e.getAttribute("href") ?? e.getAttribute("src") ?? "")
      .filter(
        (u) =>
          /^\s*javascript:/i.test(u) &&
          !u.startsWith("javascript:throw new Error('React has blocked a javascript: URL"),
      ),
    violations: window.violations,
  }));
  found.violations = found.violations.filter((v) => !allowed?.test(v));
  expect(found, where).toEqual({
    flag: undefined,
    handlers: [],
    scripts: 0,
    javascriptUrls: [],
    violations: [],
  });
}

type Visit = { path: string; texts: string[]; values?: string[]; titles?: string[] };

async function visit(page: Page, { path, texts, values = [], titles = [] }: Visit) {
  const res = await page.goto(path);
  expect(res?.status(), path).toBe(200);
  await page.waitForLoadState("networkidle");
  for (const text of texts)
    await expect(page.getByText(text).first(), `${path}: "${text}" shown as text`).toBeVisible();
  for (const value of values) {
    const found = await page.evaluate(
      (v) =>
        [...document.querySelectorAll("input, textarea")].some((e) => (e as HTMLInputElement).value === v),
      value,
    );
    expect(found, `${path}: a form field holds "${value}"`).toBe(true);
  }
  for (const title of titles) {
    const found = await page.evaluate(
      (t) => [...document.querySelectorAll("[title]")].some((e) => e.getAttribute("title") === t),
      title,
    );
    expect(found, `${path}: a title holds "${title}"`).toBe(true);
  }
  await expectInert(page, path);
}

test.describe("planted markup is text everywhere", () => {
  test("storefront: catalog, product, cart, account, addresses, orders, wishlist, profile, sessions", async ({
    context,
  }) => {
    const page = await signedIn(context);
    const shop = `/storefront/${slug}`;
    const visits: Visit[] = [
      { path: shop, texts: [CANARY.store, CANARY.product] },
      { path: `${shop}/products/${ids.product}`, texts: [CANARY.product, CANARY.description] },
      { path: `${shop}/cart`, texts: [CANARY.product] },
      { path: `${shop}/account`, texts: [CANARY.firstName] },
      {
        path: `${shop}/account/addresses`,
        texts: [CANARY.addressName, CANARY.city],
        values: [CANARY.line1, CANARY.line2],
      },
      { path: `${shop}/account/orders`, texts: [CANARY.store] },
      {
        path: `${shop}/account/orders/${ids.order}`,
        texts: [CANARY.product, CANARY.addressName, CANARY.line1],
      },
      { path: `${shop}/account/wishlist`, texts: [CANARY.product] },
      { path: `${shop}/account/profile`, texts: [], values: [CANARY.firstName, CANARY.lastName] },
      { path: `${shop}/account/sessions`, texts: [], titles: [CANARY.userAgent] },
    ];
    for (const v of visits) await visit(page, v);
  });

  test("store dashboard: products, orders, customers, audit, security", async ({ context }) => {
    const page = await signedIn(context);
    const dash = `/store/${slug}`;
    const visits: Visit[] = [
      { path: dash, texts: [CANARY.store] },
      { path: `${dash}/products`, texts: [CANARY.product] },
      { path: `${dash}/products/${ids.product}`, texts: [], values: [CANARY.product, CANARY.description] },
      { path: `${dash}/orders`, texts: [CANARY.firstName] },
      {
        path: `${dash}/orders/${ids.order}`,
        texts: [CANARY.product, CANARY.addressName, CANARY.line1, CANARY.city],
      },
      { path: `${dash}/customers`, texts: [CANARY.firstName] },
      { path: `${dash}/customers/${ids.customer}`, texts: [CANARY.firstName] },
      { path: `${dash}/audit`, texts: [CANARY.identifier] },
      { path: `${dash}/settings`, texts: [], values: [CANARY.store] },
      { path: `${dash}/security`, texts: [], titles: [CANARY.userAgent] },
    ];
    for (const v of visits) await visit(page, v);
  });

  test("admin console: stores, store detail, users, audit log, sessions", async ({ context }) => {
    const page = await signedIn(context);
    const visits: Visit[] = [
      { path: `/admin/stores?q=${slug}`, texts: [CANARY.store] },
      { path: `/admin/stores/${ids.store}`, texts: [], values: [CANARY.store] },
      { path: `/admin/users?q=${OWNER.username}`, texts: [OWNER.username] },
      { path: "/admin/audit?type=login_failed", texts: [CANARY.identifier] },
      { path: "/admin/sessions", texts: [], titles: [CANARY.userAgent] },
    ];
    for (const v of visits) await visit(page, v);
  });
});

test.describe("fields that could carry script are refused", () => {
  test("theme colours, font and logo URL, and a product image URL, are validated, and nothing is stored", async () => {
    const [before] = await sql`select theme from stores where id = ${ids.store}`;
    const attempts: Array<[field: string, theme: Record<string, string>]> = [
      ["theme.primaryColor", { primaryColor: `#4f46e5;}</style>${SCRIPT}` }],
      ["theme.accentColor", { accentColor: `red;background:url(${JS_URL})` }],
      ["theme.font", { font: `Inter</style>${SCRIPT}` }],
      ["theme.logoUrl", { logoUrl: JS_URL }],
      ["theme.logoUrl", { logoUrl: `data:image/svg+xml,${SVG}` }],
      ["theme.logoUrl", { logoUrl: `http://attacker.test/${IMG}` }],
    ];
    for (const [field, change] of attempts) {
      const theme = {
        primaryColor: "#4f46e5",
        accentColor: "#b45309",
        logoUrl: "",
        font: "Inter",
        ...change,
      };
      const res = await api("PATCH", `/api/v1/store/${slug}/settings`, {
        token: tokens.store,
        body: { theme },
      });
      expect(res.status, JSON.stringify(change)).toBe(422);
      const fields = (
        (await res.json()) as { error: { details: Array<{ field: string }> } }
      ).error.details.map((d) => d.field);
      expect(fields, JSON.stringify(change)).toContain(field);
    }
    for (const image_url of [JS_URL, `data:text/html,${SCRIPT}`, `vbscript:msgbox(1)`]) {
      const res = await api("PATCH", `/api/v1/store/${slug}/products/${ids.product}`, {
        token: tokens.store,
        body: { image_url },
      });
      expect(res.status, image_url).toBe(422);
    }
    // Identifiers that pages print (store code, slug, the owner's username) take no markup at all.
    for (const [field, change] of [
      ["code", { code: `X${SCRIPT}` }],
      ["slug", { slug: `x${IMG}` }],
      ["owner.username", { owner: { ...OWNER, username: `u${IMG}`, email: `other-${tag}@example.com` } }],
    ] as const) {
      const res = await api("POST", "/api/v1/admin/stores", {
        token: tokens.admin,
        body: {
          code: `Z${tag}`.slice(0, 12).toUpperCase(),
          slug: `z-${tag}`,
          name: "Plain name",
          owner: { ...OWNER, username: `z_${tag}`, email: `z-${tag}@example.com` },
          ...change,
        },
      });
      expect(res.status, field).toBe(422);
      const fields = (
        (await res.json()) as { error: { details: Array<{ field: string }> } }
      ).error.details.map((d) => d.field);
      expect(fields, field).toContain(field);
    }
    const [after] = await sql`select theme from stores where id = ${ids.store}`;
    expect(after!.theme).toEqual(before!.theme);
    const [product] = await sql`select image_url from products where id = ${ids.product}`;
    expect(product!.image_url).toBeNull();
  });

  test("a theme written past validation (straight into the database) still renders inert", async ({
    context,
  }) => {
    const [saved] = await sql`select theme from stores where id = ${ids.store}`;
    const planted = {
      primaryColor: `red;}</style>${SCRIPT}`,
      accentColor: `red" onmouseover="window.__xss=1`,
      logoUrl: JS_URL,
      font: `Inter</style>${SCRIPT}${IMG}`,
    };
    await sql`update stores set theme = ${sql.json(planted)} where id = ${ids.store}`;
    try {
      const page = await signedIn(context);
      for (const path of [`/storefront/${slug}`, `/storefront/${slug}/account`, `/store/${slug}/settings`]) {
        expect((await page.goto(path))?.status(), path).toBe(200);
        await page.waitForLoadState("networkidle");
        await page.mouse.move(10, 10);
        await page.mouse.move(300, 300);
        // The planted logo URL is an image the policy will not load; nothing of it runs.
        await expectInert(page, path, /^img-src javascript$/);
      }
    } finally {
      await sql`update stores set theme = ${sql.json(saved!.theme)} where id = ${ids.store}`;
    }
  });

  test("mail in the store's name carries the planted name as text", async () => {
    await api("POST", `/api/v1/storefront/${slug}/auth/forgot-password`, { body: { email: SHOPPER.email } });
    await expect
      .poll(
        async () =>
          (await sql`select count(*)::int as n from outbox_messages where "to" = ${SHOPPER.email}`)[0]!
            .n as number,
      )
      .toBeGreaterThan(0);
    const mails = await sql<
      { html: string; subject: string }[]
    >`select html, subject from outbox_messages where "to" = ${SHOPPER.email}`;
    for (const mail of mails) {
      expect(mail.html).not.toContain("<img src=x");
      expect(mail.html).not.toContain("<script>");
      expect(mail.html).toContain("&#60;img src=x onerror=window.__xss=1&#62;");
    }
  });
});
