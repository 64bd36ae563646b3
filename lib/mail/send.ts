// Delivery (SPEC §9): over SMTP when SMTP_URL is set, otherwise into the dev outbox that the
// admin console lists. The server log names the message, never its link or token.
import "server-only";
import nodemailer, { type Transporter } from "nodemailer";
import { db } from "@/db/client";
import { outboxMessages } from "@/db/schema";
import { config } from "@/lib/config";
import { log } from "@/lib/log";
import { headerValue } from "./headers";

export type Mail = { kind: string; to: string; subject: string; text: string; html: string };

const globalForMail = globalThis as unknown as { orionMailer?: Transporter };

function transport(url: string): Transporter {
  globalForMail.orionMailer ??= nodemailer.createTransport(url);
  return globalForMail.orionMailer;
}

export async function sendMail(message: Mail): Promise<void> {
  const mail = { ...message, to: headerValue(message.to), subject: headerValue(message.subject) };
  const { smtpUrl, mailFrom } = config();
  if (smtpUrl) {
    await transport(smtpUrl).sendMail({ from: headerValue(mailFrom), to: mail.to, subject: mail.subject, text: mail.text, html: mail.html });
    log.info({ kind: mail.kind, to: mail.to }, "mail sent");
    return;
  }
  await db().insert(outboxMessages).values(mail);
  log.info({ kind: mail.kind, to: mail.to }, "mail kept in the dev outbox (admin console → Outbox)");
}
