// Values kept once per server process. The request layer, the route handlers and the server
// script are separate module instances in one process (and development reloads modules), so
// a pool, a connection or a cache that must be shared lives on globalThis, under one name.
const slots = globalThis as unknown as Record<string, unknown>;

/** The process's one value under `name`, made on first use (not kept when `make` throws). */
export function processSingleton<T>(name: string, make: () => T): T {
  if (slots[name] === undefined) slots[name] = make();
  return slots[name] as T;
}

/** A process-wide value that is set, replaced and cleared (a queue reopened after a failure). */
export function processSlot<T>(name: string): { get(): T | undefined; set(value: T | undefined): void } {
  return {
    get: () => slots[name] as T | undefined,
    set: (value) => {
      slots[name] = value;
    },
  };
}

/**
 * What the app (instrumentation.ts) hands the server script (scripts/server.ts): whether the
 * database is away just now, and what to stop before the process exits.
 */
export type AppHooks = { databaseAway?: () => Promise<boolean>; beforeExit?: () => Promise<void> };

export function appHooks(): AppHooks {
  return processSingleton<AppHooks>("orionAppHooks", () => ({}));
}
