// The application's database handle, shared by every request of this server process.
import "server-only";
import { config } from "@/lib/config";
import { processSlot } from "@/lib/process-global";
import { connect, type Database } from "./connect";

const pool = processSlot<Database>("orionDb");

export function db(): Database {
  let current = pool.get();
  if (!current) {
    const { databaseUrl, databasePoolMax, databaseConnectTimeoutSeconds, databaseStatementTimeoutMs } =
      config();
    if (!databaseUrl) throw new Error("DATABASE_URL is not set; start the app with `npm start`");
    current = connect(databaseUrl, databasePoolMax, {
      connectTimeoutSeconds: databaseConnectTimeoutSeconds,
      statementTimeoutMs: databaseStatementTimeoutMs,
    }).db;
    pool.set(current);
  }
  return current;
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
  const current = pool.get();
  pool.set(undefined);
  await current?.$client.end({ timeout: 5 });
}
