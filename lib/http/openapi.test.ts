import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { Validator } from "@seriousme/openapi-schema-validator";
import { describe, expect, it } from "vitest";
import { openApiDocument } from "./openapi";

const root = path.resolve(import.meta.dirname, "../..");
const API = path.join(root, "app/api/v1");
const METHODS = ["get", "post", "put", "patch", "delete"] as const;

function routeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(full);
    return entry.name === "route.ts" ? [full] : [];
  });
}

/** A route file's URL in OpenAPI form, and whether it is a router behind a catch-all segment. */
function urlOf(file: string): { url: string; router: boolean } {
  const segments = path.relative(path.join(root, "app"), path.dirname(file)).split(path.sep);
  const router = segments.some((s) => s.startsWith("[..."));
  const url = segments
    .filter((s) => !s.startsWith("[..."))
    .filter((s) => !s.startsWith("[[..."))
    .map((s) => s.replace(/^\[(\w+)\]$/, "{$1}"))
    .join("/");
  return { url: `/${url}`, router: router || segments.some((s) => s.startsWith("[[...")) };
}

/** The methods a plain route file implements: those it hands to `otherMethods({ … })`. */
function methodsOf(file: string): string[] {
  const text = readFileSync(file, "utf8");
  const given = /otherMethods\(\{([^}]*)\}\)/.exec(text);
  if (!given) throw new Error(`${file} does not end with otherMethods({ … })`);
  return given[1]!
    .split(",")
    .map((m) => m.trim().toLowerCase())
    .filter(Boolean);
}

const document = openApiDocument() as unknown as {
  paths: Record<
    string,
    Record<string, { operationId: string; security: unknown[]; responses: Record<string, unknown> }>
  >;
  components: { securitySchemes: Record<string, unknown>; schemas: Record<string, unknown> };
};
const operations = Object.entries(document.paths).flatMap(([url, item]) =>
  METHODS.filter((m) => item[m]).map((m) => ({ url, method: m, op: item[m]! })),
);

describe("GET /api/v1/openapi.json", () => {
  it("is a valid OpenAPI 3.1 document", async () => {
    const validator = new Validator();
    const result = await validator.validate(JSON.parse(JSON.stringify(document)));
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe("3.1");
  });

  it("has a Bearer scheme per area and the error body as a component", () => {
    expect(Object.keys(document.components.securitySchemes).sort()).toEqual([
      "adminBearer",
      "customerBearer",
      "storeBearer",
    ]);
    expect(document.components.schemas.Error).toBeDefined();
  });

  it("describes every route handler under app/api/v1, and nothing else", () => {
    const files = routeFiles(API).map((file) => ({ file, ...urlOf(file) }));
    const routers = files.filter((f) => f.router).map((f) => f.url);
    expect(routers.sort()).toEqual(
      ["/api/v1/admin/auth/totp", "/api/v1/storefront", "/api/v1/store/{store}/auth/totp"].sort(),
    );
    const documented = new Set(operations.map((o) => `${o.method} ${o.url}`));
    // Every plain route file's methods are documented at its path.
    for (const f of files.filter((f) => !f.router)) {
      for (const method of methodsOf(f.file)) expect(documented, f.file).toContain(`${method} ${f.url}`);
    }
    // Every documented operation is a plain route file's method or one a router dispatches.
    const plain = new Set(
      files.filter((f) => !f.router).flatMap((f) => methodsOf(f.file).map((m) => `${m} ${f.url}`)),
    );
    for (const o of operations) {
      const key = `${o.method} ${o.url}`;
      const underRouter = routers.some((r) => o.url === r || o.url.startsWith(`${r}/`));
      expect(plain.has(key) || underRouter, key).toBe(true);
    }
    // Each router serves some operations (they are dispatched from the same table rows).
    for (const r of routers)
      expect(
        operations.some((o) => o.url.startsWith(r)),
        r,
      ).toBe(true);
  });

  it("names each operation once and documents the errors of each", () => {
    const ids = operations.map((o) => o.op.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const { op } of operations) {
      expect(op.responses["500"], op.operationId).toBeDefined();
      if (op.security.length > 0) expect(op.responses["401"], op.operationId).toBeDefined();
    }
  });
});
