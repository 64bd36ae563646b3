// Vitest integration setup: one fresh database and one production server for the run.
import { testPort } from "./ports";
import type { TestProject } from "vitest/node";
import { createTestDatabase, ensureBuilt, startServer } from "./server";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    databaseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  ensureBuilt();
  const database = await createTestDatabase();
  const server = await startServer({
    databaseUrl: database.url,
    port: testPort("ORION_TEST_PORT", 3101),
  });
  project.provide("baseUrl", server.url);
  project.provide("databaseUrl", database.url);
  return async () => {
    await server.stop();
    if (process.env.KEEP_TEST_DB !== "1") await database.drop();
  };
}
