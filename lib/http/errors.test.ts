import { describe, expect, it } from "vitest";
import { ApiError, toApiError } from "./errors";

/** A PostgreSQL error as Drizzle throws it: the driver's error as the cause. */
function drizzleError(code: string, constraint?: string): Error {
  const cause = Object.assign(new Error("violates constraint"), { code, constraint_name: constraint });
  return new Error("Failed query: update products set stock = stock - $1", { cause });
}

describe("toApiError", () => {
  it("answers a check or unique violation with 409 CONFLICT, without naming the constraint", () => {
    for (const [code, constraint] of [
      ["23514", "products_stock_nonnegative"],
      ["23505", "users_email_lower_key"],
      ["23503", "orders_customer_id_fkey"],
    ] as const) {
      const mapped = toApiError(drizzleError(code, constraint));
      expect(mapped.code, code).toBe("CONFLICT");
      expect(mapped.status).toBe(409);
      expect(mapped.message).not.toContain(constraint);
    }
    expect(toApiError(Object.assign(new Error("raw driver error"), { code: "23505" })).code).toBe("CONFLICT");
  });

  it("answers text PostgreSQL cannot store with 422, and anything else with 500", () => {
    expect(toApiError(drizzleError("22021")).code).toBe("VALIDATION_ERROR");
    expect(toApiError(drizzleError("42P01")).code).toBe("INTERNAL_ERROR");
    expect(toApiError(new Error("boom")).code).toBe("INTERNAL_ERROR");
    expect(toApiError("thrown text").code).toBe("INTERNAL_ERROR");
  });

  it("answers 503 SERVICE_UNAVAILABLE with Retry-After when the database is away or cut a statement", () => {
    const refused = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" });
    for (const error of [
      new Error("Failed query: select 1", { cause: refused }),
      Object.assign(new Error("write CONNECTION_CLOSED"), { code: "CONNECTION_CLOSED" }),
      Object.assign(new Error("connect"), { code: "CONNECT_TIMEOUT" }),
      drizzleError("57P01"),
      drizzleError("57P03"),
      drizzleError("08006"),
      drizzleError("57014"),
      new AggregateError([refused], "every address refused"),
    ]) {
      const mapped = toApiError(error);
      expect(mapped.code, error.message).toBe("SERVICE_UNAVAILABLE");
      expect(mapped.status).toBe(503);
      expect(Number(mapped.headers["Retry-After"])).toBeGreaterThan(0);
    }
  });

  it("keeps a named error as it is", () => {
    const error = new ApiError("NOT_FOUND");
    expect(toApiError(error)).toBe(error);
  });
});
