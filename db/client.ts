// The application's database handle, shared by every request of this server process.
import "server-only";
import { config } from "@/lib/config";
import { connect, type Database } from "./connect";

const globalForDb = globalThis as unknown as { orionDb?: Database };

export function db(): Database {
  if (!globalForDb.orionDb) {
    const { databaseUrl, databasePoolMax } = config();
    if (!databaseUrl) throw new Error("DATABASE_URL is not set; start the app with `npm start`");
    globalForDb.orionDb = connect(databaseUrl, databasePoolMax).db;
  }
  return globalForDb.orionDb;
}
