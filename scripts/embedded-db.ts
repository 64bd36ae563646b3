// The embedded PostgreSQL for a fresh clone: PGlite kept in ./.data, served over the wire
// protocol so the app talks to it with the same `postgres` driver as to a real server.
import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";

export type EmbeddedDatabase = { url: string; isNew: boolean; stop: () => Promise<void> };

export async function startEmbeddedDatabase(dataDir: string, port = 0): Promise<EmbeddedDatabase> {
  const dir = path.join(dataDir, "pgdata");
  const isNew = !existsSync(path.join(dir, "PG_VERSION"));
  mkdirSync(dir, { recursive: true });
  const db = await PGlite.create(dir);
  // PGlite is one session: every process that connects (seeder, server) uses a pool of one.
  const server = new PGLiteSocketServer({ db, host: "127.0.0.1", port, maxConnections: 4 });
  await server.start();
  const conn = server.getServerConn();
  return {
    url: `postgres://postgres@${conn}/postgres?sslmode=disable`,
    isNew,
    stop: async () => {
      await server.stop();
      await db.close();
    },
  };
}
