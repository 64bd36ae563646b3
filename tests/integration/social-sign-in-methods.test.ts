// The shopper's "Sign-in methods" page (README › Social sign-in) against a real OpenID Connect provider: the
// providers linked to the account, "Connect" while signed in (bound to the customer signed in on
// the shop's own host, refused for an identity another customer of the store has), "Disconnect"
// (never the last way in), a first password for a customer made by a provider, and how password
// login, reset and change treat such a customer. Audit rows and account-change mail included.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { type Answer, TestBrowser } from "../support/browser-jar";
import { hiddenFields } from "../support/forms";
import { storeLogin } from "../support/http";
import { type TestOidc, startOidcProvider } from "../support/oidc";
import { testPort } from "../support/ports";
import { type TestServer, publicUrlFor, startServer } from "../support/server";
import { type ReceivedMail, linkFor, startSmtp } from "../support/smtp";
import { testSql } from "./db";

const port = testPort("ORION_TEST_SOCIAL_METHODS_PORT", 3171);
const oidcPort = testPort("ORION_TEST_SOCIAL_METHODS_OIDC_PORT", 3172);
const platform = publicUrlFor(port);
const SECRET = "orion-test-methods-secret";

let server: TestServer;
let oidc: TestOidc;
let smtp: Awaited<ReturnType<typeof startSmtp>>;

type Shop = { origin: string; base: string; slug: string };
const DOMAIN: Shop = { origin: `http://orion.lu:${port}`, base: "/storefront", slug: "orion" };
const PATH: Shop = { origin: platform, base: "/storefront/orion", slug: "orion" };
const ACME: Shop = { origin: `http://acme.localhost:${port}`, base: "/storefront", slug: "acme" };

const unique = (tag: string) =>
  `methods-${tag}-${Date.now()}-${Math.random().toString(36).slice(2, 7)}@example.com`;
const methodsPage = (shop: Shop) => `${shop.origin}${shop.base}/account/sign-in-methods`;
const isFinish = (url: string) => url.includes("/account/login/social/finish");
const isConnected = (url: string) => url.includes("/account/sign-in-methods/connected");
const LAST_METHOD = "This is your only way to sign in. Set a password or connect another provider first.";
const decoded = (html: string) =>
  html
    .replace(/&#x27;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&");

/** Signs a new browser in at `shop` with the provider as `login` (a new customer, or a linked one). */
async function providerSignIn(shop: Shop, login: string): Promise<TestBrowser> {
  const browser = new TestBrowser();
  const start = await browser.send(`${shop.origin}${shop.base}/account/login/social/oidc`);
  const handoff = await browser.walk(start, login, isFinish);
  const done = await browser.send(handoff.location!);
  expect(done.status, done.body).toBe(307);
  return browser;
}

/** The provider forgets who signed in there, so the next walk signs in as another account. */
function forgetProvider(browser: TestBrowser) {
  browser.cookies = browser.cookies.filter((c) => c.host !== "127.0.0.1");
}

async function api(path: string, body: unknown, token?: string) {
  return fetch(`${server.url}${path}`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify(body),
  });
}

/** A customer with a password, signed in by it, in a browser at `shop`. */
async function passwordCustomer(shop: Shop, email = unique("pw")) {
  const password = "amber quarry lantern fjord";
  const registered = await api(`/api/v1/storefront/${shop.slug}/auth/register`, {
    first_name: "Pia",
    last_name: "Word",
    email,
    password,
    marketing_consent: false,
  });
  expect(registered.status, await registered.clone().text()).toBe(201);
  const login = await api(`/api/v1/storefront/${shop.slug}/auth/login`, {
    email_or_username: email,
    password,
  });
  const { access_token } = await login.json();
  const browser = new TestBrowser();
  browser.cookies.push({
    host: new URL(shop.origin).hostname,
    name: "customer_token",
    value: access_token,
    path: shop.base,
  });
  return { browser, email, password };
}

/** Posts the page's form labelled `label` as the browser does without JavaScript. */
async function submit(
  browser: TestBrowser,
  shop: Shop,
  label: string,
  fields: Record<string, string> = {},
  headers: Record<string, string> = {},
): Promise<Answer> {
  const page = await browser.send(methodsPage(shop));
  expect(page.status).toBe(200);
  const form = new FormData();
  for (const [k, v] of hiddenFields(page.body, label)) form.append(k, v);
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  const encoded = new Request("http://encode.invalid/", { method: "POST", body: form });
  return browser.send(methodsPage(shop), {
    raw: {
      data: Buffer.from(await encoded.arrayBuffer()),
      type: encoded.headers.get("content-type")!,
    },
    headers,
  });
}

async function customerOf(email: string, slug = "orion") {
  const [row] = await testSql()`
    select c.id, c.has_password from customers c join stores s on s.id = c.store_id
    where s.slug = ${slug} and c.email = ${email}`;
  return row!;
}

async function identitiesOf(customerId: string) {
  return testSql()`select provider, subject, email from customer_identities where customer_id = ${customerId}`;
}

async function eventsOf(customerId: string, type: string) {
  return testSql()`select details from auth_events where customer_id = ${customerId} and type = ${type}`;
}

async function mailTo(to: string, subject: string, after: number): Promise<ReceivedMail> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const found = smtp.messages
      .slice(after)
      .find((m) => m.to.includes(to) && m.text.includes(`Subject: ${subject}`));
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`no "${subject}" to ${to}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function putSettings(token: string, body: unknown) {
  const res = await fetch(`${server.url}/api/v1/store/orion/settings/sign-in`, {
    method: "PUT",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
  expect(res.status, await res.clone().text()).toBe(200);
}

/** Makes the browser's session look as if it was opened an hour ago. */
async function ageSessions(customerId: string) {
  await testSql()`update sessions set created_at = now() - interval '1 hour' where customer_id = ${customerId}`;
}

beforeAll(async () => {
  smtp = await startSmtp();
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
      SMTP_URL: smtp.url,
    },
  });
});

afterAll(async () => {
  await server?.stop();
  await oidc?.stop();
  await smtp?.stop();
  await testSql().end();
});

describe("a customer made by a provider", () => {
  it("sees the provider listed, has no password, and cannot disconnect the only way in", async () => {
    const email = unique("only");
    const browser = await providerSignIn(DOMAIN, email);
    const customer = await customerOf(email);
    expect(customer.has_password).toBe(false);
    const page = await browser.send(methodsPage(DOMAIN));
    expect(page.status).toBe(200);
    expect(page.body).toContain("Sign-in methods");
    expect(page.body).toContain("Orion ID");
    expect(page.body).toContain(email);
    expect(page.body).toContain("Set a password");
    // The one provider offered is linked already: nothing to connect.
    expect(page.body).not.toContain("Connect Orion ID");
    const refused = await submit(browser, DOMAIN, "Disconnect Orion ID");
    expect(refused.status).toBe(200);
    expect(decoded(refused.body)).toContain(LAST_METHOD);
    expect(await identitiesOf(customer.id)).toHaveLength(1);
    expect(await eventsOf(customer.id, "social_unlinked")).toHaveLength(0);
  });

  it("is refused by password login like a wrong password, and the password page points to Sign-in methods", async () => {
    const email = unique("nopw");
    const browser = await providerSignIn(DOMAIN, email);
    const wrong = await api("/api/v1/storefront/orion/auth/login", {
      email_or_username: email,
      password: "any guess at all here",
    });
    const unknown = await api("/api/v1/storefront/orion/auth/login", {
      email_or_username: unique("nobody"),
      password: "any guess at all here",
    });
    expect(wrong.status).toBe(401);
    expect((await wrong.json()).error.message).toBe((await unknown.json()).error.message);
    const page = await browser.send(`${DOMAIN.origin}/storefront/account/password`);
    expect(page.status).toBe(200);
    expect(decoded(page.body)).toContain("Your account has no password yet");
    expect(page.body).not.toContain("Current password");
    const [token] = browser.cookies.filter((c) => c.name === "customer_token");
    const change = await api(
      "/api/v1/storefront/orion/account/password",
      { current_password: "anything", new_password: "plover gantry mosaic ridge" },
      token!.value,
    );
    expect(change.status).toBe(409);
    expect((await change.json()).error.message).toContain("Set a password under Sign-in methods");
  });

  it("gets a first password from a reset link, and then signs in with it", async () => {
    const email = unique("reset");
    await providerSignIn(PATH, email);
    const before = smtp.messages.length;
    expect((await api("/api/v1/storefront/orion/auth/forgot-password", { email })).status).toBe(202);
    const link = await linkFor(smtp.messages, email, "/reset-password", before);
    const token = new URL(link).searchParams.get("token")!;
    const password = "cobalt meadow signal quince";
    const reset = await api("/api/v1/storefront/orion/auth/reset-password", { token, password });
    expect(reset.status, await reset.clone().text()).toBe(200);
    expect((await customerOf(email)).has_password).toBe(true);
    const login = await api("/api/v1/storefront/orion/auth/login", { email_or_username: email, password });
    expect(login.status).toBe(200);
  });

  it("sets a password only after a recent sign-in, is told by mail, and may then disconnect the provider", async () => {
    const email = unique("setpw");
    const browser = await providerSignIn(DOMAIN, email);
    const customer = await customerOf(email);
    const password = "walnut harbour ember sonnet";
    await ageSessions(customer.id);
    const stale = await submit(browser, DOMAIN, "Set a password", {
      new_password: password,
      confirm_password: password,
    });
    expect(decoded(stale.body)).toContain("needs a sign-in in the last 15 minutes");
    expect((await customerOf(email)).has_password).toBe(false);

    const fresh = await providerSignIn(DOMAIN, email);
    const before = smtp.messages.length;
    const set = await submit(fresh, DOMAIN, "Set a password", {
      new_password: password,
      confirm_password: password,
    });
    expect(decoded(set.body)).toContain("Password set.");
    expect((await customerOf(email)).has_password).toBe(true);
    expect(await eventsOf(customer.id, "password_set")).toHaveLength(1);
    const notice = await mailTo(email, "Orion Outfitters: A password was set", before);
    expect(notice.text).not.toContain(password);
    // Like a password change, it signs out the other sessions (the stale one above).
    const [active] = await testSql()`
      select count(*)::int as n from sessions where customer_id = ${customer.id} and revoked_at is null`;
    expect(active!.n).toBe(1);
    const login = await api("/api/v1/storefront/orion/auth/login", { email_or_username: email, password });
    expect(login.status).toBe(200);
    // A second "set" is refused: the password page changes it.
    const again = await fresh.send(methodsPage(DOMAIN));
    expect(again.body).not.toContain('aria-label="Set a password"');

    const gone = await submit(fresh, DOMAIN, "Disconnect Orion ID");
    expect(gone.status).toBe(303);
    expect(gone.location).toBe(`${methodsPage(DOMAIN)}?disconnected=1`);
    expect((await fresh.send(gone.location!)).body).toContain(
      "Disconnected. It no longer signs you in here.",
    );
    expect(await identitiesOf(customer.id)).toHaveLength(0);
    expect(await eventsOf(customer.id, "social_unlinked")).toEqual([{ details: { provider: "oidc" } }]);
    await mailTo(email, "Orion Outfitters: A sign-in provider was disconnected", before);
    const after = await fresh.send(methodsPage(DOMAIN));
    expect(after.body).toContain("No provider is connected to your account.");
    expect(after.body).toContain("Connect Orion ID");
  });
});

describe("connect while signed in", () => {
  async function connect(
    browser: TestBrowser,
    shop: Shop,
    login: string,
    name = "Orion ID",
  ): Promise<Answer> {
    const started = await submit(browser, shop, `Connect ${name}`);
    expect(started.status, started.body.slice(0, 300)).toBe(303);
    expect(started.location).toMatch(new RegExp(`^${platform}/auth/social/start\\?ticket=`));
    return browser.walk(started, login, isConnected);
  }

  it("links the provider to the customer signed in on the shop's host, by custom domain and by path", async () => {
    for (const shop of [DOMAIN, PATH]) {
      const { browser, email } = await passwordCustomer(shop);
      const customer = await customerOf(email);
      const identity = unique("connect");
      const before = smtp.messages.length;
      const back = await connect(browser, shop, identity);
      // The code comes back to the shop's own host, not the platform's (unless by path).
      expect(new URL(back.location!).origin).toBe(shop.origin);
      // Nothing is linked until the shop's host has seen the code with this browser's cookie.
      expect(await identitiesOf(customer.id)).toHaveLength(0);
      const done = await browser.send(back.location!);
      expect(done.status).toBe(307);
      expect(done.location).toBe(`${methodsPage(shop)}?connected=linked`);
      expect(await identitiesOf(customer.id)).toEqual([
        { provider: "oidc", subject: identity, email: identity },
      ]);
      expect(await eventsOf(customer.id, "social_linked")).toEqual([
        { details: { provider: "oidc", by: "signed_in" } },
      ]);
      await mailTo(email, "Orion Outfitters: A sign-in provider was connected", before);
      const page = await browser.send(done.location!);
      expect(page.body).toContain("Connected. It now signs you in here too.");
      expect(page.body).toContain(identity);
      // The identity now signs in as this customer, a password customer who may disconnect it.
      const viaProvider = await providerSignIn(shop, identity);
      const account = await viaProvider.send(`${shop.origin}${shop.base}/account`);
      expect(account.body).toContain(email);
      // That linked customer's token is ORION's only: ACME refuses it.
      const token = viaProvider.cookies.find((c) => c.name === "customer_token")!.value;
      const atAcme = await fetch(`${server.url}/api/v1/storefront/acme/account`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect([401, 403]).toContain(atAcme.status);
      const gone = await submit(browser, shop, "Disconnect Orion ID");
      expect(gone.location).toBe(`${methodsPage(shop)}?disconnected=1`);
      expect(await eventsOf(customer.id, "social_unlinked")).toHaveLength(1);
    }
  });

  it("refuses an identity that another customer of the store already has, with a clear message", async () => {
    const taken = unique("taken");
    await providerSignIn(DOMAIN, taken);
    const owner = await customerOf(taken);
    const { browser, email } = await passwordCustomer(DOMAIN);
    const customer = await customerOf(email);
    const back = await connect(browser, DOMAIN, taken);
    const done = await browser.send(back.location!);
    expect(done.location).toBe(`${methodsPage(DOMAIN)}?connected=elsewhere`);
    const page = await browser.send(done.location!);
    expect(decoded(page.body)).toContain(
      "That account at the provider is already connected to another customer account of this shop",
    );
    expect(await identitiesOf(customer.id)).toHaveLength(0);
    expect(await identitiesOf(owner.id)).toHaveLength(1);
    expect(await eventsOf(customer.id, "social_sign_in_refused")).toEqual([
      { details: { provider: "oidc", reason: "linked_to_another_customer" } },
    ]);
  });

  it("links to the customer of the store it started at: a code is refused at another store, another browser, another customer", async () => {
    const { browser, email } = await passwordCustomer(DOMAIN);
    const customer = await customerOf(email);
    const identity = unique("bound");
    const back = await connect(browser, DOMAIN, identity);
    const code = new URL(back.location!).searchParams.get("code")!;
    // At ACME, on ACME's host, with the same browser.
    const atAcme = await browser.send(
      `${ACME.origin}/storefront/account/sign-in-methods/connected?code=${code}`,
    );
    // Nobody is signed in at ACME: its sign-in page, and ORION's code is not touched there.
    expect(atAcme.location).toMatch(new RegExp(`^${ACME.origin}/storefront/account/login\\?next=`));
    // Another browser with another ORION customer signed in: it lacks the starting browser's cookie.
    const stranger = await passwordCustomer(DOMAIN);
    const elsewhere = await stranger.browser.send(back.location!);
    expect(elsewhere.location).toBe(`${methodsPage(DOMAIN)}?connected=expired`);
    expect(await identitiesOf((await customerOf(stranger.email)).id)).toHaveLength(0);
    // Spent by that attempt: the starting browser cannot use it afterwards either.
    const late = await browser.send(back.location!);
    expect(late.location).toBe(`${methodsPage(DOMAIN)}?connected=expired`);
    expect(await identitiesOf(customer.id)).toHaveLength(0);
    const none = await testSql()`select 1 from customer_identities where subject = ${identity}`;
    expect(none).toHaveLength(0);
  });

  it("with another customer signed in on the shop's host by the time it comes back, links nothing", async () => {
    const first = await passwordCustomer(DOMAIN);
    const identity = unique("switched");
    const back = await connect(first.browser, DOMAIN, identity);
    // The same browser, now signed in as somebody else of the same store.
    const second = await passwordCustomer(DOMAIN);
    first.browser.cookies = first.browser.cookies.filter((c) => c.name !== "customer_token");
    first.browser.cookies.push(second.browser.cookies.find((c) => c.name === "customer_token")!);
    const done = await first.browser.send(back.location!);
    expect(done.location).toBe(`${methodsPage(DOMAIN)}?connected=signed_out`);
    const none = await testSql()`select 1 from customer_identities where subject = ${identity}`;
    expect(none).toHaveLength(0);
  });

  it("needs a recent sign-in and our own origin", async () => {
    const { browser, email } = await passwordCustomer(DOMAIN);
    const customer = await customerOf(email);
    const crossSite = await submit(
      browser,
      DOMAIN,
      "Connect Orion ID",
      {},
      { origin: "https://evil.example" },
    );
    expect(crossSite.status).toBe(403);
    expect(crossSite.setCookies.some((c) => c.startsWith("customer_social="))).toBe(false);
    await ageSessions(customer.id);
    const stale = await submit(browser, DOMAIN, "Connect Orion ID");
    expect(stale.status).toBe(200);
    expect(decoded(stale.body)).toContain("needs a sign-in in the last 15 minutes");
    expect(stale.setCookies.some((c) => c.startsWith("customer_social="))).toBe(false);
  });

  it("a second provider lets the customer without a password disconnect the first", async () => {
    const token = (await storeLogin("ORION", "store_owner", "store123")).access_token;
    await putSettings(token, {
      own_client: {
        name: "Orion SSO",
        issuer: oidc.issuer,
        client_id: "orion-shop",
        client_secret: `${SECRET}-shop`,
      },
    });
    try {
      const email = unique("two");
      const browser = await providerSignIn(DOMAIN, email);
      const customer = await customerOf(email);
      forgetProvider(browser);
      const second = unique("second");
      const back = await connect(browser, DOMAIN, second, "Orion SSO");
      expect((await browser.send(back.location!)).location).toBe(`${methodsPage(DOMAIN)}?connected=linked`);
      expect((await identitiesOf(customer.id)).map((i) => i.provider).sort()).toEqual(["oidc", "store"]);
      const gone = await submit(browser, DOMAIN, "Disconnect Orion ID");
      expect(gone.location).toBe(`${methodsPage(DOMAIN)}?disconnected=1`);
      expect(await identitiesOf(customer.id)).toEqual([
        { provider: "store", subject: second, email: second },
      ]);
      const last = await submit(browser, DOMAIN, "Disconnect Orion SSO");
      expect(decoded(last.body)).toContain(LAST_METHOD);
      expect(await identitiesOf(customer.id)).toHaveLength(1);
    } finally {
      await putSettings(token, { own_client: null });
    }
  });
});
