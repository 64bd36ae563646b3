// The mail queue: every mail is a job in PostgreSQL (pg-boss, schema `pgboss`), delivered by a
// worker in each server process. Jobs are taken with FOR UPDATE SKIP LOCKED, so with several
// instances each mail goes out once; one that fails waits and is tried again, about twice as
// long each time, for about a day; one whose worker died is taken again when its lease ends.
// pg-boss talks through the app's own `postgres` pool: one connection path, which is also the
// only one the embedded database (PGlite, a single session) can serve.
import "server-only";
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

// An attempt that has not finished by then (a worker that died mid-delivery) is retried.
const LEASE_SECONDS = 120;
const POLL_SECONDS = 1;

type Queue = { boss: PgBoss; name: string; workerId: string | null };
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
function clientAdapter() {
  return {
    async executeSql(text: string, values: unknown[] = []): Promise<{ rows: unknown[] }> {
      if (values.length > 0) return adapter(db()).executeSql(text, values);
      return busy(async () => {
        const connection = await db().$client.reserve();
        try {
          const result = await connection.unsafe(text).simple();
          return { rows: Array.from(result as unknown as ArrayLike<unknown>) };
        } finally {
          connection.release();
        }
      });
    },
  };
}

/**
 * Instances starting together may each create the queue (a partition of pg-boss's job table);
 * PostgreSQL then ends all but one with a deadlock. The creation is idempotent, so the losers
 * simply try again a moment later and find the queue there.
 */
async function whenNoDeadlock(step: () => Promise<unknown>): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await step();
      return;
    } catch (error) {
      const failed = error as { code?: string; cause?: { code?: string } };
      const code = failed.code ?? failed.cause?.code;
      if (code !== "40P01" || attempt >= 5) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50 + Math.random() * 200 * attempt));
    }
  }
}

async function open(): Promise<Queue> {
  // Retries of one mail (MAIL_RETRY_LIMIT, 11): with the 30 s base the last is tried some 17
  // to 34 hours after the first failure (about a day in all); then the job is `failed`.
  const { mailQueue, mailRetryBaseSeconds, mailRetryLimit } = config();
  const boss = new PgBoss({
    db: clientAdapter(),
    schema: "pgboss",
    schedule: false,
    // A delivered mail's link leaves the job table within the hour and the archive a day later.
    archiveCompletedAfterSeconds: 3600,
    archiveFailedAfterSeconds: 7 * 24 * 3600,
    deleteAfterDays: 1,
  });
  boss.on("error", (error: Error) => log.error({ err: error }, "mail queue error"));
  // pg-boss creates or upgrades its schema here, under an advisory lock of its own.
  await boss.start();
  const options = {
    name: mailQueue,
    retryLimit: mailRetryLimit,
    retryDelay: mailRetryBaseSeconds,
    retryBackoff: true,
    expireInSeconds: LEASE_SECONDS,
    retentionDays: 3,
  };
  await whenNoDeadlock(() => boss.createQueue(mailQueue, options));
  // A queue made by an older configuration takes this one's retry settings.
  await boss.updateQueue(mailQueue, options);
  return { boss, name: mailQueue, workerId: null };
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
  const { boss } = await pending;
  const deadline = Date.now() + timeoutMs;
  await boss.stop({ graceful: true, timeout: timeoutMs, close: false });
  // pg-boss may call a stop done while a fetch or a job's outcome is still being written.
  while ((mailBusy.get() ?? 0) > 0 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
