// Applies the committed drizzle-kit migrations. An advisory lock lets several server
// instances start at once against one database.
import path from "node:path";
import { sql } from "drizzle-orm";
import { migrate } from "drizzle-orm/postgres-js/migrator";
import { connect } from "./connect";

const MIGRATION_LOCK = 727_100_001;

export async function migrateDatabase(url: string): Promise<void> {
  // One connection, so the session-level lock covers every statement of the migration.
  const { db, client } = connect(url, 1);
  try {
    await db.execute(sql`select pg_advisory_lock(${MIGRATION_LOCK})`);
    await migrate(db, { migrationsFolder: path.join(process.cwd(), "db/migrations") });
    await db.execute(sql`select pg_advisory_unlock(${MIGRATION_LOCK})`);
  } finally {
    await client.end();
  }
}
