// Brute-force controls (README › Abuse controls), shared by every server instance through PostgreSQL, or Redis
// when REDIS_URL is set: per-IP rate limits (429 with Retry-After) and a per-account lockout
// after repeated failures (423 with the unlock time). The failure counter is keyed on the
// account an identifier names, so every spelling of it counts together, and on the
// identifier itself when no account has it, so that a lock reveals nothing.
// Redis away: every counter falls back to PostgreSQL (the limiters' insurance) at once, so
// budgets and lockout keep holding, across instances, and nothing answers 500; one log line
// says so. Counts made during the outage stay in PostgreSQL when Redis is back.
import "server-only";
import { and, gt, gte, like, sql } from "drizzle-orm";
import Redis from "ioredis";
import {
  type RateLimiterAbstract,
  RateLimiterDrizzle,
  RateLimiterRedis,
  RateLimiterRes,
} from "rate-limiter-flexible";
import { db } from "@/db/client";
import { rateLimits } from "@/db/schema";
import { config } from "@/lib/config";
import { log } from "@/lib/log";
import { budgetKeyOfIp } from "@/lib/net/forwarded";
import { ApiError } from "@/lib/http/errors";

/** Failures that lock an account, the window they count in, and how long the lock lasts. */
export const LOCKOUT = { failures: 10, windowSeconds: 15 * 60, lockSeconds: 15 * 60 } as const;

/** Per-IP budgets: [points, seconds]. Generous for people, tight for scripts. */
const BUDGETS = {
  login: [30, 60],
  register: [100, 10 * 60],
  forgot: [10, 15 * 60],
  forgotAccount: [3, 15 * 60],
  reset: [20, 15 * 60],
  mfa: [30, 60],
  /** The current password asked again inside a session (password and two-factor changes). */
  reauth: [30, 60],
} as const;

export type Budget = keyof typeof BUDGETS;

type Limiters = { budgets: Record<Budget, RateLimiterAbstract>; failures: RateLimiterAbstract };

const globalForLimits = globalThis as unknown as {
  orionLimiters?: Limiters;
  orionRedis?: Redis;
  orionRedisDown?: boolean;
};

function redis(url: string): Redis {
  if (globalForLimits.orionRedis) return globalForLimits.orionRedis;
  // No offline queue: while Redis is away a command fails at once and PostgreSQL counts instead.
  const client = new Redis(url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: 2000,
    commandTimeout: 1000,
  });
  client.on("error", (error: Error) => {
    if (globalForLimits.orionRedisDown) return;
    globalForLimits.orionRedisDown = true;
    log.warn({ err: error.message }, "Redis unavailable: rate limits and lockout are counted in PostgreSQL");
  });
  client.on("ready", () => {
    if (globalForLimits.orionRedisDown) log.info("Redis is back: rate limits and lockout use it again");
    globalForLimits.orionRedisDown = false;
  });
  globalForLimits.orionRedis = client;
  return client;
}

function make(keyPrefix: string, points: number, duration: number): RateLimiterAbstract {
  const { redisUrl, redisKeyPrefix } = config();
  const postgresLimiter = new RateLimiterDrizzle({
    storeClient: db(),
    schema: rateLimits,
    keyPrefix,
    points,
    duration,
  });
  if (!redisUrl) return postgresLimiter;
  return new RateLimiterRedis({
    storeClient: redis(redisUrl),
    keyPrefix: `${redisKeyPrefix}:${keyPrefix}`,
    points,
    duration,
    rejectIfRedisNotReady: true,
    insuranceLimiter: postgresLimiter,
  });
}

/** Readiness: null without Redis, otherwise whether it answers a PING within `timeoutMs`. */
export async function redisReachable(timeoutMs = 1000): Promise<boolean | null> {
  const { redisUrl } = config();
  if (!redisUrl) return null;
  const client = redis(redisUrl);
  if (client.status !== "ready") return false;
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      client.ping().then(
        () => true,
        () => false,
      ),
      new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs))),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Server start-up: connects to Redis before the first request, so that requests do not count
 * in PostgreSQL while the connection is still being made. Redis down does not stop the start.
 */
export async function connectRedis(timeoutMs = 2000): Promise<void> {
  const { redisUrl } = config();
  if (!redisUrl) return;
  const client = redis(redisUrl);
  if (client.status === "ready") return;
  await new Promise<void>((resolve) => {
    const done = () => {
      clearTimeout(timer);
      client.off("ready", done);
      client.off("error", done);
      resolve();
    };
    const timer = setTimeout(done, timeoutMs);
    client.once("ready", done);
    client.once("error", done);
  });
}

/** Clean shutdown: the Redis connection, if one was opened. */
export async function closeRedis(): Promise<void> {
  const client = globalForLimits.orionRedis;
  globalForLimits.orionRedis = undefined;
  if (client) await client.quit().catch(() => client.disconnect());
}

function limiters(): Limiters {
  globalForLimits.orionLimiters ??= {
    budgets: Object.fromEntries(
      Object.entries(BUDGETS).map(([name, [points, seconds]]) => [name, make(`rl_${name}`, points, seconds)]),
    ) as Record<Budget, RateLimiterAbstract>,
    failures: make("lock", LOCKOUT.failures, LOCKOUT.windowSeconds),
  };
  return globalForLimits.orionLimiters;
}

/**
 * Spends one point of `budget` for an IP (within `scope`, e.g. a store); 429 with Retry-After
 * when spent. An IPv6 client counts by its /64. Addresses in RATE_LIMIT_EXEMPT_IPS (test runners, load tests) are not counted.
 */
export async function spend(budget: Budget, ip: string | null, scope?: string): Promise<void> {
  if (!ip || config().rateLimitExemptIps.has(ip)) return;
  try {
    const client = budgetKeyOfIp(ip);
    await limiters().budgets[budget].consume(scope ? `${scope}:${client}` : client);
  } catch (error) {
    if (!(error instanceof RateLimiterRes)) throw error;
    const seconds = Math.max(1, Math.ceil(error.msBeforeNext / 1000));
    throw new ApiError("RATE_LIMITED", {
      message: `Too many attempts. Try again in ${seconds} seconds.`,
      headers: { "Retry-After": String(seconds) },
      details: { retry_after_seconds: seconds },
    });
  }
}

/** False when this account asked too often; the caller then quietly sends nothing. */
export async function accountAllows(budget: Budget, account: string): Promise<boolean> {
  try {
    await limiters().budgets[budget].consume(account.toLowerCase());
    return true;
  } catch (error) {
    if (error instanceof RateLimiterRes) return false;
    throw error;
  }
}

/**
 * Whose failures count together. Admins and staff are users: one password, so one counter
 * for the admin console and every store (per store, each store a user belongs to, or any
 * store code typed, would buy ten more guesses). A shopper is an account of one store.
 */
export type LockAccount = { userId: string } | { customerId: string };

/** The lockout key of an account, whichever spelling of it was typed. */
export function accountLockKey(account: LockAccount): string {
  return "userId" in account ? `user:id:${account.userId}` : `customer:id:${account.customerId}`;
}

/**
 * The lockout key of a login: the account's when the identifier names one; otherwise the
 * identifier's (case and spaces do not matter) in the same space as the accounts it could
 * have named (all users; a shop's customers), so that it locks exactly like an account.
 */
export function loginLockKey(account: LockAccount | null, shopId: string | null, identifier: string): string {
  if (account) return accountLockKey(account);
  const typed = identifier.trim().toLowerCase();
  return shopId ? `customer:login:${shopId}:${typed}` : `user:login:${typed}`;
}

export type ParsedLockKey =
  | { kind: "user"; userId: string }
  | { kind: "customer"; customerId: string }
  | { kind: "identifier"; shopId: string | null; identifier: string };

/** What a lockout key stands for, for the admin console's list; null for keys of other forms. */
export function parseLockKey(key: string): ParsedLockKey | null {
  const [realm, form, ...rest] = key.split(":");
  if (form === "id" && rest.length === 1) {
    if (realm === "user") return { kind: "user", userId: rest[0]! };
    if (realm === "customer") return { kind: "customer", customerId: rest[0]! };
  }
  if (form === "login" && realm === "user")
    return { kind: "identifier", shopId: null, identifier: rest.join(":") };
  if (form === "login" && realm === "customer" && rest.length > 1) {
    return { kind: "identifier", shopId: rest[0]!, identifier: rest.slice(1).join(":") };
  }
  return null;
}

export async function lockedUntil(key: string): Promise<Date | null> {
  const res = await limiters().failures.get(key);
  if (!res || res.consumedPoints < LOCKOUT.failures) return null;
  return new Date(Date.now() + res.msBeforeNext);
}

export function lockedError(until: Date): ApiError {
  return new ApiError("ACCOUNT_LOCKED", {
    message: `Too many failed sign-ins. Try again after ${until.toISOString().slice(11, 16)} UTC.`,
    details: { locked_until: until.toISOString() },
    headers: { "Retry-After": String(Math.max(1, Math.ceil((until.getTime() - Date.now()) / 1000))) },
  });
}

/** Counts a failure; the one that reaches the limit starts a lock lasting LOCKOUT.lockSeconds. */
export async function recordFailure(key: string): Promise<boolean> {
  const res = await limiters()
    .failures.penalty(key, 1)
    .catch((error: unknown) => {
      if (error instanceof RateLimiterRes) return error;
      throw error;
    });
  if (res.consumedPoints === LOCKOUT.failures) {
    await limiters().failures.set(key, LOCKOUT.failures, LOCKOUT.lockSeconds);
    return true;
  }
  return false;
}

export async function clearFailures(key: string): Promise<void> {
  await limiters().failures.delete(key);
}

/** Keys locked now, with their unlock time (PostgreSQL store only; Redis has no listing). */
export async function listLocks(): Promise<Array<{ key: string; until: Date }> | null> {
  if (config().redisUrl) return null;
  const rows = await db()
    .select()
    .from(rateLimits)
    .where(
      and(
        like(rateLimits.key, "lock:%"),
        gte(rateLimits.points, LOCKOUT.failures),
        gt(rateLimits.expire, sql`now()`),
      ),
    );
  return rows.map((r) => ({ key: r.key.slice("lock:".length), until: r.expire! }));
}
