// The application's database handle, shared by every request of this server process.
import "server-only";
import { config } from "@/lib/config";
import { connect, type Database } from "./connect";
import { processSingleton } from "@/lib/process-global";

export function db(): Database {
  return processSingleton("orionDb", () => {
    const { databaseUrl, databasePoolMax } = config();
    if (!databaseUrl) throw new Error("DATABASE_URL is not set; start the app with `npm start`");
    return connect(databaseUrl, databasePoolMax).db;
  });
}
