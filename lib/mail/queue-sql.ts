// pg-boss writes its statements for the `pg` driver, with `$n` placeholders; the app talks to
// PostgreSQL through drizzle and `postgres`. This turns one into the other, still bound.
import { type SQL, sql } from "drizzle-orm";

/** The statement with each `$n` bound to `values[n - 1]`; objects as JSON, as `pg` sends them. */
export function statement(text: string, values: readonly unknown[] = []): SQL {
  const parts = text.split(/\$(\d+)/);
  return sql.join(
    parts.map((part, i) => {
      if (i % 2 === 0) return sql.raw(part);
      const value = values[Number(part) - 1];
      const isObject =
        value !== null && typeof value === "object" && !Array.isArray(value) && !(value instanceof Date);
      return sql.param(isObject ? JSON.stringify(value) : (value ?? null));
    }),
  );
}
