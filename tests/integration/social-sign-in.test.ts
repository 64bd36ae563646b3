// Social sign-in per store (README › Social sign-in) against a real OpenID Connect provider started here: by
// custom domain, subdomain and path; the one-time hand-off code bound to its store, host and
// browser; per-store switches and a store's own client; one customer per store per identity.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { type Answer, TestBrowser } from "../support/browser-jar";
import { storeLogin } from "../support/http";
import { type TestOidc, startOidcProvider } from "../support/oidc";
import { testPort } from "../support/ports";
import { type TestServer, publicUrlFor, startServer } from "../support/server";
import { testSql } from "./db";

const port = testPort("ORION_TEST_SOCIAL_PORT", 3168);
const oidcPort = testPort("ORION_TEST_OIDC_PORT", 3163);
const deadPort = testPort("ORION_TEST_OIDC_DEAD_PORT", 3164);
const platform = publicUrlFor(port);
const SECRET = "orion-test-oidc-client-secret";

let server: TestServer;
let oidc: TestOidc;

type Shop = { origin: string; base: string; cookiePath: string; slug: string };
const SHOPS = {
  domain: {
    origin: `http://orion.lu:${port}`,
    base: "/storefront",
    cookiePath: "/storefront",
    slug: "orion",
  },
  subdomain: {
    origin: `http://orion.localhost:${port}`,
    base: "/storefront",
    cookiePath: "/storefront",
    slug: "orion",
  },
  path: { origin: platform, base: "/storefront/orion", cookiePath: "/storefront/orion", slug: "orion" },
  acme: {
    origin: `http://acme.localhost:${port}`,
    base: "/storefront",
    cookiePath: "/storefront",
    slug: "acme",
  },
  acmePath: { origin: platform, base: "/storefront/acme", cookiePath: "/storefront/acme", slug: "acme" },
} satisfies Record<string, Shop>;

const unique = (tag: string) =>
  `social-${tag}-${Date.now()}-${Math.random().toString(36).slice(2, 7)}@example.com`;
const isFinish = (url: string) => url.includes("/account/login/social/finish");

/** From the shop's button to the hand-off URL on the shop's host (not yet followed). */
async function toHandoff(
  browser: TestBrowser,
  shop: Shop,
  login: string,
  provider = "oidc",
): Promise<Answer> {
  const next = encodeURIComponent(`${shop.base}/account/orders`);
  const start = await browser.send(
    `${shop.origin}${shop.base}/account/login/social/${provider}?next=${next}`,
  );
  expect(start.status, start.body).toBe(303);
  return browser.walk(start, login, isFinish);
}

function customerCookie(answer: Answer) {
  const line = answer.setCookies.find((l) => l.startsWith("customer_token="));
  return line ? line.split(";").map((s) => s.trim()) : null;
}

async function finish(browser: TestBrowser, url: string) {
  return browser.send(url);
}

async function owner(slug: "ORION" | "ACME") {
  return (await storeLogin(slug, "store_owner", "store123")).access_token;
}

async function putSettings(slug: string, token: string, body: unknown) {
  const res = await fetch(`${server.url}/api/v1/store/${slug}/settings/sign-in`, {
    method: "PUT",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
  expect(res.status, await res.clone().text()).toBe(200);
  return res.json();
}

beforeAll(async () => {
  oidc = await startOidcProvider(oidcPort, [
    { client_id: "orion", client_secret: SECRET, redirect_uris: [`${platform}/api/auth/callback/oidc`] },
    {
      client_id: "orion-shop",
      client_secret: `${SECRET}-shop`,
      redirect_uris: [`${platform}/api/auth/callback/store-orion`],
    },
  ]);
  server = await startServer({
    databaseUrl: inject("databaseUrl"),
    port,
    env: {
      OIDC_ISSUER: oidc.issuer,
      OIDC_CLIENT_ID: "orion",
      OIDC_CLIENT_SECRET: SECRET,
      OIDC_NAME: "Orion ID",
    },
  });
});

afterAll(async () => {
  await server?.stop();
  await oidc?.stop();
  await testSql().end();
});

describe("social sign-in on every address of a shop", () => {
  for (const method of ["domain", "subdomain", "path"] as const) {
    it(`signs in by ${method} and lands signed in on that shop with its host-only cookie`, async () => {
      const shop = SHOPS[method];
      const login = await new TestBrowser().send(`${shop.origin}${shop.base}/account/login`);
      expect(login.body).toContain("Continue with Orion ID");
      const browser = new TestBrowser();
      const email = unique(method);
      const handoff = await toHandoff(browser, shop, email);
      // The provider called back on the platform host, which sends the browser to the shop's own host.
      expect(new URL(handoff.url).origin).toBe(platform);
      expect(new URL(handoff.location!).origin).toBe(shop.origin);
      // next-auth's cookies live under /api/auth on the platform host only.
      for (const c of browser.cookies.filter((c) => c.name.startsWith("orion_oauth_"))) {
        expect(c.host).toBe("localhost");
        expect(c.path).toBe("/api/auth");
      }
      const done = await finish(browser, handoff.location!);
      expect(done.status).toBe(307);
      expect(done.location).toBe(`${shop.origin}${shop.base}/account/orders`);
      const cookie = customerCookie(done)!.map((a) => a.toLowerCase());
      expect(cookie).toContain(`path=${shop.cookiePath}`);
      expect(cookie).toContain("httponly");
      expect(cookie).toContain("samesite=lax");
      expect(cookie.some((a) => /^domain=/i.test(a))).toBe(false);
      const account = await browser.send(`${shop.origin}${shop.base}/account`);
      expect(account.status).toBe(200);
      expect(account.body).toContain("Ada");
      const [row] = await testSql()`
        select c.email, c.marketing_consent, c.email_verified_at, s.slug, i.provider, i.subject
        from customers c join stores s on s.id = c.store_id
        join customer_identities i on i.customer_id = c.id where c.email = ${email}`;
      expect(row).toMatchObject({
        email,
        marketing_consent: false,
        slug: "orion",
        provider: "oidc",
        subject: email,
      });
      expect(row!.email_verified_at).not.toBeNull();
      const events = await testSql()`
        select e.type from auth_events e join customers c on c.id = e.customer_id where c.email = ${email}`;
      expect(events.map((e) => e.type)).toEqual(
        expect.arrayContaining(["customer_registered", "social_login", "login_succeeded"]),
      );
    });
  }
});

describe("the one-time hand-off code", () => {
  it("is refused on another store's host, on the platform host, another store's path, tampered, and a second time", async () => {
    const browser = new TestBrowser();
    const email = unique("code");
    const handoff = await toHandoff(browser, SHOPS.domain, email);
    const target = new URL(handoff.location!);
    const code = target.searchParams.get("code")!;
    const at = (shop: Shop, value = code) =>
      `${shop.origin}${shop.base}/account/login/social/finish?code=${encodeURIComponent(value)}`;
    const tampered = code.slice(0, -1) + (code.endsWith("A") ? "B" : "A");
    // The same browser everywhere, so only the code's binding stands in the way.
    for (const url of [
      at(SHOPS.acme),
      at(SHOPS.path),
      at(SHOPS.acmePath),
      at(SHOPS.subdomain),
      at(SHOPS.domain, tampered),
    ]) {
      const refused = await finish(browser, url);
      expect(refused.status, url).toBe(400);
      expect(customerCookie(refused), url).toBeNull();
      expect(refused.body).toContain("This sign-in link has expired");
    }
    // Refusals elsewhere spent nothing: at its own host the code still works, once.
    browser.keep(target, []);
    const ok = await finish(browser, handoff.location!);
    expect(ok.status).toBe(307);
    expect(customerCookie(ok)).not.toBeNull();
    const again = await finish(browser, handoff.location!);
    expect(again.status).toBe(400);
    expect(customerCookie(again)).toBeNull();
  });

  it("minted for a shop by path is refused at another shop's path on the same platform host", async () => {
    const browser = new TestBrowser();
    const handoff = await toHandoff(browser, SHOPS.path, unique("path-code"));
    const code = new URL(handoff.location!).searchParams.get("code")!;
    const elsewhere = await finish(
      browser,
      `${SHOPS.acmePath.origin}/storefront/acme/account/login/social/finish?code=${encodeURIComponent(code)}`,
    );
    expect(elsewhere.status).toBe(400);
    expect(customerCookie(elsewhere)).toBeNull();
    const ok = await finish(browser, handoff.location!);
    expect(ok.status).toBe(307);
    expect(customerCookie(ok)).toContain("Path=/storefront/orion");
  });

  it("needs the browser that started the sign-in", async () => {
    const handoff = await toHandoff(new TestBrowser(), SHOPS.subdomain, unique("other-browser"));
    const stranger = await finish(new TestBrowser(), handoff.location!);
    expect(stranger.status).toBe(400);
    expect(customerCookie(stranger)).toBeNull();
  });

  it("is refused after 60 seconds", async () => {
    const browser = new TestBrowser();
    const email = unique("late");
    const handoff = await toHandoff(browser, SHOPS.subdomain, email);
    const [row] = await testSql()`
      select expires_at - created_at as life from one_time_tokens where purpose = 'social_sign_in' and email = ${email}`;
    expect(row!.life).toMatch(/^00:01:00|^00:00:/);
    await testSql()`
      update one_time_tokens set expires_at = now() - interval '1 second'
      where purpose = 'social_sign_in' and email = ${email}`;
    const late = await finish(browser, handoff.location!);
    expect(late.status).toBe(400);
    expect(customerCookie(late)).toBeNull();
  });
});

describe("per store", () => {
  it("a store with the provider turned off shows no button, refuses a start and an in-flight sign-in", async () => {
    const token = await owner("ACME");
    const browser = new TestBrowser();
    // Started before the owner turns it off, called back after.
    const start = await browser.send(`${SHOPS.acme.origin}/storefront/account/login/social/oidc`);
    const settings = await putSettings("acme", token, { providers: { oidc: false } });
    expect(settings.platform).toEqual([expect.objectContaining({ id: "oidc", enabled: false })]);
    try {
      const page = await browser.send(`${SHOPS.acme.origin}/storefront/account/login`);
      expect(page.body).toContain("Sign in");
      expect(page.body).not.toContain("Continue with Orion ID");
      const refused = await browser.send(`${SHOPS.acme.origin}/storefront/account/login/social/oidc`);
      expect(refused.status).toBe(404);
      const inFlight = await browser.walk(start, unique("off"), isFinish);
      expect(inFlight.status).toBe(403);
      expect(inFlight.body).toContain("This sign-in method is not available");
      // ORION still offers it.
      const orion = await browser.send(`${SHOPS.subdomain.origin}/storefront/account/login`);
      expect(orion.body).toContain("Continue with Orion ID");
    } finally {
      await putSettings("acme", token, { providers: { oidc: true } });
    }
  });

  it("a store's own OIDC client signs in at that store only, and its secret is kept encrypted", async () => {
    const token = await owner("ORION");
    const saved = await putSettings("orion", token, {
      own_client: {
        name: "Orion Staff SSO",
        issuer: oidc.issuer,
        client_id: "orion-shop",
        client_secret: `${SECRET}-shop`,
      },
    });
    expect(saved.own).toMatchObject({
      name: "Orion Staff SSO",
      callbackUrl: `${platform}/api/auth/callback/store-orion`,
    });
    expect(JSON.stringify(saved)).not.toContain(`${SECRET}-shop`);
    const [stored] =
      await testSql()`select client_secret_encrypted from store_sign_in_providers where provider = 'store'`;
    expect(stored!.client_secret_encrypted).toMatch(/^v1\./);
    expect(stored!.client_secret_encrypted).not.toContain(SECRET);
    try {
      const page = await new TestBrowser().send(`${SHOPS.domain.origin}/storefront/account/login`);
      expect(page.body).toContain("Continue with Orion Staff SSO");
      const acmePage = await new TestBrowser().send(`${SHOPS.acmePath.origin}/storefront/acme/account/login`);
      expect(acmePage.body).toContain("Continue with Orion ID");
      expect(acmePage.body).not.toContain("Orion Staff SSO");
      const browser = new TestBrowser();
      const email = unique("own");
      const handoff = await toHandoff(browser, SHOPS.domain, email, "store-orion");
      expect(handoff.url).toContain("/api/auth/callback/store-orion");
      const done = await finish(browser, handoff.location!);
      expect(done.status).toBe(307);
      const [row] =
        await testSql()`select i.provider, i.issuer from customer_identities i join customers c on c.id = i.customer_id where c.email = ${email}`;
      expect(row).toMatchObject({ provider: "store", issuer: oidc.issuer });
      // ACME cannot start with ORION's client, nor send ACME's sign-in through ORION's callback.
      const other = new TestBrowser();
      expect(
        (await other.send(`${SHOPS.acme.origin}/storefront/account/login/social/store-orion`)).status,
      ).toBe(404);
      const acmeStart = await other.send(`${SHOPS.acme.origin}/storefront/account/login/social/oidc`);
      const atCallback = await other.walk(acmeStart, unique("swap"), (url) =>
        url.includes("/api/auth/callback/"),
      );
      const swapped = await other.walk(
        await other.send(atCallback.location!.replace("/callback/oidc", "/callback/store-orion")),
        "x",
        isFinish,
      );
      expect(swapped.status).toBe(403);
      expect(swapped.location).toBeNull();
    } finally {
      await putSettings("orion", token, { own_client: null });
    }
  });

  it("the state cannot be swapped to another store", async () => {
    const browser = new TestBrowser();
    const start = await browser.send(`${SHOPS.domain.origin}/storefront/account/login/social/oidc`);
    const atCallback = await browser.walk(start, unique("state"), (url) =>
      url.includes("/api/auth/callback/"),
    );
    const [acme] = await testSql()`select id from stores where slug = 'acme'`;
    const cookie = browser.cookies.find((c) => c.name === "orion_oauth_callback_url")!;
    const callbackUrl = new URL(decodeURIComponent(cookie.value));
    const [header, payload, signature] = callbackUrl.searchParams.get("ticket")!.split(".");
    const claims = JSON.parse(Buffer.from(payload!, "base64url").toString());
    const forged = { ...claims, store_id: acme!.id, slug: "acme", host: `acme.localhost:${port}` };
    callbackUrl.searchParams.set(
      "ticket",
      [header, Buffer.from(JSON.stringify(forged)).toString("base64url"), signature].join("."),
    );
    cookie.value = encodeURIComponent(callbackUrl.toString());
    const answer = await browser.walk(await browser.send(atCallback.location!), "x", isFinish);
    expect(answer.status).toBe(400);
    expect(answer.body).toContain("This sign-in has expired");
    const [minted] =
      await testSql()`select count(*)::int as n from one_time_tokens where purpose = 'social_sign_in' and store_id = ${acme!.id}`;
    expect(minted!.n).toBe(0);
  });

  it("a callback whose OAuth state was altered is refused and mints no code", async () => {
    const browser = new TestBrowser();
    const email = unique("oauth-state");
    const start = await browser.send(`${SHOPS.domain.origin}/storefront/account/login/social/oidc`);
    const atCallback = await browser.walk(start, email, (url) => url.includes("/api/auth/callback/"));
    const callback = new URL(atCallback.location!);
    const state = callback.searchParams.get("state")!;
    callback.searchParams.set("state", `${state.slice(0, -4)}${state.endsWith("AAAA") ? "BBBB" : "AAAA"}`);
    const answer = await browser.walk(await browser.send(callback.toString()), "x", isFinish);
    expect(answer.location).toBeNull();
    expect(answer.status).toBe(502);
    expect(answer.body).toContain("The sign-in provider did not answer");
    const minted = await testSql()`select 1 from one_time_tokens where email = ${email}`;
    expect(minted).toHaveLength(0);
    expect(await testSql()`select 1 from customers where email = ${email}`).toHaveLength(0);
  });

  it("one provider identity is a separate customer at each store, and ORION's token is refused at ACME", async () => {
    const email = unique("two-stores");
    const orionBrowser = new TestBrowser();
    const o = await finish(orionBrowser, (await toHandoff(orionBrowser, SHOPS.subdomain, email)).location!);
    const acmeBrowser = new TestBrowser();
    const a = await finish(acmeBrowser, (await toHandoff(acmeBrowser, SHOPS.acme, email)).location!);
    expect(o.status).toBe(307);
    expect(a.status).toBe(307);
    const rows = await testSql()`
      select c.id, s.slug, c.customer_number from customers c join stores s on s.id = c.store_id where c.email = ${email} order by s.slug`;
    expect(rows.map((r) => r.slug)).toEqual(["acme", "orion"]);
    expect(rows[0]!.id).not.toBe(rows[1]!.id);
    expect(rows[0]!.customer_number).toMatch(/^ACME-/);
    const orionToken = customerCookie(o)![0]!.split("=")[1]!;
    const me = await fetch(`${server.url}/api/v1/storefront/acme/account`, {
      headers: { authorization: `Bearer ${orionToken}` },
    });
    expect([401, 403]).toContain(me.status);
  });

  it("links a verified email to the store's customer, never an unverified one", async () => {
    const [before] = await testSql()`
      select c.id from customers c join stores s on s.id = c.store_id where s.slug = 'orion' and c.email = 'customer@example.com'`;
    const unverified = new TestBrowser();
    const refused = await toHandoff(unverified, SHOPS.path, "unverified+customer@example.com");
    expect(refused.status).toBe(409);
    expect(refused.body).toContain("An account with this email already exists");
    const none = await testSql()`select 1 from customer_identities where customer_id = ${before!.id}`;
    expect(none).toHaveLength(0);
    const verified = new TestBrowser();
    const done = await finish(
      verified,
      (await toHandoff(verified, SHOPS.path, "customer@example.com")).location!,
    );
    expect(done.status).toBe(307);
    const [linked] =
      await testSql()`select customer_id from customer_identities where subject = 'customer@example.com' and store_id = (select id from stores where slug = 'orion')`;
    expect(linked!.customer_id).toBe(before!.id);
    const [event] =
      await testSql()`select details from auth_events where type = 'social_linked' and customer_id = ${before!.id}`;
    expect(event!.details).toMatchObject({ provider: "oidc" });
  });

  it("a provider that is down ends on a clear error page, not a 500", async () => {
    const token = await owner("ACME");
    await putSettings("acme", token, {
      own_client: {
        name: "Broken SSO",
        issuer: `http://127.0.0.1:${deadPort}`,
        client_id: "x",
        client_secret: "y",
      },
    });
    try {
      const browser = new TestBrowser();
      const start = await browser.send(`${SHOPS.acme.origin}/storefront/account/login/social/store-acme`);
      const page = await browser.walk(start, "x", isFinish);
      expect(page.status).toBe(502);
      expect(page.body).toContain("The sign-in provider did not answer");
      expect(page.body).toContain(`http://acme.localhost:${port}/storefront/account/login`);
    } finally {
      await putSettings("acme", token, { own_client: null });
    }
  });
});
