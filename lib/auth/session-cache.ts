// A per-process cache of what the guards load (a session with its principal, membership and
// store), so a guarded request needs no query. It is only used while this process LISTENs on
// `orion_auth`, where PostgreSQL announces at commit the id of every changed session, user,
// customer, membership, second factor or store (triggers of migration 0007): a revocation
// answered by any instance empties the entries of every instance before its next request.
// Without a working listener there is no cache and every guard asks the database.
import "server-only";
import { randomBytes } from "node:crypto";
import { performance } from "node:perf_hooks";
import { sql } from "drizzle-orm";
import postgres from "postgres";
import { db } from "@/db/client";
import { config } from "@/lib/config";
import { processSingleton } from "@/lib/process-global";

const AUTH_CHANNEL = "orion_auth";

const TTL_MS = 10_000; // backstop: even an entry nobody announced a change of is read again
const MAX_ENTRIES = 10_000;
// The listener proves itself by hearing its own probe, sent through the application's pool,
// every PROBE_MS; when none came back for STALE_MS it counts as down (a silent network break).
const PROBE_MS = 1_000;
const STALE_MS = 2_500;
const RETRY_MS = 1_000;

type Entry = { rows: readonly unknown[]; ids: readonly string[]; until: number };

/** The cache proper, without I/O: entries, their invalidation and whether they may be served. */
export class SessionStateCache {
  private readonly entries = new Map<string, Entry>();
  private generation = 0;
  private listening = false;
  private lastEcho = -Infinity;

  constructor(private readonly now: () => number = () => performance.now()) {}

  /** Serving entries needs a listener that heard its own probe lately. */
  live(): boolean {
    return this.listening && this.now() - this.lastEcho < STALE_MS;
  }

  get size(): number {
    return this.entries.size;
  }

  /**
   * The cached rows for `key`, else `load()`'s, kept when they found a live session and nothing
   * changed meanwhile (a change announced while the query ran may not be in its answer).
   */
  async read<R extends { sessionExpiresAt: Date }>(
    key: string,
    ids: readonly string[],
    load: () => Promise<R[]>,
  ): Promise<R[]> {
    const now = this.now();
    if (this.live()) {
      const hit = this.entries.get(key);
      if (hit && hit.until > now) return hit.rows as R[];
      if (hit) this.entries.delete(key);
    }
    const generation = this.generation;
    const rows = await load();
    const row = rows[0];
    if (row && this.live() && generation === this.generation) {
      const until = Math.min(now + TTL_MS, now + (row.sessionExpiresAt.getTime() - Date.now()));
      if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
      this.entries.set(key, { rows, ids, until });
    }
    return rows;
  }

  /** A change announced for `id` (or `*`: everything). */
  changed(id: string): void {
    this.generation++;
    if (id === "*") return this.entries.clear();
    for (const [key, entry] of this.entries) if (entry.ids.includes(id)) this.entries.delete(key);
  }

  /** The listener heard its own probe. */
  echoed(): void {
    this.lastEcho = this.now();
  }

  /** LISTEN is in place (entries still wait for the first echo) or the connection is gone. */
  setListening(listening: boolean): void {
    this.listening = listening;
    this.generation++;
    this.entries.clear();
    if (!listening) this.lastEcho = -Infinity;
  }
}

/** Keeps one LISTEN connection per process, re-established after any loss, and probes it. */
class Listener {
  private readonly nonce = randomBytes(8).toString("hex");
  private client: postgres.Sql | undefined;
  private probeTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly url: string,
    private readonly cache: SessionStateCache,
  ) {}

  start(): void {
    // `onnotify` is the driver's own hook for notices of any channel (untyped in its .d.ts).
    const options: postgres.Options<Record<string, never>> & {
      onnotify: (channel: string, payload: string) => void;
    } = {
      max: 1,
      max_lifetime: null,
      fetch_types: false,
      onnotice: () => {},
      connection: { application_name: "orion-auth-listener" },
      onnotify: (channel, payload) => {
        if (channel !== AUTH_CHANNEL) return;
        if (payload.startsWith("probe:")) {
          if (payload === `probe:${this.nonce}`) this.cache.echoed();
          return;
        }
        this.cache.changed(payload);
      },
      onclose: () => {
        this.cache.setListening(false);
        this.retry();
      },
    };
    this.client = postgres(this.url, options);
    this.probeTimer = setInterval(() => this.probe(), PROBE_MS);
    this.probeTimer.unref();
    void this.listen();
  }

  private async listen(): Promise<void> {
    try {
      await this.client!.unsafe(`listen ${AUTH_CHANNEL}`);
      this.cache.setListening(true);
      this.probe();
    } catch {
      this.cache.setListening(false);
      this.retry();
    }
  }

  private retrying = false;

  private retry(): void {
    if (this.retrying) return;
    this.retrying = true;
    setTimeout(() => {
      this.retrying = false;
      void this.listen();
    }, RETRY_MS).unref();
  }

  /** Sent through the pool, not the listener: it proves that other connections' notices arrive. */
  private probe(): void {
    db()
      .execute(sql`select pg_notify(${AUTH_CHANNEL}, ${`probe:${this.nonce}`})`)
      .catch(() => {});
  }
}

/** This process's cache, its listener started on first use; null when configured off. */
function sessionCache(): SessionStateCache | null {
  return processSingleton<SessionStateCache | null>("orionSessionCache", () => {
    const { authSessionCache, databaseListenUrl } = config();
    if (!authSessionCache || !databaseListenUrl) return null;
    const cache = new SessionStateCache();
    new Listener(databaseListenUrl, cache).start();
    return cache;
  });
}

/**
 * The guard's session query for this token, answered from memory while the listener is live.
 * `ids` are the session, principal and store the answer depends on.
 */
export function sessionState<R extends { sessionExpiresAt: Date }>(
  area: string,
  claims: { sid: string; sub: string; store_id?: string | null },
  load: () => Promise<R[]>,
): Promise<R[]> {
  const cache = sessionCache();
  if (!cache) return load();
  const ids = claims.store_id ? [claims.sid, claims.sub, claims.store_id] : [claims.sid, claims.sub];
  return cache.read(`${area}:${claims.sid}:${claims.sub}`, ids, load);
}
