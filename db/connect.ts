// Opens the database named by DATABASE_URL with the `postgres` driver: the one driver path,
// whether the server is PostgreSQL or the embedded PGlite served over the wire protocol.
import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import * as schema from "./schema";

export type Database = ReturnType<typeof drizzle<typeof schema>>;

export function connect(url: string, poolMax: number) {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error("DATABASE_URL is not a valid URL");
  }
  if (parsed.protocol !== "postgres:" && parsed.protocol !== "postgresql:") {
    throw new Error("DATABASE_URL must start with postgres:// or postgresql://");
  }
  const client = postgres(url, {
    max: poolMax,
    onnotice: () => {},
    connection: { application_name: "orion" },
  });
  const db = drizzle(client, { schema });
  return { db, client };
}
