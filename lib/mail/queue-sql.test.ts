import { PgDialect } from "drizzle-orm/pg-core";
import { describe, expect, it } from "vitest";
import { statement } from "./queue-sql";

const render = (text: string, values: unknown[]) => new PgDialect().sqlToQuery(statement(text, values));

describe("pg-boss statements through drizzle", () => {
  it("binds every placeholder to its value, also past $9 and when one is used twice", () => {
    const values = Array.from({ length: 12 }, (_, i) => `v${i + 1}`);
    const query = render("select $1, $12::int, $10, $1", values);
    expect(query.sql).toBe("select $1, $2::int, $3, $4");
    expect(query.params).toEqual(["v1", "v12", "v10", "v1"]);
  });

  it("sends a mail's data as JSON text, arrays as arrays, and an absent value as null", () => {
    const mail = { kind: "k", to: "a@example.com", subject: "s", text: "t", html: "h" };
    const query = render("insert into j (data, ids, a) values ($1::jsonb, $2::uuid[], $3)", [
      mail,
      ["x"],
      undefined,
    ]);
    expect(query.params).toEqual([JSON.stringify(mail), ["x"], null]);
  });

  it("leaves dollar quoting and text without placeholders alone", () => {
    const text = "create function f() returns void as $$ begin perform 1; end $$ language plpgsql";
    expect(render(text, []).sql).toBe(text);
  });
});
