// The mail queue: every mail is a job in PostgreSQL (pg-boss, schema `pgboss`), delivered by a
// worker in each server process. Jobs are taken with FOR UPDATE SKIP LOCKED, so with several
// instances each mail goes out once; one that fails waits and is tried again, about twice as
// long each time, for about a day; one whose worker died is taken again when its lease ends.
// pg-boss talks through the app's own `postgres` pool: one connection path, which is also the
// only one the embedded database (PGlite, a single session) can serve.
import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import { sql } from "drizzle-orm";
import PgBoss from "pg-boss";
import { db } from "@/db/client";
import type { Database } from "@/db/connect";
import { config } from "@/lib/config";
import { log } from "@/lib/log";
import { type Mail, deliverMail } from "./deliver";
import { DeliveryError, deliveryFailure } from "./delivery-error";
import { statement } from "./queue-sql";
import { processSlot } from "@/lib/process-global";

/** The app's database, or a transaction of it: a job written there commits or rolls back with it. */
export type Executor = Pick<Database, "execute">;

const POLL_SECONDS = 1;

type Queue = { boss: PgBoss; name: string; workerId: string | null; stopped: boolean };
const openQueue = processSlot<Promise<Queue>>("orionMailQueue");
const mailBusy = processSlot<number>("orionMailBusy");

// Queue statements and deliveries under way in this process: a stopping server waits for
// them, so a delivery's outcome (done, or failed and due again) is written before it exits.
async function busy<T>(work: () => Promise<T>): Promise<T> {
  mailBusy.set((mailBusy.get() ?? 0) + 1);
  try {
    return await work();
  } finally {
    mailBusy.set((mailBusy.get() ?? 1) - 1);
  }
}

function adapter(executor: Executor) {
  return {
    async executeSql(text: string, values: unknown[] = []): Promise<{ rows: unknown[] }> {
      const rows = await busy(() => executor.execute(statement(text, values)));
      return { rows: Array.from(rows as unknown as ArrayLike<unknown>) };
    },
  };
}

// pg-boss's own setup and upkeep run statements in batches (`BEGIN; …; COMMIT;`): those go
// unbound, through the simple protocol, on one connection of the pool held for the batch.
// The statements of the queue's creation run in the creating transaction: only those, found by
// their async context, so upkeep that pg-boss runs meanwhile never lands in (and aborts) it.
const setup = new AsyncLocalStorage<Executor>();

function clientAdapter() {
  return {
    async executeSql(text: string, values: unknown[] = []): Promise<{ rows: unknown[] }> {
      if (values.length > 0) return adapter(setup.getStore() ?? db()).executeSql(text, values);
      return busy(async () => {
        const connection = await db().$client.reserve();
        try {
          const result = await connection.unsafe(text).simple();
          return { rows: Array.from(result as unknown as ArrayLike<unknown>) };
        } catch (error) {
          // A batch that failed after its BEGIN leaves the connection in an aborted transaction
          // (pg-boss's schema setup fails on purpose when another instance won the race); it
          // goes back to the pool clean, or the next statement there is refused.
          await connection.unsafe("ROLLBACK").catch(() => undefined);
          throw error;
        } finally {
          connection.release();
        }
      });
    },
  };
}

// Instances starting together on a new database would each create the queue (a partition of
// pg-boss's job table, with a foreign key to its queue table); PostgreSQL ends such a race in
// a deadlock. So the queue is created, and its settings updated, in one transaction that
// first takes this advisory lock: the next instance waits for it and finds the queue made.
const QUEUE_SETUP_LOCK = 727_100_002;

async function open(): Promise<Queue> {
  // Retries of one mail (MAIL_RETRY_LIMIT, 11): with the 30 s base the last is tried some 17
  // to 34 hours after the first failure (about a day in all); then the job is `failed`.
  const { mailQueue, mailRetryBaseSeconds, mailRetryLimit, mailLeaseSeconds } = config();
  const boss = new PgBoss({
    db: clientAdapter(),
    schema: "pgboss",
    schedule: false,
    // A delivered mail's link leaves the job table within the hour and the archive a day later.
    archiveCompletedAfterSeconds: 3600,
    archiveFailedAfterSeconds: 7 * 24 * 3600,
    deleteAfterDays: 1,
    // Upkeep (among it: taking back the mail of a worker that died) runs at least once a lease.
    maintenanceIntervalSeconds: Math.min(60, mailLeaseSeconds),
  });
  boss.on("error", (error: Error) => log.error({ err: error }, "mail queue error"));
  // pg-boss creates or upgrades its schema here, under an advisory lock of its own.
  await boss.start();
  const options = {
    name: mailQueue,
    retryLimit: mailRetryLimit,
    retryDelay: mailRetryBaseSeconds,
    retryBackoff: true,
    // An attempt that has not finished by then (a worker that died mid-delivery) is retried.
    expireInSeconds: mailLeaseSeconds,
    retentionDays: 3,
  };
  await db().transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${QUEUE_SETUP_LOCK})`);
    await setup.run(tx, async () => {
      await boss.createQueue(mailQueue, options);
      // A queue made by an older configuration takes this one's retry settings.
      await boss.updateQueue(mailQueue, options);
    });
  });
  return { boss, name: mailQueue, workerId: null, stopped: false };
}

function queue(): Promise<Queue> {
  let opening = openQueue.get();
  if (!opening) {
    opening = open().catch((error: unknown) => {
      openQueue.set(undefined);
      throw error;
    });
    openQueue.set(opening);
  }
  return opening;
}

/** Puts the mail in the queue; with `executor` a transaction, only if that transaction commits. */
export async function enqueueMail(mail: Mail, executor?: Executor): Promise<void> {
  const { boss, name, workerId } = await queue();
  await boss.send(name, mail, executor ? { db: adapter(executor) } : {});
  // The worker of this process looks at once instead of at its next poll.
  if (workerId && !executor) boss.notifyWorker(workerId);
}

/**
 * Sends a mail again at once: a `failed` one gets one more attempt (pg-boss's retry), a
 * `retrying` one stops waiting for its turn. False when the mail is neither (sent, under
 * way, gone, or not of this queue).
 */
export async function retryMailNow(jobId: string): Promise<boolean> {
  const { boss, name, workerId } = await queue();
  // pg-boss's own retry (state `retry`, one more allowed attempt) also brings the time forward,
  // which its API cannot do for a mail already waiting for a retry.
  const rows = await db().execute(
    statement(
      `update pgboss.job
          set state = 'retry',
              retry_limit = case when state = 'failed' then greatest(retry_limit, retry_count) + 1 else retry_limit end,
              start_after = now()
        where name = $1 and id = $2::uuid and state in ('failed', 'retry')
        returning id`,
      [name, jobId],
    ),
  );
  const done = Array.from(rows as unknown as ArrayLike<unknown>).length > 0;
  if (done && workerId) boss.notifyWorker(workerId);
  return done;
}

/** Mail queued in a transaction that has now committed: the worker looks at once, not at its next poll. */
export function wakeMailWorker(): void {
  const pending = openQueue.get();
  void pending
    ?.then((q) => {
      if (q.workerId && !q.stopped) q.boss.notifyWorker(q.workerId);
    })
    .catch(() => undefined);
}

/** Starts this process's mail worker (server start-up). */
export async function startMailWorker(): Promise<void> {
  const q = await queue();
  if (q.workerId) return;
  q.workerId = await q.boss.work<Mail>(
    q.name,
    { pollingIntervalSeconds: POLL_SECONDS, batchSize: 1 },
    async ([job]) => {
      try {
        await busy(() => deliverMail(job!.data));
      } catch (error) {
        // The kind and recipient only, and the server's answer without anything link- or
        // token-shaped: the message holds a link that must reach neither the log nor the job row.
        const failure = deliveryFailure(error);
        log.warn(
          { kind: job!.data.kind, to: job!.data.to, err: failure },
          "mail not delivered yet; it will be tried again",
        );
        throw new DeliveryError(failure);
      } finally {
        // A queue with more waiting is worked on at once, not one mail per polling interval.
        if (q.workerId) q.boss.notifyWorker(q.workerId);
      }
    },
  );
  log.info({ queue: q.name }, "mail worker started");
}

/**
 * Stops taking mail and lets a delivery under way finish; one still running after
 * `timeoutMs` is put back as failed, to be retried (by this or another instance). Well
 * inside the 5 s the server gives itself to exit.
 */
export async function stopMailWorker(timeoutMs = 2500): Promise<void> {
  const pending = openQueue.get();
  if (!pending) return;
  const q = await pending;
  q.stopped = true;
  const { boss } = q;
  const deadline = Date.now() + timeoutMs;
  await boss.stop({ graceful: true, timeout: timeoutMs, close: false });
  // pg-boss may call a stop done while a fetch or a job's outcome is still being written.
  while ((mailBusy.get() ?? 0) > 0 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Readiness: this process's mail worker is running (its queue opened, not stopped). */
export async function mailWorkerRunning(): Promise<boolean> {
  const pending = openQueue.get();
  if (!pending) return false;
  const q = await pending.catch(() => null);
  return Boolean(q?.workerId && !q.stopped);
}
