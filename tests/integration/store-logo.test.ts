// A store's logo: uploaded in the settings (form and API) through the product pictures' checks
// — bytes, not names; at most 5 MB; metadata stripped; resized — shown in the shop's header
// and as its favicon, and replaceable only by that store's own staff.
import { randomBytes } from "node:crypto";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type StoreLoginAnswer, baseUrl, bearer, rawRequest, storeLogin } from "../support/http";
import { hiddenFields } from "../support/forms";
import { testSql } from "./db";

afterAll(async () => {
  await testSql().end();
});

let acme: StoreLoginAnswer;
let orionOnly: StoreLoginAnswer;

/** An owner of ORION who has no role at ACME: "another store's staff" for ACME's logo. */
async function orionOnlyOwner(): Promise<StoreLoginAnswer> {
  const username = `logo_orion_${randomBytes(4).toString("hex")}`;
  const [user] = await testSql()`insert into users (username, email, password_hash, role)
    select ${username}, ${username} || '@orion.test', password_hash, 'store' from users where username = 'store_owner'
    returning id`;
  await testSql()`insert into store_members (store_id, user_id, role)
    select id, ${user!.id}, 'owner' from stores where slug = 'orion'`;
  return storeLogin("ORION", username, "store123");
}

beforeAll(async () => {
  acme = await storeLogin("ACME", "store_owner", "store123");
  orionOnly = await orionOnlyOwner();
});

function logoPng(width = 400, height = 120): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: { r: 20, g: 90, b: 200 } } })
    .withExif({ IFD0: { Copyright: "LOGO-EXIF-CANARY" } })
    .png()
    .toBuffer();
}

const EXECUTABLE = Buffer.from("MZ\x90\x00\x03\x00\x00\x00 This program cannot be run in DOS mode", "latin1");

function putLogo(slug: string, token: string, file: Uint8Array, name = "logo.png", type = "image/png") {
  const form = new FormData();
  form.append("logo", new Blob([new Uint8Array(file)], { type }), name);
  return fetch(`${baseUrl()}/api/v1/store/${slug}/settings/logo`, {
    method: "PUT",
    body: form,
    headers: bearer(token),
  });
}

async function acmeLogo(): Promise<string | null> {
  const [row] = await testSql()`select logo_image_id from stores where slug = 'acme'`;
  return (row!.logo_image_id as string | null) ?? null;
}

const shopHtml = async (path = "/storefront/acme") => (await rawRequest(baseUrl(), path)).text();

describe("the store logo", () => {
  it("is stored resized as WebP without metadata, shown in the shop's header and as its favicon", async () => {
    const res = await putLogo("acme", acme.access_token, await logoPng());
    expect(res.status, await res.clone().text()).toBe(200);
    const { id } = (await res.json()) as { id: string };
    expect(await acmeLogo()).toBe(id);

    const file = await rawRequest(baseUrl(), `/storefront/acme/logo/${id}/320.webp`);
    expect(file.status).toBe(200);
    expect(file.headers.get("content-type")).toBe("image/webp");
    const bytes = Buffer.from(await file.arrayBuffer());
    const meta = await sharp(bytes).metadata();
    expect([meta.format, meta.width, meta.exif]).toEqual(["webp", 320, undefined]);
    expect(bytes.includes("LOGO-EXIF-CANARY")).toBe(false);

    const html = await shopHtml();
    expect(html).toMatch(new RegExp(`<img[^>]*src="/storefront/acme/logo/${id}/320.webp"`));
    expect(html).toMatch(new RegExp(`<link rel="icon" href="/storefront/acme/logo/${id}/160.webp"`));
    // The other store keeps the platform's icon and shows no ACME logo.
    const orion = await shopHtml("/storefront/orion");
    expect(orion).not.toContain(id);
    expect(orion).toMatch(/<link rel="icon" href="\/favicon.svg"/);
    // ACME's logo is not served under ORION's address.
    expect((await rawRequest(baseUrl(), `/storefront/orion/logo/${id}/320.webp`)).status).toBe(404);
  });

  it("refuses a renamed executable, an oversize file and a non-image, and keeps the logo it had", async () => {
    const before = await acmeLogo();
    const cases: Array<[Uint8Array, string, string, number, string]> = [
      [EXECUTABLE, "logo.png", "image/png", 422, "This file is not an image Orion accepts"],
      [
        Buffer.from("<svg xmlns='http://www.w3.org/2000/svg'/>"),
        "logo.svg",
        "image/svg+xml",
        422,
        "not an image",
      ],
      [Buffer.from("just some text, not a picture"), "logo.jpg", "image/jpeg", 422, "not an image"],
      [
        Buffer.concat([await logoPng(40, 40), Buffer.alloc(5 * 1024 * 1024)]),
        "big.png",
        "image/png",
        0,
        "5 MB",
      ],
    ];
    for (const [file, name, type, status, message] of cases) {
      const res = await putLogo("acme", acme.access_token, file, name, type);
      const body = await res.text();
      // An oversize body is refused before it is read (413) or by its size once read (422).
      if (status) expect(res.status, name).toBe(status);
      else expect([413, 422], name).toContain(res.status);
      if (res.status === 422) expect(body, name).toContain(message);
    }
    expect(await acmeLogo()).toBe(before);
  });

  it("cannot be replaced or removed by another store's staff", async () => {
    const before = await acmeLogo();
    expect(before).not.toBeNull();
    const replaced = await putLogo("acme", orionOnly.access_token, await logoPng());
    expect([401, 403, 404]).toContain(replaced.status);
    const removed = await fetch(`${baseUrl()}/api/v1/store/acme/settings/logo`, {
      method: "DELETE",
      headers: bearer(orionOnly.access_token),
    });
    expect([401, 403, 404]).toContain(removed.status);
    // Their own store's dashboard cookie does not reach ACME's settings form either.
    const form = await fetch(`${baseUrl()}/store/acme/settings`, {
      headers: { cookie: `store_token=${orionOnly.access_token}` },
      redirect: "manual",
    });
    expect(form.status).not.toBe(200);
    expect(await acmeLogo()).toBe(before);
  });

  describe("the settings form", () => {
    const page = "/store/acme/settings";
    const cookie = () => `store_token=${acme.access_token}`;

    async function postLogo(file: Buffer, name: string): Promise<Response> {
      const html = await (await fetch(baseUrl() + page, { headers: { cookie: cookie() } })).text();
      const body = new FormData();
      for (const [k, v] of hiddenFields(html, "Upload logo")) body.append(k, v);
      body.append("logo", new Blob([new Uint8Array(file)], { type: "image/png" }), name);
      return fetch(baseUrl() + page, {
        method: "POST",
        body,
        headers: { cookie: cookie(), origin: new URL(baseUrl()).origin },
        redirect: "manual",
      });
    }

    it("answers a renamed executable or an oversize file with the reason, and saves a real PNG", async () => {
      const before = await acmeLogo();
      const exe = await postLogo(EXECUTABLE, "logo.png");
      expect(await exe.text()).toContain(
        "This file is not an image Orion accepts: upload a JPEG, PNG or WebP file.",
      );
      const big = await postLogo(
        Buffer.concat([await logoPng(40, 40), Buffer.alloc(5 * 1024 * 1024)]),
        "big.png",
      );
      expect(await big.text()).toContain("This file is larger than 5 MB. Choose a smaller image.");
      expect(await acmeLogo()).toBe(before);

      const ok = await postLogo(await logoPng(), "logo.png");
      expect(ok.status).toBe(200);
      expect(await ok.text()).toContain("Logo saved.");
      const after = await acmeLogo();
      expect(after).not.toBe(before);
      // The replaced logo's files are gone; the new one is the shop's.
      expect((await rawRequest(baseUrl(), `/storefront/acme/logo/${before}/320.webp`)).status).toBe(404);
      expect((await rawRequest(baseUrl(), `/storefront/acme/logo/${after}/320.webp`)).status).toBe(200);
    });
  });
});
