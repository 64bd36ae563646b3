// Server start-up: migrations and the first admin before the first request is served. A
// server that cannot start right (bad secret, no database) exits instead of answering 500s.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { bootstrap } = await import("./db/bootstrap");
    const { log } = await import("./lib/log");
    try {
      await bootstrap();
    } catch (error) {
      log.fatal({ err: error }, `cannot start: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    }
  }
}
