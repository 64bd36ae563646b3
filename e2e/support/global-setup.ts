// Browser tests run against the production build on a fresh, seeded PostgreSQL database.
import { testPort } from "../../tests/support/ports";
import { createTestDatabase, ensureBuilt, startServer } from "../../tests/support/server";

export default async function globalSetup() {
  ensureBuilt();
  const database = await createTestDatabase();
  const port = testPort("ORION_E2E_PORT", 3102);
  const server = await startServer({ databaseUrl: database.url, port });
  process.env.ORION_E2E_DATABASE_URL = database.url;
  return async () => {
    await server.stop();
    if (process.env.KEEP_TEST_DB !== "1") await database.drop();
  };
}
