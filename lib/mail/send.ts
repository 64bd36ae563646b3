// Sending mail: the mail is written to the queue in PostgreSQL and the answer goes
// on; the mail worker (lib/mail/queue.ts) delivers it, over SMTP or into the dev outbox, and
// tries again while the mail server is away. The log names the message, never its link.
import "server-only";
import { log } from "@/lib/log";
import type { Mail } from "./deliver";
import { type Executor, enqueueMail } from "./queue";

export type { Mail };

/** Queues the mail; pass the transaction that causes it, so the two commit together. */
export async function sendMail(message: Mail, tx?: Executor): Promise<void> {
  await enqueueMail(message, tx);
  log.info({ kind: message.kind, to: message.to }, "mail queued");
}
