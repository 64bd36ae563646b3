// The delivery view of the mail queue: the admin Outbox lists every mail with its status
// (queued → sent; refused → retrying → failed, with its attempts and a sanitised error),
// filters by status and sends a failed mail again ("retry now", admins only); store owners
// see the statuses of their own store's mail, never another store's, never a body or error.
import { randomBytes, randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { hiddenFields, submitFormAt } from "../support/forms";
import { rawRequest } from "../support/http";
import { testPort } from "../support/ports";
import { type TestServer, startServer } from "../support/server";
import { type TestSmtp, linkFor, startSmtp } from "../support/smtp";
import { testSql } from "./db";

const PORT = testPort("ORION_TEST_DELIVERY_PORT", 3161);
const SMTP_PORT = testPort("ORION_TEST_DELIVERY_SMTP_PORT", 3165);
// A refusal whose words carry a link and an opaque id, as real servers' answers sometimes do.
const REFUSAL_ID = "Zq8x3Lk9Vb2Nm7Pq4Rs6Tu1Wx5Yz0Ab";
const REFUSAL = {
  code: 550,
  message: `5.7.1 Refused by policy, see https://mail.example/why?id=${REFUSAL_ID}`,
};
const PASSWORD = "first maple orbit candle";

let server: TestServer;
let smtp: TestSmtp;
let adminCookie: string;
const owner: Record<"orion" | "acme", string> = { orion: "", acme: "" };
let staffToken: string;

type StoreMail = {
  id: string;
  kind: string;
  to: string;
  status: string;
  attempts: number;
  created_at: string;
  next_attempt_at: string | null;
  finished_at: string | null;
};

async function login(path: string, body: Record<string, string>): Promise<string> {
  const res = await rawRequest(server.url, path, { body });
  expect(res.status, await res.clone().text()).toBe(200);
  return ((await res.json()) as { access_token: string }).access_token;
}

const storeLogin = (code: string, who: string, password: string) =>
  login("/api/v1/store/auth/login", { email_or_username: who, password, store_code: code });

beforeAll(async () => {
  smtp = await startSmtp({ port: SMTP_PORT });
  server = await startServer({
    databaseUrl: inject("databaseUrl"),
    port: PORT,
    env: {
      SMTP_URL: smtp.url,
      MAIL_QUEUE: `mail_delivery_test_${randomBytes(4).toString("hex")}`,
      MAIL_RETRY_BASE_SECONDS: "1",
      MAIL_RETRY_LIMIT: "2",
    },
  });
  adminCookie = `admin_token=${await login("/api/v1/admin/auth/login", { email_or_username: "admin", password: "admin123" })}`;
  owner.orion = await storeLogin("ORION", "store_owner", "store123");
  owner.acme = await storeLogin("ACME", "store_owner", "store123");
  staffToken = await storeLogin("ACME", "acme_staff", "staff123");
});

afterAll(async () => {
  await server?.stop();
  await smtp?.stop();
  await testSql().end();
});

/** A new shopper at `slug`; the verification mail is queued with the registration. */
async function register(slug: "orion" | "acme"): Promise<string> {
  const email = `delivery-${randomBytes(4).toString("hex")}@example.com`;
  const res = await rawRequest(server.url, `/api/v1/storefront/${slug}/auth/register`, {
    body: { first_name: "Dee", last_name: "Livery", email, password: PASSWORD, marketing_consent: false },
  });
  expect(res.status).toBe(201);
  return email;
}

async function storeMail(slug: "orion" | "acme", query = ""): Promise<StoreMail[]> {
  const res = await rawRequest(server.url, `/api/v1/store/${slug}/mail${query}`, { token: owner[slug] });
  expect(res.status, await res.clone().text()).toBe(200);
  return ((await res.json()) as { items: StoreMail[] }).items;
}

/** Polls the store's list until the mail to `to` matches `ready`. */
async function mailTo(
  slug: "orion" | "acme",
  to: string,
  ready: (m: StoreMail) => boolean,
  timeoutMs = 30_000,
): Promise<StoreMail> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const mine = (await storeMail(slug)).find((m) => m.to === to);
    if (mine && ready(mine)) return mine;
    if (Date.now() > deadline) throw new Error(`mail to ${to}: ${JSON.stringify(mine)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function page(path: string, cookie = adminCookie): Promise<string> {
  const res = await rawRequest(server.url, path, { cookie });
  expect(res.status, path).toBe(200);
  return res.text();
}

/** The row of mail `id` on an Outbox page, as HTML. */
function row(html: string, id: string): string | undefined {
  return [...html.matchAll(/<tr\b[^>]*data-mail-id="([^"]+)"[^>]*>[\s\S]*?<\/tr>/g)].find(
    (m) => m[1] === id,
  )?.[0];
}

/** The link in the job row of the mail to `to` (what the list must never show). */
async function tokenOf(to: string): Promise<string> {
  const [job] = await testSql()`select data->>'text' as text from pgboss.job where data->>'to' = ${to}`;
  const token = /token=([A-Za-z0-9_-]{20,})/.exec(String(job?.text))?.[1];
  expect(token).toBeTruthy();
  return token!;
}

let sentTo: string;
let failedTo: string;
let failedId: string;

describe("statuses", () => {
  it("shows a mail queued, then sent after one attempt, to the admin and the store's owner", async () => {
    smtp.refuse(null);
    // A slow mail server: the first attempt stays under way long enough to be seen.
    smtp.delay(5000);
    sentTo = await register("orion");
    const [job] = await testSql()`select id from pgboss.job where data->>'to' = ${sentTo}`;
    expect(job).toBeTruthy();
    const early = await mailTo("orion", sentTo, () => true);
    expect(early.id).toBe(job!.id);
    expect(early.kind).toBe("email_verification");
    expect(early.status).toBe("queued");
    for (let state = ""; state !== "active";) {
      [{ state }] = (await testSql()`select state from pgboss.job where id = ${job!.id}`) as unknown as [
        { state: string },
      ];
      await new Promise((r) => setTimeout(r, 50));
    }
    // Its first attempt under way: still queued, one attempt, no next one planned.
    expect(await mailTo("orion", sentTo, () => true)).toMatchObject({
      status: "queued",
      attempts: 1,
      next_attempt_at: null,
    });
    const underWay = row(await page("/admin/outbox"), job!.id);
    expect(underWay).toContain("queued");
    expect(underWay).toContain("under way");
    smtp.delay(0);

    await linkFor(smtp.messages, sentTo, "/account/verify-email", 0, 20_000);
    const sent = await mailTo("orion", sentTo, (m) => m.status === "sent");
    expect(sent).toMatchObject({ attempts: 1, next_attempt_at: null });
    expect(sent.finished_at).not.toBeNull();

    const html = await page("/admin/outbox");
    const line = row(html, sent.id);
    expect(line).toContain("sent");
    expect(line).toContain(sentTo);
    expect(line).toContain("email verification");
    expect(line).toContain(">orion<");
    expect(line).not.toContain("Retry now");
    expect(html).not.toContain(await tokenOf(sentTo));
  });

  it("shows a refused mail retrying with its attempts, then failed, with the server's answer minus its link", async () => {
    smtp.refuse(REFUSAL);
    failedTo = await register("orion");
    const retrying = await mailTo("orion", failedTo, (m) => m.status === "retrying" && m.attempts >= 1);
    failedId = retrying.id;
    expect(retrying.next_attempt_at).not.toBeNull();

    const failed = await mailTo("orion", failedTo, (m) => m.status === "failed");
    // The first attempt and MAIL_RETRY_LIMIT (2) retries.
    expect(failed).toMatchObject({ attempts: 3, next_attempt_at: null });
    expect(smtp.refused()).toBeGreaterThanOrEqual(3);
    expect(smtp.messages.some((m) => m.to.includes(failedTo))).toBe(false);

    const html = await page("/admin/outbox?status=failed");
    const line = row(html, failedId)!;
    expect(line).toContain("failed");
    expect(line).toContain(">3<");
    expect(line).toContain("550");
    expect(line).toContain("Refused by policy, see [link]");
    expect(line).not.toContain("mail.example");
    expect(line).not.toContain(REFUSAL_ID);
    expect(line).toContain("Retry now");
    expect(html).not.toContain(await tokenOf(failedTo));
    // The store's owner sees it failed, without the error.
    const ownerView = await page("/store/orion/mail?status=failed", `store_token=${owner.orion}`);
    expect(row(ownerView, failedId)).toContain("failed");
    expect(ownerView).not.toContain("Refused by policy");
    expect(ownerView).not.toContain("5.7.1");
    expect(JSON.stringify(await storeMail("orion", "?status=failed"))).not.toMatch(/refused|5\.7\.1|error/i);
    // What the queue keeps of the failure is sanitised too, and has no stack.
    const [job] = await testSql()`select output from pgboss.job where id = ${failedId}`;
    const output = JSON.stringify(job!.output);
    expect(output).toContain("550");
    expect(output).not.toContain(REFUSAL_ID);
    expect(output).not.toContain("stack");
    expect(server.output()).not.toContain(REFUSAL_ID);
  });
});

describe("the status filter", () => {
  it("lists only the mail of the chosen status, and ignores a status it does not know", async () => {
    const failed = await page("/admin/outbox?status=failed");
    expect(row(failed, failedId)).toBeDefined();
    expect(failed).not.toContain(sentTo);
    const sent = await page("/admin/outbox?status=sent");
    expect(sent).toContain(sentTo);
    expect(row(sent, failedId)).toBeUndefined();
    const every = await page("/admin/outbox?status=%3Cscript%3E");
    expect(every).toContain(sentTo);
    expect(row(every, failedId)).toBeDefined();

    expect((await storeMail("orion", "?status=failed")).map((m) => m.to)).toContain(failedTo);
    expect((await storeMail("orion", "?status=failed")).map((m) => m.to)).not.toContain(sentTo);
    const bad = await rawRequest(server.url, "/api/v1/store/orion/mail?status=lost", { token: owner.orion });
    expect(bad.status).toBe(422);
    expect((await bad.json()).error.code).toBe("VALIDATION_ERROR");
  });
});

describe("retry now", () => {
  const label = () => `Retry ${failedId}`;

  it("is refused to a store session, a customer session and a post from another site", async () => {
    const storeCookie = `store_token=${owner.orion}`;
    const customer = await login("/api/v1/storefront/orion/auth/login", {
      email_or_username: failedTo,
      password: PASSWORD,
    });
    // The admin's own form, posted with another area's cookie instead of the admin's.
    const form = await rawRequest(server.url, "/admin/outbox?status=failed", { cookie: adminCookie });
    const html = await form.text();
    for (const cookie of [storeCookie, `customer_token=${customer}`]) {
      const body = new FormData();
      for (const [name, value] of hiddenFields(html, label())) body.append(name, value);
      const res = await fetch(`${server.url}/admin/outbox?status=failed`, {
        method: "POST",
        body,
        headers: { cookie, origin: server.url },
        redirect: "manual",
      });
      // Sent to the admin login (no admin token), never to the page of a retried mail.
      expect(res.headers.get("location") ?? "").not.toContain("retried");
      expect(await res.text()).not.toContain("is in the queue again");
    }
    const crossSite = new FormData();
    for (const [name, value] of hiddenFields(html, label())) crossSite.append(name, value);
    const res = await fetch(`${server.url}/admin/outbox?status=failed`, {
      method: "POST",
      body: crossSite,
      headers: { cookie: adminCookie, origin: "https://evil.example" },
      redirect: "manual",
    });
    expect(res.status).toBe(403);
    const [job] = await testSql()`select state from pgboss.job where id = ${failedId}`;
    expect(job!.state).toBe("failed");
    expect(
      (await testSql()`select count(*)::int as n from auth_events where type = 'mail_retried'`)[0]!.n,
    ).toBe(0);
    // The store's page has no such button at all.
    expect(await page("/store/orion/mail", storeCookie)).not.toContain("Retry now");
  });

  it("sends a failed mail again for an admin, once the mail server accepts, and audits it", async () => {
    smtp.refuse(null);
    const answer = await submitFormAt(server.url, "/admin/outbox?status=failed", label(), {}, adminCookie);
    expect(answer.status).toBe(303);
    expect(await page(`/admin/outbox?retried=${failedId}`)).toContain("is in the queue again");
    await linkFor(smtp.messages, failedTo, "/account/verify-email", 0, 20_000);
    const sent = await mailTo("orion", failedTo, (m) => m.status === "sent");
    expect(sent.attempts).toBe(4);
    expect(smtp.messages.filter((m) => m.to.includes(failedTo))).toHaveLength(1);
    const [event] = await testSql()`select e.details, e.store_id, u.username from auth_events e
      join users u on u.id = e.user_id where e.type = 'mail_retried'`;
    expect(event).toMatchObject({ username: "admin", details: { mail_id: failedId, was: "failed" } });
    const [orion] = await testSql()`select id from stores where slug = 'orion'`;
    expect(event!.store_id).toBe(orion!.id);
    // A sent mail has no button to send it again.
    expect(row(await page("/admin/outbox"), failedId)).not.toContain("Retry now");
  });
});

describe("a store's mail", () => {
  it("lists only the store's own mail, and another store's mail id answers like a missing one, byte for byte", async () => {
    const acmeTo = await register("acme");
    const acmeMail = await mailTo("acme", acmeTo, (m) => m.status === "sent");
    const acme = await storeMail("acme");
    expect(acme.map((m) => m.to)).toContain(acmeTo);
    expect(acme.map((m) => m.to)).not.toContain(sentTo);
    expect((await storeMail("orion")).map((m) => m.to)).not.toContain(acmeTo);

    // The same owner, signed in at ACME, asking for an ORION mail by its id.
    const orionId = (await mailTo("orion", sentTo, () => true)).id;
    const at = (path: string) => rawRequest(server.url, path, { token: owner.acme });
    const other = await at(`/api/v1/store/acme/mail/${orionId}`);
    const missing = await at(`/api/v1/store/acme/mail/${randomUUID()}`);
    const junk = await at("/api/v1/store/acme/mail/not-an-id");
    expect(other.status).toBe(404);
    const body = await other.text();
    expect(await missing.text()).toBe(body);
    expect(missing.status).toBe(404);
    expect(await junk.text()).toBe(body);
    const own = await at(`/api/v1/store/acme/mail/${acmeMail.id}`);
    expect(own.status).toBe(200);
    expect(await own.json()).toEqual(acmeMail);

    const html = await page("/store/acme/mail", `store_token=${owner.acme}`);
    expect(html).toContain(acmeTo);
    expect(html).not.toContain(sentTo);
    expect(html).not.toContain(failedTo);
    expect(html).not.toContain(await tokenOf(acmeTo));
  });

  it("shows statuses but no body, link or error to the owner", async () => {
    const html = await page("/store/orion/mail", `store_token=${owner.orion}`);
    expect(html).toContain(failedTo);
    expect(html).not.toContain("550");
    expect(html).not.toContain("Refused by policy");
    expect(html).not.toContain(await tokenOf(failedTo));
    const api = JSON.stringify(await storeMail("orion"));
    expect(api).not.toMatch(/token|error|refused|html|subject/i);
  });

  it("is for owners: staff get 403 from the API and the page", async () => {
    const res = await rawRequest(server.url, "/api/v1/store/acme/mail", { token: staffToken });
    expect(res.status).toBe(403);
    expect((await res.json()).error.code).toBe("INSUFFICIENT_PERMISSIONS");
    const pageRes = await rawRequest(server.url, "/store/acme/mail", { cookie: `store_token=${staffToken}` });
    expect(pageRes.status).toBe(403);
  });
});
