// The content security policy in Chromium (README › Response headers, checklist S64–S69): every area's pages,
// by every storefront address, run their own scripts under the nonce policy with no violation,
// while an injected inline handler is refused and no page can be framed.
import { testPort } from "../tests/support/ports";
import { type Page, expect, test } from "@playwright/test";

const port = testPort("ORION_E2E_PORT", 3102);
const platform = `http://127.0.0.1:${port}`;

declare global {
  interface Window {
    violations: string[];
    injected?: boolean;
  }
}

/** Collects every policy violation the page reports, from before its first script. */
async function watchViolations(page: Page) {
  await page.addInitScript(() => {
    window.violations = [];
    document.addEventListener("securitypolicyviolation", (e) =>
      window.violations.push(`${e.effectiveDirective} ${e.blockedURI}`),
    );
  });
}

const PAGES: Array<[name: string, url: string, heading: RegExp]> = [
  ["admin sign-in", `${platform}/admin/login`, /Admin console/],
  ["store sign-in", `${platform}/store/acme/login`, /ACME/],
  ["storefront by path", `${platform}/storefront/orion`, /Orion Outfitters/],
  ["storefront by subdomain", `http://orion.localhost:${port}/storefront`, /Orion Outfitters/],
  ["storefront by custom domain", `http://orion.lu:${port}/storefront`, /Orion Outfitters/],
];

for (const [name, url, heading] of PAGES) {
  test(`${name}: the app's own scripts run under the policy, an injected handler does not`, async ({
    page,
  }) => {
    await watchViolations(page);
    await page.goto(url);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(heading);
    // The theme toggle is React in the browser: it only works if the app's scripts ran.
    await page.getByRole("button", { name: "Switch to dark mode" }).click();
    await expect(page.locator("html")).toHaveClass(/dark/);
    expect(await page.evaluate(() => window.violations)).toEqual([]);

    // What an XSS would try: markup with an inline handler. The policy refuses to run it.
    await page.evaluate(() => {
      const box = document.createElement("div");
      box.innerHTML = `<img src="data:," onerror="window.injected = true">`;
      document.body.append(box);
    });
    await expect.poll(() => page.evaluate(() => window.violations.length)).toBeGreaterThan(0);
    expect(await page.evaluate(() => window.violations)).toContainEqual(
      expect.stringMatching(/^script-src-attr inline$/),
    );
    expect(await page.evaluate(() => window.injected)).toBeUndefined();
    // The theme cookie is the user's choice; leave the next test in light mode.
    await page.getByRole("button", { name: "Switch to light mode" }).click();
  });
}

test("no page of any area can be framed, not even by a page of its own origin", async ({ page }) => {
  // The shop's own policy allows frames of its origin, so whatever refuses is the framed page.
  await page.goto(`${platform}/storefront/acme`);
  for (const path of ["/admin/login", "/store/acme/login", "/storefront/orion"]) {
    const refused = page.waitForEvent("console", (m) => m.text().includes("frame-ancestors 'none'"));
    await page.evaluate((src) => {
      document.querySelector("iframe")?.remove();
      const frame = document.createElement("iframe");
      frame.title = "framed";
      frame.src = src;
      document.body.append(frame);
    }, `${platform}${path}`);
    expect((await refused).text()).toContain("The request has been blocked");
    await expect(page.frameLocator("iframe").getByRole("heading", { level: 1 })).toHaveCount(0);
  }
});
