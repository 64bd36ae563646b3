// No token within reach of scripts (checklist S22) and sign-out by the page's own form
// (checklist S21), in Chromium, in every area: the admin console, a store dashboard, and a
// storefront on its subdomain (a custom domain is the same form: cookie Path /storefront) and
// by path. After the sign-in and after a
// page renewed the session from the refresh cookie, neither token is in document.cookie,
// localStorage, sessionStorage, IndexedDB, the HTML or the RSC (flight) payloads the browser
// received. Signing out through the dialog deletes both cookies with their Path, and leaves
// another area's session in the same browser alone.
import { testPort } from "../tests/support/ports";
import { type BrowserContext, type Page, type Response, expect, test } from "@playwright/test";
import { signIn } from "./support/sign-in";

const port = testPort("ORION_E2E_PORT", 3102);
const platform = `http://127.0.0.1:${port}`;

type Place = {
  name: string;
  area: "admin" | "store" | "customer";
  origin: string;
  login: string;
  home: string;
  cookiePath: string;
  identifier: string;
  password: string;
};

const PLACES: Place[] = [
  {
    name: "admin console",
    area: "admin",
    origin: platform,
    login: "/admin/login",
    home: "/admin",
    cookiePath: "/admin",
    identifier: "admin",
    password: "admin123",
  },
  {
    name: "ACME's dashboard",
    area: "store",
    origin: platform,
    login: "/store/acme/login",
    home: "/store/acme",
    cookiePath: "/store/acme",
    identifier: "acme_staff",
    password: "staff123",
  },
  ...[
    { how: "subdomain", origin: `http://orion.localhost:${port}`, base: "/storefront" },
    { how: "path", origin: platform, base: "/storefront/orion" },
  ].map(({ how, origin, base }): Place => ({
    name: `ORION's storefront by ${how}`,
    area: "customer",
    origin,
    login: `${base}/account/login`,
    home: `${base}/account`,
    cookiePath: base,
    identifier: "customer@example.com",
    password: "customer123",
  })),
];

/**
 * The pages the browser loads (HTML with their inline flight data) and the RSC answers of
 * navigations and actions, as text. Link prefetches are left out: they fetch other pages'
 * payloads in the background, and some never finish before the page moves on.
 */
function recordPayloads(page: Page): () => Promise<string[]> {
  const bodies: Array<Promise<string>> = [];
  page.on("response", (res: Response) => {
    const type = res.headers()["content-type"] ?? "";
    const request = res.request();
    const wanted =
      (request.isNavigationRequest() && /text\/html/.test(type)) ||
      (/text\/x-component/.test(type) && !request.headers()["next-router-prefetch"]);
    if (wanted) bodies.push(res.text().catch(() => ""));
  });
  return async () => Promise.all(bodies);
}

async function tokens(context: BrowserContext, place: Place) {
  const host = new URL(place.origin).hostname;
  const jar = (await context.cookies()).filter((c) => c.domain === host);
  const access = jar.find((c) => c.name === `${place.area}_token`);
  const refresh = jar.find((c) => c.name === `${place.area}_refresh`);
  return { access, refresh };
}

/** What scripts on the page can read: cookies, both storages and the IndexedDB databases. */
async function scriptReach(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const databases = indexedDB.databases ? await indexedDB.databases() : [];
    return JSON.stringify({
      cookie: document.cookie,
      local: { ...localStorage },
      session: { ...sessionStorage },
      databases: databases.map((d) => d.name),
    });
  });
}

async function expectOutOfReach(page: Page, payloads: () => Promise<string[]>, secrets: string[]) {
  const reach = await scriptReach(page);
  expect(reach).not.toContain("eyJ");
  const html = await page.content();
  const received = await payloads();
  expect(received.length).toBeGreaterThan(0);
  for (const secret of secrets) {
    expect(reach.includes(secret), "in script-readable storage").toBe(false);
    expect(html.includes(secret), "in the DOM").toBe(false);
    expect(
      received.some((body) => body.includes(secret)),
      "in an HTML or RSC payload",
    ).toBe(false);
  }
}

for (const place of PLACES) {
  test(`${place.name}: no token in reach of scripts after sign-in and renewal; the sign-out form deletes the cookies`, async ({
    page,
    context,
  }) => {
    // Another area's session in the same browser, which this sign-out must leave alone.
    const other = place.area === "admin" ? "store" : "admin";
    const otherLogin =
      other === "admin"
        ? { path: "/api/v1/admin/auth/login", body: { email_or_username: "admin", password: "admin123" } }
        : {
            path: "/api/v1/store/auth/login",
            body: { email_or_username: "store_owner", password: "store123", store_code: "ACME" },
          };
    expect((await page.request.post(platform + otherLogin.path, { data: otherLogin.body })).status()).toBe(
      200,
    );

    const payloads = recordPayloads(page);
    await page.goto(place.origin + place.login);
    await signIn(page, place.identifier, place.password);
    await expect(page).toHaveURL(place.origin + place.home);
    const first = await tokens(context, place);
    expect(first.access?.value).toMatch(/^eyJ/);
    expect(first.refresh?.value).toBeTruthy();
    expect(first.access).toMatchObject({ httpOnly: true, path: place.cookiePath });
    await expectOutOfReach(page, payloads, [first.access!.value, first.refresh!.value]);

    // The access cookie no longer verifies (as when it has expired): the page renews the
    // session from the refresh cookie.
    await context.addCookies([{ ...first.access!, value: "expired", expires: first.access!.expires }]);
    await page.reload();
    await expect(page).toHaveURL(place.origin + place.home);
    const renewed = await tokens(context, place);
    expect(renewed.access?.value).toMatch(/^eyJ/);
    expect(renewed.refresh?.value).not.toBe(first.refresh!.value);
    await expectOutOfReach(page, payloads, [renewed.access!.value, renewed.refresh!.value]);

    // Sign out through the confirmation dialog: the action's answer deletes both cookies.
    const setCookies: string[] = [];
    page.on("response", async (res) => {
      if (res.request().method() !== "POST") return;
      const header = (await res.allHeaders())["set-cookie"];
      if (header) setCookies.push(...header.split("\n"));
    });
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.getByRole("dialog", { name: "Sign out?" }).getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(`${place.origin}${place.login}?signed_out=1`);
    for (const name of [`${place.area}_token`, `${place.area}_refresh`]) {
      const line = setCookies.find((l) => l.startsWith(`${name}=`));
      expect(line, name).toBeTruthy();
      expect(line).toMatch(new RegExp(`^${name}=;`));
      expect(line).toContain(`Path=${place.cookiePath};`);
      expect(line).toMatch(/Max-Age=0|Expires=Thu, 01 Jan 1970/);
    }
    const after = await tokens(context, place);
    expect(after.access).toBeUndefined();
    expect(after.refresh).toBeUndefined();
    const jar = (await context.cookies()).filter((c) => c.domain === "127.0.0.1");
    expect(jar.some((c) => c.name === `${other}_token`)).toBe(true);
    expect(jar.some((c) => c.name === `${other}_refresh`)).toBe(true);
  });
}
