// Server start-up: migrations and the first admin before the first request is served, then
// the mail worker. A server that cannot start right (bad secret, no database) exits instead
// of answering 500s. scripts/server.ts calls the hooks set here: whether the database is away
// (a failed page then answers 503) and, on SIGTERM, what to stop before it exits.
import { appHooks } from "./lib/process-global";

export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { bootstrap } = await import("./db/bootstrap");
    const { log } = await import("./lib/log");
    try {
      await bootstrap();
      const { startMailWorker, stopMailWorker } = await import("./lib/mail/queue");
      const { closeDatabase, databaseReachable } = await import("./db/client");
      const { closeRedis, connectRedis } = await import("./lib/auth/throttle");
      const { databaseRecentlyUnavailable } = await import("./lib/outage");
      await startMailWorker();
      await connectRedis();
      const hooks = appHooks();
      hooks.databaseAway = async () => databaseRecentlyUnavailable() || !(await databaseReachable());
      // The mail worker first (it writes the outcome of the delivery under way), then the pools.
      hooks.beforeExit = async () => {
        await stopMailWorker();
        await Promise.allSettled([closeRedis(), closeDatabase()]);
      };
    } catch (error) {
      log.fatal({ err: error }, `cannot start: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    }
  }
}

/** A page or handler that failed because the database is away marks the outage for the pages. */
export async function onRequestError(error: unknown): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { isDatabaseUnavailable } = await import("./lib/http/errors");
  if (!isDatabaseUnavailable(error)) return;
  const { noteDatabaseUnavailable } = await import("./lib/outage");
  noteDatabaseUnavailable();
}
