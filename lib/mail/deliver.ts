// Delivery of one queued mail (README › Mail): over SMTP when SMTP_URL is set, otherwise into the
// dev outbox that the admin console lists. Only the mail worker calls it. The log names the
// message, never its link or token.
import "server-only";
import nodemailer, { type Transporter } from "nodemailer";
import { db } from "@/db/client";
import { outboxMessages } from "@/db/schema";
import { config } from "@/lib/config";
import { log } from "@/lib/log";
import { processSingleton } from "@/lib/process-global";
import { headerValue } from "./headers";

/** One message; `storeId` files it under the store it is sent in the name of (delivery view). */
export type Mail = {
  kind: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  storeId?: string;
};

// A mail server that stalls fails the attempt well before the queue takes the job for lost
// (its lease, MAIL_LEASE_SECONDS): a live worker never races the retry of its own mail.
function transport(url: string): Transporter {
  const bound = (ms: number) => Math.min(ms, (config().mailLeaseSeconds * 1000) / 3);
  return processSingleton("orionMailer", () =>
    nodemailer.createTransport(url, {
      connectionTimeout: bound(10_000),
      greetingTimeout: bound(10_000),
      socketTimeout: bound(30_000),
    }),
  );
}

/** Sends the mail once; a failure throws, and the queue tries again later. */
export async function deliverMail(message: Mail): Promise<void> {
  const mail = { ...message, to: headerValue(message.to), subject: headerValue(message.subject) };
  const { smtpUrl, mailFrom } = config();
  if (smtpUrl) {
    await transport(smtpUrl).sendMail({
      from: headerValue(mailFrom),
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
    });
    log.info({ kind: mail.kind, to: mail.to }, "mail sent");
    return;
  }
  const { kind, to, subject, text, html } = mail;
  await db().insert(outboxMessages).values({ kind, to, subject, text, html });
  log.info({ kind: mail.kind, to: mail.to }, "mail kept in the dev outbox (admin console → Outbox)");
}
