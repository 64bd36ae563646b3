// Server start-up: migrations and the first admin before the first request is served, then
// the mail worker. A server that cannot start right (bad secret, no database) exits instead
// of answering 500s. scripts/server.ts calls the stop hook on SIGTERM before it exits.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { bootstrap } = await import("./db/bootstrap");
    const { log } = await import("./lib/log");
    try {
      await bootstrap();
      const { startMailWorker, stopMailWorker } = await import("./lib/mail/queue");
      await startMailWorker();
      const { BEFORE_EXIT, processSlot } = await import("./lib/process-global");
      processSlot<() => Promise<void>>(BEFORE_EXIT).set(stopMailWorker);
    } catch (error) {
      log.fatal({ err: error }, `cannot start: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    }
  }
}
