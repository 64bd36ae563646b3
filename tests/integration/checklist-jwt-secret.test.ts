// The signing secret is strong (checklist S10): an offline dictionary attack on real tokens
// finds no key. One server in development makes its own secret (ORION_DATA_DIR/jwt-secret),
// one runs in production with a secret made as .env.example says (openssl rand -hex 32); a
// token of each is attacked with common and default JWT secrets (tests/fixtures) and simple
// variants of them, by jose's HS256 verification and through the `kid` header, which is a
// hash of the key. The same attack finds a key from the list, so a miss means something.
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { compactVerify, decodeProtectedHeader } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inject } from "vitest";
import { EXAMPLE_SECRET, loadConfig } from "../../lib/config";
import { keyId } from "../../lib/auth/tokens";
import { testPort } from "../support/ports";
import { type TestServer, startServer } from "../support/server";
import { mint } from "../support/tokens";

const root = process.cwd();
const dataDir = mkdtempSync(path.join(tmpdir(), "orion-secret-"));
const PRODUCTION_SECRET = randomBytes(32).toString("hex");
let dev: TestServer;
let prod: TestServer;

beforeAll(async () => {
  dev = await startServer({
    databaseUrl: inject("databaseUrl"),
    port: testPort("ORION_TEST_DEV_SECRET_PORT", 3167),
    env: { ENVIRONMENT: "development", JWT_SECRET_KEY: "", ORION_DATA_DIR: dataDir },
  });
  prod = await startServer({
    databaseUrl: inject("databaseUrl"),
    port: testPort("ORION_TEST_PROD_SECRET_PORT", 3162),
    env: { ENVIRONMENT: "production", JWT_SECRET_KEY: PRODUCTION_SECRET, BCRYPT_COST: "10" },
  });
});

afterAll(async () => {
  await Promise.all([dev?.stop(), prod?.stop()]);
  rmSync(dataDir, { recursive: true, force: true });
});

/** The value .env.example gives JWT_SECRET_KEY, read from the file itself. */
function envExampleSecret(): string {
  const line = readFileSync(path.join(root, ".env.example"), "utf8")
    .split("\n")
    .find((l) => l.startsWith("JWT_SECRET_KEY="));
  return line!.slice("JWT_SECRET_KEY=".length).trim();
}

function wordlist(): string[] {
  const words = readFileSync(path.join(root, "tests/fixtures/jwt-secret-wordlist.txt"), "utf8")
    .split("\n")
    .filter((w) => w && !w.startsWith("#"));
  return [...words, envExampleSecret(), EXAMPLE_SECRET];
}

/** Each word and the variants people make of it, padded ones included (a 32-byte minimum invites them). */
function candidates(): string[] {
  const out = new Set<string>();
  for (const w of wordlist()) {
    const cap = w.charAt(0).toUpperCase() + w.slice(1);
    for (const v of [w, w.toLowerCase(), w.toUpperCase(), cap]) {
      for (const suffix of [
        "",
        "1",
        "123",
        "!",
        "-key",
        "_key",
        "-secret",
        "_secret",
        "-jwt",
        "2024",
        "2025",
        "2026",
      ])
        out.add(v + suffix);
      out.add(v.repeat(Math.ceil(32 / Math.max(1, v.length))));
      out.add(v.repeat(Math.ceil(64 / Math.max(1, v.length))));
      out.add(v.padEnd(32, "0"));
      out.add(v.padEnd(32, "x"));
    }
  }
  return [...out].filter((c) => c.length > 0);
}

/** Every candidate that verifies `token` under HS256 with jose, or whose hash is its `kid`. */
async function dictionaryAttack(token: string, list: string[]): Promise<string[]> {
  const { kid } = decodeProtectedHeader(token);
  const found: string[] = [];
  for (const candidate of list) {
    if (kid !== undefined && keyId(candidate) === kid) found.push(candidate);
    try {
      await compactVerify(token, new TextEncoder().encode(candidate), { algorithms: ["HS256"] });
      found.push(candidate);
    } catch {
      // not this one
    }
  }
  return found;
}

async function adminToken(server: TestServer): Promise<string> {
  const res = await fetch(`${server.url}/api/v1/admin/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email_or_username: "admin", password: "admin123" }),
  });
  expect(res.status).toBe(200);
  const { access_token } = (await res.json()) as { access_token: string };
  // A real token of that server: it opens the API there.
  const me = await fetch(`${server.url}/api/v1/admin/auth/me`, {
    headers: { authorization: `Bearer ${access_token}` },
  });
  expect(me.status).toBe(200);
  return access_token;
}

describe("an offline dictionary attack on the signing secret (S10)", () => {
  const list = candidates();

  it("tries a dictionary of some thousands, and finds a key that is in it", async () => {
    expect(list.length).toBeGreaterThan(2000);
    const weak = "secret".repeat(6);
    const found = await dictionaryAttack(await mint({ secret: weak }), list);
    expect(found).toContain(weak);
  });

  it("finds no key for a token of a development server, whose secret it made itself", async () => {
    const token = await adminToken(dev);
    expect(await dictionaryAttack(token, list)).toEqual([]);
    // The secret it signed with: 32 random bytes in the data directory, readable by its owner only.
    const file = path.join(dataDir, "jwt-secret");
    const secret = readFileSync(file, "utf8").trim();
    expect(secret).toMatch(/^[0-9a-f]{64}$/);
    expect(statSync(file).mode & 0o077).toBe(0);
    expect(decodeProtectedHeader(token).kid).toBe(keyId(secret));
  });

  it("finds no key for a token of a production server", async () => {
    expect(await dictionaryAttack(await adminToken(prod), list)).toEqual([]);
  });

  it("makes a different secret for every new data directory", () => {
    const dirs = [0, 1].map(() => mkdtempSync(path.join(tmpdir(), "orion-secret-")));
    try {
      const [a, b] = dirs.map(
        (dir) => loadConfig({ ENVIRONMENT: "development", ORION_DATA_DIR: dir }).jwtSecrets.current,
      );
      expect(a).not.toBe(b);
      expect(Buffer.from(a!, "hex")).toHaveLength(32);
    } finally {
      for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
    }
  });

  it("refuses every word of the list shorter than 32 bytes, and the example value, as a production secret", () => {
    for (const word of wordlist()) {
      if (Buffer.byteLength(word) >= 32 && word !== EXAMPLE_SECRET) continue;
      expect(() => loadConfig({ ENVIRONMENT: "production", JWT_SECRET_KEY: word }), word).toThrow(
        /JWT_SECRET_KEY/,
      );
    }
  });
});
