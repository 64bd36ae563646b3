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
    expect(toApiError(drizzleError("57014")).code).toBe("INTERNAL_ERROR");
    expect(toApiError(new Error("boom")).code).toBe("INTERNAL_ERROR");
    expect(toApiError("thrown text").code).toBe("INTERNAL_ERROR");
  });

  it("keeps a named error as it is", () => {
    const error = new ApiError("NOT_FOUND");
    expect(toApiError(error)).toBe(error);
  });
});
