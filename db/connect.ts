// Opens the database named by DATABASE_URL with the `postgres` driver: the one driver path,
// whether the server is PostgreSQL or the embedded PGlite served over the wire protocol.
import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import * as schema from "./schema";

export type Database = ReturnType<typeof drizzle<typeof schema>>;

/**
 * Bounds that keep a request from hanging on a database that is away or stuck: a connection
 * attempt gives up after `connectTimeoutSeconds`, a statement after `statementTimeoutMs`, and a
 * transaction left idle (its client gone) is ended so its locks go with it.
 */
export type ConnectionLimits = { connectTimeoutSeconds: number; statementTimeoutMs: number };

export function connect(url: string, poolMax: number, limits?: ConnectionLimits) {
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
    connection: {
      application_name: "orion",
      ...(limits && {
        statement_timeout: limits.statementTimeoutMs,
        idle_in_transaction_session_timeout: Math.max(limits.statementTimeoutMs * 2, 10_000),
      }),
    },
    // The driver's own wait between connection attempts grows to 20 s after a few failures,
    // which would hold requests (and the recovery) long after the database is back.
    ...(limits && {
      connect_timeout: limits.connectTimeoutSeconds,
      idle_timeout: 60,
      backoff: (retries: number) => Math.min(0.05 * retries, 0.5),
    }),
  });
  const db = drizzle(client, { schema });
  return { db, client };
}
