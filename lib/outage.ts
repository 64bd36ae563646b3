// Whether this process has just seen the database away. The API answers such a request 503
// (lib/auth/errors.ts); pages rendered in that moment answer the "temporarily unavailable"
// page instead of a 500 (proxy.ts, scripts/server.ts). One log line per outage, not per request.
import { log } from "@/lib/log";
import { processSingleton } from "@/lib/process-global";

/** How long after the last failure a page that failed is taken for a victim of the outage. */
const OUTAGE_MEMORY_MS = 10_000;

const state = processSingleton<{ awayAt?: number; logged?: boolean }>("orionDatabaseOutage", () => ({}));

export function noteDatabaseUnavailable(): void {
  const now = Date.now();
  if (!state.logged || now - (state.awayAt ?? 0) > OUTAGE_MEMORY_MS) {
    log.warn("database unavailable: answering 503 until it is back");
    state.logged = true;
  }
  state.awayAt = now;
}

export function databaseRecentlyUnavailable(now = Date.now()): boolean {
  return state.awayAt !== undefined && now - state.awayAt < OUTAGE_MEMORY_MS;
}
