// Server start-up: migrations and the first admin before the first request is served.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { bootstrap } = await import("./db/bootstrap");
    await bootstrap();
  }
}
