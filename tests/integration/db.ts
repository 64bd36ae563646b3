// Direct database access for assertions on rows (checklist [GB-db]).
import { inject } from "vitest";
import postgres from "postgres";

let sql: postgres.Sql | undefined;

export function testSql(): postgres.Sql {
  sql ??= postgres(inject("databaseUrl"), { max: 2, onnotice: () => {} });
  return sql;
}
