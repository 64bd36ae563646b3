// The application's database handle, shared by every request of this server process.
import "server-only";
import { config } from "@/lib/config";
import { connect, type Database } from "./connect";

const globalForDb = globalThis as unknown as { orionDb?: Database };

export function db(): Database {
  if (!globalForDb.orionDb) {
    const { databaseUrl, databasePoolMax, databaseConnectTimeoutSeconds, databaseStatementTimeoutMs } =
      config();
    if (!databaseUrl) throw new Error("DATABASE_URL is not set; start the app with `npm start`");
    globalForDb.orionDb = connect(databaseUrl, databasePoolMax, {
      connectTimeoutSeconds: databaseConnectTimeoutSeconds,
      statementTimeoutMs: databaseStatementTimeoutMs,
    }).db;
  }
  return globalForDb.orionDb;
}

/** True when the database answers a trivial query within `timeoutMs` (readiness, outage pages). */
export async function databaseReachable(timeoutMs = 2000): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      db().$client`select 1`.then(() => true).catch(() => false),
      new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs))),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/** Ends the pool (clean shutdown), letting the statements under way finish. */
export async function closeDatabase(): Promise<void> {
  const current = globalForDb.orionDb;
  globalForDb.orionDb = undefined;
  await current?.$client.end({ timeout: 5 });
}
