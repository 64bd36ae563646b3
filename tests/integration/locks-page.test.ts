// The admin console's Locked accounts page (issue 16): each lock names the store by its name
// and carries an Unlock form of its own, which lifts that lock and no other.
import { randomBytes } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { hiddenFields, submitFormAt } from "../support/forms";
import { adminLogin, baseUrl, get, postJson } from "../support/http";
import { testSql } from "./db";

afterAll(async () => {
  await testSql().end();
});

const tag = () => randomBytes(4).toString("hex");
const PASSWORD = "amber canal ferry lantern";

async function newShopper(slug: string): Promise<string> {
  const email = `lock.${tag()}@example.test`;
  const res = await postJson(`/api/v1/storefront/${slug}/auth/register`, {
    first_name: "Lola",
    last_name: "Locked",
    email,
    password: PASSWORD,
    marketing_consent: false,
  });
  expect(res.status).toBe(201);
  return email;
}

const shopperLogin = (slug: string, email: string, password = PASSWORD) =>
  postJson(`/api/v1/storefront/${slug}/auth/login`, { email_or_username: email, password });

async function lockOut(slug: string, email: string) {
  for (let i = 0; i < 10; i++) await shopperLogin(slug, email, "wrong password");
  expect((await shopperLogin(slug, email)).status).toBe(423);
}

async function locksPage(cookie: string): Promise<string> {
  const res = await get("/admin/locks", { cookie });
  expect(res.status).toBe(200);
  return res.text();
}

/** The table row of the page that mentions `text`. */
function rowWith(html: string, text: string): string | undefined {
  return [...html.matchAll(/<tr\b[\s\S]*?<\/tr>/g)].map((m) => m[0]).find((row) => row.includes(text));
}

describe("Locked accounts page", () => {
  it("names the store of a shopper's lock and lifts it with the row's own Unlock", async () => {
    const { access_token } = await adminLogin();
    const cookie = `admin_token=${access_token}`;
    const locked = await newShopper("acme");
    const other = await newShopper("acme");
    await lockOut("acme", locked);
    await lockOut("acme", other);

    const html = await locksPage(cookie);
    const row = rowWith(html, locked);
    expect(row, "a row for the locked shopper").toBeDefined();
    expect(row).toContain("ACME Supplies");
    expect(hiddenFields(html, `Unlock ${locked}`)).toEqual(
      expect.arrayContaining([
        ["area", "customer"],
        ["identifier", locked],
        ["store_code", "ACME"],
      ]),
    );

    const answer = await submitFormAt(baseUrl(), "/admin/locks", `Unlock ${locked}`, {}, cookie);
    expect(answer.status).toBeLessThan(400);
    expect((await shopperLogin("acme", locked)).status).toBe(200);
    // Only that lock: the other shopper stays locked and listed.
    expect((await shopperLogin("acme", other)).status).toBe(423);
    const after = await locksPage(cookie);
    expect(rowWith(after, locked)).toBeUndefined();
    expect(rowWith(after, other)).toBeDefined();
    const [event] = await testSql()`select details from auth_events
      where type = 'account_unlocked' and identifier = ${locked} order by id desc limit 1`;
    expect(event?.details).toMatchObject({ was_locked: true });
  });

  it("an identifier no shopper has is listed with its store's name and unlocked from its row", async () => {
    const { access_token } = await adminLogin();
    const cookie = `admin_token=${access_token}`;
    const ghost = `ghost.${tag()}@example.test`;
    for (let i = 0; i < 10; i++) await shopperLogin("orion", ghost, "wrong password");
    const html = await locksPage(cookie);
    const row = rowWith(html, ghost);
    expect(row).toContain("no such account");
    expect(row).toContain("Orion Outfitters");
    const answer = await submitFormAt(baseUrl(), "/admin/locks", `Unlock ${ghost}`, {}, cookie);
    expect(answer.status).toBeLessThan(400);
    expect(rowWith(await locksPage(cookie), ghost)).toBeUndefined();
  });
});
