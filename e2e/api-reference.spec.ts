// The API reference page in Chromium: Scalar's bundle, from our own origin under the page's
// nonce policy, renders the operations of GET /api/v1/openapi.json with no policy violation,
// no console error and no request to another host.
import { testPort } from "../tests/support/ports";
import { expect, test } from "@playwright/test";

const port = testPort("ORION_E2E_PORT", 3102);
const platform = `http://127.0.0.1:${port}`;

declare global {
  interface Window {
    violations: string[];
  }
}

test("the API reference renders the document under the page policy", async ({ page }) => {
  await page.addInitScript(() => {
    window.violations = [];
    document.addEventListener("securitypolicyviolation", (e) =>
      window.violations.push(`${e.effectiveDirective} ${e.blockedURI}`),
    );
  });
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  page.on("pageerror", (error) => errors.push(error.message));
  page.on("response", (response) => {
    if (response.status() >= 400) errors.push(`${response.status()} ${response.url()}`);
  });
  const elsewhere: string[] = [];
  page.on("request", (request) => {
    if (!request.url().startsWith(platform) && !request.url().startsWith("data:"))
      elsewhere.push(request.url());
  });

  const response = await page.goto(`${platform}/developers/api`);
  expect(response?.status()).toBe(200);
  const policy = response?.headers()["content-security-policy"] ?? "";
  expect(policy).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);

  await expect(page.getByRole("heading", { name: "Orion API", exact: true })).toBeVisible({
    timeout: 30_000,
  });
  // Each area's tag, and an operation of each by its summary once its group is opened.
  const sidebar = page.getByRole("complementary", { name: "Sidebar for Orion API" });
  for (const [tag, summary] of [
    ["admin", "Sign in as a platform admin"],
    ["store", "Sign in to one store (by its code) as a member"],
    ["storefront", "The catalog"],
  ] as const) {
    await sidebar.getByRole("button", { name: `Open Group - ${tag}`, exact: true }).click();
    await expect(
      sidebar.getByRole("link", { name: new RegExp(`^${summary.replace(/[()]/g, "\\$&")} HTTP Method`) }),
    ).toBeVisible();
  }
  expect(await page.evaluate(() => window.violations)).toEqual([]);
  expect(errors).toEqual([]);
  expect(elsewhere).toEqual([]);
});

test("the reference's scripts run only with the page's nonce", async ({ request }) => {
  const res = await request.get(`${platform}/developers/api`);
  const html = await res.text();
  const nonce = /'nonce-([^']+)'/.exec(res.headers()["content-security-policy"] ?? "")?.[1];
  expect(nonce).toBeTruthy();
  const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
  expect(scripts.length).toBe(3);
  for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
  const bundle = scripts.map((tag) => /src="([^"]+)"/.exec(tag)?.[1]).find(Boolean);
  const js = await request.get(`${platform}${bundle}`);
  expect(js.status()).toBe(200);
  expect(js.headers()["content-type"]).toBe("text/javascript; charset=utf-8");
});
