// Cookie tossing (checklist S20): a sibling host of the platform can plant a cookie with
// `Domain=` the platform's domain, or with a broader or narrower Path, under an area cookie's
// name; the browser then sends both, and the server cannot tell which is whose. An area cookie
// that arrives more than once is therefore no credential at all, in whichever order the
// copies come: the page sends the visitor to its login (or renews from a single refresh
// cookie), and never shows the planted account.
import { randomBytes } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { type LoginAnswer, baseUrl, parseSetCookies, postJson, rawRequest } from "../support/http";
import { testSql } from "./db";

afterAll(async () => {
  await testSql().end();
});

const tag = () => randomBytes(4).toString("hex");
const port = () => new URL(baseUrl()).port;
const PASSWORD = "amber canal ferry lantern";

type Person = { login: LoginAnswer; shows: string };

async function loginAt(path: string, body: Record<string, unknown>): Promise<LoginAnswer> {
  const res = await postJson(path, body);
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as LoginAnswer;
}

async function newAdmin(): Promise<Person> {
  const username = `toss_admin_${tag()}`;
  await testSql()`insert into users (username, email, password_hash, role)
    select ${username}, ${username} || '@orion.test', password_hash, 'admin' from users where username = 'admin'`;
  const login = await loginAt("/api/v1/admin/auth/login", {
    email_or_username: username,
    password: "admin123",
  });
  return { login, shows: username };
}

async function newMember(): Promise<Person> {
  const username = `toss_staff_${tag()}`;
  const [user] = await testSql()`insert into users (username, email, password_hash, role)
    select ${username}, ${username} || '@acme.test', password_hash, 'store' from users where username = 'acme_staff' returning id`;
  await testSql()`insert into store_members (store_id, user_id, role) select id, ${user!.id}, 'staff' from stores where slug = 'acme'`;
  const login = await loginAt("/api/v1/store/auth/login", {
    email_or_username: username,
    password: "staff123",
    store_code: "ACME",
  });
  return { login, shows: username };
}

async function newShopper(slug = "orion"): Promise<Person> {
  const email = `toss-${tag()}@example.com`;
  const res = await postJson(`/api/v1/storefront/${slug}/auth/register`, {
    first_name: "Tess",
    last_name: "Toss",
    email,
    password: PASSWORD,
    marketing_consent: false,
  });
  expect(res.status).toBe(201);
  const login = await loginAt(`/api/v1/storefront/${slug}/auth/login`, {
    email_or_username: email,
    password: PASSWORD,
  });
  return { login, shows: email };
}

type Place = {
  name: string;
  area: "admin" | "store" | "customer";
  path: string;
  host?: () => string;
  person: () => Promise<Person>;
};

const PLACES: Place[] = [
  { name: "the admin console", area: "admin", path: "/admin", person: newAdmin },
  { name: "ACME's dashboard", area: "store", path: "/store/acme", person: newMember },
  {
    name: "ORION's storefront by path",
    area: "customer",
    path: "/storefront/orion/account",
    person: () => newShopper(),
  },
  {
    name: "ORION's storefront on its subdomain",
    area: "customer",
    path: "/storefront/account",
    host: () => `orion.localhost:${port()}`,
    person: () => newShopper(),
  },
  {
    name: "ORION's storefront on its custom domain",
    area: "customer",
    path: "/storefront/account",
    host: () => `orion.lu:${port()}`,
    person: () => newShopper(),
  },
];

const page = (place: Place, cookie: string) =>
  rawRequest(baseUrl(), place.path, { cookie, host: place.host?.() });

describe("an area cookie sent twice in one request (S20)", () => {
  for (const place of PLACES) {
    describe(place.name, () => {
      it("is no credential in either order: the login page, neither account shown", async () => {
        const victim = await place.person();
        const attacker = await place.person();
        const name = `${place.area}_token`;
        // Each alone opens the page as its owner: the refusal below is the duplicate's doing.
        for (const person of [victim, attacker]) {
          const alone = await page(place, `${name}=${person.login.access_token}`);
          expect(alone.status).toBe(200);
          expect((await alone.text()).includes(person.shows)).toBe(true);
        }
        for (const [first, second] of [
          [victim, attacker],
          [attacker, victim],
        ]) {
          const res = await page(
            place,
            `${name}=${first!.login.access_token}; ${name}=${second!.login.access_token}`,
          );
          const body = await res.text();
          expect(res.status, `${first === victim ? "victim" : "attacker"} first`).toBe(307);
          expect(res.headers.get("location")).toMatch(/\/login\?next=/);
          expect(body.includes(attacker.shows), "attacker shown").toBe(false);
          expect(body.includes(victim.shows), "victim shown").toBe(false);
        }
      });

      it("renews from a single refresh cookie past a doubled access cookie, as its owner only", async () => {
        const victim = await place.person();
        const attacker = await place.person();
        const res = await page(
          place,
          `${place.area}_token=${victim.login.access_token}; ${place.area}_token=${attacker.login.access_token}; ` +
            `${place.area}_refresh=${victim.login.refresh_token}`,
        );
        expect(res.status).toBe(200);
        const body = await res.text();
        expect(body.includes(victim.shows), "victim shown").toBe(true);
        expect(body.includes(attacker.shows), "attacker shown").toBe(false);
        expect(parseSetCookies(res).find((c) => c.name === `${place.area}_token`)?.value).toMatch(/^eyJ/);
      });

      it("renews nothing from a refresh cookie sent twice", async () => {
        const victim = await place.person();
        const attacker = await place.person();
        for (const [first, second] of [
          [victim, attacker],
          [attacker, victim],
        ]) {
          const res = await page(
            place,
            `${place.area}_refresh=${first!.login.refresh_token}; ${place.area}_refresh=${second!.login.refresh_token}`,
          );
          expect(res.status).toBe(307);
          expect(res.headers.get("location")).toMatch(/\/login\?next=/);
          expect(parseSetCookies(res).some((c) => c.name === `${place.area}_token` && c.value)).toBe(false);
        }
        // Neither refresh token was spent: each still renews alone.
        for (const person of [victim, attacker]) {
          const alone = await page(place, `${place.area}_refresh=${person.login.refresh_token}`);
          expect(alone.status).toBe(200);
          expect((await alone.text()).includes(person.shows)).toBe(true);
        }
      });
    });
  }

  it("shows another store's shopper, alone on ORION's subdomain, the 403 page", async () => {
    const stranger = await newShopper("acme");
    const res = await rawRequest(baseUrl(), "/storefront/account", {
      host: `orion.localhost:${port()}`,
      cookie: `customer_token=${stranger.login.access_token}`,
    });
    expect(res.status).toBe(403);
    expect((await res.text()).includes(stranger.shows)).toBe(false);
  });
});
