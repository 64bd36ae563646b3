// Product pictures: uploaded by a store's staff (API and dashboard form), judged by their
// bytes, stored as resized WebP without metadata, and served only on the shop of their store.
import { randomBytes, randomUUID } from "node:crypto";
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
let acmeProduct: string;

/** A store user who works only at ORION: "another store's staff" for ACME's pictures. */
async function orionOnlyMember(): Promise<StoreLoginAnswer> {
  const username = `orion_only_${randomBytes(4).toString("hex")}`;
  const [user] = await testSql()`insert into users (username, email, password_hash, role)
    select ${username}, ${username} || '@orion.test', password_hash, 'store' from users where username = 'store_owner'
    returning id`;
  await testSql()`insert into store_members (store_id, user_id, role)
    select id, ${user!.id}, 'owner' from stores where slug = 'orion'`;
  return storeLogin("ORION", username, "store123");
}

beforeAll(async () => {
  acme = await storeLogin("ACME", "store_owner", "store123");
  orionOnly = await orionOnlyMember();
  const [product] = await testSql()`insert into products (store_id, name, price_cents, stock)
    select id, 'Pictured Anvil', 1000, 5 from stores where slug = 'acme' returning id`;
  acmeProduct = product!.id;
});

/** A real PNG or JPEG with an EXIF comment we can look for afterwards. */
function photo(format: "png" | "jpeg", width = 900, height = 600): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: { r: 200, g: 80, b: 20 } } })
    .withExif({ IFD0: { Copyright: "SECRET-EXIF-CANARY", Artist: "GPS 49.6116N 6.1319E" } })
    [format]()
    .toBuffer();
}

function upload(
  path: string,
  token: string,
  file: Uint8Array,
  name = "photo.png",
  type = "image/png",
  method = "POST",
): Promise<Response> {
  const form = new FormData();
  form.append("image", new Blob([new Uint8Array(file)], { type }), name);
  form.append("alt", "An anvil on a bench");
  return fetch(baseUrl() + path, { method, body: form, headers: bearer(token) });
}

const imagesPath = (slug: string, product: string) => `/api/v1/store/${slug}/products/${product}/images`;

/** GET with the Host the visitor used (the platform's when null). */
function fetchAs(host: string | null, path: string): Promise<Response> {
  return rawRequest(baseUrl(), path, host ? { host: `${host}:${new URL(baseUrl()).port}` } : {});
}

async function uploaded(format: "png" | "jpeg"): Promise<string> {
  const res = await upload(imagesPath("acme", acmeProduct), acme.access_token, await photo(format));
  expect(res.status, await res.clone().text()).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

describe("product pictures", () => {
  it("stores an uploaded PNG and JPEG as WebP at every page width, without their metadata", async () => {
    for (const format of ["png", "jpeg"] as const) {
      const id = await uploaded(format);
      for (const width of [160, 320, 640, 1200]) {
        const res = await fetchAs(null, `/storefront/acme/images/${id}/${width}.webp`);
        expect(res.status, `${format} ${width}`).toBe(200);
        expect(res.headers.get("content-type")).toBe("image/webp");
        expect(res.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
        const bytes = Buffer.from(await res.arrayBuffer());
        const meta = await sharp(bytes).metadata();
        expect(meta.format).toBe("webp");
        // Never enlarged: the 900 px original is at most 900 px wide at any size.
        expect(meta.width).toBe(Math.min(width, 900));
        expect(meta.exif).toBeUndefined();
        expect(bytes.includes("SECRET-EXIF-CANARY")).toBe(false);
      }
    }
    const [row] =
      await testSql()`select count(*)::int as n, count(*) filter (where is_primary)::int as primaries
      from product_images where product_id = ${acmeProduct}`;
    expect(row).toEqual({ n: 2, primaries: 1 });
  });

  it("serves a picture on its own shop, by path and by subdomain, and 404 on every other store's", async () => {
    const id = await uploaded("png");
    const file = `${id}/320.webp`;
    expect((await fetchAs(null, `/storefront/acme/images/${file}`)).status).toBe(200);
    const bySubdomain = await fetchAs("acme.localhost", `/storefront/images/${file}`);
    expect(bySubdomain.status).toBe(200);

    const misses = [
      await fetchAs(null, `/storefront/orion/images/${file}`),
      await fetchAs("orion.localhost", `/storefront/images/${file}`),
      await fetchAs("orion.lu", `/storefront/images/${file}`),
      await fetchAs(null, `/storefront/acme/images/${randomUUID()}/320.webp`),
      await fetchAs(null, `/storefront/acme/images/${id}/321.webp`),
      await fetchAs(null, `/storefront/acme/images/${id}/320.png`),
    ];
    const bodies = await Promise.all(misses.map((r) => r.text()));
    expect(misses.map((r) => r.status)).toEqual([404, 404, 404, 404, 404, 404]);
    expect(new Set(bodies).size).toBe(1);
  });

  it("shows the picture on its store's catalog and product page, and nowhere at the other store", async () => {
    const id = await uploaded("jpeg");
    const acmeCatalog = await (await fetchAs(null, "/storefront/acme")).text();
    const acmePage = await (await fetchAs(null, `/storefront/acme/products/${acmeProduct}`)).text();
    expect(acmePage).toContain(`/storefront/acme/images/${id}/`);
    // The catalog shows each product's main picture: this product's first upload.
    expect(acmeCatalog).toMatch(new RegExp(`/storefront/acme/images/[0-9a-f-]{36}/\\d+\\.webp`));
    const orionCatalog = await (await fetchAs(null, "/storefront/orion")).text();
    expect(orionCatalog).not.toContain(id);
    expect(orionCatalog).not.toContain("/storefront/acme/images/");
  });

  it("hides the pictures of a hidden product from the shop but not from its store's dashboard", async () => {
    const [hidden] = await testSql()`insert into products (store_id, name, price_cents, is_active)
      select id, 'Secret Prototype', 1000, false from stores where slug = 'acme' returning id`;
    const res = await upload(imagesPath("acme", hidden!.id), acme.access_token, await photo("png", 200, 200));
    const { id } = (await res.json()) as { id: string };
    expect((await fetchAs(null, `/storefront/acme/images/${id}/160.webp`)).status).toBe(404);
    const dashboard = (token: string | null, slug = "acme") =>
      fetch(`${baseUrl()}/store/${slug}/images/${id}/160.webp`, {
        headers: token ? { cookie: `store_token=${token}` } : {},
        redirect: "manual",
      });
    const member = await dashboard(acme.access_token);
    expect(member.status).toBe(200);
    expect(member.headers.get("cache-control")).toBe("private, max-age=31536000, immutable");
    expect((await dashboard(orionOnly.access_token, "orion")).status).toBe(404);
  });

  it("refuses a renamed executable, a text file and a file over 5 MB with a clear message, and keeps nothing", async () => {
    const before = await testSql()`select count(*)::int as n from product_images`;
    const executable = Buffer.concat([
      Buffer.from("MZ\x90\x00\x03\x00\x00\x00", "latin1"),
      randomBytes(2048),
    ]);
    const cases: Array<[string, Buffer, string, RegExp]> = [
      [
        "an executable named .png",
        executable,
        "holiday.png",
        /not an image Orion accepts: upload a JPEG, PNG or WebP/,
      ],
      ["a text file", Buffer.from("just some notes\n"), "notes.jpg", /not an image Orion accepts/],
      [
        "a JPEG header padded past 5 MB",
        Buffer.concat([await photo("jpeg", 50, 50), Buffer.alloc(5 * 1024 * 1024)]),
        "big.jpg",
        /larger than 5 MB/,
      ],
      ["an SVG", Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'), "logo.svg", /not an image/],
    ];
    for (const [what, bytes, name, message] of cases) {
      const res = await upload(imagesPath("acme", acmeProduct), acme.access_token, bytes, name, "image/png");
      expect(res.status, what).toBe(422);
      const body = (await res.json()) as { error: { message: string; details: Array<{ field: string }> } };
      expect(body.error.message, what).toMatch(message);
      expect(body.error.details[0]!.field).toBe("image");
    }
    const after = await testSql()`select count(*)::int as n from product_images`;
    expect(after[0]!.n).toBe(before[0]!.n);
  });

  it("another store's staff cannot replace, edit or delete a picture: the same 404, byte for byte, as none", async () => {
    const id = await uploaded("png");
    const png = await photo("png", 100, 100);
    const attempts = async (imageId: string) => {
      const path = `${imagesPath("orion", acmeProduct)}/${imageId}`;
      const replace = await upload(path, orionOnly.access_token, png, "x.png", "image/png", "PUT");
      const edit = await fetch(baseUrl() + path, {
        method: "PATCH",
        headers: { ...bearer(orionOnly.access_token), "content-type": "application/json" },
        body: JSON.stringify({ alt: "mine now", is_primary: true }),
      });
      const remove = await fetch(baseUrl() + path, {
        method: "DELETE",
        headers: bearer(orionOnly.access_token),
      });
      return Promise.all(
        [replace, edit, remove].map(async (r) => ({ status: r.status, body: await r.text() })),
      );
    };
    const theirs = await attempts(id);
    const none = await attempts(randomUUID());
    expect(theirs.map((a) => a.status)).toEqual([404, 404, 404]);
    expect(theirs).toEqual(none);
    // At ACME's own address they are no member: refused before anything is looked up.
    const atAcme = await fetch(`${baseUrl()}${imagesPath("acme", acmeProduct)}/${id}`, {
      method: "DELETE",
      headers: bearer(orionOnly.access_token),
    });
    expect(atAcme.status).toBe(403);
    const [row] = await testSql()`select alt from product_images where id = ${id}`;
    expect(row?.alt).toBe("An anvil on a bench");
    expect((await fetchAs(null, `/storefront/acme/images/${id}/160.webp`)).status).toBe(200);
  });

  it("replaces a picture under a new address and removes one, its files with it", async () => {
    const id = await uploaded("png");
    const path = `${imagesPath("acme", acmeProduct)}/${id}`;
    const replaced = await upload(
      path,
      acme.access_token,
      await photo("jpeg", 400, 400),
      "new.jpg",
      "image/jpeg",
      "PUT",
    );
    expect(replaced.status).toBe(200);
    const next = ((await replaced.json()) as { id: string; alt: string }).id;
    expect(next).not.toBe(id);
    expect((await fetchAs(null, `/storefront/acme/images/${id}/160.webp`)).status).toBe(404);
    expect((await fetchAs(null, `/storefront/acme/images/${next}/160.webp`)).status).toBe(200);
    const removed = await fetch(`${baseUrl()}${imagesPath("acme", acmeProduct)}/${next}`, {
      method: "DELETE",
      headers: bearer(acme.access_token),
    });
    expect(removed.status).toBe(204);
    expect((await fetchAs(null, `/storefront/acme/images/${next}/160.webp`)).status).toBe(404);
  });
});

describe("the dashboard's picture form", () => {
  const page = () => `/store/acme/products/${acmeProduct}`;
  const cookie = () => `store_token=${acme.access_token}`;

  async function postPicture(origin: string | null, file: Buffer, name: string): Promise<Response> {
    const html = await (await fetch(baseUrl() + page(), { headers: { cookie: cookie() } })).text();
    const body = new FormData();
    for (const [k, v] of hiddenFields(html, "Add a picture")) body.append(k, v);
    body.append("image", new Blob([new Uint8Array(file)], { type: "image/png" }), name);
    body.append("alt", "From the form");
    return fetch(baseUrl() + page(), {
      method: "POST",
      body,
      headers: { cookie: cookie(), ...(origin ? { origin } : {}) },
      redirect: "manual",
    });
  }

  const formUploads = async () =>
    (await testSql()`select count(*)::int as n from product_images where alt = 'From the form'`)[0]!.n;

  it("adds nothing when posted from another site, a sibling store host, null or no Origin", async () => {
    const png = await photo("png", 120, 120);
    for (const origin of [
      "https://evil.example",
      `http://orion.localhost:${new URL(baseUrl()).port}`,
      "null",
      null,
    ]) {
      expect((await postPicture(origin, png, "a.png")).status, String(origin)).toBe(403);
    }
    expect(await formUploads()).toBe(0);
    const ok = await postPicture(new URL(baseUrl()).origin, png, "a.png");
    expect(ok.status).toBe(200);
    expect(await ok.text()).toContain("Picture added.");
    expect(await formUploads()).toBe(1);
  });

  it("answers an executable or an oversize file with the reason on the page", async () => {
    const origin = new URL(baseUrl()).origin;
    const exe = await postPicture(origin, Buffer.from("MZ\x90\x00 this is a program", "latin1"), "cat.png");
    expect(await exe.text()).toContain(
      "This file is not an image Orion accepts: upload a JPEG, PNG or WebP file.",
    );
    const big = await postPicture(
      origin,
      Buffer.concat([await photo("png", 40, 40), Buffer.alloc(5 * 1024 * 1024)]),
      "big.png",
    );
    expect(await big.text()).toContain("This file is larger than 5 MB. Choose a smaller image.");
    expect(await formUploads()).toBe(1);
  });
});
