// Identifier normalisation (checklist S47): a username or email is looked up in its NFKC form,
// trimmed and lower-cased, in every pathway — login, registration and its uniqueness, the
// lockout counter, forgot-password. So a fullwidth or upper-case spelling is the same account
// (the same counter, the same conflict), while a spelling with other letters (Turkish dotted or
// dotless i, a combining accent, a zero-width space) is another identifier: it signs no one in
// and locks only itself. Identifiers with such characters are refused at creation.
import { randomBytes } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { adminLogin, postJson, send } from "../support/http";
import { testSql } from "./db";

afterAll(async () => {
  await testSql().end();
});

const tag = () => randomBytes(4).toString("hex");
const CUSTOMER_PASSWORD = "amber canal ferry lantern";

/** The fullwidth form of the ASCII in `s` (NFKC maps it back). */
const fullwidth = (s: string) => s.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

/** Spellings of `name` (which contains an "i") that NFKC and case do not make `name`. */
function otherLetters(name: string): Record<string, string> {
  return {
    "zero-width space": `${name}\u200b`,
    "zero-width joiner inside": name.replace("i", "i\u200d"),
    "Turkish dotless i": name.replace("i", "\u0131"),
    "Turkish dotted capital I": name.toUpperCase().replace("I", "\u0130"),
    "combining acute accent": name.replace("i", "i\u0301"),
  };
}

async function newAdmin(): Promise<{ id: string; username: string; email: string }> {
  const username = `idris_${tag()}`;
  const [row] = await testSql()`insert into users (username, email, password_hash, role)
    select ${username}, ${username} || '@orion.test', password_hash, 'admin' from users where username = 'admin'
    returning id, username, email`;
  return row as { id: string; username: string; email: string };
}

async function newShopper(): Promise<{ id: string; email: string }> {
  const email = `iris.${tag()}@example.test`;
  const res = await postJson("/api/v1/storefront/orion/auth/register", {
    first_name: "Iris",
    last_name: "Ident",
    email,
    password: CUSTOMER_PASSWORD,
    marketing_consent: false,
  });
  expect(res.status).toBe(201);
  return { id: (await res.json()).customer.id, email };
}

const adminLoginAs = (identifier: string, password = "admin123") =>
  postJson("/api/v1/admin/auth/login", { email_or_username: identifier, password });
const shopperLoginAs = (identifier: string, password = CUSTOMER_PASSWORD) =>
  postJson("/api/v1/storefront/orion/auth/login", { email_or_username: identifier, password });

describe("login by any spelling of one identifier (S47)", () => {
  it("signs an admin in by fullwidth, upper-case and padded forms of the username and email", async () => {
    const admin = await newAdmin();
    const spellings = [
      admin.username.toUpperCase(),
      fullwidth(admin.username),
      fullwidth(admin.username.toUpperCase()),
      `\u3000 ${admin.username}\u3000`,
      admin.email.toUpperCase(),
      fullwidth(admin.email),
    ];
    for (const spelling of spellings) {
      const res = await adminLoginAs(spelling);
      expect(res.status, JSON.stringify(spelling)).toBe(200);
      expect((await res.json()).user.id).toBe(admin.id);
    }
  });

  it("refuses spellings with other letters exactly like a wrong password", async () => {
    const admin = await newAdmin();
    const wrong = await adminLoginAs(admin.username, "not the password at all");
    expect(wrong.status).toBe(401);
    const generic = await wrong.text();
    for (const [what, spelling] of Object.entries(otherLetters(admin.username))) {
      const res = await adminLoginAs(spelling);
      expect(res.status, what).toBe(401);
      expect(await res.text(), what).toBe(generic);
    }
  });

  it("signs a shopper in by fullwidth and upper-case forms of the email, and by nothing else", async () => {
    const shopper = await newShopper();
    for (const spelling of [shopper.email.toUpperCase(), fullwidth(shopper.email), ` ${shopper.email} `]) {
      const res = await shopperLoginAs(spelling);
      expect(res.status, spelling).toBe(200);
      expect((await res.json()).customer.id).toBe(shopper.id);
    }
    for (const [what, spelling] of Object.entries(otherLetters(shopper.email))) {
      expect((await shopperLoginAs(spelling)).status, what).toBe(401);
    }
  });
});

describe("one account, one lockout counter, whatever the spelling (S47)", () => {
  it("locks an admin after ten failures spread over fullwidth, upper-case and email spellings", async () => {
    const admin = await newAdmin();
    const spellings = [
      admin.username,
      fullwidth(admin.username),
      admin.username.toUpperCase(),
      admin.email,
      fullwidth(admin.email.toUpperCase()),
    ];
    for (let i = 0; i < 10; i++) {
      const res = await adminLoginAs(spellings[i % spellings.length]!, "wrong password");
      expect(res.status, `failure ${i + 1}`).toBe(401);
    }
    const right = await adminLoginAs(admin.username);
    expect(right.status).toBe(423);
    expect((await right.json()).error.code).toBe("ACCOUNT_LOCKED");
  });

  it("locks a shopper after ten failures over the spellings of the email", async () => {
    const shopper = await newShopper();
    const spellings = [shopper.email, shopper.email.toUpperCase(), fullwidth(shopper.email)];
    for (let i = 0; i < 10; i++) {
      await shopperLoginAs(spellings[i % spellings.length]!, "wrong password");
    }
    expect((await shopperLoginAs(shopper.email)).status).toBe(423);
  });

  it("counts spellings with other letters on their own: they never lock the account", async () => {
    const admin = await newAdmin();
    const spellings = Object.values(otherLetters(admin.username));
    // Two failures under each of five look-alikes: ten in all, none of them on the account.
    for (const spelling of spellings) {
      for (let i = 0; i < 2; i++) expect((await adminLoginAs(spelling, "wrong password")).status).toBe(401);
    }
    expect((await adminLoginAs(admin.username)).status).toBe(200);
    // A look-alike is locked like any identifier, and only itself.
    for (let i = 2; i < 10; i++) await adminLoginAs(spellings[0]!, "wrong password");
    expect((await adminLoginAs(spellings[0]!, "admin123")).status).toBe(423);
    expect((await adminLoginAs(admin.username)).status).toBe(200);
  });
});

describe("registration and creation of identifiers (S47)", () => {
  it("answers a fullwidth or upper-case spelling of a shopper's email at the same store with 409", async () => {
    const shopper = await newShopper();
    for (const email of [shopper.email.toUpperCase(), fullwidth(shopper.email)]) {
      const res = await postJson("/api/v1/storefront/orion/auth/register", {
        first_name: "Iris",
        last_name: "Again",
        email,
        password: CUSTOMER_PASSWORD,
        marketing_consent: false,
      });
      expect(res.status, email).toBe(409);
    }
    const [{ count }] = (await testSql()`select count(*)::int as count from customers
      where lower(email) = ${shopper.email}`) as unknown as [{ count: number }];
    expect(count).toBe(1);
  });

  it("refuses zero-width, control and other non-ASCII characters in a new email with 422", async () => {
    for (const email of [
      `iris\u200b.${tag()}@example.test`,
      `iris\u00ad.${tag()}@example.test`,
      `iris\u0007.${tag()}@example.test`,
      `\u0131ris.${tag()}@example.test`,
    ]) {
      const res = await postJson("/api/v1/storefront/orion/auth/register", {
        first_name: "Iris",
        last_name: "Odd",
        email,
        password: CUSTOMER_PASSWORD,
        marketing_consent: false,
      });
      expect(res.status, JSON.stringify(email)).toBe(422);
      const fields = (await res.json()).error.details.map((d: { field: string }) => d.field);
      expect([...new Set(fields)], JSON.stringify(email)).toEqual(["email"]);
    }
  });

  it("treats a fullwidth username of an existing account as that account when a store owner is created", async () => {
    const admin = await adminLogin();
    const suffix = tag().slice(0, 4);
    const body = (username: string) => ({
      code: `ID${suffix}`.toUpperCase(),
      slug: `ident-${suffix}`,
      name: "Ident Store",
      owner: { username, email: `owner-${suffix}@ident.test`, password: "violet harbour quarry 58" },
    });
    const clash = await send(
      "POST",
      "/api/v1/admin/stores",
      admin.access_token,
      body(fullwidth("store_owner")),
    );
    expect(clash.status).toBe(409);
    for (const username of [`owner\u200b${suffix}`, `\u0131dris${suffix}`, `own\u0301er${suffix}`]) {
      const res = await send("POST", "/api/v1/admin/stores", admin.access_token, body(username));
      expect(res.status, JSON.stringify(username)).toBe(422);
    }
    const [{ count }] = (await testSql()`select count(*)::int as count from stores
      where slug = ${`ident-${suffix}`}`) as unknown as [{ count: number }];
    expect(count).toBe(0);
  });
});

describe("forgot-password by any spelling of the email (S47)", () => {
  it("issues the shopper's reset link for a fullwidth or upper-case spelling, and none for other letters", async () => {
    const shopper = await newShopper();
    const resets = async () => {
      const [{ count }] = (await testSql()`select count(*)::int as count from one_time_tokens
        where customer_id = ${shopper.id} and purpose = 'password_reset'`) as unknown as [{ count: number }];
      return count;
    };
    const before = await resets();
    // Other letters first: whatever they did would have landed before the last link below.
    for (const email of [shopper.email.replace("i", "\u0131"), `${shopper.email}\u200b`]) {
      const res = await postJson("/api/v1/storefront/orion/auth/forgot-password", { email });
      expect([202, 422], JSON.stringify(email)).toContain(res.status);
    }
    let expected = before;
    for (const email of [shopper.email.toUpperCase(), fullwidth(shopper.email)]) {
      const res = await postJson("/api/v1/storefront/orion/auth/forgot-password", { email });
      expect(res.status, email).toBe(202);
      expected += 1;
      // The link is made after the answer (lib/auth/reset.ts): wait for its row.
      await expect.poll(resets, { timeout: 10_000 }).toBe(expected);
    }
    expect(await resets()).toBe(before + 2);
  });
});
